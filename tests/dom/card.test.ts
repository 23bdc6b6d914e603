import { expect, test } from 'vitest';
import { detachedCardHtml, renderedCards } from '../../src/dom/card.ts';
import { parseHtml, selectAll } from '../support/html.ts';

test('the card elements of a rendered note, a card inside another too, in document order', () => {
	const html =
		'<p>before</p><notes-card class="card card--summary" data-card="s1"><ul><li>x</li></ul>' +
		'<notes-card class="card card--pair" data-card="p1 p2"><div class="card__question"><p>Q</p></div><div class="card__answer"><p>A &lt;notes-card </p></div></notes-card>' +
		'</notes-card><notes-card class="card card--cloze" data-card="c1 c2"><p><mark>a</mark></p></notes-card>';
	const cards = renderedCards(html);
	expect(cards.map((card) => [card.kind, card.ids])).toEqual([
		['summary', ['s1']],
		['pair', ['p1', 'p2']],
		['cloze', ['c1', 'c2']],
	]);
	// Each card's HTML is the whole element, nothing before or after, the card inside it and the
	// escaped `&lt;notes-card` of its text included: it parses to that element of the note.
	expect(cards.map((card) => parseHtml(card.html, { fragment: true }).children)).toEqual(
		selectAll('notes-card', parseHtml(html, { fragment: true })).map((element) => [element]),
	);
});

test('a card away from its note: no ids, nor references to them; links within the note lead to its page', () => {
	const html = '<notes-card data-card="x"><h4 id="notes" class="a">N</h4><p>See<sup><a href="#user-content-fn-1" id="user-content-fnref-1" data-footnote-ref aria-describedby="footnote-label">1</a></sup> and <a href="/other/#y">other</a>; id="kept" as text</p></notes-card>';
	expect(detachedCardHtml(html, '/base/vpc/')).toBe(
		'<notes-card data-card="x"><h4 class="a">N</h4><p>See<sup><a href="/base/vpc/#user-content-fn-1" data-footnote-ref>1</a></sup> and <a href="/other/#y">other</a>; id="kept" as text</p></notes-card>',
	);
});

test("a card away from its note: links and images written relative to the note's page lead where they did there", () => {
	const html = '<notes-card data-card="x"><p><a href="../aws/peering/#peering">peering</a> <a href="https://example.org/a">web</a> <a href="mailto:me@example.org">me</a> <img src="img/a.png" alt=""> <a href="/base/">home</a></p></notes-card>';
	expect(detachedCardHtml(html, '/base/welcome/')).toBe(
		'<notes-card data-card="x"><p><a href="/base/aws/peering/#peering">peering</a> <a href="https://example.org/a">web</a> <a href="mailto:me@example.org">me</a> <img src="/base/welcome/img/a.png" alt=""> <a href="/base/">home</a></p></notes-card>',
	);
});
