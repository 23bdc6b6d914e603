import { globSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import { builtSite, fixturePath, type BuiltSite } from '../support/build.ts';

/**
 * One reading of each note: in a build, the catalogue reads each `.md` note once, and every stage
 * (pages, embeds, the review cards, the cheat sheet) renders from what it read. The vault fixture
 * embeds notes in notes, three deep, and links across folders.
 */
describe('a build reads each note once', () => {
	const notes = 'tests/fixtures/links-vault';
	let site: BuiltSite;
	beforeAll(() => {
		site = builtSite(notes, { countReads: true });
	}, 300_000);

	test('the build succeeds', () => {
		expect(site.exitCode, site.output).toBe(0);
	});

	test('every .md note file is opened or read exactly once', () => {
		const reads = site.reads();
		const markdown = globSync('**/*.md', { cwd: fixturePath('links-vault') }).sort();
		expect(markdown.length).toBeGreaterThan(10);
		expect(Object.fromEntries(markdown.map((file) => [file, reads[file] ?? 0]))).toEqual(Object.fromEntries(markdown.map((file) => [file, 1])));
	});

	test('an .mdx note, compiled by Astro as code, is read by the catalogue and by Astro only', () => {
		const reads = site.reads();
		const mdx = globSync('**/*.mdx', { cwd: fixturePath('links-vault') });
		expect(mdx.length).toBeGreaterThan(0);
		for (const file of mdx) expect(reads[file], file).toBeLessThanOrEqual(3);
	});
});
