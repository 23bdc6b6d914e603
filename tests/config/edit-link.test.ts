import { describe, expect, test } from 'vitest';
import { editHref, editLinkBase } from '../../src/config/edit-link.ts';

const ACTIONS = {
	GITHUB_ACTIONS: 'true',
	GITHUB_REPOSITORY: 'alice/study',
	GITHUB_EVENT_NAME: 'push',
	GITHUB_REF_TYPE: 'branch',
	GITHUB_REF_NAME: 'main',
};
/** The notes folder's path in the repository. */
const NOTES = 'notes';

describe('where "Edit on GitHub" leads', () => {
	test('no setting, no link', () => {
		expect(editLinkBase(false, NOTES, ACTIONS)).toEqual({});
	});

	test('an address is used as given, a / added at its end; the note path is encoded after it', () => {
		const { base } = editLinkBase('https://github.com/bob/notes/edit/trunk/docs', undefined, {});
		expect(base).toBe('https://github.com/bob/notes/edit/trunk/docs/');
		expect(editHref(base!, 'AWS/My note #1.md')).toBe('https://github.com/bob/notes/edit/trunk/docs/AWS/My%20note%20%231.md');
	});

	test('true on GitHub Actions: the repository, the branch pushed and the notes folder in the repository', () => {
		expect(editLinkBase(true, NOTES, ACTIONS)).toEqual({ base: 'https://github.com/alice/study/edit/main/notes/' });
		expect(editLinkBase(true, '', ACTIONS)).toEqual({ base: 'https://github.com/alice/study/edit/main/' });
		expect(editLinkBase(true, 'my notes', ACTIONS)).toEqual({ base: 'https://github.com/alice/study/edit/main/my%20notes/' });
		expect(editLinkBase(true, NOTES, { ...ACTIONS, GITHUB_SERVER_URL: 'https://git.example.com/', GITHUB_REF_NAME: 'release/2' })).toEqual({
			base: 'https://git.example.com/alice/study/edit/release/2/notes/',
		});
	});

	test("a pull request's build edits on the branch it merges into", () => {
		const pullRequest = { ...ACTIONS, GITHUB_EVENT_NAME: 'pull_request', GITHUB_REF_NAME: '12/merge', GITHUB_BASE_REF: 'main' };
		expect(editLinkBase(true, NOTES, pullRequest).base).toBe('https://github.com/alice/study/edit/main/notes/');
	});

	test('true gives no link, and says why, off Actions, on a tag, or with the notes outside git', () => {
		expect(editLinkBase(true, NOTES, {}).why).toMatch(/GitHub Actions only; elsewhere give it/);
		expect(editLinkBase(true, NOTES, { ...ACTIONS, GITHUB_REF_TYPE: 'tag', GITHUB_REF_NAME: 'v1' })).toEqual({
			why: 'editLink: true found no branch to edit on (the build is of v1); give the address instead',
		});
		expect(editLinkBase(true, undefined, ACTIONS).why).toBe('editLink: true: the notes folder is not in a git repository; give the address instead');
	});
});
