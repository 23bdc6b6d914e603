import { readFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, test } from 'vitest';
import { PREVIEW_ACCENT, PREVIEW_HEIGHT, PREVIEW_WIDTH, previewImagePath, previewImageSvg, wrapText, writePreviewImage } from '../../src/social/preview-image.ts';
import { folderWith, projectRoot } from '../support/build.ts';
import { parseHtml, selectAll, textOf } from '../support/html.ts';

const LONG_TITLE = 'Advanced AWS networking: VPC peering, Transit Gateway and PrivateLink for the Solutions Architect Professional exam, and more';

describe('wrapText', () => {
	test('a short text is one line; a longer one breaks between words, each line no wider than asked', () => {
		expect(wrapText('Study notes', 88, 1008, 3)).toEqual(['Study notes']);
		const lines = wrapText('Notes taken while preparing the exam, with diagrams and flashcards', 36, 600, 3);
		expect(lines.length).toBeGreaterThan(1);
		expect(lines.join(' ')).toBe('Notes taken while preparing the exam, with diagrams and flashcards');
	});

	test('cut at the last line it may take, with an ellipsis', () => {
		const lines = wrapText(LONG_TITLE, 88, 1008, 2);
		expect(lines).toHaveLength(2);
		expect(lines[1]).toMatch(/…$/);
		expect(LONG_TITLE.startsWith(`${lines[0]} ${lines[1].slice(0, -1)}`)).toBe(true);
	});

	test('a word (or CJK text, which has no spaces) too long for a line is broken inside', () => {
		const lines = wrapText('条件概率与贝叶斯公式的学习笔记，统计学与概率论', 88, 1008, 3);
		expect(lines.length).toBeGreaterThan(1);
		expect(lines.join('')).toBe('条件概率与贝叶斯公式的学习笔记，统计学与概率论');
	});
});

describe('the generated link-preview picture', () => {
	test('shows the title and the description, its markup escaped', () => {
		const svg = parseHtml(previewImageSvg({ title: 'C++ & <Rust> "notes"', description: 'Systems programming, compared.' }), { fragment: true });
		expect(selectAll('text', svg).map(textOf)).toEqual(['C++ & <Rust> "notes"', 'Systems programming, compared.']);
	});

	test('a long title takes a smaller size, and at most three lines', () => {
		const sizeOf = (title: string) => Number(selectAll('text', parseHtml(previewImageSvg({ title, description: '' }), { fragment: true }))[0].properties.fontSize);
		expect(sizeOf(LONG_TITLE)).toBeLessThan(sizeOf('Study notes'));
		expect(selectAll('tspan', parseHtml(previewImageSvg({ title: `${LONG_TITLE} ${LONG_TITLE}`, description: '' }), { fragment: true }))).toHaveLength(3);
	});

	test('in the site\'s accent colour (the light theme\'s --accent of base.css)', () => {
		const css = readFileSync(path.join(projectRoot, 'src/styles/base.css'), 'utf8');
		expect(/--accent:\s*light-dark\((#[\da-f]{6}),/i.exec(css)?.[1]).toBe(PREVIEW_ACCENT);
		expect(previewImageSvg({ title: 'T', description: '' })).toContain(`fill="${PREVIEW_ACCENT}"`);
	});

	test('written into the built site as a 1200×630 PNG at social.png', async () => {
		const dist = folderWith({}, 'preview-dist-');
		await writePreviewImage(dist, { title: 'Study notes', description: 'Personal study notes.', notesRoot: dist });
		expect(previewImagePath(undefined)).toBe('social.png');
		const metadata = await sharp(path.join(dist, 'social.png')).metadata();
		expect(metadata).toMatchObject({ format: 'png', width: PREVIEW_WIDTH, height: PREVIEW_HEIGHT });
	});

	test('the user\'s own picture (socialImage) is published instead, under its own extension', async () => {
		const notesRoot = folderWith({ 'img/Preview.JPG': 'the user\'s picture' }, 'preview-notes-');
		const dist = folderWith({}, 'preview-dist-');
		await writePreviewImage(dist, { title: 'Study notes', description: '', socialImage: 'img/Preview.JPG', notesRoot });
		expect(previewImagePath('img/Preview.JPG')).toBe('social.jpg');
		expect(readFileSync(path.join(dist, 'social.jpg'), 'utf8')).toBe('the user\'s picture');
	});
});
