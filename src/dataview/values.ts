/**
 * The values a Dataview query reads and computes, and the rules Dataview gives them: how they
 * compare, which are true, and how they read as text.
 *
 * Dates are wall-clock values (the calendar and clock a note states), held as UTC so that the
 * machine's time zone never shifts a day.
 */

/** A link to a note (a class, so that a link and a front-matter map with a `path` key stay apart). */
export class DataviewLink {
	/** The note's path relative to the notes folder, e.g. `aws/vpc.md`. */
	readonly path: string;
	readonly display: string | undefined;
	/** A heading of the note. */
	readonly subpath: string | undefined;
	readonly embed: boolean;

	constructor(path: string, options: { display?: string | undefined; subpath?: string | undefined; embed?: boolean } = {}) {
		this.path = path;
		this.display = options.display;
		this.subpath = options.subpath;
		this.embed = options.embed ?? false;
	}

	/** What the link shows: its display text, else the note's name (`aws/vpc.md` → `vpc`), and its heading. */
	get text(): string {
		if (this.display !== undefined) return this.display;
		const name = this.path.replace(/^.*\//, '').replace(/\.md$/, '');
		return this.subpath === undefined ? name : `${name} > ${this.subpath}`;
	}
}

export class DataviewDate {
	/** Milliseconds since 1970 of the wall-clock date and time, read as UTC. */
	readonly time: number;
	/** False for a date alone (`2024-01-31`): it is shown without a time. */
	readonly hasTime: boolean;

	constructor(time: number, hasTime: boolean) {
		this.time = time;
		this.hasTime = hasTime;
	}

	/** A JavaScript date's UTC fields as the wall clock (git and file times are instants). */
	static fromDate(date: Date): DataviewDate {
		return new DataviewDate(date.getTime(), true);
	}

	get utc(): Date {
		return new Date(this.time);
	}
}

export const DURATION_UNITS = ['years', 'months', 'weeks', 'days', 'hours', 'minutes', 'seconds', 'milliseconds'] as const;
export type DurationUnit = (typeof DURATION_UNITS)[number];

/** A unit's length, as Dataview counts it (a month of 30 days, a year of 365). */
export const UNIT_MILLISECONDS: Record<DurationUnit, number> = {
	years: 365 * 86_400_000,
	months: 30 * 86_400_000,
	weeks: 7 * 86_400_000,
	days: 86_400_000,
	hours: 3_600_000,
	minutes: 60_000,
	seconds: 1000,
	milliseconds: 1,
};

/** A span of time in calendar units, as Luxon's durations (which Dataview uses) keep it. */
export class DataviewDuration {
	readonly units: Readonly<Record<DurationUnit, number>>;

	constructor(units: Partial<Record<DurationUnit, number>>) {
		this.units = Object.fromEntries(DURATION_UNITS.map((unit) => [unit, units[unit] ?? 0])) as Record<DurationUnit, number>;
	}

	/** Length in milliseconds, counting a month as 30 days and a year as 365 (Luxon's casual matrix). */
	get milliseconds(): number {
		return DURATION_UNITS.reduce((total, unit) => total + this.units[unit] * UNIT_MILLISECONDS[unit], 0);
	}

	map(transform: (quantity: number) => number): DataviewDuration {
		return new DataviewDuration(Object.fromEntries(DURATION_UNITS.map((unit) => [unit, transform(this.units[unit])])));
	}

