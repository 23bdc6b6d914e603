import { addDuration, dateDifference, isoWeek, namedDate } from './dates.ts';
import { QueryError } from './failure.ts';
import { FUNCTIONS, type Argument } from './functions.ts';
import type { BinaryOperator, Expression } from './parse.ts';
import { displayValue } from './text.ts';
import {
	isArithmetic,
	numberArithmetic,
	compareValues,
	DataviewDate,
	DataviewDuration,
	DataviewLink,
	isTruthy,
	type DataviewIndex,
	type DataviewObject,
	type DataviewPage,
	type DataviewValue,
} from './values.ts';

/** What every expression of one query run can see. */
export interface EvaluationContext {
	readonly index: DataviewIndex;
	/** The note holding the query: `this`. */
	readonly origin: DataviewPage;
	/** When `date(today)` is. */
	readonly now: DataviewDate;
}

/** Lambda parameters in scope, innermost first. */
type Locals = ReadonlyMap<string, DataviewValue>;

const NO_LOCALS: Locals = new Map();

/** Evaluates an expression against one row (a page, a task, a group). */
export function evaluate(expression: Expression, row: DataviewObject, context: EvaluationContext, locals: Locals = NO_LOCALS): DataviewValue {
	const recurse = (inner: Expression): DataviewValue => evaluate(inner, row, context, locals);
	switch (expression.kind) {
		case 'literal':
			return expression.value;
		case 'named-date':
			return namedDate(expression.name, context.now)!;
		case 'variable':
			return variable(expression.name, row, context, locals);
		case 'link':
			return linkTo(expression.target, expression.display, expression.embed, context);
		case 'list':
			return expression.items.map(recurse);
		case 'object':
			return Object.fromEntries(expression.entries.map(([key, value]) => [key, recurse(value)]));
		case 'not':
			return !isTruthy(recurse(expression.operand));
		case 'negative':
			return binary('-', 0, recurse(expression.operand), expression);
		case 'index':
			return fieldOf(recurse(expression.object), recurse(expression.index), context);
		case 'binary': {
			const left = recurse(expression.left);
			if (expression.operator === 'and') return isTruthy(left) && isTruthy(recurse(expression.right));
			if (expression.operator === 'or') return isTruthy(left) || isTruthy(recurse(expression.right));
			return binary(expression.operator, left, recurse(expression.right), expression);
		}
		case 'call': {
			const implementation = FUNCTIONS[expression.name];
			if (implementation === undefined) throw new QueryError(`Unknown function ${expression.name}()`, expression.position, true);
			const args = expression.args.map((argument): Argument => (argument.kind === 'lambda' ? lambda(argument, row, context, locals) : recurse(argument)));
			try {
				return implementation(args, context);
			} catch (error) {
				if (error instanceof QueryError) throw error;
				throw new QueryError(`${expression.name}(): ${(error as Error).message}`, expression.position);
			}
		}
		case 'lambda':
			throw new QueryError('A lambda ((x) => …) can only be given to a function such as map() or filter()', expression.position);
	}
}

function lambda(expression: Expression & { kind: 'lambda' }, row: DataviewObject, context: EvaluationContext, locals: Locals) {
	return (...values: DataviewValue[]): DataviewValue => {
		const scope = new Map(locals);
		expression.parameters.forEach((parameter, position) => scope.set(parameter, values[position] ?? null));
		return evaluate(expression.body, row, context, scope);
	};
}

/** Dataview's normalised key: `Due Date` → `due-date`. */
export function normalizedKey(key: string): string {
	return key
		.trim()
		.toLowerCase()
		.replace(/\s+/g, '-')
		.replace(/[^\p{L}\p{N}\p{Emoji_Presentation}_-]/gu, '');
}

function variable(name: string, row: DataviewObject, context: EvaluationContext, locals: Locals): DataviewValue {
	if (locals.has(name)) return locals.get(name)!;
	if (name === 'this') return context.origin;
	if (name === 'row') return row;
	return row[name] ?? row[normalizedKey(name)] ?? null;
}

function linkTo(target: string, display: string | undefined, embed: boolean, context: EvaluationContext): DataviewLink {
	const origin = context.origin.file.link;
	if (target === '' || target === '#') return new DataviewLink(origin.path, { display, embed });
	const resolved = context.index.resolve(target, origin.path);
	const [path, subpath] = target.split('#', 2) as [string, string | undefined];
	return new DataviewLink(resolved?.path ?? path, { display, subpath: resolved?.subpath ?? subpath, embed });
}

