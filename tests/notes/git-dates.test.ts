import { execFileSync } from 'node:child_process';
import { mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { gitDates, notesDates, pathInRepository } from '../../src/notes/git-dates.ts';
import { folderWith } from '../support/build.ts';

const git = (cwd: string, args: string[], date?: string) =>
	execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'init.defaultBranch=main', ...args], {
		cwd,
		encoding: 'utf8',
		env: { ...process.env, ...(date ? { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : {}) },
	});

describe('dates of the notes from git history', () => {
	test('created: the first commit of a file; modified: its last, by path in the notes folder', () => {
		const repository = folderWith({ 'notes/vpc.md': '# VPC\n', 'notes/aws/peering.md': '# Peering\n', 'README.md': '# Repository\n' });
		git(repository, ['init', '--quiet']);
		git(repository, ['add', '-A']);
		git(repository, ['commit', '--quiet', '-m', 'first'], '2024-01-31T10:00:00Z');
		writeFileSync(path.join(repository, 'notes/vpc.md'), '# VPC, again\n');
		git(repository, ['commit', '--quiet', '-am', 'second'], '2024-03-02T12:30:00Z');
		writeFileSync(path.join(repository, 'notes/draft.md'), '# Not committed\n');

		const dates = gitDates(path.join(repository, 'notes'));
		expect(dates.kind).toBe('history');
		if (dates.kind !== 'history') return;
		expect(Object.fromEntries([...dates.files].map(([file, { created, modified }]) => [file, [created.toISOString(), modified.toISOString()]]))).toEqual({
			'vpc.md': ['2024-01-31T10:00:00.000Z', '2024-03-02T12:30:00.000Z'],
			'aws/peering.md': ['2024-01-31T10:00:00.000Z', '2024-01-31T10:00:00.000Z'],
		});
		expect([pathInRepository(path.join(repository, 'notes/aws')), pathInRepository(repository)]).toEqual(['notes/aws', '']);
		// Read again only after a commit.
		expect(gitDates(path.join(repository, 'notes'), dates)).toBe(dates);
		git(repository, ['commit', '--quiet', '-m', 'third', '--allow-empty'], '2024-04-01T00:00:00Z');
		expect(gitDates(path.join(repository, 'notes'), dates)).not.toBe(dates);
	});

	test('a shallow clone has no history to read; a folder outside git has none at all', () => {
		const repository = folderWith({ 'note.md': '# A\n' });
		git(repository, ['init', '--quiet']);
		git(repository, ['add', '-A']);
		git(repository, ['commit', '--quiet', '-m', 'one'], '2024-01-31T10:00:00Z');
		writeFileSync(path.join(repository, 'note.md'), '# B\n');
		git(repository, ['commit', '--quiet', '-am', 'two'], '2024-02-01T10:00:00Z');
		const clone = path.join(mkdtempSync(path.join(tmpdir(), 'shallow-')), 'clone');
		git(tmpdir(), ['clone', '--quiet', '--depth', '1', `file://${repository}`, clone]);
		expect(gitDates(clone)).toEqual({ kind: 'shallow' });
		expect(gitDates(mkdtempSync(path.join(tmpdir(), 'no-git-')))).toEqual({ kind: 'none' });
	});
});

describe("the notes' dates, chosen once", () => {
	test("git's for a committed note; the file's times for one git does not know, and in a shallow clone", () => {
		const folder = folderWith({ 'committed.md': '# A\n', 'draft.md': '# B\n' });
		const fileTime = new Date('2025-06-01T08:00:00Z');
		utimesSync(path.join(folder, 'draft.md'), fileTime, fileTime);
		utimesSync(path.join(folder, 'committed.md'), fileTime, fileTime);
		const committed = { created: new Date('2024-01-31T10:00:00Z'), modified: new Date('2024-03-02T12:30:00Z') };
		const notes = ['committed.md', 'draft.md'].map((relativePath) => ({ relativePath, file: path.join(folder, relativePath) }));

		const fromHistory = notesDates(notes, { kind: 'history', head: 'abc', files: new Map([['committed.md', committed]]) });
		expect(fromHistory.kind).toBe('history');
		expect(fromHistory.byPath.get('committed.md')).toEqual(committed);
		expect(fromHistory.byPath.get('draft.md')!.modified).toEqual(fileTime);

		const shallow = notesDates(notes, { kind: 'shallow' });
		expect(shallow.kind).toBe('shallow');
		expect(shallow.byPath.get('committed.md')!.modified).toEqual(fileTime);
	});
});
