import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { builtSite, fixturePath, type BuiltSite } from '../support/build.ts';
import { crawlSite, formatCrawlProblems, type CrawlResult } from '../support/crawl.ts';
import { parseHtml, rawTextOf, selectAll } from '../support/html.ts';
import { serveDist, type StaticServer } from '../support/serve.ts';

/** What a GitHub-hosted runner sets for a push to `repository` (the variables the build reads among them). */
function actionsEnvironment(repository: string): Record<string, string> {
	return {
		CI: 'true',
		GITHUB_ACTIONS: 'true',
		GITHUB_REPOSITORY: repository,
		GITHUB_REPOSITORY_OWNER: repository.split('/')[0],
		GITHUB_SERVER_URL: 'https://github.com',
		GITHUB_EVENT_NAME: 'push',
		GITHUB_REF: 'refs/heads/main',
		GITHUB_REF_NAME: 'main',
		GITHUB_WORKFLOW: 'Deploy to GitHub Pages',
		RUNNER_OS: 'Linux',
	};
}

/** Notes with links written every way a note can (root-relative, relative, fragments), images, MDX. */
const notes = fixturePath('deploy-site');
const PAGES = ['', 'welcome/', 'aws/networking/peering/', 'aws/explicit-tabs/'];
const PAGEFIND = ['pagefind/pagefind.js', 'pagefind/pagefind-entry.json', 'pagefind/pagefind-ui.js', 'pagefind/pagefind-ui.css'];

interface Deployment {
	name: string;
	env: Record<string, string>;
	/** Extra project files (the custom-domain `public/CNAME`), built from a copy of the project. */
	files?: Record<string, string>;
	publicUrl: string;
	base: string;
}

const DEPLOYMENTS: Deployment[] = [
	{
		name: 'a project repository, alice/aws-notes',
		env: actionsEnvironment('alice/aws-notes'),
		publicUrl: 'https://alice.github.io/aws-notes/',
		base: '/aws-notes/',
	},
	{
		name: 'a user site repository, alice/alice.github.io',
		env: actionsEnvironment('alice/Alice.github.io'),
		publicUrl: 'https://alice.github.io/',
		base: '/',
	},
	{
		name: 'a custom domain in public/CNAME',
		env: actionsEnvironment('alice/aws-notes'),
		files: { 'public/CNAME': 'notes.example.com\n' },
		publicUrl: 'https://notes.example.com/',
		base: '/',
	},
];

