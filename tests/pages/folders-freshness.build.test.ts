import { execFileSync } from 'node:child_process';
import { utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildSite, configWith, folderWith, type BuiltSite } from '../support/build.ts';
import { crawlSite, formatCrawlProblems } from '../support/crawl.ts';
import { serveDist } from '../support/serve.ts';
import { parseHtml, select, selectAll, selectOne, textOf } from '../support/html.ts';
import { FULL_LIST_NOTES, RECENT_NOTES, START_NOTES } from '../../src/notes/folders.ts';

const FOLDERS = 40;
const NOTES_PER_FOLDER = 8;

/** A note long enough that a home page listing every note, with its description and topics, would be large. */
const noteText = (title: string) =>
	`---\ndescription: ${`What ${title} is about, said at some length so that a list of every note would weigh. `.repeat(3)}\n---\n# ${title}\n\n## Basics\n\nText.\n\n## Details\n\nMore.\n\n## Pitfalls\n\nMore still.\n`;

/** 320 notes in 40 folders (one with a README, one with a sub-folder), in a repository committed at fixed dates. */
function notesRepository(): string {
	const files: Record<string, string> = { 'notes/README.md': '# Study notes\n\nWhere it all starts.\n', 'notes/Start here.md': noteText('Start here') };
	for (let folder = 0; folder < FOLDERS; folder += 1) {
		for (let index = 0; index < NOTES_PER_FOLDER; index += 1) {
			const name = folder === 0 && index >= 4 ? `Folder 00/Deep/Note ${index}` : `Folder ${String(folder).padStart(2, '0')}/Note ${index}`;
			files[`notes/${name}.md`] = noteText(path.posix.basename(name));
		}
	}
	files['notes/Folder 01/README.md'] = '# Folder one\n\nWhat this folder holds.\n';
	const repository = folderWith(files, 'notes-repository-');
	const git = (args: string[], date: string) =>
		execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'init.defaultBranch=main', ...args], {
			cwd: repository,
			env: { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date },
		});
	git(['init', '--quiet'], '2024-01-31T10:00:00Z');
	git(['add', '-A'], '2024-01-31T10:00:00Z');
	git(['commit', '--quiet', '-m', 'first'], '2024-01-31T10:00:00Z');
	writeFileSync(path.join(repository, 'notes/Folder 03/Note 2.md'), noteText('Note 2, revised'));
	git(['commit', '--quiet', '-am', 'second'], '2024-03-02T12:30:00Z');
	// Not committed: its date is the file's.
	const draft = path.join(repository, 'notes/Folder 05/Draft.md');
	writeFileSync(draft, noteText('Draft'));
	utimesSync(draft, new Date('2025-06-01T08:00:00Z'), new Date('2025-06-01T08:00:00Z'));
	return repository;
}

let site: BuiltSite;
let repository: string;
const page = (file: string) => parseHtml(site.page(file));

beforeAll(() => {
	repository = notesRepository();
	site = buildSite(path.join(repository, 'notes'), {
		files: { 'astro.config.mjs': configWith('{ editLink: true }') },
		env: {
			GITHUB_ACTIONS: 'true',
			GITHUB_REPOSITORY: 'alice/study',
			GITHUB_SERVER_URL: 'https://github.com',
			GITHUB_WORKSPACE: repository,
			GITHUB_EVENT_NAME: 'push',
			GITHUB_REF_TYPE: 'branch',
			GITHUB_REF_NAME: 'main',
		},
	});
	if (site.exitCode !== 0) throw new Error(`The build failed:\n${site.output}`);
});

describe('the home page of a site larger than a full list', () => {
	test(`is small: where to start, the top folders with counts, the ${RECENT_NOTES} notes changed last; no note's description or topics`, () => {
		const html = site.page('index.html');
		const home = parseHtml(html);
		expect(FOLDERS * NOTES_PER_FOLDER).toBeGreaterThan(FULL_LIST_NOTES);
		// Each note's card alone is over 300 bytes: a full list would be 100 KB here.
		expect(Buffer.byteLength(html)).toBeLessThan(40_000);
		expect(selectAll('.note-card', home)).toEqual([]);
		expect(selectAll('.home__start a', home).map(textOf)).toHaveLength(START_NOTES);
		expect(selectOne('.home__start a', home).properties.href).toBe('/study/start-here/');
		const folders = selectAll('.folder-links__item', home);
		expect(folders).toHaveLength(FOLDERS);
		expect(textOf(selectOne('a', folders[0]))).toBe('Folder 00');
		expect(selectOne('a', folders[0]).properties.href).toBe('/study/folder-00/');
		expect(textOf(selectOne('.folder-links__count', folders[0]))).toBe(`${NOTES_PER_FOLDER} notes`);
		expect(selectOne('.home__intro', home)).toBeTruthy();
	});

	test('the recently changed notes: newest first, from git, or from the file for a note not committed', () => {
		const recent = selectAll('.recent-notes__item', page('index.html'));
		expect(recent).toHaveLength(RECENT_NOTES);
		expect(recent.slice(0, 2).map((item) => [textOf(selectOne('a', item)), selectOne('time', item).properties.dateTime])).toEqual([
			['Draft', '2025-06-01'],
			['Note 2, revised', '2024-03-02'],
		]);
	});
});

