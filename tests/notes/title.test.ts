import { describe, expect, test } from 'vitest';
import { firstHeadingTitle, noteTitle, titleFromFileName } from '../../src/notes/title.ts';

describe('note titles', () => {
	test('front matter wins, then the first # heading with text, then the file name', () => {
		expect(noteTitle('Given', '# Heading\n', 'file.md')).toBe('Given');
		expect(noteTitle(undefined, '#\n\n# Heading\n', 'file.md')).toBe('Heading');
		expect(noteTitle(undefined, '## Topic\n', 'aws/vpc-peering_notes.md')).toBe('Vpc peering notes');
	});

	test('skips the lone # separator, ## headings and code fences', () => {
		expect(firstHeadingTitle('## 1. Topic\n\n#\n\n```sh\n# a comment\n```\n\n# Real *Title* #\n')).toBe('Real Title');
		expect(firstHeadingTitle('## Only topics\n#\n')).toBeUndefined();
	});

	test('file names lose extension, dashes and underscores', () => {
		expect(titleFromFileName('advanced-vpc-networking.md')).toBe('Advanced vpc networking');
	});
});
