import { parseIsoDate } from './dates.ts';
import type { QueryResult, RunOptions, TaskGroup } from './execute.ts';
import { QueryError, QueryFailure } from './failure.ts';
import { DataviewDate, DataviewLink, type DataviewIndex, type DataviewPage, type DataviewTask, type DataviewValue } from './values.ts';

/**
 * The Tasks plugin's queries (```` ```tasks ```` blocks), answered from the notes' task lines: one
 * instruction a line, read as the Tasks plugin reads them (obsidian-tasks-group/obsidian-tasks,
 * docs/Queries/Filters.md, Sorting.md, Grouping.md, Limiting.md), with its default statuses:
 * `x` and `X` done, `-` cancelled, `/` in progress, any other symbol to do.
 *
 * Every task line is its own result, subtasks included and none nested under another, sorted by
 * the query's `sort by` lines and then by Tasks' default order (status type, urgency, due date,
 * priority, path). Layout instructions (`hide`, `show`, `short mode`, `explain`) are accepted: they
 * change how Obsidian draws the list, not which tasks it holds.
 */

const DAY = 86_400_000;

type StatusType = 'IN_PROGRESS' | 'TODO' | 'ON_HOLD' | 'DONE' | 'CANCELLED' | 'NON_TASK';
const STATUS_TYPE_ORDER: readonly StatusType[] = ['IN_PROGRESS', 'TODO', 'ON_HOLD', 'DONE', 'CANCELLED', 'NON_TASK'];

/** Tasks' priorities, highest first: a priority's number is its position. */
const PRIORITY_NAMES = ['highest', 'high', 'medium', 'none', 'low', 'lowest'] as const;
const PRIORITY_SIGNS: readonly [sign: string, priority: number][] = [
	['🔺', 0],
	['⏫', 1],
	['🔼', 2],
	['🔽', 4],
	['⏬', 5],
];
const NO_PRIORITY = 3;

/** What each priority adds to a task's urgency (Tasks' src/Task/Urgency.ts). */
const PRIORITY_URGENCY = [9, 6, 3.9, 1.95, 0, -1.8];

/** The signs Tasks reads off a task line, with their values; a description is what is left. */
const SIGNIFIERS = /\s\^[A-Za-z0-9-]+$|(?:📅|⏳|✅|🛫|➕|❌)\uFE0F?\s*\d{4}-\d{2}-\d{2}|🔁\uFE0F?[^📅⏳✅🛫➕❌🔺⏫🔼🔽⏬🆔⛔🏁]*|(?:🔺|⏫|🔼|🔽|⏬)\uFE0F?|🆔\uFE0F?\s*[\w-]+|⛔\uFE0F?\s*[\w-]+(?:\s*,\s*[\w-]+)*|🏁\uFE0F?\s*\w+/gu;

type DateField = 'due' | 'scheduled' | 'start' | 'done' | 'created' | 'happens';

/** A task with what Tasks' instructions read of it, worked out once per query. */
interface TaskEntry {
	readonly task: DataviewTask;
	/** Not a subtask (`exclude sub-items`). */
	readonly topLevel: boolean;
	readonly statusType: StatusType;
	readonly isDone: boolean;
	readonly description: string;
	readonly priority: number;
	readonly recurring: boolean;
	readonly path: string;
	readonly filename: string;
	/** `Games/`, or `/` for a note at the top of the notes folder, as Tasks writes folders. */
	readonly folder: string;
	readonly root: string;
	readonly tags: readonly string[];
	/** Start of each date's day, in milliseconds. */
	readonly dates: Readonly<Record<Exclude<DateField, 'happens'>, number | undefined>>;
	readonly urgency: number;
}

type Filter = (entry: TaskEntry) => boolean;
type Comparator = (left: TaskEntry, right: TaskEntry) => number;
/** A task's group headings: text, or a link to its note. */
type Grouper = (entry: TaskEntry) => (string | DataviewLink)[];

interface TasksQuery {
	readonly filters: Filter[];
	readonly sorters: Comparator[];
	grouper: Grouper | undefined;
	limit: number | undefined;
	groupLimit: number | undefined;
}

/** An inclusive span of days (start of the first day, start of the last). */
interface DayRange {
	readonly start: number;
	readonly end: number;
}

