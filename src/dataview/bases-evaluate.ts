import { subexpressions, type BaseBinaryOperator, type BaseExpression } from './bases-expression.ts';
import { addDuration, formatDate, parseIsoDate, stripTime } from './dates.ts';
import { QueryError } from './failure.ts';
import { displayValue } from './text.ts';
import {
	isArithmetic,
	numberArithmetic,
	UNIT_MILLISECONDS,
	compareValues,
	DataviewDate,
	DataviewDuration,
	DataviewLink,
	isTruthy,
	typeOf,
	type DataviewIndex,
	type DataviewObject,
	type DataviewPage,
	type DataviewValue,
	type DurationUnit,
} from './values.ts';

/**
 * Evaluates Bases expressions against one note, with the types and functions of Obsidian's
 * "Functions" reference. Values are the Dataview engine's, plus the two Bases has of its own: a
 * file (`file`, `this`) and a regular expression. A method called on a missing value gives null,
 * so that `status.lower()` on a note without `status` is empty rather than an error.
 */

/** A note as Bases' `file` and `this` see it. */
export class BaseFile {
	readonly page: DataviewPage;

	constructor(page: DataviewPage) {
		this.page = page;
	}
}

export type BaseValue = DataviewValue | BaseFile | RegExp;

export interface BaseContext {
	readonly index: DataviewIndex;
	/** The note embedding the base: `this`. */
	readonly origin: DataviewPage | undefined;
	readonly now: DataviewDate;
	readonly formulas: ReadonlyMap<string, BaseExpression>;
}

/** One note being evaluated, with its formulas computed once each. */
export class BaseRow {
	readonly page: DataviewPage;
	private readonly formulaValues = new Map<string, BaseValue>();
	private readonly computing = new Set<string>();

	constructor(page: DataviewPage) {
		this.page = page;
	}

	formula(name: string, context: BaseContext, at: BaseExpression | undefined): BaseValue {
		const known = this.formulaValues.get(name);
		if (known !== undefined) return known;
		const expression = context.formulas.get(name);
		if (expression === undefined) throw new QueryError(`Unknown formula formula.${name}: the base's formulas do not define it`, at?.position);
		if (this.computing.has(name)) throw new QueryError(`Formula ${name} refers to itself`, at?.position);
		this.computing.add(name);
		try {
			const value = evaluateBase(expression, this, context);
			this.formulaValues.set(name, value);
			return value;
		} finally {
			this.computing.delete(name);
		}
	}
}

/** What a cell, a sort or a group holds: a file is shown as its link, a regex as its source. */
export function plainValue(value: BaseValue): DataviewValue {
	if (value instanceof BaseFile) return value.page.file.link;
	if (value instanceof RegExp) return String(value);
	return value;
}

function typeName(value: BaseValue): string {
	if (value instanceof BaseFile) return 'file';
	if (value instanceof RegExp) return 'regexp';
	return typeOf(value);
}

/** Local names of `filter`, `map` and `reduce` expressions: `value`, `index`, `acc`. */
type Locals = ReadonlyMap<string, BaseValue>;
const NO_LOCALS: Locals = new Map();

