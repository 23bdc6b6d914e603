import { formatDate, parseDuration, parseIsoDate, stripTime } from './dates.ts';
import type { EvaluationContext } from './evaluate.ts';
import { displayValue } from './text.ts';
import {
	compareValues,
	DataviewDate,
	DataviewDuration,
	DataviewLink,
	isTruthy,
	typeOf,
	valuesEqual,
	type DataviewObject,
	type DataviewValue,
} from './values.ts';

/**
 * Dataview's functions (docs/docs/reference/functions.md of obsidian-dataview). A function that
 * Dataview applies to each item of a list (`lower(["A", "B"])`) does so here too. Wrong argument
 * types throw an Error whose message the evaluator prefixes with the function's name.
 */

export type Callable = (...values: DataviewValue[]) => DataviewValue;
export type Argument = DataviewValue | Callable;
type Implementation = (args: readonly Argument[], context: EvaluationContext) => DataviewValue;

function value(args: readonly Argument[], position: number): DataviewValue {
	const argument = args[position] ?? null;
	if (typeof argument === 'function') throw new Error(`argument ${position + 1} cannot be a lambda`);
	return argument;
}

function text(args: readonly Argument[], position: number): string {
	const argument = value(args, position);
	if (typeof argument !== 'string') throw new Error(`argument ${position + 1} must be text, not ${typeOf(argument)}`);
	return argument;
}

function number(args: readonly Argument[], position: number): number {
	const argument = value(args, position);
	if (typeof argument !== 'number') throw new Error(`argument ${position + 1} must be a number, not ${typeOf(argument)}`);
	return argument;
}

function list(args: readonly Argument[], position: number): readonly DataviewValue[] {
	const argument = value(args, position);
	if (argument === null) return [];
	return Array.isArray(argument) ? argument : [argument];
}

function callable(args: readonly Argument[], position: number): Callable {
	const argument = args[position];
	if (typeof argument !== 'function') throw new Error(`argument ${position + 1} must be a lambda such as (x) => x.field`);
	return argument;
}

/** Applies a function of one value to each item when the first argument is a list. */
function eachItem(implementation: (item: DataviewValue, args: readonly Argument[], context: EvaluationContext) => DataviewValue): Implementation {
	return (args, context) => {
		const first = value(args, 0);
		if (Array.isArray(first)) return first.map((item: DataviewValue) => implementation(item, args, context));
		return implementation(first, args, context);
	};
}

/** `min(1, 2)` and `min([1, 2])` alike. */
function spread(args: readonly Argument[]): readonly DataviewValue[] {
	return args.length === 1 ? list(args, 0) : args.map((_, position) => value(args, position));
}

function regex(pattern: string, flags = ''): RegExp {
	try {
		return new RegExp(pattern, flags);
	} catch (error) {
		throw new Error(`"${pattern}" is not a valid regular expression: ${(error as Error).message}`, { cause: error });
	}
}

function contains(haystack: DataviewValue, needle: DataviewValue, caseless: boolean): boolean {
	if (typeof haystack === 'string') {
		if (typeof needle !== 'string') return false;
		return caseless ? haystack.toLowerCase().includes(needle.toLowerCase()) : haystack.includes(needle);
	}
	if (Array.isArray(haystack)) return haystack.some((item: DataviewValue) => contains(item, needle, caseless));
	if (haystack !== null && typeof haystack === 'object' && typeOf(haystack) === 'object') return typeof needle === 'string' && (haystack as DataviewObject)[needle] !== undefined;
	return valuesEqual(haystack, needle);
}

