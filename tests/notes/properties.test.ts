import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { load as loadYaml } from 'js-yaml';
import { NotesCatalogue, pageNote } from '../../src/notes/catalogue.ts';
import { noteFileOf } from '../../src/notes/files.ts';
import { noteProperties } from '../../src/notes/properties.ts';
import { folderWith, projectRoot } from '../support/build.ts';

const propertiesOf = (yaml: string) => noteProperties(loadYaml(yaml) as Record<string, unknown>);

describe('noteProperties', () => {
	test('strings, numbers, yes/no and dates, in the order written; lists item by item', () => {
		expect(propertiesOf('status: reading\nyear: 2011\nrating: 4.5\nowned: true\nlent: false\nstarted: 2024-03-01\ngenres: [psychology, economics]\n')).toEqual([
			{ key: 'status', values: [[{ kind: 'text', text: 'reading' }]] },
			{ key: 'year', values: [[{ kind: 'number', text: '2011' }]] },
			{ key: 'rating', values: [[{ kind: 'number', text: '4.5' }]] },
			{ key: 'owned', values: [[{ kind: 'boolean', value: true }]] },
			{ key: 'lent', values: [[{ kind: 'boolean', value: false }]] },
			{ key: 'started', values: [[{ kind: 'date', text: '2024-03-01' }]] },
			{ key: 'genres', values: [[{ kind: 'text', text: 'psychology' }], [{ kind: 'text', text: 'economics' }]] },
		]);
	});

	test('[[links]] in values, quoted or not (unquoted, YAML reads a list in a list), among text', () => {
		expect(propertiesOf('author: [[Daniel Kahneman]]\nseries: "[[Books#Psychology|psychology books]]"\nsee: Read [[A]] first\nmore:\n  - [[B]]\n')).toEqual([
			{ key: 'author', values: [[{ kind: 'link', text: 'Daniel Kahneman', link: { target: 'Daniel Kahneman' }, written: '[[Daniel Kahneman]]' }]] },
			{ key: 'series', values: [[{ kind: 'link', text: 'psychology books', link: { target: 'Books', heading: 'Psychology' }, written: '[[Books#Psychology|psychology books]]' }]] },
			{ key: 'see', values: [[{ kind: 'text', text: 'Read ' }, { kind: 'link', text: 'A', link: { target: 'A' }, written: '[[A]]' }, { kind: 'text', text: ' first' }]] },
			{ key: 'more', values: [[{ kind: 'link', text: 'B', link: { target: 'B' }, written: '[[B]]' }]] },
		]);
	});

	test('leaves out keys the page shows otherwise or that tell tools what to do, and empty values', () => {
		const yaml = 'title: T\ndescription: D\norder: 1\ntags: [a]\naliases: [b]\ncssclasses: wide\npublish: true\nDraft: false\npermalink: x\nrating:\nnotes: ""\nempty: []\nkept: yes\n';
		expect(propertiesOf(yaml).map((property) => property.key)).toEqual(['kept']);
	});

	test('the setting: false shows none; a list shows those keys (in any case), in the order written, never the site\'s own', () => {
		const frontmatter = loadYaml('title: T\nyear: 2011\nAuthor: Kahneman\nstatus: reading\n') as Record<string, unknown>;
		expect(noteProperties(frontmatter, false)).toEqual([]);
		expect(noteProperties(frontmatter, ['status', 'author', 'title']).map((property) => property.key)).toEqual(['Author', 'status']);
	});

	test('a mapping is one line of text', () => {
		expect(propertiesOf('source:\n  publisher: FSG\n  pages: 499\n')).toEqual([{ key: 'source', values: [[{ kind: 'text', text: 'publisher: FSG; pages: 499' }]] }]);
	});
});

describe('a note of front matter alone', () => {
	test('is a note when it has properties; with none to show it is still empty, and left out', () => {
		expect(noteFileOf(Buffer.from('---\nauthor: Daniel Kahneman\n---\n'))).toMatchObject({ ok: true });
		expect(noteFileOf(Buffer.from('---\ntitle: Only a title\ntags: [book]\n---\n\n'))).toMatchObject({ ok: false, problem: { kind: 'empty-note' } });
	});

	const folder = folderWith({
		'Books/Thinking, Fast and Slow.md': '---\ntags: [book]\nauthor: "[[Daniel Kahneman]]"\nrelated:\n  - [[Nudge]]\nyear: 2011\n---\n',
		'People/Daniel Kahneman.md': '# Daniel Kahneman\n\nA psychologist.\n',
		'Notes.md': '---\nauthor: "[[Nobody]]"\nyear: 2011\n---\n\nA note with text shows its properties too.\n',
	});
	const catalogue = new NotesCatalogue({ notesRoot: folder, projectRoot, lang: 'en', base: '/' }).build();
	const book = catalogue.notes.find((note) => note.slug === 'books/thinking-fast-and-slow')!;

	test('is a page of its properties, its links resolved to notes, or marked broken', () => {
		expect(pageNote(book, catalogue).properties).toEqual([
			{ key: 'author', values: [[{ kind: 'link', text: 'Daniel Kahneman', href: '/people/daniel-kahneman/' }]] },
			{ key: 'related', values: [[{ kind: 'broken-link', text: 'Nudge', written: '[[Nudge]]', problem: 'broken-link' }]] },
			{ key: 'year', values: [[{ kind: 'number', text: '2011' }]] },
		]);
		expect(pageNote(catalogue.notes.find((note) => note.slug === 'notes')!, catalogue).properties).toEqual([
			{ key: 'author', values: [[{ kind: 'broken-link', text: 'Nobody', written: '[[Nobody]]', problem: 'broken-link' }]] },
			{ key: 'year', values: [[{ kind: 'number', text: '2011' }]] },
		]);
	});

	test('its links are links of the note: a backlink on the note it names, a broken one reported at its line', () => {
		expect(catalogue.links.backlinks.get('people/daniel-kahneman')).toEqual([
			{ slug: 'books/thinking-fast-and-slow', title: 'Thinking, Fast and Slow', context: 'author: "Daniel Kahneman"', embed: false },
		]);
		const broken = catalogue.links.problems.filter((problem) => problem.kind === 'broken-link');
		expect(broken.map(({ file, line, column, message }) => ({ file: file.split('/').slice(-2).join('/'), line, column, message }))).toEqual([
			{ file: `${path.basename(folder)}/Notes.md`, line: 2, column: 10, message: '[[Nobody]]' },
			{ file: 'Books/Thinking, Fast and Slow.md', line: 5, column: 5, message: '[[Nudge]]' },
		]);
	});

	test('with the setting false, no properties, and their links are not the note\'s links', () => {
		const hidden = new NotesCatalogue({ notesRoot: folder, projectRoot, lang: 'en', base: '/', properties: false }).build();
		expect(hidden.notes.flatMap((note) => note.properties)).toEqual([]);
		expect(hidden.links.problems.filter((problem) => problem.kind === 'broken-link')).toEqual([]);
		expect(hidden.links.backlinks.get('people/daniel-kahneman')).toBeUndefined();
	});
});
