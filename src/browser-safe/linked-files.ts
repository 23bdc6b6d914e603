/**
 * The files a built page or script loads from its own site: what the service worker keeps beside a
 * page so that it opens offline (`src/offline/`). The build lists the review page's this way, and
 * the service worker a kept note's, with this same function, which it carries as its source text:
 * it refers to nothing outside itself.
 *
 * `text` is HTML (`src`, `href` and every `srcset` candidate, which the browser picks by the screen),
 * HTML inside JSON (the cards document: `src=\"…\"`) or a built script (its `import`s). `at` is the
 * URL it came from, `scope` the site's root URL. Returns absolute URLs inside `scope` that name a
 * file (`…/_astro/review.js`, `…/favicon.svg`), not a page (`…/vault/ports/`).
 */
export function linkedFiles(text: string, at: string, scope: string): string[] {
	const references = /\b(src|href|srcset)\s*=\s*\\?["']([^"'\\]+)|\b(?:import\s*\(?|from)\s*["'`]([^"'`]+)["'`]/g;
	const files = new Set<string>();
	for (const match of text.matchAll(references)) {
		const value = (match[2] ?? match[3] ?? '').replaceAll('&amp;', '&');
		const candidates = match[1] === 'srcset' ? value.split(',').map((candidate) => candidate.trim().split(/\s+/)[0] ?? '') : [value];
		for (const reference of candidates) {
			let url: URL;
			try {
				url = new URL(reference, at);
			} catch {
				continue;
			}
			url.hash = '';
			if (url.href.startsWith(scope) && /\.[a-z0-9]+$/i.test(url.pathname)) files.add(url.href);
		}
	}
	return [...files];
}