describe.each(DEPLOYMENTS)('deployed from $name', ({ env, files, publicUrl, base }) => {
	let site: BuiltSite;
	let server: StaticServer;
	let crawl: CrawlResult;

	beforeAll(async () => {
		site = builtSite(notes, { env, files });
		expect(site.exitCode, site.output).toBe(0);
		server = await serveDist(site.dist, base);
		crawl = await crawlSite(server.url, {
			publicUrl,
			// Pagefind's files are loaded by script at run time, out of the crawler's sight: start from them too.
			also: ['robots.txt', 'sitemap-index.xml', ...(existsSync(path.join(site.dist, 'pagefind')) ? PAGEFIND : [])],
			notFound: ['no-such-note/', 'aws/networking/no-such/deeper/page/', 'aws/networking/peering/missing.png'],
		});
	});
	afterAll(() => server?.close());

	test(`serves the site at ${publicUrl}`, () => {
		expect(site.output).toContain('Complete!');
		const home = site.page('index.html');
		expect(home).toContain(`<link rel="canonical" href="${publicUrl}">`);
		expect(home).toContain(`href="${base}welcome/"`);
	});

	test('crawling every page finds no broken link, image, script, stylesheet or fragment', () => {
		expect(formatCrawlProblems(crawl.problems)).toBe('');
		expect(crawl.pages.map((url) => url.slice(server.url.length)).sort()).toEqual(expect.arrayContaining(PAGES));
		// Every kind of asset was reached, so "no problem" means something.
		const fetched = crawl.fetched.map((url) => new URL(url).pathname);
		expect(fetched).toEqual(expect.arrayContaining([`${base}favicon.svg`, `${base}social.png`, `${base}sitemap-0.xml`]));
		expect(fetched.some((pathname) => pathname.startsWith(`${base}_astro/`) && pathname.endsWith('.css'))).toBe(true);
		expect(fetched.some((pathname) => /\.(?:webp|png|avif|jpg)$/.test(pathname) && pathname.includes('diagram'))).toBe(true);
		expect(crawl.external).toEqual(['https://docs.aws.amazon.com/vpc/']);
	});

	test('links written from the site root in a note, .md or .mdx, get the base path', () => {
		expect(site.page('welcome/index.html')).toContain(`href="${base}aws/networking/peering/"`);
		expect(site.page('aws/explicit-tabs/index.html')).toContain(`href="${base}aws/networking/peering/"`);
		expect(site.page('welcome/index.html')).toContain('href="../aws/networking/peering/#peering"');
	});

	test('the 404 page works at any depth: its links and assets are absolute below the base', () => {
		const html = site.page('404.html');
		expect(html).toContain('<meta name="robots" content="noindex">');
		expect(html).not.toContain('rel="canonical"');
		// Every href and src of the page, but links to a fragment of the page itself.
		const urls = selectAll('[href], [src]', parseHtml(html))
			.flatMap((element) => [element.properties.href, element.properties.src])
			.map((value) => String(value ?? '').split('#')[0])
			.filter(Boolean);
		expect(urls.length).toBeGreaterThan(5);
		for (const url of urls) expect(url.startsWith(base) || url.startsWith(publicUrl), url).toBe(true);
	});

	test('robots.txt points at the sitemap, which lists every page and not the 404 page', () => {
		expect(readFileSync(path.join(site.dist, 'robots.txt'), 'utf8')).toBe(
			`User-agent: *\nAllow: /\n\nSitemap: ${publicUrl}sitemap-index.xml\n`,
		);
		const sitemap = readFileSync(path.join(site.dist, 'sitemap-0.xml'), 'utf8');
		const locations = selectAll('urlset > url > loc', parseHtml(sitemap, { fragment: true })).map((loc) => rawTextOf(loc));
		// The study pages are pages (the tags page too, which says these notes have none), and so are the folders' pages; the review page's cards document is data, not a page.
		expect(locations.sort()).toEqual([...PAGES, 'aws/', 'aws/networking/', 'review/', 'cheatsheet/', 'tags/'].map((page) => `${publicUrl}${page}`).sort());
	});

	test('canonical URL, Open Graph and Twitter meta carry the title, description, site name and image', () => {
		const html = site.page('aws/networking/peering/index.html');
		const url = `${publicUrl}aws/networking/peering/`;
		expect(html).toContain(`<link rel="canonical" href="${url}">`);
		expect(html).toContain(`<meta property="og:url" content="${url}">`);
		expect(html).toContain('<meta property="og:title" content="VPC Peering">');
		expect(html).toContain('<meta property="og:description" content="A note two folders deep.">');
		// No title set, no README.md: the site is named after the repository.
		expect(html).toContain(`<meta property="og:site_name" content="${env.GITHUB_REPOSITORY.split('/')[1]}">`);
		expect(html).toContain('<meta property="og:type" content="article">');
		expect(html).toContain(`<meta property="og:image" content="${publicUrl}social.png">`);
		expect(html).toContain('<meta name="twitter:card" content="summary_large_image">');
		expect(html).toContain('<meta name="twitter:title" content="VPC Peering">');
		expect(html).toContain('<meta name="twitter:description" content="A note two folders deep.">');
	});
});

describe('built outside GitHub Actions, with no site URL', () => {
	let site: BuiltSite;
	beforeAll(() => {
		site = builtSite(notes);
		expect(site.exitCode, site.output).toBe(0);
	});

	test('serves at the root, with no absolute URLs, no sitemap, and a robots.txt without one', () => {
		const html = site.page('welcome/index.html');
		expect(html).toContain('href="/aws/networking/peering/"');
		// No element links a canonical URL or a sitemap, nor names an Open Graph URL or image, in any attribute.
		const absolute = selectAll('*', parseHtml(html)).filter((element) =>
			Object.entries(element.properties).some(([name, value]) =>
				name === 'rel' ? [value].flat().some((rel) => rel === 'canonical' || rel === 'sitemap') : /og:url|og:image/.test(String(value)),
			),
		);
		expect(absolute).toEqual([]);
		expect(html).toContain('<meta property="og:title" content="Welcome">');
		expect(existsSync(path.join(site.dist, 'sitemap-index.xml'))).toBe(false);
		expect(site.page('robots.txt')).toBe('User-agent: *\nAllow: /\n');
		expect(site.output).not.toMatch(/sitemap/i);
	});
});