export function evaluateBase(expression: BaseExpression, row: BaseRow, context: BaseContext, locals: Locals = NO_LOCALS): BaseValue {
	const recurse = (inner: BaseExpression): BaseValue => evaluateBase(inner, row, context, locals);
	switch (expression.kind) {
		case 'literal':
			return expression.value;
		case 'regex':
			return expression.pattern;
		case 'identifier':
			return identifier(expression, row, context, locals);
		case 'member':
			return member(expression, row, context, locals);
		case 'index': {
			const object = recurse(expression.object);
			const index = plainValue(recurse(expression.index));
			if (Array.isArray(object) && typeof index === 'number') return object[index < 0 ? object.length + index : index] ?? null;
			if (typeof index !== 'string') return null;
			return property(object, index, expression);
		}
		case 'list':
			return expression.items.map((item) => plainValue(recurse(item)));
		case 'object':
			return Object.fromEntries(expression.entries.map(([key, value]) => [key, plainValue(recurse(value))]));
		case 'unary': {
			const operand = recurse(expression.operand);
			if (expression.operator === '!') return !truthy(operand);
			if (typeof operand === 'number') return -operand;
			if (operand === null) return null;
			throw new QueryError(`Cannot negate a ${typeName(operand)}: ${expression.text}`, expression.position);
		}
		case 'binary': {
			const left = recurse(expression.left);
			if (expression.operator === '&&') return truthy(left) ? recurse(expression.right) : left;
			if (expression.operator === '||') return truthy(left) ? left : recurse(expression.right);
			return binary(expression.operator, left, recurse(expression.right), expression);
		}
		case 'call':
			return callGlobal(expression, row, context, locals);
		case 'method':
			return callMethod(expression, row, context, locals);
	}
}

function truthy(value: BaseValue): boolean {
	if (value instanceof BaseFile || value instanceof RegExp) return true;
	return isTruthy(value);
}

function identifier(expression: BaseExpression & { kind: 'identifier' }, row: BaseRow, context: BaseContext, locals: Locals): BaseValue {
	const { name } = expression;
	if (locals.has(name)) return locals.get(name)!;
	switch (name) {
		case 'file':
			return new BaseFile(row.page);
		case 'this':
			if (context.origin === undefined) throw new QueryError('`this` is the note the base is embedded in; this base is not embedded in a note', expression.position, true);
			return new BaseFile(context.origin);
		case 'note':
			return noteProperties(row.page);
		case 'formula':
			throw new QueryError('Write formula.name to use a formula', expression.position);
		default:
			return row.page[name] ?? null;
	}
}

function noteProperties(page: DataviewPage): DataviewObject {
	const { file: _file, ...properties } = page;
	return properties;
}

function member(expression: BaseExpression & { kind: 'member' }, row: BaseRow, context: BaseContext, locals: Locals): BaseValue {
	const { object, name } = expression;
	if (object.kind === 'identifier' && !locals.has(object.name)) {
		if (object.name === 'formula') return row.formula(name, context, expression);
		if (object.name === 'note') return row.page[name] ?? null;
		// `this` is the embedding note as a row is: this.file, this.note.x or this.x.
		if (object.name === 'this' && name !== 'file') {
			const origin = (identifier(object, row, context, locals) as BaseFile).page;
			return name === 'note' ? noteProperties(origin) : (origin[name] ?? null);
		}
	}
	return property(evaluateBase(object, row, context, locals), name, expression);
}

const DATE_FIELDS: Record<string, (utc: Date) => number> = {
	year: (utc) => utc.getUTCFullYear(),
	month: (utc) => utc.getUTCMonth() + 1,
	day: (utc) => utc.getUTCDate(),
	hour: (utc) => utc.getUTCHours(),
	minute: (utc) => utc.getUTCMinutes(),
	second: (utc) => utc.getUTCSeconds(),
	millisecond: (utc) => utc.getUTCMilliseconds(),
};


/** `file.x`, `date.year`, `duration.days` (the whole span in days), `list.length`, `object.key`. */
function property(value: BaseValue, name: string, at: BaseExpression): BaseValue {
	if (value instanceof BaseFile) return fileProperty(value.page, name, at);
	if (value instanceof DataviewDate) return DATE_FIELDS[name]?.(value.utc) ?? null;
	if (value instanceof DataviewDuration) {
		const unit = Object.hasOwn(UNIT_MILLISECONDS, name) ? UNIT_MILLISECONDS[name as DurationUnit] : undefined;
		return unit === undefined ? null : value.milliseconds / unit;
	}
	if ((typeof value === 'string' || Array.isArray(value)) && name === 'length') return value.length;
	if (value !== null && typeOf(value as DataviewValue) === 'object') return (value as DataviewObject)[name] ?? null;
	return null;
}

