import path from 'node:path';
import { sharedCatalogue } from './shared-catalogue.ts';
import { keepCards } from './note-cards.ts';
import type { PageNote } from './catalogue.ts';
import { tagKey } from './tags.ts';
import { neighbourIndex } from './local-graph.ts';
import { pathAncestry } from '../browser-safe/url-path.ts';
import { notesFolders } from './folders.ts';

export type { PageNote };

/**
 * `derive` of the notes, made once for each version of the catalogue: once per build, and in
 * `npm run dev` again after an edit.
 */
function perCatalogue<T>(derive: (notes: readonly PageNote[]) => T): () => Promise<T> {
	const made = new WeakMap<readonly PageNote[], T>();
	return async () => {
		const notes = sharedCatalogue().notes();
		if (!made.has(notes)) made.set(notes, derive(notes));
		return made.get(notes)!;
	};
}

/** Every note in reading order, from the catalogue the integration made before the build. */
const allNotes = perCatalogue((notes) => notes);

const notesBySlug = perCatalogue((notes) => new Map(notes.map((note) => [note.slug, note])));

/** The links between the notes, both ways, and their tags: what each page's graph is drawn from. */
export const getNeighbourIndex = perCatalogue(neighbourIndex);

/** In `npm run dev`, the notes left out of the site (they would not build) and why: each has a page that says so. */
export async function getLeftOutNotes() {
	return sharedCatalogue().leftOut();
}

/** The notes with a page of their own, in reading order. */
export const getNotes = perCatalogue((notes) => notes.filter((note) => note.slug !== ''));

/** The notes' folders: the top ones, and each by its URL path (`folders.ts`). */
export const getFolders = perCatalogue((notes) => notesFolders(notes.filter((note) => note.slug !== '')));

/** The notes folder's own `README.md` or `index.md`: the home page's introduction, when there is one. */
export async function getHomeNote(): Promise<PageNote | undefined> {
	return (await allNotes()).find((note) => note.slug === '');
}

/** How many of a note's topics have a summary (each is a card; the cheat sheet and "Summaries only" show them). */
export const summaryCount = (note: PageNote): number => note.cards.filter((card) => card.kind === 'summary').length;

/**
 * The search filters Pagefind will offer for the notes, in its order (by name): each that has two
 * values or more (`src/dom/search.ts`). Every page asks.
 */
export const getSearchFilterNames = perCatalogue((all): string[] => {
	const notes = all.filter((note) => note.slug !== '');
	const values: Record<string, Iterable<string>> = {
		folder: notes.flatMap((note) => (note.group ? [note.group] : [])),
		note: notes.map((note) => note.title),
		tag: notes.flatMap((note) => note.tags),
	};
	return Object.entries(values).flatMap(([name, of]) => (new Set(of).size > 1 ? [name] : []));
});

/** Notes grouped by folder, in reading order. */
export function groupNotes(notes: readonly PageNote[]): { group: string; notes: PageNote[] }[] {
	const groups = new Map<string, PageNote[]>();
	for (const note of notes) {
		const members = groups.get(note.group);
		if (members) members.push(note);
		else groups.set(note.group, [note]);
	}
	return [...groups].map(([group, members]) => ({ group, notes: members }));
}

/** A tag's page: the tag as first written, and its notes (those of the tags nested in it too), in reading order. */
export interface TagPage {
	tag: string;
	notes: PageNote[];
}

/** Every tag of the notes, and every tag a nested one is in (`aws` for `#aws/vpc`), by name. */
export function tagPages(notes: readonly PageNote[]): TagPage[] {
	const pages = new Map<string, TagPage>();
	for (const note of notes) {
		for (const tag of note.tags) {
			for (const each of pathAncestry(tag)) {
				const page = pages.get(tagKey(each)) ?? { tag: each, notes: [] };
				if (!page.notes.includes(note)) page.notes.push(note);
				pages.set(tagKey(each), page);
			}
		}
	}
	return [...pages.values()].sort((a, b) => a.tag.localeCompare(b.tag));
}

