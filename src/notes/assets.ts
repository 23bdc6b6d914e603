import { existsSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { decodeOrKeep } from '../browser-safe/url-path.ts';

export type ResolvedAsset =
	/** `https://…`, `data:`, protocol-relative: left as the author wrote it. */
	| { kind: 'remote'; url: string }
	/** A file inside the notes folder that exists. */
	| { kind: 'local'; file: string }
	/** A file inside the notes folder that does not exist. */
	| { kind: 'missing'; file: string }
	/** A path that leaves the notes folder (or a `file:` URL): refused. */
	| { kind: 'outside'; file: string };

const REMOTE = /^(?:[a-z][a-z\d+.-]*:|\/\/)/i;

/** `https://…`, `data:`, `//host/…`: URLs the site leaves to the browser (`file:` and `C:\…` are not). */
export function isRemoteUrl(url: string): boolean {
	return REMOTE.test(url) && !isLocalPath(url);
}

/**
 * A path on the computer a note was written on, which no reader can open: `file:///…`, `C:\…`,
 * `\\server\…`, `~/…`, and one that starts with a home, mount or system folder (`/home/…`,
 * `/Users/…`, `/mnt/…`). A caller that also serves paths from the site's root checks those first.
 */
export function isLocalPath(url: string): boolean {
	return /^(?:file:|[a-z]:[\\/]|\\\\)/i.test(url) || /^(?:~\/|\/(?:home|Users|root|mnt|media|Volumes|private|tmp|var|opt|usr|etc|srv)\/)/.test(url);
}

/** Is `file` the folder `root` or inside it (`..`-safe, separator-safe)? */
export const isInside = (root: string, file: string): boolean => {
	const fromRoot = path.relative(root, file);
	return fromRoot === '' || (!fromRoot.startsWith('..') && !path.isAbsolute(fromRoot));
};

/** The file as it exists on disk: as written, or in the other Unicode normal form (macOS writes NFD names). */
function existing(file: string): string | undefined {
	for (const candidate of [file, file.normalize('NFC'), file.normalize('NFD')]) {
		if (existsSync(candidate)) return candidate;
	}
	return undefined;
}

/**
 * Resolves an image or asset reference written in a note, relative to the note's own folder.
 * A leading `/` means the notes folder's root. A path that leaves the notes folder, directly or
 * through a symbolic link, is `outside`.
 */
export function resolveNoteAsset(url: string, noteFile: string, notesRoot: string): ResolvedAsset {
	// `file:///…`, `C:\…`, `~/…`: a path of the author's computer (one from `/` is the notes folder's).
	if (isLocalPath(url) && !url.startsWith('/')) return { kind: 'outside', file: decodeOrKeep(url.replace(/^file:(\/\/)?/i, '')) };
	if (isRemoteUrl(url)) return { kind: 'remote', url };
	const withoutQuery = decodeOrKeep(url.replace(/[?#].*$/, ''));
	const file = withoutQuery.startsWith('/')
		? path.join(notesRoot, withoutQuery)
		: path.resolve(path.dirname(noteFile), withoutQuery);
	if (!isInside(notesRoot, file)) return { kind: 'outside', file };
	const found = existing(file);
	if (!found) return { kind: 'missing', file };
	try {
		if (!isInside(realpathSync(notesRoot), realpathSync(found))) return { kind: 'outside', file: found };
	} catch {
		return { kind: 'missing', file };
	}
	return { kind: 'local', file: found };
}
