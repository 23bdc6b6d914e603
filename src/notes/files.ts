import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { slug as slugify } from 'github-slugger';
import { load as loadYaml } from 'js-yaml';
import { mdxToMdast } from 'satteri';
import { NoteFrontmatterSchema } from '../config/note.ts';
import { displayPath, type NoteProblem } from './problems.ts';

export const NOTE_EXTENSIONS = ['.md', '.mdx'];

/** A note file that can be built. */
export interface NoteFile {
	/** Absolute path. */
	file: string;
	/** Path relative to the notes folder, with `/` separators: `aws/vpc.md`. */
	relativePath: string;
	/** The URL path below the site's base, without slashes around it: `aws/vpc`. */
	slug: string;
	source: string;
}

export interface NotesScan {
	notes: NoteFile[];
	/** Notes left out of the site, by path relative to the notes folder. */
	excluded: string[];
	problems: NoteProblem[];
}

/** `aws/My Note.md` → `aws/my-note`: one slug per folder and for the file name. */
export function noteSlug(relativePath: string): string {
	const withoutExtension = relativePath.replace(/\.mdx?$/i, '');
	return withoutExtension
		.split('/')
		.map((segment) => slugify(segment) || 'note')
		.join('/');
}

function listNoteFiles(root: string, folder = ''): string[] {
	const entries = readdirSync(path.join(root, folder), { withFileTypes: true });
	const files: string[] = [];
	for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
		if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
		const relative = folder ? `${folder}/${entry.name}` : entry.name;
		if (entry.isDirectory()) files.push(...listNoteFiles(root, relative));
		else if (NOTE_EXTENSIONS.includes(path.extname(entry.name).toLowerCase())) files.push(relative);
	}
	return files;
}

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

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
		return { data: data as Record<string, unknown>, body: source.slice(match[0].length), bodyLine };
	} catch (error) {
		const mark = (error as { mark?: { line: number } }).mark;
		const reason = (error as { reason?: string }).reason ?? String(error);
		return { error: `front matter is not valid YAML: ${reason}`, line: mark ? mark.line + 2 : 2 };
	}
}

/** `1:2-3:4` style positions in satteri's MDX errors. */
function mdxErrorPosition(message: string): { line?: number; column?: number } {
	const match = /(\d+):(\d+)/.exec(message);
	return match ? { line: Number(match[1]), column: Number(match[2]) } : {};
}

/**
 * Lists the notes folder and checks each note before anything is rendered. A note that cannot be
 * built (empty, not UTF-8, unreadable front matter, broken MDX, a URL another note already has) is
 * left out and reported; every other note still builds.
 */
export function scanNotes(notesRoot: string, projectRoot: string = process.cwd()): NotesScan {
	const notes: NoteFile[] = [];
	const excluded: string[] = [];
	const problems: NoteProblem[] = [];
	const bySlug = new Map<string, NoteFile>();
	const decoder = new TextDecoder('utf-8', { fatal: true });

	for (const relativePath of listNoteFiles(notesRoot)) {
		const file = path.join(notesRoot, relativePath);
		const shown = displayPath(file, projectRoot);
		const exclude = (problem: Omit<NoteProblem, 'file'>) => {
			problems.push({ file: shown, ...problem });
			excluded.push(relativePath);
		};

		const bytes = readFileSync(file);
		let source: string;
		try {
			source = decoder.decode(bytes);
		} catch {
			const offset = firstInvalidUtf8Offset(bytes);
			const line = bytes.subarray(0, offset).toString('latin1').split('\n').length;
			exclude({
				kind: 'bad-encoding',
				line,
				message: 'the note is not valid UTF-8, so it was left out of the site',
				hint: 'Re-save the file as UTF-8 (most editors: "Save with encoding" → UTF-8).',
			});
			continue;
		}
		const frontmatter = readFrontmatter(source);
		if ('error' in frontmatter) {
			exclude({
				kind: 'bad-frontmatter',
				line: frontmatter.line,
				message: `${frontmatter.error}; the note was left out of the site`,
				hint: 'Front matter is the block between the two `---` lines at the top of the note.',
			});
			continue;
		}
		const parsed = NoteFrontmatterSchema.safeParse(frontmatter.data);
		if (!parsed.success) {
			const issues = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
			exclude({
				kind: 'bad-frontmatter',
				line: 2,
				message: `invalid front matter (${issues.join('; ')}); the note was left out of the site`,
				hint: 'Supported keys: title (text), description (text), order (number).',
			});
			continue;
		}
		if (frontmatter.body.trim() === '') {
			exclude({
				kind: 'empty-note',
				message: 'the note has no content, so it was left out of the site',
				hint: 'Write something in it, or delete the file.',
			});
			continue;
		}
		if (relativePath.toLowerCase().endsWith('.mdx')) {
			try {
				mdxToMdast(source, { position: false });
			} catch (error) {
				const message = error instanceof Error ? error.message : String(error);
				exclude({
					kind: 'mdx-syntax',
					...mdxErrorPosition(message),
					message: `MDX syntax error: ${message.split('\n')[0]}; the note was left out of the site`,
					hint: 'In .mdx notes `<`, `{` and `}` start JSX: escape them as `\\<`, `\\{`, or rename the note to .md.',
				});
				continue;
			}
		}
		const note: NoteFile = { file, relativePath, slug: noteSlug(relativePath), source };
		const taken = bySlug.get(note.slug);
		if (taken) {
			exclude({
				kind: 'duplicate-url',
				message: `the note would have the URL /${note.slug}/, which ${taken.relativePath} already has; it was left out of the site`,
				hint: 'Rename one of the two files.',
			});
			continue;
		}
		bySlug.set(note.slug, note);
		notes.push(note);
	}
	return { notes, excluded, problems };
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
