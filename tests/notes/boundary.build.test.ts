import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildSite, testRunFolder, type BuiltSite } from '../support/build.ts';
import { readSearchIndex } from '../support/pagefind-index.ts';

/** Every file below `folder`, symbolic links not followed. */
function filesBelow(folder: string): string[] {
	return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
		const file = path.join(folder, entry.name);
		return entry.isDirectory() ? filesBelow(file) : entry.isFile() ? [file] : [];
	});
}

const NOTE = (title: string) => `## 1. ${title}\n\n### summary\n\n- ${title} in a sentence.\n`;

/**
 * A notes folder with what a careless user (or an attacker's pull request) leaves in one:
 * symbolic links out of the folder, to a folder inside it, in a loop and to nothing, and file
 * names that break URLs.
 */
function writeNotesFolder(): { notes: string; outside: string } {
	const folder = mkdtempSync(path.join(testRunFolder(), 'boundary-'));
	const notes = path.join(folder, 'notes');
	const outside = path.join(folder, 'private');
	mkdirSync(path.join(notes, 'sub'), { recursive: true });
	mkdirSync(outside);
	writeFileSync(path.join(outside, 'secret.md'), '# Secret\n\nOUTSIDE-SECRET-TEXT\n');
	writeFileSync(path.join(outside, 'other.md'), '# Other\n\nOUTSIDE-FOLDER-TEXT\n');
	writeFileSync(path.join(notes, 'good.md'), NOTE('Good'));
	writeFileSync(path.join(notes, 'sub/inner.md'), NOTE('Inner'));
	writeFileSync(path.join(notes, 'c#sharp.md'), NOTE('Sharp'));
	writeFileSync(path.join(notes, 'what?.md'), NOTE('What'));
	writeFileSync(path.join(notes, 'c#.mdx'), NOTE('C sharp in MDX'));
	symlinkSync(path.join(outside, 'secret.md'), path.join(notes, 'secret.md'));
	symlinkSync(outside, path.join(notes, 'private'));
	symlinkSync('..', path.join(notes, 'sub/loop'));
	symlinkSync('sub', path.join(notes, 'again'));
	symlinkSync('nowhere.md', path.join(notes, 'dangling.md'));
	symlinkSync('good.md', path.join(notes, 'alias.md'));
	writeFileSync(path.join(notes, 'nul.md'), `${NOTE('Nul')}\nA NUL\u0000 and an escape\u001b in the text.\n`);
	const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
	for (let level = 1; level < 9; level++) levels.push(`${String.fromCharCode(97 + level)}: &${String.fromCharCode(97 + level)} [${Array(9).fill(`*${String.fromCharCode(96 + level)}`).join(',')}]`);
	writeFileSync(path.join(notes, 'bomb.md'), `---\n${levels.join('\n')}\n---\n${NOTE('Bomb')}`);
	return { notes, outside };
}

describe('the notes folder is a boundary, and bad input is bounded and reported', () => {
	let site: BuiltSite;
	let strict: BuiltSite;
	let notes: string;

	beforeAll(() => {
		({ notes } = writeNotesFolder());
		site = buildSite(notes);
		strict = buildSite(notes, { env: { NOTES_STRICT: '1' } });
	});

	test('builds, and reports every link not followed and every note left out, with its file', () => {
		expect(site.exitCode, site.output).toBe(0);
		for (const name of ['secret.md', 'private', 'sub/loop', 'again', 'dangling.md']) {
			expect(site.output).toMatch(new RegExp(`${path.join(notes, name).replace(/[.?]/g, '\\$&')}  symbolic link`));
		}
		expect(site.output).not.toContain(`${path.join(notes, 'c#sharp.md')}  `);
		expect(site.output).toContain(`${path.join(notes, 'c#.mdx')}  file name has #, ? or \\`);
		expect(site.output).toContain(`${path.join(notes, 'nul.md')}:7:6  2 control characters`);
		expect(site.output).toContain(`${path.join(notes, 'bomb.md')}:2  front matter expands to more than 10,000 values`);
	});

	test('nothing from outside the notes folder is in the site, its search index or the content store', () => {
		const built = path.dirname(site.dist);
		for (const file of filesBelow(built).filter((each) => statSync(each).size < 20_000_000)) {
			const text = readFileSync(file, 'latin1');
			expect(text.includes('OUTSIDE-SECRET-TEXT') || text.includes('OUTSIDE-FOLDER-TEXT'), file).toBe(false);
		}
		const indexed = readSearchIndex(site.dist).map((entry) => entry.content).join('\n');
		expect(indexed).not.toContain('OUTSIDE-');
	});

	test('every note found is a page, # and ? in its name too, and there is no page that is not a note: no loop, no second copy', () => {
		const pages = filesBelow(site.dist)
			.filter((file) => file.endsWith('index.html') && !file.includes(`${path.sep}tags${path.sep}`))
			.map((file) => path.relative(site.dist, path.dirname(file)).split(path.sep).join('/'))
			.sort();
		// Besides the site's own: the cheat sheet, the review page, its cards, its decks and their print
		// pages, and the folder `sub`'s page. The alias bomb's front matter is dropped, its note is not.
		expect(pages).toEqual(['', 'alias', 'bomb', 'cheatsheet', 'csharp', 'good', 'nul', 'review', 'review/cards', 'review/decks', 'review/print', 'review/print/folder/sub', 'sub', 'sub/inner', 'what']);
		expect(site.page('bomb/index.html')).toContain('Bomb in a sentence.');
		expect(site.page('csharp/index.html')).toContain('Sharp in a sentence.');
		expect(site.page('what/index.html')).toContain('What in a sentence.');
		expect(site.page('nul/index.html')).toContain('A NUL and an escape in the text.');
	});

	test('strict mode fails on them', () => {
		expect(strict.exitCode).not.toBe(0);
		expect(strict.output).toContain('symbolic link');
	});
});
