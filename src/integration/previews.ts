import { readFile, writeFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { decodeOrKeep } from '../browser-safe/url-path.ts';
import { PREVIEW_FILE, type PreviewFragment } from '../dom/preview.ts';

const ARTICLE_OPEN = '<article';
const ARTICLE_CLOSE = '</article>';
const NOTE_ARTICLE = '<article class="note__body"';
/** Fragments read and written at once: enough to overlap, few enough for any open-files limit. */
const FILES_AT_A_TIME = 32;

/**
 * The note's `<article class="note__body">` in a built page, whole: articles a note holds in its
 * own HTML are counted, so the one that closes it is the article's own. Undefined when the page
 * has none (a note that failed to render shows why instead).
 */
export function noteArticle(html: string): string | undefined {
	const start = html.indexOf(NOTE_ARTICLE);
	if (start === -1) return undefined;
	let depth = 0;
	let at = start;
	while (at !== -1) {
		const open = html.indexOf(ARTICLE_OPEN, at);
		const close = html.indexOf(ARTICLE_CLOSE, at);
		if (close === -1) return undefined;
		if (open !== -1 && open < close) {
			depth++;
			at = open + ARTICLE_OPEN.length;
			continue;
		}
		depth--;
		at = close + ARTICLE_CLOSE.length;
		if (depth === 0) return html.slice(start, at);
	}
	return undefined;
}

/**
 * Writes each note's preview fragment beside its built page (`vpc/index.html` → `vpc/preview.json`),
 * cut from the page rather than rendered again: the build renders each note once. A few files at a
 * time, so the build's other last steps (the search index) run meanwhile. Resolves to how many were written.
 */
export async function writePreviewFragments(dist: string, notes: readonly { slug: string; title: string }[]): Promise<number> {
	let written = 0;
	const writeOne = async ({ slug, title }: { slug: string; title: string }) => {
		const html = noteArticle(await readFile(path.join(dist, slug, 'index.html'), 'utf8').catch(() => ''));
		if (!html) return;
		const fragment: PreviewFragment = { title, html };
		await writeFile(path.join(dist, slug, PREVIEW_FILE), JSON.stringify(fragment));
		written++;
	};
	for (let start = 0; start < notes.length; start += FILES_AT_A_TIME) await Promise.all(notes.slice(start, start + FILES_AT_A_TIME).map(writeOne));
	return written;
}

/**
 * In `npm run dev`, where no fragment is written: a note's fragment cut from its page, which the
 * dev server renders as it is now. Mounted at the site's base; anything but a note's fragment goes on.
 */
export function servePreviewFragments(notes: () => readonly { slug: string; title: string }[]) {
	return async (request: IncomingMessage & { originalUrl?: string }, response: ServerResponse, next: () => void) => {
		const url = new URL(request.url ?? '/', 'http://dev');
		if (!url.pathname.endsWith(`/${PREVIEW_FILE}`)) return next();
		const slug = decodeOrKeep(url.pathname.slice(1, -PREVIEW_FILE.length - 1));
		const note = notes().find((each) => each.slug === slug);
		if (!note) return next();
		const fragmentPath = new URL(request.originalUrl ?? request.url ?? '/', 'http://dev').pathname;
		const html = await fetch(`http://${request.headers.host}${fragmentPath.slice(0, -PREVIEW_FILE.length)}`).then(
			async (page) => (page.ok ? noteArticle(await page.text()) : undefined),
			() => undefined,
		);
		if (!html) return next();
		const fragment: PreviewFragment = { title: note.title, html };
		response.setHeader('content-type', 'application/json');
		response.end(JSON.stringify(fragment));
	};
}
