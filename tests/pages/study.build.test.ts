import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { NotesCatalogue } from '../../src/notes/catalogue.ts';
import { builtSite, fixturePath, projectRoot } from '../support/build.ts';
import { parseHtml, select, selectAll, selectOne, textOf } from '../support/html.ts';

const catalogue = new NotesCatalogue({ notesRoot: fixturePath('study-cards'), projectRoot, lang: 'en', base: '/' }).build();
const site = () => {
	const built = builtSite('tests/fixtures/study-cards');
	expect(built.exitCode, built.output).toBe(0);
	return built;
};
const allCardIds = catalogue.notes.flatMap((note) => note.cards.map((card) => card.id));

describe('the review page', () => {
	test('lists every card of the notes once, with its note and folder, answers and all (the page without JavaScript)', () => {
		const page = parseHtml(site().page('review/index.html'));
		const entries = selectAll('[data-review-card]', page);
		const ids = entries.flatMap((entry) => String(selectOne('notes-card', entry).properties.dataCard).split(' '));
		expect(ids.sort()).toEqual([...allCardIds].sort());
		const ports = entries.filter((entry) => entry.properties.dataNote === 'vault/ports');
		expect(ports.map((entry) => entry.properties.dataFolder)).toEqual(Array(ports.length).fill('vault'));
		expect(textOf(ports[0])).toContain('Port of SSH');
		expect(textOf(ports[0])).toContain('22');
		// The app is hidden until its script runs; the note without cards is not a deck.
		expect(selectOne('[data-review-app]', page).properties.hidden).toBe(true);
		expect(selectAll('[data-review-deck] option', page).map(textOf)).toEqual(['All notes', 'aws/', 'vault/', 'Endpoints in MDX', 'VPC networking', 'Ports']);
	});

	test('a summary card reads as its topic, and links to it; its content is the summary section', () => {
		const page = parseHtml(site().page('review/index.html'));
		const summary = selectAll('[data-review-card]', page).find((entry) => textOf(entry).startsWith('VPC Flow Logs'))!;
		expect(summary).toBeDefined();
		expect(textOf(selectOne('.card--summary', summary))).toContain('packet metadata, not contents');
		expect(selectOne('.review-card__source a', summary).properties.href).toBe('/aws/vpc/#vpc-flow-logs');
		// The image of the summary is the note's optimised image, not a placeholder.
		expect(String(selectOne('.card--summary img', summary).properties.src)).toMatch(/^\/_astro\/.+\.webp$/);
	});

	test('cards away from their notes repeat no id and keep no dangling reference; links within a note lead to its page', () => {
		const page = parseHtml(site().page('review/index.html'));
		const ids = selectAll('[id]', page).map((element) => String(element.properties.id));
		expect(ids.length).toBe(new Set(ids).size);
		for (const element of selectAll('[aria-describedby], [aria-labelledby]', selectOne('[data-review-list]', page))) {
			for (const id of String(element.properties.ariaDescribedBy ?? element.properties.ariaLabelledBy).split(' ')) expect(ids, id).toContain(id);
		}
		const hrefs = selectAll('[data-review-list] a', page).map((link) => String(link.properties.href));
		expect(hrefs.filter((href) => href.startsWith('#'))).toEqual([]);
		expect(hrefs).toContain('/aws/vpc/#vpc-flow-logs');
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
		expect(textOf(progress)).toBe('3 cards · Review this note');
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
		const review = site().page('review/index.html');
		expect(review).not.toContain('data-pagefind-body');
		expect(site().page('cheatsheet/index.html')).not.toContain('data-pagefind-body');
	});
});
