import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, test } from 'vitest';
import { NotesCatalogue } from '../../src/notes/catalogue.ts';
import { checkNotes } from '../../src/notes/check.ts';
import { inspectImageBytes } from '../../src/notes/images.ts';
import { FIGURE_WIDTH, figureSources, pixelDifference, renderFigure } from '../../src/tools/render-figures.ts';
import { projectRoot, SHIPPED_NOTES } from '../support/build.ts';

/** The shipped notes' copy: the PNGs the notes show in `img/`, drawn from the SVG sources in `img/src/`. */
const notesRoot = path.join(projectRoot, SHIPPED_NOTES);
const pngFolder = path.join(notesRoot, 'img');
const svgFolder = path.join(pngFolder, 'src');
const catalogue = new NotesCatalogue({ notesRoot, projectRoot, lang: 'en', base: '/' }).build();

describe('the figures drawn for the shipped notes', () => {
	test('every image the shipped notes reference resolves to a readable file', () => {
		expect(catalogue.problems).toEqual([]);
		expect(catalogue.notes.flatMap((note) => note.images).length).toBe(8);
		expect(checkNotes(catalogue, projectRoot)).toEqual([]);
	});

	test('every referenced PNG has an SVG source, and every source a PNG', () => {
		const referenced = catalogue.notes
			.flatMap((note) => note.images.map((reference) => path.resolve(path.dirname(note.file), reference.url)))
			.map((file) => path.basename(file, '.png'))
			.sort();
		const sources = figureSources(svgFolder).map((name) => name.replace(/\.svg$/, ''));
		expect(sources).toEqual([...new Set(referenced)].sort());
		for (const name of sources) expect(existsSync(path.join(pngFolder, `${name}.png`)), name).toBe(true);
	});

	test.each(figureSources(svgFolder))('%s: the PNG is up to date with its source', async (name) => {
		const png = readFileSync(path.join(pngFolder, name.replace(/\.svg$/, '.png')));
		expect(inspectImageBytes(png)).toEqual({ ok: true, format: 'png' });
		const { width, hasAlpha } = await sharp(png).metadata();
		expect(width).toBe(FIGURE_WIDTH);
		expect(hasAlpha).toBe(false);
		expect(await pixelDifference(await renderFigure(path.join(svgFolder, name)), png)).toBeLessThan(0.01);
	});

	test('the comparison notices a PNG that does not match its source', async () => {
		const [first, second] = figureSources(svgFolder);
		const other = readFileSync(path.join(pngFolder, second.replace(/\.svg$/, '.png')));
		expect(await pixelDifference(await renderFigure(path.join(svgFolder, first)), other)).toBeGreaterThan(0.01);
	});
});
