import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { builtSite, configWith } from '../support/build.ts';

/** Every file of the built site, as text: Pagefind's gzipped index and fragments unpacked. */
function siteText(dist: string): { file: string; text: string }[] {
	return readdirSync(dist, { recursive: true, withFileTypes: true }).flatMap((entry) => {
		if (!entry.isFile()) return [];
		const file = path.join(entry.parentPath, entry.name);
		const bytes = readFileSync(file);
		const text = bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes).toString('latin1') : bytes.toString('latin1');
		return [{ file: path.relative(dist, file), text }];
	});
}

describe('private notes: left out, and nothing of them published', () => {
	const site = builtSite('tests/fixtures/private-vault', { files: { 'astro.config.mjs': configWith("{ exclude: ['Private/**'] }") } });

	test('the build succeeds, and counts what it left out, and why, without a title', () => {
		expect(site.exitCode, site.output).toBe(0);
		expect(site.output).toContain('Private notes left out: 6 (publish: false 1, draft: true 1, templates folder 2, Logseq backup 1, exclude setting 1).');
		// The report is of problems: the one note kept despite its front matter, never a private note.
		expect(site.output).toMatch(/Kept\.md:3 +front matter is not valid YAML/);
		expect(site.output).not.toMatch(/Diary|Draft|Daily template|Review\.md|Backup|Journal/);
	});

	test('no page, search record, card, tag, title, backlink or file of a private note is in the site', () => {
		const leaks = siteText(site.dist).filter(({ file, text }) => /PRIVATE-|private-tag-1/.test(text) || /diary-(?:photo|handout)/.test(file));
		expect(leaks.map(({ file }) => file)).toEqual([]);
		// The image and the file only the private note uses are not published: the public one is.
		const files = readdirSync(site.dist, { recursive: true }).map(String);
		expect(files.some((file) => /shared.*\.(?:png|webp)$/.test(file))).toBe(true);
		expect(files.filter((file) => /diary/i.test(file))).toEqual([]);
	});

	test('links to private notes are plain text, and an embed of one a placeholder saying nothing of it', () => {
		const home = site.page('home/index.html');
		const article = home.slice(home.indexOf('<article'), home.indexOf('</article>'));
		expect(article.replace(/<br>/g, '')).toContain('link to private ones as any note would: Diary, a draft,\nDaily template, the backup, the journal and\nReview.');
		expect(article).not.toMatch(/href="[^"]*(?:diary|draft|daily|backup|journal|review)/i);
		expect(article).toContain('<span class="embed-private" data-pagefind-ignore="">Embedded note not published</span>');
		expect(article).toContain('<a href="/kept/">Kept</a>');
	});

	test('a note whose front matter is not valid YAML is published, with the keys that could be read', () => {
		expect(site.page('kept/index.html')).toContain('<title>Kept despite its front matter');
	});
});
