import { toHtml } from 'hast-util-to-html';
import { describe, expect, test } from 'vitest';
import { parseBase, runBaseView } from '../../src/dataview/bases.ts';
import { runQuery } from '../../src/dataview/execute.ts';
import { QueryFailure } from '../../src/dataview/failure.ts';
import type { DataviewLink, DataviewValue } from '../../src/dataview/values.ts';
import { renderBaseResult, renderResult, renderValue } from '../../src/dom/dataview.ts';
import { date, task, vault } from '../dataview/index.ts';

const notes = vault([
	{ path: 'games/lol.md', tags: ['#games'], fields: { started: date('2021-05-16'), genres: ['moba', 'pvp'], finished: null, cover: 'https://example.org/lol.png' } },
	{ path: 'daily/2022-09-21.md', tasks: [task('Buy shoes', false, [task('black', true)])], links: ['lol', 'gone'] },
]);
const origin = notes.pages[1]!;
const href = (link: DataviewLink): string | undefined => (notes.page(link) ? `/notes/${link.path.replace(/\.md$/, '')}/` : undefined);

function html(source: string): string {
	const result = runQuery(source, notes, origin, { now: date('2024-01-01') });
	if (result instanceof QueryFailure) throw new Error(result.message);
	return toHtml(renderResult(result, href));
}

describe('the Dataview contract', () => {
	test('a list: link, then the value', () => {
		expect(html('LIST started FROM #games')).toMatchInlineSnapshot(`"<div class="dataview dataview-list"><ul><li><a href="/notes/games/lol/">lol</a>: <time datetime="2021-05-16">May 16, 2021</time></li></ul></div>"`);
	});

	test('a table counts its results in the first header; null as "-", lists as ul', () => {
		expect(html('TABLE started, genres, finished FROM "games"')).toMatchInlineSnapshot(`"<div class="dataview dataview-table"><table><thead><tr><th>File <span class="dataview-count">(1)</span></th><th>started</th><th>genres</th><th>finished</th></tr></thead><tbody><tr><td><a href="/notes/games/lol/">lol</a></td><td><time datetime="2021-05-16">May 16, 2021</time></td><td><ul><li>moba</li><li>pvp</li></ul></td><td>-</td></tr></tbody></table></div>"`);
	});

	test('WITHOUT ID counts in its first column', () => {
		expect(html('TABLE WITHOUT ID file.name AS Name FROM "games"')).toMatchInlineSnapshot(`"<div class="dataview dataview-table"><table><thead><tr><th>Name <span class="dataview-count">(1)</span></th></tr></thead><tbody><tr><td>lol</td></tr></tbody></table></div>"`);
	});

	test('tasks with their children, grouped under a line naming the group', () => {
		expect(html('TASK')).toMatchInlineSnapshot(`"<div class="dataview dataview-task"><ul class="contains-task-list"><li class="task-list-item" data-task=" "><input type="checkbox" disabled> Buy shoes<ul class="contains-task-list"><li class="task-list-item" data-task="x"><input type="checkbox" disabled checked> black</li></ul></li></ul></div>"`);
		expect(html('TASK GROUP BY file.link')).toMatchInlineSnapshot(`"<div class="dataview dataview-task"><p class="dataview-group"><a href="/notes/daily/2022-09-21/">2022-09-21</a> <span class="dataview-count">(1)</span></p><ul class="contains-task-list"><li class="task-list-item" data-task=" "><input type="checkbox" disabled> Buy shoes<ul class="contains-task-list"><li class="task-list-item" data-task="x"><input type="checkbox" disabled checked> black</li></ul></li></ul></div>"`);
	});

	test('no results says so calmly', () => {
		expect(html('LIST FROM #none')).toMatchInlineSnapshot(`"<div class="dataview dataview-list"><p class="dataview-empty">No results.</p></div>"`);
	});

	test('values: a link to no note is marked broken; dates with a time; durations; objects', () => {
		expect(toHtml({ type: 'root', children: renderValue(origin.file.outlinks[1]!, href) })).toMatchInlineSnapshot(`"<span class="link-broken" title="Not found: [[gone]]">gone<span class="visually-hidden" data-pagefind-ignore=""> (broken link)</span></span>"`);
		expect(toHtml({ type: 'root', children: renderValue([date('2024-06-21T14:05'), { a: 1, b: true }], href) })).toMatchInlineSnapshot(`"<ul><li><time datetime="2024-06-21T14:05">2:05 PM - June 21, 2024</time></li><li><ul><li><strong>a</strong>: 1</li><li><strong>b</strong>: true</li></ul></li></ul>"`);
	});

	test('a base: cards with the cover image, the link as title and the fields as a dl', () => {
		expect(baseHtml('views:\n  - type: cards\n    image: note.cover\n    order: [file.name, started]')).toMatchInlineSnapshot(`"<div class="dataview dataview-cards"><ul class="dataview-cards-list"><li class="dataview-card"><img src="https://example.org/lol.png" alt="" loading="lazy"><p class="dataview-card-title"><a href="/notes/games/lol/">lol</a></p><dl><dt>started</dt><dd><time datetime="2021-05-16">May 16, 2021</time></dd></dl></li><li class="dataview-card"><p class="dataview-card-title"><a href="/notes/daily/2022-09-21/">2022-09-21</a></p><dl><dt>started</dt><dd>-</dd></dl></li></ul></div>"`);
		expect(baseHtml('views:\n  - type: cards\n    filters: file.hasTag("none")')).toMatchInlineSnapshot(`"<div class="dataview dataview-cards"><p class="dataview-empty">No results.</p></div>"`);
	});

	test('a grouped base view: a line naming each group, counting its results', () => {
		expect(baseHtml('views:\n  - type: list\n    groupBy:\n      property: file.folder')).toMatchInlineSnapshot(`"<div class="dataview dataview-list"><p class="dataview-group">daily <span class="dataview-count">(1)</span></p><ul><li><a href="/notes/daily/2022-09-21/">2022-09-21</a></li></ul><p class="dataview-group">games <span class="dataview-count">(1)</span></p><ul><li><a href="/notes/games/lol/">lol</a></li></ul></div>"`);
	});

	test('an image that is not on the web is drawn where the site says it is, else not at all', () => {
		const local = (image: DataviewValue) => (typeof image === 'string' ? `/img/${image}.png` : undefined);
		const result = runBaseView(parsed('views:\n  - type: cards\n    image: file.basename\n    filters: file.hasTag("games")'), 0, notes, origin);
		if (result instanceof QueryFailure) throw new Error(result.message);
		expect(toHtml(renderBaseResult(result, href))).not.toContain('<img');
		expect(toHtml(renderBaseResult(result, href, local))).toContain('<img src="/img/lol.png" alt="" loading="lazy">');
	});
});

function parsed(yaml: string) {
	const base = parseBase(yaml);
	if (base instanceof QueryFailure) throw new Error(base.message);
	return base;
}

function baseHtml(yaml: string): string {
	const result = runBaseView(parsed(yaml), 0, notes, origin, { now: date('2024-01-01') });
	if (result instanceof QueryFailure) throw new Error(result.message);
	return toHtml(renderBaseResult(result, href));
}