export function runTasksQuery(source: string, index: DataviewIndex, origin: DataviewPage, options: RunOptions = {}): QueryResult | QueryFailure {
	const now = (options.now ?? DataviewDate.fromDate(new Date())).time;
	try {
		const query = parseTasksQuery(source, origin, startOfDay(now));
		return answer(query, index, now);
	} catch (error) {
		if (error instanceof QueryError) return error.toFailure();
		throw error;
	}
}

function startOfDay(time: number): number {
	return Math.floor(time / DAY) * DAY;
}

function statusType(symbol: string): StatusType {
	if (symbol === 'x' || symbol === 'X') return 'DONE';
	if (symbol === '-') return 'CANCELLED';
	if (symbol === '/') return 'IN_PROGRESS';
	return 'TODO';
}

function dayOf(value: DataviewValue | undefined): number | undefined {
	return value instanceof DataviewDate ? startOfDay(value.time) : undefined;
}

/** Tasks' urgency score: how soon the task is due, whether it is scheduled or not yet started, and its priority. */
function urgency(dates: TaskEntry['dates'], priority: number, now: number): number {
	let score = PRIORITY_URGENCY[priority]!;
	if (dates.due !== undefined) {
		const daysOverdue = Math.round((startOfDay(now) - dates.due) / DAY);
		const dueMultiplier = daysOverdue >= 7 ? 1 : daysOverdue >= -14 ? ((daysOverdue + 14) * 0.8) / 21 + 0.2 : 0.2;
		score += dueMultiplier * 12;
	}
	if (dates.scheduled !== undefined && now >= dates.scheduled) score += 5;
	if (dates.start !== undefined && now < dates.start) score -= 3;
	return score;
}

/** A note's file name, folder and top folder as Tasks writes them: `Work/Projects/`, or `/` at the top of the notes. */
function fileLocation(path: string): { filename: string; folder: string; root: string } {
	const slash = path.lastIndexOf('/');
	return {
		filename: path.slice(slash + 1),
		folder: slash === -1 ? '/' : `${path.slice(0, slash)}/`,
		root: slash === -1 ? '/' : `${path.slice(0, path.indexOf('/'))}/`,
	};
}

function taskEntry(task: DataviewTask, topLevel: boolean, now: number): TaskEntry {
	const type = statusType(task.status);
	const dates = { due: dayOf(task.due), scheduled: dayOf(task.scheduled), start: dayOf(task['start']), done: dayOf(task.completion), created: dayOf(task['created']) };
	const priority = PRIORITY_SIGNS.find(([sign]) => task.text.includes(sign))?.[1] ?? NO_PRIORITY;
	return {
		task,
		topLevel,
		statusType: type,
		isDone: type === 'DONE' || type === 'CANCELLED' || type === 'NON_TASK',
		description: task.text.replace(SIGNIFIERS, ' ').replace(/\s+/g, ' ').trim(),
		priority,
		recurring: task.text.includes('🔁'),
		path: task.path,
		...fileLocation(task.path),
		tags: task.tags,
		dates,
		urgency: urgency(dates, priority, now),
	};
}

/** Every task of every note in line order, each subtask after its parent, none holding another. */
function allTasks(index: DataviewIndex, now: number): TaskEntry[] {
	const entries: TaskEntry[] = [];
	const visit = (task: DataviewTask, topLevel: boolean): void => {
		entries.push(taskEntry({ ...task, children: [] }, topLevel, now));
		task.children.forEach((child) => visit(child, false));
	};
	for (const page of index.pages) page.file.tasks.forEach((task) => visit(task, true));
	return entries;
}

const defaultSorters: Comparator[] = [
	(left, right) => STATUS_TYPE_ORDER.indexOf(left.statusType) - STATUS_TYPE_ORDER.indexOf(right.statusType),
	(left, right) => right.urgency - left.urgency,
	dateComparator('due'),
	(left, right) => left.priority - right.priority,
	textComparator((entry) => entry.path),
];

