import { describe, expect, test } from 'vitest';
import { canvasNodeName, canvasNote, layoutCanvas, readCanvas, type Canvas, type CanvasNode } from '../../src/notes/canvas.ts';

const node = (id: string, x: number, y: number, more: Partial<CanvasNode> = {}): CanvasNode => ({ id, type: 'text', text: id, x, y, width: 100, height: 50, ...more });
const canvasOf = (nodes: CanvasNode[], edges: Canvas['edges'] = []): Canvas => ({ nodes, edges });
const read = (data: unknown) => readCanvas(JSON.stringify(data, null, '\t'));

describe('readCanvas', () => {
	test('reads the nodes and edges of the spec, with the defaults of the ends and the line of each id', () => {
		const result = read({
			nodes: [
				{ id: 'a', type: 'text', x: 0, y: 0, width: 10, height: 10, text: 'A', color: '2' },
				{ id: 'b', type: 'file', x: 0, y: 0, width: 10, height: 10, file: 'b.md', subpath: '#Part' },
			],
			edges: [{ id: 'e', fromNode: 'a', toNode: 'b', label: 'two\nlines' }],
		});
		expect(result.ok && result.problems).toEqual([]);
		if (!result.ok) return;
		expect(result.canvas.nodes.map(({ id, line, color, subpath }) => ({ id, line, color, subpath }))).toEqual([
			{ id: 'a', line: 4, color: '2', subpath: undefined },
			{ id: 'b', line: 14, color: undefined, subpath: '#Part' },
		]);
		expect(result.canvas.edges).toEqual([{ id: 'e', fromNode: 'a', toNode: 'b', fromEnd: 'none', toEnd: 'arrow', line: 26, label: 'two lines', color: undefined, fromSide: undefined, toSide: undefined }]);
	});

	test('a file that is not JSON is a problem at the line and column where the parse stopped', () => {
		const result = readCanvas('{\n  "nodes": [\n    {"id": "a"}\n    {"id": "b"}\n  ]\n}');
		expect(result).toEqual({
			ok: false,
			problem: expect.objectContaining({ kind: 'invalid-canvas', line: 4, column: 5, message: expect.stringMatching(/^the canvas is not valid JSON \(Expected ',' or ']' after array element\); it was left out of the site$/) }),
		});
	});

	test('JSON that is not an object is a problem', () => {
		expect(readCanvas('[1, 2]')).toEqual({ ok: false, problem: expect.objectContaining({ line: 1, message: 'the canvas is not a JSON object with `nodes` and `edges`; it was left out of the site' }) });
	});

	test('a node or edge missing what the spec requires is left off and reported at its line; the rest stays', () => {
		const result = read({
			nodes: [
				{ id: 'kept', type: 'text', x: 0, y: 0, width: 10, height: 10, text: 'ok' },
				{ id: 'no-text', type: 'text', x: 0, y: 0, width: 10, height: 10 },
				{ id: 'no-box', type: 'group', x: 0, width: 10 },
				{ id: 'shape', type: 'circle', x: 0, y: 0, width: 10, height: 10 },
				{ id: 'bad-url', type: 'link', x: 0, y: 0, width: 10, height: 10, url: 'javascript:alert(1)' },
				{ type: 'text', x: 0, y: 0, width: 10, height: 10, text: 'no id' },
				{ id: 'pink', type: 'text', x: 0, y: 0, width: 10, height: 10, text: 'x', color: 'pink' },
			],
			edges: [
				{ id: 'to-nowhere', fromNode: 'kept', toNode: 'gone' },
				{ id: 'bad-side', fromNode: 'kept', toNode: 'kept', fromSide: 'middle' },
			],
			extra: true,
		});
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.canvas.nodes.map((each) => each.id)).toEqual(['kept', 'pink']);
		expect(result.canvas.nodes[1].color).toBeUndefined();
		expect(result.canvas.edges).toEqual([]);
		expect(result.problems.map(({ line, message }) => [line, message])).toEqual([
			[13, 'node "no-text" (text) has no `text`; it was left off the board'],
			[21, 'node "no-box" (group) has no number for `y`, `height`; it was left off the board'],
			[27, 'node "shape" has the type "circle", not text, file, link or group; it was left off the board'],
			[35, 'node "bad-url" (link) has the address "javascript:alert(1)", which is not a web address (http:, https: or mailto:); it was left off the board'],
			[undefined, 'node 6 has no `id`; it was left off the board'],
			[64, 'edge "to-nowhere" has the `toNode` "gone", which is no node of the board; it was left off the board'],
			[69, 'edge "bad-side" has the `fromSide` "middle", not top, right, bottom or left; it was left off the board'],
			[52, '"pink" has the colour "pink", which is neither a preset ("1" to "6") nor #rrggbb; it is drawn without'],
		]);
	});

	test('`nodes` that is not a list is reported, and the canvas is empty', () => {
		const result = read({ nodes: {} });
		expect(result.ok && result.problems.map((problem) => problem.message)).toEqual(['`nodes` is not a list; no nodes were drawn']);
	});
});

