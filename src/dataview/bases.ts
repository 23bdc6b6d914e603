import { isMapping, readYaml } from '../config/yaml.ts';
import { BaseFile, BaseRow, evaluateBase, plainValue, unsupportedCall, type BaseContext, type BaseValue } from './bases-evaluate.ts';
import { parseBaseExpression, subexpressions, type BaseExpression } from './bases-expression.ts';
import type { ListItem, QueryResult } from './execute.ts';
import { QueryError, QueryFailure, type SourcePosition } from './failure.ts';
import { compareValues, DataviewDate, isTruthy, type DataviewIndex, type DataviewLink, type DataviewPage, type DataviewValue } from './values.ts';

/**
 * Obsidian Bases (`.base` files, help.obsidian.md "Bases syntax"): the YAML read into a Base, and
 * one of its views answered over the notes, as data that `src/dom/dataview.ts` draws. Every
 * expression is read and checked when the base is; what this site does not answer (a map view,
 * summaries, `image()`…) is a failure that says so, never a half-drawn view.
 */

export type BaseFilter =
	| { readonly kind: 'expression'; readonly expression: BaseExpression }
	/** `not` holds when none of its filters does. */
	| { readonly kind: 'and' | 'or' | 'not'; readonly filters: readonly BaseFilter[] };

/** A property as `order`, `sort` and `groupBy` name it: `file.name`, `note.author` (or `author`), `formula.ppu`. */
export interface BaseProperty {
	readonly kind: 'note' | 'file' | 'formula';
	readonly name: string;
	/** With its prefix: `note.author`. */
	readonly id: string;
	readonly expression: BaseExpression;
}

export interface BaseSort {
	readonly property: BaseProperty;
	readonly descending: boolean;
}

export const BASE_VIEW_TYPES = ['table', 'cards', 'list'] as const;

export interface BaseView {
	readonly type: string;
	readonly name: string;
	readonly filters: BaseFilter | undefined;
	/** The columns of a table, the fields of a card or a list item. */
	readonly order: readonly BaseProperty[];
	readonly sort: readonly BaseSort[];
	readonly limit: number | undefined;
	readonly groupBy: BaseSort | undefined;
	/** A cards view's cover image. */
	readonly image: BaseProperty | undefined;
	readonly hasSummaries: boolean;
	/** Where the view starts in the file. */
	readonly position: SourcePosition;
}

export interface Base {
	readonly filters: BaseFilter | undefined;
	readonly formulas: ReadonlyMap<string, BaseExpression>;
	/** Display names by property id (`note.status` → `Status`). */
	readonly displayNames: ReadonlyMap<string, string>;
	readonly views: readonly BaseView[];
}

export interface BaseCard {
	readonly link: DataviewLink;
	readonly title: string;
	readonly fields: readonly { readonly label: string; readonly value: DataviewValue }[];
	readonly image?: DataviewValue;
}

export type BaseAnswer = Extract<QueryResult, { type: 'table' | 'list' }> | { readonly type: 'cards'; readonly cards: readonly BaseCard[] };

export interface BaseGroup {
	/** The `groupBy` value; undefined when the view is not grouped. */
	readonly key: DataviewValue | undefined;
	readonly answer: BaseAnswer;
}

export interface BaseResult {
	readonly view: string;
	readonly type: BaseAnswer['type'];
	readonly groups: readonly BaseGroup[];
}

const TOP_LEVEL_KEYS = ['filters', 'formulas', 'properties', 'summaries', 'views'];

/** Reads a `.base` file: its filters, formulas, display names and views, every expression checked. */
export function parseBase(yamlText: string): Base | QueryFailure {
	try {
		return new BaseReader(yamlText).base();
	} catch (error) {
		if (error instanceof QueryError) return error.toFailure();
		throw error;
	}
}

/**
 * Where a value of the YAML is written: the first line holding it after `from`. js-yaml keeps no
 * positions, and a filter or formula is nearly always written on one line as it reads.
 */
function locate(lines: readonly string[], written: string, from = 0): SourcePosition | undefined {
	for (let line = from; line < lines.length; line++) {
		const column = lines[line]!.indexOf(written);
		if (column !== -1) return { line: line + 1, column: column + 1 };
	}
	return undefined;
}

function describe(value: unknown): string {
	if (value === null || value === undefined) return 'nothing';
	if (Array.isArray(value)) return 'a list';
	return typeof value === 'object' ? 'a mapping' : `${typeof value} ${JSON.stringify(value)}`;
}

