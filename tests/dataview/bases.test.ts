import { describe, expect, test } from 'vitest';
import { parseBase, runBaseView, type BaseAnswer, type BaseResult } from '../../src/dataview/bases.ts';
import { parseBaseExpression } from '../../src/dataview/bases-expression.ts';
import { QueryError, QueryFailure } from '../../src/dataview/failure.ts';
import { displayValue } from '../../src/dataview/text.ts';
import { DataviewLink } from '../../src/dataview/values.ts';
import { date, vault } from './index.ts';

/**
 * Golden answers from the examples of Obsidian's Bases documentation (help.obsidian.md "Bases
 * syntax", "Functions" and "Views"), over a small library of books.
 */

const library = vault([
	{ path: 'Books/Dune.md', tags: ['#book'], fields: { author: 'Frank Herbert', price: 12.5, age: 5, status: 'reading', cover: 'dune.jpg' }, links: ['Textbook'], ctime: '2024-03-01T09:00' },
	{ path: 'Books/Emma.md', tags: ['#book/classic'], fields: { author: 'Jane Austen', price: 4, age: 2, status: 'done' }, ctime: '2024-01-10T09:00' },
	{ path: 'Required Reading/Ulysses.md', tags: ['#book'], fields: { author: 'James Joyce', price: 30, age: 4, status: 'to-read' }, ctime: '2024-02-01T09:00' },
	{ path: 'Required Reading/Notes.md', tags: ['#tag'], fields: { status: 'done' }, ctime: '2023-12-24T09:00' },
	{ path: 'Textbook.md', fields: { price: 80, age: 10, reviewers: [new DataviewLink('Books/Dune.md')] } },
	{ path: 'Home.md', fields: { status: 'reading' }, links: ['Dune'] },
]);
const home = library.pages[5]!;
const now = date('2024-03-15T12:00');

function base(yaml: string) {
	const parsed = parseBase(yaml);
	if (parsed instanceof QueryFailure) throw new Error(`${parsed.message} (line ${parsed.line})`);
	return parsed;
}

function run(yaml: string, view = 0): BaseResult {
	const result = runBaseView(base(yaml), view, library, home, { now });
	if (result instanceof QueryFailure) throw new Error(`${result.message} (line ${result.line})`);
	return result;
}

function only(result: BaseResult): BaseAnswer {
	expect(result.groups).toHaveLength(1);
	return result.groups[0]!.answer;
}

/** Each row's cells as text. */
function cells(yaml: string, view = 0): string[][] {
	const answer = only(run(yaml, view));
	if (answer.type !== 'table') throw new Error(answer.type);
	return answer.rows.map((row) => row.map(displayValue));
}

function names(yaml: string): string[] {
	return cells(yaml).map((row) => row[0]!);
}

function failure(yaml: string, view = 0): { message: string; line: number; column: number | undefined; unsupported: boolean } {
	const parsed = parseBase(yaml);
	const result = parsed instanceof QueryFailure ? parsed : runBaseView(parsed, view, library, home, { now });
	if (!(result instanceof QueryFailure)) throw new Error('answered');
	return { message: result.message, line: result.line, column: result.column, unsupported: result.unsupported };
}

const view = (lines: string) => `views:\n  - type: table\n    name: All\n${lines}`;

describe('filters', () => {
	test('the documentation example: or of a tag, an and group and a not group', () => {
		const yaml = `filters:
  or:
    - file.hasTag("tag")
    - and:
        - file.hasTag("book")
        - file.hasLink("Textbook")
    - not:
        - file.hasTag("book")
        - file.inFolder("Required Reading")
${view('')}`;
		// Notes: #tag; Dune (#book, links to Textbook); and every note neither #book nor in Required Reading.
		expect(names(yaml)).toEqual(['Dune', 'Notes', 'Textbook', 'Home']);
	});

	test('a single string, comparisons, && || !, and the view filters joined to the base filters with and', () => {
		expect(names(`filters: 'price > 10'\n${view('')}`)).toEqual(['Dune', 'Ulysses', 'Textbook']);
		expect(names(`filters: 'price > 10 && !file.inFolder("Books") || status == "done"'\n${view('')}`)).toEqual(['Emma', 'Ulysses', 'Notes', 'Textbook']);
		expect(names(`filters: file.hasTag("book")\n${view(`    filters:\n      and:\n        - 'status != "done"'\n        - or:\n            - "price / age > 5"\n            - "price > 2.1"`)}`)).toEqual(['Dune', 'Ulysses']);
	});

	test('nested tags count, note.x and bare x are the same property, this is the embedding note', () => {
		expect(names(`filters: file.hasTag("book")\n${view('')}`)).toEqual(['Dune', 'Emma', 'Ulysses']);
		expect(names(`filters: 'note.status == "reading" && status == "reading"'\n${view('')}`)).toEqual(['Dune', 'Home']);
		expect(names(`filters: file.hasLink(this.file)\n${view('')}`)).toEqual([]);
		expect(names(`filters: 'this.file.hasLink(file) || status == this.status'\n${view('')}`)).toEqual(['Dune', 'Home']);
		expect(names(`filters: 'reviewers.contains(link("Dune"))'\n${view('')}`)).toEqual(['Textbook']);
	});

	test('dates: a file modified within the last weeks, date arithmetic with duration strings', () => {
		expect(names(`filters: 'file.ctime > now() - "3w"'\n${view('')}`)).toEqual(['Dune']);
		expect(names(`filters: 'file.ctime < date("2024-01-01")'\n${view('')}`)).toEqual(['Notes']);
	});
});