describe('folder pages', () => {
	test("a folder's page lists its notes and sub-folders, with a breadcrumb; a nested folder's too", () => {
		const folder = page('folder-00/index.html');
		expect(textOf(selectOne('h1', folder))).toBe('Folder 00');
		expect(selectAll('.folder-links a', folder).map((link) => link.properties.href)).toEqual(['/study/folder-00/deep/']);
		expect(selectAll('.note-card__title a', folder).map(textOf)).toEqual(['Note 0', 'Note 1', 'Note 2', 'Note 3']);
		expect(selectAll('.note-card__topics', folder)).toHaveLength(4);
		const deep = page('folder-00/deep/index.html');
		expect(selectAll('.breadcrumb a', deep).map((link) => [textOf(link), link.properties.href])).toEqual([
			['Home', '/study/'],
			['Folder 00', '/study/folder-00/'],
		]);
		expect(textOf(selectOne('.breadcrumb [aria-current=page]', deep))).toBe('Deep');
	});

	test("a folder whose README has its URL: the README's page lists the folder beneath the note", () => {
		const readme = page('folder-01/index.html');
		expect(textOf(selectOne('h1', readme))).toBe('Folder one');
		expect(textOf(selectOne('.note__body', readme))).toContain('What this folder holds.');
		expect(selectAll('.folder-contents .note-card__title a', readme).map(textOf)).toHaveLength(NOTES_PER_FOLDER);
	});

	test('every page, folder pages among them, is reached by links, and every link answers', async () => {
		const server = await serveDist(site.dist, '/study/');
		try {
			const crawl = await crawlSite(server.url);
			expect(crawl.problems, formatCrawlProblems(crawl.problems)).toEqual([]);
			const pages = crawl.pages.map((url) => new URL(url).pathname);
			expect(pages).toEqual(expect.arrayContaining(['/study/folder-00/', '/study/folder-00/deep/', '/study/folder-39/note-7/']));
		} finally {
			server.close();
		}
	}, 120_000);

	test("the sidebar's folder names lead to their pages", () => {
		const titles = selectAll('.sidebar__group-title a', page('folder-02/note-0/index.html'));
		expect(titles.map((link) => link.properties.href)).toContain('/study/folder-02/');
	});
});

describe('freshness', () => {
	test('a note shows when it last changed, and links to its source on GitHub', () => {
		const note = page('folder-03/note-2/index.html');
		const time = selectOne('.note-freshness time', note);
		expect(time.properties.dateTime).toBe('2024-03-02');
		expect(textOf(selectOne('.note-freshness', note))).toBe('Updated March 2, 2024 · Edit on GitHub');
		expect(selectOne('.note-freshness__edit', note).properties.href).toBe('https://github.com/alice/study/edit/main/notes/Folder%2003/Note%202.md');
		expect(selectOne('.note-freshness time', page('folder-03/note-1/index.html')).properties.dateTime).toBe('2024-01-31');
	});

	test("the sitemap's lastmod: a note's date; the home page's and a folder's, their newest note's", () => {
		const sitemap = parseHtml(site.page('sitemap-0.xml'), { fragment: true });
		const lastmod = new Map(selectAll('url', sitemap).map((url) => [textOf(selectOne('loc', url)), select('lastmod', url) && textOf(select('lastmod', url)!)]));
		expect(lastmod.get('https://alice.github.io/study/folder-03/note-2/')).toBe('2024-03-02T12:30:00.000Z');
		expect(lastmod.get('https://alice.github.io/study/folder-03/')).toBe('2024-03-02T12:30:00.000Z');
		expect(lastmod.get('https://alice.github.io/study/')).toBe('2025-06-01T08:00:00.000Z');
		// A page that shows no note's text has none.
		expect(lastmod.get('https://alice.github.io/study/tags/')).toBeUndefined();
	});
});
