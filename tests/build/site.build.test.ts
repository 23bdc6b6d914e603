import { existsSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { MERMAID_FOLDER } from '../../src/diagrams/mermaid-files.ts';
import { builtSite, fixturePath, type BuiltSite } from '../support/build.ts';

/** The `<article>` of a note page: what the notes pipeline produced. */
const articleOf = (html: string) => /<article class="note__body"[^>]*>([\s\S]*?)<\/article>/.exec(html)![1];
/** Whitespace between tags does not render; compare markup without it. */
const withoutInterTagSpace = (html: string) => html.replace(/>\s+</g, '><').trim();

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
		const html = site.page('cases/index.html');
		expect(html).toContain('<title>Section cases · Study notes</title>');
		expect(html).toMatch(/<h1[^>]*>Section cases<\/h1>/);
		expect(articleOf(html)).not.toContain('Section cases');
	});

	test('sets <html lang> and requests nothing from another host', () => {
		const html = site.page('cases/index.html');
		expect(html).toMatch(/<html lang="en"/);
		expect(html).not.toMatch(/(?:src|href)="(?:https?:)?\/\//);
	});

	test('the sidebar groups notes by folder, orders them, and lists the current note’s topics', () => {
		const html = site.page('networking/peering/index.html');
		const sidebar = /<nav id="sidebar"[\s\S]*?<\/nav>/.exec(html)![0];
		expect(sidebar).toContain('<h2 class="sidebar__group-title">networking</h2>');
		expect(sidebar.indexOf('VPC Peering')).toBeLessThan(sidebar.indexOf('Endpoints'));
		expect(sidebar).toMatch(/aria-current="page"[^>]*>\s*VPC Peering/);
		expect(sidebar).toContain('href="#peering"');
	});

	test('the home page lists every note with its topics', () => {
		const html = site.page('index.html');
		for (const title of ['Section cases', 'VPC Peering', 'Endpoints', 'Same note']) expect(html).toContain(title);
		expect(html).toContain('href="/cases/#two-sections"');
		expect(html).toContain('href="/cases/#demos"');
	});

	test('previous and next links follow the reading order', () => {
		const html = site.page('networking/peering/index.html');
		expect(html).toMatch(/rel="prev"/);
		expect(html).toMatch(/href="\/networking\/endpoints\/" rel="next"/);
	});

	test('a note as .md and as .mdx produces the same markup', () => {
		const md = articleOf(site.page('same-md/index.html'));
		const mdx = articleOf(site.page('same-mdx/index.html'));
		expect(md).toContain('<notes-tabs');
		expect(withoutInterTagSpace(mdx)).toBe(withoutInterTagSpace(md));
	});

	test('<Tabs>/<Tab> in .mdx produces the same tabs as ### sections', () => {
		const md = articleOf(site.page('same-md/index.html'));
		const explicit = articleOf(site.page('explicit-tabs/index.html'));
		expect(withoutInterTagSpace(explicit)).toBe(withoutInterTagSpace(md));
	});

	test('alerts, tables, task lists and highlighted code with a copy button render', () => {
		const html = articleOf(site.page('cases/index.html'));
		expect(html).toContain('data-alert="warning"');
		expect(html).toContain('<table>');
		expect(html).toContain('type="checkbox"');
		expect(html).toMatch(/<div class="code-block" data-language="js"><pre class="astro-code/);
		expect(html).toContain('class="code-block__copy"');
	});

	test('one stylesheet and small deferred module scripts, no framework runtime', () => {
		const html = site.page('cases/index.html');
		expect(html.match(/<link rel="stylesheet"/g)?.length ?? 0).toBeLessThanOrEqual(1);
		for (const script of html.match(/<script\b[^>]*>/g) ?? []) {
			expect(script).toMatch(/type="module"|^<script>$/);
		}
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
