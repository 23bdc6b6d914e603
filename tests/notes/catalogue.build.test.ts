import type { Element, ElementContent } from 'hast';
import { toString } from 'hast-util-to-string';
import { describe, expect, test } from 'vitest';
import { NotesCatalogue, type Catalogue } from '../../src/notes/catalogue.ts';
import path from 'node:path';
import { builtSite, FIXTURE_SITES, projectRoot } from '../support/build.ts';
import { parseHtml, select, selectAll, selectOne, textOf } from '../support/html.ts';

/** A heading's text without its footnote calls' numbers, which the contents leave out. */
function withoutFootnoteCalls(heading: Element): string {
	const isCall = (node: ElementContent) => node.type === 'element' && node.tagName === 'sup' && selectAll('a[data-footnote-ref]', node).length > 0;
	return heading.children.filter((child) => !isCall(child)).map((child) => toString(child)).join('').trim();
}

/**
 * The catalogue reads each note once, before the build, and the pages take the title, topics and
 * table of contents from it; the Markdown plugins give the same headings their ids when the note
 * renders. Here both meet: in every fixture, each heading the catalogue lists is on the page with
 * that id and text, and nothing else is.
 */
describe.each(FIXTURE_SITES)('the catalogue of %s and its built pages', (notesDir, options) => {
	const catalogue: Catalogue = new NotesCatalogue({
		notesRoot: path.resolve(projectRoot, notesDir),
		projectRoot,
		lang: 'en',
		base: '/',
	}).build();

	test.each(catalogue.notes.map((note) => [note.relativePath, note] as const))('%s', (_, note) => {
		const site = builtSite(notesDir, options);
		expect(site.exitCode, site.output).toBe(0);
		const page = parseHtml(site.page(note.slug ? `${note.slug}/index.html` : 'index.html'));
		// The home page is titled by the site; its note introduces it.
		if (note.slug) expect(textOf(selectOne('main h1', page))).toBe(note.title);

		const article = selectOne('article.note__body', page);
		const onPage = selectAll('h1[id], h2[id], h3[id], h4[id], h5[id], h6[id]', article)
			.filter((heading) => heading.properties.id !== 'footnote-label')
			.map((heading) => ({ depth: Number(heading.tagName[1]), id: String(heading.properties.id), text: withoutFootnoteCalls(heading) }));
		expect(onPage).toEqual(note.headings.map(({ depth, id, text }) => ({ depth, id, text })));
		for (const section of note.topics.flatMap((topic) => topic.sections)) {
			expect(select(`.tabs__panel > [id="${section.id}"], .topic > h3[id="${section.id}"]`, article), `section ${section.id}`).toBeDefined();
		}

		// The page offers "Show all sections" exactly when it has tabs.
		expect(select('notes-tabs', article) !== undefined, 'tabs on the page').toBe(note.hasTabs);
		expect(select('[data-sections-switch]', page) !== undefined, 'the sections switch').toBe(note.hasTabs);

		// The page's cards are the catalogue's, with its ids (the review page finds them by those).
		const cardIds = selectAll('notes-card', article).flatMap((card) => String(card.properties.dataCard).split(' '));
		expect(cardIds.sort()).toEqual(note.cards.map((card) => card.id).sort());

		const toc = selectAll('.toc a', page).map((link) => String(link.properties.href));
		const listed = note.headings.filter((heading) => heading.depth === 2 || heading.depth === 3);
		if (note.slug) expect(toc).toEqual(listed.length > 1 ? listed.map((heading) => `#${heading.id}`) : []);
	});
});
