import type { Element } from 'hast';
import { h, text } from './hast.ts';

/**
 * The code block contract: the highlighted `<pre>` with a copy button the page script enables.
 *
 * ```html
 * <div class="code-block" data-language="js"><pre>…</pre><button type="button" class="code-block__copy" hidden>Copy</button></div>
 * ```
 */
export const CODE_BLOCK_CLASS = 'code-block';
export const CODE_COPY_CLASS = 'code-block__copy';
export const CODE_COPY_LABEL = 'Copy';
export const CODE_COPIED_LABEL = 'Copied';

/** The wrapper around a `<pre>`: the block itself goes first, the copy button after it. */
export function codeBlockWrapper(language: string | undefined): Element {
	return h('div', { className: [CODE_BLOCK_CLASS], ...(language ? { dataLanguage: language } : {}) }, [
		h('button', { type: 'button', className: [CODE_COPY_CLASS], hidden: true }, [text(CODE_COPY_LABEL)]),
	]);
}