function answer(query: TasksQuery, index: DataviewIndex, now: number): QueryResult {
	const comparators = [...query.sorters, ...defaultSorters];
	const matching = allTasks(index, now)
		.filter((entry) => query.filters.every((filter) => filter(entry)))
		.sort((left, right) => {
			for (const compare of comparators) {
				const order = compare(left, right);
				if (order !== 0) return order;
			}
			return 0;
		})
		.slice(0, query.limit);
	if (query.grouper === undefined) return { type: 'task', groups: [{ key: undefined, tasks: matching.map((entry) => entry.task) }] };
	// Two notes of one name are two groups, ordered by their name as Tasks orders its headings.
	const groups = new Map<string, { key: string | DataviewLink; name: string; tasks: DataviewTask[] }>();
	for (const entry of matching) {
		for (const key of query.grouper(entry)) {
			const identity = key instanceof DataviewLink ? `[[${key.path}]]` : key;
			const group = groups.get(identity) ?? { key, name: key instanceof DataviewLink ? key.text : key, tasks: [] };
			group.tasks.push(entry.task);
			groups.set(identity, group);
		}
	}
	const ordered = [...groups.values()].sort((left, right) => left.name.localeCompare(right.name, undefined, { numeric: true }));
	return { type: 'task', groups: ordered.map((group): TaskGroup => ({ key: group.key, tasks: group.tasks.slice(0, query.groupLimit) })) };
}

// Reading the query

/** The query's instructions, lines ending in `\` joined to the next, each with its line number. */
function instructions(source: string): { text: string; line: number }[] {
	const read: { text: string; line: number }[] = [];
	let pending: { text: string; line: number } | undefined;
	source.split('\n').forEach((raw, position) => {
		const text = raw.trim();
		const joined = pending ? { text: `${pending.text} ${text}`, line: pending.line } : { text, line: position + 1 };
		if (text.endsWith('\\')) {
			pending = { ...joined, text: joined.text.slice(0, -1).trim() };
			return;
		}
		pending = undefined;
		if (joined.text !== '' && !joined.text.startsWith('#')) read.push(joined);
	});
	if (pending) read.push(pending);
	return read;
}

const LAYOUT = /^(?:(?:hide|show)\s.+|short(?:\s+mode)?|full(?:\s+mode)?|explain|ignore\s+global\s+query)$/i;

/** The query's own note, as `{{query.file.path}}` and the other placeholders give it. */
function placeholderValues(origin: DataviewPage): Record<string, string> {
	const { path } = origin.file;
	const { filename, folder, root } = fileLocation(path);
	return { path, pathwithoutextension: path.replace(/\.md$/, ''), filename, filenamewithoutextension: filename.replace(/\.md$/, ''), folder, root };
}

function expandPlaceholders(text: string, values: Record<string, string>, fail: Fail): string {
	return text.replace(/\{\{\s*([^}]*?)\s*\}\}/g, (written, name: string) => {
		const value = /^query\.file\.(\w+)$/i.exec(name);
		const known = value ? values[value[1]!.toLowerCase()] : undefined;
		if (known === undefined) throw fail(`\`${written}\` is not supported: the placeholders are {{query.file.path}}, pathWithoutExtension, filename, filenameWithoutExtension, folder and root`, true);
		return known;
	});
}

const JAVASCRIPT = /^(?:filter|sort|group)\s+by\s+function\b/i;

function parseTasksQuery(source: string, origin: DataviewPage, today: number): TasksQuery {
	const query: TasksQuery = { filters: [], sorters: [], grouper: undefined, limit: undefined, groupLimit: undefined };
	const values = placeholderValues(origin);
	for (const instruction of instructions(source)) {
		const fail = (message: string, unsupported = false): QueryError => new QueryError(message, { line: instruction.line, column: 1 }, unsupported);
		const text = expandPlaceholders(instruction.text, values, fail);
		if (LAYOUT.test(text)) continue;
		if (JAVASCRIPT.test(text)) throw fail(`\`${text}\` is not run: it is JavaScript, and notes are not code`, true);
		const limit = /^limit\s+(groups\s+)?(?:to\s+)?(\d+)(?:\s+tasks?)?$/i.exec(text);
		if (limit) {
			if (limit[1]) query.groupLimit = Number(limit[2]);
			else query.limit = Number(limit[2]);
			continue;
		}
		const sort = /^sort\s+by\s+(.+?)(\s+reverse)?(?:\s+(\d+))?$/i.exec(text);
		if (sort) {
			const compare = sorter(sort[1]!.toLowerCase(), Number(sort[3] ?? 1));
			if (compare === undefined) throw fail(`\`${text}\` is not supported`, true);
			query.sorters.push(sort[2] ? (left, right) => -compare(left, right) : compare);
			continue;
		}
		const group = /^group\s+by\s+(.+?)(\s+reverse)?$/i.exec(text);
		if (group) {
			const made = grouper(group[1]!.toLowerCase());
			if (made === undefined || group[2] !== undefined) throw fail(`\`${text}\` is not supported`, true);
			if (query.grouper !== undefined) throw fail(`\`${text}\` is not supported: only one \`group by\` line is`, true);
			query.grouper = made;
			continue;
		}
		query.filters.push(filter(text, today, fail));
	}
	return query;
}

