import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { reviewDecksIn, type ReviewDeck } from '../../src/dom/card.ts';
import { reviewPartSelector } from '../../src/dom/review.ts';
import { NotesCatalogue } from '../../src/notes/catalogue.ts';
import { pageScripts, REVIEW_PAGE_JS_BUDGET } from '../bench/measure.ts';
import { builtSite, fixturePath, projectRoot } from '../support/build.ts';
import { parseHtml, rawTextOf, select, selectAll, selectOne, textOf } from '../support/html.ts';

const catalogue = new NotesCatalogue({ notesRoot: fixturePath('study-cards'), projectRoot, lang: 'en', base: '/' }).build();
const site = () => {
	const built = builtSite('tests/fixtures/study-cards');
	expect(built.exitCode, built.output).toBe(0);
	return built;
};
const allCardIds = catalogue.notes.flatMap((note) => note.cards.map((card) => card.id));

/** The decks of the cards document the review page reads, parsed as HTML (the page's script scans it as text). */
function reviewDecks(html: string): ReviewDeck[] {
	const parsed = selectAll('script[data-review-cards]', parseHtml(html)).map((script) => JSON.parse(textOf(script)) as ReviewDeck);
	expect(reviewDecksIn(html)).toEqual(parsed);
	return parsed;
}

describe('the review page', () => {
	test(`its JavaScript, the scheduler and the plan included, is within ${REVIEW_PAGE_JS_BUDGET / 1024} KB gzip`, () => {
		const scripts = pageScripts(site().dist, 'review/');
		expect(scripts.files.length).toBeGreaterThan(0);
		expect(scripts.gzip, JSON.stringify([...scripts.files, ...scripts.inline], null, 1)).toBeLessThanOrEqual(REVIEW_PAGE_JS_BUDGET);
	});

	test('reads every card of the notes once, with its note and folder, as data; the note without cards is not a deck', () => {
		const html = site().page('review/cards/index.html');
		const decks = reviewDecks(html);
		expect(decks.map((deck) => deck.note)).toEqual(['aws/endpoints', 'aws/vpc', 'vault/ports']);
		expect(decks.flatMap((deck) => deck.cards.flatMap((card) => card.ids)).sort()).toEqual([...allCardIds].sort());
		const ports = decks.find((deck) => deck.note === 'vault/ports')!;
		expect(ports).toMatchObject({ folder: 'vault', title: 'Ports', href: '/vault/ports/' });
		expect(ports.cards.map((card) => card.kind)).toEqual(['pair', 'pair', 'pair', 'pair', 'cloze']);
		expect(textOf(parseHtml(ports.cards[0].html, { fragment: true }))).toBe('Port of SSH22');
		// Nothing in the data can close its <script> or open a comment.
		const scripts = selectAll('script[data-review-cards]', parseHtml(html));
		expect(scripts.map((script) => script.properties)).toEqual(Array.from({ length: 3 }, () => ({ type: 'application/json', dataReviewCards: '' })));
		const blocks = scripts.map((script) => rawTextOf(script));
		expect(blocks).toHaveLength(3);
		for (const block of blocks) expect(block).not.toMatch(/<\/|<!--/);
		const page = parseHtml(site().page('review/index.html'));
		expect(select('link[rel="preload"][href="/review/cards/"]', page)).toBeDefined();
		// The app is hidden until its script runs; without it, the page says where the cards are.
		expect(selectOne(reviewPartSelector('app'), page).properties.hidden).toBe(true);
		expect(textOf(selectOne(reviewPartSelector('noScript'), page))).toMatch(/^Reviewing needs JavaScript/);
		expect(selectAll(`${reviewPartSelector('deck')} option`, page).map(textOf)).toEqual(['All notes', 'aws/', 'vault/', 'Endpoints in MDX', 'VPC networking', 'Ports']);
	});

	test('a summary card is its topic, linked; its content is the summary section, images and all', () => {
		const vpc = reviewDecks(site().page('review/cards/index.html')).find((deck) => deck.note === 'aws/vpc')!;
		const summary = vpc.cards[0];
		expect(summary).toMatchObject({ kind: 'summary', topic: { text: 'VPC Flow Logs', href: '/aws/vpc/#vpc-flow-logs' } });
		const html = parseHtml(summary.html, { fragment: true });
		expect(textOf(html)).toContain('packet metadata, not contents');
		// The note's optimised image, not a placeholder.
		expect(String(selectOne('img', html).properties.src)).toMatch(/^\/_astro\/.+\.webp$/);
	});

	test('cards away from their notes carry no ids nor references to them; links within a note lead to its page', () => {
		for (const card of reviewDecks(site().page('review/cards/index.html')).flatMap((deck) => deck.cards)) {
			const html = parseHtml(card.html, { fragment: true });
			expect(selectAll('[id], [aria-describedby], [aria-labelledby]', html)).toEqual([]);
			expect(selectAll('a[href^="#"]', html)).toEqual([]);
		}
		const vpc = reviewDecks(site().page('review/cards/index.html')).find((deck) => deck.note === 'aws/vpc')!;
		expect(vpc.cards[0].html).toContain('href="/aws/vpc/#user-content-fn-1"');
	});
});

