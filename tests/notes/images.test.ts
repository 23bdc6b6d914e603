import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, test } from 'vitest';
import { resolveNoteAsset } from '../../src/notes/assets.ts';
import { inspectImageBytes, noteImageUrl, resolveNoteImage } from '../../src/notes/images.ts';
import { fixturePath } from '../support/build.ts';

const fixture = fixturePath('figure-cases');
const note = path.join(fixture, 'figures.md');
const bytes = (name: string) => readFileSync(path.join(fixture, 'img', name));

describe('inspectImageBytes', () => {
	test('accepts every supported format', () => {
		expect(inspectImageBytes(bytes('diagram.png'))).toEqual({ ok: true, format: 'png' });
		expect(inspectImageBytes(bytes('photo.jpg'))).toEqual({ ok: true, format: 'jpeg' });
		expect(inspectImageBytes(bytes('anim.gif'))).toEqual({ ok: true, format: 'gif' });
		expect(inspectImageBytes(bytes('pic.webp'))).toEqual({ ok: true, format: 'webp' });
		expect(inspectImageBytes(bytes('pic.avif'))).toEqual({ ok: true, format: 'avif' });
		expect(inspectImageBytes(bytes('vector.svg'))).toEqual({ ok: true, format: 'svg' });
		expect(inspectImageBytes(Buffer.from('<?xml version="1.0"?>\n<!-- drawn by hand -->\n<svg xmlns="http://www.w3.org/2000/svg"/>'))).toEqual({
			ok: true,
			format: 'svg',
		});
	});

	test('refuses a text file named .png and an empty file', () => {
		expect(inspectImageBytes(bytes('not-an-image.png'))).toEqual({ ok: false, reason: 'text, not an image' });
		expect(inspectImageBytes(Buffer.alloc(0))).toEqual({ ok: false, reason: 'an empty file' });
		expect(inspectImageBytes(Buffer.from([0, 1, 2, 3, 0xff, 0xfe]))).toEqual({ ok: false, reason: 'in no known image format' });
	});

	test('refuses truncated files of each format', () => {
		const cut = (buffer: Buffer, keep: number) => buffer.subarray(0, Math.floor(buffer.length * keep));
		expect(inspectImageBytes(bytes('truncated.png'))).toMatchObject({ ok: false, reason: expect.stringMatching(/^a truncated PNG/) });
		expect(inspectImageBytes(cut(bytes('diagram.png'), 0.999))).toMatchObject({ ok: false, reason: expect.stringMatching(/^a truncated PNG/) });
		expect(inspectImageBytes(cut(bytes('photo.jpg'), 0.8))).toMatchObject({ ok: false, reason: expect.stringMatching(/^a truncated JPEG/) });
		expect(inspectImageBytes(cut(bytes('anim.gif'), 0.8))).toMatchObject({ ok: false, reason: expect.stringMatching(/^a truncated GIF/) });
		expect(inspectImageBytes(cut(bytes('pic.webp'), 0.8))).toMatchObject({ ok: false, reason: expect.stringMatching(/^a truncated WebP/) });
		expect(inspectImageBytes(cut(bytes('pic.avif'), 0.8))).toMatchObject({ ok: false, reason: expect.stringMatching(/^a truncated AVIF/) });
		expect(inspectImageBytes(cut(bytes('vector.svg'), 0.8))).toMatchObject({ ok: false, reason: expect.stringMatching(/^a truncated SVG/) });
	});

	test('agrees with sharp: what it accepts, sharp decodes', async () => {
		for (const name of ['diagram.png', 'photo.jpg', 'anim.gif', 'pic.webp', 'pic.avif', 'UPPER.PNG']) {
			expect(inspectImageBytes(bytes(name)).ok).toBe(true);
			await expect(sharp(bytes(name), { failOn: 'error' }).raw().toBuffer()).resolves.toBeInstanceOf(Buffer);
		}
		await expect(sharp(bytes('truncated.png'), { failOn: 'error' }).raw().toBuffer()).rejects.toThrow();
		await expect(sharp(bytes('not-an-image.png')).metadata()).rejects.toThrow();
	});
});

