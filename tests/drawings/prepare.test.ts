import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { DrawingCache, prepareDrawings, svgSize } from '../../src/drawings/prepare.ts';
import type { DrawingRenderer } from '../../src/drawings/renderer.ts';
import type { Drawing, DrawingScene } from '../../src/notes/drawings.ts';
import { LinkResolver } from '../../src/notes/links.ts';

const notesRoot = '/notes';
const resolver = new LinkResolver({ notes: [], assets: [], excluded: [] }, '/base/');
const scene = (text: string): DrawingScene => ({ elements: [{ type: 'text', text }], appState: {}, files: {} });
const drawing = (relativePath: string, text: string): Drawing => ({
	relativePath,
	file: path.join(notesRoot, relativePath),
	read: { ok: true, scene: scene(text), texts: [text], embedded: [] },
});

/** A renderer that draws a scene as an SVG naming its text, or fails on `fail`, and counts its calls. */
function fakeRenderer() {
	const drawn: string[] = [];
	const renderer = {
		render: async (drawnScene: DrawingScene) => {
			const text = (drawnScene.elements[0] as { text: string }).text;
			drawn.push(text);
			if (text === 'fail') return { ok: false as const, message: 'no such element type' };
			return { ok: true as const, light: `<svg width="40" height="20"><text>${text}</text></svg>`, dark: `<svg width="40" height="20"><text>${text} dark</text></svg>` };
		},
		close: async () => undefined,
	};
	return { drawn, start: async () => renderer as unknown as DrawingRenderer };
}

describe('prepareDrawings', () => {
	test('draws what the cache lacks, once: a second pass takes both themes from the cache, and never starts the browser', async () => {
		const cache = new DrawingCache(mkdtempSync(path.join(tmpdir(), 'drawings-cache-')));
		const first = fakeRenderer();
		const options = { cache, resolver, notesRoot, projectRoot: '/' };
		const prepared = await prepareDrawings([drawing('a.excalidraw.md', 'A'), drawing('b.excalidraw', 'B')], { ...options, startRenderer: first.start });
		expect(first.drawn).toEqual(['A', 'B']);
		expect(prepared.shown.get('a.excalidraw.md')).toEqual({
			ok: true,
			name: 'a',
			texts: ['A'],
			src: expect.stringMatching(/^\/base\/notes-assets\/drawings\/[0-9a-f]{32}\.svg$/),
			darkSrc: expect.stringMatching(/^\/base\/notes-assets\/drawings\/[0-9a-f]{32}\.dark\.svg$/),
			width: 40,
			height: 20,
		});
		let started = false;
		const again = await prepareDrawings([drawing('a.excalidraw.md', 'A'), drawing('b.excalidraw', 'B')], {
			...options,
			startRenderer: async () => {
				started = true;
				return first.start();
			},
		});
		expect(started).toBe(false);
		expect(again.rendered).toBe(0);
		expect(again.shown).toEqual(prepared.shown);
	});

	test('a scene the exporter refuses is reported, cached as refused, and shown as a placeholder', async () => {
		const cache = new DrawingCache(mkdtempSync(path.join(tmpdir(), 'drawings-cache-')));
		const renderer = fakeRenderer();
		const prepared = await prepareDrawings([drawing('x.excalidraw.md', 'fail')], { cache, resolver, notesRoot, projectRoot: '/', startRenderer: renderer.start });
		expect(prepared.problems).toEqual([expect.objectContaining({ kind: 'invalid-drawing', file: 'notes/x.excalidraw.md', message: expect.stringContaining('no such element type') })]);
		expect(prepared.shown.get('x.excalidraw.md')).toMatchObject({ ok: false, message: 'Excalidraw could not draw it' });
		await prepareDrawings([drawing('x.excalidraw.md', 'fail')], { cache, resolver, notesRoot, projectRoot: '/', startRenderer: renderer.start });
		expect(renderer.drawn).toEqual(['fail']);
	});

	test('an embedded file that is not an image of the notes folder is reported at its line; the drawing is drawn without it', async () => {
		const cache = new DrawingCache(mkdtempSync(path.join(tmpdir(), 'drawings-cache-')));
		const renderer = fakeRenderer();
		const withImage: Drawing = { ...drawing('z.excalidraw.md', 'Z'), read: { ok: true, scene: scene('Z'), texts: ['Z'], embedded: [{ id: 'f1', target: 'gone.png', line: 12 }] } };
		const prepared = await prepareDrawings([withImage], { cache, resolver, notesRoot, projectRoot: '/', startRenderer: renderer.start });
		expect(prepared.problems).toEqual([expect.objectContaining({ kind: 'invalid-drawing', line: 12, message: expect.stringContaining('[[gone.png]] is not an image of the notes folder') })]);
		expect(prepared.shown.get('z.excalidraw.md')).toMatchObject({ ok: true });
	});

	test('without a browser, a drawing not in the cache is a placeholder that says how to draw it, and no problem', async () => {
		const cache = new DrawingCache(mkdtempSync(path.join(tmpdir(), 'drawings-cache-')));
		const prepared = await prepareDrawings([drawing('y.excalidraw.md', 'Y')], { cache, resolver, notesRoot, projectRoot: '/' });
		expect(prepared).toMatchObject({ undrawn: 1, problems: [] });
		expect(prepared.shown.get('y.excalidraw.md')).toMatchObject({ ok: false, message: 'it is drawn when the site is built with Chromium' });
	});
});

describe('svgSize', () => {
	test('from the root\'s width and height, else its viewBox', () => {
		expect(svgSize('<svg xmlns="http://www.w3.org/2000/svg" width="420.5" height="80">')).toEqual({ width: 421, height: 80 });
		expect(svgSize('<svg viewBox="0 0 300 150"><rect width="5" height="5"/></svg>')).toEqual({ width: 300, height: 150 });
		expect(svgSize('<svg>')).toBeUndefined();
	});
});
