import { describe, expect, test } from 'vitest';
import { CODE_BLOCK_CLASS, CODE_COPY_CLASS } from '../../src/dom/code.ts';
import { renderNote } from '../support/render.ts';

describe('rehype-code-blocks', () => {
	test('wraps a fenced block with its language and a copy button hidden until the script enables it', async () => {
		const html = await renderNote('```js\nconst a = 1;\n```\n');
		expect(html).toMatchInlineSnapshot(`
			"<div class="code-block" data-language="js"><pre><code class="language-js">const a = 1;
			</code></pre><button type="button" class="code-block__copy" hidden>Copy</button></div>
			"
		`);
	});

	test('inline code is left alone and a second run does not wrap twice', async () => {
		const html = await renderNote('Use `let`.\n\n```\nplain\n```\n');
		expect(html).toContain('<code>let</code>');
		expect(html.split(`class="${CODE_BLOCK_CLASS}"`).length - 1).toBe(1);
		expect(html.split(CODE_COPY_CLASS).length - 1).toBe(1);
	});
});
