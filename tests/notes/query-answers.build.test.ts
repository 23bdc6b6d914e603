import { beforeAll, describe, expect, test } from 'vitest';
import { builtSite, type BuiltSite } from '../support/build.ts';
import { parseHtml, selectAll, selectOne, textOf } from '../support/html.ts';

/** tests/fixtures/dataview-vault: two books with properties and fields, tasks, and a note of queries. */
describe('Dataview queries, answered when the site is built', () => {
	let site: BuiltSite;
	let page: ReturnType<typeof parseHtml>;
	beforeAll(() => {
		site = builtSite('tests/fixtures/dataview-vault');
		page = parseHtml(site.page('reading/index.html'));
	}, 300_000);

	const answers = () => selectAll('article .dataview', page);

	test('every query is replaced where it stands, in order: inline values, tables, lists, tasks, then what is not answered', () => {
		expect(site.exitCode, site.output).toBe(0);
		expect(answers().map((answer) => (answer.properties.className as string[]).join(' '))).toEqual([
			'dataview dataview-inline',
			'dataview dataview-inline',
			'dataview dataview-table',
			'dataview dataview-list',
			'dataview dataview-list',
			'dataview dataview-task',
			'dataview dataview-unanswered',
			'dataview dataview-unanswered',
			'dataview dataview-unanswered',
			'dataview dataview-task',
		]);
		expect(selectAll('article pre code', page).map(textOf)).toEqual(['TABLE author FROM #book WHERE year >', 'CALENDAR file.ctime', 'dv.list(dv.pages("#book").file.name)']);
	});

	test('inline queries read this note and another by its link', () => {
		const [name, author] = answers();
		expect([textOf(name), textOf(author)]).toEqual(['Reading', 'Frank Herbert']);
	});

	test('TABLE: front matter fields, a header AS written, FROM a tag, sorted; each note a link to its page', () => {
		const table = answers()[2];
		expect(selectAll('th', table).map(textOf)).toEqual(['File (2)', 'Author', 'year']);
		expect(selectAll('tbody tr', table).map((row) => selectAll('td', row).map(textOf))).toEqual([
			['Dune', 'Frank Herbert', '1965'],
			['Hyperion', 'Dan Simmons', '1989'],
		]);
		expect(selectAll('tbody a', table).map((link) => link.properties.href)).toEqual(['/books/dune/', '/books/hyperion/']);
	});

	test('LIST: WHERE on an inline field, and FROM [[note]] (the notes linking to it)', () => {
		const [byField, byLink] = answers().slice(3, 5);
		expect(selectAll('li', byField).map(textOf)).toEqual(['Hyperion']);
		expect(selectAll('li', byLink).map(textOf)).toEqual(['Hyperion']);
	});

	test('TASK: open tasks of a folder, with their subtasks, as disabled checkboxes', () => {
		const tasks = answers()[5];
		expect(selectAll(':scope > ul > li', tasks).map((item) => textOf(item).split('\n')[0].trim())).toEqual([expect.stringMatching(/^Book the exam/)]);
		expect(selectAll('input[type=checkbox]', tasks).map((box) => [box.properties.disabled, box.properties.checked ?? false])).toEqual([
			[true, false],
			[true, true],
		]);
	});

	test("the Tasks plugin's query: open tasks of a path, each task a line of its own, as the plugin lists them", () => {
		const tasks = answers().at(-1)!;
		expect(selectAll('li', tasks).map((item) => textOf(item))).toEqual(['Book the exam 📅 2030-06-01']);
	});

	test('a query that fails, one not supported and code are folded under the reason, and reported at their lines', () => {
		const summaries = selectAll('details.dataview-unanswered > summary', page).map(textOf);
		expect(summaries).toEqual([
			'dataview query not answered: Expected an expression, found the end of the query',
			'dataview query not answered: CALENDAR queries are not supported: only LIST, TABLE and TASK',
			'dataviewjs query not answered: JavaScript in a note is not run on this site',
		]);
		expect(site.output).toContain('4 problems in the notes (3 queries not answered, 1 piece of code not run)');
		expect(site.output).toContain('tests/fixtures/dataview-vault/Reading.md:30:13  query failed: Expected an expression, found the end of the query (TABLE author FROM #book WHERE year >)');
		expect(site.output).toContain('tests/fixtures/dataview-vault/Reading.md:34:1  query not answered: CALENDAR queries are not supported');
		expect(site.output).toContain('tests/fixtures/dataview-vault/Reading.md:37  a `dataviewjs` block is not run');
	});

	test('answers are searchable text of the page; a note without queries is left as it was', () => {
		expect(selectOne('article[data-pagefind-body]', page)).toBeDefined();
		expect(selectAll('.dataview', parseHtml(site.page('books/dune/index.html')))).toEqual([]);
	});

	test('a .base file is a page of its views, each under its name: a table with formulas and display names, cards', () => {
		const library = parseHtml(site.page('library/index.html'));
		expect(textOf(selectOne('h1', library)!)).toBe('Library');
		expect(selectAll('.dataview-base-view > .dataview-view-name', library).map(textOf)).toEqual(['Books by year', 'Shelf']);
		const rows = selectAll('.dataview-table tbody tr', library).map((row) => selectAll('td', row).map(textOf));
		expect(rows).toEqual([
			['Hyperion', 'Dan Simmons', '1989', '41'],
			['Dune', 'Frank Herbert', '1965', '65'],
		]);
		expect(selectAll('.dataview-table th', library).map(textOf).slice(1)).toEqual(['Author', 'year', 'age']);
		expect(selectAll('.dataview-card .dataview-card-title', library).map(textOf)).toEqual(['Dune', 'Hyperion']);
	});

	test('![[file.base]] embeds its first view; a ```base block in a note is answered where it stands', () => {
		const shelf = parseHtml(site.page('shelf/index.html'));
		expect(selectAll('.embed .dataview-view-name', shelf).map(textOf)).toEqual(['Books by year']);
		const own = selectAll('article > notes-query > .dataview-base', shelf);
		expect(own.map((base) => selectAll('.dataview-view-name', base).map(textOf))).toEqual([['Loved']]);
		expect(selectAll('li', own[0]).map(textOf)).toEqual(['Dune']);
	});

	test('a base that does not parse is reported at its line in the .base file, and its page shows it folded', () => {
		expect(site.output).toContain("tests/fixtures/dataview-vault/Broken.base:4:37  query failed: Expected an expression, found the end of the expression");
		expect(selectAll('details.dataview-unanswered', parseHtml(site.page('broken/index.html')))).toHaveLength(1);
	});

	test('in a summary, the answer is on the page; the cheat sheet and the review cards link to it instead', () => {
		const revision = parseHtml(site.page('revision/index.html'));
		expect(selectAll('notes-query .dataview-list li', revision).map(textOf)).toEqual(['Dune', 'Hyperion']);
		for (const file of ['cheatsheet/index.html', 'review/cards/index.html']) {
			const html = site.page(file);
			expect(html, file).toContain("A query's answer: on the note's page");
			expect(html, file).not.toContain('dataview-list');
		}
	});
});
