import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { noteSlug, readFrontmatter, scanNotes } from '../../src/notes/files.ts';
import { fixturePath, projectRoot } from '../support/build.ts';

describe('noteSlug', () => {
	test('slugs every folder and the file name, without the extension', () => {
		expect(noteSlug('advanced-vpc-networking.md')).toBe('advanced-vpc-networking');
		expect(noteSlug('AWS/My Note.mdx')).toBe('aws/my-note');
		expect(noteSlug('Réseaux/Über.md')).toBe('réseaux/über');
	});
});

describe('readFrontmatter', () => {
	test('returns the data and where the body starts', () => {
		expect(readFrontmatter('---\ntitle: A\n---\n\nBody')).toEqual({ data: { title: 'A' }, body: '\nBody', bodyLine: 4 });
		expect(readFrontmatter('No front matter')).toEqual({ data: {}, body: 'No front matter', bodyLine: 1 });
	});

	test('reports invalid YAML with its line in the file', () => {
		expect(readFrontmatter('---\ntitle: ok\nbad: [unclosed\n---\n')).toMatchObject({ line: expect.any(Number) });
		expect(readFrontmatter('---\n- a list\n---\n')).toMatchObject({ error: expect.stringContaining('mapping') });
	});
});

describe('scanNotes on bad input', () => {
	const scan = scanNotes(fixturePath('bad-input'), projectRoot);
	const problem = (file: string) => scan.problems.find((p) => p.file.endsWith(`bad-input/${file}`));

	test('keeps the notes that can be built', () => {
		expect(scan.notes.map((note) => note.relativePath)).toEqual(['Dup Note.md', 'good.md']);
	});

	test('leaves out, and reports with file and line, each note that cannot be built', () => {
		expect(scan.excluded.sort()).toEqual(
			['bad-frontmatter.md', 'broken.mdx', 'dup-note.md', 'empty.md', 'latin1.md', 'wrong-type.md'].sort(),
		);
		expect(problem('empty.md')).toMatchObject({ kind: 'empty-note', message: expect.stringContaining('no content') });
		expect(problem('latin1.md')).toMatchObject({ kind: 'bad-encoding', line: 1 });
		expect(problem('bad-frontmatter.md')).toMatchObject({ kind: 'bad-frontmatter', line: 2 });
		expect(problem('wrong-type.md')).toMatchObject({
			kind: 'bad-frontmatter',
			message: expect.stringContaining('title'),
		});
		expect(problem('broken.mdx')).toMatchObject({ kind: 'mdx-syntax', line: 3, column: 22 });
		expect(problem('dup-note.md')).toMatchObject({
			kind: 'duplicate-url',
			message: expect.stringContaining('/dup-note/, which Dup Note.md already has'),
		});
	});

	test('names files relative to the project root', () => {
		for (const each of scan.problems) expect(path.isAbsolute(each.file)).toBe(false);
		expect(problem('empty.md')?.file).toBe('tests/fixtures/bad-input/empty.md');
	});
});