type Fail = (message: string, unsupported?: boolean) => QueryError;

/** One filter line: a single filter, or filters in delimiters joined by AND, OR, XOR and NOT. */
function filter(text: string, today: number, fail: Fail): Filter {
	if (/^(?:not\s*)?[([{"]/i.test(text)) return booleanFilter(text, today, fail);
	const made = singleFilter(text, today, fail);
	if (made === undefined) throw fail(`\`${text}\` is not supported`, true);
	return made;
}

const CLOSING: Record<string, string> = { '(': ')', '[': ']', '{': '}', '"': '"' };

/**
 * A Boolean line, as Tasks reads it: NOT binds tightest, then XOR, AND, OR; each operand is a
 * filter (or a Boolean line) in delimiters, with the line's first delimiter used throughout.
 */
function booleanFilter(text: string, today: number, fail: Fail): Filter {
	const opening = /[([{"]/.exec(text)![0];
	const closing = CLOSING[opening]!;
	const tokens: (string | Filter)[] = [];
	let position = 0;
	while (position < text.length) {
		const rest = text.slice(position);
		const space = /^\s+/.exec(rest);
		if (space) {
			position += space[0].length;
			continue;
		}
		const operator = /^(and|or|xor|not)\b/i.exec(rest);
		if (operator) {
			tokens.push(operator[1]!.toUpperCase());
			position += operator[0].length;
			continue;
		}
		if (!rest.startsWith(opening)) throw fail(`\`${text}\`: expected a filter in ${opening}…${closing} or an operator at column ${position + 1}`);
		let depth = 0;
		let end = position;
		for (; end < text.length; end++) {
			if (opening !== closing && text[end] === opening) depth++;
			else if (text[end] === closing && (opening === closing ? end > position : --depth === 0)) break;
		}
		if (end >= text.length) throw fail(`\`${text}\`: ${opening} at column ${position + 1} is never closed`);
		tokens.push(filter(text.slice(position + 1, end).trim(), today, fail));
		position = end + 1;
	}
	let next = 0;
	const operand = (): Filter => {
		const token = tokens[next++];
		if (token === 'NOT') {
			const negated = operand();
			return (entry) => !negated(entry);
		}
		if (typeof token !== 'function') throw fail(`\`${text}\`: expected a filter in ${opening}…${closing}${token === undefined ? ' at the end' : ` before ${token}`}`);
		return token;
	};
	const binary = (operator: string, below: () => Filter, combine: (left: boolean, right: () => boolean) => boolean) => (): Filter => {
		let left = below();
		while (tokens[next] === operator) {
			next++;
			const before = left;
			const right = below();
			left = (entry) => combine(before(entry), () => right(entry));
		}
		return left;
	};
	const xor = binary('XOR', operand, (left, right) => left !== right());
	const and = binary('AND', xor, (left, right) => left && right());
	const or = binary('OR', and, (left, right) => left || right());
	const made = or();
	if (next < tokens.length) throw fail(`\`${text}\`: expected AND, OR or XOR between filters`);
	return made;
}

const DATE_FIELDS: Record<string, DateField> = { due: 'due', scheduled: 'scheduled', starts: 'start', start: 'start', done: 'done', created: 'created', happens: 'happens' };

/** The days a date field holds: `happens` is any of start, scheduled and due. */
function fieldDays(entry: TaskEntry, field: DateField): (number | undefined)[] {
	return field === 'happens' ? [entry.dates.start, entry.dates.scheduled, entry.dates.due] : [entry.dates[field]];
}

const TEXT_FIELDS: Record<string, (entry: TaskEntry) => readonly string[]> = {
	description: (entry) => [entry.description],
	path: (entry) => [entry.path],
	filename: (entry) => [entry.filename],
	folder: (entry) => [entry.folder],
	root: (entry) => [entry.root],
	tag: (entry) => entry.tags,
	tags: (entry) => entry.tags,
};

function singleFilter(text: string, today: number, fail: Fail): Filter | undefined {
	const lower = text.toLowerCase().replace(/\s+/g, ' ');
	if (lower === 'done') return (entry) => entry.isDone;
	if (lower === 'not done') return (entry) => !entry.isDone;
	if (lower === 'is recurring') return (entry) => entry.recurring;
	if (lower === 'is not recurring') return (entry) => !entry.recurring;
	if (lower === 'exclude sub-items') return (entry) => entry.topLevel;
	if (lower === 'has tags' || lower === 'has tag') return (entry) => entry.tags.length > 0;
	if (lower === 'no tags' || lower === 'no tag') return (entry) => entry.tags.length === 0;

	const presence = /^(has|no) (due|scheduled|start|done|created|happens) date$/.exec(lower);
	if (presence) {
		const field = DATE_FIELDS[presence[2]!]!;
		const has = presence[1] === 'has';
		return (entry) => fieldDays(entry, field).some((day) => day !== undefined) === has;
	}

	if (/^(due|scheduled|start|done|created|cancelled) date is invalid$/.test(lower)) throw fail(`\`${text}\` is not supported: a task's date that is not a real day is not read as a date at all`, true);

	const dated = /^(due|scheduled|starts|done|created|happens) (?:((?:on|in) or before|before|(?:on|in) or after|after|on|in) )?(.+)$/.exec(lower);
	if (dated) {
		const field = DATE_FIELDS[dated[1]!]!;
		let keyword: string | undefined = dated[2];
		let range = parseDayRange(dated[3]!, today);
		// As in Tasks, `due in 3 days` is the date "in 3 days", not "in" the range "3 days".
		if (range === undefined && keyword !== undefined) {
			range = parseDayRange(`${keyword} ${dated[3]}`, today);
			keyword = undefined;
		}
		if (range === undefined) throw fail(`\`${text}\`: "${dated[3]}" is not a date or a range of dates this site reads (2024-05-31, today, in 3 days, this week, 2024-W22…)`);
		const matches = dayMatcher(keyword, range);
		// Tasks lets a task without a start date through any `starts` filter: it can be worked on now.
		const missing = field === 'start';
		return (entry) => {
			const days = fieldDays(entry, field).filter((day) => day !== undefined);
			return days.length === 0 ? missing : days.some(matches);
		};
	}

	const priority = /^priority(?: is)?(?: (above|below|not))? (highest|high|medium|none|low|lowest)$/.exec(lower);
	if (priority) {
		const wanted = PRIORITY_NAMES.indexOf(priority[2] as (typeof PRIORITY_NAMES)[number]);
		const relation = priority[1];
		return (entry) => (relation === 'above' ? entry.priority < wanted : relation === 'below' ? entry.priority > wanted : relation === 'not' ? entry.priority !== wanted : entry.priority === wanted);
	}

	const statusTypeFilter = /^status\.type (is|is not) (\w+)$/.exec(lower);
	if (statusTypeFilter) {
		const wanted = statusTypeFilter[2]!.toUpperCase() as StatusType;
		if (!STATUS_TYPE_ORDER.includes(wanted)) throw fail(`\`${text}\`: the status types are ${STATUS_TYPE_ORDER.join(', ')}`);
		return (entry) => (entry.statusType === wanted) === (statusTypeFilter[1] === 'is');
	}

	const textual = /^(\w+) (includes|does not include|include|do not include|regex matches|regex does not match) (.*)$/i.exec(text.trim());
	const values = textual && TEXT_FIELDS[textual[1]!.toLowerCase()];
	if (textual && values) {
		const operator = textual[2]!.toLowerCase();
		const negated = operator.includes('not');
		const matches = operator.startsWith('regex') ? regexMatcher(textual[3]!, text, fail) : substringMatcher(textual[3]!);
		return (entry) => values(entry).some(matches) !== negated;
	}
	return undefined;
}

function substringMatcher(wanted: string): (value: string) => boolean {
	const lower = wanted.toLowerCase();
	return (value) => value.toLowerCase().includes(lower);
}

function regexMatcher(written: string, text: string, fail: Fail): (value: string) => boolean {
	const parts = /^\/(.*)\/([a-z]*)$/.exec(written.trim());
	if (!parts) throw fail(`\`${text}\`: a regular expression is written between slashes, /like this/i`);
	try {
		const expression = new RegExp(parts[1]!, parts[2]);
		return (value) => expression.test(value);
	} catch (error) {
		throw fail(`\`${text}\`: ${(error as Error).message}`);
	}
}

function dayMatcher(keyword: string | undefined, range: DayRange): (day: number) => boolean {
	switch (keyword) {
		case 'before':
			return (day) => day < range.start;
		case 'after':
			return (day) => day > range.end;
		case 'on or before':
		case 'in or before':
			return (day) => day <= range.end;
		case 'on or after':
		case 'in or after':
			return (day) => day >= range.start;
		default:
			return (day) => day >= range.start && day <= range.end;
	}
}

const UNIT_DAYS: Record<string, number> = { day: 1, week: 7 };

/**
 * A date as Tasks' filters take one (`2024-05-31`, `today`, `tomorrow`, `yesterday`, `in 3 days`,
 * `2 weeks ago`) or a range of dates (two dates, `last|this|next week|month|quarter|year`,
 * `2024-W22`, `2024-05`, `2024-Q2`, `2024`); weeks run Monday to Sunday.
 */
function parseDayRange(text: string, today: number): DayRange | undefined {
	const words = text.trim().toLowerCase();
	const pair = /^(\S+) (\S+)$/.exec(words);
	const first = pair && absoluteDay(pair[1]!);
	const second = pair && absoluteDay(pair[2]!);
	if (first !== null && first !== undefined && second !== null && second !== undefined) return { start: first, end: second };
	const day = singleDay(words, today);
	if (day !== undefined) return { start: day, end: day };
	const relative = /^(last|this|next) (week|month|quarter|year)$/.exec(words);
	if (relative) return relativeRange(relative[1]!, relative[2]!, today);
	return numberedRange(words);
}

function absoluteDay(text: string): number | undefined {
	return /^\d{4}-\d{2}-\d{2}$/.test(text) ? parseIsoDate(text)?.time : undefined;
}

function singleDay(text: string, today: number): number | undefined {
	const named: Record<string, number> = { today, tomorrow: today + DAY, yesterday: today - DAY };
	if (named[text] !== undefined) return named[text];
	const ahead = /^in (\d+) (day|week)s?$/.exec(text);
	if (ahead) return today + Number(ahead[1]) * UNIT_DAYS[ahead[2]!]! * DAY;
	const ago = /^(\d+) (day|week)s? ago$/.exec(text);
	if (ago) return today - Number(ago[1]) * UNIT_DAYS[ago[2]!]! * DAY;
	return absoluteDay(text);
}

function monthsRange(year: number, month: number, count: number): DayRange {
	return { start: Date.UTC(year, month, 1), end: Date.UTC(year, month + count, 0) };
}

function mondayOf(day: number): number {
	return day - ((new Date(day).getUTCDay() + 6) % 7) * DAY;
}

function relativeRange(which: string, unit: string, today: number): DayRange {
	const step = which === 'last' ? -1 : which === 'next' ? 1 : 0;
	const date = new Date(today);
	const year = date.getUTCFullYear();
	const month = date.getUTCMonth();
	switch (unit) {
		case 'week': {
			const monday = mondayOf(today) + step * 7 * DAY;
			return { start: monday, end: monday + 6 * DAY };
		}
		case 'month':
			return monthsRange(year, month + step, 1);
		case 'quarter':
			return monthsRange(year, month - (month % 3) + step * 3, 3);
		default:
			return monthsRange(year + step, 0, 12);
	}
}

function numberedRange(text: string): DayRange | undefined {
	const week = /^(\d{4})-w(\d{2})$/.exec(text);
	if (week) {
		// ISO week 1 is the week holding 4 January.
		const monday = mondayOf(Date.UTC(Number(week[1]), 0, 4)) + (Number(week[2]) - 1) * 7 * DAY;
		return { start: monday, end: monday + 6 * DAY };
	}
	const month = /^(\d{4})-(\d{2})$/.exec(text);
	if (month && Number(month[2]) >= 1 && Number(month[2]) <= 12) return monthsRange(Number(month[1]), Number(month[2]) - 1, 1);
	const quarter = /^(\d{4})-q([1-4])$/.exec(text);
	if (quarter) return monthsRange(Number(quarter[1]), (Number(quarter[2]) - 1) * 3, 3);
	const year = /^(\d{4})$/.exec(text);
	return year ? monthsRange(Number(year[1]), 0, 12) : undefined;
}

// Sorting and grouping

/** The field's day; for `happens`, the earliest of start, scheduled and due. */
function earliestDay(entry: TaskEntry, field: DateField): number | undefined {
	const days = fieldDays(entry, field).filter((day) => day !== undefined);
	return days.length === 0 ? undefined : Math.min(...days);
}

/** Tasks' date order: earliest first, tasks without the date last. */
function dateComparator(field: DateField): Comparator {
	return (left, right) => {
		const a = earliestDay(left, field);
		const b = earliestDay(right, field);
		if (a === undefined || b === undefined) return a === b ? 0 : a === undefined ? 1 : -1;
		return Math.sign(a - b);
	};
}

function textComparator(value: (entry: TaskEntry) => string): Comparator {
	return (left, right) => value(left).localeCompare(value(right), undefined, { numeric: true });
}

function sorter(field: string, tagNumber: number): Comparator | undefined {
	if (DATE_FIELDS[field] !== undefined) return dateComparator(DATE_FIELDS[field]);
	switch (field) {
		case 'status':
			// Tasks' "Todo" before "Done".
			return (left, right) => Number(left.isDone) - Number(right.isDone);
		case 'status.type':
			return defaultSorters[0];
		case 'urgency':
			return defaultSorters[1];
		case 'priority':
			return (left, right) => left.priority - right.priority;
		case 'recurring':
			return (left, right) => Number(right.recurring) - Number(left.recurring);
		case 'path':
			return textComparator((entry) => entry.path);
		case 'filename':
			return textComparator((entry) => entry.filename);
		case 'description':
			return textComparator((entry) => entry.description);
		case 'tag':
			return (left, right) => {
				const a = left.tags[tagNumber - 1];
				const b = right.tags[tagNumber - 1];
				if (a === undefined || b === undefined) return a === b ? 0 : a === undefined ? 1 : -1;
				return a.localeCompare(b, undefined, { numeric: true });
			};
		default:
			return undefined;
	}
}

function dateHeading(day: number | undefined, field: DateField): string {
	if (day === undefined) return `No ${field} date`;
	const date = new Date(day);
	return `${date.toISOString().slice(0, 10)} ${date.toLocaleDateString('en', { weekday: 'long', timeZone: 'UTC' })}`;
}

function grouper(field: string): Grouper | undefined {
	const dateField = DATE_FIELDS[field];
	if (dateField !== undefined) return (entry) => [dateHeading(earliestDay(entry, dateField), dateField)];
	switch (field) {
		case 'status':
			return (entry) => [entry.isDone ? 'Done' : 'Todo'];
		case 'path':
			return (entry) => [entry.path.replace(/\.md$/, '')];
		case 'folder':
			return (entry) => [entry.folder];
		case 'root':
			return (entry) => [entry.root];
		case 'filename':
			return (entry) => [new DataviewLink(entry.path)];
		case 'tags':
			return (entry) => (entry.tags.length === 0 ? ['(No tags)'] : [...entry.tags]);
		case 'recurring':
			return (entry) => [entry.recurring ? 'Recurring' : 'Not Recurring'];
		default:
			return undefined;
	}
}
