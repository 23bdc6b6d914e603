import { cpSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { noteRecord, NotesCatalogue, pageNote } from '../../src/notes/catalogue.ts';
import { noteFileOf } from '../../src/notes/files.ts';
import { fixturePath, projectRoot } from '../support/build.ts';

const catalogueOf = (notesRoot: string) => new NotesCatalogue({ notesRoot, projectRoot, lang: 'en', base: '/' });

describe('the catalogue of a notes folder with bad input', () => {
	const catalogue = catalogueOf(fixturePath('bad-input')).build();
	const problem = (file: string) => catalogue.problems.find((p) => p.file.endsWith(`bad-input/${file}`));

	test('keeps the notes that can be built', () => {
		expect(catalogue.notes.map((note) => note.relativePath)).toEqual(['Dup Note.md', 'good.md']);
	});

	test('leaves out, and reports with file and line, each note that cannot be built', () => {
		expect([...catalogue.excluded].sort()).toEqual(
			['bad-frontmatter.md', 'broken.mdx', 'dup-note.md', 'empty.md', 'latin1.md', 'wrong-type.md'].sort(),
		);
		expect(problem('empty.md')).toMatchObject({ kind: 'empty-note', message: expect.stringContaining('no content') });
		expect(problem('latin1.md')).toMatchObject({ kind: 'bad-encoding', line: 1 });
		expect(problem('bad-frontmatter.md')).toMatchObject({ kind: 'bad-frontmatter', line: 2 });
		expect(problem('wrong-type.md')).toMatchObject({ kind: 'bad-frontmatter', message: expect.stringContaining('title') });
		expect(problem('broken.mdx')).toMatchObject({ kind: 'mdx-syntax', line: 3, column: 22 });
		expect(problem('dup-note.md')).toMatchObject({
			kind: 'duplicate-url',
			message: expect.stringContaining('/dup-note/, which Dup Note.md already has'),
		});
	});

	test('names files relative to the project root', () => {
		for (const each of catalogue.problems) expect(path.isAbsolute(each.file)).toBe(false);
		expect(problem('empty.md')?.file).toBe('tests/fixtures/bad-input/empty.md');
	});
});

describe('a catalogue note', () => {
	const catalogue = catalogueOf(fixturePath('deploy-site')).build();

	test('in reading order: top-level notes first, then by folder', () => {
		expect(catalogue.notes.map((note) => note.slug)).toEqual(['welcome', 'aws/explicit-tabs', 'aws/networking/peering']);
	});

	test('has its URL, folder, title and description, and what pages read of it has no path on disk', () => {
		const peering = catalogue.notes.find((note) => note.slug === 'aws/networking/peering')!;
		expect(peering).toMatchObject({ relativePath: 'aws/networking/peering.md', format: 'md', group: 'aws/networking', title: 'VPC Peering' });
		expect(Object.keys(pageNote(peering, catalogue.links)).sort()).toEqual(['backlinks', 'cards', 'description', 'group', 'hasMath', 'hasTabs', 'headings', 'slug', 'tags', 'title', 'topics']);
	});
});

describe('building the catalogue again', () => {
	test('reads again only the notes that changed, and sees notes added and removed', () => {
		const folder = mkdtempSync(path.join(tmpdir(), 'catalogue-'));
		cpSync(fixturePath('deploy-site'), folder, { recursive: true });
		const builder = catalogueOf(folder);
		const first = builder.build();
		const welcome = first.notes.find((note) => note.slug === 'welcome')!;

		writeFileSync(path.join(folder, 'welcome.md'), '# Hello again\n\n## 1. New topic\n');
		// A second edit within the file system's time resolution still changes the size.
		writeFileSync(path.join(folder, 'added.md'), '# Added\n\nText.\n');
		rmSync(path.join(folder, 'aws/explicit-tabs.mdx'));
		const second = builder.build();
		expect(second.notes.map((note) => note.slug)).toEqual(['added', 'welcome', 'aws/networking/peering']);
		expect(second.notes.find((note) => note.slug === 'welcome')).toMatchObject({ title: 'Hello again', topics: [{ id: 'new-topic' }] });
		expect(second.notes.find((note) => note.slug === 'welcome')).not.toBe(welcome);
		// The untouched note keeps its record: it was not parsed again.
		expect(second.notes.find((note) => note.slug === 'aws/networking/peering')).toBe(first.notes.find((note) => note.slug === 'aws/networking/peering'));

		// A changed modification time alone reads the note again.
		const peering = path.join(folder, 'aws/networking/peering.md');
		utimesSync(peering, new Date(), new Date(Date.now() + 5_000));
		expect(builder.build().notes.find((note) => note.slug === 'aws/networking/peering')).not.toBe(second.notes.find((note) => note.slug === 'aws/networking/peering'));
	});
});

describe('the catalogue of a Logseq graph', () => {
	const catalogue = catalogueOf(fixturePath('logseq-graph')).build();

	test('knows it is one, and indexes its blocks with ids over the whole graph', () => {
		expect(catalogue.logseq).toBe(true);
		expect(catalogue.resolver.blockRef('6559116E-0000-4000-8000-000000000001')).toMatchObject({ kind: 'note', note: { relativePath: 'pages/Linux.md' }, block: { text: 'Install notes' } });
		expect(catalogue.resolver.blockRef('6559116e-0000-4000-8000-00000000dead')).toMatchObject({ kind: 'broken', problem: 'broken-link' });
	});

	test("a page is titled by its title:: property, else its file name; its first heading stays in the page", () => {
		const options = { notesRoot: fixturePath('logseq-graph'), projectRoot, lang: 'en', base: '/', vault: false, logseq: true };
		const titled = noteRecord('pages/os.md', noteFileOf(Buffer.from('title:: Operating systems\n\n- # kernels\n')), options);
		const named = noteRecord('pages/os.md', noteFileOf(Buffer.from('# kernels\n\t- a\n')), options);
		expect(titled.ok && titled.note.title).toBe('Operating systems');
		expect(named.ok && [named.note.title, named.note.headings.map(({ text }) => text)]).toEqual(['os', ['kernels']]);
	});

	test('((uuid)) is a block reference in a Logseq graph only', () => {
		const source = noteFileOf(Buffer.from('- See ((6559116e-0000-4000-8000-000000000001))\n'));
		const options = { notesRoot: fixturePath('logseq-graph'), projectRoot, lang: 'en', base: '/', vault: false };
		const inGraph = noteRecord('pages/a.md', source, { ...options, logseq: true });
		const elsewhere = noteRecord('pages/a.md', source, { ...options, logseq: false });
		expect(inGraph.ok && inGraph.note.blockRefs.map(({ id, line, column }) => [id, line, column])).toEqual([['6559116e-0000-4000-8000-000000000001', 1, 7]]);
		expect(elsewhere.ok && elsewhere.note.blockRefs).toEqual([]);
	});
});
