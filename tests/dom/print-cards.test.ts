import { describe, expect, test } from 'vitest';
import { PRINT_COLUMNS, PRINT_ROWS, printSheets } from '../../src/dom/print-cards.ts';

describe('sheets of cards to print', () => {
	test('fronts fill a sheet in reading order; backs mirror each row, empty cells included', () => {
		expect(PRINT_COLUMNS * PRINT_ROWS).toBe(8);
		const [first, second] = printSheets(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i']);
		expect(first).toEqual({ fronts: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'], backs: ['b', 'a', 'd', 'c', 'f', 'e', 'h', 'g'] });
		const empty = Array.from({ length: 6 }, () => undefined);
		expect(second).toEqual({ fronts: ['i', undefined, ...empty], backs: [undefined, 'i', ...empty] });
	});

	test('no cards, no sheets', () => {
		expect(printSheets([])).toEqual([]);
	});
});