describe('layoutCanvas', () => {
	test('the board starts at the top-left card, less a margin, and ends past the bottom-right one', () => {
		const layout = layoutCanvas(canvasOf([node('a', -100, -50), node('b', 200, 300, { width: 150, height: 80 })]));
		expect([layout.width, layout.height]).toEqual([530, 510]);
		expect(layout.nodes.map((placed) => placed.box)).toEqual([
			{ left: 40, top: 40, width: 100, height: 50 },
			{ left: 340, top: 390, width: 150, height: 80 },
		]);
	});

	test('reading order: by y then x, each node in the smallest group holding it, groups first in their place', () => {
		const layout = layoutCanvas(
			canvasOf([
				node('below', 0, 600),
				node('right', 400, 0),
				node('outer', -20, -20, { type: 'group', width: 360, height: 400 }),
				node('inner', 0, 100, { type: 'group', width: 300, height: 200 }),
				node('in-inner', 20, 150),
				node('in-outer', 20, 0),
				node('left', 0, 0, { x: 1000, y: -20 }),
			]),
		);
		const outline = (placed: typeof layout.nodes): unknown[] => placed.map((each) => (each.members.length ? [each.node.id, outline(each.members)] : each.node.id));
		expect(outline(layout.nodes)).toEqual([['outer', ['in-outer', ['inner', ['in-inner']]]], 'left', 'right', 'below']);
	});

	test('an edge leaves and enters square to the sides it names, with arrows where its ends say and its label at the middle', () => {
		const layout = layoutCanvas(
			canvasOf(
				[node('a', 0, 0), node('b', 300, 0)],
				[{ id: 'e', fromNode: 'a', toNode: 'b', fromSide: 'right', toSide: 'left', fromEnd: 'arrow', toEnd: 'arrow' }],
			),
		);
		const [edge] = layout.edges;
		// a's right side at (140, 65), b's left side at (340, 65), each pulled out by half the distance.
		expect(edge.path).toBe('M140,65 C240,65 240,65 340,65');
		expect(edge.arrows).toEqual(['140,65 152,71 152,59', '340,65 328,59 328,71']);
		expect(edge.middle).toEqual({ x: 240, y: 65 });
	});

	test('an edge without sides takes the sides that face each other', () => {
		const layout = layoutCanvas(canvasOf([node('a', 0, 0), node('b', 0, 400)], [{ id: 'e', fromNode: 'a', toNode: 'b', fromEnd: 'none', toEnd: 'none' }]));
		expect(layout.edges[0].path).toMatch(/^M90,90 C.* 90,440$/);
		expect(layout.edges[0].arrows).toEqual([]);
	});
});

describe('canvasNote', () => {
	test('the Markdown of the board: cards in reading order, text as written, files as embeds or links, lines mapped to the file', () => {
		const canvas = canvasOf([
			node('t', 0, 0, { text: '## Title\n\nSee [[Other]].', line: 3 }),
			node('f', 200, 0, { type: 'file', file: 'notes/Other.md', text: undefined, line: 7 }),
			node('i', 400, 0, { type: 'file', file: 'img/x.png', text: undefined, line: 9 }),
			node('p', 600, 0, { type: 'file', file: 'slides.pdf', text: undefined, line: 11 }),
			node('l', 800, 0, { type: 'link', url: 'https://example.com/a', text: undefined, line: 13 }),
		]);
		const { source, authoredLines, cards } = canvasNote('boards/Plan.canvas', canvas);
		expect(cards).toBe(5);
		const lines = source.split('\n');
		expect(lines[0]).toBe('# Plan');
		expect(lines.filter((line) => /^\s+\S/.test(line) && !/^\s*(?:- )?</.test(line))).toEqual([
			'  ## Title',
			'  See [[Other]].',
			'  ![[notes/Other.md]]',
			'  ![[img/x.png]]',
			'  [[slides.pdf]]',
			'  [https://example.com/a](<https://example.com/a>)',
		]);
		expect(authoredLines).toHaveLength(lines.length - 1);
		expect(authoredLines[lines.indexOf('  See [[Other]].')]).toBe(3);
		expect(authoredLines[lines.indexOf('  [[slides.pdf]]')]).toBe(11);
	});

	test('an empty canvas (Obsidian writes `{}`) is an empty board', () => {
		const result = readCanvas('{}');
		expect(result).toEqual({ ok: true, canvas: { nodes: [], edges: [] }, problems: [] });
		const { source, cards } = canvasNote('Empty.canvas', canvasOf([]));
		expect(cards).toBe(0);
		expect(source).toContain('aria-label="Canvas: 0 cards" style="aspect-ratio:1 / 1"');
		expect(source).toContain('<div class="canvas__board" style="width:0px;height:0px">');
	});

	test('a code fence a text card leaves open is closed in the card', () => {
		const { source } = canvasNote('c.canvas', canvasOf([node('a', 0, 0, { text: '````js\nlet a;\n```' }), node('b', 0, 100)]));
		expect(source).toContain('  ````js\n  let a;\n  ```\n  ````\n\n  </div>');
	});

	test('a group and its members are a nested list, its label escaped', () => {
		const { source } = canvasNote('g.canvas', canvasOf([node('g', 0, 0, { type: 'group', width: 500, height: 500, label: '<b>A & B</b>', text: undefined }), node('m', 50, 50)]));
		expect(source).toContain('<p class="canvas__group-label">&#x3C;b>A &#x26; B&#x3C;/b></p></div>\n\n  - <div class="canvas__node" data-canvas-node="text"');
	});

	test('names in the connections: a card by its first line, without its Markdown', () => {
		expect(canvasNodeName(node('a', 0, 0, { text: '\n# **Big** [[Note|idea]]\nmore' }))).toBe('Big idea');
		expect(canvasNodeName(node('a', 0, 0, { text: '- [ ] task' }))).toBe('task');
		expect(canvasNodeName(node('f', 0, 0, { type: 'file', file: 'a/b/Note.md' }))).toBe('Note');
		expect(canvasNodeName(node('g', 0, 0, { type: 'group' }))).toBe('Group');
	});
});
