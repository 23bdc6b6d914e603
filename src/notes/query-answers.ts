import { createHash } from 'node:crypto';
import type { Element } from 'hast';
import { parseIsoDate } from '../dataview/dates.ts';
import { evaluateInline, runQuery, type RunOptions } from '../dataview/execute.ts';
import { QueryFailure } from '../dataview/failure.ts';
import { runTasksQuery } from '../dataview/tasks-query.ts';
import { parseBase, runBaseView } from '../dataview/bases.ts';
import { DataviewDate, DataviewLink, type DataviewIndex, type DataviewObject, type DataviewPage, type DataviewTask, type DataviewValue } from '../dataview/values.ts';
import { answerHolder, renderBase, renderBaseResult, renderBaseView, renderInlineValue, renderResult, renderUnanswered, type LinkHref } from '../dom/dataview.ts';
import type { CatalogueNote } from './catalogue.ts';
import { NOTE_EXTENSION } from './files.ts';
import type { GitDates, NotesDates } from './git-dates.ts';
import type { LinkGraph } from './link-graph.ts';
import type { LinkResolver } from './links.ts';
import { displayPath, type NoteProblem } from './problems.ts';
import type { NoteQuery, NoteTask } from './queries.ts';
import { findTags } from './tags.ts';
import { findWikilinks } from './wikilinks.ts';

/**
 * The answers to the notes' queries, drawn when the site is built: for each note holding queries,
 * one element per query in document order (`note.queries`), which the page puts where the query
 * stands; and the problems of the queries that have no answer.
 */
export interface QueryAnswers {
	/** By note, then by query (`queryKey`): the answers, in the order the note asks. */
	byNote: Map<string, Map<string, Element[]>>;
	/** By query: the answer of the first note asking it, as an embed shows it (a base, its first view). */
	shared: Map<string, Element>;
	/** The notes whose pages show an answer: those asking, and those embedding one that asks. The others are left alone. */
	showing: Set<string>;
	/** A fingerprint of each note's answers: in dev, a note whose answers changed is rendered again. */
	stamps: Map<string, string>;
	/** Where the notes' dates came from: git history, or the files' times (`shallow`: a clone without its history). */
	dates?: GitDates['kind'];
	problems: NoteProblem[];
}

/** What identifies a query where a page meets it: its kind and text. */
export const queryKey = (query: Pick<NoteQuery, 'kind' | 'source'>): string => `${query.kind}\n${query.source}`;

/** Dataview's key for a field: lower case, spaces as `-`, formatting taken out (`**Due Date**` → `due-date`). */
export const normalizedKey = (key: string): string =>
	key
		.replace(/[*_~`]/g, '')
		.trim()
		.toLowerCase()
		.replace(/\s+/g, '-');

const WHOLE_LINK = /^!?\[\[[^[\]]+\]\]$/;

/** A field's value as Dataview reads the text of one: a link, a boolean, a number, a date, else text. */
function fieldValue(written: string, from: string, resolve: DataviewIndex['resolve']): DataviewValue {
	const value = written.trim();
	if (WHOLE_LINK.test(value)) {
		const [link] = findWikilinks(value);
		if (link) return resolve(`${link.target}${link.heading ? `#${link.heading}` : ''}`, from) ?? new DataviewLink(link.target, { display: link.alias });
	}
	if (value === 'true' || value === 'false') return value === 'true';
	if (/^-?\d+(?:\.\d+)?$/.test(value)) return Number(value);
	return parseIsoDate(value) ?? value;
}

/** A front-matter value (js-yaml gives dates as Date, `"[[Note]]"` as text). */
function frontmatterValue(value: unknown, from: string, resolve: DataviewIndex['resolve']): DataviewValue {
	if (value === null || value === undefined) return null;
	if (value instanceof Date) return new DataviewDate(value.getTime(), value.getUTCHours() + value.getUTCMinutes() + value.getUTCSeconds() > 0);
	if (typeof value === 'string') return fieldValue(value, from, resolve);
	if (typeof value === 'number' || typeof value === 'boolean') return value;
	if (Array.isArray(value)) return value.map((item) => frontmatterValue(item, from, resolve));
	if (typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, frontmatterValue(item, from, resolve)]));
	return String(value);
}

/** Several fields of one key are a list, as in Dataview. */
function addField(fields: Record<string, DataviewValue>, key: string, value: DataviewValue) {
	for (const name of new Set([key, normalizedKey(key)])) {
		const before = fields[name];
		fields[name] = before === undefined ? value : [...(Array.isArray(before) ? before : [before]), value];
	}
}

const TASK_DATES = (
	[
		['📅', 'due'],
		['⏳', 'scheduled'],
		['✅', 'completion'],
		['🛫', 'start'],
		['➕', 'created'],
	] as const
).map(([emoji, field]) => ({ field, date: new RegExp(`${emoji}\\uFE0F?\\s*(\\d{4}-\\d{2}-\\d{2})`, 'u') }));

/** The note's tasks as Dataview's task objects: subtasks under their parent (by column), dates from the Tasks plugin's emoji. */
function pageTasks(tasks: readonly NoteTask[], path: string): DataviewTask[] {
	const roots: DataviewTask[] = [];
	const open: { column: number; children: DataviewTask[] }[] = [];
	for (const task of tasks) {
		const dates: Record<string, DataviewDate> = {};
		for (const { field, date: pattern } of TASK_DATES) {
			const date = pattern.exec(task.text)?.[1];
			const parsed = date ? parseIsoDate(date) : undefined;
			if (parsed) dates[field] = parsed;
		}
		const children: DataviewTask[] = [];
		const made: DataviewTask = {
			...dates,
			text: task.text,
			completed: task.status === 'x' || task.status === 'X',
			status: task.status,
			line: task.line,
			path,
			tags: findTags(task.text, ' ').map(({ tag }) => `#${tag}`),
			children,
		};
		while (open.length > 0 && open[open.length - 1].column >= task.column) open.pop();
		(open.length > 0 ? open[open.length - 1].children : roots).push(made);
		open.push({ column: task.column, children });
	}
	return roots;
}

