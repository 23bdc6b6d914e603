import { describe, expect, test } from 'vitest';
import { highlighterLanguage, mayHoldUnnamedLanguage } from '../../src/notes/code-languages.ts';

describe('highlighterLanguage', () => {
	test.each([
		['php', 'php'],
		['PHP', 'php'],
		['GO', 'go'],
		['Python', 'python'],
		['JavaScript', 'javascript'],
		['Text', 'text'],
		['title="app.py"', 'plaintext'],
		['nosuchlang', undefined],
	])('%s → %s', (written, shiki) => expect(highlighterLanguage(written)).toBe(shiki));
});

test('a look at the source: only a fence Shiki does not take as written needs the plugin', () => {
	expect(mayHoldUnnamedLanguage('```js\nx\n```\n\n~~~ python\ny\n~~~\n\n```\nplain\n```')).toBe(false);
	expect(mayHoldUnnamedLanguage('- item\n  ```PHP\n  x\n  ```')).toBe(true);
	expect(mayHoldUnnamedLanguage('> ```nosuchlang\n> x\n> ```')).toBe(true);
});
