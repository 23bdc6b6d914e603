import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { slug as slugify } from 'github-slugger';
import { NoteFrontmatterSchema, type NoteFrontmatter } from '../config/note.ts';
import { SITE_FILE } from '../config/site.ts';
import { isMapping, readYaml } from '../config/yaml.ts';
import type { NoteProblem } from './problems.ts';
import { noteProperties } from './properties.ts';

/**
 * The notes folder on disk: what is in it, and each note's text and front matter. Nothing else
 * lists or reads the folder (the catalogue is built from this), so this is where its boundary lies.
 */

/** Notes: Markdown, MDX, Obsidian's bases (`.base`, a page of their views), canvases (`.canvas`, a page of their board) and Excalidraw's drawings (`.excalidraw`, a page of the drawing). */
export const NOTE_EXTENSIONS = ['.md', '.mdx', '.base', '.canvas', '.excalidraw'];
/** A note's extension, as file names end. */
export const NOTE_EXTENSION = /\.(?:mdx?|base|canvas|excalidraw)$/i;

const FOLDER_PAGE = /^(?:readme|index)$/i;

/**
 * `aws/My Note.md` → `aws/my-note`: one slug per folder and for the file name. A folder's
 * `README.md` or `index.md` is the folder's page (`aws/README.md` → `aws`); at the top of the
 * notes folder it is the home page (`''`).
 */
export function noteSlug(relativePath: string): string {
	// An Excalidraw drawing (`flow.excalidraw`, `flow.excalidraw.md`) is the page `flow-excalidraw`: a vault often has a note `flow.md` beside it.
	const segments = relativePath.replace(/\.excalidraw(?:\.md)?$/i, '-excalidraw').replace(NOTE_EXTENSION, '').split('/');
	if (FOLDER_PAGE.test(segments.at(-1)!)) segments.pop();
	// Composed first: a name macOS wrote decomposed (`re\u0301sume\u0301`) has the URL of the name as typed.
	return segments.map((segment) => slugify(segment.normalize('NFC')) || 'note').join('/');
}

/** `aws/README.md`, `aws/index.mdx`: the page of its folder. */
export const isFolderPage = (relativePath: string): boolean => FOLDER_PAGE.test(path.posix.basename(relativePath).replace(NOTE_EXTENSION, ''));

/**
 * A note's path below `root` (the notes folder), with `/` separators (`aws/vpc.md`), from the file
 * URL a Markdown plugin is given; `undefined` for a document that is no file.
 */
export function notePathOf(fileURL: URL | undefined, root: string): string | undefined {
	return fileURL?.protocol === 'file:' ? path.relative(root, fileURLToPath(fileURL)).split(path.sep).join('/') : undefined;
}

/** A file of the notes folder that is not a note (an image, a PDF…), as the content cache stamps it. */
export interface AssetFile {
	relativePath: string;
	size: number;
	mtimeMs: number;
}

export interface FolderListing {
	/** Note files, relative to the notes folder with `/` separators, sorted by name within each folder. */
	notes: string[];
	assets: AssetFile[];
	/** Symbolic links the site does not follow, and why: they are reported, and nothing behind them is read. */
	refused: RefusedLink[];
}

export interface RefusedLink {
	relativePath: string;
	folder: boolean;
	reason: 'outside' | 'folder-link' | 'dangling';
}

/** Copies the files of the notes folder that links lead to (a PDF) into the built site, at the same paths. */
export function publishFiles(notesRoot: string, dist: string, files: readonly string[]): void {
	for (const file of files) {
		mkdirSync(path.dirname(path.join(dist, file)), { recursive: true });
		copyFileSync(path.join(notesRoot, file), path.join(dist, file));
	}
}

/**
 * Why there is no notes folder to read, in one line naming it (absolute, and as the settings give
 * it: `NOTES_DIR=notes`); `undefined` when it is a folder.
 */
