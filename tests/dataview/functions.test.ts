import { describe, expect, test } from 'vitest';
import { evaluateInline } from '../../src/dataview/execute.ts';
import { QueryFailure } from '../../src/dataview/failure.ts';
import { displayValue } from '../../src/dataview/text.ts';
import { date, vault } from './index.ts';

/** Examples from Dataview's docs/docs/reference/functions.md, each as `expression = expected`. */

const notes = vault([{ path: 'Hello.md', fields: { due: date('2024-01-31') } }]);
const origin = notes.pages[0]!;

function value(expression: string): unknown {
	const result = evaluateInline(expression, notes, origin, { now: date('2024-06-21T09:30') });
	if (result instanceof QueryFailure) throw new Error(`${expression}: ${result.message}`);
	return result;
}

const EXAMPLES: [string, unknown][] = [
	['lower(["YES", "NO"])', ['yes', 'no']],
	['replace(["yes", "ree"], "e", "a")', ['yas', 'raa']],
	['list(1, 2, 3)', [1, 2, 3]],
	['number("18 years")', 18],
	['number("hmm")', null],
	['round(16.555555, 2)', 16.56],
	['round(16.555555)', 17],
	['min([1, 2, 3])', 1],
	['max("a", "ab", "abc")', 'abc'],
	['sum([])', null],
	['sum(nonnull([null, 1, 8]))', 9],
	['contains("Hello", "Lo")', false],
	['icontains("Hello", "Lo")', true],
	['econtains(["this","is","example"], "ex")', false],
	['econtains(["this","is","example"], "is")', true],
	['contains(["this","is","example"], "ex")', true],
	['containsword("Hello there", "there")', true],
	['containsword("Hello theres", "there")', false],
	['sort(list("a", "b", "aa"))', ['a', 'aa', 'b']],
	['reverse(list(1, 2, 3))', [3, 2, 1]],
	['length(object("hello", 1, "goodbye", 2))', 2],
	['nonnull([null, false])', [false]],
	['all([1, 2, 3], (x) => x > 1)', false],
	['any(list(1, 2, 3), (x) => x > 2)', true],
	['none(["Apple", "Pi", "Banana"], (x) => startswith(x, "A"))', false],
	['join(list(1, 2, 3), " ")', '1 2 3'],
	['join(list())', ''],
	['filter(["yes", "no", "yas"], (x) => startswith(x, "y"))', ['yes', 'yas']],
	['map([1, 2, 3], (x) => x + 2)', [3, 4, 5]],
	['regexmatch("what", "what\'s up dog?")', false],
	['regexmatch("\\w+", "hello")', true],
	['regexreplace("Suite 1000", "\\d+", "-")', 'Suite -'],
	['replace("The big dog chased the big cat.", "big", "small")', 'The small dog chased the small cat.'],
	['split("hello  world", "\\s+")', ['hello', 'world']],
	['split("hello there world", " ", 2)', ['hello', 'there']],
	['endswith("yes", "ye")', false],
	['default(list(1, 2, null), 3)', [1, 2, 3]],
	['choice(false, "yes", "no")', 'no'],
	['list("A", "B", "C")[0]', 'A'],
	['"⭐" * 3', '⭐⭐⭐'],
	['dateformat(date(2022-01-05T12:18:04), "yyyy-MM-dd HH:mm:ss")', '2022-01-05 12:18:04'],
	['date(today) = striptime(date(now))', true],
	['date(2024-01-31) + dur(1 month) = date(2024-02-29)', true],
	['this.due - dur(2 days) = date(2024-01-29)', true],
	['date(sow) = date(2024-06-17) and date(eom) = date(2024-06-30)', true],
	['typeof(dur(8 minutes))', 'duration'],
	['[[Hello]].due = this.due', true],
];

describe("Dataview's functions, by its documented examples", () => {
	test.each(EXAMPLES)('%s', (expression, expected) => {
		expect(value(expression)).toEqual(expected);
	});

	test('dates and durations as text', () => {
		expect(displayValue(value('string(date(2021-08-15))') as string)).toBe('August 15, 2021');
		expect(value('string(dur(8 hours))')).toBe('8 hours');
		expect(value('string(dur("1 s, 2 m, 3 h"))')).toBe('3 hours, 2 minutes, 1 second');
	});

	test('a wrong argument is named with its function', () => {
		expect(evaluateInline('padleft(3, 5)', notes, origin)).toEqual(new QueryFailure('padleft(): argument 1 must be text, not number', { line: 1, column: 1 }));
	});
});
