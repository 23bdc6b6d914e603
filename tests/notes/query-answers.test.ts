import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { DataviewDate, DataviewLink } from '../../src/dataview/values.ts';
import { NotesCatalogue } from '../../src/notes/catalogue.ts';
import { dataviewIndex, normalizedKey } from '../../src/notes/query-answers.ts';
import { folderWith, projectRoot } from '../support/build.ts';

const catalogueOf = (notesRoot: string) => new NotesCatalogue({ notesRoot, projectRoot, lang: 'en', base: '/' }).build();
const git = (cwd: string, ...args: string[]) =>
	execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'init.defaultBranch=main', ...args], {
		cwd,
		env: { ...process.env, GIT_AUTHOR_DATE: '2024-01-31T10:00:00Z', GIT_COMMITTER_DATE: '2024-01-31T10:00:00Z' },
	});

describe("the notes as Dataview's pages", () => {
	const notesRoot = folderWith({
		'.obsidian/app.json': '{}',
		'Books/Dune.md': '---\nauthor: Frank Herbert\nyear: 1965\nread: 2024-03-01\nseries: "[[Dune Messiah]]"\ntags: [book/scifi]\n---\n# Dune\n\n**Due Date**:: 2024-04-01\nmood:: [[Calm]]\nmood:: rested\n\n- [ ] Reread ⏫ 📅 2024-05-01 #later\n    - [x] Buy it ✅ 2024-02-01\n',
		'Books/Dune Messiah.md': '# Dune Messiah\n\nAfter [[Dune]].\n',
		'Calm.md': '# Calm\n',
		'2024-06-21.md': '# A day\n',
	});
	const catalogue = catalogueOf(notesRoot);
	const index = dataviewIndex(catalogue.notes, catalogue.resolver, catalogue.links, catalogue.dates);
	const page = (relativePath: string) => index.page(new DataviewLink(relativePath))!;

	test('front matter and inline fields, typed as Dataview types them, under their names and normalised keys', () => {
		const dune = page('Books/Dune.md');
		expect(dune.author).toBe('Frank Herbert');
		expect(dune.year).toBe(1965);
		expect(dune.read).toBeInstanceOf(DataviewDate);
		expect(dune.series).toEqual(new DataviewLink('Books/Dune Messiah.md', { subpath: undefined }));
		expect(dune['due-date']).toEqual(dune['Due Date']);
		expect(dune['due-date']).toBeInstanceOf(DataviewDate);
		// A field written twice is a list; a link in a field leads to its note.
		expect(dune.mood).toEqual([new DataviewLink('Calm.md', { subpath: undefined }), 'rested']);
	});

	test('file.*: name, folder, tags with the tags above them, links both ways, tasks with subtasks and dates, day from the name', () => {
		const { file } = page('Books/Dune.md');
		expect([file.name, file.folder, file.ext]).toEqual(['Dune', 'Books', 'md']);
		expect(file.tags).toEqual(['#book', '#book/scifi', '#later']);
		expect(file.etags).toEqual(['#book/scifi', '#later']);
		expect(file.inlinks.map((link) => link.path)).toEqual(['Books/Dune Messiah.md']);
		expect(page('Books/Dune Messiah.md').file.outlinks.map((link) => link.path)).toEqual(['Books/Dune.md']);
		expect(file.tasks).toHaveLength(1);
		const [reread] = file.tasks;
		expect([reread.completed, reread.due?.utc.toISOString().slice(0, 10), reread.tags]).toEqual([false, '2024-05-01', ['#later']]);
		expect(reread.children.map((child) => [child.text, child.completed, child.completion?.utc.toISOString().slice(0, 10)])).toEqual([['Buy it ✅ 2024-02-01', true, '2024-02-01']]);
		expect(page('2024-06-21.md').file.day?.utc.toISOString().slice(0, 10)).toBe('2024-06-21');
	});

	test("Dataview's key: lower case, spaces as dashes, formatting out", () => {
		expect(normalizedKey('**Due Date**')).toBe('due-date');
		expect(normalizedKey('Time Spent')).toBe('time-spent');
	});
});

describe('where the dates of the notes come from', () => {
	test('git history when the notes are committed; the file times in a shallow clone, which the answers say', () => {
		const repository = folderWith({ 'note.md': '# Note\n\nIt is `= this.file.ctime`.\n' });
		git(repository, 'init', '--quiet');
		git(repository, 'add', '-A');
		git(repository, 'commit', '--quiet', '-m', 'one');
		const committed = catalogueOf(repository);
		expect(committed.answers.dates).toBe('history');
		const ctime = dataviewIndex(committed.notes, committed.resolver, committed.links, committed.dates).pages[0].file.ctime;
		expect(ctime.utc.toISOString()).toBe('2024-01-31T10:00:00.000Z');

		const clone = path.join(mkdtempSync(path.join(tmpdir(), 'shallow-notes-')), 'clone');
		git(tmpdir(), 'clone', '--quiet', '--depth', '1', `file://${repository}`, clone);
		expect(catalogueOf(clone).answers.dates).toBe('shallow');
		// No queries: no index, no git.
		expect(catalogueOf(folderWith({ 'plain.md': '# Plain\n' })).answers.dates).toBeUndefined();
	});
});
