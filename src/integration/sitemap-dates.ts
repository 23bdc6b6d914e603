import type { SitemapItem } from '@astrojs/sitemap';
import { decodeOrKeep, noteUrl, pathAncestry } from '../browser-safe/url-path.ts';
import type { Catalogue } from '../notes/catalogue.ts';
import { folderSlug } from '../notes/folders.ts';

/**
 * When each page last changed, by its path below the host (decoded): a note's page when the note
 * did (`Catalogue.dates`); a folder's page, and the home page, when the newest note they list did.
 */
function pageDates(catalogue: Pick<Catalogue, 'notes' | 'dates'>, base: string): Map<string, Date> {
	const dates = new Map<string, Date>();
	const keep = (slug: string, date: Date) => {
		const page = noteUrl(base, slug);
		const known = dates.get(page);
		if (!known || known < date) dates.set(page, date);
	};
	for (const note of catalogue.notes) {
		const { modified } = catalogue.dates.byPath.get(note.relativePath)!;
		keep(note.slug, modified);
		keep('', modified);
		for (const folder of pathAncestry(note.group)) keep(folderSlug(folder), modified);
	}
	return dates;
}

const made = new WeakMap<Pick<Catalogue, 'notes' | 'dates'>, Map<string, Date>>();

/** The sitemap's entry for a page, with its `<lastmod>` when the page shows notes. */
export function withLastmod(item: SitemapItem, catalogue: Pick<Catalogue, 'notes' | 'dates'>, base: string): SitemapItem {
	let dates = made.get(catalogue);
	if (!dates) {
		dates = pageDates(catalogue, base);
		made.set(catalogue, dates);
	}
	const lastmod = dates.get(decodeOrKeep(new URL(item.url).pathname));
	return lastmod ? { ...item, lastmod: lastmod.toISOString() } : item;
}
