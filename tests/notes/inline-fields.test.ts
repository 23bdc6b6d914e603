import { describe, expect, test } from 'vitest';
import { readInlineFields } from '../../src/notes/inline-fields.ts';

describe('readInlineFields', () => {
	test('key:: value lines, with their prefix; a list item a field opens; an empty value', () => {
		expect(readInlineFields(['title:: Linux', '- block', '\t  date-saved:: [[Nov 11th, 2023]] ', '\t- id:: 64f', 'empty::'])).toEqual([
			{ key: 'title', value: 'Linux', index: 0, prefix: '', bullet: false },
			{ key: 'date-saved', value: '[[Nov 11th, 2023]]', index: 2, prefix: '\t  ', bullet: false },
			{ key: 'id', value: '64f', index: 3, prefix: '\t- ', bullet: true },
			{ key: 'empty', value: '', index: 4, prefix: '', bullet: false },
		]);
	});

	test('not a field: text before the key, a key with spaces, a C++ scope, lines to skip', () => {
		expect(readInlineFields(['See key:: value', 'two words:: x', 'std::vector<int> v;', 'skipped:: x'], new Set([3]))).toEqual([]);
	});
});
