import { afterEach, describe, expect, test } from 'vitest';
import { summariseBuildLog, unknownLanguagesLine } from '../../src/integration/build-log.ts';

describe('the build log', () => {
	const original = process.stdout.write;
	afterEach(() => {
		process.stdout.write = original;
	});

	test("Astro's line per page and per image, coloured or not, become one summary; everything else passes through", () => {
		const printed: string[] = [];
		process.stdout.write = ((chunk: string) => printed.push(chunk) > 0) as typeof process.stdout.write;
		const log = summariseBuildLog();
		const colour = (text: string) => `\x1b[2m14:48:48\x1b[22m   \x1b[34m${text}`;
		for (const line of [
			' generating static routes \n',
			`${colour('├─\x1b[39m \x1b[2m/404.html\x1b[22m')}${colour('├─\x1b[39m \x1b[2m/index.html\x1b[22m')}`,
			' (+73ms) \n',
			'14:29:34   └─ /aws/vpc/index.html (+12ms)\n',
			'14:29:34   ▶ /_astro/a b.hX_1p9.webp (before: 70kB, after: 32kB) (+134ms) (1/3)\n',
			'\x1b[2m14:29:34\x1b[22m   \x1b[32m▶\x1b[39m /_astro/c.hX_2.webp (before: 1.5MB, after: 1.1MB) (+134ms) (2/3)\n',
			'14:29:34   ▶ /_astro/d.hX_3.webp (reused cache entry) (3/3)\n',
			'14:29:37 [WARN] something worth reading\n',
		]) {
			process.stdout.write(line);
		}
		const summary = log.stop();
		expect(summary).toEqual(['Pages: 3 written.', 'Images: 3 optimised, 1.1 MB in all.']);
		expect(printed).toEqual([' generating static routes \n', '14:29:37 [WARN] something worth reading\n']);
	});
});

describe('unknownLanguagesLine', () => {
	test('one line for all the code blocks in languages the highlighter does not know: by language, most first, with the notes', () => {
		const notes = [
			{ relativePath: 'a.md', unknownLanguages: ['curl', 'curl', 'dataview'] },
			{ relativePath: 'b.md', unknownLanguages: [] },
			...['c.md', 'd.md', 'e.md'].map((relativePath) => ({ relativePath, unknownLanguages: ['dataview'] })),
		];
		expect(unknownLanguagesLine(notes)).toBe(
			'Code blocks in a language the highlighter does not know, shown as plain text: 6 (dataview ×4 (a.md, c.md, d.md and 1 more); curl ×2 (a.md)).',
		);
		expect(unknownLanguagesLine([{ relativePath: 'b.md', unknownLanguages: [] }])).toBeUndefined();
	});
});
