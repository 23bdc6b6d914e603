import type { Element } from 'hast';
import { describe, expect, test } from 'vitest';
import { canonicalStyle, diagramLabel, diagramTypeLabel, finishSvg, namespaceIds } from '../../src/diagrams/svg.ts';
import { parseHtml, selectAll } from '../support/html.ts';

/** The shape of mermaid 12's output: a few ids of its own, Iconify's random ones, references of every kind. */
const RAW = [
	'<svg id="dg-1-light" width="100%" xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" class="flowchart"',
	' style="max-width: 640.5px; background-color: white;" viewBox="-8 -8 640.5 190.25" role="graphics-document document"',
	' aria-roledescription="sequence" aria-labelledby="chart-title-dg-1-light" aria-describedby="chart-desc-dg-1-light">',
	'<title id="chart-title-dg-1-light">Packet path</title><desc id="chart-desc-dg-1-light">From A to B</desc>',
	'<style>#dg-1-light{fill:#333;}#dg-1-light .actor{fill:#eee;}#actor0 rect{stroke:red;}</style>',
	'<g id="root-0"><rect id="actor0" filter="url(#dg-1-light-drop-shadow)"/><text>Bob</text></g>',
	'<g id="root-10"><rect id="actor10"/><text><tspan>ICMP</tspan> <tspan>echo &amp; reply</tspan></text></g>',
	'<use xlink:href="#actor0"/><use href="#actor10"/><path marker-end="url(#root-0)"/>',
	'<g id="IconifyId1a22119301be5d59a3"><path fill="url(#IconifyId1a22119301be5d59a4)"/></g><linearGradient id="IconifyId1a22119301be5d59a4"/>',
	'</svg>',
].join('');

describe('namespaceIds', () => {
	const svg = namespaceIds(RAW, 'dg-1-light');

	test('prefixes every id that does not already carry the render id, and keeps those that do', () => {
		const ids = selectAll('[id]', parseHtml(svg, { fragment: true })).map((element) => String(element.properties.id));
		expect(ids).toEqual([
			'dg-1-light',
			'chart-title-dg-1-light',
			'chart-desc-dg-1-light',
			'dg-1-light-root-0',
			'dg-1-light-actor0',
			'dg-1-light-root-10',
			'dg-1-light-actor10',
			'dg-1-light-icon-0',
			'dg-1-light-icon-1',
		]);
	});

	test('follows every reference, without confusing actor0 with actor10', () => {
		expect(svg).toContain('#dg-1-light-actor0 rect{stroke:red;}');
		expect(svg).toContain('xlink:href="#dg-1-light-actor0"');
		expect(svg).toContain('href="#dg-1-light-actor10"');
		expect(svg).toContain('marker-end="url(#dg-1-light-root-0)"');
		expect(svg).toContain('fill="url(#dg-1-light-icon-1)"');
		expect(svg).toContain('filter="url(#dg-1-light-drop-shadow)"');
		expect(svg).toContain('aria-labelledby="chart-title-dg-1-light"');
	});

	test('renames Iconify\'s random ids by order of appearance, so the output does not depend on the run', () => {
		const otherRun = RAW.replaceAll('IconifyId1a22119301be5d59a', 'IconifyId77f0c3d2e1aa90b1');
		expect(namespaceIds(otherRun, 'dg-1-light')).toBe(svg);
	});
});

describe('finishSvg', () => {
	const finished = finishSvg(RAW, 'dg-1-light');

	test('gives the root its natural size and role img, drops xmlns, max-width and the role description', () => {
		// One root element, the <svg>, with these attributes in this order and no other.
		const tree = parseHtml(finished.svg, { fragment: true });
		expect(tree.children.map((child) => (child.type === 'element' ? child.tagName : child.type))).toEqual(['svg']);
		expect(Object.entries((tree.children[0] as Element).properties)).toEqual([
			['id', 'dg-1-light'],
			['width', '641'],
			['className', ['flowchart']],
			['viewBox', '-8 -8 640.5 190.25'],
			['role', 'img'],
			['ariaLabelledBy', ['chart-title-dg-1-light']],
			['ariaDescribedBy', ['chart-desc-dg-1-light']],
			['height', '191'],
			['style', 'background-color:white'],
		]);
		expect(finished.svg).not.toContain('xmlns');
		expect(finished.svg).not.toContain('xlink:href');
		expect([finished.width, finished.height]).toEqual([641, 191]);
	});

	test('reads the accessible title and description, and the labels', () => {
		expect(finished.title).toBe('Packet path');
		expect(finished.description).toBe('From A to B');
		expect(finished.labels).toEqual(['Bob', 'ICMP echo & reply']);
	});

	test('is stable: finishing twice gives the same bytes', () => {
		expect(finishSvg(RAW, 'dg-1-light')).toEqual(finished);
	});

	test('writes every style the way Astro writes it in MDX, and drops empty ones', () => {
		const svg = finishSvg('<svg id="r" viewBox="0 0 10 10"><path style="stroke-width: 1; stroke-dasharray: 1, 0;"/><g style=""/></svg>', 'r').svg;
		expect(svg).toBe('<svg id="r" viewBox="0 0 10 10" width="10" height="10" role="img"><path style="stroke-width:1;stroke-dasharray:1, 0"/><g/></svg>');
		expect(canonicalStyle(' fill : red ;; opacity:0.5 ')).toBe('fill:red;opacity:0.5');
		expect(canonicalStyle(' ; ')).toBeUndefined();
	});

	test('rejects output that is not an SVG', () => {
		expect(() => finishSvg('<div>Syntax error</div>', 'dg-x')).toThrow(/no <svg> element/);
	});
});

describe('diagram labels', () => {
	test('the author\'s accTitle wins', () => {
		expect(diagramLabel('flowchart-v2', { title: 'How a packet leaves', labels: ['A'] })).toBe('How a packet leaves');
	});

	test('without one: the type and the first labels, cut before they get long', () => {
		expect(diagramLabel('flowchart-v2', { labels: ['Start', 'Is it?', 'OK'] })).toBe('Flowchart: Start, Is it?, OK');
		expect(diagramLabel('architecture', { labels: [] })).toBe('Architecture diagram');
		const many = Array.from({ length: 20 }, (_, i) => `Service number ${i}`);
		const label = diagramLabel('sequence', { labels: many });
		expect(label.length).toBeLessThanOrEqual(121);
		expect(label).toMatch(/^Sequence diagram: Service number 0, .*…$/);
		expect(diagramTypeLabel('somethingNew')).toBe('Diagram');
	});
});