class BaseReader {
	private readonly yaml: string;
	private readonly lines: readonly string[];
	private readonly formulaNames = new Set<string>();

	constructor(yaml: string) {
		this.yaml = yaml;
		this.lines = yaml.split('\n');
	}

	private fail(message: string, near: string | undefined, unsupported = false): never {
		throw new QueryError(message, near === undefined ? undefined : locate(this.lines, near), unsupported);
	}

	base(): Base {
		const read = readYaml(this.yaml);
		if (!read.ok) throw new QueryError(`This base is not valid YAML: ${read.reason}`, read.line === undefined ? undefined : { line: read.line + 1, column: 1 });
		if (!isMapping(read.value)) this.fail(`A base is a mapping of filters, formulas, properties and views, not ${describe(read.value)}`, undefined);
		const root = read.value;
		for (const key of Object.keys(root)) {
			if (!TOP_LEVEL_KEYS.includes(key)) this.fail(`Unknown key ${key}: a base has ${TOP_LEVEL_KEYS.join(', ')}`, `${key}:`);
		}
		const formulaTexts = this.mapping(root.formulas, 'formulas');
		Object.keys(formulaTexts).forEach((name) => this.formulaNames.add(name));
		const formulas = new Map(Object.entries(formulaTexts).map(([name, text]) => [name, this.expression(text, `formulas.${name}`)]));
		const displayNames = new Map<string, string>();
		for (const [id, settings] of Object.entries(this.mapping(root.properties, 'properties'))) {
			const displayName = isMapping(settings) ? settings.displayName : undefined;
			if (displayName !== undefined) displayNames.set(this.property(id, 'properties').id, String(displayName));
		}
		if (root.views !== undefined && !Array.isArray(root.views)) this.fail(`views is a list of views, not ${describe(root.views)}`, 'views:');
		const views = ((root.views ?? []) as unknown[]).map((view, position) => this.view(view, position));
		return { filters: this.filter(root.filters, 'filters'), formulas, displayNames, views };
	}

	private mapping(value: unknown, key: string): Record<string, unknown> {
		if (value === undefined || value === null) return {};
		if (!isMapping(value)) this.fail(`${key} is a mapping, not ${describe(value)}`, `${key}:`);
		return value;
	}

	private expression(value: unknown, key: string): BaseExpression {
		if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') this.fail(`${key} is an expression written as text, not ${describe(value)}`, key.replace(/^.*\./, ''));
		const text = String(value);
		const expression = parseBaseExpression(text, locate(this.lines, text) ?? { line: 1, column: 1 });
		this.check(expression);
		return expression;
	}

	/** Calls this site does not answer, and formulas the base does not define, fail before any note is read. */
	private check(expression: BaseExpression): void {
		const unsupported = unsupportedCall(expression);
		if (unsupported) throw unsupported;
		const visit = (inner: BaseExpression): void => {
			if (inner.kind === 'member' && inner.object.kind === 'identifier' && inner.object.name === 'formula' && !this.formulaNames.has(inner.name)) {
				throw new QueryError(`Unknown formula formula.${inner.name}: the base's formulas do not define it`, inner.position);
			}
			subexpressions(inner).forEach(visit);
		};
		visit(expression);
	}

	private filter(value: unknown, key: string): BaseFilter | undefined {
		if (value === undefined || value === null) return undefined;
		if (!isMapping(value)) return { kind: 'expression', expression: this.expression(value, key) };
		const keys = Object.keys(value);
		const kind = keys[0];
		if (keys.length !== 1 || (kind !== 'and' && kind !== 'or' && kind !== 'not')) this.fail(`A filter group has one key, and, or or not; found ${keys.join(', ') || 'none'}`, `${key}:`);
		const members = value[kind];
		if (!Array.isArray(members)) this.fail(`${kind} is a list of filters, not ${describe(members)}`, `${kind}:`);
		return { kind, filters: members.map((member: unknown) => this.filter(member, kind)).filter((member) => member !== undefined) };
	}