function toDate(input: DataviewValue, context: EvaluationContext): DataviewValue {
	if (input instanceof DataviewDate) return input;
	if (typeof input === 'string') return parseIsoDate(input) ?? null;
	if (input instanceof DataviewLink) return context.index.page(input)?.file.day ?? parseIsoDate(input.path.replace(/^.*\//, '').replace(/\.md$/, '')) ?? null;
	return null;
}

function sum(values: readonly DataviewValue[]): DataviewValue {
	if (values.length === 0) return null;
	return values.reduce((total, item) => {
		if (typeof total === 'number' && typeof item === 'number') return total + item;
		if (total instanceof DataviewDuration && item instanceof DataviewDuration) return new DataviewDuration({ milliseconds: total.milliseconds + item.milliseconds }).normalized();
		throw new Error(`can only add numbers or durations, not ${typeOf(total)} and ${typeOf(item)}`);
	});
}

export const FUNCTIONS: Readonly<Record<string, Implementation>> = {
	// Constructors
	list: (args) => args.map((_, position) => value(args, position)),
	array: (args) => args.map((_, position) => value(args, position)),
	object: (args) => {
		const entries: [string, DataviewValue][] = [];
		for (let position = 0; position < args.length; position += 2) entries.push([text(args, position), value(args, position + 1)]);
		return Object.fromEntries(entries);
	},
	date: (args, context) => {
		if (args.length > 1) throw new Error('date(text, format) is not supported; write the date as YYYY-MM-DD');
		return toDate(value(args, 0), context);
	},
	dur: (args) => {
		const input = value(args, 0);
		if (input instanceof DataviewDuration) return input;
		return typeof input === 'string' ? (parseDuration(input) ?? null) : null;
	},
	number: eachItem((item) => {
		if (typeof item === 'number') return item;
		const match = typeof item === 'string' ? /-?\d+(?:\.\d+)?/.exec(item) : null;
		return match ? Number(match[0]) : null;
	}),
	string: (args) => displayValue(value(args, 0)),
	link: eachItem((item, args, context) => {
		if (item instanceof DataviewLink) return item;
		if (typeof item !== 'string') return null;
		const display = args.length > 1 ? text(args, 1) : undefined;
		const resolved = context.index.resolve(item, context.origin.file.path);
		return new DataviewLink(resolved?.path ?? item, { display, subpath: resolved?.subpath });
	}),
	typeof: (args) => {
		const type = typeOf(value(args, 0));
		return type === 'null' ? 'null' : type;
	},
	// Numbers
	round: eachItem((item, args) => {
		if (typeof item !== 'number') return null;
		const factor = 10 ** (args.length > 1 ? number(args, 1) : 0);
		return Math.round(item * factor) / factor;
	}),
	trunc: eachItem((item) => (typeof item === 'number' ? Math.trunc(item) : null)),
	floor: eachItem((item) => (typeof item === 'number' ? Math.floor(item) : null)),
	ceil: eachItem((item) => (typeof item === 'number' ? Math.ceil(item) : null)),
	min: (args) => spread(args).reduce<DataviewValue>((least, item) => (least === null || compareValues(item, least) < 0 ? item : least), null),
	max: (args) => spread(args).reduce<DataviewValue>((most, item) => (most === null || compareValues(item, most) > 0 ? item : most), null),
	sum: (args) => sum(list(args, 0)),
	average: (args) => {
		const values = list(args, 0);
		const total = sum(values);
		return typeof total === 'number' ? total / values.length : null;
	},
	product: (args) => {
		const values = list(args, 0);
		return values.length === 0 ? null : values.reduce<number>((total, item) => total * (typeof item === 'number' ? item : Number.NaN), 1);
	},
	// Lists, objects and text
	contains: (args) => contains(value(args, 0), value(args, 1), false),
	icontains: (args) => contains(value(args, 0), value(args, 1), true),
	econtains: (args) => {
		const haystack = value(args, 0);
		const needle = value(args, 1);
		if (typeof haystack === 'string') return typeof needle === 'string' && haystack.includes(needle);
		if (Array.isArray(haystack)) return haystack.some((item: DataviewValue) => valuesEqual(item, needle));
		return contains(haystack, needle, false);
	},
	containsword: eachItem((item, args) => {
		if (typeof item !== 'string') return false;
		const word = text(args, 1).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
		return regex(`(^|[^\\p{L}\\p{N}_])${word}($|[^\\p{L}\\p{N}_])`, 'iu').test(item);
	}),
	length: (args) => {
		const input = value(args, 0);
		if (input === null) return 0;
		if (typeof input === 'string' || Array.isArray(input)) return input.length;
		return typeOf(input) === 'object' ? Object.keys(input as DataviewObject).length : 0;
	},
	sort: (args) => {
		const key = args.length > 1 ? callable(args, 1) : (item: DataviewValue) => item;
		return [...list(args, 0)].sort((a, b) => compareValues(key(a), key(b)));
	},
	reverse: (args) => [...list(args, 0)].reverse(),
	nonnull: (args) => list(args, 0).filter((item) => item !== null),
	firstvalue: (args) => list(args, 0).find((item) => item !== null) ?? null,
	unique: (args) => list(args, 0).filter((item, position, all) => all.findIndex((other) => valuesEqual(item, other)) === position),
	flat: (args) => {
		const flatten = (items: readonly DataviewValue[], depth: number): DataviewValue[] =>
			items.flatMap((item) => (Array.isArray(item) && depth > 0 ? flatten(item, depth - 1) : [item]));
		return flatten(list(args, 0), args.length > 1 ? number(args, 1) : 1);
	},
	slice: (args) => list(args, 0).slice(args.length > 1 ? number(args, 1) : 0, args.length > 2 ? number(args, 2) : undefined),
	join: (args) => {
		const input = value(args, 0);
		const items = Array.isArray(input) ? input : [input];
		return items.map(displayValue).join(args.length > 1 ? text(args, 1) : ', ');
	},
	filter: (args) => {
		const predicate = callable(args, 1);
		return list(args, 0).filter((item) => isTruthy(predicate(item)));
	},
	map: (args) => {
		const transform = callable(args, 1);
		return list(args, 0).map((item) => transform(item));
	},
	all: (args) => {
		if (typeof args[1] === 'function') return list(args, 0).every((item) => isTruthy(callable(args, 1)(item)));
		return spread(args).every(isTruthy);
	},
	any: (args) => {
		if (typeof args[1] === 'function') return list(args, 0).some((item) => isTruthy(callable(args, 1)(item)));
		return spread(args).some(isTruthy);
	},
	none: (args) => {
		if (typeof args[1] === 'function') return !list(args, 0).some((item) => isTruthy(callable(args, 1)(item)));
		return !spread(args).some(isTruthy);
	},
	extract: (args) => {
		const source = value(args, 0) as DataviewObject;
		return Object.fromEntries(args.slice(1).map((_, position) => [text(args, position + 1), source[text(args, position + 1)] ?? null]));
	},
	// Text
	regextest: (args) => regex(text(args, 0)).test(text(args, 1)),
	regexmatch: (args) => {
		const input = value(args, 1);
		const whole = new RegExp(`^(?:${regex(text(args, 0)).source})$`);
		return typeof input === 'string' && whole.test(input);
	},
	regexreplace: eachItem((item, args) => (typeof item === 'string' ? item.replace(regex(text(args, 1), 'g'), text(args, 2)) : null)),
	replace: eachItem((item, args) => (typeof item === 'string' ? item.replaceAll(text(args, 1), text(args, 2)) : null)),
	lower: eachItem((item) => (typeof item === 'string' ? item.toLowerCase() : item)),
	upper: eachItem((item) => (typeof item === 'string' ? item.toUpperCase() : item)),
	split: (args) => {
		const parts = text(args, 0).split(regex(text(args, 1)));
		return args.length > 2 ? parts.slice(0, number(args, 2)) : parts;
	},
	startswith: eachItem((item, args) => typeof item === 'string' && item.startsWith(text(args, 1))),
	endswith: eachItem((item, args) => typeof item === 'string' && item.endsWith(text(args, 1))),
	padleft: (args) => text(args, 0).padStart(number(args, 1), args.length > 2 ? text(args, 2) : ' '),
	padright: (args) => text(args, 0).padEnd(number(args, 1), args.length > 2 ? text(args, 2) : ' '),
	substring: (args) => text(args, 0).substring(number(args, 1), args.length > 2 ? number(args, 2) : undefined),
	truncate: (args) => {
		const input = text(args, 0);
		const length = number(args, 1);
		const suffix = args.length > 2 ? text(args, 2) : '...';
		return input.length <= length ? input : input.slice(0, Math.max(0, length - suffix.length)) + suffix;
	},
	// Utilities
	default: eachItem((item, args) => item ?? value(args, 1)),
	ldefault: (args) => value(args, 0) ?? value(args, 1),
	choice: (args) => (isTruthy(value(args, 0)) ? value(args, 1) : value(args, 2)),
	display: (args) => displayValue(value(args, 0)),
	striptime: eachItem((item) => (item instanceof DataviewDate ? stripTime(item) : null)),
	dateformat: eachItem((item, args) => (item instanceof DataviewDate ? formatDate(item, text(args, 1)) : null)),
	meta: (args) => {
		const input = value(args, 0);
		if (!(input instanceof DataviewLink)) throw new Error(`argument 1 must be a link, not ${typeOf(input)}`);
		return { display: input.display ?? null, embed: input.embed, path: input.path, subpath: input.subpath ?? null, type: input.subpath === undefined ? 'file' : 'header' };
	},
};