	/** Carries each unit into the next larger one where it overflows (90 minutes → 1 hour 30 minutes). */
	normalized(): DataviewDuration {
		let remaining = Math.round(this.milliseconds);
		const sign = Math.sign(remaining);
		remaining = Math.abs(remaining);
		const units: Partial<Record<DurationUnit, number>> = {};
		for (const unit of DURATION_UNITS) {
			units[unit] = sign * Math.floor(remaining / UNIT_MILLISECONDS[unit]);
			remaining %= UNIT_MILLISECONDS[unit];
		}
		return new DataviewDuration(units);
	}
}

export type DataviewValue =
	| null
	| string
	| number
	| boolean
	| DataviewDate
	| DataviewDuration
	| DataviewLink
	| readonly DataviewValue[]
	| DataviewObject;

/** An object value; a key that is absent (undefined) reads as null. */
export type DataviewObject = { readonly [key: string]: DataviewValue | undefined };

/** A task line of a note (`- [ ] text`), with the dates of its 📅 ⏳ ✅ marks or fields. */
export type DataviewTask = {
	readonly text: string;
	readonly completed: boolean;
	/** The character between the brackets: ' ', 'x', '/', '-'… */
	readonly status: string;
	/** 1-based line in the note. */
	readonly line: number;
	readonly path: string;
	readonly tags: readonly string[];
	readonly due?: DataviewDate;
	readonly scheduled?: DataviewDate;
	readonly completion?: DataviewDate;
	readonly children: readonly DataviewTask[];
	/** The task's own inline fields (`[priority:: high]`). */
	readonly [field: string]: DataviewValue | undefined;
};

export type DataviewFile = {
	readonly name: string;
	readonly path: string;
	readonly folder: string;
	readonly ext: string;
	readonly link: DataviewLink;
	readonly tags: readonly string[];
	readonly etags: readonly string[];
	readonly aliases: readonly string[];
	readonly inlinks: readonly DataviewLink[];
	readonly outlinks: readonly DataviewLink[];
	readonly tasks: readonly DataviewTask[];
	readonly lists: readonly DataviewValue[];
	readonly ctime: DataviewDate;
	readonly mtime: DataviewDate;
	readonly cday: DataviewDate;
	readonly mday: DataviewDate;
	/** The date in the file's name (`2024-06-21.md`), if it has one. */
	readonly day?: DataviewDate;
	readonly size: number;
	readonly frontmatter: DataviewObject;
};

/**
 * A note as queries see it: `file` and its fields (front matter and inline fields), each also under
 * Dataview's normalised key (lower case, spaces as `-`).
 */
export type DataviewPage = { readonly file: DataviewFile; readonly [field: string]: DataviewValue | undefined };

export interface DataviewIndex {
	readonly pages: readonly DataviewPage[];
	/** A link's target page, or undefined. */
	page(link: DataviewLink): DataviewPage | undefined;
	/** `[[Note]]` text → link, as the site resolves wikilinks from the note at `from`. */
	resolve(target: string, from: string): DataviewLink | undefined;
}

export type ValueType = 'null' | 'string' | 'number' | 'boolean' | 'date' | 'duration' | 'link' | 'array' | 'object';

export function typeOf(value: DataviewValue): ValueType {
	if (value === null) return 'null';
	if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return typeof value as ValueType;
	if (value instanceof DataviewDate) return 'date';
	if (value instanceof DataviewDuration) return 'duration';
	if (Array.isArray(value)) return 'array';
	return value instanceof DataviewLink ? 'link' : 'object';
}

const collator = /* @__PURE__ */ new Intl.Collator('en');

/** Dataview's order: null first, then values of different types by type name, then within a type. */
export function compareValues(left: DataviewValue | undefined, right: DataviewValue | undefined): number {
	const a = left ?? null;
	const b = right ?? null;
	if (a === null || b === null) return a === b ? 0 : a === null ? -1 : 1;
	const leftType = typeOf(a);
	const rightType = typeOf(b);
	if (leftType !== rightType) return leftType < rightType ? -1 : 1;
	if (a === b) return 0;
	if (typeof a === 'string') return collator.compare(a, b as string);
	if (typeof a === 'number' || typeof a === 'boolean') return Number(a) - Number(b as number | boolean);
	if (a instanceof DataviewDate) return Math.sign(a.time - (b as DataviewDate).time);
	if (a instanceof DataviewDuration) return Math.sign(a.milliseconds - (b as DataviewDuration).milliseconds);
	if (a instanceof DataviewLink) {
		const other = b as DataviewLink;
		return collator.compare(a.path, other.path) || collator.compare(a.subpath ?? '', other.subpath ?? '');
	}
	if (Array.isArray(a)) {
		const other = b as readonly DataviewValue[];
		for (let index = 0; index < Math.min(a.length, other.length); index++) {
			const order = compareValues(a[index], other[index]);
			if (order !== 0) return order;
		}
		return a.length - other.length;
	}
	const leftObject = a as DataviewObject;
	const rightObject = b as DataviewObject;
	const keys = [...new Set([...Object.keys(leftObject), ...Object.keys(rightObject)])].sort();
	for (const key of keys) {
		const order = compareValues(leftObject[key], rightObject[key]);
		if (order !== 0) return order;
	}
	return 0;
}

export function valuesEqual(left: DataviewValue | undefined, right: DataviewValue | undefined): boolean {
	return compareValues(left, right) === 0;
}

/** What `WHERE` accepts: Dataview's truthiness. */
export function isTruthy(value: DataviewValue | undefined): boolean {
	if (value === null || value === undefined) return false;
	if (typeof value === 'string') return value.length > 0;
	if (typeof value === 'number') return value !== 0 && !Number.isNaN(value);
	if (typeof value === 'boolean') return value;
	if (value instanceof DataviewDuration) return value.milliseconds !== 0;
	if (value instanceof DataviewDate || value instanceof DataviewLink) return true;
	if (Array.isArray(value)) return value.length > 0;
	return Object.keys(value).length > 0;
}

export type ArithmeticOperator = '+' | '-' | '*' | '/' | '%';

export const isArithmetic = (operator: string): operator is ArithmeticOperator => operator === '+' || operator === '-' || operator === '*' || operator === '/' || operator === '%';

/** Two numbers' sum, difference, product, quotient or remainder, alike in both query languages. */
export function numberArithmetic(operator: ArithmeticOperator, a: number, b: number): number {
	switch (operator) {
		case '+':
			return a + b;
		case '-':
			return a - b;
		case '*':
			return a * b;
		case '/':
			return a / b;
		case '%':
			return a % b;
	}
}
