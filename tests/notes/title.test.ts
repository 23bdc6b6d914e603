import { describe, expect, test } from 'vitest';
import { isGenericHeading } from '../../src/notes/headings.ts';
import { distinctTitles, noteTitle, titleFromFileName } from '../../src/notes/title.ts';

describe('note titles', () => {
	test('front matter wins, then the lifted first # heading, then the file name', () => {
		expect(noteTitle('Given', 'Heading', 'file.md')).toBe('Given');
		expect(noteTitle(undefined, 'Heading', 'file.md')).toBe('Heading');
		expect(noteTitle(undefined, undefined, 'aws/vpc-peering_notes.md')).toBe('Vpc peering notes');
		expect(noteTitle(undefined, '', 'aws/vpc-peering_notes.md')).toBe('Vpc peering notes');
	});

	test('file names lose extension, and dashes or underscores that join words; a spaced dash stays', () => {
		expect(titleFromFileName('advanced-vpc-networking.md')).toBe('Advanced vpc networking');
		expect(titleFromFileName('reti/10 - TCP.md')).toBe('10 - TCP');
	});

	test('in an Obsidian vault, the file name as Obsidian shows it', () => {
		expect(titleFromFileName('reti/10 - TCP_notes.md', { vault: true })).toBe('10 - TCP_notes');
	});

	test('README.md, index.md and notes.md take their folder\'s name', () => {
		expect(titleFromFileName('02-security/README.md')).toBe('02 security');
		expect(titleFromFileName('week-3/notes.md', { vault: true })).toBe('week-3');
		expect(titleFromFileName('index.md')).toBe('Index');
	});

	test('headings that name a part of a note, not the note', () => {
		for (const text of ['Overview', '1. Introduction', 'Lecture Notes', 'Summary:', 'TL;DR', '目录']) expect(isGenericHeading(text), text).toBe(true);
		for (const text of ['VPC Peering', 'Overview of IAM']) expect(isGenericHeading(text), text).toBe(false);
	});

	test('two notes of one folder never share a title', () => {
		const notes = [
			{ title: 'Lecture 1', group: 'csc263', relativePath: 'csc263/week-1.md' },
			{ title: 'Lecture 1', group: 'csc263', relativePath: 'csc263/week-2.md' },
			{ title: 'Lecture 1', group: 'other', relativePath: 'other/a.md' },
		];
		distinctTitles(notes);
		expect(notes.map((note) => note.title)).toEqual(['Lecture 1 (week-1)', 'Lecture 1 (week-2)', 'Lecture 1']);
	});
});
