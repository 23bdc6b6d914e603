import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';

/** When a note was first committed, and last changed. */
export interface FileDates {
	created: Date;
	modified: Date;
}

export type GitDates =
	/** `head`: the commit the history was read at. */
	| { kind: 'history'; head: string; files: Map<string, FileDates> }
	/** A clone without its history (`fetch-depth: 1`): every file would carry the one commit's date. */
	| { kind: 'shallow' }
	/** Not in a git repository, or git is not installed. */
	| { kind: 'none' };

function git(cwd: string, args: string[]): string | undefined {
	const result = spawnSync('git', ['-c', 'core.quotePath=false', ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 30 });
	return result.status === 0 ? result.stdout : undefined;
}

/** A folder's path in its git repository (`notes`; `''` at the top), or none outside git. */
export function pathInRepository(folder: string): string | undefined {
	return git(folder, ['rev-parse', '--show-prefix'])?.trim().replace(/\/$/, '');
}

/**
 * The dates of the notes folder's files from git history, by path relative to the notes folder:
 * file times say when a file was checked out, not when it was written (a fresh clone has them all
 * at the same minute). One `git log` for the whole folder; a file git does not know (not yet
 * committed) has no entry. `known`, the dates read before (in `npm run dev`, before an edit), is
 * kept while no commit was made since.
 */
export function gitDates(notesRoot: string, known?: GitDates): GitDates {
	const facts = git(notesRoot, ['rev-parse', '--show-toplevel', '--is-shallow-repository', 'HEAD'])?.trim().split('\n');
	if (!facts || facts.length !== 3) return { kind: 'none' };
	if (facts[1] === 'true') return { kind: 'shallow' };
	const head = facts[2];
	if (known?.kind === 'history' && known.head === head) return known;
	const log = git(notesRoot, ['log', '--format=%x00%ct', '--name-only', '--no-renames', '--relative', '--', '.']);
	if (log === undefined) return { kind: 'none' };
	const files = new Map<string, FileDates>();
	// Newest commit first: the first date seen is the last change, the last one seen the creation.
	for (const commit of log.split('\0').slice(1)) {
		const [stamp, ...names] = commit.split('\n');
		const date = new Date(Number(stamp) * 1000);
		for (const name of names) {
			if (!name) continue;
			const dates = files.get(name);
			if (dates) dates.created = date;
			else files.set(name, { created: date, modified: date });
		}
	}
	return { kind: 'history', head, files };
}


/** When each note was created and last changed, by path relative to the notes folder, and where the dates came from. */
export interface NotesDates {
	kind: GitDates['kind'];
	byPath: Map<string, FileDates>;
}

/**
 * The dates of the notes, chosen once for every reader (the pages' "Updated", the sitemap,
 * Dataview's `file.mtime`): git's for a committed file, else the file's own times (a file not
 * committed yet, a folder outside git, or a shallow clone, where git knows only the last commit).
 */
export function notesDates(notes: readonly { relativePath: string; file: string }[], history: GitDates): NotesDates {
	const byPath = new Map<string, FileDates>();
	for (const { relativePath, file } of notes) {
		const known = history.kind === 'history' ? history.files.get(relativePath) : undefined;
		if (known) {
			byPath.set(relativePath, known);
			continue;
		}
		const stats = statSync(file);
		byPath.set(relativePath, { created: stats.birthtimeMs > 0 ? stats.birthtime : stats.ctime, modified: stats.mtime });
	}
	return { kind: history.kind, byPath };
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** A day as the site's language writes it (`March 3, 2026` in `en`): one formatter per language, made once (making one costs more than the rest of a page's date). */
export function writtenDay(date: Date, lang: string): string {
	let format = dayFormats.get(lang);
	if (!format) dayFormats.set(lang, (format = new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })));
	return format.format(date);
}
