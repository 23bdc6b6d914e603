import { cpSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test, vi } from 'vitest';
import { noteRecord, NotesCatalogue, pageNote } from '../../src/notes/catalogue.ts';
import { noteFileOf } from '../../src/notes/files.ts';
import { fixturePath, folderWith, projectRoot } from '../support/build.ts';

const catalogueOf = (notesRoot: string) => new NotesCatalogue({ notesRoot, projectRoot, lang: 'en', base: '/' });

describe('the catalogue of a notes folder with bad input', () => {
	const catalogue = catalogueOf(fixturePath('bad-input')).build();
	const problem = (file: string) => catalogue.problems.find((p) => p.file.endsWith(`bad-input/${file}`));

	test('keeps the notes that can be built, those with front matter it cannot read too', () => {
		expect(catalogue.notes.map((note) => note.relativePath)).toEqual(['bad-frontmatter.md', 'Dup Note.md', 'good.md', 'wrong-type.md']);
	});

	test('leaves out, and reports with file and line, each note that cannot be built', () => {
		expect([...catalogue.excluded].sort()).toEqual(['broken.mdx', 'dup-note.md', 'empty.md', 'latin1.md'].sort());
		expect(problem('empty.md')).toMatchObject({ kind: 'empty-note', message: expect.stringContaining('no content') });
		expect(problem('latin1.md')).toMatchObject({ kind: 'bad-encoding', line: 1 });
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

describe('a note whose front matter cannot be read', () => {
	const catalogue = catalogueOf(fixturePath('bad-input')).build();
	const noteAt = (file: string) => catalogue.notes.find((note) => note.relativePath === file)!;
	const problem = (file: string) => catalogue.problems.find((p) => p.file.endsWith(`bad-input/${file}`));

	test('is built from its body, and the front matter is reported at its line', () => {
		expect(noteAt('bad-frontmatter.md')).toMatchObject({ title: 'Bad frontmatter', frontmatter: {} });
		expect(problem('bad-frontmatter.md')).toMatchObject({ kind: 'bad-frontmatter', line: 2, message: expect.stringContaining('the rest of the note is on the site') });
	});

	test('keeps the keys it can read, and leaves out a key of the wrong type', () => {
		expect(noteAt('wrong-type.md').frontmatter.title).toBeUndefined();
		expect(problem('wrong-type.md')).toMatchObject({ kind: 'bad-frontmatter', line: 2, message: expect.stringContaining('title') });
		const folder = mkdtempSync(path.join(tmpdir(), 'frontmatter-'));
		writeFileSync(path.join(folder, 'kepano.md'), '---\ntags: [clippings]\naliases:\n- @kepano\n- Steph\ntitle: Kept title\norder: [oops\n---\n\nThe body.\n');
		const read = catalogueOf(folder).build();
		rmSync(folder, { recursive: true });
		// `- @kepano` is not YAML (`@` is reserved), but Obsidian reads it as the text.
		expect(read.notes[0]).toMatchObject({ title: 'Kept title', tags: ['clippings'], frontmatter: { aliases: ['@kepano', 'Steph'], title: 'Kept title' } });
		expect(read.problems).toEqual([expect.objectContaining({ kind: 'bad-frontmatter', line: 7, message: expect.stringContaining('that key was left out') })]);
	});
});

describe('a .md note whose reading throws (Markdown has no syntax errors: a fault of this program)', () => {
	test('is left out and reported with its file; every other note is read', async () => {
		vi.resetModules();
		vi.doMock('../../src/notes/note-tree.ts', async (importOriginal) => {
			const original = await importOriginal<typeof import('../../src/notes/note-tree.ts')>();
			const readNoteContents: typeof original.readNoteContents = (source, ...rest) => {
				if (source.includes('deep-nesting')) throw new RangeError('Maximum call stack size exceeded');
				return original.readNoteContents(source, ...rest);
			};
			return { ...original, readNoteContents };
		});
		const folder = mkdtempSync(path.join(tmpdir(), 'notes-read-throws-'));
		try {
			writeFileSync(path.join(folder, 'ok.md'), '# Fine\n\nText.\n');
			writeFileSync(path.join(folder, 'trips.md'), '# Trips\n\ndeep-nesting\n');
			const { NotesCatalogue: Catalogue } = await import('../../src/notes/catalogue.ts');
			const catalogue = new Catalogue({ notesRoot: folder, projectRoot, lang: 'en', base: '/' }).build();
			expect(catalogue.notes.map((note) => note.relativePath)).toEqual(['ok.md']);
			expect(catalogue.excluded).toEqual(['trips.md']);
			expect(catalogue.problems).toEqual([
				expect.objectContaining({
					kind: 'render-error',
					file: path.join(folder, 'trips.md'),
					message: 'the note could not be rendered (RangeError: Maximum call stack size exceeded); it was left out of the site',
				}),
			]);
		} finally {
			vi.doUnmock('../../src/notes/note-tree.ts');
			vi.resetModules();
			rmSync(folder, { recursive: true, force: true });
		}
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
		expect(Object.keys(pageNote(peering, catalogue)).sort()).toEqual(['aliases', 'backlinks', 'cards', 'description', 'frameOrigins', 'group', 'hasMath', 'hasTabs', 'headings', 'linksToNotes', 'properties', 'relativePath', 'slug', 'tags', 'title', 'topics', 'updated']);
	});
});

describe('the title a note gives itself (the home note\'s names the site when no setting does)', () => {
	const ownTitle = (source: string, options: { vault?: boolean } = {}) => {
		const record = noteRecord('README.md', noteFileOf(Buffer.from(source)), { notesRoot: projectRoot, projectRoot, lang: 'en', base: '/', vault: options.vault ?? false, logseq: false });
		return record.ok ? record.note.ownTitle : 'left out';
	};

	test('front matter title, else its first heading when that is a # heading', () => {
		expect(ownTitle('---\ntitle: From front matter\n---\n# A heading\n')).toBe('From front matter');
		expect(ownTitle('# Networking for the exam\n\nSome text.\n')).toBe('Networking for the exam');
		// In a vault a heading that is not the file's name stays on the page, and still names the notes.
		expect(ownTitle('# My vault\n\nSome text.\n', { vault: true })).toBe('My vault');
	});

	test('none when only the file name names it', () => {
		expect(ownTitle('Some text, no heading.\n')).toBeUndefined();
		expect(ownTitle('## Overview\n\nSome text.\n')).toBeUndefined();
	});
});

describe("the site's language", () => {
	const chinese = folderWith({ '中.md': '# 中\n\n中文笔记：条件概率。\n', '啊.md': '# 啊\n\n中文笔记：贝叶斯公式。\n' });
	const catalogueIn = (lang: string) => new NotesCatalogue({ notesRoot: chinese, projectRoot, lang, base: '/' }).build();

	test('"detect" reads it off the notes, and titles sort as that language sorts them (啊 ā before 中 zhōng)', () => {
		const catalogue = catalogueIn('detect');
		expect(catalogue.lang).toBe('zh');
		expect(catalogue.notes.map((note) => note.title)).toEqual(['啊', '中']);
	});

	test('an explicit setting wins', () => {
		const catalogue = catalogueIn('en');
		expect(catalogue.lang).toBe('en');
		expect(catalogue.notes.map((note) => note.title)).toEqual(['中', '啊']);
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
