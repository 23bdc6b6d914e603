import type { Element, Root, RootContent } from 'hast';
import { htmlToHast } from 'satteri';

/** Something a reader (or a search engine) would find broken. */
export interface CrawlProblem {
	/** The URL that does not work, as served by the test server. */
	url: string;
	/** The page, stylesheet or script that refers to it (`(start)` for a start URL). */
	from: string;
	problem: string;
}

export interface CrawlResult {
	/** HTML pages read (server URLs). */
	pages: string[];
	/** Every URL fetched (server URLs). */
	fetched: string[];
	/** Links to other sites: listed, not fetched. */
	external: string[];
	problems: CrawlProblem[];
}

export interface CrawlOptions {
	/** More URLs to start from (robots.txt, a sitemap), relative to the start URL. */
	also?: string[];
	/** URLs that must answer 404 with the site's 404 page, whose own links must then work. */
	notFound?: string[];
	/**
	 * The site's public URL (`https://alice.github.io/aws-notes/`): absolute links to it (canonical
	 * URLs, sitemap entries, social images) are checked against the test server, which serves the
	 * same files at `start`.
	 */
	publicUrl?: string;
}

/** `<tag attribute>` pairs that load or link to a URL. */
const URL_ATTRIBUTES: Record<string, string[]> = {
	a: ['href'],
	area: ['href'],
	link: ['href'],
	script: ['src'],
	img: ['src', 'srcSet'],
	source: ['src', 'srcSet'],
	video: ['src', 'poster'],
	audio: ['src'],
	track: ['src'],
	iframe: ['src'],
	embed: ['src'],
	object: ['data'],
	use: ['href', 'xLinkHref'],
	image: ['href', 'xLinkHref'],
};
/** `<meta>` whose content is a URL. */
const URL_META = new Set(['og:url', 'og:image', 'og:image:url', 'og:image:secure_url', 'twitter:image', 'twitter:url']);
const IGNORED_SCHEMES = /^(?:data|mailto|tel|javascript|blob|about):/i;
const IGNORED_LINK_RELS = new Set(['preconnect', 'dns-prefetch']);

