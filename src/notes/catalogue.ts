import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { isFolderPage, listNotesFolder, noteFileOf, noteSlug, readNoteFile, type NoteFileRead, type RefusedLink } from './files.ts';
import { readNoteContents, type NoteContents } from './note-tree.ts';
import { authoredLine, prepareNote, type PreparedNote } from './prepare-source.ts';
import { distinctTags } from './tags.ts';
import { displayPath, renderErrorProblem, type NoteProblem } from './problems.ts';
import { distinctTitles, noteTitle, titleFromFileName } from './title.ts';
import { linkGraph, type Backlink, type LinkGraph } from './link-graph.ts';
import { answerQueries, type QueryAnswers } from './query-answers.ts';
import { gitDates, notesDates, type GitDates, type NotesDates } from './git-dates.ts';
import { LinkResolver } from './links.ts';
import { isFlashcardsTag, noteCards, type NoteCard } from './cards.ts';
import { noteAliases } from './aliases.ts';
import { isLogseqGraph, type LogseqBlock } from './logseq.ts';
import type { InlineField } from './inline-fields.ts';
import type { NoteFormat } from '../plugins/satteri.ts';
import type { NoteFrontmatter } from '../config/note.ts';
import { privacyRules, privateByFrontmatter, privateByPath, type PrivacySettings, type PrivateReason } from './private.ts';
import { noteProperties, shownProperties, type NoteProperty, type PropertiesSetting } from './properties.ts';
import type { PropertyRow } from '../dom/properties.ts';
import { countScripts, detectLanguage, type ScriptCounts } from './language.ts';
import { noteFrameOrigins } from './media.ts';
import { DETECT_LANGUAGE } from '../config/site.ts';
import { canvasNote, isCanvasFile, readCanvas } from './canvas.ts';
import { catalogueDrawings, DRAWING_FILE, DRAWING_NOTE, readDrawingFile, readDrawingNote, type Drawing, type DrawingRead } from './drawings.ts';

/**
 * The notes catalogue: the whole notes folder, read once per build before any page renders (and
 * note by note in `npm run dev`). Every stage reads it: the problem report, the diagrams pass, the
 * home page, sidebar, pager, table of contents and search filters. None parses a note again.
 */

export interface CatalogueNote extends Omit<NoteContents, 'liftedTitle' | 'inlineTags' | 'cardSources'> {
	/** Absolute path of the file. */
	file: string;
	/** Path relative to the notes folder, with `/` separators: `aws/vpc.md`. */
	relativePath: string;
	format: NoteFormat;
	/** The URL path below the site's base, without slashes around it: `aws/vpc`. */
	slug: string;
	/** Folder below the notes folder (`aws/networking`), or `''` for a note at the top. */
	group: string;
	/** Front matter `title`, else the first `#` heading with text, else the file name. */
	title: string;
	/**
	 * The title the note gives itself: front matter `title`, else its first heading when that is a
	 * `#` heading (kept on the page or not); none when only its file name names it. The home note's
	 * names the site when no setting does (`siteTitle`).
	 */
	ownTitle?: string;
	description?: string;
	order?: number;
	/** The front matter's `tags` (`tags: [vpc, exam]` or `tags: vpc exam`) and the `#tags` in the text, without `#` or repeats. */
	tags: string[];
	/** Other names `[[links]]` find it by: the front matter's `aliases` (or `alias`), see `noteAliases`. */
	aliases: string[];
	/** A fingerprint of the file's bytes (`contentHash`). */
	hash: string;
	/** The note's text as every reader of it sees it (`prepareNote`): the file is read once, here. */
	source: string;
	/** The front matter as read (the Markdown plugins see it as Astro's `frontmatter`). */
	frontmatter: NoteFrontmatter;
	/** Its flashcards: each topic with a summary, and the cards it writes in the spaced-repetition plugin's syntax. */
	cards: NoteCard[];
	/** Lines the source preparation added and took out (see `prepareNote`): the catalogue's lines are the prepared text's. */
	addedLines: number[];
	/** The front matter's properties its page shows (the `properties` setting). */
	properties: NoteProperty[];
	removedLines: number[];
	/**
	 * Its `key:: value` fields, lines as the author's: in a Logseq graph its properties (`page`: at
	 * the top of the page), in an Obsidian vault Dataview's inline fields (lines, `[…]`, `(…)`).
	 */
	fields: (InlineField & { line: number; page: boolean })[];
	/** In a Logseq graph, its blocks with ids, which `((uuid))` shows and `{{embed ((uuid))}}` embeds. */
	blocks: LogseqBlock[];
	controlCharacters?: PreparedNote['controlCharacters'];
	/** Its characters by script, for the site's language (`detectLanguage`). */
	scripts: ScriptCounts;
	/** A JSON Canvas (`board.canvas`): how many cards its board has. */
	canvas?: { cards: number };
	/** A note written from another format (a canvas): the line of its file that each line of its text comes from. */
	authoredLines?: number[];
	/** An `.excalidraw.md` or `.excalidraw` note's drawing (its page shows it, above an `.excalidraw.md` note's Markdown). */
	drawing?: DrawingRead;
}