/** Every tag and the tags above it (`#games/moba` is also `#games`), as `file.tags` has them. */
const withParentTags = (tags: readonly string[]): string[] => [...new Set(tags.flatMap((tag) => tag.split('/').map((_, depth, parts) => `#${parts.slice(0, depth + 1).join('/')}`)))];

/** The notes as Dataview's pages: front matter and inline fields, and `file.*` from the catalogue. */
export function dataviewIndex(notes: readonly CatalogueNote[], resolver: LinkResolver, links: Pick<LinkGraph, 'backlinks' | 'wikilinkTargets'>, dates: NotesDates): DataviewIndex {
	const resolve: DataviewIndex['resolve'] = (target, from) => {
		const [name, heading] = target.split('#', 2) as [string, string | undefined];
		const found = resolver.wikilink({ target: name, heading }, from);
		return found.kind === 'note' ? new DataviewLink(found.note.relativePath, { subpath: heading }) : undefined;
	};
	const bySlug = new Map(notes.map((note) => [note.slug, note]));
	const pages = notes.map((note): DataviewPage => {
		const fields: Record<string, DataviewValue> = {};
		for (const [key, value] of Object.entries(note.frontmatter)) addField(fields, key, frontmatterValue(value, note.relativePath, resolve));
		for (const field of note.fields) addField(fields, field.key, fieldValue(field.value, note.relativePath, resolve));
		const { created, modified } = dates.byPath.get(note.relativePath)!;
		const name = note.relativePath.replace(/^.*\//, '').replace(NOTE_EXTENSION, '');
		const targets = links.wikilinkTargets.get(note.slug) ?? [];
		const outlinks = note.wikilinks.flatMap((link, position) => {
			const target = targets[position]!;
			if (target.kind === 'note') return [new DataviewLink(target.note.relativePath, { subpath: link.heading, embed: link.embed })];
			// A link to a note not written yet still links, as in Dataview (`FROM [[Yoga MOC]]` finds the notes naming it).
			return target.kind === 'broken' && link.target ? [new DataviewLink(`${link.target}.md`, { subpath: link.heading, embed: link.embed })] : [];
		});
		const inlinks = (links.backlinks.get(note.slug) ?? []).flatMap((backlink) => {
			const from = bySlug.get(backlink.slug);
			return from ? [new DataviewLink(from.relativePath)] : [];
		});
		const ctime = DataviewDate.fromDate(created);
		const mtime = DataviewDate.fromDate(modified);
		const day = /(\d{4}-\d{2}-\d{2})/.exec(name)?.[1];
		return {
			...fields,
			file: {
				name,
				path: note.relativePath,
				folder: note.group,
				ext: note.relativePath.replace(/^.*\./, ''),
				link: new DataviewLink(note.relativePath),
				tags: withParentTags(note.tags),
				etags: note.tags.map((tag) => `#${tag}`),
				aliases: note.aliases,
				inlinks: [...new Map(inlinks.map((link) => [link.path, link])).values()],
				outlinks,
				tasks: pageTasks(note.tasks, note.relativePath),
				lists: [],
				ctime,
				mtime,
				cday: new DataviewDate(Date.UTC(created.getUTCFullYear(), created.getUTCMonth(), created.getUTCDate()), false),
				mday: new DataviewDate(Date.UTC(modified.getUTCFullYear(), modified.getUTCMonth(), modified.getUTCDate()), false),
				day: day ? parseIsoDate(day) : undefined,
				size: Buffer.byteLength(note.source),
				frontmatter: fields as DataviewObject,
			},
		};
	});
	const byPath = new Map(pages.map((page) => [page.file.path, page]));
	return { pages, page: (link) => byPath.get(link.path), resolve };
}

const NOT_RUN = 'JavaScript in a note is not run on this site';

/** Answers every query of the notes from the catalogue; builds the index only when some note asks. */
export function answerQueries(
	notes: readonly CatalogueNote[],
	resolver: LinkResolver,
	links: Pick<LinkGraph, 'backlinks' | 'shown' | 'wikilinkTargets'>,
	{ projectRoot, dates, now }: { projectRoot: string; dates: NotesDates; now?: RunOptions['now'] },
): QueryAnswers {
	const answers: QueryAnswers = { byNote: new Map(), shared: new Map(), showing: new Set(), stamps: new Map(), problems: [] };
	const asking = notes.filter((note) => note.queries.some((query) => query.kind !== 'templater'));
	if (asking.length === 0) return answers;
	answers.dates = dates.kind;
	const index = dataviewIndex(notes, resolver, links, dates);
	const href: LinkHref = (link) => {
		const note = resolver.noteAt(link.path);
		return note && resolver.noteHref(note);
	};
	for (const note of asking) {
		const origin = index.page(new DataviewLink(note.relativePath));
		if (!origin) continue;
		const byQuery = new Map<string, Element[]>();
		/** What an embed of this note shows where it differs from the page: a base's first view. */
		const embedded = new Map<string, Element>();
		const elements = note.queries.flatMap((query): Element[] => {
			if (query.kind === 'templater') return [];
			// Reported where they stand by the check of the notes (`code-not-run`).
			if (query.kind === 'dataviewjs' || query.kind === 'inline-js') return [renderUnanswered(query.kind, NOT_RUN, query.source, query.kind === 'inline-js')];
			if (query.kind === 'inline') {
				const value = evaluateInline(query.source, index, origin, { now });
				if (!(value instanceof QueryFailure)) return [renderInlineValue(value, href)];
				answers.problems.push(queryProblem(note, query, value.message, value, projectRoot));
				return [renderUnanswered(query.kind, value.message, query.source, true)];
			}
			if (query.kind === 'base') {
				const answer = baseAnswer(query.source, index, origin, href, { now });
				if (!(answer instanceof QueryFailure)) {
					embedded.set(queryKey(query), answerHolder(answer.first));
					return [answer.all];
				}
				answers.problems.push(queryProblem(note, query, answer.message, answer, projectRoot));
				return [renderUnanswered(query.kind, answer.message, query.source, false)];
			}
			const result = (query.kind === 'tasks' ? runTasksQuery : runQuery)(query.source, index, origin, { now });
			if (!(result instanceof QueryFailure)) return [renderResult(result, href)];
			answers.problems.push(queryProblem(note, query, result.message, result, projectRoot));
			return [renderUnanswered(query.kind, result.message, query.source, false)];
		});
		note.queries
			.filter((query) => query.kind !== 'templater')
			.forEach((query, position) => {
				const key = queryKey(query);
				// A block answer in its holder, which the cards of the note leave out (see `withAnswersOnPage`).
				const element = query.kind === 'inline' || query.kind === 'inline-js' ? elements[position] : answerHolder(elements[position]);
				byQuery.set(key, [...(byQuery.get(key) ?? []), element]);
				if (!answers.shared.has(key)) answers.shared.set(key, embedded.get(key) ?? element);
			});
		answers.byNote.set(note.relativePath, byQuery);
		answers.stamps.set(note.relativePath, createHash('sha1').update(JSON.stringify(elements)).digest('hex'));
	}
	for (const note of notes) {
		if (answers.byNote.has(note.relativePath) || (links.shown.get(note.slug) ?? []).some((shown) => answers.byNote.has(shown.relativePath))) answers.showing.add(note.relativePath);
	}
	return answers;
}

/** A base's views, one after the other, each under its name, and its first view alone (what an embed shows); the first failure instead, if any. */
function baseAnswer(source: string, index: DataviewIndex, origin: DataviewPage, href: LinkHref, options: RunOptions): { all: Element; first: Element } | QueryFailure {
	const base = parseBase(source);
	if (base instanceof QueryFailure) return base;
	const views: Element[] = [];
	for (const [viewIndex, view] of base.views.entries()) {
		const result = runBaseView(base, viewIndex, index, origin, options);
		if (result instanceof QueryFailure) return result;
		views.push(renderBaseView(view.name, renderBaseResult(result, href)));
	}
	return { all: renderBase(views), first: renderBase(views.slice(0, 1)) };
}

function queryProblem(note: Pick<CatalogueNote, 'file'>, query: NoteQuery, message: string, failure: QueryFailure, projectRoot: string): NoteProblem {
	// A fence's body starts on the line after its opening; an inline query stands on its own line.
	const line = query.line + (query.kind === 'inline' ? 0 : 1) + failure.line - 1;
	const shown = query.source.length > 80 ? `${query.source.slice(0, 79)}…` : query.source;
	return {
		kind: 'query-not-answered',
		file: displayPath(note.file, projectRoot),
		line,
		...(failure.column !== undefined && query.kind !== 'inline' ? { column: failure.column } : {}),
		message: `${failure.unsupported ? 'query not answered' : 'query failed'}: ${message} (${shown.replace(/\s+/g, ' ')})`,
		hint: 'The page shows the query, folded, with this reason; see "Dataview queries" in docs/writing-notes.md for what the site answers.',
	};
}
