import { describe, expect, test } from 'vitest';
import { parseHtml, selectAll } from '../support/html.ts';
import { renderNote } from '../support/render.ts';

describe('remark-code-languages', () => {
	test('a fence language in any letter case reaches the highlighter as Shiki names it; an unknown one as plain text', async () => {
		const tree = parseHtml(await renderNote('```PHP\na\n```\n\n```Go\nb\n```\n\n```js\nc\n```\n\n```nosuchlang\nd\n```\n\n```\ne\n```\n'), { fragment: true });
		expect(selectAll('pre > code', tree).map((code) => code.properties.className)).toEqual([['language-php'], ['language-go'], ['language-js'], ['language-plaintext'], undefined]);
	});
});