const CSS_URL = /url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"\s]+))\s*\)|@import\s+(?:"([^"]*)"|'([^']*)')/g;
/** `import "x"`, `import x from "x"`, `export … from "x"`, `import("x")` with a literal specifier. */
const JS_IMPORT = /(?:\bimport\s*\(\s*|\bimport\s*|\bfrom\s*)(["'`])((?:\.{0,2}\/)[^"'`\s]*)\1/g;

/**
 * The files a stylesheet loads. `url(#id)` is left out: it names a gradient or filter of an inline
 * SVG (mermaid's styles name some for looks a diagram may not use), not a place on the page.
 */
function urlsInCss(css: string): string[] {
	return [...css.matchAll(CSS_URL)].map((match) => match.slice(1).find((group) => group !== undefined) ?? '').filter((url) => url !== '' && !url.startsWith('#'));
}

function urlsInScript(code: string): string[] {
	return [...code.matchAll(JS_IMPORT)].map((match) => match[2]);
}

function urlsInSrcset(srcset: string): string[] {
	return srcset
		.split(/,\s+|,(?=\S+\s+\d)/)
		.map((candidate) => candidate.trim().split(/\s+/)[0])
		.filter(Boolean);
}

function textOf(node: Element): string {
	return node.children.map((child) => (child.type === 'text' ? child.value : '')).join('');
}

function elements(root: Root): Element[] {
	const found: Element[] = [];
	const walk = (nodes: RootContent[]) => {
		for (const node of nodes) {
			if (node.type !== 'element') continue;
			found.push(node);
			walk(node.children);
			// <template> content is a document fragment of its own.
			const content = (node as Element & { content?: Root }).content;
			if (content) walk(content.children);
		}
	};
	walk(root.children);
	return found;
}

/** What an HTML page links to, and the fragment targets it offers (`id`, `<a name>`). */
export function readHtml(html: string): { links: string[]; anchors: Set<string> } {
	const links: string[] = [];
	const anchors = new Set<string>();
	for (const node of elements(htmlToHast(html) as Root)) {
		const properties = node.properties ?? {};
		if (typeof properties.id === 'string') anchors.add(properties.id);
		if (node.tagName === 'a' && typeof properties.name === 'string') anchors.add(properties.name);
		if (node.tagName === 'link') {
			const rel = ([] as unknown[]).concat(properties.rel ?? []).map(String);
			if (rel.some((value) => IGNORED_LINK_RELS.has(value))) continue;
		}
		for (const attribute of URL_ATTRIBUTES[node.tagName] ?? []) {
			const value = properties[attribute];
			if (typeof value !== 'string' || value === '') continue;
			links.push(...(attribute === 'srcSet' ? urlsInSrcset(value) : [value]));
		}
		if (node.tagName === 'meta') {
			const key = String(properties.property ?? properties.name ?? '');
			if (URL_META.has(key) && typeof properties.content === 'string') links.push(properties.content);
		}
		if (typeof properties.style === 'string') links.push(...urlsInCss(properties.style));
		if (node.tagName === 'style') links.push(...urlsInCss(textOf(node)));
		if (node.tagName === 'script' && !properties.src && String(properties.type ?? '') === 'module') {
			links.push(...urlsInScript(textOf(node)));
		}
	}
	return { links, anchors };
}

/**
 * Crawls a site served over HTTP from `start`, as a reader's browser would: every page it links
 * to, every stylesheet, script, image, icon and module import, the canonical and social URLs,
 * the sitemaps. Every URL on the server must answer 200 (a redirect is a problem: links should
 * point where they mean), every `#fragment` must exist on its page. Links to other hosts are only
 * listed.
 */
export async function crawlSite(start: string, options: CrawlOptions = {}): Promise<CrawlResult> {
	const origin = new URL(start).origin;
	const result: CrawlResult = { pages: [], fetched: [], external: [], problems: [] };
	const seen = new Set<string>();
	const anchorsByPage = new Map<string, Set<string>>();
	const fragmentLinks: { page: string; fragment: string; from: string }[] = [];
	const queue: { url: string; from: string; expect: 200 | 404 }[] = [];

	/** A public URL (`https://alice.github.io/aws-notes/x/`) → the same path on the test server. */
	const toServer = (url: URL): URL => {
		if (!options.publicUrl) return url;
		const publicUrl = new URL(options.publicUrl);
		if (url.origin !== publicUrl.origin) return url;
		return new URL(url.pathname + url.search + url.hash, origin);
	};

	const enqueue = (raw: string, base: string, from: string) => {
		const trimmed = raw.trim();
		if (!trimmed || IGNORED_SCHEMES.test(trimmed)) return;
		let url: URL;
		try {
			url = toServer(new URL(trimmed, base));
		} catch {
			result.problems.push({ url: trimmed, from, problem: 'not a valid URL' });
			return;
		}
		if (url.origin !== origin) {
			if (!result.external.includes(url.href)) result.external.push(url.href);
			return;
		}
		const page = url.href.replace(/#.*$/, '');
		if (url.hash.length > 1) fragmentLinks.push({ page, fragment: decodeURIComponent(url.hash.slice(1)), from });
		if (seen.has(page)) return;
		seen.add(page);
		queue.push({ url: page, from, expect: 200 });
	};

	for (const url of [start, ...(options.also ?? []).map((path) => new URL(path, start).href)]) enqueue(url, start, '(start)');
	for (const path of options.notFound ?? []) {
		const url = new URL(path, start).href;
		seen.add(url);
		queue.push({ url, from: '(start)', expect: 404 });
	}

	while (queue.length > 0) {
		const { url, from, expect } = queue.shift()!;
		result.fetched.push(url);
		let response: Response;
		try {
			response = await fetch(url, { redirect: 'manual' });
		} catch (error) {
			result.problems.push({ url, from, problem: `request failed: ${(error as Error).message}` });
			continue;
		}
		if (response.status !== expect) {
			const location = response.headers.get('location');
			const problem =
				response.status >= 300 && response.status < 400
					? `redirects (${response.status}) to ${location}: link to the final URL`
					: `answered ${response.status}, expected ${expect}`;
			result.problems.push({ url, from, problem });
			await response.body?.cancel();
			continue;
		}
		const type = response.headers.get('content-type') ?? '';
		const body = await response.text();
		if (type.startsWith('text/html')) {
			const { links, anchors } = readHtml(body);
			result.pages.push(url);
			anchorsByPage.set(url, anchors);
			for (const link of links) enqueue(link, url, url);
		} else if (type.startsWith('text/css')) {
			for (const link of urlsInCss(body)) enqueue(link, url, url);
		} else if (type.includes('javascript')) {
			for (const link of urlsInScript(body)) enqueue(link, url, url);
		} else if (type.includes('xml')) {
			for (const match of body.matchAll(/<loc>\s*([^<\s]+)\s*<\/loc>/g)) enqueue(match[1], url, url);
		} else if (type.startsWith('text/plain') && /\/robots\.txt$/.test(new URL(url).pathname)) {
			for (const match of body.matchAll(/^\s*sitemap:\s*(\S+)/gim)) enqueue(match[1], url, url);
		}
	}

	for (const { page, fragment, from } of fragmentLinks) {
		const anchors = anchorsByPage.get(page);
		if (!anchors || anchors.has(fragment) || fragment === 'top') continue;
		result.problems.push({ url: `${page}#${fragment}`, from, problem: `no element with id "${fragment}" on that page` });
	}
	return result;
}

/** One line per problem, for an assertion message. */
export function formatCrawlProblems(problems: CrawlProblem[]): string {
	return problems.map(({ url, from, problem }) => `${url}: ${problem} (linked from ${from})`).join('\n');
}
