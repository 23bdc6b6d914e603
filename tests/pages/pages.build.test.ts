import { existsSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { MERMAID_FOLDER } from '../../src/diagrams/mermaid-files.ts';
import { toHtml } from 'hast-util-to-html';
import { builtSite, fixturePath, type BuiltSite } from '../support/build.ts';
import { classesOf, parseHtml, select, selectAll, selectOne, textOf } from '../support/html.ts';

/** The `<article>` of a note page (what the notes pipeline produced), as markup without the white space between tags. */
/** A note's body, card ids aside: they come from the note's path, which differs between the notes compared. */
/** A note's body as HTML, without white space between tags; without the targets of GitHub's anchors of `###` headings, on request. */
const articleOf = (html: string, { sectionAliases = true } = {}) => {
	const article = selectOne('article.note__body', parseHtml(html));
	if (!sectionAliases) {
		for (const heading of selectAll('h3', article))
			heading.children = heading.children.filter((child) => !(child.type === 'element' && classesOf(child).includes('heading-alias')));
	}
	return toHtml(article.children)
		.replace(/>\s+</g, '><')
		.replace(/ data-card="[^"]*"/g, ' data-card="…"')
		.trim();
};

describe('building the tabs-cases fixture', () => {
	let site: BuiltSite;
	beforeAll(() => {
		site = builtSite(fixturePath('tabs-cases'));
		expect(site.exitCode, site.output).toBe(0);
	});

	test('writes a page per note, the home page and a 404 page', () => {
		for (const file of [
			'index.html',
			'404.html',
			'cases/index.html',
			'networking/peering/index.html',
			'networking/endpoints/index.html',
			'same-md/index.html',
			'same-mdx/index.html',
			'explicit-tabs/index.html',
		]) {
			expect(existsSync(path.join(site.dist, file)), file).toBe(true);
		}
	});

	test('a site without diagrams ships no mermaid', () => {
		expect(existsSync(path.join(site.dist, MERMAID_FOLDER))).toBe(false);
	});

	test('the page title comes from the first # heading, which is not repeated in the body', () => {
		const page = parseHtml(site.page('cases/index.html'));
		// No title set, no README.md, no repository around the copy the test builds: named after the notes folder.
		expect(textOf(selectOne('title', page))).toBe('Section cases · tabs-cases');
		expect(textOf(selectOne('main h1', page))).toBe('Section cases');
		expect(textOf(selectOne('article', page))).not.toContain('Section cases');
	});

	test('sets <html lang> and requests nothing from another host', () => {
		const page = parseHtml(site.page('cases/index.html'));
		expect(selectOne('html', page).properties.lang).toBe('en');
		const urls = selectAll('[src], link[href], script[src]', page).map((element) => String(element.properties.src ?? element.properties.href));
		expect(urls.filter((url) => /^(?:https?:)?\/\//.test(url))).toEqual([]);
	});

	test('the sidebar groups notes by folder, orders them, and lists the current note’s topics', () => {
		const sidebar = selectOne('nav#sidebar', parseHtml(site.page('networking/peering/index.html')));
		expect(selectAll('.sidebar__group-title', sidebar).map(textOf)).toContain('networking');
		const titles = selectAll('.sidebar__notes > li > a', sidebar).map(textOf);
		expect(titles.indexOf('VPC Peering')).toBeLessThan(titles.indexOf('Endpoints'));
		expect(textOf(selectOne('a[aria-current="page"]', sidebar))).toBe('VPC Peering');
		expect(selectAll('.sidebar__topics a', sidebar).map((link) => link.properties.href)).toContain('#peering');
	});

	test('the home page lists every note with its topics', () => {
		const home = parseHtml(site.page('index.html'));
		const titles = selectAll('.note-card__title a', home).map(textOf);
		for (const title of ['Section cases', 'VPC Peering', 'Endpoints', 'Same note (same-md)', 'Same note (same-mdx)']) expect(titles).toContain(title);
		const topics = selectAll('.note-card__topics a', home).map((link) => link.properties.href);
		expect(topics).toContain('/cases/#two-sections');
		expect(topics).toContain('/cases/#demos');
	});

	test('previous and next links follow the reading order', () => {
		const page = parseHtml(site.page('networking/peering/index.html'));
		expect(select('a[rel="prev"]', page)).toBeDefined();
		expect(selectOne('a[rel="next"]', page).properties.href).toBe('/networking/endpoints/');
	});

	test('a note as .md and as .mdx produces the same markup', () => {
		const md = articleOf(site.page('same-md/index.html'));
		const mdx = articleOf(site.page('same-mdx/index.html'));
		expect(md).toContain('<notes-tabs');
		expect(mdx).toBe(md);
	});

	test('<Tabs>/<Tab> in .mdx produces the same tabs as ### sections', () => {
		// A `### summary` heading is also the target of the anchor GitHub gives it (`#summary`); a
		// <Tab label> is no Markdown heading, and GitHub gives it none: all else is the same.
		const md = articleOf(site.page('same-md/index.html'));
		expect(md).toContain('<h3 id="vpc-flow-logs-summary"><span class="heading-alias" id="summary"></span>summary</h3>');
		const explicit = articleOf(site.page('explicit-tabs/index.html'));
		expect(explicit).toBe(articleOf(site.page('same-md/index.html'), { sectionAliases: false }));
	});

	test('callouts, tables, task lists and highlighted code with a copy button render', () => {
		const article = selectOne('article', parseHtml(site.page('cases/index.html')));
		expect(select('.callout[data-callout="warning"]', article)).toBeDefined();
		expect(select('table', article)).toBeDefined();
		expect(select('input[type="checkbox"]', article)).toBeDefined();
		expect(select('div.code-block[data-language="js"] > pre.astro-code', article)).toBeDefined();
		expect(select('.code-block > button.code-block__copy', article)).toBeDefined();
	});

	test('one stylesheet and small deferred module scripts, no framework runtime', () => {
		const page = parseHtml(site.page('cases/index.html'));
		expect(selectAll('link[rel="stylesheet"]', page).length).toBeLessThanOrEqual(1);
		for (const script of selectAll('script', page)) {
			// A module (deferred by nature), or the tiny inline script that sets the theme before first paint.
			expect(script.properties.type === 'module' || Object.keys(script.properties).length === 0, JSON.stringify(script.properties)).toBe(true);
		}
	});
});

describe('a note that throws while its page is made (an .mdx expression reading a field of nothing)', () => {
	let site: BuiltSite;
	beforeAll(() => {
		site = builtSite(fixturePath('render-error'));
	});

	test('the build goes on: the report names the note, and its page says it could not be rendered and why', () => {
		expect(site.exitCode, site.output).toBe(0);
		expect(site.output).toContain('1 problem in the notes (1 note that could not be rendered)');
		expect(site.output).toMatch(/tests\/fixtures\/render-error\/throws\.mdx {2}the note could not be rendered \(TypeError: Cannot read properties of undefined/);
		const article = selectOne('article.note__body', parseHtml(site.page('throws/index.html')));
		expect(textOf(article)).toContain('This note could not be rendered');
		expect(textOf(article)).toContain('throws.mdx the note could not be rendered (TypeError');
		expect(selectOne('.render-error', article).properties.dataPagefindIgnore).toBe('');
		// Its title, its place in the sidebar and the links to it stay: no link leads to a 404.
		expect(textOf(selectOne('h1', parseHtml(site.page('throws/index.html'))))).toBe('Throws');
		expect(select('article.note__body a[href="/throws/"]', parseHtml(site.page('good/index.html')))).not.toBeNull();
	});

	test('every other note builds, and the pages made of all the notes leave only its cards out', () => {
		expect(textOf(selectOne('article.note__body', parseHtml(site.page('good/index.html'))))).toContain('Spend the error budget on releases.');
		const cheatsheet = parseHtml(site.page('cheatsheet/index.html'));
		expect(selectAll('.cheatsheet__topic-title', cheatsheet).map(textOf)).toEqual(['Budgets']);
		expect(existsSync(path.join(site.dist, 'review/cards/index.html'))).toBe(true);
	});

	test('strict mode fails the build on it, with the report', () => {
		const strict = builtSite(fixturePath('render-error'), { env: { NOTES_STRICT: '1' } });
		expect(strict.exitCode).not.toBe(0);
		expect(strict.output).toContain('Strict mode');
		expect(strict.output).toContain('render-error/throws.mdx  the note could not be rendered');
	});
});

describe('building notes with bad input', () => {
	let site: BuiltSite;
	beforeAll(() => {
		site = builtSite(fixturePath('bad-input'));
	});

	test('the build goes on without the bad notes and says why for each', () => {
		expect(site.exitCode, site.output).toBe(0);
		expect(existsSync(path.join(site.dist, 'good/index.html'))).toBe(true);
		expect(existsSync(path.join(site.dist, 'empty/index.html'))).toBe(false);
		expect(site.output).toContain('6 problems in the notes');
		expect(site.output).toContain('tests/fixtures/bad-input/broken.mdx:3:22  MDX syntax error');
		expect(site.output).toContain('tests/fixtures/bad-input/latin1.md:1  the note is not valid UTF-8');
		expect(site.output).toContain('tests/fixtures/bad-input/empty.md  the note has no content');
		expect(site.output).toContain('tests/fixtures/bad-input/dup-note.md  the note would have the URL /dup-note/');
		expect(site.output).toContain('tests/fixtures/bad-input/bad-frontmatter.md:2  front matter is not valid YAML');
	});

	test('strict mode fails the build after listing every problem', () => {
		const strict = builtSite(fixturePath('bad-input'), { env: { NOTES_STRICT: '1' } });
		expect(strict.exitCode).not.toBe(0);
		expect(strict.output).toContain('Strict mode');
		expect(strict.output).toContain('6 problems in the notes');
		expect(strict.output).toContain('wrong-type.md:2');
	});
});
