import { describe, expect, test } from 'vitest';
import { ankiPackagePath, ankiTextPath, deckHolds, exportDecks, printPath } from '../../src/dom/deck-exports.ts';

const notes = [
	{ slug: 'aws/vpc', group: 'aws' },
	{ slug: 'aws/net/ipv6', group: 'aws/net' },
	{ slug: 'ports', group: '' },
];

describe('the decks for Anki and print', () => {
	test("are every note's and each folder's (nested ones too): a note's cards go with its folder", () => {
		expect(exportDecks(notes)).toEqual([
			{ kind: 'all' },
			{ kind: 'folder', name: 'aws' },
			{ kind: 'folder', name: 'aws/net' },
		]);
	});

	test("a folder's deck holds its subfolders' notes", () => {
		const aws = { kind: 'folder', name: 'aws' } as const;
		expect(notes.filter((note) => deckHolds(aws, note)).map((note) => note.slug)).toEqual(['aws/vpc', 'aws/net/ipv6']);
		expect(notes.filter((note) => deckHolds({ kind: 'folder', name: 'aws/net' }, note)).map((note) => note.slug)).toEqual(['aws/net/ipv6']);
		expect(notes.every((note) => deckHolds({ kind: 'all' }, note))).toBe(true);
	});

	test('each has its files, by kind', () => {
		expect([ankiPackagePath({ kind: 'all' }), ankiTextPath({ kind: 'all' }), printPath({ kind: 'all' })]).toEqual(['review/anki/all.apkg', 'review/anki/all.txt', 'review/print/']);
		expect([ankiPackagePath({ kind: 'folder', name: 'aws' }), printPath({ kind: 'folder', name: 'aws' })]).toEqual(['review/anki/folder/aws.apkg', 'review/print/folder/aws/']);
		expect(ankiTextPath({ kind: 'folder', name: 'aws/net' })).toBe('review/anki/folder/aws/net.txt');
	});
});