function fileProperty(page: DataviewPage, name: string, at: BaseExpression): BaseValue {
	const { file } = page;
	switch (name) {
		case 'name':
			return file.path.replace(/^.*\//, '');
		case 'basename':
			return file.name;
		case 'path':
			return file.path;
		case 'folder':
			return file.folder === '' ? '/' : file.folder;
		case 'ext':
			return file.ext;
		case 'size':
			return file.size;
		case 'ctime':
			return file.ctime;
		case 'mtime':
			return file.mtime;
		case 'tags':
			return file.tags;
		case 'links':
			return file.outlinks;
		case 'embeds':
			return file.outlinks.filter((link) => link.embed);
		case 'backlinks':
			return file.inlinks;
		case 'properties':
			return file.frontmatter;
		case 'file':
			return new BaseFile(page);
		default:
			throw new QueryError(`Unknown file property file.${name}`, at.position, true);
	}
}

const DURATION_UNIT_NAMES: Record<string, DurationUnit> = { y: 'years', M: 'months', w: 'weeks', d: 'days', h: 'hours', m: 'minutes', s: 'seconds' };
const DURATION_WORDS: Record<string, DurationUnit> = {};
for (const unit of ['year', 'month', 'week', 'day', 'hour', 'minute', 'second'] as const) {
	DURATION_WORDS[unit] = `${unit}s`;
	DURATION_WORDS[`${unit}s`] = `${unit}s`;
}

/** `"1d"`, `"1 day"`, `"2h 30m"`; `M` is a month and `m` a minute, as Bases reads them. Undefined if not a duration. */
export function parseBaseDuration(text: string): DataviewDuration | undefined {
	const units: Partial<Record<DurationUnit, number>> = {};
	const part = /\s*(-?\d+(?:\.\d+)?)\s*([a-zA-Z]+)\s*,?/y;
	let end = 0;
	let match: RegExpExecArray | null;
	while ((match = part.exec(text))) {
		const written = match[2]!;
		const unit = DURATION_UNIT_NAMES[written] ?? DURATION_WORDS[written.toLowerCase()];
		if (unit === undefined) return undefined;
		units[unit] = (units[unit] ?? 0) + Number(match[1]);
		end = part.lastIndex;
	}
	if (end === 0 || text.slice(end).trim() !== '') return undefined;
	return new DataviewDuration(units);
}

function asDuration(value: BaseValue): DataviewDuration | undefined {
	if (value instanceof DataviewDuration) return value;
	return typeof value === 'string' ? parseBaseDuration(value) : undefined;
}

/** Values compared: a file stands for its link, so `author == this` holds when `author` links to it. */
function comparable(value: BaseValue): DataviewValue {
	return plainValue(value);
}

/** As JavaScript compares them, text holding a number is that number beside a number (`"2.50" < 3`). */
function numeric(value: DataviewValue, other: DataviewValue): DataviewValue {
	if (typeof value === 'string' && typeof other === 'number' && value.trim() !== '' && !Number.isNaN(Number(value))) return Number(value);
	return value;
}

function binary(operator: BaseBinaryOperator, left: BaseValue, right: BaseValue, at: BaseExpression): BaseValue {
	const a = comparable(left);
	const b = comparable(right);
	switch (operator) {
		case '==':
			return compareValues(a, b) === 0;
		case '!=':
			return compareValues(a, b) !== 0;
		case '<':
		case '>':
		case '<=':
		case '>=': {
			// A missing value is neither less nor more than anything: the note does not pass.
			if (a === null || b === null) return false;
			const order = compareValues(numeric(a, b), numeric(b, a));
			return operator === '<' ? order < 0 : operator === '>' ? order > 0 : operator === '<=' ? order <= 0 : order >= 0;
		}
	}
	if (a instanceof DataviewDate && (operator === '+' || operator === '-')) {
		if (operator === '-' && b instanceof DataviewDate) return new DataviewDuration({ milliseconds: a.time - b.time }).normalized();
		const duration = asDuration(b);
		if (duration !== undefined) return addDuration(a, duration, operator === '+' ? 1 : -1);
	}
	if (operator === '+' && (typeof a === 'string' || typeof b === 'string')) return displayValue(a) + displayValue(b);
	if (a === null || b === null) return null;
	if (typeof a === 'number' && typeof b === 'number' && isArithmetic(operator)) return numberArithmetic(operator, a, b);
	if (a instanceof DataviewDuration && b instanceof DataviewDuration && (operator === '+' || operator === '-')) {
		return new DataviewDuration({ milliseconds: a.milliseconds + (operator === '+' ? 1 : -1) * b.milliseconds }).normalized();
	}
	if (a instanceof DataviewDuration && typeof b === 'number' && (operator === '*' || operator === '/')) {
		return new DataviewDuration({ milliseconds: operator === '*' ? a.milliseconds * b : a.milliseconds / b }).normalized();
	}
	throw new QueryError(`Cannot compute ${typeName(left)} ${operator} ${typeName(right)}: ${at.text}`, at.position);
}

function argument(args: readonly BaseValue[], position: number): BaseValue {
	return args[position] ?? null;
}

function text(args: readonly BaseValue[], position: number, name: string): string {
	const value = argument(args, position);
	if (typeof value !== 'string') throw new Error(`${name}: argument ${position + 1} must be text, not ${typeName(value)}`);
	return value;
}

function number(args: readonly BaseValue[], position: number, name: string): number {
	const value = argument(args, position);
	if (typeof value !== 'number') throw new Error(`${name}: argument ${position + 1} must be a number, not ${typeName(value)}`);
	return value;
}

function toNumber(value: BaseValue): DataviewValue {
	if (typeof value === 'number') return value;
	if (typeof value === 'boolean') return value ? 1 : 0;
	if (value instanceof DataviewDate) return value.time;
	if (value instanceof DataviewDuration) return value.milliseconds;
	if (typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value))) return Number(value);
	if (value === null) return null;
	throw new Error(`number(): ${displayValue(plainValue(value))} is not a number`);
}