describe('formulas, properties and views', () => {
	const books = `filters: file.hasTag("book")
formulas:
  formatted_price: 'if(price, price.toFixed(2) + " dollars")'
  ppu: "(price / age).toFixed(2)"
  cheap: "formula.ppu < 2.5"
properties:
  status:
    displayName: Status
  formula.formatted_price:
    displayName: "Price"
  file.ext:
    displayName: Extension
views:
  - type: table
    name: "My table"
    order:
      - file.name
      - file.ext
      - note.age
      - formula.ppu
      - formula.formatted_price
      - status
  - type: table
    name: Cheap first
    filters: formula.cheap
    sort:
      - property: formula.ppu
        direction: ASC
  - type: table
    name: Two newest
    limit: 2
    sort:
      - property: file.ctime
        direction: DESC
`;

	test('the documentation example: columns in order, headed by display names, the file a link', () => {
		const answer = only(run(books));
		expect(answer).toMatchObject({ type: 'table', headers: ['file.name', 'Extension', 'age', 'ppu', 'Price', 'Status'] });
		expect(cells(books)).toEqual([
			['Dune', 'md', '5', '2.50', '12.50 dollars', 'reading'],
			['Emma', 'md', '2', '2.00', '4.00 dollars', 'done'],
			['Ulysses', 'md', '4', '7.50', '30.00 dollars', 'to-read'],
		]);
		expect(answer.type === 'table' && answer.rows[0]![0]).toEqual(new DataviewLink('Books/Dune.md'));
	});

	test('a formula using a formula in a view filter; sort; limit after sort; no order shows the file', () => {
		expect(cells(books, 1)).toEqual([['Emma']]);
		expect(run(books, 1).view).toBe('Cheap first');
		expect(cells(books.replace('formula.cheap', 'formula.ppu > 0'), 1)).toEqual([['Emma'], ['Dune'], ['Ulysses']]);
		expect(cells(books, 2)).toEqual([['Dune'], ['Ulysses']]);
	});

	test('functions of the documentation, each as it documents it', () => {
		const value = (formula: string): string => cells(`filters: 'file.name == "Dune.md"'\nformulas:\n  x: '${formula}'\n${view('    order: [formula.x]')}`)[0]![0]!;
		expect(value('"hello".contains("ell")')).toBe('true');
		expect(value('"hello".containsAll("h", "e")')).toBe('true');
		expect(value('[1,2,3].containsAny(3,4)')).toBe('true');
		expect(value('"a,b,c,d".split(",", 3)')).toBe('a, b, c');
		expect(value('"a:b:c:d".replace(/:/, "-")')).toBe('a-b:c:d');
		expect(value('"a:b:c:d".replace(/:/g, "-")')).toBe('a-b-c-d');
		expect(value('"John Smith".replace(/(\\w+) (\\w+)/, "$2, $1")')).toBe('Smith, John');
		expect(value('"hello world".title()')).toBe('Hello World');
		expect(value('"hello".slice(1, 4)')).toBe('ell');
		expect(value('(2.3333).round(2)')).toBe('2.33');
		expect(value('(-5).abs()')).toBe('5');
		expect(value('[1,2,3,4].filter(value > 2)')).toBe('3, 4');
		expect(value('[1,2,3,4].map(value + 1)')).toBe('2, 3, 4, 5');
		expect(value('[1,2,3].reduce(acc + value, 0)')).toBe('6');
		expect(value('[1,[2,3]].flat()')).toBe('1, 2, 3');
		expect(value('[3, 1, 2].sort()')).toBe('1, 2, 3');
		expect(value('[1,2,2,3].unique()')).toBe('1, 2, 3');
		expect(value('[1,2,3].join(",")')).toBe('1,2,3');
		expect(value('/abc/.matches("abcde")')).toBe('true');
		expect(value('123.toString()')).toBe('123');
		expect(value('"example".isType("string")')).toBe('true');
		expect(value('number("3.4")')).toBe('3.4');
		expect(value('date("2024-12-01") + "1M" + "4h" + "3m"')).toBe('4:03 AM - January 01, 2025');
		expect(value('date("2025-05-27").format("YYYY-MM-DD")')).toBe('2025-05-27');
		expect(value('file.ctime.format("dddd D MMMM YYYY [at] HH:mm")')).toBe('Friday 1 March 2024 at 09:00');
		expect(value('((now() + "1d") - now()).days')).toBe('1');
		expect(value('(today() - file.ctime.date()).days')).toBe('14');
		expect(value('file.ctime.relative()')).toBe('2 weeks ago');
		expect(value('missing.lower()')).toBe('-');
		expect(value('missing.isEmpty()')).toBe('true');
		expect(value('list(author)')).toBe('Frank Herbert');
		expect(value('file.basename + " (" + file.folder + ")"')).toBe('Dune (Books)');
		expect(value('if(price > 100, "dear")')).toBe('-');
	});

	test('cards: the file as title, the image property as cover, the other properties as fields', () => {
		const answer = only(run(`filters: file.inFolder("Books")\nproperties:\n  note.author:\n    displayName: Author\nviews:\n  - type: cards\n    name: Gallery\n    image: note.cover\n    order: [file.name, author, price]`));
		expect(answer).toEqual({
			type: 'cards',
			cards: [
				{ link: new DataviewLink('Books/Dune.md'), title: 'Dune', image: 'dune.jpg', fields: [{ label: 'Author', value: 'Frank Herbert' }, { label: 'price', value: 12.5 }] },
				{ link: new DataviewLink('Books/Emma.md'), title: 'Emma', fields: [{ label: 'Author', value: 'Jane Austen' }, { label: 'price', value: 4 }] },
			],
		});
	});

	test('list: the first property, then the others', () => {
		const answer = only(run(`filters: file.inFolder("Books")\nviews:\n  - type: list\n    order: [file.name, author]`));
		expect(answer).toEqual({ type: 'list', items: [{ id: new DataviewLink('Books/Dune.md'), value: 'Frank Herbert' }, { id: new DataviewLink('Books/Emma.md'), value: 'Jane Austen' }] });
	});

	test('groupBy: one answer per value, in the direction asked', () => {
		const result = run(`filters: 'status'\n${view('    groupBy:\n      property: note.status\n      direction: DESC')}`);
		expect(result.groups.map((group) => [group.key, group.answer.type === 'table' ? group.answer.rows.map((row) => displayValue(row[0]!)) : []])).toEqual([
			['to-read', ['Ulysses']],
			['reading', ['Dune', 'Home']],
			['done', ['Emma', 'Notes']],
		]);
	});
});

