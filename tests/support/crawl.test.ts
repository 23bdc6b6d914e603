import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { crawlSite, readHtml } from './crawl.ts';
import { serveDist, type StaticServer } from './serve.ts';

/** A hand-made dist/ served under /repo/, with one of every mistake the crawler must catch. */
const FILES: Record<string, string> = {
	'index.html': `<!doctype html><html><head>
		<link rel="canonical" href="https://alice.github.io/repo/">
		<meta property="og:image" content="https://alice.github.io/repo/missing-card.png">
		<link rel="stylesheet" href="/repo/style.css">
		<link rel="icon" href="/favicon.svg">
		<link rel="preconnect" href="https://fonts.example.com">
		<script type="module">import "/repo/app.js";</script>
		</head><body>
		<a href="/repo/good/">good</a>
		<a href="/repo/good">no trailing slash</a>
		<a href="/repo/good/#here">fragment that exists</a>
		<a href="/repo/good/#nowhere">fragment that does not</a>
		<a href="#top">top</a>
		<a href="https://example.com/x">elsewhere</a>
		<a href="mailto:a@example.com">mail</a>
		<img src="/repo/img/missing.png" srcset="/repo/img/ok.png 1x, /repo/img/missing-2x.png 2x" alt="">
		</body></html>`,
	'good/index.html': `<!doctype html><html><body><h2 id="here">Here</h2><a href="../">home</a></body></html>`,
	'style.css': `body { background: url("img/ok.png"); } @font-face { src: url(fonts/missing.woff2); }`,
	'app.js': `import("./chunk.js"); import "./missing-chunk.js";`,
	'chunk.js': `export {};`,
	'img/ok.png': 'png',
	'clean/index.html': `<!doctype html><html><body><a href="b/#end">b</a><img src="../img/ok.png" alt=""></body></html>`,
	'clean/b/index.html': `<!doctype html><html><body><a href="../" id="end">back</a></body></html>`,
	'robots.txt': 'User-agent: *\nSitemap: https://alice.github.io/repo/sitemap.xml\n',
	'sitemap.xml': '<urlset><url><loc>https://alice.github.io/repo/</loc></url><url><loc>https://alice.github.io/repo/gone/</loc></url></urlset>',
	'404.html': `<!doctype html><html><head><link rel="stylesheet" href="style.css"></head><body><a href="/repo/">home</a></body></html>`,
};

describe('crawlSite', () => {
	let server: StaticServer;
	let dist: string;
	beforeAll(async () => {
		dist = mkdtempSync(path.join(tmpdir(), 'crawl-dist-'));
		for (const [name, text] of Object.entries(FILES)) {
			mkdirSync(path.dirname(path.join(dist, name)), { recursive: true });
			writeFileSync(path.join(dist, name), text);
		}
		server = await serveDist(dist, '/repo/');
	});
	afterAll(() => {
		server?.close();
		rmSync(dist, { recursive: true, force: true });
	});

	test('reports every broken link, asset, import, redirect and fragment, once, with where it was found', async () => {
		const result = await crawlSite(server.url, {
			publicUrl: 'https://alice.github.io/repo/',
			also: ['robots.txt'],
			notFound: ['some/deep/missing/page/'],
		});
		const origin = new URL(server.url).origin;
		const problems = result.problems.map(({ url, from, problem }) => ({
			url: url.replace(origin, ''),
			from: from.replace(origin, ''),
			problem: problem.replace(/ \(linked.*$/, ''),
		}));
		expect(problems).toEqual(
			expect.arrayContaining([
				{ url: '/repo/missing-card.png', from: '/repo/', problem: 'answered 404, expected 200' },
				{ url: '/favicon.svg', from: '/repo/', problem: 'answered 404, expected 200' },
				{ url: '/repo/good', from: '/repo/', problem: 'redirects (301) to /repo/good/: link to the final URL' },
				{ url: '/repo/img/missing.png', from: '/repo/', problem: 'answered 404, expected 200' },
				{ url: '/repo/img/missing-2x.png', from: '/repo/', problem: 'answered 404, expected 200' },
				{ url: '/repo/fonts/missing.woff2', from: '/repo/style.css', problem: 'answered 404, expected 200' },
				{ url: '/repo/missing-chunk.js', from: '/repo/app.js', problem: 'answered 404, expected 200' },
				{ url: '/repo/gone/', from: '/repo/sitemap.xml', problem: 'answered 404, expected 200' },
				{ url: '/repo/good/#nowhere', from: '/repo/', problem: 'no element with id "nowhere" on that page' },
				// The 404 page's relative stylesheet breaks when it is served at depth.
				{ url: '/repo/some/deep/missing/page/style.css', from: '/repo/some/deep/missing/page/', problem: 'answered 404, expected 200' },
			]),
		);
		expect(problems).toHaveLength(10);
		expect(result.external).toEqual(['https://example.com/x']);
		expect(result.fetched.map((url) => url.replace(origin, ''))).toEqual(
			expect.arrayContaining(['/repo/chunk.js', '/repo/img/ok.png', '/repo/good/', '/repo/sitemap.xml']),
		);
	});

	test('a site without mistakes has no problems', async () => {
		const result = await crawlSite(`${server.url}clean/`);
		expect(result.problems).toEqual([]);
		expect(result.pages.map((url) => new URL(url).pathname)).toEqual(['/repo/clean/', '/repo/clean/b/']);
		expect(result.fetched.map((url) => new URL(url).pathname)).toContain('/repo/img/ok.png');
	});
});

describe('readHtml', () => {
	test('collects URLs from links, assets, srcset, meta, styles and module imports, and the fragment targets', () => {
		const { links, anchors } = readHtml(`<html><head>
			<meta property="og:image" content="https://a.example/card.png"><meta name="description" content="/not-a-link">
			<style>.x { background: url('bg.png') }</style>
			<script type="module">import("/_astro/page.js")</script><script src="/s.js"></script>
			</head><body><a href="/a/" id="one">a</a><a name="two"></a><div style="background-image: url(/div.png)"></div>
			<picture><source srcset="/p.avif 1x, /p2.avif 2x"><img src="/p.png" alt=""></picture>
			<svg><use href="/icons.svg#i"></use></svg></body></html>`);
		expect(links.sort()).toEqual(
			['https://a.example/card.png', 'bg.png', '/_astro/page.js', '/s.js', '/a/', '/div.png', '/p.avif', '/p2.avif', '/p.png', '/icons.svg#i'].sort(),
		);
		expect([...anchors].sort()).toEqual(['one', 'two']);
	});
});
