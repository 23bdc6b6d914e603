import { existsSync } from 'node:fs';
import path from 'node:path';

export type ResolvedAsset =
	/** `https://…`, `data:`, protocol-relative: left as the author wrote it. */
	| { kind: 'remote'; url: string }
	/** A file inside the notes folder that exists. */
	| { kind: 'local'; file: string }
	/** A file inside the notes folder that does not exist. */
	| { kind: 'missing'; file: string }
	/** A path that leaves the notes folder: refused. */
	| { kind: 'outside'; file: string };

const REMOTE = /^(?:[a-z][a-z\d+.-]*:|\/\/)/i;

/** Decodes `%20` and friends; a malformed escape is kept as written. */
function decodePath(url: string): string {
	try {
		return decodeURIComponent(url);
	} catch {
		return url;
	}
}

/**
 * Resolves an image or asset reference written in a note, relative to the note's own folder.
 * A leading `/` means the notes folder's root.
 */
export function resolveNoteAsset(url: string, noteFile: string, notesRoot: string): ResolvedAsset {
	if (REMOTE.test(url)) return { kind: 'remote', url };
	const withoutQuery = decodePath(url.replace(/[?#].*$/, ''));
	const file = withoutQuery.startsWith('/')
		? path.join(notesRoot, withoutQuery)
		: path.resolve(path.dirname(noteFile), withoutQuery);
	const fromRoot = path.relative(notesRoot, file);
	if (fromRoot.startsWith('..') || path.isAbsolute(fromRoot)) return { kind: 'outside', file };
	return existsSync(file) ? { kind: 'local', file } : { kind: 'missing', file };
}
