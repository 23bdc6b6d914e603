import { describe, expect, test } from 'vitest';
import { MAY_HAVE_IMAGES, plainHtmlImage } from '../../src/notes/image-syntax.ts';
import { readNoteContents } from '../../src/notes/note-tree.ts';
import type { NoteFormat } from '../../src/plugins/satteri.ts';

/** Every way a note can show an image, in the places it can stand. */
const IMAGES: [string, NoteFormat, string][] = [
	['inline', 'md', 'Text ![alt](img/x.png) more.'],
	['alone', 'md', '![alt](<img/My Shot.png> "Title")'],
	['reference', 'md', '![alt][ref]\n\n[ref]: img/x.png'],
	['collapsed reference', 'md', '![ref][]\n\n[ref]: img/x.png'],
	['in a link', 'md', '[![alt](img/x.png)](https://example.com)'],
	['in a heading', 'md', '## A ![alt](img/x.png) heading'],
	['in a list item', 'md', '1. ![alt](img/x.png)'],
	['in a quote', 'md', '> ![alt](img/x.png)'],
	['in a table', 'md', '| a |\n| - |\n| ![alt](img/x.png) |'],
	['raw HTML', 'md', '<img src="img/x.png" alt="x">'],
	['raw HTML, upper case', 'md', '<IMG SRC="img/x.png">'],
	['raw HTML in a block', 'md', '<div>\n  <p><img src="img/x.png"></p>\n</div>'],
	['MDX <Figure>', 'mdx', '<Figure src="img/x.png" alt="x" />'],
	['MDX <img>', 'mdx', 'Inline <img src="img/x.png" alt="x" /> image.'],
	['MDX Markdown image', 'mdx', '![alt](img/x.png)'],
];

describe('MAY_HAVE_IMAGES, the image plugins\' look before they walk a note', () => {
	test.each(IMAGES)('is never wrong about a note with an image: %s', (_, format, source) => {
		expect(readNoteContents(source, format, { liftTitle: true }).images.length).toBeGreaterThan(0);
		expect(MAY_HAVE_IMAGES.test(source)).toBe(true);
	});

	test('lets a note without one through unread', () => {
		expect(MAY_HAVE_IMAGES.test('## 1. Topic\n\n- [a link](x.md) and `code`\n')).toBe(false);
	});
});

describe('plainHtmlImage', () => {
	test('an <img> alone with plain attributes, nothing else', () => {
		expect(plainHtmlImage('<img src="a.png" alt="A" width="10">')).toEqual({ src: 'a.png', alt: 'A', width: 10 });
		expect(plainHtmlImage('<img src="a.png" class="x">')).toBeUndefined();
		expect(plainHtmlImage('<p><img src="a.png"></p>')).toBeUndefined();
	});
});
