import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkNotes, imageReferences } from '../../src/notes/check.ts';
import { noteSlug, type NoteFile } from '../../src/notes/files.ts';
import { formatReport } from '../../src/notes/problems.ts';
import { fixturePath, projectRoot } from '../support/build.ts';

const notesRoot = fixturePath('figure-cases');
const noteFile = (relativePath: string, source: string): NoteFile => ({
	file: path.join(notesRoot, relativePath),
	relativePath,
	slug: noteSlug(relativePath),
	source,
});

describe('imageReferences', () => {
	test('finds Markdown, reference-style and raw HTML images with their lines', () => {
		const note = noteFile(
			'a.md',
			[
				'# A', // 1
				'', // 2
				'![one](img/a.png)', // 3
				'', // 4
				'Text ![two][ref] more', // 5
				'', // 6
				'<div>', // 7
				'  <img src="img/b.png">', // 8
				'  <p>x</p><IMG alt="c" SRC=\'img/c.png\'>', // 9
				'</div>', // 10
				'', // 11
				'[ref]: img/d.png', // 12
				'', // 13
				'```html', // 14
				'<img src="in-code.png">', // 15
				'```', // 16
			].join('\n'),
		);
		expect(imageReferences(note).map(({ url, line }) => `${line} ${url}`)).toEqual([
			'3 img/a.png',
			'5 img/d.png',
			'8 img/b.png',
			'9 img/c.png',
		]);
	});

	test('finds <Figure> and <img> with a literal src in MDX, and flags what cannot be resolved', () => {
		const note = noteFile(
			'b.mdx',
			[
				"import chart from './img/chart.png';", // 1
				'', // 2
				'<Figure src="img/a.png" alt="A" caption="Cap" />', // 3
				'', // 4
				'<Figure src={chart} alt="imported: the component renders it" />', // 5
				'', // 6
				'Inline <img src="img/b.png" alt="B" /> image.', // 7
				'', // 8
				'<img src="img/c.png" style={{ width: 10 }} />', // 9
				'', // 10
				'<img src="https://example.com/x.png" className="wide" />', // 11
			].join('\n'),
		);
		expect(imageReferences(note)).toEqual([
			{ url: 'img/a.png', line: 3, column: 1 },
			{ url: 'img/b.png', line: 7, column: 8 },
			{ url: 'img/c.png', line: 9, column: 1, unsupported: expect.stringMatching(/^<img> with `style`/) },
		]);
	});
});

describe('checkNotes', () => {
	const source = [
		'![ok](img/diagram.png)', // 1
		'![gone](img/does-not-exist.png)', // 2
		'![up](../../../etc/passwd)', // 3
		'![text](img/not-an-image.png)', // 4
		'![half](img/truncated.png)', // 5
		'![case](img/upper.png)', // 6
		'![remote](https://example.com/x.png)', // 7
		'<img src="img/missing-raw.png">', // 8
	].join('\n\n');
	const lineOf = (n: number) => 2 * n - 1;
	const problems = checkNotes([noteFile('check.md', source)], notesRoot, projectRoot);

	test('reports every problem image, by kind, at its line, with the path as written', () => {
		expect(problems.map(({ kind, file, line, message }) => `${kind} ${file}:${line}  ${message}`)).toEqual([
			`missing-image tests/fixtures/figure-cases/check.md:${lineOf(2)}  img/does-not-exist.png`,
			`image-outside tests/fixtures/figure-cases/check.md:${lineOf(3)}  ../../../etc/passwd`,
			`bad-image tests/fixtures/figure-cases/check.md:${lineOf(4)}  img/not-an-image.png`,
			`bad-image tests/fixtures/figure-cases/check.md:${lineOf(5)}  img/truncated.png`,
			`missing-image tests/fixtures/figure-cases/check.md:${lineOf(6)}  img/upper.png`,
			`missing-image tests/fixtures/figure-cases/check.md:${lineOf(8)}  img/missing-raw.png`,
		]);
	});

	test('says what was expected and how to fix it', () => {
		expect(problems[0].hint).toBe('Image not found: expected a file at tests/fixtures/figure-cases/img/does-not-exist.png.');
		expect(problems[1].hint).toMatch(/^Refused: the path leaves the notes folder \(tests\/fixtures\/figure-cases\/\), so nothing was copied\./);
		expect(problems[2].hint).toBe(
			'Not an image the site can show: tests/fixtures/figure-cases/img/not-an-image.png is text, not an image. Replace the file.',
		);
		expect(problems[3].hint).toMatch(/is a truncated PNG: the file ends inside its \w+ chunk/);
		expect(problems[4].hint).toMatch(/A file with other letter case exists: UPPER\.PNG/);
	});

	test('the report lists each image as `file:line  path` and counts them', () => {
		const report = formatReport(problems);
		expect(report.split('\n')[0]).toBe(
			'6 problems in the notes (3 missing images, 1 image outside the notes folder, 2 unreadable images):',
		);
		expect(report).toContain(`\n  tests/fixtures/figure-cases/check.md:${lineOf(2)}  img/does-not-exist.png\n    Image not found:`);
		expect(report).toContain(`\n  tests/fixtures/figure-cases/check.md:${lineOf(8)}  img/missing-raw.png\n`);
		expect(formatReport(problems.slice(0, 1)).split('\n')[0]).toBe('1 problem in the notes (1 missing image):');
	});

	test('a note whose images all resolve has no problems', () => {
		expect(checkNotes([noteFile('fine.md', '![a](img/photo.jpg)\n\n![b](https://example.com/b.png)\n')], notesRoot, projectRoot)).toEqual([]);
	});
});