	/** `file.name`, `note.author`, `author`, `formula.ppu`. */
	private property(id: unknown, key: string): BaseProperty {
		if (typeof id !== 'string' || id === '') this.fail(`${key} names a property such as file.name or note.status, not ${describe(id)}`, `${key}:`);
		const dot = id.indexOf('.');
		const prefix = dot === -1 ? '' : id.slice(0, dot);
		const kind = prefix === 'file' || prefix === 'formula' || prefix === 'note' ? prefix : 'note';
		const name = kind === 'note' && prefix !== 'note' ? id : id.slice(dot + 1);
		if (kind === 'formula' && !this.formulaNames.has(name)) this.fail(`Unknown formula ${id}: the base's formulas do not define it`, id);
		const position = locate(this.lines, id) ?? { line: 1, column: 1 };
		const object = { kind: 'identifier', name: kind, position, text: kind } as const;
		return { kind, name, id: `${kind}.${name}`, expression: { kind: 'member', object, name, position, text: id } };
	}

	private direction(value: unknown, key: string): boolean {
		const written = typeof value === 'string' ? value.toUpperCase() : 'ASC';
		if (written !== 'ASC' && written !== 'DESC') this.fail(`${key}.direction is ASC or DESC, not ${describe(value)}`, 'direction:');
		return written === 'DESC';
	}

	private sort(value: unknown, key: string): BaseSort {
		if (!isMapping(value)) this.fail(`${key} is a mapping of property and direction, not ${describe(value)}`, `${key}:`);
		return { property: this.property(value.property, `${key}.property`), descending: this.direction(value.direction, key) };
	}

	private view(value: unknown, position: number): BaseView {
		if (!isMapping(value)) this.fail(`Each view is a mapping with a type and a name, not ${describe(value)}`, 'views:');
		const name = value.name === undefined ? `View ${position + 1}` : String(value.name);
		const start = locate(this.lines, `name: ${name}`) ?? locate(this.lines, name) ?? { line: 1, column: 1 };
		const list = (key: string): unknown[] => {
			const items = value[key] ?? [];
			if (!Array.isArray(items)) this.fail(`${key} is a list, not ${describe(items)}`, `${key}:`);
			return items;
		};
		const limit = value.limit;
		if (limit !== undefined && (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 0)) this.fail(`limit is a number of results, not ${describe(limit)}`, 'limit:');
		return {
			type: String(value.type ?? 'table'),
			name,
			filters: this.filter(value.filters, 'filters'),
			order: list('order').map((id) => this.property(id, 'order')),
			sort: list('sort').map((entry) => this.sort(entry, 'sort')),
			limit,
			groupBy: value.groupBy === undefined ? undefined : this.sort(value.groupBy, 'groupBy'),
			image: value.image === undefined ? undefined : this.property(value.image, 'image'),
			hasSummaries: isMapping(value.summaries) && Object.keys(value.summaries).length > 0,
			position: start,
		};
	}
}

export interface BaseRunOptions {
	/** When `now()` and `today()` are; the time the view is answered by default. */
	readonly now?: DataviewDate;
}

/**
 * Answers one view of a base over the notes: the base's filters and the view's, then its sort, its
 * limit and its groups. `origin` is the note embedding the base (`this`).
 */
export function runBaseView(base: Base, viewIndex: number, index: DataviewIndex, origin?: DataviewPage, options: BaseRunOptions = {}): BaseResult | QueryFailure {
	const view = base.views[viewIndex];
	if (view === undefined) return new QueryFailure(`This base has ${base.views.length} view${base.views.length === 1 ? '' : 's'}; there is no view ${viewIndex + 1}`, undefined);
	if (!(BASE_VIEW_TYPES as readonly string[]).includes(view.type)) return new QueryFailure(`${view.type} views are not supported: only ${BASE_VIEW_TYPES.join(', ')}`, view.position, true);
	if (view.hasSummaries) return new QueryFailure('Summaries (the totals under a table) are not supported', view.position, true);
	const context: BaseContext = { index, origin, now: options.now ?? DataviewDate.fromDate(new Date()), formulas: base.formulas };
	let current: BaseRow | undefined;
	try {
		const value = (row: BaseRow, expression: BaseExpression): BaseValue => {
			current = row;
			return evaluateBase(expression, row, context);
		};
		let rows = index.pages.map((page) => new BaseRow(page)).filter((row) => passes(base.filters, row, value) && passes(view.filters, row, value));
		rows = sorted(rows, view.sort, value);
		if (view.limit !== undefined) rows = rows.slice(0, view.limit);
		const order = view.order.length > 0 ? view.order : [FILE_NAME];
		const answer = (members: readonly BaseRow[]): BaseAnswer => answerOf(view, order, base.displayNames, members, value);
		const type = view.type as BaseAnswer['type'];
		if (view.groupBy === undefined) return { view: view.name, type, groups: [{ key: undefined, answer: answer(rows) }] };
		return { view: view.name, type, groups: grouped(rows, view.groupBy, value).map(({ key, members }) => ({ key, answer: answer(members) })) };
	} catch (error) {
		if (!(error instanceof QueryError)) throw error;
		const note = current === undefined ? '' : ` (note ${current.page.file.path})`;
		return new QueryFailure(`${error.message}${note}`, error.position, error.unsupported);
	}
}

