import { evaluate, type EvaluationContext } from './evaluate.ts';
import { QueryError, QueryFailure } from './failure.ts';
import { FUNCTIONS } from './functions.ts';
import { parseExpression, parseQuery, type Command, type Expression, type Query, type Source } from './parse.ts';
import {
	compareValues,
	DataviewDate,
	isTruthy,
	type DataviewIndex,
	type DataviewObject,
	type DataviewPage,
	type DataviewTask,
	type DataviewValue,
} from './values.ts';

/**
 * Runs a query over the notes: FROM picks the pages (or their tasks, for TASK), then each command
 * in the order written, as Dataview does. The answer is data; `src/dom/dataview.ts` draws it.
 */

/** One line of a LIST: the page (or group) and the value after it; undefined where nothing is shown. */
export interface ListItem {
	readonly id: DataviewValue | undefined;
	readonly value: DataviewValue | undefined;
}

export interface TaskGroup {
	/** The GROUP BY key; undefined when the tasks are not grouped. */
	readonly key: DataviewValue | undefined;
	readonly tasks: readonly DataviewTask[];
}

export type QueryResult =
	| { readonly type: 'list'; readonly items: readonly ListItem[] }
	/** The first header is the id column's ("File", or "Group" after GROUP BY) unless WITHOUT ID. */
	| { readonly type: 'table'; readonly headers: readonly string[]; readonly rows: readonly (readonly DataviewValue[])[] }
	| { readonly type: 'task'; readonly groups: readonly TaskGroup[] };

export interface RunOptions {
	/** When `date(today)` and `date(now)` are; the time the query runs by default. */
	readonly now?: DataviewDate;
}

/** A page, a task (with its page's fields) or a group, as the commands pass it along. */
interface Row {
	readonly id: DataviewValue;
	readonly data: DataviewObject;
	readonly task?: DataviewTask;
	/** A group's rows. */
	readonly members?: readonly Row[];
}

export function runQuery(source: string, index: DataviewIndex, origin: DataviewPage, options: RunOptions = {}): QueryResult | QueryFailure {
	try {
		const query = parseQuery(source);
		checkFunctions(query);
		return execute(query, { index, origin, now: options.now ?? DataviewDate.fromDate(new Date()) });
	} catch (error) {
		if (error instanceof QueryError) return error.toFailure();
		throw error;
	}
}

/** An inline query, `= this.status` or `= [[Note]].due` (the leading `=` is optional). */
export function evaluateInline(expression: string, index: DataviewIndex, origin: DataviewPage, options: RunOptions = {}): DataviewValue | QueryFailure {
	try {
		const parsed = parseExpression(expression.replace(/^\s*=/, ' '));
		checkExpression(parsed);
		return evaluate(parsed, origin, { index, origin, now: options.now ?? DataviewDate.fromDate(new Date()) });
	} catch (error) {
		if (error instanceof QueryError) return error.toFailure();
		throw error;
	}
}

/** An unknown function is reported even when no row would reach it. */
function checkFunctions(query: Query): void {
	const header = query.header;
	if (header.type === 'list' && header.expression) checkExpression(header.expression);
	if (header.type === 'table') header.columns.forEach((column) => checkExpression(column.expression));
	for (const command of query.commands) commandExpressions(command).forEach(checkExpression);
}

function commandExpressions(command: Command): Expression[] {
	switch (command.kind) {
		case 'where':
			return [command.condition];
		case 'sort':
			return command.keys.map((key) => key.expression);
		case 'group':
			return [command.by.expression];
		case 'flatten':
			return [command.field.expression];
		case 'limit':
			return [command.count];
	}
}

function checkExpression(expression: Expression): void {
	switch (expression.kind) {
		case 'call':
			if (FUNCTIONS[expression.name] === undefined) throw new QueryError(`Unknown function ${expression.name}()`, expression.position, true);
			return expression.args.forEach(checkExpression);
		case 'list':
			return expression.items.forEach(checkExpression);
		case 'object':
			return expression.entries.forEach(([, value]) => checkExpression(value));
		case 'binary':
			checkExpression(expression.left);
			return checkExpression(expression.right);
		case 'not':
		case 'negative':
			return checkExpression(expression.operand);
		case 'index':
			checkExpression(expression.object);
			return checkExpression(expression.index);
		case 'lambda':
			return checkExpression(expression.body);
	}
}

function execute(query: Query, context: EvaluationContext): QueryResult {
	const pages = query.source ? [...sourcePages(query.source, context)] : context.index.pages;
	let rows: Row[] = query.header.type === 'task' ? pages.flatMap(taskRows) : pages.map((page) => ({ id: page.file.link, data: page }));
	let grouped = false;
	for (const command of query.commands) {
		rows = runCommand(command, rows, context);
		if (command.kind === 'group') grouped = true;
	}
	const header = query.header;
	switch (header.type) {
		case 'list':
			return {
				type: 'list',
				items: rows.map((row) => ({
					id: header.withoutId && header.expression ? undefined : row.id,
					value: header.expression ? evaluate(header.expression, row.data, context) : undefined,
				})),
			};
		case 'table': {
			const columns = header.columns.map((column) => column.name);
			return {
				type: 'table',
				headers: header.withoutId ? columns : [grouped ? 'Group' : 'File', ...columns],
				rows: rows.map((row) => {
					const cells = header.columns.map((column) => evaluate(column.expression, row.data, context));
					return header.withoutId ? cells : [row.id, ...cells];
				}),
			};
		}
		case 'task':
			if (!grouped) return { type: 'task', groups: [{ key: undefined, tasks: topmostTasks(rows) }] };
			return { type: 'task', groups: rows.map((group) => ({ key: group.id, tasks: topmostTasks(group.members ?? []) })) };
	}
}