export interface Catalogue {
	notesRoot: string;
	/** The notes folder is an Obsidian vault (it has a `.obsidian/` folder). */
	vault: boolean;
	/** The site's language (`<html lang>`, search, the order of titles): the `lang` setting, or the notes' own (`detectLanguage`). */
	lang: string;
	/** The notes folder is a Logseq graph (it has `logseq/config.edn`): its pages are prepared as Logseq shows them. */
	logseq: boolean;
	/** The notes that build, in reading order: top-level notes first, then by folder, `order`, title. */
	notes: CatalogueNote[];
	/** Notes left out of the site for a problem, by path relative to the notes folder. */
	excluded: string[];
	/** Notes left out because they are private (see `private.ts`): read for nothing else, shown nowhere. */
	private: { relativePath: string; reason: PrivateReason }[];
	/** Symbolic links not followed (see `listNotesFolder`): nothing behind them is read. */
	refusedLinks: RefusedLink[];
	/** Why each of them was left out. */
	problems: NoteProblem[];
	/** Every file that is not a note (images, PDFs…), relative to the notes folder. */
	assets: string[];
	/** Every link and embed, resolved: problems, backlinks, files to publish. */
	links: LinkGraph;
	resolver: LinkResolver;
	/** When each note was created and last changed (git's dates, else the file's), by path relative to the notes folder. */
	dates: NotesDates;
	/** The answers to the notes' Dataview queries, drawn from all of the above. */
	answers: QueryAnswers;
	/** Every Excalidraw drawing (`.excalidraw.md` notes, `.excalidraw` files), by path relative to the notes folder. */
	drawings: Map<string, Drawing>;
}

/**
 * What pages read of a note: its place, title and outline; no paths on disk, lines, images or
 * diagram code (at 1,000 notes, the pages' module is already megabytes).
 */
export interface PageNote extends Pick<CatalogueNote, 'slug' | 'relativePath' | 'title' | 'description' | 'group' | 'hasTabs' | 'hasMath' | 'tags' | 'aliases'> {
	headings: Omit<CatalogueNote['headings'][number], 'line' | 'githubId' | 'written'>[];
	topics: Pick<CatalogueNote['topics'][number], 'id' | 'text' | 'number'>[];
	/** The notes, and topics, that link to this one. */
	backlinks: Backlink[];
	/** Its page links to other notes (in its text or its backlinks): those links show previews. */
	linksToNotes: boolean;
	cards: Omit<NoteCard, 'line'>[];
	/** The properties the page shows, their links resolved. */
	properties: PropertyRow[];
	/** It is a canvas: its page pans and zooms the board. */
	canvas?: true;
	/** When the note last changed (`Catalogue.dates`). */
	updated: Date;
	/** The video players its page loads frames from when the reader asks (its own and its embedded notes'): its `frame-src`. */
	frameOrigins: string[];
}

