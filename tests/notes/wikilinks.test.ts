import { describe, expect, test } from 'vitest';
import { findWikilinks, imageEmbedOptions, wikilinkText } from '../../src/notes/wikilinks.ts';

describe('findWikilinks', () => {
	test('every form Obsidian has, with where each stands', () => {
		const text = 'See [[Note]], [[Note|shown]], [[folder/Note#Head ing|t]], [[#Local]], ![[img.png|300]], [[Note.md]] and [[Note#^block1]].';
		expect(findWikilinks(text).map(({ index, ...link }) => [text.slice(index, index + link.length), link])).toEqual([
			['[[Note]]', { length: 8, embed: false, target: 'Note' }],
			['[[Note|shown]]', { length: 14, embed: false, target: 'Note', alias: 'shown' }],
			['[[folder/Note#Head ing|t]]', { length: 26, embed: false, target: 'folder/Note', heading: 'Head ing', alias: 't' }],
			['[[#Local]]', { length: 10, embed: false, target: '', heading: 'Local' }],
			['![[img.png|300]]', { length: 16, embed: true, target: 'img.png', alias: '300' }],
			['[[Note.md]]', { length: 11, embed: false, target: 'Note.md' }],
			['[[Note#^block1]]', { length: 16, embed: false, target: 'Note', heading: '^block1' }],
		]);
	});

	test('a table cell writes the bar as \\|; an empty link or one across lines is not a link', () => {
		expect(findWikilinks('| [[Note\\|alias]] |')[0]).toMatchObject({ target: 'Note', alias: 'alias' });
		expect(findWikilinks('[[]] and [[a\nb]] and [[ ]]')).toEqual([]);
	});

	test('the text a link shows, and the size of an image embed', () => {
		expect(wikilinkText({ target: 'Note' })).toBe('Note');
		expect(wikilinkText({ target: 'Note.md', heading: 'Topic#Section' })).toBe('Note › Section');
		expect(wikilinkText({ target: '', heading: 'Local' })).toBe('Local');
		expect(wikilinkText({ target: 'Note', alias: 'shown' })).toBe('shown');
		expect(imageEmbedOptions('300')).toEqual({ width: 300, alt: '' });
		expect(imageEmbedOptions('300x200')).toEqual({ width: 300, height: 200, alt: '' });
		expect(imageEmbedOptions('A caption')).toEqual({ alt: 'A caption' });
		expect(imageEmbedOptions('center|400')).toEqual({ width: 400, alt: '' });
		expect(imageEmbedOptions('Route table|right|250')).toEqual({ width: 250, alt: 'Route table' });
	});
});
