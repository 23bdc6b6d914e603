/**
 * The files a built page or script loads from its own site: what the service worker keeps beside a
 * page so that it opens offline (`src/offline/`). The build lists the review page's this way, and
 * the service worker a kept note's, with this same function, which it carries as its source text:
 * it refers to nothing outside itself.
 *
 * `text` is HTML (`src` and `href` attributes) or a built script (its `import` specifiers),
 * `at` the URL it came from, `scope` the site's root URL. Returns absolute URLs inside `scope`
 * that name a file (`…/_astro/review.js`, `…/favicon.svg`), not a page (`…/vault/ports/`).
 */
export function linkedFiles(text: string, at: string, scope: string): string[] {
	const references = /\b(?:src|href)\s*=\s*["']([^"']+)["']|\bimport\s*\(?\s*["']([^"']+)["']|\bfrom\s*["']([^"']+)["']/g;
	const files = new Set<string>();
	for (const match of text.matchAll(references)) {
		const reference = (match[1] ?? match[2] ?? match[3] ?? '').replaceAll('&amp;', '&');
		let url: URL;
		try {
			url = new URL(reference, at);
		} catch {
			continue;
		}
		url.hash = '';
		const inScope = url.href.startsWith(scope);
		const isFile = /\.[a-z0-9]+$/i.test(url.pathname);
		if (inScope && isFile) files.add(url.href);
	}
	return [...files];
}