export function pageNote(note: CatalogueNote, { links, resolver, dates }: Pick<Catalogue, 'links' | 'resolver' | 'dates'>): PageNote {
	const { slug, title, description, group, hasTabs, tags, aliases, relativePath } = note;
	return {
		slug,
		relativePath,
		title,
		description,
		group,
		hasTabs,
		aliases,
		// Maths in a note it embeds is maths on its page.
		hasMath: note.hasMath || (links.shown.get(slug) ?? []).some((shown) => shown.hasMath),
		tags,
		headings: note.headings.map(({ depth, text, id, tocLabel }) => ({ depth, text, id, ...(tocLabel ? { tocLabel } : {}) })),
		topics: note.topics.map(({ id, text, number }) => ({ id, text, number })),
		backlinks: links.backlinks.get(slug) ?? [],
		linksToNotes: links.linking.has(slug) || links.backlinks.has(slug),
		cards: note.cards.map(({ id, kind, topic }) => ({ id, kind, ...(topic ? { topic } : {}) })),
		properties: shownProperties(note.properties, resolver, note.relativePath),
		...(note.canvas ? { canvas: true as const } : {}),
		updated: dates.byPath.get(relativePath)!.modified,
		frameOrigins: [...new Set([note, ...(links.shown.get(slug) ?? [])].flatMap(noteFrameOrigins))].sort(),
	};
}

export interface CatalogueOptions {
	notesRoot: string;
	projectRoot: string;
	/** The site's base path (`/aws-notes/`), for the links between notes. */
	base: string;
	/** The notes' language, or `"detect"` to read it off the notes (`detectLanguage`). */
	lang: string;
	/** Which notes stay private. Default: the marks and folders `private.ts` knows, nothing more. */
	privacy?: PrivacySettings;
	/** The front matter keys pages show as properties (the `properties` setting). Default: `true`, all but the site's own. */
	properties?: PropertiesSetting;
}

/** A note's record, with what could not be read of it (front matter keys), or the problem that leaves it out. */
export type NoteRecord = { ok: true; note: CatalogueNote; problems: NoteProblem[] } | { ok: false; problem: NoteProblem };

