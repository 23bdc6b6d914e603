import { readFileSync } from 'node:fs';
import { toHtml } from 'hast-util-to-html';
import path from 'node:path';
import { beforeAll, expect, test } from 'vitest';
import { builtSite, fixturePath, type BuiltSite } from '../support/build.ts';
import { parseHtml, selectAll, selectOne, textOf } from '../support/html.ts';
import { readSearchIndex } from '../support/pagefind-index.ts';
import { describeInBrowser } from '../support/page-checks.ts';

const FIXTURE = fixturePath('drawings-vault');

describeInBrowser('Excalidraw drawings', () => {
	let site: BuiltSite;
	beforeAll(() => {
		site = builtSite(FIXTURE, { diagramsCache: 'drawings-vault' });
	});

	const drawingsOf = (page: string) => selectAll('figure[data-figure="drawing"]', parseHtml(site.page(page)));
	const imageOf = (figure: ReturnType<typeof drawingsOf>[number]) => selectOne('notes-figure > img:not(.drawing__image--dark)', figure);

	test('a drawing with the plugin\'s export beside it shows that export, published at its path', () => {
		const [, flow] = drawingsOf('overview/index.html');
		const image = imageOf(flow);
		expect(image.properties).toMatchObject({ src: '/Flow.excalidraw.svg', alt: 'Drawing: Flow', width: 420, height: 80 });
		expect(readFileSync(path.join(site.dist, 'Flow.excalidraw.svg'), 'utf8')).toContain('>Published</text>');
		// Its text is in the page, for search and screen readers.
		expect(selectAll('figcaption li', flow).map(textOf)).toEqual(['Draft', 'Published']);
	});

	test('a drawing without an export is drawn by Excalidraw at build time: its shapes, its text, its embedded image', () => {
		const [architecture, , sketch] = drawingsOf('overview/index.html');
		const src = String(imageOf(architecture).properties.src);
		expect(src).toMatch(/^\/notes-assets\/drawings\/[0-9a-f]{32}\.svg$/);
		const svg = readFileSync(path.join(site.dist, src), 'utf8');
		expect(svg).toContain('<!-- svg-source:excalidraw -->');
		expect(svg).toMatch(/<text[^>]*>Load balancer<\/text>/);
		expect(svg).toMatch(/<text[^>]*>Web servers<\/text>/);
		// The rectangle's blue fill, the embedded PNG.
		expect(svg).toContain('#a5d8ff');
		expect(svg).toContain('data:image/png;base64,');
		// And again in Excalidraw's dark mode, which the dark theme shows instead.
		const dark = selectOne('notes-figure > img.drawing__image--dark', architecture);
		expect(dark.properties.src).toBe(src.replace(/\.svg$/, '.dark.svg'));
		expect(readFileSync(path.join(site.dist, String(dark.properties.src)), 'utf8')).toMatch(/<rect [^>]*fill="#121212"/);
		expect(readFileSync(path.join(site.dist, String(imageOf(sketch).properties.src)), 'utf8')).toMatch(/<text[^>]*>Decide\?<\/text>/);
	});

	test('a note named like a drawing keeps its page, `![[Flow.excalidraw]]` in it is the drawing, and the drawing has its own page', () => {
		expect(imageOf(drawingsOf('flow/index.html')[0]).properties.src).toBe('/Flow.excalidraw.svg');
		expect(drawingsOf('flow-excalidraw/index.html')).toHaveLength(1);
	});

	test('an .excalidraw file is a page of its drawing, at its name', () => {
		const page = parseHtml(site.page('sketch-excalidraw/index.html'));
		expect(textOf(selectOne('h1', page))).toBe('sketch');
		expect(imageOf(selectOne('.note__body figure[data-figure="drawing"]', page)).properties.alt).toBe('Drawing: sketch');
	});

	test('an .excalidraw.md note is a page: the drawing, then its Markdown, without the plugin\'s data or settings', () => {
		const page = parseHtml(site.page('architecture-excalidraw/index.html'));
		const body = selectOne('.note__body', page);
		expect(selectAll('figure[data-figure="drawing"]', body)).toHaveLength(1);
		expect(textOf(body)).toContain('How requests reach the web servers: see Overview.');
		expect(textOf(body)).not.toMatch(/Excalidraw Data|compressed-json|Switch to EXCALIDRAW VIEW|N4Ig/);
		expect(textOf(page)).not.toContain('excalidraw-plugin');
	});

	test('an .mdx note embeds drawings with the same markup as a .md note', () => {
		const [architecture, flow] = drawingsOf('overview/index.html');
		expect(drawingsOf('embeds-mdx/index.html').map((figure) => toHtml(figure))).toEqual([toHtml(architecture), toHtml(flow)]);
	});

	test('a drawing inside a note that another note embeds is the drawing there too', () => {
		const [architecture] = drawingsOf('overview/index.html');
		const [quoted] = selectAll('blockquote figure[data-figure="drawing"]', parseHtml(site.page('reading/index.html')));
		expect(imageOf(quoted).properties).toEqual(imageOf(architecture).properties);
		expect(selectAll('figcaption li', quoted).map(textOf)).toEqual(['Load balancer', 'Web servers']);
	});

	test('search indexes the drawings\' text, on the drawing\'s page and where it is embedded', () => {
		const indexed = readSearchIndex(site.dist);
		const content = (url: string) => indexed.find((page) => page.url === url)?.content ?? '';
		expect(content('/architecture-excalidraw/')).toMatch(/Load balancer.*Web servers/);
		expect(content('/overview/')).toMatch(/Draft.*Published/);
	});

	test('a drawing that cannot be read is reported with its line, and its embed shows a placeholder', () => {
		expect(site.exitCode, site.output).toBe(0);
		expect(site.output).toMatch(/tests\/fixtures\/drawings-vault\/Broken\.excalidraw\.md:14 {2}the drawing's JSON does not parse/);
		const placeholder = selectOne('figure[data-figure="missing"]', parseHtml(site.page('overview/index.html')));
		expect(textOf(placeholder)).toContain('Broken.excalidraw.md');
		expect(textOf(placeholder)).toContain("The drawing is not shown: the drawing's JSON does not parse");
	});
});
