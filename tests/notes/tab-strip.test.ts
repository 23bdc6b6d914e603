import { describe, expect, test } from 'vitest';
import { labelWidth, NARROW_STRIP, tabRows, tabsFit, WIDE_STRIP } from '../../src/notes/tab-strip.ts';

describe('tab strip widths', () => {
	test('a label is as wide as its characters in the tab font (measured in Chromium at 15.2 px: "Summary" 81 px, "Architecture" 107 px)', () => {
		expect(Math.abs(labelWidth('Summary', 15.2) - 81)).toBeLessThan(1);
		expect(Math.abs(labelWidth('Architecture', 15.2) - 107)).toBeLessThan(1);
		expect(labelWidth('Summary', 14)).toBeCloseTo((labelWidth('Summary', 15.2) * 14) / 15.2, 5);
		// Narrow and wide letters differ: an `i` is a third of an `m`.
		expect(labelWidth('iii', 16)).toBeLessThan(labelWidth('mmm', 16) / 2);
	});

	test('Chinese, Japanese and Korean characters are a full em each; other letters about one lower-case letter', () => {
		expect(labelWidth('编程语言', 15.2)).toBeCloseTo(4 * 15.2, 5);
		expect(labelWidth('Übersicht', 16)).toBeGreaterThan(labelWidth('bersicht', 16));
	});

	test('tabs wrap as flex-wrap wraps them: a row holds what fits, a tab wider than the strip takes a row of its own', () => {
		expect(tabRows(['Summary', 'Concepts', 'Architecture', 'Flow logs'], WIDE_STRIP)).toBe(1);
		expect(tabRows(['Summary', 'Concepts', 'Architecture', 'Flow logs'], NARROW_STRIP)).toBe(2);
		expect(tabRows(['x'.repeat(80), 'y'], WIDE_STRIP)).toBe(2);
		expect(tabRows([], WIDE_STRIP)).toBe(0);
	});
});

describe('tabsFit', () => {
	test('the house format\'s sections fit', () => {
		expect(tabsFit(['Summary', 'Concepts', 'Flow logs', 'Architecture'])).toBe(true);
		expect(tabsFit(['Summary', 'Concepts', 'Architecture', 'Common exam pitfalls'])).toBe(true);
	});

	test('fifteen sections do not fit one row at 1280 px', () => {
		const labels = Array.from({ length: 15 }, (_, index) => `Section ${index + 1}`);
		expect(tabRows(labels, WIDE_STRIP)).toBeGreaterThan(1);
		expect(tabsFit(labels)).toBe(false);
	});

	test('tabs that fit one row at 1280 px but would take three rows at 375 px do not fit', () => {
		const labels = ['Definitions', 'Examples', 'Counterexamples', 'Exercises', 'References'];
		expect(tabRows(labels, WIDE_STRIP)).toBe(1);
		expect(tabRows(labels, NARROW_STRIP)).toBe(3);
		expect(tabsFit(labels)).toBe(false);
	});
});
