import { existsSync, mkdtempSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildSite, folderWith, type BuiltSite } from '../support/build.ts';
import { parseHtml, selectAll, textOf } from '../support/html.ts';

describe('switching the notes folder between two builds of one project', () => {
	let first: BuiltSite;
	let second: BuiltSite;
	beforeAll(() => {
		// One project folder, so one Astro cache: as `NOTES_DIR=… npm run build` twice.
		const project = mkdtempSync(path.join(tmpdir(), 'notes-switch-'));
		const a = folderWith({ 'note.md': '# From folder A\n\n## Topic A\n', 'only-a.md': '# Only in A\n' });
		const b = folderWith({ 'note.md': '# From folder B\n\n## Topic B\n', 'sub/only-b.md': '# Only in B\n' });
		first = buildSite(a, {}, project);
		// Set the first site aside, so that nothing the second holds can come from it.
		renameSync(first.dist, `${first.dist}-first`);
		second = buildSite(b, {}, project);
	});

	test('both build, and the second says nothing of the first folder', () => {
		expect(first.exitCode, first.output).toBe(0);
		expect(second.exitCode, second.output).toBe(0);
		expect(second.output).not.toMatch(/same slug|duplicate|only-a/i);
	});

	test('the second site holds only the second folder\'s notes', () => {
		expect(existsSync(path.join(second.dist, 'only-a/index.html'))).toBe(false);
		expect(existsSync(path.join(second.dist, 'sub/only-b/index.html'))).toBe(true);
		const page = parseHtml(second.page('note/index.html'));
		expect(textOf(selectAll('main h1', page)[0])).toBe('From folder B');
		expect(selectAll('article h2', page).map(textOf)).toEqual(['Topic B']);
		const home = parseHtml(second.page('index.html'));
		expect(selectAll('.note-card__title a', home).map(textOf).sort()).toEqual(['From folder B', 'Only in B']);
	});
});
