import { existsSync } from 'node:fs';
import path from 'node:path';
import { toHtml } from 'hast-util-to-html';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { builtSite, fixturePath, type BuiltSite } from '../support/build.ts';
import { crawlSite, formatCrawlProblems, type CrawlResult } from '../support/crawl.ts';
import { parseHtml, select, selectAll, selectOne, textOf } from '../support/html.ts';
import { serveDist, type StaticServer } from '../support/serve.ts';

const BASE = '/notes/';

/** Builds a fixture under the base path, serves it as GitHub Pages would and crawls every page. */
function crawled(fixture: string) {
	const state = {} as { site: BuiltSite; server: StaticServer; crawl: CrawlResult };
	beforeAll(async () => {
		state.site = builtSite(fixturePath(fixture), { base: BASE });
		expect(state.site.exitCode, state.site.output).toBe(0);
		state.server = await serveDist(state.site.dist, BASE);
		state.crawl = await crawlSite(state.server.url);
	});
	afterAll(() => state.server?.close());
	return state;
}

const article = (html: string) => selectOne('article.note__body', parseHtml(html));

describe('an Obsidian vault', () => {
	const built = crawled('links-vault');

	test('every link and embed that can be resolved is: no crawled link, image or fragment is broken', () => {
		expect(formatCrawlProblems(built.crawl.problems)).toBe('');
		expect(built.crawl.pages.length).toBeGreaterThan(10);
		for (const page of built.crawl.pages) expect(built.crawl.fetched).toContain(page);
	});

	test('every other one is in the report, with file and line, and on the page as marked text', () => {
		expect(built.site.output).toContain('10 problems in the notes (3 embeds that loop or nest too deep, 6 broken links, 1 missing image):');
		expect(built.site.output).toContain('tests/fixtures/links-vault/Security/IAM.md:34:3  [[VPC Peering#No such heading]]');
		const iam = article(built.site.page('security/iam/index.html'));
		expect(selectAll('.link-broken', iam).map(textOf)).toEqual([
			'Missing note (broken link)',
			'VPC Peering › No such heading (broken link)',
			'VPC Peerin (broken link)',
			'Overvew (broken link)',
		]);
	});

	test('no raw wikilink syntax reaches a page, hence none reaches search', () => {
		for (const page of built.crawl.pages.filter((url) => url.endsWith('/'))) {
			const file = path.join(built.site.dist, new URL(page).pathname.slice(BASE.length), 'index.html');
			if (!existsSync(file)) continue;
			const body = select('article', parseHtml(built.site.page(path.relative(built.site.dist, file))));
			if (body) expect(textOf(body), page).not.toMatch(/\[\[|\]\]/);
		}
	});

	test('titles are the file names, as Obsidian shows them; an embedded image is optimised; a linked PDF is published', () => {
		expect(textOf(selectOne('main h1', parseHtml(built.site.page('networking/vpc-peering/index.html'))))).toBe('VPC Peering');
		expect(existsSync(path.join(built.site.dist, 'attachments/slides.pdf'))).toBe(true);
		expect(existsSync(path.join(built.site.dist, 'attachments/chart.png'))).toBe(false);
		const figure = selectOne('figure.figure img', article(built.site.page('security/iam/index.html')));
		expect(String(figure.properties.src)).toMatch(/^\/notes\/_astro\/chart\..*\.webp$/);
	});

	test('"Linked from" on a linked note: each note and topic, with the sentence around the link', () => {
		const backlinks = selectOne('aside.backlinks', parseHtml(built.site.page('networking/vpc-peering/index.html')));
		expect(selectAll('.backlinks__link', backlinks).map((link) => [textOf(link), link.properties.href])).toEqual([
			['Overview › Networking overview', '/notes/networking/overview/#networking-overview'],
			['same-md › Links', '/notes/same/same-md/#links'],
			['same-mdx › Links', '/notes/same/same-mdx/#links'],
			['IAM › Policies', '/notes/security/iam/#policies'],
			['IAM › Roles', '/notes/security/iam/#roles'],
		]);
		expect(textOf(backlinks)).toContain('Start with VPC Peering, then see the security overview.');
		// Backlinks are not the note's own text: search does not index them.
		expect(select('article aside.backlinks', parseHtml(built.site.page('networking/vpc-peering/index.html')))).toBeUndefined();
	});

	test('wikilinks and embeds give the same markup in .md and .mdx notes', () => {
		// Parsed, so attribute order (Astro's images write theirs in another order in MDX) does not count.
		const markup = (slug: string) => JSON.parse(JSON.stringify(parseHtml(toHtml(article(built.site.page(`${slug}/index.html`)).children).replace(/>\s+</g, '><').trim(), { fragment: true })));
		expect(markup('same/same-mdx')).toEqual(markup('same/same-md'));
		expect(select('blockquote.embed', markup('same/same-md'))).toBeDefined();
	});
});

describe('GitHub-style course notes', () => {
	const built = crawled('links-course');

	test('relative .md links, folder READMEs and GitHub anchors all land: nothing crawled is broken', () => {
		expect(formatCrawlProblems(built.crawl.problems)).toBe('');
		expect(built.site.output).toContain('3 problems in the notes (3 broken links):');
		expect(built.site.output).toContain('tests/fixtures/links-course/02-security/iam.md:10:3  ../01-cloud/README.md#13-pricing');
	});

	test('a folder\'s README is the folder\'s page; the root README introduces the home page', () => {
		expect(existsSync(path.join(built.site.dist, '01-cloud/index.html'))).toBe(true);
		expect(existsSync(path.join(built.site.dist, 'readme/index.html'))).toBe(false);
		const home = parseHtml(built.site.page('index.html'));
		const intro = selectOne('.home__intro', home);
		expect(selectAll('a', intro).map((link) => link.properties.href)).toEqual([
			'/notes/01-cloud/',
			'/notes/01-cloud/#cloud-computing-fundamentals',
			'/notes/02-security/iam/#policies',
			'/notes/01-cloud/',
		]);
		// The introduction is not a note of the list, and its own title is not repeated.
		expect(selectAll('.note-card__title', home).map(textOf)).toEqual(['Chapter 1: The Cloud', '02 security', 'IAM']);
	});

	test('a GitHub anchor in a note\'s own contents leads to the heading, on the same page', () => {
		const links = selectAll('a', article(built.site.page('01-cloud/index.html'))).map((link) => link.properties.href);
		expect(links.slice(0, 4)).toEqual(['#cloud-computing-fundamentals', '#regions-and-zones', '#costs--and-limits', '/notes/01-cloud/']);
	});

	test('strict mode fails the build on a broken link', () => {
		const strict = builtSite(fixturePath('links-course'), { base: BASE, env: { NOTES_STRICT: '1' } });
		expect(strict.exitCode).not.toBe(0);
		expect(strict.output).toContain('3 problems in the notes (3 broken links)');
	});
});