export function notesFolderProblem(notesRoot: string, asGiven: string, named: boolean): string | undefined {
	let stats: Stats;
	try {
		stats = statSync(notesRoot);
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		if (code !== 'ENOENT' && code !== 'ENOTDIR') throw error;
		// git keeps no empty folder: a clone whose notes were all removed has no `content/`, and builds an empty site.
		if (code === 'ENOENT' && !named) return undefined;
		return `0 notes found: the notes folder ${notesRoot} (${asGiven}) does not exist.`;
	}
	return stats.isDirectory() ? undefined : `0 notes found: the notes folder ${notesRoot} (${asGiven}) is a file, not a folder.`;
}

/** The line for a notes folder with no notes in it. */
export const emptyNotesFolderLine = (notesRoot: string, asGiven: string): string =>
	existsSync(notesRoot)
		? `0 notes found in the notes folder ${notesRoot} (${asGiven}): add Markdown notes (.md, .mdx) to it.`
		: `0 notes found: the notes folder ${notesRoot} (${asGiven}) does not exist: make it and add Markdown notes (.md, .mdx) to it.`;

/**
 * Lists the notes folder in one walk: the notes, and every other file. Dot files,
 * `node_modules` and the settings (`site.yml` at the top) are skipped. The folder is a boundary: a symbolic link is followed only to a file
 * inside it; one that leads out, to a folder (a loop, or the same notes twice) or nowhere is refused.
 */
export function listNotesFolder(notesRoot: string): FolderListing {
	const listing: FolderListing = { notes: [], assets: [], refused: [] };
	if (!existsSync(notesRoot)) return listing;
	const realRoot = realpathSync(notesRoot);
	const visit = (folder: string) => {
		const entries = readdirSync(path.join(notesRoot, folder), { withFileTypes: true });
		for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
			if (entry.name.startsWith('.') || entry.name === 'node_modules' || (folder === '' && entry.name === SITE_FILE)) continue;
			const relativePath = folder ? `${folder}/${entry.name}` : entry.name;
			if (entry.isSymbolicLink()) {
				const refused = refusedLink(path.join(notesRoot, relativePath), realRoot);
				if (refused) {
					listing.refused.push({ relativePath, ...refused });
					continue;
				}
			}
			if (entry.isDirectory()) visit(relativePath);
			else if (NOTE_EXTENSIONS.includes(path.extname(entry.name).toLowerCase())) listing.notes.push(relativePath);
			else {
				try {
					const { size, mtimeMs } = statSync(path.join(notesRoot, relativePath));
					listing.assets.push({ relativePath, size, mtimeMs });
				} catch {
					listing.assets.push({ relativePath, size: -1, mtimeMs: -1 });
				}
			}
		}
	};
	visit('');
	return listing;
}

/** Why a symbolic link is not followed, or `undefined` for a link to a file inside the notes folder. */
function refusedLink(link: string, realRoot: string): Omit<RefusedLink, 'relativePath'> | undefined {
	let target: string;
	try {
		target = realpathSync(link);
	} catch {
		return { folder: false, reason: 'dangling' };
	}
	const folder = statSync(target).isDirectory();
	const relative = path.relative(realRoot, target);
	if (relative.startsWith('..') || path.isAbsolute(relative)) return { folder, reason: 'outside' };
	return folder ? { folder, reason: 'folder-link' } : undefined;
}

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/**
 * More values than any front matter has. YAML aliases share what they repeat, so a few hundred
 * bytes can stand for billions of values (an "alias bomb"), which the content store would write out.
 */
const MAX_FRONTMATTER_VALUES = 10_000;

/** Whether `value` holds at most `limit` values, counted as written out, aliases expanded. */
function withinValues(value: unknown, limit: number): boolean {
	let count = 0;
	const stack = [value];
	while (stack.length > 0) {
		const next = stack.pop();
		if (++count > limit) return false;
		if (next && typeof next === 'object') for (const child of Object.values(next)) stack.push(child);
	}
	return true;
}

