import { describe, expect, test } from 'vitest';
import { renderTex, texSpan, texText } from '../../src/math/tex.ts';
import { readNoteContents } from '../../src/notes/note-tree.ts';
import { prepareNoteSource } from '../../src/notes/prepare-source.ts';
import { parseHtml, select, selectAll, textOf } from '../support/html.ts';
import { renderNote } from '../support/render.ts';

const render = async (source: string) => parseHtml(await renderNote(source), { fragment: true });

describe('texSpan: Pandoc\'s rules for the dollar sign', () => {
	test.each([
		['$x$', ' ', { tex: 'x', display: false }],
		['$$x$$', '', { tex: 'x', display: true }],
		['$5 or $', '1', undefined],
		['$ x $', '', undefined],
		['$x $', '', undefined],
		['$x$', '5', undefined],
	])('%s followed by %j', (written, next, expected) => expect(texSpan(written, next)).toEqual(expected));
});

describe('remark-tex', () => {
	test('inline and display maths become MathML; emphasis never touches TeX', async () => {
		const tree = await render('Policy $\\pi^*(s)$ and $Q^*(s,a)$.\n\n$$\n\\sum_{i=1}^{n} i\n$$\n');
		const [first, second, display] = selectAll('math', tree);
		expect(textOf(first)).toBe('π∗(s)');
		expect(textOf(second)).toBe('Q∗(s,a)');
		expect(display.properties.display).toBe('block');
		expect(select('em', tree)).toBeUndefined();
		expect(textOf(tree)).not.toContain('$');
	});

	test('\\(…\\), \\[…\\] and ```math fences too', async () => {
		const tree = await render('Inline \\(a_1\\).\n\n\\[\nb^2\n\\]\n\n```math\nc = d\n```\n');
		expect(selectAll('math', tree).map((math) => math.properties.display ?? 'inline')).toEqual(['inline', 'block', 'block']);
		expect(select('pre', tree)).toBeUndefined();
	});

	test("kramdown's escapes inside a formula keep it one formula, drawn as its author meant", async () => {
		const source = 'Then $\\[\\\\vec{v}\\]\\_{\\mathcal{B}}$ here.\n\n$$\\[\\\\vec{v}\\]\\_{\\mathcal{B}}$$\n';
		const maths = selectAll('math', await render(source));
		expect(maths.map((math) => math.properties.display ?? 'inline')).toEqual(['inline', 'block']);
		const meant = textOf(select('math', await render('$[\\vec{v}]_{\\mathcal{B}}$'))!);
		expect(maths.map(textOf)).toEqual([meant, meant]);
		expect(readNoteContents(prepareNoteSource(source), 'md', { liftTitle: true }).texErrors).toEqual([]);
	});

	test('dollars in prose stay text: "costs $5 or $10", "$ x $", an escaped \\$', async () => {
		const html = await renderNote('It costs $5 or $10, and $ x $ is not maths, nor \\$y\\$.\n');
		expect(html).not.toContain('<math');
		expect(textOf(parseHtml(html, { fragment: true }))).toBe('It costs $5 or $10, and $ x $ is not maths, nor $y$.');
	});

	test('invalid TeX is shown as written in an error box, and the catalogue has it at its line', async () => {
		const source = 'Fine $x$.\n\nBroken $\\frac{a$ here.\n';
		const error = select('code.math-error', await render(source));
		expect(textOf(error!)).toBe('$\\frac{a$');
		expect(String(error!.properties.title)).toMatch(/^Invalid TeX: /);
		expect(readNoteContents(source, 'md', { liftTitle: true }).texErrors).toMatchObject([{ tex: '\\frac{a', line: 3 }]);
	});

	test('a title with maths reads as text, never as TeX', () => {
		const contents = readNoteContents(prepareNoteSource('# Vectors in $\\mathbb{R}^{n}$\n\nText.\n'), 'md', { liftTitle: true });
		expect(contents.liftedTitle).toBe('Vectors in ℝⁿ');
		expect(readNoteContents('# Sums $x_{i+1}^{2q}$\n\nText.\n', 'md', { liftTitle: true }).liftedTitle).toBe('Sums xᵢ₊₁^(2q)');
		expect(contents.hasMath).toBe(true);
		expect(texText({ tex: '\\frac{a', display: false })).toBe('\\frac{a');
	});

	test("MathJax's \\mit and \\bbox, which Obsidian reads, render", () => {
		const box = renderTex({ tex: 'Y = \\bbox[lavender]{A \\cdot B} + \\bbox[5px,border:2px solid red]{C}', display: false });
		if (!box.ok) throw new Error('\\bbox did not render');
		// The first box has the background, the second (after it) the border.
		const boxes = selectAll('mrow[mathbackground], mrow[style*="border:"]', box.mathml);
		expect(boxes.map((row) => [row.properties.mathbackground, textOf(row)])).toEqual([
			['lavender', 'A⋅B'],
			[undefined, 'C'],
		]);
		expect(String(boxes[1].properties.style)).toContain('border:1px solid');
		expect(renderTex({ tex: '\\mit{R}^n', display: false }).ok).toBe(true);
	});

	test('no \\href: links from TeX are not trusted', async () => {
		expect(renderTex({ tex: '\\href{javascript:alert(1)}{x}', display: false }).ok).toBe(false);
		expect(select('[href]', await render('A $\\href{javascript:alert(1)}{x}$ link.\n'))).toBeUndefined();
	});

	test('a note without maths has none', () => {
		expect(readNoteContents('Costs $5 or $10.\n', 'md', { liftTitle: true }).hasMath).toBe(false);
	});
});