function runCommand(command: Command, rows: Row[], context: EvaluationContext): Row[] {
	switch (command.kind) {
		case 'where':
			return rows.filter((row) => isTruthy(evaluate(command.condition, row.data, context)));
		case 'sort': {
			const keyed = rows.map((row) => ({ row, keys: command.keys.map((key) => evaluate(key.expression, row.data, context)) }));
			keyed.sort((a, b) => {
				for (const [position, key] of command.keys.entries()) {
					const order = compareValues(a.keys[position], b.keys[position]);
					if (order !== 0) return key.descending ? -order : order;
				}
				return 0;
			});
			return keyed.map(({ row }) => row);
		}
		case 'group': {
			const keyed = rows.map((row) => ({ row, key: evaluate(command.by.expression, row.data, context) }));
			keyed.sort((a, b) => compareValues(a.key, b.key));
			const groups: Row[] = [];
			let start = 0;
			for (let end = 1; end <= keyed.length; end++) {
				if (end < keyed.length && compareValues(keyed[start]!.key, keyed[end]!.key) === 0) continue;
				const members = keyed.slice(start, end).map(({ row }) => row);
				const key = keyed[start]!.key;
				groups.push({ id: key, data: { key, [command.by.name]: key, rows: members.map((member) => member.data) }, members });
				start = end;
			}
			return groups;
		}
		case 'flatten':
			return rows.flatMap((row) => {
				const value = evaluate(command.field.expression, row.data, context);
				const items = Array.isArray(value) ? value : [value];
				return items.map((item: DataviewValue) => ({ ...row, data: { ...row.data, [command.field.name]: item } }));
			});
		case 'limit': {
			const count = evaluate(command.count, {}, context);
			if (typeof count !== 'number' || count < 0) throw new QueryError(`LIMIT needs a number of results, not ${command.count.text}`, command.count.position);
			return rows.slice(0, count);
		}
	}
}

/** Every task of a page, children included, each with its page's fields. */
function taskRows(page: DataviewPage): Row[] {
	const rows: Row[] = [];
	const visit = (task: DataviewTask): void => {
		rows.push({ id: page.file.link, data: { ...page, ...task }, task });
		task.children.forEach(visit);
	};
	page.file.tasks.forEach(visit);
	return rows;
}

/** A task whose parent is also an answer is shown under it, not twice (Dataview's rule for child tasks). */
function topmostTasks(rows: readonly Row[]): DataviewTask[] {
	const answered = new Set(rows.map((row) => row.task!));
	const nested = new Set<DataviewTask>();
	const markChildren = (task: DataviewTask): void =>
		task.children.forEach((child) => {
			nested.add(child);
			markChildren(child);
		});
	answered.forEach(markChildren);
	return [...answered].filter((task) => !nested.has(task));
}

function normalizedTag(tag: string): string {
	return tag.replace(/^#/, '').toLowerCase();
}

/** The pages a FROM selects, in the index's order. */
function sourcePages(source: Source, context: EvaluationContext): Set<DataviewPage> {
	const { index } = context;
	switch (source.kind) {
		case 'tag': {
			const wanted = normalizedTag(source.tag);
			return new Set(index.pages.filter((page) => page.file.tags.some((tag) => {
				const normalized = normalizedTag(tag);
				return normalized === wanted || normalized.startsWith(`${wanted}/`);
			})));
		}
		case 'folder': {
			const folder = source.path.replace(/\/+$/, '');
			return new Set(index.pages.filter((page) => folder === '' || page.file.path.startsWith(`${folder}/`) || page.file.path === folder || page.file.path === `${folder}.md`));
		}
		case 'linked': {
			const origin = context.origin;
			const link = source.target === '' || source.target === '#' ? origin.file.link : index.resolve(source.target, origin.file.path);
			const target = link && index.page(link);
			if (target === undefined) {
				// As in Dataview: a note that does not exist links nowhere, and the notes linking to its name are its inlinks.
				if (source.outgoing) return new Set();
				const name = source.target.replace(/\.md$/i, '').toLowerCase();
				return new Set(index.pages.filter((page) => page.file.outlinks.some((each) => !index.page(each) && each.path.replace(/\.md$/i, '').toLowerCase() === name)));
			}
			const links = source.outgoing ? target.file.outlinks : target.file.inlinks;
			const linked = new Set(links.map((each) => index.page(each)).filter((page) => page !== undefined));
			return new Set(index.pages.filter((page) => linked.has(page)));
		}
		case 'and': {
			const right = sourcePages(source.right, context);
			return new Set([...sourcePages(source.left, context)].filter((page) => right.has(page)));
		}
		case 'or': {
			const right = sourcePages(source.right, context);
			const left = sourcePages(source.left, context);
			return new Set(index.pages.filter((page) => left.has(page) || right.has(page)));
		}
		case 'not': {
			const excluded = sourcePages(source.source, context);
			return new Set(index.pages.filter((page) => !excluded.has(page)));
		}
	}
}
