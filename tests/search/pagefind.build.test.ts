import { existsSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { builtSite, fixturePath, type BuiltSite } from '../support/build.ts';
import { ALIASES_WEIGHT, NOTE_BODY_SELECTOR } from '../../src/dom/search.ts';
import { parseHtml, selectAll, selectOne } from '../support/html.ts';
import { readSearchIndex, searchBuiltSite, type IndexedPage } from '../support/pagefind-index.ts';

describe('the search index of a built site', () => {
	let site: BuiltSite;
	let pages: IndexedPage[];
	const page = (url: string) => pages.find((each) => each.url === url)!;

	beforeAll(() => {
		site = builtSite(fixturePath('search-cases'), { base: '/notes-base/' });
		expect(site.exitCode, site.output).toBe(0);
		pages = readSearchIndex(site.dist);
	});

	test('is written by `npm run build` itself; URLs are relative to the base, which the client adds', () => {
		expect(existsSync(path.join(site.dist, 'pagefind/pagefind.js'))).toBe(true);
		expect(site.output).toMatch(/Search index written in \d+ ms\./);
		expect(pages.map((each) => each.url).sort()).toEqual([
			'/aws/advanced-vpc-networking/',
			'/aws/peering/',
			'/html-in-notes/',
		]);
	});

	test('indexes the note text, every tab panel included, but not the chrome or the tab labels', () => {
		const vpc = page('/aws/advanced-vpc-networking/');
		expect(vpc.content).toContain('prefix list added to route table');
		expect(vpc.content).toContain('flow logs are not realtime');
		expect(vpc.content).not.toContain('All notes');
		expect(vpc.content).not.toContain('On this page');
		expect(vpc.content).not.toContain('Summary Concepts');
		expect(vpc.content).not.toContain('Previous');
	});

	test('topics and sections are anchors, for results per topic and section', () => {
		const anchors = page('/aws/advanced-vpc-networking/').anchors.filter((a) => /^h[23]$/.test(a.element));
		expect(anchors).toContainEqual(expect.objectContaining({ element: 'h2', id: 'vpc-endpoints-gateway', text: 'VPC Endpoints (Gateway)' }));
		expect(anchors).toContainEqual(expect.objectContaining({ element: 'h3', id: 'vpc-endpoints-gateway-concepts' }));
	});

	test('words that appear only in a diagram label are indexed, once', () => {
		const peering = page('/aws/peering/').content;
		expect(peering).toContain('Quokka transit VPC');
		expect(peering.split('Quokka').length - 1).toBe(1);
	});

	test('title, note and folder filters', () => {
		expect(page('/aws/peering/')).toMatchObject({
			meta: { title: 'Peering' },
			filters: { note: ['Peering'], folder: ['aws'] },
		});
		expect(page('/html-in-notes/').filters).toEqual({ note: ['HTML in notes'] });
	});

	test('a note\'s aliases are indexed before its text (a result for the page), weighted as a title, and not shown', () => {
		expect(page('/aws/peering/').content).toMatch(/^pcx, Peering connection\. VPC Peering\./);
		const bodies = selectAll('[data-pagefind-body]', parseHtml(site.page('aws/peering/index.html')));
		expect(bodies.map((element) => [element.tagName, element.properties.hidden, element.properties.dataPagefindWeight])).toEqual([
			['p', true, String(ALIASES_WEIGHT)],
			['article', undefined, undefined],
		]);
		expect(selectAll(NOTE_BODY_SELECTOR, parseHtml(site.page('aws/peering/index.html')))).toEqual([bodies[1]]);
		expect(selectAll('[data-pagefind-body]', parseHtml(site.page('html-in-notes/index.html')))).toHaveLength(1);
	});

	test('note pages load nothing of Pagefind until search is used', () => {
		const html = site.page('aws/peering/index.html');
		// No script or link element names Pagefind in any attribute (src, href, modulepreload…).
		const loadsPagefind = selectAll('script, link', parseHtml(html)).filter((element) =>
			Object.values(element.properties).some((value) => /pagefind/.test(String(value))),
		);
		expect(loadsPagefind).toEqual([]);
		expect(html).toContain('data-bundle="/notes-base/pagefind/"');
	});
});

describe('the search index of Chinese notes, built without a `lang` setting', () => {
	let site: BuiltSite;
	let search: (query: string) => Promise<string[]>;

	beforeAll(async () => {
		site = builtSite(fixturePath('search-cjk'));
		expect(site.exitCode, site.output).toBe(0);
		search = await searchBuiltSite(site.dist);
	});

	test('the language is read off the notes: pages say `<html lang="zh">`, and the build says so', () => {
		expect(selectOne('html', parseHtml(site.page('统计/假设检验/index.html'))).properties.lang).toBe('zh');
		expect(site.output).toContain('Language of the notes: zh (detected');
	});

	test('a word finds every page that holds it, in the middle of a sentence too', async () => {
		// Pagefind keeps the words it cut Chinese text into apart with zero-width spaces.
		const pages = readSearchIndex(site.dist).map((page) => ({ url: decodeURI(page.url), text: page.content.replaceAll('\u200b', '') }));
		const holding = (word: string) => pages.filter((page) => page.text.includes(word)).map((page) => page.url).sort();
		expect(holding('概率').length).toBeGreaterThanOrEqual(5);
		for (const word of ['概率', '样本', '事件']) expect((await search(word)).sort(), word).toEqual(holding(word));
	});
});
