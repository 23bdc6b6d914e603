import { describe, expect, test } from 'vitest';
import { noteTitle, titleFromFileName } from '../../src/notes/title.ts';

describe('note titles', () => {
	test('front matter wins, then the lifted first # heading, then the file name', () => {
		expect(noteTitle('Given', 'Heading', 'file.md')).toBe('Given');
		expect(noteTitle(undefined, 'Heading', 'file.md')).toBe('Heading');
		expect(noteTitle(undefined, undefined, 'aws/vpc-peering_notes.md')).toBe('Vpc peering notes');
		expect(noteTitle(undefined, '', 'aws/vpc-peering_notes.md')).toBe('Vpc peering notes');
	});

	test('file names lose extension, dashes and underscores', () => {
		expect(titleFromFileName('advanced-vpc-networking.md')).toBe('Advanced vpc networking');
	});
});
