// Browser-safe (no imports): URL path helpers that the catalogue, the pages and the page scripts share.
/**
 * `My%20Note` → `My Note`; a malformed escape (`%E0`, a lone `%`) is kept as written rather than
 * thrown. Browser-safe: the page scripts decode `location.hash` with it too.
 */
export function decodeOrKeep(value: string): string {
	try {
		return decodeURIComponent(value);
	} catch {
		return value;
	}
}

/** A path with each segment percent-encoded, its `/` kept: `Q&A #1/my note.md` → `Q%26A%20%231/my%20note.md`. */
export function encodedPath(relativePath: string): string {
	return relativePath.split('/').map(encodeURIComponent).join('/');
}

/** A note's URL below the site's base (`/aws-notes/vpc/#flow-logs`); the slug `''` is the home page. */
export function noteUrl(base: string, slug: string, hash = ''): string {
	return `${base}${slug ? `${slug}/` : ''}${hash ? `#${hash}` : ''}`;
}

/**
 * A path and the paths it is nested in, outermost first: `a/b/c` → `a`, `a/b`, `a/b/c`. A nested
 * tag and its parents, a folder and the folders above it (a folder's deck holds its subfolders').
 */
export function pathAncestry(nested: string): string[] {
	const segments = nested.split('/').filter(Boolean);
	return segments.map((_, index) => segments.slice(0, index + 1).join('/'));
}