function toDate(value: BaseValue): DataviewValue {
	if (value instanceof DataviewDate) return value;
	if (typeof value === 'string') return parseIsoDate(value) ?? null;
	return null;
}

/** `[[Note]]`, `Note` or a path → the note's link as the site resolves it from `from`. */
function linkTo(target: string, display: string | undefined, context: BaseContext, from: string): DataviewLink {
	const inside = target.replace(/^\[\[(.*)\]\]$/, '$1');
	const [name, shown] = inside.split('|', 2) as [string, string | undefined];
	const resolved = context.index.resolve(name, from);
	return new DataviewLink(resolved?.path ?? name, { display: display ?? shown, subpath: resolved?.subpath });
}

type Global = (args: readonly BaseValue[], context: BaseContext, row: BaseRow) => BaseValue;

const GLOBALS: Readonly<Record<string, Global>> = {
	date: (args) => toDate(argument(args, 0)),
	duration: (args) => asDuration(argument(args, 0)) ?? null,
	now: (_, context) => context.now,
	today: (_, context) => stripTime(context.now),
	number: (args) => toNumber(argument(args, 0)),
	list: (args) => {
		const value = plainValue(argument(args, 0));
		return Array.isArray(value) ? value : value === null ? [] : [value];
	},
	link: (args, context, row) => {
		const target = argument(args, 0);
		const display = args.length > 1 ? displayValue(plainValue(argument(args, 1))) : undefined;
		if (target instanceof BaseFile) return new DataviewLink(target.page.file.path, { display });
		if (target instanceof DataviewLink) return display === undefined ? target : new DataviewLink(target.path, { display, subpath: target.subpath });
		return linkTo(text(args, 0, 'link()'), display, context, row.page.file.path);
	},
	file: (args, context, row) => {
		const target = argument(args, 0);
		if (target instanceof BaseFile) return target;
		const link = target instanceof DataviewLink ? target : linkTo(text(args, 0, 'file()'), undefined, context, row.page.file.path);
		const page = context.index.page(link);
		return page === undefined ? null : new BaseFile(page);
	},
	min: (args) => numbersOf(args, 'min()').reduce<DataviewValue>((least, value) => (least === null || value < (least as number) ? value : least), null),
	max: (args) => numbersOf(args, 'max()').reduce<DataviewValue>((most, value) => (most === null || value > (most as number) ? value : most), null),
};

