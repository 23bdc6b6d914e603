import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildSite, copyProject, fixturePath, folderWith, projectRoot, testEnvironment, testRunFolder, type BuiltSite } from '../support/build.ts';
import { parseHtml, selectAll, selectOne, textOf } from '../support/html.ts';

/** The HTML pages of a built site, by path below it. */
const htmlPages = (dist: string) => readdirSync(dist, { recursive: true }).map(String).filter((file) => file.endsWith('.html'));

/** The lines of a build's output that `notes-site` printed, without Astro's time stamp. */
const notesLines = (output: string) => output.split('\n').flatMap((line) => /\[notes-site\] (.*)$/.exec(line)?.[1] ?? []);

const SITE_URL = 'https://notes.example.com/';

describe('a notes folder outside the project, with only notes and site.yml', () => {
	let notes: string;
	let site: BuiltSite;
	/** The first build's site, set aside: the second build, in the same project, writes over it. */
	let firstDist: string;
	let rebuilt: BuiltSite;
	const page = (file: string) => parseHtml(readFileSync(path.join(firstDist, file), 'utf8'));

	beforeAll(() => {
		notes = folderWith(
			{
				'site.yml': '# The site\'s settings\ntitle: Networking for the exam\ndescription: VPCs, peering and endpoints, for the exam.\n',
				'vpc.md': '# VPC\n\nA virtual network of your own.\n\n![A diagram of a VPC](img/diagram.png)\n',
				'peering/overview.md': '# Peering\n\nTwo VPCs, one route.\n',
			},
			'notes-elsewhere-',
		);
		mkdirSync(path.join(notes, 'img'));
		copyFileSync(path.join(fixturePath('deploy-site'), 'img/diagram.png'), path.join(notes, 'img/diagram.png'));
		// One project folder for both builds, so one Astro cache: as `npm run build` twice.
		const project = mkdtempSync(path.join(testRunFolder(), 'notes-elsewhere-'));
		site = buildSite(notes, { env: { SITE_URL } }, project);
		firstDist = `${site.dist}-first`;
		cpSync(site.dist, firstDist, { recursive: true });
	}, 300_000);

	test('builds, named by its site.yml', () => {
		expect(site.exitCode, site.output).toBe(0);
		expect(textOf(selectOne('title', page('index.html')))).toBe('Networking for the exam');
		expect(textOf(selectOne('title', page('vpc/index.html')))).toBe('VPC · Networking for the exam');
		expect(textOf(selectOne('header .site-title', page('vpc/index.html')))).toBe('Networking for the exam');
		expect(textOf(selectOne('main .home__description', page('index.html')))).toBe('VPCs, peering and endpoints, for the exam.');
	});

	test('site.yml is the settings, never a page or a file of the site', () => {
		expect(readdirSync(firstDist, { recursive: true }).map(String).filter((file) => /site\.ya?ml|\/site\//.test(file))).toEqual([]);
	});

	test('every page\'s link preview is a 1200×630 PNG made from the title, published at social.png', async () => {
		for (const file of ['index.html', 'vpc/index.html']) {
			expect(selectOne('meta[property="og:image"]', page(file)).properties.content).toBe(`${SITE_URL}social.png`);
		}
		expect(await sharp(path.join(firstDist, 'social.png')).metadata()).toMatchObject({ format: 'png', width: 1200, height: 630 });
	});

	test('/tags/ on a site without tags is a page that says there are none', () => {
		const tags = page('tags/index.html');
		expect(textOf(selectOne('main h1', tags))).toBe('Tags');
		expect(textOf(selectOne('main p', tags))).toMatch(/^No note has a tag yet\./);
		expect(selectAll('.tag-cloud', tags)).toEqual([]);
	});

	test('the log counts the pages once, as Astro does: every HTML page written', () => {
		expect(site.output).not.toMatch(/Pages: \d+/);
		const counts = [...site.output.matchAll(/(\d+) page\(s\) built/g)].map((match) => Number(match[1]));
		expect(counts).toEqual([htmlPages(firstDist).length]);
	});

	describe('built again: Astro\'s image cache', () => {
		beforeAll(() => {
			rebuilt = buildSite(notes, { env: { SITE_URL } }, path.dirname(site.dist));
		}, 300_000);

		test('the images reused from the cache are said to be, with the size of the images, as the first build gave it', () => {
			expect(rebuilt.exitCode, rebuilt.output).toBe(0);
			const first = notesLines(site.output).find((line) => line.startsWith('Images:'));
			const again = notesLines(rebuilt.output).find((line) => line.startsWith('Images:'));
			expect(first).toMatch(/^Images: \d+ optimised, [\d.]+ [kM]?B in all\.$/);
			const [, count, size] = /^Images: (\d+) optimised, (.+) in all\.$/.exec(first!)!;
			expect(again).toBe(`Images: ${count} optimised (${count} from the cache), ${size} in all.`);
		});
	});
});

describe('a notes folder that is not there: one line, and the build stops', () => {
	test('the folder named as given and in full, "0 notes found", no stack trace', () => {
		const { root } = copyProject(mkdtempSync(path.join(tmpdir(), 'notes-missing-')), 'content');
		// The command a user types, so the output is all the user would read.
		const result = spawnSync(process.execPath, [path.join(projectRoot, 'node_modules/astro/bin/astro.mjs'), 'build'], {
			cwd: root,
			encoding: 'utf8',
			env: { ...testEnvironment(), ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', NOTES_DIR: 'contnet' },
			timeout: 120_000,
		});
		const output = `${result.stdout}\n${result.stderr}`;
		expect(result.status, output).toBe(1);
		expect(notesLines(output)).toEqual([`0 notes found: the notes folder ${path.join(root, 'contnet')} (NOTES_DIR=contnet) does not exist.`]);
		expect(output).not.toMatch(/unhandled error|ENOENT|Stack trace|^\s+at /im);
	});
});

describe('no content/ at all, nothing set (git keeps no empty folder: every note removed)', () => {
	test('builds an empty site, with the one line saying the folder does not exist', () => {
		const { root } = copyProject(mkdtempSync(path.join(tmpdir(), 'notes-none-')), 'content');
		rmSync(path.join(root, 'content'), { recursive: true });
		const env = Object.fromEntries(Object.entries(testEnvironment()).filter(([name]) => !name.startsWith('NOTES_')));
		const result = spawnSync(process.execPath, [path.join(projectRoot, 'node_modules/astro/bin/astro.mjs'), 'build'], {
			cwd: root,
			encoding: 'utf8',
			env: { ...env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' },
			timeout: 240_000,
		});
		const output = `${result.stdout}\n${result.stderr}`;
		expect(result.status, output).toBe(0);
		expect(notesLines(output)).toContain(
			`0 notes found: the notes folder ${path.join(root, 'content')} (content, the default) does not exist: make it and add Markdown notes (.md, .mdx) to it.`,
		);
		expect(readFileSync(path.join(root, 'dist/index.html'), 'utf8')).toContain('No notes yet');
	});
});

describe('an empty notes folder', () => {
	let notes: string;
	let site: BuiltSite;
	beforeAll(() => {
		notes = folderWith({}, 'notes-empty-');
		site = buildSite(notes);
	}, 300_000);

	test('builds a site that says it has no notes yet, and the log says so in one line naming the folder', () => {
		expect(site.exitCode, site.output).toBe(0);
		expect(notesLines(site.output)).toContain(`0 notes found in the notes folder ${notes} (NOTES_DIR=${notes}): add Markdown notes (.md, .mdx) to it.`);
		expect(site.output).not.toContain('No problems found in the notes');
		const home = parseHtml(site.page('index.html'));
		expect(textOf(selectOne('main', home))).toContain('No notes yet');
	});

	test('with no title set anywhere, the site is named after its folder, never "Study notes"', () => {
		expect(textOf(selectOne('title', parseHtml(site.page('index.html'))))).toBe(path.basename(notes));
		expect(existsSync(path.join(site.dist, 'tags/index.html'))).toBe(true);
	});
});