describe('resolveNoteImage', () => {
	const resolve = (url: string, from = note) => resolveNoteImage(url, from, fixture);

	test('resolves relative to the note, with or without ./', () => {
		expect(resolve('img/diagram.png')).toEqual({ kind: 'local', file: path.join(fixture, 'img/diagram.png'), format: 'png' });
		expect(resolve('./img/diagram.png')).toMatchObject({ kind: 'local', file: path.join(fixture, 'img/diagram.png') });
		expect(resolve('../shared-img/shared.png', path.join(fixture, 'topic/first.md'))).toMatchObject({
			kind: 'local',
			file: path.join(fixture, 'shared-img/shared.png'),
		});
	});

	test('a leading / is the notes folder', () => {
		expect(resolve('/img/photo.jpg', path.join(fixture, 'topic/first.md'))).toMatchObject({
			kind: 'local',
			file: path.join(fixture, 'img/photo.jpg'),
		});
	});

	test('decodes %20, accepts spaces (angle brackets), Unicode and upper-case extensions', () => {
		expect(resolve('img/my%20slide.png')).toMatchObject({ kind: 'local', file: path.join(fixture, 'img/my slide.png') });
		expect(resolve('img/Screenshot 2023-10-10 at 22.45.41.png')).toMatchObject({ kind: 'local' });
		expect(resolve('img/schéma-réseau.png')).toMatchObject({ kind: 'local' });
		expect(resolve('img/sch%C3%A9ma-r%C3%A9seau.png')).toMatchObject({ kind: 'local' });
		expect(resolve('img/UPPER.PNG')).toMatchObject({ kind: 'local', format: 'png' });
	});

	test('finds a name written in the other Unicode normal form', () => {
		expect(resolve('img/schéma-réseau.png'.normalize('NFD'))).toMatchObject({ kind: 'local' });
	});

	test('ignores a query or fragment', () => {
		expect(resolve('img/diagram.png?v=2#top')).toMatchObject({ kind: 'local', file: path.join(fixture, 'img/diagram.png') });
	});

	test('leaves remote URLs alone', () => {
		expect(resolve('https://example.com/a.png')).toEqual({ kind: 'remote', url: 'https://example.com/a.png' });
		expect(resolve('//cdn.example.com/a.png')).toEqual({ kind: 'remote', url: '//cdn.example.com/a.png' });
		expect(resolve('data:image/png;base64,iVBORw0KGgo=')).toMatchObject({ kind: 'remote' });
	});

	test('reports missing files', () => {
		expect(resolve('img/does-not-exist.png')).toEqual({ kind: 'missing', file: path.join(fixture, 'img/does-not-exist.png') });
		expect(resolve('img/diagram.PNG')).toMatchObject({ kind: 'missing' });
	});

	test('refuses paths that leave the notes folder, and file: URLs', () => {
		expect(resolve('../../../etc/passwd')).toMatchObject({ kind: 'outside' });
		expect(resolve('../figure-cases/../bad-input/good.md')).toMatchObject({ kind: 'outside' });
		expect(resolve('%2E%2E/%2E%2E/etc/passwd')).toMatchObject({ kind: 'outside' });
		expect(resolve('file:///etc/passwd')).toMatchObject({ kind: 'outside' });
	});

	test('reports files that are not images', () => {
		expect(resolve('img/not-an-image.png')).toMatchObject({ kind: 'bad', reason: 'text, not an image' });
		expect(resolve('img/truncated.png')).toMatchObject({ kind: 'bad', reason: expect.stringMatching(/truncated PNG/) });
		expect(resolve('figures.md')).toMatchObject({ kind: 'bad', reason: expect.stringMatching(/a \.md file/) });
		expect(resolve('img')).toMatchObject({ kind: 'bad' });
	});

	describe('in a scratch folder', () => {
		let root: string;
		beforeAll(() => {
			root = mkdtempSync(path.join(tmpdir(), 'notes-images-'));
			mkdirSync(path.join(root, 'notes/img'), { recursive: true });
			writeFileSync(path.join(root, 'secret.png'), bytes('diagram.png'));
			symlinkSync(path.join(root, 'secret.png'), path.join(root, 'notes/img/link.png'));
			writeFileSync(path.join(root, 'notes/img/what?.png'), bytes('diagram.png'));
			mkdirSync(path.join(root, 'notes/Q&A #1'));
			writeFileSync(path.join(root, 'notes/Q&A #1/chart.png'), bytes('diagram.png'));
		});

		test('refuses a symbolic link that leads out of the notes folder', () => {
			const notes = path.join(root, 'notes');
			expect(resolveNoteAsset('img/link.png', path.join(notes, 'a.md'), notes)).toMatchObject({ kind: 'outside' });
		});

		test('refuses an image the build cannot import by its path: a `?` or `#` in its name or a folder\'s', () => {
			const notes = path.join(root, 'notes');
			const refused = { kind: 'bad', reason: expect.stringMatching(/^named with `\?` or `#`/) };
			expect(resolveNoteImage('img/what%3F.png', path.join(notes, 'a.md'), notes)).toMatchObject({ ...refused, file: path.join(notes, 'img/what?.png') });
			expect(resolveNoteImage('Q%26A%20%231/chart.png', path.join(notes, 'a.md'), notes)).toMatchObject({ ...refused, file: path.join(notes, 'Q&A #1/chart.png') });
		});
	});
});

describe('noteImageUrl', () => {
	test('is relative to the note and URL-encoded, the form Astro imports', () => {
		expect(noteImageUrl(path.join(fixture, 'img/my slide.png'), note)).toBe('./img/my%20slide.png');
		expect(noteImageUrl(path.join(fixture, 'img/schéma-réseau.png'), note)).toBe('./img/sch%C3%A9ma-r%C3%A9seau.png');
		expect(noteImageUrl(path.join(fixture, 'shared-img/shared.png'), path.join(fixture, 'topic/first.md'))).toBe(
			'../shared-img/shared.png',
		);
		expect(decodeURI(noteImageUrl(path.join(fixture, 'img/100% done.png'), note))).toBe('./img/100% done.png');
	});

	test('escapes `#` and `?`, which a URL would read as its fragment and query: the URL names the file', () => {
		expect(noteImageUrl(path.join(fixture, 'Q&A #1/why?.png'), note)).toBe('./Q&A%20%231/why%3F.png');
	});
});