function numbersOf(args: readonly BaseValue[], name: string): number[] {
	return args.map((_, position) => number(args, position, name));
}

/** Names a base may call that are Obsidian's but not answered here, and why. */
const UNSUPPORTED_GLOBALS: Readonly<Record<string, string>> = {
	image: 'images in cells are not drawn',
	icon: 'icons are not drawn',
	html: 'HTML from a note is not inserted into pages',
	escapeHTML: 'HTML from a note is not inserted into pages',
	random: 'a random number would change the page at every build',
};

export const GLOBAL_FUNCTIONS: ReadonlySet<string> = new Set([...Object.keys(GLOBALS), 'if']);

function callGlobal(expression: BaseExpression & { kind: 'call' }, row: BaseRow, context: BaseContext, locals: Locals): BaseValue {
	const evaluated = (inner: BaseExpression): BaseValue => evaluateBase(inner, row, context, locals);
	if (expression.name === 'if') {
		const [condition, then, otherwise] = expression.args;
		if (condition === undefined || then === undefined) throw new QueryError('if() needs a condition and a result: if(condition, result, otherwise)', expression.position);
		if (truthy(evaluated(condition))) return evaluated(then);
		return otherwise === undefined ? null : evaluated(otherwise);
	}
	const implementation = GLOBALS[expression.name];
	if (implementation === undefined) throw unknownFunction(expression.name, expression);
	return withPosition(expression, () => implementation(expression.args.map(evaluated), context, row));
}

function unknownFunction(name: string, at: BaseExpression): QueryError {
	const reason = UNSUPPORTED_GLOBALS[name];
	return new QueryError(reason === undefined ? `Unknown function ${name}()` : `${name}() is not supported: ${reason}`, at.position, true);
}

/** Errors thrown by a function's implementation become the query's, at the call. */
function withPosition(at: BaseExpression, compute: () => BaseValue): BaseValue {
	try {
		return compute();
	} catch (error) {
		if (error instanceof QueryError) throw error;
		throw new QueryError(`${(error as Error).message} in ${at.text}`, at.position);
	}
}

function contains(haystack: DataviewValue, needle: DataviewValue): boolean {
	if (typeof haystack === 'string') return typeof needle === 'string' && haystack.includes(needle);
	if (Array.isArray(haystack)) return haystack.some((item: DataviewValue) => compareValues(item, needle) === 0);
	return false;
}

function normalizedTag(tag: string): string {
	return tag.replace(/^#/, '').toLowerCase();
}

function hasLink(page: DataviewPage, target: BaseValue, context: BaseContext): boolean {
	let path: string;
	if (target instanceof BaseFile) path = target.page.file.path;
	else if (target instanceof DataviewLink) path = target.path;
	else if (typeof target === 'string') path = linkTo(target, undefined, context, page.file.path).path;
	else return false;
	return page.file.outlinks.some((link) => link.path === path);
}

type Method = (self: BaseValue, args: readonly BaseValue[], context: BaseContext) => BaseValue;

function isEmpty(self: BaseValue): boolean {
	if (self === null) return true;
	if (typeof self === 'string' || Array.isArray(self)) return self.length === 0;
	if (self instanceof BaseFile || self instanceof RegExp) return false;
	return typeOf(self) === 'object' && Object.keys(self as DataviewObject).length === 0;
}

const MOMENT_TOKEN = /\[([^\]]*)\]|YYYY|YY|MMMM|MMM|MM|M|DD|D|dddd|ddd|HH|H|hh|h|mm|m|ss|s|SSS|A|[a-zA-Z]+/g;
const MOMENT_TO_LUXON: Record<string, string> = { YYYY: 'yyyy', YY: 'yy', DD: 'dd', D: 'd', dddd: 'EEEE', ddd: 'EEE', A: 'a' };

