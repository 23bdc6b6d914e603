import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkNotes } from '../../src/notes/check.ts';
import { readNoteContents } from '../../src/notes/note-tree.ts';
import { formatReport } from '../../src/notes/problems.ts';
import { fixturePath, projectRoot } from '../support/build.ts';

const notesRoot = fixturePath('figure-cases');
/** A catalogue of one note of the figure fixture, with this source. */
const catalogueOf = (relativePath: string, source: string) => ({
	notesRoot,
	notes: [{ file: path.join(notesRoot, relativePath), ...readNoteContents(source, 'md', { liftTitle: true }) }],
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
	const problems = checkNotes(catalogueOf('check.md', source), projectRoot);

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

	test('an image at a path on the author\'s computer is reported as such, with how to fix it', () => {
		const local = checkNotes(catalogueOf('local.md', '![a](/Users/dale/Desktop/shot.png)\n\n![b](C:\\Users\\dale\\shot.png)\n\n![c](file:///home/dale/shot.png)\n'), projectRoot);
		expect(local.map(({ kind, line, message }) => `${kind} ${line} ${message}`)).toEqual([
			'missing-image 1 /Users/dale/Desktop/shot.png',
			'image-outside 3 C:\\Users\\dale\\shot.png',
			'image-outside 5 file:///home/dale/shot.png',
		]);
		for (const problem of local) expect(problem.hint).toMatch(/^A path on the computer the note was written on: no reader of the site can see it\. Copy the image/);
	});

	test('a note whose images all resolve has no problems', () => {
		expect(checkNotes(catalogueOf('fine.md', '![a](img/photo.jpg)\n\n![b](https://example.com/b.png)\n'), projectRoot)).toEqual([]);
	});

	test('reports invalid TeX at its line, and no prose dollars', () => {
		const source = 'Costs $5 or $10.\n\nFine: $x^2$.\n\nBroken: $\\frac{a$ here.\n\n$$\n\\begin{matrix}\n$$\n';
		const found = checkNotes(catalogueOf('math.md', source), projectRoot);
		expect(found.map(({ kind, line }) => `${kind}:${line}`)).toEqual(['invalid-math:5', 'invalid-math:7']);
		expect(found[0].message).toMatch(/^invalid TeX: .*expected '\}'/);
		expect(found[0].hint).toContain('\\frac{a');
	});
});

describe('unknown icon shortcodes', () => {
	test('each is reported once per note, where it first stands, with how often the note writes it', () => {
		const source = '# Icons\n\n:material-no-such-icon: and :material-microsoft:\n\nAgain :material-no-such-icon:, and :octicons-nope-16:.\n';
		const problems = checkNotes(catalogueOf('icons.md', source), projectRoot);
		expect(problems.map((problem) => `${problem.kind} ${problem.line}:${problem.column}  ${problem.message}`)).toEqual([
			'unknown-icon-shortcode 3:1  unknown icon shortcode :material-no-such-icon:, 2 times in the note (Material Design Icons has no icon "no-such-icon"), shown as written',
			'unknown-icon-shortcode 5:36  unknown icon shortcode :octicons-nope-16: (Octicons has no icon "nope-16"), shown as written',
		]);
		expect(problems[1].hint).toBe('Find the icon\'s name at https://icon-sets.iconify.design/octicon/ (the set Material for MkDocs draws octicons- icons from).');
		expect(formatReport(problems)).toMatch(/^2 problems in the notes \(2 unknown icon shortcodes\):/);
	});
});

describe('code in notes, never run', () => {
	test('dataviewjs blocks, $= queries and Templater commands are each reported where they stand; DQL queries are not', () => {
		const source = [
			'# Code', // 1
			'', // 2
			'```dataviewjs', // 3
			'dv.list(dv.pages("#book").file.name)', // 4
			'```', // 5
			'', // 6
			'Pages: `$= dv.pages().length` and `= this.file.name`.', // 7
			'', // 8
			'Made <% tp.file.creation_date() %>.', // 9
			'', // 10
			'```dataview', // 11
			'LIST FROM #book', // 12
			'```', // 13
			'', // 14
			'`<% not a command in code %>`', // 15
		].join('\n');
		const found = checkNotes(catalogueOf('code.md', source), projectRoot);
		expect(found.map(({ kind, line, message }) => `${kind}:${line} ${message}`)).toEqual([
			'code-not-run:3 a `dataviewjs` block is not run (dv.list(dv.pages("#book").file.name)): notes are not code, and the site runs none of theirs',
			'code-not-run:7 an inline `$=` query is not run (dv.pages().length): notes are not code, and the site runs none of theirs',
			'code-not-run:9 a Templater command is not run (<% tp.file.creation_date() %>): notes are not code, and the site runs none of theirs',
		]);
		expect(formatReport(found)).toMatch(/^3 problems in the notes \(3 pieces of code not run\):/);
	});
});
