import { describe, expect, test } from 'vitest';
import { readNoteContents } from '../../src/notes/note-tree.ts';
import { findTags, findTagsAsWritten, MAY_HAVE_TAGS } from '../../src/notes/tags.ts';
import { parseHtml, selectAll } from '../support/html.ts';
import { renderNote } from '../support/render.ts';

/** Inline tags where people write them, and what looks like a tag and is not. */
const NOTES: [string, string, string[]][] = [
	['at a line\'s start', '#exam revise this', ['exam']],
	['nested', 'See #aws/networking today.', ['aws/networking']],
	['starting with a digit', 'Plans: #2024plan', ['2024plan']],
	['in quotes', 'Tagged "#aws" here.', ['aws']],
	['after a comma', 'a,#aws', ['aws']],
	['after a hyphen', 'x-#aws', ['aws']],
	['in emphasis', '*#aws* and _#gcp_', ['aws', 'gcp']],
	['in a list item and a quote', '- item #one\n\n> quoted #two', ['one', 'two']],
	['an issue number', 'Fixed in #123.', []],
	['in a word', 'C# and x#1', []],
	['an anchor', 'See [there](#anchor) and https://x.org/#frag', []],
	['a link\'s text', '[#aws](https://aws.amazon.com)', []],
	['in code', '`#aws` and\n\n```\n#aws\n```', []],
	['escaped', 'Not a tag: \\#aws', []],
	['escaped before one that is', '\\#aws is not, #aws is', ['aws']],
	['after smart quotes', '"Quoted" then #aws', ['aws']],
	['a heading\'s marks', '## Topic\n\nText', []],
];

const pageTags = async (source: string) =>
	selectAll('a.tag', parseHtml(await renderNote(source), { fragment: true })).map((element) => String(element.properties.dataTag));

describe('inline tags', () => {
	test.each(NOTES)('%s: the catalogue and the page find the same ones', async (_, source, tags) => {
		expect(readNoteContents(source, 'md', { liftTitle: false }).inlineTags).toEqual(tags);
		expect(await pageTags(source)).toEqual(tags);
	});

	test.each(NOTES.filter(([, , tags]) => tags.length > 0))('MAY_HAVE_TAGS, the plugin\'s look before it walks a note, never misses one: %s', (_, source) => {
		expect(MAY_HAVE_TAGS.test(source)).toBe(true);
	});

	test('MAY_HAVE_TAGS lets a note without a # before a word through unread', () => {
		expect(MAY_HAVE_TAGS.test('## 1. Topic\n\n- [a link](x.md) and `code`, 3 # 4\n')).toBe(false);
	});

	test('a tag ends before a trailing slash; a tag of digits and slashes is none', () => {
		expect(findTags('#aws/ and #12/34')).toEqual([{ index: 0, length: 4, tag: 'aws' }]);
	});
});

describe('findTagsAsWritten', () => {
	test('a tag escaped as written is none, and the one after it is found at its place in the value', () => {
		expect(findTagsAsWritten('#aws and #aws', '\\#aws and #aws', ' ')).toEqual([{ index: 9, length: 4, tag: 'aws' }]);
	});
});