/** A Moment.js format (`YYYY-MM-DD`, Bases' `date.format()`) as the Luxon format `formatDate` reads. */
function luxonFormat(moment: string): string {
	return moment.replace(MOMENT_TOKEN, (token, literal: string | undefined) => {
		if (literal !== undefined) return `'${literal}'`;
		if (/^(MMMM|MMM|MM|M|HH|H|hh|h|mm|m|ss|s|SSS)$/.test(token)) return token;
		return MOMENT_TO_LUXON[token] ?? `'${token}'`;
	});
}

const RELATIVE = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });

function relative(date: DataviewDate, now: DataviewDate): string {
	const seconds = (date.time - now.time) / 1000;
	const steps: [Intl.RelativeTimeFormatUnit, number][] = [['year', 31_536_000], ['month', 2_592_000], ['week', 604_800], ['day', 86_400], ['hour', 3600], ['minute', 60]];
	for (const [unit, size] of steps) if (Math.abs(seconds) >= size) return RELATIVE.format(Math.round(seconds / size), unit);
	return RELATIVE.format(Math.round(seconds), 'second');
}

function self<Type>(value: BaseValue, test: (value: BaseValue) => value is BaseValue & Type, expected: string, name: string): Type {
	if (!test(value)) throw new Error(`${name}() needs ${expected}, not ${typeName(value)}`);
	return value as Type;
}

const isString = (value: BaseValue): value is string => typeof value === 'string';
const isNumber = (value: BaseValue): value is number => typeof value === 'number';
const isList = (value: BaseValue): value is readonly DataviewValue[] => Array.isArray(value);
const isDate = (value: BaseValue): value is DataviewDate => value instanceof DataviewDate;
const isFile = (value: BaseValue): value is BaseFile => value instanceof BaseFile;
const isStringOrList = (value: BaseValue): value is string | readonly DataviewValue[] => typeof value === 'string' || Array.isArray(value);
const isObject = (value: BaseValue): value is DataviewObject => value !== null && !(value instanceof BaseFile) && !(value instanceof RegExp) && typeOf(value) === 'object';

function plainArgs(args: readonly BaseValue[]): DataviewValue[] {
	return args.map(plainValue);
}

