import { afterEach, describe, expect, test } from 'vitest';
import { summariseBuildLog, unknownLanguagesLine } from '../../src/integration/build-log.ts';
import { folderWith } from '../support/build.ts';

describe('the build log', () => {
	const original = process.stdout.write;
	afterEach(() => {
		process.stdout.write = original;
	});

	/** A built site's folder holding these images (by path, with their size in bytes). */
	const builtWith = (images: Record<string, number>) => folderWith(Object.fromEntries(Object.entries(images).map(([file, bytes]) => [file, 'x'.repeat(bytes)])));

	/** What `lines` print once the summary is on, and the summary. */
	function summarise(lines: string[], dist: string) {
		const printed: string[] = [];
		process.stdout.write = ((chunk: string) => printed.push(chunk) > 0) as typeof process.stdout.write;
		const log = summariseBuildLog();
		for (const line of lines) process.stdout.write(line);
		return { summary: log.stop(dist), printed };
	}

	const colour = (text: string) => `\x1b[2m14:48:48\x1b[22m   \x1b[34m${text}`;

	test("Astro's line per page and per image, coloured or not, are left out: one line for the images; Astro counts the pages itself", () => {
		const dist = builtWith({ '_astro/a b.hX_1p9.webp': 32 * 1024, '_astro/c.hX_2.webp': 1100 * 1024 });
		const { summary, printed } = summarise(
			[
				' generating static routes \n',
				`${colour('├─\x1b[39m \x1b[2m/404.html\x1b[22m')}${colour('├─\x1b[39m \x1b[2m/index.html\x1b[22m')}`,
				' (+73ms) \n',
				'14:29:34   └─ /aws/vpc/index.html (+12ms)\n',
				'14:29:34   ▶ /_astro/a b.hX_1p9.webp (before: 70kB, after: 32kB) (+134ms) (1/2)\n',
				'\x1b[2m14:29:34\x1b[22m   \x1b[32m▶\x1b[39m /_astro/c.hX_2.webp (before: 1.5MB, after: 1.1MB) (+134ms) (2/2)\n',
				'14:29:37 [WARN] something worth reading\n',
			],
			dist,
		);
		expect(summary).toEqual(['Images: 2 optimised, 1.1 MB in all.']);
		expect(printed).toEqual([' generating static routes \n', '14:29:37 [WARN] something worth reading\n']);
	});

	test('images from the cache are counted as such, with the size of their files', () => {
		const dist = builtWith({ '_astro/a.hX_1.webp': 600 * 1024, '_astro/b.hX_2.webp': 700 * 1024, '_astro/c.hX_3.webp': 2 * 1024 });
		const { summary } = summarise(
			[
				'14:29:34   ▶ /_astro/a.hX_1.webp (reused cache entry) (+1ms) (1/3)\n',
				`${colour('▶\x1b[39m /_astro/b.hX_2.webp \x1b[2m(reused cache entry)\x1b[22m (+1ms) (2/3)')}\n`,
				'14:29:34   ▶ /_astro/c.hX_3.webp (before: 3kB, after: 2kB) (+20ms) (3/3)\n',
			],
			dist,
		);
		expect(summary).toEqual(['Images: 3 optimised (2 from the cache), 1.3 MB in all.']);
	});

	test('sizes under a kilobyte in bytes, never "0 kB"', () => {
		const { summary } = summarise(['14:29:34   ▶ /_astro/tiny.hX_1.webp (before: 1kB, after: 0kB) (+1ms) (1/1)\n'], builtWith({ '_astro/tiny.hX_1.webp': 412 }));
		expect(summary).toEqual(['Images: 1 optimised, 412 B in all.']);
	});

	test('no images, no line', () => {
		expect(summarise(['14:29:34   └─ /index.html (+12ms)\n'], builtWith({})).summary).toEqual([]);
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
