import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { repositoryName, siteTitle } from '../../src/config/site-title.ts';
import { folderWith } from '../support/build.ts';

/** A clone named `aws-notes` (a `.git` folder) whose notes are in `notes/`. */
function cloneWithNotes(): string {
	const parent = folderWith({}, 'site-title-');
	const clone = path.join(parent, 'aws-notes');
	mkdirSync(path.join(clone, '.git'), { recursive: true });
	mkdirSync(path.join(clone, 'notes'));
	return path.join(clone, 'notes');
}

const ACTIONS = { GITHUB_ACTIONS: 'true', GITHUB_REPOSITORY: 'alice/exam-prep' };

describe('the site\'s title', () => {
	test('the title setting comes first', () => {
		expect(siteTitle('My notes', 'Heading of README.md', cloneWithNotes(), ACTIONS)).toBe('My notes');
	});

	test('without one, the notes\' own: the first heading or front matter title of README.md or index.md', () => {
		expect(siteTitle(undefined, 'Networking for the exam', cloneWithNotes(), ACTIONS)).toBe('Networking for the exam');
	});

	test('then the repository\'s name: GITHUB_REPOSITORY on GitHub Actions', () => {
		expect(siteTitle(undefined, undefined, cloneWithNotes(), ACTIONS)).toBe('exam-prep');
		// Only on Actions: elsewhere a stray variable says nothing about these notes.
		expect(repositoryName(cloneWithNotes(), { GITHUB_REPOSITORY: 'alice/exam-prep' })).toBe('aws-notes');
	});

	test('elsewhere, the folder holding the nearest .git at or above the notes folder (a worktree\'s .git is a file)', () => {
		const notes = cloneWithNotes();
		expect(siteTitle(undefined, undefined, notes, {})).toBe('aws-notes');
		const worktree = folderWith({ '.git': 'gitdir: /elsewhere/.git/worktrees/notes-wt\n', 'deep/notes/a.md': '# A\n' }, 'notes-wt-');
		expect(repositoryName(path.join(worktree, 'deep/notes'), {})).toBe(path.basename(worktree));
		// The notes folder may be the repository itself.
		expect(repositoryName(path.dirname(notes), {})).toBe('aws-notes');
	});

	test('outside a repository, the notes folder\'s name; never "Study notes"', () => {
		const notes = path.join(folderWith({}, 'no-repository-'), 'Networking notes');
		mkdirSync(notes);
		writeFileSync(path.join(notes, 'a.md'), '# A\n');
		expect(siteTitle(undefined, undefined, notes, {})).toBe('Networking notes');
	});
});