/** Methods by name; each checks the type of the value it is called on. */
const METHODS: Readonly<Record<string, Method>> = {
	// Any type
	isTruthy: (value) => truthy(value),
	isType: (value, args) => {
		const type = text(args, 0, 'isType()');
		return typeName(value) === type || (type === 'list' && Array.isArray(value));
	},
	toString: (value: BaseValue) => displayValue(plainValue(value)),
	isEmpty: (value) => isEmpty(value),
	// Text and lists
	contains: (value, args) => contains(self(value, isStringOrList, 'text or a list', 'contains'), plainValue(argument(args, 0))),
	containsAll: (value, args) => plainArgs(args).every((needle) => contains(self(value, isStringOrList, 'text or a list', 'containsAll'), needle)),
	containsAny: (value, args) => plainArgs(args).some((needle) => contains(self(value, isStringOrList, 'text or a list', 'containsAny'), needle)),
	slice: (value, args) => self(value, isStringOrList, 'text or a list', 'slice').slice(number(args, 0, 'slice()'), args.length > 1 ? number(args, 1, 'slice()') : undefined),
	reverse: (value) => {
		const target = self(value, isStringOrList, 'text or a list', 'reverse');
		return typeof target === 'string' ? [...target].reverse().join('') : [...target].reverse();
	},
	// Text
	startsWith: (value, args) => self(value, isString, 'text', 'startsWith').startsWith(text(args, 0, 'startsWith()')),
	endsWith: (value, args) => self(value, isString, 'text', 'endsWith').endsWith(text(args, 0, 'endsWith()')),
	lower: (value) => self(value, isString, 'text', 'lower').toLowerCase(),
	upper: (value) => self(value, isString, 'text', 'upper').toUpperCase(),
	title: (value) => self(value, isString, 'text', 'title').replace(/(^|\s)(\p{L})/gu, (_, space: string, letter: string) => space + letter.toUpperCase()),
	trim: (value) => self(value, isString, 'text', 'trim').trim(),
	repeat: (value, args) => self(value, isString, 'text', 'repeat').repeat(Math.max(0, number(args, 0, 'repeat()'))),
	replace: (value, args) => {
		const target = self(value, isString, 'text', 'replace');
		const pattern = argument(args, 0);
		const replacement = text(args, 1, 'replace()');
		return pattern instanceof RegExp ? target.replace(pattern, replacement) : target.replaceAll(text(args, 0, 'replace()'), replacement);
	},
	split: (value, args) => {
		const separator = argument(args, 0);
		const parts = self(value, isString, 'text', 'split').split(separator instanceof RegExp ? separator : text(args, 0, 'split()'));
		return args.length > 1 ? parts.slice(0, number(args, 1, 'split()')) : parts;
	},
	// Numbers
	abs: (value) => Math.abs(self(value, isNumber, 'a number', 'abs')),
	ceil: (value) => Math.ceil(self(value, isNumber, 'a number', 'ceil')),
	floor: (value) => Math.floor(self(value, isNumber, 'a number', 'floor')),
	round: (value, args) => {
		const factor = 10 ** (args.length > 0 ? number(args, 0, 'round()') : 0);
		return Math.round(self(value, isNumber, 'a number', 'round') * factor) / factor;
	},
	toFixed: (value, args) => self(value, isNumber, 'a number', 'toFixed').toFixed(number(args, 0, 'toFixed()')),
	// Lists
	flat: (value) => self(value, isList, 'a list', 'flat').flatMap((item: DataviewValue) => (Array.isArray(item) ? item : [item])),
	join: (value, args) => self(value, isList, 'a list', 'join').map(displayValue).join(args.length > 0 ? text(args, 0, 'join()') : ','),
	sort: (value) => [...self(value, isList, 'a list', 'sort')].sort(compareValues),
	unique: (value) => self(value, isList, 'a list', 'unique').filter((item, position, all) => all.findIndex((other) => compareValues(item, other) === 0) === position),
	// Dates
	date: (value) => stripTime(self(value, isDate, 'a date', 'date')),
	time: (value) => formatDate(self(value, isDate, 'a date', 'time'), 'HH:mm:ss'),
	format: (value, args) => formatDate(self(value, isDate, 'a date', 'format'), luxonFormat(text(args, 0, 'format()'))),
	relative: (value, _, context) => relative(self(value, isDate, 'a date', 'relative'), context.now),
	// Files and links
	asLink: (value, args) => new DataviewLink(self(value, isFile, 'a file', 'asLink').page.file.path, { display: args.length > 0 ? text(args, 0, 'asLink()') : undefined }),
	hasTag: (value, args) => {
		const tags = self(value, isFile, 'a file', 'hasTag').page.file.tags.map(normalizedTag);
		return args.some((_, position) => {
			const wanted = normalizedTag(text(args, position, 'hasTag()'));
			return tags.some((tag) => tag === wanted || tag.startsWith(`${wanted}/`));
		});
	},
	inFolder: (value, args) => {
		const folder = self(value, isFile, 'a file', 'inFolder').page.file.folder;
		const wanted = text(args, 0, 'inFolder()').replace(/^\/+|\/+$/g, '');
		return wanted === '' || folder === wanted || folder.startsWith(`${wanted}/`);
	},
	hasLink: (value, args, context) => hasLink(self(value, isFile, 'a file', 'hasLink').page, argument(args, 0), context),
	hasProperty: (value, args) => {
		const name = text(args, 0, 'hasProperty()');
		return name !== 'file' && self(value, isFile, 'a file', 'hasProperty').page[name] !== undefined;
	},
	asFile: (value, _, context) => {
		const page = context.index.page(self(value, (candidate): candidate is DataviewLink => candidate instanceof DataviewLink, 'a link', 'asFile'));
		return page === undefined ? null : new BaseFile(page);
	},
	linksTo: (value, args, context) => {
		const page = context.index.page(self(value, (candidate): candidate is DataviewLink => candidate instanceof DataviewLink, 'a link', 'linksTo'));
		return page !== undefined && hasLink(page, argument(args, 0), context);
	},
	// Objects and regular expressions
	keys: (value) => Object.keys(self(value, isObject, 'an object', 'keys')),
	values: (value) => Object.values(self(value, isObject, 'an object', 'values')).map((item) => item ?? null),
	matches: (value, args) => self(value, (candidate): candidate is RegExp => candidate instanceof RegExp, 'a regular expression', 'matches').test(text(args, 0, 'matches()')),
};