/** Astro's mark on an image its pipeline optimises: the image's attributes, as JSON. */
const IMAGE_MARKER = /__ASTRO_IMAGE_="([^"]+)"/g;

const unescapeAttribute = (value: string) =>
	value.replace(/&(?:#x22|quot);/g, '"').replace(/&(?:#x27|apos);/g, "'").replace(/&(?:amp|#x26|#38);/g, '&');

/**
 * The note's HTML with each marked image optimised, as Astro's content layer does it: the image,
 * imported when the site was bundled (`virtual:notes/images`), goes through `getImage`.
 */
async function withOptimisedImages(html: string, file: string): Promise<string> {
	if (!html.includes('__ASTRO_IMAGE_')) return html;
	const { default: images } = await import('virtual:notes/images');
	const { getImage } = await import('astro:assets');
	const shown = new Map<string, string>();
	for (const [, marker] of html.matchAll(IMAGE_MARKER)) {
		if (shown.has(marker)) continue;
		const { index: _index, src, ...attributes } = JSON.parse(unescapeAttribute(marker)) as Record<string, unknown> & { src: string };
		// A local `src` is the path relative to the note, decoded (`./50% off/chart.png`): a path, not a URL to parse.
		const imported = URL.canParse(src) ? src : images.get(path.resolve(path.dirname(file), src));
		if (!imported) continue;
		const image = await getImage({ ...attributes, src: imported } as Parameters<typeof getImage>[0]);
		const { index: _, ...shownAttributes } = image.attributes;
		const all: Record<string, unknown> = { ...shownAttributes, src: image.src, ...(image.srcSet.values.length > 0 ? { srcset: image.srcSet.attribute } : {}) };
		shown.set(
			marker,
			Object.entries(all)
				.filter(([, value]) => value !== null && value !== undefined)
				.map(([key, value]) => (value === '' ? `${key}=""` : `${key}="${escapeAttribute(String(value))}"`))
				.join(' '),
		);
	}
	return html.replace(IMAGE_MARKER, (whole, marker: string) => shown.get(marker) ?? whole);
}

/** As Astro's content layer escapes an image's attributes (html-escaper). */
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', "'": '&#39;', '"': '&quot;' };
const escapeAttribute = (value: string) => value.replace(/[&<>'"]/g, (character) => ESCAPES[character]);

/** An `.mdx` note's compiled `Content`, given the components notes may use. */
type MdxContent = (props: { components?: Record<string, unknown> }) => unknown;

/** A note's rendered content: the HTML of a `.md` note (rendered from the catalogue), or an `.mdx` note's `Content`. */
export type NoteRender =
	| { html: string; Content?: undefined; remarkPluginFrontmatter: Record<string, unknown> }
	| { html?: undefined; Content: MdxContent; remarkPluginFrontmatter: Record<string, unknown> };

/**
 * A note whose render threw: it goes into the build's report (strict mode then fails the build),
 * and its page shows the report's line instead of the note; every other page is made as usual.
 */
export function noteRenderFailed(slug: string, error: unknown): string {
	return sharedCatalogue().renderFailed(slug, error);
}

export async function renderNote(slug: string): Promise<NoteRender> {
	const rendered = await sharedCatalogue().render(slug);
	if (!rendered) throw new Error(`The note ${slug || '(home)'} is not in the notes catalogue.`);
	if (rendered.format === 'md') {
		const html = withOptimisedImages(rendered.html, rendered.file);
		const note = (await notesBySlug()).get(slug);
		if (note) keepCards(note, html);
		return { html: await html, remarkPluginFrontmatter: rendered.frontmatter };
	}
	const { default: mdxNotes } = await import('virtual:notes/mdx');
	const load = mdxNotes[slug];
	if (!load) throw new Error(`The MDX note ${slug || '(home)'} is in the notes catalogue but was not compiled.`);
	const { default: Content, frontmatter } = await load();
	return { Content, remarkPluginFrontmatter: frontmatter };
}
