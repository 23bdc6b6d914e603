import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Element, Root, RootContent } from 'hast';
import { htmlToHast } from 'satteri';
import { beforeAll, describe, expect, test } from 'vitest';
import { FIGURE_SIZES } from '../../src/dom/figure.ts';
import { builtSite, testRunFolder, type BuiltSite } from '../support/build.ts';
import { buildDownloads, remoteProbeAddress } from '../support/remote-probe.ts';

const FIXTURE = 'tests/fixtures/figure-cases';

type Node = Root | RootContent;
function* elements(node: Node): Generator<Element> {
	if (node.type === 'element') yield node;
	if ('children' in node) for (const child of node.children) yield* elements(child as Node);
}
const classes = (element: Element) => (Array.isArray(element.properties.className) ? element.properties.className.map(String) : []);
const text = (node: Node): string =>
	node.type === 'text' ? node.value : 'children' in node ? node.children.map((child) => text(child as Node)).join('') : '';

function parse(html: string): Root {
	return htmlToHast(html) as Root;
}
/** The note's figures, in order. */
function figures(html: string): Element[] {
	return [...elements(parse(html))].filter((element) => element.tagName === 'figure' && classes(element).includes('figure'));
}
const pageImage = (figure: Element) => [...elements(figure)].find((element) => element.tagName === 'img')!;
const dialogImage = (figure: Element) => {
	const dialog = [...elements(figure)].find((element) => element.tagName === 'dialog')!;
	return [...elements(dialog)].find((element) => element.tagName === 'img')!;
};
const caption = (figure: Element) => {
	const element = [...elements(figure)].find((child) => child.tagName === 'figcaption');
	return element ? text(element) : undefined;
};
const figureByAlt = (html: string, alt: string) => figures(html).find((figure) => pageImage(figure)?.properties.alt === alt)!;
/** `srcset` candidates as `[url, width]`. */
const candidates = (image: Element) =>
	String(image.properties.srcSet ?? '')
		.split(', ')
		.filter(Boolean)
		.map((candidate) => {
			const [url, descriptor] = candidate.split(' ');
			return [url, Number.parseInt(descriptor)] as const;
		});

