import { describe, expect, test } from 'vitest';
import { QR_CODE_CAPACITY, qrCodeModules, qrCodePath } from '../../src/scripts/qr-code.ts';

const text = (length: number) => 'x'.repeat(length);
const versionOf = (modules: boolean[][]) => (modules.length - 17) / 4;

/** The 15 format bits, as the copy around the top-left finder pattern holds them (bit 0 first). */
function formatBits(modules: boolean[][]): number {
	const at: [x: number, y: number][] = [[8, 0], [8, 1], [8, 2], [8, 3], [8, 4], [8, 5], [8, 7], [8, 8], [7, 8], [5, 8], [4, 8], [3, 8], [2, 8], [1, 8], [0, 8]];
	return at.reduce((bits, [x, y], index) => bits | (Number(modules[y]![x]) << index), 0);
}

/** The format's error correction level and mask, once its BCH code checks out. */
function format(modules: boolean[][]): { level: 'L' | 'M' | 'Q' | 'H'; mask: number } {
	const bits = formatBits(modules) ^ 0x5412;
	let remainder = bits;
	for (let bit = 14; bit >= 10; bit--) if ((remainder >>> bit) & 1) remainder ^= 0x537 << (bit - 10);
	expect(remainder).toBe(0);
	return { level: (['M', 'L', 'H', 'Q'] as const)[bits >>> 13]!, mask: (bits >>> 10) & 7 };
}

describe('QR code', () => {
	test('a short link: version 3, level M, module for module as a decoder reads it (checked with zbar)', () => {
		const modules = qrCodeModules('https://example.org/review/#progress=abc')!;
		expect(modules.map((row) => row.map((dark) => (dark ? '#' : '.')).join(''))).toEqual([
		'#######..#..##.##..#..#######',
		'#.....#...###.##..#.#.#.....#',
		'#.###.#..#.##.#####.#.#.###.#',
		'#.###.#..#....###.##..#.###.#',
		'#.###.#...#..######...#.###.#',
		'#.....#.##..#####..##.#.....#',
		'#######.#.#.#.#.#.#.#.#######',
		'..........#.#.#.####.........',
		'#..#.##.#.##.##.....##.#.....',
		'.....#...#...#..##..#.#..#..#',
		'.####.#.#.#...#.#..#...#####.',
		'#..#....###..####.#..#.##.##.',
		'.#.#.###..##.#..##.####..#.##',
		'.#..##..#.##.....###.#.......',
		'..##..#..#...#..#...##..#####',
		'...#.#.##.#..##..##.##.#.#.#.',
		'##....##...####.######.....#.',
		'.##......#.#..#.##...###.#..#',
		'#.#..##.#....#...#..###.#..##',
		'.......#.##..#...###..###..##',
		'#..#..##.#....#.#.#.#####.#..',
		'........######..##..#...#.###',
		'#######...#..##.###.#.#.#..#.',
		'#.....#.#...##..#.#.#...####.',
		'#.###.#...###.####..#####....',
		'#.###.#.#...###..######.####.',
		'#.###.#..###..#.#####...###.#',
		'#.....#..##..##..#.##.#....#.',
		'#######.##.#....##..#.####.#.',
		]);
		expect(format(modules).level).toBe('M');
	});

	test('the smallest version that holds the text, level M while a version holds it, then L, up to 2,953 bytes', () => {
		expect(versionOf(qrCodeModules(text(14))!)).toBe(1);
		expect(versionOf(qrCodeModules(text(15))!)).toBe(2);
		// The standard's table: version 9-M holds 180 bytes, 10-M (its count 16 bits long) 213.
		expect(versionOf(qrCodeModules(text(180))!)).toBe(9);
		expect(versionOf(qrCodeModules(text(181))!)).toBe(10);
		expect(versionOf(qrCodeModules(text(214))!)).toBe(11);
		const largestM = qrCodeModules(text(2331))!;
		expect([versionOf(largestM), format(largestM).level]).toEqual([40, 'M']);
		const beyondM = qrCodeModules(text(2332))!;
		expect(format(beyondM).level).toBe('L');
		expect(versionOf(qrCodeModules(text(QR_CODE_CAPACITY))!)).toBe(40);
		expect(qrCodeModules(text(QR_CODE_CAPACITY + 1))).toBeUndefined();
		// Bytes, not characters: UTF-8.
		expect(versionOf(qrCodeModules('é'.repeat(7))!)).toBe(1);
		expect(versionOf(qrCodeModules('é'.repeat(8))!)).toBe(2);
	});

	test('finder patterns in three corners, timing patterns between them, the dark module', () => {
		const modules = qrCodeModules(text(100))!;
		const size = modules.length;
		const finder = ['#######', '#.....#', '#.###.#', '#.###.#', '#.###.#', '#.....#', '#######'];
		const square = (x: number, y: number) => modules.slice(y, y + 7).map((row) => row.slice(x, x + 7).map((dark) => (dark ? '#' : '.')).join(''));
		expect(square(0, 0)).toEqual(finder);
		expect(square(size - 7, 0)).toEqual(finder);
		expect(square(0, size - 7)).toEqual(finder);
		for (let index = 8; index < size - 8; index++) {
			expect(modules[6]![index]).toBe(index % 2 === 0);
			expect(modules[index]![6]).toBe(index % 2 === 0);
		}
		expect(modules[size - 8]![8]).toBe(true);
	});

	test('from version 7, the version information, in both copies', () => {
		const modules = qrCodeModules(text(300))!;
		const version = versionOf(modules);
		expect(version).toBeGreaterThanOrEqual(7);
		const size = modules.length;
		let below = 0;
		let beside = 0;
		for (let index = 0; index < 18; index++) {
			const a = size - 11 + (index % 3);
			const b = Math.floor(index / 3);
			below |= Number(modules[a]![b]) << index;
			beside |= Number(modules[b]![a]) << index;
		}
		expect(below >>> 12).toBe(version);
		expect(beside).toBe(below);
	});

	test('the path draws each run of dark modules in a row as one rectangle, inside the quiet zone', () => {
		expect(qrCodePath([[true, true, false, true], [false, false, false, false]], 4)).toBe('M4 4h2v1h-2zM7 4h1v1h-1z');
	});
});
