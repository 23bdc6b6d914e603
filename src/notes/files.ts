import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { slug as slugify } from 'github-slugger';
import { load as loadYaml } from 'js-yaml';
import { NoteFrontmatterSchema, type NoteFrontmatter } from '../config/note.ts';
import type { NoteProblem } from './problems.ts';
import { noteProperties } from './properties.ts';

/**
 * The notes folder on disk: what is in it, and each note's text and front matter. Nothing else
 * lists or reads the folder (the catalogue is built from this), so this is where its boundary lies.
 */

export const NOTE_EXTENSIONS = ['.md', '.mdx'];

const FOLDER_PAGE = /^(?:readme|index)$/i;

/**
 * `aws/My Note.md` → `aws/my-note`: one slug per folder and for the file name. A folder's
 * `README.md` or `index.md` is the folder's page (`aws/README.md` → `aws`); at the top of the
 * notes folder it is the home page (`''`).
 */
export function noteSlug(relativePath: string): string {
	const segments = relativePath.replace(/\.mdx?$/i, '').split('/');
	if (FOLDER_PAGE.test(segments.at(-1)!)) segments.pop();
	return segments.map((segment) => slugify(segment) || 'note').join('/');
}

/** `aws/README.md`, `aws/index.mdx`: the page of its folder. */
export const isFolderPage = (relativePath: string): boolean => FOLDER_PAGE.test(path.posix.basename(relativePath).replace(/\.mdx?$/i, ''));

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
 * Lists the notes folder in one walk: the notes, and every other file. Dot files and
 * `node_modules` are skipped. The folder is a boundary: a symbolic link is followed only to a file
 * inside it; one that leads out, to a folder (a loop, or the same notes twice) or nowhere is refused.
 */
export function listNotesFolder(notesRoot: string): FolderListing {
	const listing: FolderListing = { notes: [], assets: [], refused: [] };
	const realRoot = realpathSync(notesRoot);
	const visit = (folder: string) => {
		const entries = readdirSync(path.join(notesRoot, folder), { withFileTypes: true });
		for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
			if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
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

/** Splits off the YAML front matter; returns its data, or a problem. */
export function readFrontmatter(
	source: string,
): { data: Record<string, unknown>; body: string; bodyLine: number } | { error: string; line?: number } {
	const match = FRONTMATTER.exec(source);
	if (!match) return { data: {}, body: source, bodyLine: 1 };
	const bodyLine = match[0].split('\n').length - (match[0].endsWith('\n') ? 1 : 0) + 1;
	try {
		const data = loadYaml(match[1]) ?? {};
		if (typeof data !== 'object' || Array.isArray(data)) {
			return { error: 'front matter must be a YAML mapping (key: value lines)', line: 2 };
		}
		if (!withinValues(data, MAX_FRONTMATTER_VALUES)) {
			return { error: `front matter expands to more than ${MAX_FRONTMATTER_VALUES.toLocaleString('en')} values (YAML aliases, \`*name\`, repeat what \`&name\` defines)`, line: 2 };
		}
		return { data: data as Record<string, unknown>, body: source.slice(match[0].length), bodyLine };
	} catch (error) {
		const mark = (error as { mark?: { line: number } }).mark;
		const reason = (error as { reason?: string }).reason ?? String(error);
		return { error: `front matter is not valid YAML: ${reason}`, line: mark ? mark.line + 2 : 2 };
	}
}

/** A fingerprint of a note's bytes: the content collection stamps a note's render with what its links lead to by it. */
export const contentHash = (bytes: Uint8Array): string => createHash('sha1').update(bytes).digest('hex');

/** A note's text and front matter, or why it cannot be built. */
export type NoteFileRead =
	| { ok: true; source: string; frontmatter: NoteFrontmatter; hash: string }
	| { ok: false; problem: Omit<NoteProblem, 'file'> };

/**
 * Reads one note and checks what must hold before it is parsed: UTF-8 text, readable front matter
 * with the supported keys, and some content (text, or properties in the front matter).
 */
export function readNoteFile(file: string): NoteFileRead {
	return noteFileOf(readFileSync(file));
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
	const frontmatter = readFrontmatter(source);
	if ('error' in frontmatter) {
		return {
			ok: false,
			problem: {
				kind: 'bad-frontmatter',
				line: frontmatter.line,
				message: `${frontmatter.error}; the note was left out of the site`,
				hint: 'Front matter is the block between the two `---` lines at the top of the note.',
			},
		};
	}
	const parsed = NoteFrontmatterSchema.safeParse(frontmatter.data);
	if (!parsed.success) {
		const issues = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
		return {
			ok: false,
			problem: {
				kind: 'bad-frontmatter',
				line: 2,
				message: `invalid front matter (${issues.join('; ')}); the note was left out of the site`,
				hint: 'Supported keys: title (text), description (text), order (number).',
			},
		};
	}
	// A note of front matter alone (a book: its author, year, status) is a page of its properties.
	if (frontmatter.body.trim() === '' && noteProperties(parsed.data).length === 0) {
		return {
			ok: false,
			problem: {
				kind: 'empty-note',
				message: 'the note has no content, so it was left out of the site',
				hint: 'Write something in it, or delete the file.',
			},
		};
	}
	return { ok: true, source, frontmatter: parsed.data, hash: contentHash(bytes) };
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
