import { describe, expect, test } from 'vitest';
import { cardSides } from '../../src/dom/card-sides.ts';

const pair = (ids: string[]) => ({
	ids,
	kind: 'pair' as const,
	html: '<notes-card class="card card--pair" data-card="a b"><div class="card__question"><p>Port of HTTPS</p></div><div class="card__answer"><p>443</p></div></notes-card>',
});

describe('the sides of a card', () => {
	test('a one-way card: question, then answer', () => {
		expect(cardSides(pair(['a']))).toEqual([{ id: 'a', front: '<p>Port of HTTPS</p>', back: '<p>443</p>' }]);
	});

	test('a two-way card is asked the other way by its second id', () => {
		expect(cardSides(pair(['a', 'b']))).toEqual([
			{ id: 'a', front: '<p>Port of HTTPS</p>', back: '<p>443</p>' },
			{ id: 'b', front: '<p>443</p>', back: '<p>Port of HTTPS</p>' },
		]);
	});

	test('a cloze card blanks one mark per id and marks it on the back', () => {
		const cloze = { ids: ['x', 'y'], kind: 'cloze' as const, html: '<notes-card class="card card--cloze" data-card="x y"><p>The <mark>router</mark> answers at <mark>.1</mark></p></notes-card>' };
		expect(cardSides(cloze)).toEqual([
			{ id: 'x', front: '<p>The <mark class="card__blank">[…]</mark> answers at <mark>.1</mark></p>', back: '<p>The <mark class="card__revealed">router</mark> answers at <mark>.1</mark></p>' },
			{ id: 'y', front: '<p>The <mark>router</mark> answers at <mark class="card__blank">[…]</mark></p>', back: '<p>The <mark>router</mark> answers at <mark class="card__revealed">.1</mark></p>' },
		]);
	});

	test("a summary card's front is its topic; an image's zoom button and dialog are left out", () => {
		const summary = {
			ids: ['s'],
			kind: 'summary' as const,
			topic: { text: 'Flow <Logs>', href: '/aws/vpc/#flow-logs' },
			html: '<notes-card class="card card--summary" data-card="s"><ul><li><img src="/_astro/a.webp" srcset="/_astro/b.webp 640w" sizes="100vw" alt="levels"><button type="button">zoom</button><dialog><img src="/_astro/a.webp"></dialog></li></ul></notes-card>',
		};
		expect(cardSides(summary)).toEqual([{ id: 's', front: '<p>Flow &#x3C;Logs></p>', back: '<ul><li><img src="/_astro/a.webp" srcset="/_astro/b.webp 640w" sizes="100vw" alt="levels"></li></ul>' }]);
	});

	test("with URLs, images and links lead there and an image's other sizes are dropped", () => {
		const card = {
			ids: ['s'],
			kind: 'summary' as const,
			html: '<notes-card class="card card--summary" data-card="s"><p><a href="/aws/">AWS</a> <img src="/_astro/a.webp" srcset="/_astro/b.webp 640w" loading="lazy" alt=""></p></notes-card>',
		};
		const [sides] = cardSides(card, { image: (src) => src.slice('/_astro/'.length), link: (href) => `https://notes.example${href}` });
		expect(sides.back).toBe('<p><a href="https://notes.example/aws/">AWS</a> <img src="a.webp" alt=""></p>');
	});

	test('HTML without a card element is an error that shows it', () => {
		expect(() => cardSides({ ids: ['z'], kind: 'pair', html: '<p>not a card</p>' })).toThrow('A card (z) has no <notes-card> element: <p>not a card</p>');
	});
});
