import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { builtSite, projectRoot, type BuiltSite } from '../support/build.ts';
import { crawlSite, formatCrawlProblems } from '../support/crawl.ts';
import { parseHtml, selectAll, selectOne, textOf } from '../support/html.ts';
import { serveDist } from '../support/serve.ts';

const docsFolder = path.join(projectRoot, 'docs');
const pages = readdirSync(docsFolder)
	.filter((file) => file.endsWith('.md') && file !== 'README.md')
	.map((file) => ({ file, heading: /^# (.+)$/m.exec(readFileSync(path.join(docsFolder, file), 'utf8'))?.[1] }));

/**
 * The documentation is a notes folder like any other: this tool builds it, in strict mode, with
 * every test run, so a link, anchor or picture that works on GitHub but not on the site fails here.
 */
describe('the documentation (docs/), built in strict mode', () => {
	let site: BuiltSite;
	beforeAll(() => {
		site = builtSite('docs', { env: { NOTES_STRICT: '1' } });
	});

	test('builds without a single problem', () => {
		expect(site.exitCode, site.output).toBe(0);
		expect(site.output).toContain('No problems found in the notes.');
	});

	test('has a page for every document, titled by its first heading', () => {
		expect(pages.length).toBeGreaterThan(0);
		for (const { file, heading } of pages) {
			expect(heading, `docs/${file} starts with a # heading`).toBeDefined();
			const page = parseHtml(site.page(`${path.basename(file, '.md')}/index.html`));
			expect(textOf(selectOne('main h1', page)), file).toBe(heading);
		}
	});

	test('the index links to every document', () => {
		const linked = selectAll('article.note__body a', parseHtml(site.page('index.html'))).map((link) => String(link.properties.href));
		expect(linked).toEqual(expect.arrayContaining(pages.map(({ file }) => `/${path.basename(file, '.md')}/`)));
	});

	test('every page, link, picture and #fragment answers', async () => {
		expect(site.exitCode, site.output).toBe(0);
		const server = await serveDist(site.dist);
		try {
			const crawl = await crawlSite(server.url);
			expect(crawl.pages.length).toBeGreaterThan(pages.length);
			expect(crawl.problems, formatCrawlProblems(crawl.problems)).toEqual([]);
		} finally {
			server.close();
		}
	}, 300_000);
});
