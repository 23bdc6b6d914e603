import { describe, expect, test } from 'vitest';
import path from 'node:path';
import { emptyNotesFolderLine, listNotesFolder, notesFolderProblem, noteSlug, readFrontmatter } from '../../src/notes/files.ts';
import { fixturePath, folderWith } from '../support/build.ts';

describe('noteSlug', () => {
	test('slugs every folder and the file name, without the extension', () => {
		expect(noteSlug('advanced-vpc-networking.md')).toBe('advanced-vpc-networking');
		expect(noteSlug('AWS/My Note.mdx')).toBe('aws/my-note');
		expect(noteSlug('Réseaux/Über.md')).toBe('réseaux/über');
	});

	test('gives a name macOS wrote decomposed the URL of the name as typed (composed)', () => {
		expect(noteSlug('Re\u0301seaux/re\u0301sume\u0301.md')).toBe('réseaux/résumé');
		expect(noteSlug('Re\u0301seaux/re\u0301sume\u0301.md')).toBe(noteSlug('Réseaux/résumé.md'));
	});

	test('a folder\'s README.md or index.md is the folder\'s page; at the top, the home page', () => {
		expect(noteSlug('02-security/README.md')).toBe('02-security');
		expect(noteSlug('docs/cs/index.mdx')).toBe('docs/cs');
		expect(noteSlug('readme.md')).toBe('');
		expect(noteSlug('index.md')).toBe('');
	});
});

describe('readFrontmatter', () => {
	test('returns the data and where the body starts', () => {
		expect(readFrontmatter('---\ntitle: A\n---\n\nBody')).toEqual({ data: { title: 'A' }, body: '\nBody', bodyLine: 4, problems: [] });
		expect(readFrontmatter('No front matter')).toEqual({ data: {}, body: 'No front matter', bodyLine: 1, problems: [] });
	});

	test('reads what it can of invalid YAML, key by key, and reports the rest at its line in the file', () => {
		expect(readFrontmatter('---\ntitle: ok\nbad: [unclosed\nlist:\n  - a\n---\n')).toMatchObject({
			data: { title: 'ok', list: ['a'] },
			problems: [{ line: 3, message: expect.stringContaining('not valid YAML') }],
		});
		expect(readFrontmatter('---\n- a list\n---\n')).toMatchObject({ data: {}, problems: [{ line: 2, message: expect.stringContaining('mapping') }] });
	});

	test('reads a value that starts with a YAML sign as its text, as Obsidian does', () => {
		expect(readFrontmatter('---\naliases:\n- @kepano\nsource: `cli`\n---\n')).toMatchObject({ data: { aliases: ['@kepano'], source: '`cli`' }, problems: [] });
	});
});

describe('readFrontmatter, against an alias bomb', () => {
	test('front matter whose YAML aliases expand past 10,000 values is an error, found without expanding it', () => {
		const levels = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
		for (let level = 1; level < 9; level++) levels.push(`${String.fromCharCode(97 + level)}: &${String.fromCharCode(97 + level)} [${Array(9).fill(`*${String.fromCharCode(96 + level)}`).join(',')}]`);
		const result = readFrontmatter(`---\n${levels.join('\n')}\n---\nbody\n`);
		expect(result).toMatchObject({ data: {}, problems: [{ message: expect.stringMatching(/expands to more than 10,000 values/), line: 2 }] });
		expect(readFrontmatter('---\nbase: &b [1, 2]\nagain: *b\n---\nbody\n')).toMatchObject({ data: { again: [1, 2] } });
	});
});

describe('listNotesFolder', () => {
	test('lists notes and every other file in one walk, sorted within each folder, without dot files', () => {
		const listing = listNotesFolder(fixturePath('deploy-site'));
		expect(listing.notes).toEqual(['aws/explicit-tabs.mdx', 'aws/networking/peering.md', 'welcome.md']);
		expect(listing.assets.map((asset) => asset.relativePath)).toEqual(['img/diagram.png']);
		expect(listing.assets[0].size).toBeGreaterThan(0);
	});

	test('leaves out the settings at the top (site.yml), never a note or a file to publish; one in a subfolder is a file like any other', () => {
		const listing = listNotesFolder(folderWith({ 'site.yml': 'title: Mine\n', 'a.md': '# A\n', 'data/site.yml': 'x: 1\n' }));
		expect(listing.notes).toEqual(['a.md']);
		expect(listing.assets.map((asset) => asset.relativePath)).toEqual(['data/site.yml']);
	});
});

describe('the notes folder, missing or empty: one line naming it, absolute and as given', () => {
	test('a folder that does not exist, or is a file', () => {
		const parent = folderWith({ 'note.md': '# A note\n' });
		expect(notesFolderProblem(path.join(parent, 'contnet'), 'NOTES_DIR=contnet', true)).toBe(
			`0 notes found: the notes folder ${parent}/contnet (NOTES_DIR=contnet) does not exist.`,
		);
		expect(notesFolderProblem(path.join(parent, 'note.md/deeper'), 'NOTES_DIR=note.md/deeper', true)).toMatch(/does not exist\.$/);
		expect(notesFolderProblem(path.join(parent, 'note.md'), 'notesDir: "note.md"', true)).toBe(
			`0 notes found: the notes folder ${parent}/note.md (notesDir: "note.md") is a file, not a folder.`,
		);
		expect(notesFolderProblem(parent, 'content, the default', false)).toBeUndefined();
	});

	test('the default folder missing (git keeps no empty folder) is no notes, not a failure', () => {
		const parent = folderWith({ 'note.md': '# A note\n' });
		expect(notesFolderProblem(path.join(parent, 'content'), 'content, the default', false)).toBeUndefined();
		expect(listNotesFolder(path.join(parent, 'content'))).toEqual({ notes: [], assets: [], refused: [] });
		expect(emptyNotesFolderLine(path.join(parent, 'content'), 'content, the default')).toBe(
			`0 notes found: the notes folder ${parent}/content (content, the default) does not exist: make it and add Markdown notes (.md, .mdx) to it.`,
		);
		// A file where the default folder should be is still a problem.
		expect(notesFolderProblem(path.join(parent, 'note.md'), 'content, the default', false)).toMatch(/is a file, not a folder\.$/);
	});

	test('a folder with no notes', () => {
		const empty = folderWith({});
		expect(emptyNotesFolderLine(empty, `NOTES_DIR=${empty}`)).toBe(`0 notes found in the notes folder ${empty} (NOTES_DIR=${empty}): add Markdown notes (.md, .mdx) to it.`);
	});
});
