import { describe, expect, test } from 'vitest';
import { builtSite, fixturePath } from '../support/build.ts';
import { parseHtml, select, selectAll, selectOne, textOf } from '../support/html.ts';

const site = () => builtSite(fixturePath('logseq-graph'));
const page = (file: string) => parseHtml(site().page(file));
const article = (file: string) => selectOne('article.note__body', page(file));
const PAGES = ['pages/linux/index.html', 'pages/popos/index.html', 'journals/2023_11_11/index.html'];

/** Logseq's syntax, which must never reach a reader as text. */
const RAW_SYNTAX = [/::/, /\(\(/, /\{\{/, /:LOGBOOK:|CLOCK:|:END:/, /\bTODO\b|\bDONE\b|\bCANCELED\b|\bLATER\b/, /SCHEDULED|DEADLINE/];

describe('a Logseq graph, shown as Logseq shows it', () => {
	test('builds, reporting each reference to a block no page has with its file and the line as written', () => {
		expect(site().exitCode, site().output).toBe(0);
		expect(site().output).toContain('2 problems in the notes (2 broken links):');
		// Linux.md's drawer and hidden properties were taken out before line 21: the report counts them.
		expect(site().output).toContain('tests/fixtures/logseq-graph/pages/Linux.md:21:12  ((6559116e-0000-4000-8000-0000000000ff))');
		expect(site().output).toContain('tests/fixtures/logseq-graph/pages/Popos.md:5:9  ((6559116e-0000-4000-8000-00000000dead))');
	});

	test('no syntax shows as text, but in code and in the broken references, marked', () => {
		for (const file of PAGES) {
			const body = article(file);
			for (const hidden of selectAll('code, .link-broken', body)) hidden.children = [];
			for (const syntax of RAW_SYNTAX) expect(textOf(body), `${file}: ${syntax}`).not.toMatch(syntax);
		}
	});

	test('pages are titled by their file names, tagged by their tags:: property', () => {
		const linux = page('pages/linux/index.html');
		expect(textOf(selectOne('h1', linux))).toBe('Linux');
		expect(selectAll('.tag-list .tag', linux).map(textOf)).toEqual(expect.arrayContaining(['#os', '#tools']));
	});

	test('page and block properties show as properties, those Logseq hides do not', () => {
		const body = article('pages/linux/index.html');
		expect(selectAll('.property', body).map((property) => [property.properties.dataProperty, textOf(property)])).toEqual([
			['alias', 'alias penguin'],
			['tags', 'tags os, tools'],
			['site', 'site Example'],
			['author', 'author Lissa'],
		]);
		expect(selectOne('.property[data-property="site"] a', body).properties.href).toBe('https://example.com');
		expect(textOf(body)).not.toMatch(/000000000001|collapsed|true/);
		const journal = article('journals/2023_11_11/index.html');
		expect(textOf(selectOne('.property[data-property="scheduled"]', journal))).toBe('scheduled 2023-11-12 Sun');
	});

	test('task markers are task list checkboxes; CANCELED is struck through', () => {
		const body = article('pages/linux/index.html');
		const tasks = selectAll('li.task-list-item', body).map((item) => [select('input[checked]', item) !== undefined, textOf(item).trim()]);
		expect(tasks).toEqual([
			[false, 'learn about systemd'],
			[true, 'read the manual'],
			[false, 'NOW writing this page'],
		]);
		expect(textOf(selectOne('del', body))).toBe('an old plan');
	});

	test('a YouTube video is a click-to-load placeholder linked to it; a cloze is highlighted; a plugin\'s macro is gone', () => {
		const body = article('pages/linux/index.html');
		const video = selectOne('figure[data-media-provider="youtube"] a.media__placeholder[href="https://www.youtube.com/watch?v=cOhGrBwZZqE"]', body);
		expect(select('img', video)).toBeUndefined();
		expect(textOf(selectOne('mark', body))).toBe('Paris');
		expect(textOf(body)).not.toContain('renderer');
	});

	test('block references show the block\'s text; embeds quote the block, or the page', () => {
		const body = article('pages/popos/index.html');
		const ref = selectOne('a.block-ref', body);
		expect([textOf(ref), ref.properties.href]).toEqual(['Install notes', '/pages/linux/']);
		const [block, linux] = selectAll('blockquote.embed', body);
		expect(textOf(selectOne('.embed__source', block))).toBe('From Linux');
		expect(textOf(block)).toContain('sudo apt update');
		expect(textOf(block)).not.toContain('learn about systemd');
		expect(textOf(linux)).toContain('learn about systemd');
		expect(select('.property[data-property="alias"]', linux)).toBeDefined();
	});

	test('a page that references a block is among the block\'s page\'s backlinks, with the sentence as shown', () => {
		const backlinks = selectAll('.backlinks li', page('pages/linux/index.html')).map(textOf);
		expect(backlinks.join('\n')).toContain('Popos');
		expect(backlinks.join('\n')).not.toContain('((');
	});
});
