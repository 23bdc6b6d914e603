import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { reviewDecksIn } from '../../src/dom/card.ts';
import { cardSides } from '../../src/dom/card-sides.ts';
import { DECK_EXPORTS_CLASSES } from '../../src/dom/deck-exports.ts';
import { openCollection, unzip } from '../support/anki-package.ts';
import { builtSite, fixturePath } from '../support/build.ts';
import { parseHtml, selectAll, selectOne, textOf } from '../support/html.ts';

const site = () => {
	const built = builtSite(fixturePath('study-cards'));
	expect(built.exitCode, built.output).toBe(0);
	return built;
};
/** A link's file in the built site (the site is built at `/`). */
const fileOf = (href: string) => path.join(site().dist, decodeURIComponent(href));
const hrefs = (html: string, selector: string) => selectAll(selector, parseHtml(html)).map((link) => String(link.properties.href));

describe('decks for Anki and print', () => {
	test("the review page links to every card's Anki package, text file and print page, and to each deck's", () => {
		const links = hrefs(site().page('review/index.html'), `.${DECK_EXPORTS_CLASSES.section} a`);
		expect(links).toEqual(['/review/anki/all.apkg', '/review/anki/all.txt', '/review/print/', '/review/decks/']);
		for (const href of links) expect(existsSync(href.endsWith('/') ? path.join(fileOf(href), 'index.html') : fileOf(href)), href).toBe(true);
	});

	test('the page of every deck links to files that exist, a row per deck of the review page', () => {
		const page = parseHtml(site().page('review/decks/index.html'));
		expect(selectAll(`.${DECK_EXPORTS_CLASSES.table} tbody th`, page).map(textOf)).toEqual(['All notes', 'aws/', 'vault/']);
		const links = hrefs(site().page('review/decks/index.html'), `.${DECK_EXPORTS_CLASSES.table} a`);
		expect(links).toHaveLength(9);
		expect(links).toContain('/review/anki/folder/vault.apkg');
		for (const href of links) expect(existsSync(href.endsWith('/') ? path.join(fileOf(href), 'index.html') : fileOf(href)), href).toBe(true);
	});

	test("a folder's package holds its notes' cards as the review page asks them, with their guids, tags and deck", () => {
		const decks = reviewDecksIn(site().page('review/cards/index.html'));
		const ports = decks.find((deck) => deck.note === 'vault/ports')!;
		const database = openCollection(unzip(readFileSync(fileOf('/review/anki/folder/vault.apkg'))));
		const notes = database.prepare('SELECT guid, tags, flds FROM notes ORDER BY id').all();
		const sides = ports.cards.flatMap((card) => cardSides(card));
		expect(notes.map((note) => note.guid)).toEqual(sides.map((card) => card.id));
		expect(notes.map((note) => String(note.flds).split('\x1f'))).toEqual(sides.map((card) => [card.front, card.back]));
		expect(new Set(notes.map((note) => note.tags))).toEqual(new Set([' networking flashcards::networking ']));
		const deckNames = Object.values(JSON.parse(String(database.prepare('SELECT decks FROM col').get()!.decks)) as Record<string, { name: string }>).map((deck) => deck.name);
		expect(deckNames).toContain('study-cards::vault::Ports');
	});

	test("the package of every card carries the images its cards show, as its media, and the text file names the site's", () => {
		const entries = unzip(readFileSync(fileOf('/review/anki/all.apkg')));
		const media = JSON.parse(entries.get('media')!.toString()) as Record<string, string>;
		expect(Object.keys(media)).toEqual(['0']);
		expect(media['0']).toMatch(/^diagram\..+\.webp$/);
		expect(entries.get('0')!.equals(readFileSync(fileOf(`/_astro/${media['0']}`)))).toBe(true);
		const database = openCollection(entries);
		const withImage = database.prepare("SELECT flds FROM notes WHERE flds LIKE '%<img%'").all();
		expect(withImage).toHaveLength(1);
		const image = selectOne('img', parseHtml(String(withImage[0].flds).split('\x1f')[1], { fragment: true }));
		expect(image.properties).toMatchObject({ src: media['0'], alt: 'flow log levels' });
		expect(image.properties.srcSet).toBeUndefined();
		const text = readFileSync(fileOf('/review/anki/all.txt'), 'utf8');
		expect(text.split('\n').slice(0, 6)).toEqual(['#separator:tab', '#html:true', '#notetype:Basic', '#deck column:3', '#tags column:4', '#guid column:5']);
		expect(text).toContain(`src=""/_astro/${media['0']}""`);
	});
});
