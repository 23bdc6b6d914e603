import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { builtSite } from '../support/build.ts';
import { classesOf, parseHtml, selectAll, selectOne, textOf } from '../support/html.ts';
import { CANVAS_NODE_ATTRIBUTE, CANVAS_TAG } from '../../src/dom/canvas.ts';

/**
 * A vault with a canvas of text, file (a note, an image), link and group cards and labelled
 * edges, one that is not JSON, one with a card missing its text and a file that is not there, and
 * a note that links to and embeds the canvas.
 */
describe('canvas pages', () => {
	const site = builtSite('tests/fixtures/canvas-board');
	const board = () => parseHtml(site.page('study-board/index.html'));
	const kinds = (root: ReturnType<typeof board>) => selectAll(`[${CANVAS_NODE_ATTRIBUTE}]`, root).map((node) => String(node.properties.dataCanvasNode));

	test('the build succeeds and reports each canvas problem with its file and line', () => {
		expect(site.exitCode, site.output).toBe(0);
		expect(site.output).toMatch(/canvas-board\/Broken\.canvas:4:3 +the canvas is not valid JSON \(Expected ',' or '\]' after array element\); it was left out of the site/);
		expect(site.output).toMatch(/canvas-board\/Partial\.canvas:4 +node "no-text" \(text\) has no `text`; it was left off the board/);
		expect(site.output).toMatch(/canvas-board\/Partial\.canvas:8 +edge "dangling" has the `toNode` "no-such-node", which is no node of the board/);
		// The missing file is reported at its card's line, by its name.
		expect(site.output).toMatch(/canvas-board\/Partial\.canvas:5 +!\[\[Nowhere\/Missing note\.md\]\]/);
	});

	test('a canvas is a page with the cards in reading order: the group, its members, then the rest by y and x', () => {
		const page = board();
		expect(textOf(selectOne('main h1', page))).toBe('Study board');
		expect(kinds(page)).toEqual(['group', 'text', 'file', 'file', 'link', 'text']);
		const group = selectOne(`[${CANVAS_NODE_ATTRIBUTE}="group"]`, page);
		expect(textOf(group)).toBe('Networking');
		expect(String(group.properties.style)).toBe('left:40px;top:40px;width:900px;height:420px;--canvas-color:var(--canvas-color-4)');
	});

	test('text cards are the site Markdown: headings, emphasis, wikilinks and lists', () => {
		const text = selectAll(`[${CANVAS_NODE_ATTRIBUTE}="text"]`, board());
		expect(textOf(selectOne('h2', text[0]))).toBe('Start here');
		expect(selectOne('a', text[0]).properties.href).toBe('/reading/');
		expect(selectAll('ul > li', text[1]).map(textOf)).toEqual(['Review peering', 'Draw routes']);
	});

	test('a file card shows its note, an image card its image (published), a link card its link', () => {
		const [note, image] = selectAll(`[${CANVAS_NODE_ATTRIBUTE}="file"]`, board());
		expect(selectOne('.embed__source a', note).properties.href).toBe('/topics/subnets/');
		expect(textOf(note)).toContain('A subnet is a range of IP addresses');
		const src = String(selectOne('img', image).properties.src);
		expect(existsSync(path.join(site.dist, src))).toBe(true);
		expect(selectOne(`[${CANVAS_NODE_ATTRIBUTE}="link"] a`, board()).properties.href).toBe('https://docs.aws.amazon.com/vpc/');
	});

	test('edges are drawn as SVG paths with their arrows and labels, and listed in words', () => {
		const page = board();
		const svg = selectOne('svg.canvas__edges', page);
		expect(selectAll('path', svg)).toHaveLength(3);
		// One arrow at the end by default, both ends for fromEnd arrow, none for toEnd none.
		expect(selectAll('polygon', svg)).toHaveLength(3);
		expect(selectAll('text', svg).map(textOf)).toEqual(['then read', 'drawn as']);
		expect(selectAll('.canvas__connections li', page).map(textOf)).toEqual([
			'Start here → Subnets: then read',
			'Subnets ↔ architecture.png: drawn as',
			'https://docs.aws.amazon.com/vpc/ — Review peering',
		]);
	});

	test('the canvas page defines the canvas element; a note page does not', () => {
		const definesCanvas = (file: string) => selectAll('script', parseHtml(site.page(file))).some((script) => textOf(script).includes(CANVAS_TAG));
		expect(definesCanvas('study-board/index.html')).toBe(true);
		expect(definesCanvas('reading/index.html')).toBe(false);
	});

	test('[[Study board]] and [[Study board.canvas]] link to it; ![[Study board.canvas]] is a card to it with its card count', () => {
		const reading = parseHtml(site.page('reading/index.html'));
		const body = selectOne('article.note__body', reading);
		expect(selectAll('p a', body).slice(0, 2).map((link) => link.properties.href)).toEqual(['/study-board/', '/study-board/']);
		const embed = selectOne('blockquote.embed', body);
		expect(classesOf(embed)).toContain('embed');
		expect(textOf(embed)).toBe('From Study board Canvas, 5 cards: open it to see its board.');
	});

	test('a canvas with a bad card keeps the rest; one that is not JSON is left out', () => {
		expect(kinds(parseHtml(site.page('partial/index.html')))).toEqual(['text', 'file']);
		expect(existsSync(path.join(site.dist, 'broken/index.html'))).toBe(false);
	});
});