const DATE_FIELDS: Record<string, (utc: Date, date: DataviewDate) => number> = {
	year: (utc) => utc.getUTCFullYear(),
	month: (utc) => utc.getUTCMonth() + 1,
	day: (utc) => utc.getUTCDate(),
	hour: (utc) => utc.getUTCHours(),
	minute: (utc) => utc.getUTCMinutes(),
	second: (utc) => utc.getUTCSeconds(),
	millisecond: (utc) => utc.getUTCMilliseconds(),
	weekday: (utc) => ((utc.getUTCDay() + 6) % 7) + 1,
	week: (_, date) => isoWeek(date).week,
	weekyear: (_, date) => isoWeek(date).year,
	ordinal: (utc) => Math.floor((utc.getTime() - Date.UTC(utc.getUTCFullYear(), 0, 1)) / 86_400_000) + 1,
};

/**
 * `a.b` and `a["b"]`. A list gives each item's field (`rows.file.link`, Dataview's "swizzling");
 * a link gives its note's field (`[[Note]].status`).
 */
export function fieldOf(value: DataviewValue, key: DataviewValue, context: EvaluationContext): DataviewValue {
	if (value === null || key === null) return null;
	if (Array.isArray(value)) {
		if (typeof key === 'number') return value[key < 0 ? value.length + key : key] ?? null;
		return value.map((item: DataviewValue) => fieldOf(item, key, context));
	}
	if (typeof key !== 'string') {
		if (typeof value === 'string' && typeof key === 'number') return value[key] ?? null;
		return null;
	}
	if (value instanceof DataviewDate) return DATE_FIELDS[key]?.(value.utc, value) ?? null;
	if (value instanceof DataviewDuration) return (value.units as Record<string, number>)[key] ?? null;
	if (value instanceof DataviewLink) {
		const page = context.index.page(value);
		return page === undefined ? null : (page[key] ?? page[normalizedKey(key)] ?? null);
	}
	if (typeof value === 'object') {
		const object = value as DataviewObject;
		return object[key] ?? object[normalizedKey(key)] ?? null;
	}
	return null;
}

function typeName(value: DataviewValue): string {
	if (value instanceof DataviewDate) return 'a date';
	if (value instanceof DataviewDuration) return 'a duration';
	if (value instanceof DataviewLink) return 'a link';
	if (Array.isArray(value)) return 'a list';
	return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** Arithmetic and comparison, by the types Dataview gives each a meaning for. */
export function binary(operator: BinaryOperator, left: DataviewValue, right: DataviewValue, at?: Expression): DataviewValue {
	switch (operator) {
		case '=':
			return compareValues(left, right) === 0;
		case '!=':
			return compareValues(left, right) !== 0;
		case '<':
			return compareValues(left, right) < 0;
		case '>':
			return compareValues(left, right) > 0;
		case '<=':
			return compareValues(left, right) <= 0;
		case '>=':
			return compareValues(left, right) >= 0;
	}
	if (operator === '+' && (typeof left === 'string' || typeof right === 'string')) return displayValue(left) + displayValue(right);
	if (left === null || right === null) return null;
	if (typeof left === 'number' && typeof right === 'number' && isArithmetic(operator)) return numberArithmetic(operator, left, right);
	if (operator === '*' && typeof left === 'string' && typeof right === 'number') return right < 0 ? '' : left.repeat(right);
	if (left instanceof DataviewDate && right instanceof DataviewDate && operator === '-') return dateDifference(left, right);
	if (left instanceof DataviewDate && right instanceof DataviewDuration && (operator === '+' || operator === '-')) return addDuration(left, right, operator === '+' ? 1 : -1);
	if (left instanceof DataviewDuration && right instanceof DataviewDate && operator === '+') return addDuration(right, left, 1);
	if (left instanceof DataviewDuration && right instanceof DataviewDuration && (operator === '+' || operator === '-')) {
		const sign = operator === '+' ? 1 : -1;
		return new DataviewDuration({ milliseconds: left.milliseconds + sign * right.milliseconds }).normalized();
	}
	if (left instanceof DataviewDuration && typeof right === 'number' && (operator === '*' || operator === '/')) return left.map((quantity) => (operator === '*' ? quantity * right : quantity / right));
	if (typeof left === 'number' && right instanceof DataviewDuration && operator === '*') return right.map((quantity) => quantity * left);
	throw new QueryError(`Cannot compute ${typeName(left)} ${operator} ${typeName(right)}`, at?.position);
}
