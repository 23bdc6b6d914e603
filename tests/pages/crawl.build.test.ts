import { describe, expect, test } from 'vitest';
import { builtSite, FIXTURE_SITES } from '../support/build.ts';
import { crawlSite, formatCrawlProblems } from '../support/crawl.ts';
import { serveDist } from '../support/serve.ts';

/**
 * Every page of every site the build tests make (the shipped notes and the fixtures, built once a
 * run), crawled: every link and asset answers, and every `#fragment` is an id on its page. The
 * links fixtures and the deploy site under a base path are crawled by their own tests.
 */
describe('every page of the built sites: no dead link, asset or #fragment', () => {
	test.each(FIXTURE_SITES)('%s', async (notesDir, options) => {
		const site = builtSite(notesDir, options);
		expect(site.exitCode, site.output).toBe(0);
		const server = await serveDist(site.dist, options.base ?? '/');
		try {
			const crawl = await crawlSite(server.url);
			expect(crawl.pages.length).toBeGreaterThan(1);
			expect(crawl.problems, formatCrawlProblems(crawl.problems)).toEqual([]);
		} finally {
			server.close();
		}
	}, 300_000);
});