describe('failures', () => {
	test('an expression that does not read, at its line and column in the file', () => {
		expect(failure(`filters:\n  and:\n    - 'price >'\n${view('')}`)).toEqual({ message: 'Expected an expression, found the end of the expression', line: 3, column: 15, unsupported: false });
		expect(failure(`formulas:\n  a: '"open'\n${view('')}`)).toMatchObject({ message: 'This string has no closing quote (")', line: 2, column: 7 });
		expect(() => parseBaseExpression('a b')).toThrow(QueryError);
	});

	test('the YAML and its shape', () => {
		expect(failure('views: [\n')).toMatchObject({ message: expect.stringMatching(/^This base is not valid YAML: /), line: 2 });
		expect(failure('filter: a\nviews: []')).toEqual({ message: 'Unknown key filter: a base has filters, formulas, properties, summaries, views', line: 1, column: 1, unsupported: false });
		expect(failure(`filters:\n  xor: [a]\n${view('')}`)).toMatchObject({ message: 'A filter group has one key, and, or or not; found xor', line: 1 });
		expect(failure(view('    limit: many'))).toMatchObject({ message: 'limit is a number of results, not string "many"', line: 4 });
		expect(failure(view('    order: [formula.nope]'))).toMatchObject({ message: "Unknown formula formula.nope: the base's formulas do not define it", line: 4 });
	});

	test('what Bases has and this site does not answer is unsupported, named', () => {
		expect(failure(`formulas:\n  pic: 'image(cover)'\n${view('')}`)).toEqual({ message: 'image() is not supported: images in cells are not drawn', line: 2, column: 9, unsupported: true });
		expect(failure(`filters: 'file.frobnicate()'\n${view('')}`)).toMatchObject({ message: 'Unknown method frobnicate()', unsupported: true });
		expect(failure('views:\n  - type: map\n    name: Places')).toMatchObject({ message: 'map views are not supported: only table, cards, list', line: 3, unsupported: true });
		expect(failure(view('    summaries:\n      price: Average'))).toMatchObject({ message: 'Summaries (the totals under a table) are not supported', unsupported: true });
	});

	test('errors while answering name the note; a formula cannot use itself; a view that does not exist', () => {
		expect(failure(`formulas:\n  x: 'author.toFixed(2)'\n${view('    order: [formula.x]')}`)).toMatchObject({ message: 'toFixed() needs a number, not string in author.toFixed(2) (note Books/Dune.md)', line: 2 });
		expect(failure(`formulas:\n  a: 'formula.b + 1'\n  b: 'formula.a'\n${view('    order: [formula.a]')}`)).toMatchObject({ message: expect.stringMatching(/^Formula a refers to itself/) });
		expect(failure(view(''), 3)).toMatchObject({ message: 'This base has 1 view; there is no view 4' });
	});
});
