import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { REVIEW_CARDS_PATH, reviewDeckHtml, type ReviewDeck } from '../../src/dom/card.ts';
import { writeAnkiDecks } from '../../src/integration/anki.ts';
import { openCollection, unzip } from '../support/anki-package.ts';

/** A built site's folder with the cards document of `decks` and the files given. */
function distWith(decks: ReviewDeck[], files: Record<string, string> = {}): string {
	const dist = mkdtempSync(path.join(tmpdir(), 'anki-dist-'));
	for (const [name, text] of Object.entries({ [`${REVIEW_CARDS_PATH}index.html`]: `<!DOCTYPE html>${decks.map(reviewDeckHtml).join('')}`, ...files })) {
		mkdirSync(path.dirname(path.join(dist, name)), { recursive: true });
		writeFileSync(path.join(dist, name), text);
	}
	return dist;
}

const summary = (html: string): ReviewDeck => ({
	note: 'aws/vpc',
	folder: 'aws',
	title: 'VPC :: networking',
	href: '/notes/aws/vpc/',
	cards: [{ ids: ['s1'], kind: 'summary', html: `<notes-card class="card card--summary" data-card="s1">${html}</notes-card>`, topic: { text: 'Flow logs', href: '/notes/aws/vpc/#flow-logs' } }],
});
const options = { base: '/notes/', title: 'My notes', tags: new Map([['aws/vpc', ['exam week', 'flashcards/aws']]]), builtAt: new Date('2026-03-01T00:00:00Z') };
const fieldsOf = (dist: string, file: string) =>
	openCollection(unzip(readFileSync(path.join(dist, file))))
		.prepare('SELECT flds, tags FROM notes')
		.all()
		.map((note) => ({ fields: String(note.flds).split('\x1f'), tags: note.tags }));

describe('writing the decks for Anki after the build', () => {
	test("under a base path, a package carries the site's images as media; links lead to the site when its URL is known", () => {
		const dist = distWith([summary('<p><img src="/notes/_astro/levels.webp" alt="levels"> <img src="https://example.org/x.png" alt=""> <a href="/notes/aws/">AWS</a></p>')], {
			'_astro/levels.webp': 'image bytes',
		});
		expect(writeAnkiDecks(dist, { ...options, site: 'https://me.github.io/notes/' })).toBe(2);
		const entries = unzip(readFileSync(path.join(dist, 'review/anki/folder/aws.apkg')));
		expect(JSON.parse(entries.get('media')!.toString())).toEqual({ '0': 'levels.webp' });
		expect(entries.get('0')!.toString()).toBe('image bytes');
		expect(fieldsOf(dist, 'review/anki/folder/aws.apkg')).toEqual([
			{
				fields: ['<p>Flow logs</p>', '<p><img src="levels.webp" alt="levels"> <img src="https://example.org/x.png" alt=""> <a href="https://me.github.io/notes/aws/">AWS</a></p>'],
				tags: ' exam_week flashcards::aws ',
			},
		]);
		const text = readFileSync(path.join(dist, 'review/anki/all.txt'), 'utf8');
		expect(text).toContain('src=""https://me.github.io/notes/_astro/levels.webp""');
		expect(text).toContain('\tMy notes::aws::VPC : networking\texam_week flashcards::aws\ts1\n');
	});

	test('without the URL, links and the text file\'s images stay as the site has them', () => {
		const dist = distWith([summary('<p><img src="/notes/_astro/levels.webp" alt=""> <a href="/notes/aws/">AWS</a></p>')], { '_astro/levels.webp': 'image bytes' });
		writeAnkiDecks(dist, options);
		expect(fieldsOf(dist, 'review/anki/all.apkg')[0].fields[1]).toBe('<p><img src="levels.webp" alt=""> <a href="/notes/aws/">AWS</a></p>');
		expect(readFileSync(path.join(dist, 'review/anki/all.txt'), 'utf8')).toContain('src=""/notes/_astro/levels.webp""');
	});

	test('a site without cards gets no decks', () => {
		expect(writeAnkiDecks(mkdtempSync(path.join(tmpdir(), 'anki-dist-')), options)).toBe(0);
		const withoutCards = distWith([]);
		expect(writeAnkiDecks(withoutCards, options)).toBe(0);
		expect(existsSync(path.join(withoutCards, 'review/anki'))).toBe(false);
	});
});