type Evaluate = (row: BaseRow, expression: BaseExpression) => BaseValue;

function passes(filter: BaseFilter | undefined, row: BaseRow, value: Evaluate): boolean {
	if (filter === undefined) return true;
	switch (filter.kind) {
		case 'expression': {
			const result = value(row, filter.expression);
			return result instanceof BaseFile || result instanceof RegExp || isTruthy(result);
		}
		case 'and':
			return filter.filters.every((member) => passes(member, row, value));
		case 'or':
			return filter.filters.some((member) => passes(member, row, value));
		case 'not':
			return !filter.filters.some((member) => passes(member, row, value));
	}
}

function cell(row: BaseRow, property: BaseProperty, value: Evaluate): DataviewValue {
	// The file's name is shown as a link to it, as Bases draws it.
	if (property.id === 'file.name') return row.page.file.link;
	return plainValue(value(row, property.expression));
}

function sorted(rows: readonly BaseRow[], sort: readonly BaseSort[], value: Evaluate): BaseRow[] {
	const keyed = rows.map((row) => ({ row, keys: sort.map((each) => cell(row, each.property, value)) }));
	keyed.sort((a, b) => {
		for (const [position, each] of sort.entries()) {
			const order = compareValues(a.keys[position], b.keys[position]);
			if (order !== 0) return each.descending ? -order : order;
		}
		return 0;
	});
	return keyed.map(({ row }) => row);
}

function grouped(rows: readonly BaseRow[], by: BaseSort, value: Evaluate): { key: DataviewValue; members: BaseRow[] }[] {
	const groups: { key: DataviewValue; members: BaseRow[] }[] = [];
	for (const row of rows) {
		const key = cell(row, by.property, value);
		const group = groups.find((each) => compareValues(each.key, key) === 0);
		if (group) group.members.push(row);
		else groups.push({ key, members: [row] });
	}
	return groups.sort((a, b) => (by.descending ? -1 : 1) * compareValues(a.key, b.key));
}

const FILE_NAME_POSITION = { line: 1, column: 1 };
const FILE_NAME: BaseProperty = {
	kind: 'file',
	name: 'name',
	id: 'file.name',
	expression: { kind: 'member', object: { kind: 'identifier', name: 'file', position: FILE_NAME_POSITION, text: 'file' }, name: 'name', position: FILE_NAME_POSITION, text: 'file.name' },
};

/** A column's header: its display name, else a note's or formula's name, else the file property's id. */
function label(property: BaseProperty, displayNames: ReadonlyMap<string, string>): string {
	return displayNames.get(property.id) ?? (property.kind === 'file' ? property.id : property.name);
}

function answerOf(view: BaseView, order: readonly BaseProperty[], displayNames: ReadonlyMap<string, string>, rows: readonly BaseRow[], value: Evaluate): BaseAnswer {
	switch (view.type) {
		case 'cards':
			return {
				type: 'cards',
				cards: rows.map((row) => {
					const link = row.page.file.link;
					const shown = order.filter((property) => property.id !== 'file.name' && property.id !== view.image?.id);
					const image = view.image === undefined ? undefined : cell(row, view.image, value);
					return {
						link,
						title: link.text,
						fields: shown.map((property) => ({ label: label(property, displayNames), value: cell(row, property, value) })),
						...(image === undefined || image === null ? {} : { image }),
					};
				}),
			};
		case 'list':
			return {
				type: 'list',
				items: rows.map((row): ListItem => {
					const [first, ...rest] = order.map((property) => cell(row, property, value));
					return { id: first, value: rest.length === 0 ? undefined : rest.length === 1 ? rest[0] : rest };
				}),
			};
		default:
			return {
				type: 'table',
				headers: order.map((property) => label(property, displayNames)),
				rows: rows.map((row) => order.map((property) => cell(row, property, value))),
			};
	}
}
