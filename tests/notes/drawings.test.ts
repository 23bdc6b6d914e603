import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import LZString from 'lz-string';
import { describe, expect, test } from 'vitest';
import { NotesCatalogue } from '../../src/notes/catalogue.ts';
import { drawingExports, drawingName, readDrawingFile, readDrawingNote } from '../../src/notes/drawings.ts';
import { noteSlug } from '../../src/notes/files.ts';
import { distinctTitles, titleFromFileName } from '../../src/notes/title.ts';
import { fixturePath, projectRoot } from '../support/build.ts';

const scene = { type: 'excalidraw', version: 2, elements: [{ type: 'text', id: 't1', text: 'Hello', originalText: 'Hello', isDeleted: false }], appState: { viewBackgroundColor: '#fff' }, files: {} };
const note = (block: string, sections = '') =>
	`---\nexcalidraw-plugin: parsed\n---\n==⚠  Switch to EXCALIDRAW VIEW in the MORE OPTIONS menu of this document. ⚠==\n\nAbove the data.\n\n%%\n# Excalidraw Data\n${sections}\n## Drawing\n${block}\n%%\n`;

describe('readDrawingNote', () => {
	test('a ```json block: the scene, and the Markdown above the data with the plugin notice blanked', () => {
		const read = readDrawingNote(note('```json\n' + JSON.stringify(scene) + '\n```'));
		expect(read.markdown).toBe('---\nexcalidraw-plugin: parsed\n---\n\n\nAbove the data.\n');
		expect(read.drawing).toEqual({ ok: true, scene: { elements: scene.elements, appState: scene.appState, files: {} }, texts: ['Hello'], embedded: [] });
	});

	test('a ```compressed-json block, in lines as the plugin writes it, reads as the same scene', () => {
		const compressed = LZString.compressToBase64(JSON.stringify(scene)).match(/.{1,64}/g)!.join('\n\n');
		const read = readDrawingNote(note('```compressed-json\n' + compressed + '\n```'));
		expect(read.drawing.ok && read.drawing.scene.elements).toEqual(scene.elements);
	});

	test('`## Text Elements` gives the texts, a text over several lines whole; `## Embedded Files` the vault files with their lines', () => {
		const sections = '## Text Elements\nLoad balancer ^abc\n\nTwo\nlines ^def\n\n## Embedded Files\n1a2b3c: [[server.png]]\n4d5e6f: $$E=mc^2$$\n';
		const read = readDrawingNote(note('```json\n' + JSON.stringify(scene) + '\n```', sections));
		expect(read.drawing.ok && read.drawing.texts).toEqual(['Load balancer', 'Two\nlines']);
		expect(read.drawing.ok && read.drawing.embedded).toEqual([{ id: '1a2b3c', target: 'server.png', line: 17 }]);
	});

	test('JSON that does not parse is reported at the line the block starts', () => {
		const read = readDrawingNote(note('```json\n{"elements": [\n```'));
		expect(read.drawing).toEqual({ ok: false, message: expect.stringMatching(/^the drawing's JSON does not parse/), line: 13 });
	});

	test('compressed data that does not decompress, JSON without elements, and no drawing at all are each said so', () => {
		expect(readDrawingNote(note('```compressed-json\n!!!\n```')).drawing).toMatchObject({ ok: false, message: expect.stringContaining('does not decompress') });
		expect(readDrawingNote(note('```json\n{"type":"excalidraw"}\n```')).drawing).toMatchObject({ ok: false, message: expect.stringContaining('no "elements" list') });
		expect(readDrawingNote('# Just a note\n').drawing).toMatchObject({ ok: false, message: expect.stringContaining('no `# Drawing` section') });
	});

	test('the fixture drawn at build time: its compressed scene, texts and embedded image', () => {
		const read = readDrawingNote(readFileSync(fixturePath('drawings-vault/Architecture.excalidraw.md'), 'utf8'));
		expect(read.drawing.ok && read.drawing.texts).toEqual(['Load balancer', 'Web servers']);
		expect(read.drawing.ok && read.drawing.scene.elements.map((element) => (element as { type: string }).type)).toEqual(['rectangle', 'text', 'arrow', 'ellipse', 'text', 'image']);
		expect(read.drawing.ok && read.drawing.embedded.map(({ target }) => target)).toEqual(['server.png']);
		expect(read.markdown).toContain('How requests reach the web servers');
		expect(read.markdown).not.toContain('Excalidraw Data');
	});
});

describe('readDrawingFile', () => {
	test('an .excalidraw file: its scene, its texts from the scene (deleted ones left out)', () => {
		const elements = [...scene.elements, { type: 'text', text: 'gone', isDeleted: true }];
		expect(readDrawingFile(JSON.stringify({ ...scene, elements }))).toMatchObject({ ok: true, texts: ['Hello'], embedded: [] });
	});
});

describe('drawingExports', () => {
	test('the plugin\'s export beside the drawing, with or without `.excalidraw`, SVG before PNG, and a dark variant', () => {
		expect(drawingExports('a/flow.excalidraw.md', new Set(['a/flow.excalidraw.png', 'a/flow.excalidraw.svg']))).toEqual({ light: 'a/flow.excalidraw.svg' });
		expect(drawingExports('flow.excalidraw.md', new Set(['flow.png']))).toEqual({ light: 'flow.png' });
		expect(drawingExports('flow.excalidraw', new Set(['flow.light.svg', 'flow.dark.svg']))).toEqual({ light: 'flow.light.svg', dark: 'flow.dark.svg' });
		expect(drawingExports('flow.excalidraw.md', new Set(['other.svg']))).toBeUndefined();
	});

	test('a drawing\'s name', () => {
		expect(drawingName('aws/flow.excalidraw.md')).toBe('flow');
		expect(drawingName('sketch.excalidraw')).toBe('sketch');
	});
});

test('a drawing\'s page is at its name and `-excalidraw`, beside a note of the same name', () => {
	expect(noteSlug('aws/Flow.excalidraw.md')).toBe('aws/flow-excalidraw');
	expect(noteSlug('sketch.excalidraw')).toBe('sketch-excalidraw');
	expect(noteSlug('aws/Flow.md')).toBe('aws/flow');
});

test('a drawing is titled by its name; beside a note of that name, the two are told apart', () => {
	expect(titleFromFileName('aws/Flow.excalidraw.md', { vault: true })).toBe('Flow');
	const notes = [{ title: 'Flow', group: 'aws', relativePath: 'aws/Flow.md' }, { title: 'Flow', group: 'aws', relativePath: 'aws/Flow.excalidraw.md' }];
	distinctTitles(notes);
	expect(notes.map(({ title }) => title)).toEqual(['Flow (Flow)', 'Flow (Flow.excalidraw)']);
});

test('a drawing in another folder is found by its name, with `.excalidraw` or without, as an `.excalidraw.md` note or an `.excalidraw` file', () => {
	const folder = mkdtempSync(path.join(tmpdir(), 'drawing-links-'));
	mkdirSync(path.join(folder, '_drawings'));
	const drawing = JSON.stringify(scene);
	writeFileSync(path.join(folder, '_drawings/Flow.excalidraw.md'), note('```json\n' + drawing + '\n```'));
	writeFileSync(path.join(folder, '_drawings/Sketch.excalidraw.md'), note('```json\n' + drawing + '\n```'));
	writeFileSync(path.join(folder, '_drawings/Raw.excalidraw'), drawing);
	writeFileSync(path.join(folder, 'Lecture.md'), '# Lecture\n\nText.\n');
	const { resolver } = new NotesCatalogue({ notesRoot: folder, projectRoot, lang: 'en', base: '/' }).build();
	const at = (target: string) => {
		const found = resolver.wikilink({ target, embed: true }, 'Lecture.md');
		return found.kind === 'note' ? found.note.relativePath : found.kind;
	};
	expect([at('Flow.excalidraw'), at('Sketch'), at('Raw.excalidraw'), at('Raw'), at('Lecture')]).toEqual([
		'_drawings/Flow.excalidraw.md',
		'_drawings/Sketch.excalidraw.md',
		'_drawings/Raw.excalidraw',
		'_drawings/Raw.excalidraw',
		'Lecture.md',
	]);
});
