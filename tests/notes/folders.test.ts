import { describe, expect, test } from 'vitest';
import { folderSlug, notesFolders, recentlyChanged, type FolderMember } from '../../src/notes/folders.ts';

const note = (slug: string, group: string, day = 1): FolderMember => ({ slug, group, updated: new Date(Date.UTC(2026, 2, day)) });

describe("the notes' folders", () => {
	const notes = [
		note('start', ''),
		note('networking', ''),
		note('aws', 'AWS'),
		note('aws/iam', 'AWS'),
		note('aws/networking/vpc', 'AWS/Networking'),
		note('aws/networking/peering', 'AWS/Networking'),
		note('aws/networking/deep/transit', 'AWS/Networking/Deep'),
		note('math/deep/algebra', 'Math/Deep'),
	];
	const { top, bySlug } = notesFolders(notes);

	test('the top folders in reading order, each with its notes and those of its sub-folders counted', () => {
		expect(top.map(({ path, slug, count }) => ({ path, slug, count }))).toEqual([
			{ path: 'AWS', slug: 'aws', count: 5 },
			{ path: 'Math', slug: 'math', count: 1 },
		]);
		expect([...bySlug.keys()]).toEqual(['aws', 'aws/networking', 'aws/networking/deep', 'math', 'math/deep']);
	});

	test('a folder lists its own notes and sub-folders; its README (a note with its URL) lists it, and is not in its list', () => {
		const aws = bySlug.get('aws')!;
		expect(aws.notes.map((member) => member.slug)).toEqual(['aws/iam']);
		expect(aws.folders.map((folder) => folder.name)).toEqual(['Networking']);
		// A note beside the folder, named as it, has the folder's URL too: its page lists the folder.
		expect(bySlug.get('aws/networking')!.notes.map((member) => member.slug)).toEqual(['aws/networking/vpc', 'aws/networking/peering']);
	});

	test('a folder holding only folders has a page too, and each knows the folders it is in (its breadcrumb)', () => {
		const math = bySlug.get('math')!;
		expect(math.notes).toEqual([]);
		expect(math.count).toBe(1);
		expect(bySlug.get('aws/networking/deep')!.parents.map((parent) => parent.slug)).toEqual(['aws', 'aws/networking']);
	});

	test("a folder's URL is a note's in it named index.md", () => {
		expect(folderSlug('AWS Notes/Deep Dive')).toBe('aws-notes/deep-dive');
	});
});

describe('recently changed notes', () => {
	test('newest first, reading order among equals, at most as many as asked', () => {
		const notes = [note('a', '', 1), note('b', '', 5), note('c', '', 3), note('d', '', 5)];
		expect(recentlyChanged(notes, 3).map((each) => each.slug)).toEqual(['b', 'd', 'c']);
	});
});
