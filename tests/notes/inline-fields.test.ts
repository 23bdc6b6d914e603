import { describe, expect, test } from 'vitest';
import { readDataviewFields, readInlineFields } from '../../src/notes/inline-fields.ts';
import { prepareNote } from '../../src/notes/prepare-source.ts';

describe('readInlineFields (Logseq)', () => {
	test('key:: value lines, with their prefix; a list item a field opens; an empty value', () => {
		expect(readInlineFields(['title:: Linux', '- block', '\t  date-saved:: [[Nov 11th, 2023]] ', '\t- id:: 64f', 'empty::'])).toEqual([
			{ form: 'line', key: 'title', value: 'Linux', index: 0, prefix: '', bullet: false },
			{ form: 'line', key: 'date-saved', value: '[[Nov 11th, 2023]]', index: 2, prefix: '\t  ', bullet: false },
			{ form: 'line', key: 'id', value: '64f', index: 3, prefix: '\t- ', bullet: true },
			{ form: 'line', key: 'empty', value: '', index: 4, prefix: '', bullet: false },
		]);
	});

	test('not a field: text before the key, a key with spaces, a C++ scope, lines to skip', () => {
		expect(readInlineFields(['See key:: value', 'two words:: x', 'std::vector<int> v;', 'skipped:: x'], new Set([3]))).toEqual([]);
	});
});

const dataview = (lines: string[]) => readDataviewFields(lines, () => false);

describe('readDataviewFields', () => {
	test('lines as Dataview reads them: keys with spaces, in emphasis, opening a list item or a task', () => {
		expect(dataview(['Due Date:: 2024-03-01', '**Rating**:: 9', '- up:: [[Home]]', '- [ ] status:: open', 'empty::'])).toEqual([
			{ form: 'line', key: 'Due Date', value: '2024-03-01', index: 0, prefix: '', bullet: false },
			{ form: 'line', key: 'Rating', value: '9', index: 1, prefix: '', bullet: false },
			{ form: 'line', key: 'up', value: '[[Home]]', index: 2, prefix: '- ', bullet: true },
			{ form: 'line', key: 'status', value: 'open', index: 3, prefix: '- [ ] ', bullet: true },
			{ form: 'line', key: 'empty', value: '', index: 4, prefix: '', bullet: false },
		]);
	});

	test('[key:: value] and (key:: value) inside text, with their columns; brackets inside a value nest', () => {
		expect(dataview(['I slept [sleep:: 7 hours] (mood:: calm).', 'See [source:: [[Thinking, Fast and Slow]] (p. 3)]'])).toEqual([
			{ form: 'bracket', key: 'sleep', value: '7 hours', index: 0, column: 8, length: 17 },
			{ form: 'parenthesis', key: 'mood', value: 'calm', index: 0, column: 26, length: 13 },
			{ form: 'bracket', key: 'source', value: '[[Thinking, Fast and Slow]] (p. 3)', index: 1, column: 4, length: 45 },
		]);
	});

	test('not a field: a C++ scope in prose, brackets with no key or never closed, a link, where skip says so', () => {
		expect(dataview(['Use std::vector here.', 'An IPv6 address [::1].', '[open:: never closed', '[text](https://example.com/a::b)'])).toEqual([]);
		expect(readDataviewFields(['[code:: x]', 'key:: value'], (index) => index === 1)).toHaveLength(1);
	});
});

describe('prepareNote in a vault', () => {
	test('fields are wrapped in the property markup, their lines the author\'s; code and wikilinks are left alone', () => {
		const source = '!!! note\n    body\nafter\nstatus:: active\nI slept [sleep:: 7 hours] `[code:: x]` [[A (b:: c) B]] (hidden:: yes).\n```\nkey:: value\n```\n';
		const prepared = prepareNote(source, { vault: true });
		expect(prepared.fields).toEqual([
			{ form: 'line', key: 'status', value: 'active', index: 3, prefix: '', bullet: false },
			{ form: 'bracket', key: 'sleep', value: '7 hours', index: 4, column: 8, length: 17 },
			{ form: 'parenthesis', key: 'hidden', value: 'yes', index: 4, column: 55, length: 14 },
		]);
		const lines = prepared.text.split('\n');
		expect(lines.slice(4, 9)).toEqual([
			'<span class="property" data-property="status"><span class="property__key">status</span> active</span>',
			'I slept <span class="property property--inline" data-property="sleep"><span class="property__key">sleep</span> 7 hours</span> `[code:: x]` [[A (b:: c) B]] <span class="property property--inline" data-property="hidden">yes</span>.',
			'```',
			'key:: value',
			'```',
		]);
	});

	test('outside a vault, and in a note without fields, the text is unchanged', () => {
		expect(prepareNote('status:: active\n').text).toBe('status:: active\n');
		expect(prepareNote('no fields\n', { vault: true })).toEqual({ text: 'no fields\n', addedLines: [] });
	});
});
