import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PREVIEW_FILE, type PreviewFragment } from '../dom/preview.ts';

const ARTICLE_OPEN = '<article';
const ARTICLE_CLOSE = '</article>';
const NOTE_ARTICLE = '<article class="note__body"';

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
 * cut from the page rather than rendered again: the build renders each note once. Returns how many were written.
 */
export function writePreviewFragments(dist: string, notes: readonly { slug: string; title: string }[]): number {
	let written = 0;
	for (const { slug, title } of notes) {
		const page = path.join(dist, slug, 'index.html');
		if (!existsSync(page)) continue;
		const html = noteArticle(readFileSync(page, 'utf8'));
		if (!html) continue;
		const fragment: PreviewFragment = { title, html };
		writeFileSync(path.join(dist, slug, PREVIEW_FILE), JSON.stringify(fragment));
		written++;
	}
	return written;
}