/** What could not be read of a note's front matter: the note builds without it. */
export interface FrontmatterProblem {
	message: string;
	line: number;
}

export interface Frontmatter {
	/** The keys that could be read. */
	data: Record<string, unknown>;
	body: string;
	bodyLine: number;
	problems: FrontmatterProblem[];
}

/** A YAML scalar may not start with `@` or `` ` `` (reserved): Obsidian reads `- @kepano` as the text. */
const RESERVED_SCALAR = /^(\s*(?:-\s+|[^\s#][^:]*:\s+)?)([@`][^\n]*?)\s*$/gm;
const quoteReserved = (yaml: string) => yaml.replace(RESERVED_SCALAR, (_, lead: string, value: string) => `${lead}${JSON.stringify(value)}`);

const aliasBomb = (line: number): FrontmatterProblem => ({
	message: `front matter expands to more than ${MAX_FRONTMATTER_VALUES.toLocaleString('en')} values (YAML aliases, \`*name\`, repeat what \`&name\` defines); it was left out, the rest of the note is on the site`,
	line,
});

/** The block's top-level keys, each with its lines: `key: value`, then what is indented or listed under it. */
function topLevelEntries(yaml: string): { text: string; line: number }[] {
	const entries: { text: string; line: number }[] = [];
	yaml.split(/\r?\n/).forEach((line, index) => {
		const startsEntry = /^[^\s#\-][^\n]*?:(?:\s|$)/.test(line);
		if (startsEntry || entries.length === 0) entries.push({ text: line, line: index });
		else entries.at(-1)!.text += `\n${line}`;
	});
	return entries;
}

/**
 * YAML that does not parse as a whole, read key by key: each top-level key that parses (alone,
 * or with its reserved scalars quoted) is kept; the others are reported at their line.
 */
function readKeyByKey(yaml: string, firstLine: number): { data: Record<string, unknown>; problems: FrontmatterProblem[] } {
	const data: Record<string, unknown> = {};
	const problems: FrontmatterProblem[] = [];
	for (const entry of topLevelEntries(yaml)) {
		if (entry.text.trim() === '' || entry.text.trimStart().startsWith('#')) continue;
		const read = readYaml(entry.text);
		const parsed = read.ok ? read : readYaml(quoteReserved(entry.text));
		if (parsed.ok && isMapping(parsed.value)) {
			Object.assign(data, parsed.value);
			continue;
		}
		const reason = read.ok ? 'not a `key: value` line' : read.reason;
		const line = firstLine + entry.line + (read.ok ? 0 : (read.line ?? 0));
		problems.push({ message: `front matter is not valid YAML (${reason}); that key was left out, the rest of the note is on the site`, line });
	}
	if (!withinValues(data, MAX_FRONTMATTER_VALUES)) return { data: {}, problems: [aliasBomb(firstLine)] };
	return { data, problems };
}

/**
 * Splits off the YAML front matter and reads what it can: a key that is not valid YAML is left
 * out and reported at its line, as Obsidian opens a note whatever its front matter holds.
 */
export function readFrontmatter(source: string): Frontmatter {
	const match = FRONTMATTER.exec(source);
	if (!match) return { data: {}, body: source, bodyLine: 1, problems: [] };
	const bodyLine = match[0].split('\n').length - (match[0].endsWith('\n') ? 1 : 0) + 1;
	const body = source.slice(match[0].length);
	const whole = readYaml(match[1]);
	if (!whole.ok) return { body, bodyLine, ...readKeyByKey(match[1], 2) };
	const data = whole.value;
	if (!isMapping(data)) {
		return { data: {}, body, bodyLine, problems: [{ message: 'front matter must be a YAML mapping (key: value lines); it was left out, the rest of the note is on the site', line: 2 }] };
	}
	if (!withinValues(data, MAX_FRONTMATTER_VALUES)) return { data: {}, body, bodyLine, problems: [aliasBomb(2)] };
	return { data, body, bodyLine, problems: [] };
}

/** A fingerprint of a note's bytes: the content collection stamps a note's render with what its links lead to by it. */
export const contentHash = (bytes: Uint8Array): string => createHash('sha1').update(bytes).digest('hex');

/** A note's text and front matter, or why it cannot be built. */
export type NoteFileRead =
	| { ok: true; source: string; frontmatter: NoteFrontmatter; hash: string; problems: Omit<NoteProblem, 'file'>[] }
	| { ok: false; problem: Omit<NoteProblem, 'file'> };

/**
 * Reads one note and checks what must hold before it is parsed: UTF-8 text and some content (text, or properties in the front matter). Front
 * matter that cannot be read, or a key of the wrong type, is reported and left out; the note stays.
 */
export function readNoteFile(file: string): NoteFileRead {
	return noteFileOf(readFileSync(file));
}

/** The front matter's keys that have the type the site reads them as; the others, reported at the front matter's line. */
function supportedKeys(data: Record<string, unknown>, line: number): { frontmatter: NoteFrontmatter; problems: Omit<NoteProblem, 'file'>[] } {
	const parsed = NoteFrontmatterSchema.safeParse(data);
	if (parsed.success) return { frontmatter: parsed.data, problems: [] };
	const wrong = new Set(parsed.error.issues.map((issue) => String(issue.path[0])));
	const issues = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
	const kept = NoteFrontmatterSchema.parse(Object.fromEntries(Object.entries(data).filter(([key]) => !wrong.has(key))));
	return {
		frontmatter: kept,
		problems: [
			{
				kind: 'bad-frontmatter',
				line,
				message: `invalid front matter (${issues.join('; ')}); ${wrong.size === 1 ? 'that key was' : 'those keys were'} left out, the rest of the note is on the site`,
				hint: 'Supported keys: title (text), description (text), order (number).',
			},
		],
	};
}

/** {@link readNoteFile} of a note's bytes. */
export function noteFileOf(bytes: Buffer): NoteFileRead {
	let source: string;
	try {
		source = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		const offset = firstInvalidUtf8Offset(bytes);
		const line = bytes.subarray(0, offset).toString('latin1').split('\n').length;
		return {
			ok: false,
			problem: {
				kind: 'bad-encoding',
				line,
				message: 'the note is not valid UTF-8, so it was left out of the site',
				hint: 'Re-save the file as UTF-8 (most editors: "Save with encoding" → UTF-8).',
			},
		};
	}
	const read = readFrontmatter(source);
	// A note of front matter alone (a book: its author, year, status) is a page of its properties.
	if (read.body.trim() === '' && noteProperties(read.data).length === 0) {
		return {
			ok: false,
			problem: {
				kind: 'empty-note',
				message: 'the note has no content, so it was left out of the site',
				hint: 'Write something in it, or delete the file.',
			},
		};
	}
	const { frontmatter, problems } = supportedKeys(read.data, 2);
	const yamlProblems = read.problems.map(({ message, line }) => ({
		kind: 'bad-frontmatter' as const,
		line,
		message,
		hint: 'Front matter is the block between the two `---` lines at the top of the note; quote a value that starts with @, ` or another YAML sign.',
	}));
	return { ok: true, source, frontmatter, hash: contentHash(bytes), problems: [...yamlProblems, ...problems] };
}

function firstInvalidUtf8Offset(bytes: Uint8Array): number {
	let low = 0;
	let high = bytes.length;
	// The longest valid prefix; a cut inside a multi-byte character is forgiven by `stream`.
	while (low < high) {
		const middle = Math.ceil((low + high) / 2);
		try {
			new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, middle), { stream: true });
			low = middle;
		} catch {
			high = middle - 1;
		}
	}
	return low;
}