describe('the cheat sheet', () => {
	test("every topic's summary, by folder and note, each linked to its topic", () => {
		const page = parseHtml(site().page('cheatsheet/index.html'));
		expect(selectAll('.cheatsheet__group-title', page).map(textOf)).toEqual(['aws/']);
		expect(selectAll('.cheatsheet__note-title', page).map(textOf)).toEqual(['Endpoints in MDX', 'VPC networking']);
		const topics = selectAll('.cheatsheet__topic', page);
		expect(topics.map((topic) => textOf(selectOne('.cheatsheet__topic-title', topic)))).toEqual(['Gateway Endpoints', 'VPC Flow Logs', 'Egress-Only Internet Gateway']);
		expect(topics.map((topic) => selectOne('.cheatsheet__topic-title a', topic).properties.href)).toEqual([
			'/aws/endpoints/#gateway-endpoints',
			'/aws/vpc/#vpc-flow-logs',
			'/aws/vpc/#egress-only-internet-gateway',
		]);
		expect(textOf(topics[0])).toContain('S3 and DynamoDB without public addressing');
		// Only summaries: not the concepts, not the flashcards of other sections.
		expect(textOf(page)).not.toContain('prefix lists in route tables');
		expect(textOf(page)).not.toContain('Where can flow logs be stored');
	});
});

describe('cards on note pages', () => {
	test('flashcards read as questions and answers: no `::`, `?` line or scheduling comment is left on any page', () => {
		const files = (function walk(folder: string): string[] {
			return readdirSync(folder).flatMap((name) => {
				const file = path.join(folder, name);
				return statSync(file).isDirectory() ? walk(file) : file.endsWith('.html') ? [file] : [];
			});
		})(site().dist);
		for (const file of files) {
			const html = readFileSync(file, 'utf8');
			expect(html, file).not.toContain('<!--SR');
			expect(html, file).not.toContain('SR:!2024');
		}
		const ports = parseHtml(site().page('vault/ports/index.html'));
		const article = selectOne('article', ports);
		expect(textOf(article)).not.toMatch(/SSH::|HTTPS:::|\?\?/);
		const pairs = selectAll('.card--pair', article).map((card) => [textOf(selectOne('.card__question', card)), textOf(selectOne('.card__answer', card))]);
		expect(pairs).toEqual([
			['Port of SSH', '22'],
			['Port of HTTPS', '443'],
			['What does DNS resolve?', 'Names to addresses A and AAAA records'],
			['TCP', 'Transmission Control Protocol'],
		]);
		expect(selectAll('.card--cloze mark', article).map(textOf)).toEqual(['VPC router', '.1']);
		// Code stays code.
		expect(textOf(selectOne('pre', article))).toContain('std::vector');
	});

	test("each note page shows its deck's cards and a link to review them; the home page every card's", () => {
		const vpc = parseHtml(site().page('aws/vpc/index.html'));
		const progress = selectOne('[data-card-progress]', vpc);
		const note = catalogue.notes.find((each) => each.slug === 'aws/vpc')!;
		expect(String(progress.properties.dataCards).split(' ')).toEqual(note.cards.map((card) => card.id));
		expect(textOf(progress)).toBe('2 cards · Review this note');
		expect(selectOne('a', progress).properties.href).toBe('/review/?note=aws%2Fvpc');
		expect(select('[data-sections-switch="summaries"]', vpc)).toBeDefined();
		expect(selectOne('article', vpc).properties.dataSummaries).toBeDefined();
		const plain = parseHtml(site().page('plain/index.html'));
		expect(select('[data-card-progress]', plain)).toBeUndefined();
		expect(select('[data-sections-switch="summaries"]', plain)).toBeUndefined();
		const home = parseHtml(site().page('index.html'));
		expect(selectOne('[data-card-progress]', home).properties.dataTotal).toBe(String(allCardIds.length));
	});

	test('the review and cheat sheet pages are not in the search index', () => {
		expect(site().page('review/index.html')).not.toContain('data-pagefind-body');
		expect(site().page('cheatsheet/index.html')).not.toContain('data-pagefind-body');
	});
});
