import { describe, expect, test } from 'vitest';
import { builtSite, fixturePath } from '../support/build.ts';
import { crawlSite, formatCrawlProblems } from '../support/crawl.ts';
import { serveDist } from '../support/serve.ts';

/**
 * Every page of every fixture's site (built with the options other tests build it with, so once a
 * run), crawled: every link and asset answers, and every `#fragment` is an id on its page. The
 * links fixtures and the deploy site are crawled under a base path by their own tests.
 */
const SITES: [string, Parameters<typeof builtSite>[1]][] = [
	['syntax-vault', {}],
	['syntax-mkdocs', {}],
	['tabs-cases', {}],
	['study-cards', {}],
	['search-cases', { base: '/notes-base/' }],
	['diagrams-cases', { diagramsCache: 'diagrams-cases' }],
	['figure-cases', {}],
];

describe('every page of the fixtures: no dead link, asset or #fragment', () => {
	test.each(SITES)('%s', async (fixture, options) => {
		const site = builtSite(fixturePath(fixture), options);
		expect(site.exitCode, site.output).toBe(0);
		const server = await serveDist(site.dist, options?.base ?? '/');
		try {
			const crawl = await crawlSite(server.url);
			expect(crawl.pages.length).toBeGreaterThan(1);
			expect(crawl.problems, formatCrawlProblems(crawl.problems)).toEqual([]);
		} finally {
			server.close();
		}
	}, 300_000);
});