describe('figures in a built site', () => {
	let site: BuiltSite;
	let strict: BuiltSite;

	beforeAll(() => {
		site = builtSite(FIXTURE);
		strict = builtSite(FIXTURE, { env: { NOTES_STRICT: '1' } });
	});

	const file = (url: string) => path.join(site.dist, decodeURI(url));

	test('the log has a line per phase: Astro\'s line per page left out (it counts the pages at the end), per image summarised', () => {
		expect(site.output).not.toMatch(/[├└]─ \/|▶ \/_astro\//);
		expect(site.output).toMatch(/\[notes-site\] Images: \d+ optimised( \(\d+ from the cache\))?, [\d.]+ [kM]?B in all\./);
	});

	test('builds despite the problem images, and ends with one report listing them all', () => {
		expect(site.exitCode, site.output).toBe(0);
		const report = site.output.slice(site.output.indexOf('problems in the notes'));
		expect(site.output).toContain(
			'7 problems in the notes (4 missing images, 1 image outside the notes folder, 2 unreadable images):',
		);
		const lines = report.split('\n').filter((line) => /^ {2}\S/.test(line)).map((line) => line.trim());
		expect(lines).toEqual([
			`${FIXTURE}/figures.md:52  img/does-not-exist.png`,
			`${FIXTURE}/figures.md:54  ../../../etc/passwd`,
			`${FIXTURE}/figures.md:56  img/not-an-image.png`,
			`${FIXTURE}/figures.md:58  img/truncated.png`,
			`${FIXTURE}/figures.md:60  img/missing-raw.png`,
			`${FIXTURE}/imported.mdx:9  img/gone.png`,
			`${FIXTURE}/same-mdx.mdx:5  img/typo.png`,
		]);
		expect(report).toContain('is text, not an image');
		expect(report).toContain('is a truncated PNG');
	});

	test('strict mode lists every problem, then fails the build', () => {
		expect(strict.exitCode).not.toBe(0);
		expect(strict.output).toContain('Strict mode (NOTES_STRICT=1)');
		for (const line of ['figures.md:52  img/does-not-exist.png', 'figures.md:60  img/missing-raw.png', 'same-mdx.mdx:5  img/typo.png']) {
			expect(strict.output).toContain(`${FIXTURE}/${line}`);
		}
		expect(existsSync(path.join(strict.dist, 'figures/index.html'))).toBe(false);
	});

	test('a figure: optimised image with srcset, sizes, width and height, lazy, and its caption', () => {
		const figure = figureByAlt(site.page('figures/index.html'), 'Flow of packets through the VPC');
		const image = pageImage(figure);
		expect(image.properties).toMatchObject({
			width: 1600,
			height: 900,
			loading: 'lazy',
			decoding: 'async',
			sizes: FIGURE_SIZES,
		});
		expect(String(image.properties.src)).toMatch(/^\/_astro\/diagram\.[\w-]+\.webp$/);
		const srcset = candidates(image);
		expect(srcset.map(([, width]) => width)).toEqual([640, 750, 828, 1080, 1280, 1600]);
		for (const [url] of srcset) expect(existsSync(file(url)), url).toBe(true);
		expect(caption(figure)).toBe('Packets leave through the gateway');
	});

	test('the zoom dialog holds the full-resolution image, the largest srcset file, loaded lazily', () => {
		const figure = figureByAlt(site.page('figures/index.html'), 'Flow of packets through the VPC');
		const full = dialogImage(figure);
		expect(full.properties).toMatchObject({ width: 1600, height: 900, loading: 'lazy', alt: 'Flow of packets through the VPC' });
		expect(full.properties.srcSet).toBeUndefined();
		expect(full.properties.src).toBe(candidates(pageImage(figure)).at(-1)![0]);
		const zoom = [...elements(figure)].find((element) => classes(element).includes('figure__zoom'))!;
		expect(zoom.properties).toMatchObject({ hidden: true, ariaLabel: 'Enlarge image: Flow of packets through the VPC' });
	});

	test('captions follow the rule: title, else alt, else none', () => {
		const page = site.page('figures/index.html');
		expect(caption(figureByAlt(page, 'A green photo'))).toBe('A green photo');
		const bare = figures(page).find((figure) => pageImage(figure)?.properties.alt === '')!;
		expect(caption(bare)).toBeUndefined();
	});

	test('every format: GIF, WebP and AVIF become WebP; SVG is served as it is', () => {
		const page = site.page('figures/index.html');
		for (const alt of ['An animated GIF', 'A WebP picture', 'An AVIF picture', 'Upper-case extension', 'A green photo']) {
			const image = pageImage(figureByAlt(page, alt));
			expect(String(image.properties.src), alt).toMatch(/\.webp$/);
			expect(existsSync(file(String(image.properties.src))), alt).toBe(true);
		}
		const svg = pageImage(figureByAlt(page, 'A vector drawing'));
		expect(String(svg.properties.src)).toMatch(/\.svg$/);
		expect(svg.properties).toMatchObject({ width: 480, height: 240 });
		expect(svg.properties.srcSet).toBeUndefined();
		expect(caption(figureByAlt(page, 'A vector drawing'))).toBe('Served as it is');
	});

	test('paths with spaces, %20 and Unicode, reference-style and raw HTML images all resolve', () => {
		const page = site.page('figures/index.html');
		for (const alt of ['Screenshot with spaces', 'Encoded slide', 'Schéma réseau', 'Reference-style image', 'Raw HTML image', 'Inline diagram']) {
			const figure = figureByAlt(page, alt);
			expect(figure, alt).toBeDefined();
			expect(existsSync(file(String(pageImage(figure).properties.src))), alt).toBe(true);
		}
		const embedded = [...elements(parse(page))].find((element) => element.properties.alt === "Image inside the author's HTML")!;
		expect(String(embedded.properties.src)).toMatch(/^\/_astro\/pic\.[\w-]+\.webp$/);
	});

	test('an image in running text splits its paragraph', () => {
		const all = [...elements(parse(site.page('figures/index.html')))];
		const before = all.filter((element) => element.tagName === 'p' && text(element) === 'Packets go out here');
		expect(before).toHaveLength(1);
		// The paragraph, the figure and the rest of the paragraph are next to each other, nothing between.
		const siblings = all.find((element) => element.children.includes(before[0]))!.children;
		const [first, figure, after] = siblings.slice(siblings.indexOf(before[0]), siblings.indexOf(before[0]) + 3) as Element[];
		expect([first, figure, after].map((element) => element?.type === 'element' && [element.tagName, classes(element), text(element)])).toEqual([
			['p', [], 'Packets go out here'],
			['figure', ['figure'], expect.any(String)],
			['p', [], 'and come back.'],
		]);
		expect(figure.properties.dataFigure).toBe('image');
		expect(pageImage(figure).properties.alt).toBe('Inline diagram');
		// Both paragraphs are plain: no attributes, only their text.
		for (const paragraph of [first, after]) expect([paragraph.properties, paragraph.children.map((child) => child.type)]).toEqual([{}, ['text']]);
	});

	test('remote images stay remote and lazy, and nothing is downloaded at build time', () => {
		const figure = figureByAlt(site.page('figures/index.html'), 'Remote image');
		expect(figure.properties.dataFigure).toBe('remote');
		expect(pageImage(figure).properties).toMatchObject({
			src: 'https://example.com/remote-figure.png',
			loading: 'lazy',
			decoding: 'async',
		});
		expect(pageImage(figureByAlt(site.page('figures/index.html'), 'Remote probe')).properties.src).toBe(
			`${remoteProbeAddress()}/remote-probe.png`,
		);
		// The global setup's probe listens at that address for the whole run, whichever file builds the fixture.
		expect(buildDownloads(testRunFolder())).toEqual([]);
	});

	test('missing, outside and unreadable images render as visible placeholders naming the path', () => {
		const placeholders = figures(site.page('figures/index.html')).filter((figure) => figure.properties.dataFigure === 'missing');
		expect(placeholders.map((figure) => text(figure))).toEqual([
			'Image not found A missing image img/does-not-exist.png',
			'Image refused (outside the notes folder) Escape attempt ../../../etc/passwd',
			'Image unreadable Text pretending to be a PNG img/not-an-image.png',
			'Image unreadable A truncated download img/truncated.pngHalf a PNG',
			'Image not found Missing raw image img/missing-raw.png',
		]);
		expect(readdirSync(path.join(site.dist, '_astro')).filter((name) => /passwd|not-an-image|truncated/.test(name))).toEqual([]);
	});

	test('.md and .mdx produce the same figure', () => {
		const [fromMd] = figures(site.page('same-md/index.html'));
		const [fromMdx, missingMdx] = figures(site.page('same-mdx/index.html'));
		const [imported] = figures(site.page('imported/index.html'));
		expect(fromMdx).toEqual(fromMd);
		expect(imported).toEqual(fromMd);
		expect(text(missingMdx)).toBe('Image not found A typo img/typo.png');
	});

	test('an image used by several notes is processed once', () => {
		const first = pageImage(figures(site.page('topic/first/index.html'))[0]);
		const second = pageImage(figures(site.page('topic/second/index.html'))[0]);
		expect(first.properties.srcSet).toBe(second.properties.srcSet);
		const files = readdirSync(path.join(site.dist, '_astro')).filter((name) => name.startsWith('shared.'));
		expect(files.map((name) => `/_astro/${name}`).sort()).toEqual(candidates(first).map(([url]) => url).sort());
	});

	test('the zoom script is on pages with figures only', () => {
		/** Every script of a page, inline or loaded from dist/. */
		const scripts = (page: string) =>
			[...elements(parse(site.page(page)))]
				.filter((element) => element.tagName === 'script')
				.map((script) => (script.properties.src ? site.page(String(script.properties.src).replace(/^\//, '')) : text(script)));
		const zoomScript = (page: string) => scripts(page).some((script) => script.includes('figure__dialog') && script.includes('showModal'));
		expect(zoomScript('figures/index.html')).toBe(true);
		expect(zoomScript('imported/index.html')).toBe(true);
		expect(zoomScript('plain/index.html')).toBe(false);
		expect(scripts('plain/index.html').length).toBeGreaterThan(0);
	});
});