function normalizeTags(value: unknown): string[] {
	const list = Array.isArray(value) ? value : typeof value === 'string' ? value.split(/[\s,]+/) : [];
	return list.filter((tag): tag is string => typeof tag === 'string').map((tag) => tag.replace(/^#/, '').trim()).filter(Boolean);
}

/** `1:2-3:4` style positions in Sätteri's MDX errors. */
function mdxErrorPosition(message: string): { line?: number; column?: number } {
	const match = /(\d+):(\d+)/.exec(message);
	return match ? { line: Number(match[1]), column: Number(match[2]) } : {};
}

/** How the notes folder is read: an Obsidian vault, a Logseq graph. */
export interface FolderKind {
	vault: boolean;
	logseq: boolean;
}

/** One note, read and parsed once: its record, or the problem that leaves it out. */
function readNote(relativePath: string, options: CatalogueOptions & FolderKind): NoteRecord {
	const file = path.join(options.notesRoot, relativePath);
	if (isCanvasFile(relativePath)) return canvasRecord(relativePath, options);
	if (DRAWING_NOTE.test(relativePath)) return drawingNoteRecord(relativePath, readNoteFile(file), options);
	if (DRAWING_FILE.test(relativePath)) return drawingFileRecord(relativePath, readNoteFile(file), options);
	if (!relativePath.toLowerCase().endsWith('.base')) return noteRecord(relativePath, readNoteFile(file), options);
	// An Obsidian base is a page of its views: a note holding it as a `base` block, under its name.
	const record = noteRecord(relativePath, noteFileOf(Buffer.from(baseNoteSource(relativePath, readFileSync(file, 'utf8')))), options);
	// Its report lines are the file's: the three lines before the block are not the author's.
	if (record.ok) record.note.addedLines = [...BASE_NOTE_LINES, ...record.note.addedLines.map((line) => line + BASE_NOTE_LINES.length)];
	return record;
}

const BASE_NOTE_LINES = [1, 2, 3];

/** A canvas is the note of its board (`canvasNote`); what is wrong in it is reported at its line of the file. */
function canvasRecord(relativePath: string, options: CatalogueOptions & FolderKind): NoteRecord {
	const file = path.join(options.notesRoot, relativePath);
	const shown = displayPath(file, options.projectRoot);
	const read = readCanvas(readFileSync(file, 'utf8'));
	if (!read.ok) return { ok: false, problem: { file: shown, ...read.problem } };
	const { source, authoredLines, cards } = canvasNote(relativePath, read.canvas);
	const record = noteRecord(relativePath, noteFileOf(Buffer.from(source)), options);
	if (!record.ok) return record;
	return {
		ok: true,
		note: { ...record.note, canvas: { cards }, authoredLines },
		problems: [...record.problems, ...read.problems.map((problem) => ({ file: shown, ...problem }))],
	};
}

/** The note a `.base` file is: its name as the title, the file as a ```` ```base ```` block. */
function baseNoteSource(relativePath: string, yaml: string): string {
	const fence = '`'.repeat(Math.max(3, ...[...yaml.matchAll(/`{3,}/g)].map((run) => run[0].length + 1)));
	return `# ${path.posix.basename(relativePath).replace(/\.base$/i, '')}\n\n${fence}base\n${yaml.replace(/\n?$/, '\n')}${fence}\n`;
}

/**
 * An `.excalidraw.md` note is a page of its drawing, then its Markdown: the plugin's data sections
 * are left out, and the drawing is embedded on the two lines after the front matter.
 */
function drawingNoteRecord(relativePath: string, read: NoteFileRead, options: CatalogueOptions & FolderKind): NoteRecord {
	if (!read.ok) return noteRecord(relativePath, read, options);
	const { markdown, drawing } = readDrawingNote(read.source);
	const frontmatterLines = (/^---\r?\n[\s\S]*?\r?\n---[ \t]*(?:\r?\n|$)/.exec(markdown)?.[0] ?? '').split('\n').length - 1;
	const lines = markdown.split('\n');
	const source = [...lines.slice(0, frontmatterLines), `![[${relativePath}]]`, '', ...lines.slice(frontmatterLines)].join('\n');
	const record = noteRecord(relativePath, noteFileOf(Buffer.from(source)), options);
	if (!record.ok) return record;
	// The preparation's added lines are lines of this text already, as are these two.
	record.note.addedLines = [frontmatterLines + 1, frontmatterLines + 2, ...record.note.addedLines].sort((a, b) => a - b);
	// Its lines, as all the catalogue's, are the page source's: below the two added, one more each.
	const shifted = (line: number) => (line > frontmatterLines ? line + 2 : line);
	record.note.drawing = !drawing.ok
		? { ...drawing, ...(drawing.line ? { line: shifted(drawing.line) } : {}) }
		: { ...drawing, embedded: drawing.embedded.map((file) => ({ ...file, line: shifted(file.line) })) };
	// The plugin's own settings (`excalidraw-plugin: parsed`, `excalidraw-autoexport`…) are not the reader's.
	record.note.properties = record.note.properties.filter(({ key }) => !key.startsWith('excalidraw-'));
	return record;
}

/** An `.excalidraw` file (Excalidraw's JSON) is a page of its drawing, titled by its name. */
function drawingFileRecord(relativePath: string, read: NoteFileRead, options: CatalogueOptions & FolderKind): NoteRecord {
	if (!read.ok) return noteRecord(relativePath, read, options);
	const record = noteRecord(relativePath, noteFileOf(Buffer.from(`![[${relativePath}]]\n`)), options);
	if (record.ok) record.note.drawing = readDrawingFile(read.source);
	return record;
}

/** The record of a note at `relativePath` whose file was read as `read` (parsed here, once). */
export function noteRecord(relativePath: string, read: NoteFileRead, options: CatalogueOptions & FolderKind): NoteRecord {
	const file = path.join(options.notesRoot, relativePath);
	const shown = displayPath(file, options.projectRoot);
	if (!read.ok) return { ok: false, problem: { file: shown, ...read.problem } };
	const format: NoteFormat = relativePath.toLowerCase().endsWith('.mdx') ? 'mdx' : 'md';
	const prepared = prepareNote(read.source, { logseq: options.logseq, vault: options.vault });
	const fields = (prepared.logseq?.fields ?? prepared.fields?.map((field) => ({ ...field, page: false })) ?? []).map((field) => ({ ...field, line: field.index + 1 }));
	// A Logseq page is titled by its `title::` property, else by its file name, as Logseq titles it.
	const pageProperty = (key: string) => fields.find((field) => field.page && field.key.toLowerCase() === key)?.value;
	const namedByFile = options.vault || options.logseq;
	const title = read.frontmatter.title ?? pageProperty('title');
	const properties = noteProperties(read.frontmatter, options.properties);
	let contents: NoteContents;
	try {
		contents = readNoteContents(prepared.text, format, {
			liftTitle: !title,
			liftOnly: namedByFile ? titleFromFileName(relativePath, { vault: true }) : undefined,
			blockRefs: options.logseq,
			frontmatterLinks: properties.some(({ values }) => values.some((value) => value.some((part) => part.kind === 'link'))),
			// Cards in the plugin's syntax need the tag: a note without it anywhere is not read for them.
			cards: normalizeTags(read.frontmatter.tags).some(isFlashcardsTag) || /#flashcards/i.test(prepared.text),
		});
	} catch (error) {
		const message = error instanceof Error ? error.message : String(error);
		// Markdown has no syntax errors: a .md note that cannot be read is a fault of this program, kept to that note.
		if (format !== 'mdx') return { ok: false, problem: renderErrorProblem({ file: shown, error, mdx: false, outcome: 'it was left out of the site' }) };
		const { line, column } = mdxErrorPosition(message);
		return {
			ok: false,
			problem: {
				kind: 'mdx-syntax',
				file: shown,
				line: line === undefined ? undefined : authoredLine(line, prepared.addedLines, prepared.removedLines),
				column,
				message: `MDX syntax error: ${message.split('\n')[0]}; the note was left out of the site`,
				hint: 'In .mdx notes `<`, `{` and `}` start JSX: escape them as `\\<`, `\\{`, or rename the note to .md.',
			},
		};
	}
	const { liftedTitle, inlineTags, cardSources, ...outline } = contents;
	const folder = path.posix.dirname(relativePath);
	const tags = distinctTags([...normalizeTags(read.frontmatter.tags), ...normalizeTags(pageProperty('tags')?.replace(/\[\[|\]\]/g, '')), ...inlineTags]);
	return {
		ok: true,
		problems: read.problems.map((problem) => ({ file: shown, ...problem })),
		note: {
			file,
			relativePath,
			format,
			slug: noteSlug(relativePath),
			group: folder === '.' ? '' : folder,
			title: noteTitle(title, liftedTitle, relativePath, { vault: namedByFile }),
			ownTitle: title ?? (liftedTitle || (outline.headings[0]?.depth === 1 ? outline.headings[0].text : '') || undefined),
			description: read.frontmatter.description,
			order: read.frontmatter.order,
			tags,
			aliases: noteAliases(read.frontmatter),
			hash: read.hash,
			source: prepared.text,
			frontmatter: read.frontmatter,
			cards: noteCards(relativePath, outline.topics, cardSources, tags),
			addedLines: prepared.addedLines,
			removedLines: prepared.removedLines ?? [],
			fields,
			blocks: prepared.logseq?.blocks ?? [],
			controlCharacters: prepared.controlCharacters,
			properties,
			scripts: countScripts(prepared.text),
			...outline,
		},
	};
}

/**
 * The problems, with the lines of the notes as their authors wrote them: the catalogue's lines are
 * those of the prepared text, which has a line more after some MkDocs blocks, and fewer where a
 * Logseq page's drawers and hidden properties were.
 */
export function withAuthoredLines(problems: NoteProblem[], catalogue: Pick<Catalogue, 'notes'>, projectRoot: string): NoteProblem[] {
	const changed = new Map(
		catalogue.notes.flatMap((note) =>
			note.addedLines.length + note.removedLines.length > 0 || note.authoredLines ? [[displayPath(note.file, projectRoot), note] as const] : [],
		),
	);
	if (changed.size === 0) return problems;
	return problems.map((problem) => {
		const note = changed.get(problem.file);
		if (!note || problem.line === undefined) return problem;
		// A canvas's own problems already have the file's lines; those of its text are mapped to them.
		if (note.authoredLines) return problem.kind === 'invalid-canvas' ? problem : { ...problem, line: note.authoredLines[problem.line - 1], column: undefined };
		return { ...problem, line: authoredLine(problem.line, note.addedLines, note.removedLines) };
	});
}

/**
 * A path Vite reads as part of a URL (`c#sharp.mdx`, `what?.mdx`): an `.mdx` note, which Vite
 * compiles as a module from its path, cannot be imported from it, so it is left out and reported.
 * A `.md` note is rendered from the catalogue, whatever its name.
 */
export const breaksGlobLoader = (relativePath: string): boolean => /[#?\\]/.test(relativePath);

const REFUSED_LINK_MESSAGES: Record<RefusedLink['reason'], string> = {
	outside: 'leads outside the notes folder; nothing behind it was read or published',
	'folder-link': 'leads to a folder inside the notes folder (its notes would be published twice, or loop); it was not followed',
	dangling: 'leads nowhere; it was skipped',
};

function refusedLinkProblem(link: RefusedLink, file: string, projectRoot: string): NoteProblem {
	return {
		kind: 'refused-link',
		file: displayPath(file, projectRoot),
		message: `symbolic link (to a ${link.folder ? 'folder' : 'file'}) ${REFUSED_LINK_MESSAGES[link.reason]}`,
		hint: link.reason === 'outside' ? 'Copy what it leads to into the notes folder if it belongs on the site.' : 'Remove the link, or put the files themselves in its place.',
	};
}

/** An Obsidian vault (a `.obsidian/` folder at the top): its notes are titled by their file names, as Obsidian shows them. */
export const isObsidianVault = (notesRoot: string): boolean => existsSync(path.join(notesRoot, '.obsidian'));

/** The notes, those whose titles two notes of a folder would share copied with a distinct one (records stay as read). */
function withDistinctTitles(notes: CatalogueNote[]): CatalogueNote[] {
	const titles = notes.map(({ title, group, relativePath }) => ({ title, group, relativePath }));
	distinctTitles(titles);
	return notes.map((note, index) => (titles[index].title === note.title ? note : { ...note, title: titles[index].title }));
}

const stampOf = (file: string) => {
	try {
		const { size, mtimeMs } = statSync(file);
		return `${size}:${mtimeMs}`;
	} catch {
		return 'unreadable';
	}
};

/**
 * Builds the catalogue, and builds it again when the folder changes: a note whose file has the
 * same size and modification time keeps its record, so only edited notes are read and parsed.
 */
export class NotesCatalogue {
	readonly options: CatalogueOptions;
	#records = new Map<string, { stamp: string; record: NoteRecord }>();
	#history?: GitDates;

	constructor(options: CatalogueOptions) {
		this.options = options;
	}

	/** Is this absolute path a file of the notes folder (a note, or an image it shows)? */
	holds(file: string): boolean {
		const relative = path.relative(this.options.notesRoot, file);
		return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative) && !relative.split(path.sep).some((part) => part.startsWith('.'));
	}

	build(): Catalogue {
		const { notesRoot, projectRoot } = this.options;
		const listing = listNotesFolder(notesRoot);
		const vault = isObsidianVault(notesRoot);
		const privacy = privacyRules(notesRoot, this.options.privacy ?? { exclude: [], publish: 'all' });
		const logseq = isLogseqGraph(notesRoot);
		const records = new Map<string, { stamp: string; record: NoteRecord }>();
		const notes: CatalogueNote[] = [];
		const excluded: string[] = [];
		const privateNotes: Catalogue['private'] = [];
		const problems: NoteProblem[] = [];
		const bySlug = new Map<string, CatalogueNote>();
		for (const link of listing.refused) problems.push(refusedLinkProblem(link, path.join(notesRoot, link.relativePath), projectRoot));
		for (const relativePath of listing.notes) {
			const privateFolder = privateByPath(relativePath, privacy);
			if (privateFolder) {
				privateNotes.push({ relativePath, reason: privateFolder });
				continue;
			}
			if (breaksGlobLoader(relativePath) && relativePath.toLowerCase().endsWith('.mdx')) {
				excluded.push(relativePath);
				problems.push({
					kind: 'bad-file-name',
					file: displayPath(path.join(notesRoot, relativePath), projectRoot),
					message: `file name has #, ? or \\, which Astro cannot compile an .mdx note from; the note was left out of the site`,
					hint: 'Rename the file (or its folder) without #, ? or \\, or make it a .md note.',
				});
				continue;
			}
			const stamp = `${vault}:${logseq}:${stampOf(path.join(notesRoot, relativePath))}`;
			const known = this.#records.get(relativePath);
			const record = known?.stamp === stamp ? known.record : readNote(relativePath, { ...this.options, vault, logseq });
			records.set(relativePath, { stamp, record });
			if (!record.ok) {
				excluded.push(relativePath);
				problems.push(record.problem);
				continue;
			}
			const privateMark = privateByFrontmatter(record.note.frontmatter, privacy);
			if (privateMark) {
				privateNotes.push({ relativePath, reason: privateMark });
				continue;
			}
			const taken = bySlug.get(record.note.slug);
			if (taken) {
				excluded.push(relativePath);
				problems.push({
					kind: 'duplicate-url',
					file: displayPath(record.note.file, projectRoot),
					message: `the note would have the URL /${record.note.slug ? `${record.note.slug}/` : ''}, which ${taken.relativePath} already has; it was left out of the site`,
					hint: 'Rename one of the two files.',
				});
				continue;
			}
			bySlug.set(record.note.slug, record.note);
			notes.push(record.note);
			problems.push(...record.problems);
		}
		this.#records = records;
		const lang = this.options.lang === DETECT_LANGUAGE ? detectLanguage(notes.map((note) => note.scripts)) : this.options.lang;
		const inOrder = this.#inReadingOrder(withDistinctTitles(notes), lang);
		const assetPaths = listing.assets.map((asset) => asset.relativePath);
		const resolver = new LinkResolver({ notes: inOrder, assets: assetPaths, excluded, private: privateNotes }, this.options.base);
		const links = linkGraph({ notes: inOrder, notesRoot }, resolver, projectRoot);
		this.#history = gitDates(notesRoot, this.#history);
		const dates = notesDates(inOrder, this.#history);
		return {
			notesRoot,
			vault,
			lang,
			logseq,
			notes: inOrder,
			excluded,
			private: privateNotes,
			refusedLinks: listing.refused,
			problems,
			assets: assetPaths,
			links,
			resolver,
			dates,
			answers: answerQueries(inOrder, resolver, links, { projectRoot, dates }),
			drawings: catalogueDrawings(inOrder, assetPaths),
		};
	}

	#inReadingOrder(notes: CatalogueNote[], lang: string): CatalogueNote[] {
		const collator = new Intl.Collator(lang, { numeric: true, sensitivity: 'base' });
		const order = (note: CatalogueNote) => note.order ?? Number.POSITIVE_INFINITY;
		return [...notes].sort(
			(a, b) =>
				(a.group === '' ? -1 : 0) - (b.group === '' ? -1 : 0) ||
				collator.compare(a.group, b.group) ||
				// A folder's README or index first: the folder's page, as GitHub shows it.
				Number(isFolderPage(b.relativePath)) - Number(isFolderPage(a.relativePath)) ||
				order(a) - order(b) ||
				collator.compare(a.title, b.title),
		);
	}
}