/** Methods whose arguments are expressions over each item (`value`, `index`, `acc`), not values. */
const ITEM_METHODS = new Set(['filter', 'map', 'reduce']);

/** Whatever the value, these answer for a missing one instead of giving null. */
const ON_NULL: Readonly<Record<string, BaseValue>> = { isEmpty: true, isTruthy: false, toString: '', contains: false, containsAll: false, containsAny: false, hasTag: false, hasLink: false };

export const METHOD_NAMES: ReadonlySet<string> = new Set([...Object.keys(METHODS), ...ITEM_METHODS]);

function callMethod(expression: BaseExpression & { kind: 'method' }, row: BaseRow, context: BaseContext, locals: Locals): BaseValue {
	const value = evaluateBase(expression.object, row, context, locals);
	if (value === null) return ON_NULL[expression.name] ?? null;
	if (ITEM_METHODS.has(expression.name)) return itemMethod(expression, value, row, context, locals);
	const implementation = METHODS[expression.name];
	if (implementation === undefined) throw new QueryError(`Unknown method ${expression.name}()`, expression.position, true);
	const args = expression.args.map((inner) => evaluateBase(inner, row, context, locals));
	return withPosition(expression, () => implementation(value, args, context));
}

function itemMethod(expression: BaseExpression & { kind: 'method' }, value: BaseValue, row: BaseRow, context: BaseContext, locals: Locals): BaseValue {
	const list = withPosition(expression, () => self(value, isList, 'a list', expression.name)) as readonly DataviewValue[];
	const [body, initial] = expression.args;
	if (body === undefined) throw new QueryError(`${expression.name}() needs an expression over value, such as ${expression.name}(value > 2)`, expression.position);
	const each = (item: DataviewValue, index: number, acc?: BaseValue): BaseValue => {
		const scope = new Map(locals);
		scope.set('value', item);
		scope.set('index', index);
		if (acc !== undefined) scope.set('acc', acc);
		return evaluateBase(body, row, context, scope);
	};
	switch (expression.name) {
		case 'filter':
			return list.filter((item, index) => truthy(each(item, index)));
		case 'map':
			return list.map((item, index) => plainValue(each(item, index)));
		default: {
			let acc: BaseValue = initial === undefined ? null : evaluateBase(initial, row, context, locals);
			list.forEach((item, index) => {
				acc = each(item, index, acc);
			});
			return acc;
		}
	}
}

/** The first function or method the base calls that is not answered here, as an error to report before any note is read. */
export function unsupportedCall(expression: BaseExpression): QueryError | undefined {
	if (expression.kind === 'call' && !GLOBAL_FUNCTIONS.has(expression.name)) return unknownFunction(expression.name, expression);
	if (expression.kind === 'method' && !METHOD_NAMES.has(expression.name)) return new QueryError(`Unknown method ${expression.name}()`, expression.position, true);
	for (const child of subexpressions(expression)) {
		const found = unsupportedCall(child);
		if (found) return found;
	}
	return undefined;
}
