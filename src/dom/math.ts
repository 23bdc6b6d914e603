import type { Element } from 'hast';
import type { TexSpan } from '../math/tex.ts';
import { h, text } from './hast.ts';

/**
 * The maths contract. A formula is Temml's MathML, `<math>` inline and `<math display="block">` for
 * display maths, styled by the maths stylesheet that only pages with maths load. Invalid TeX is
 * shown as written, in an error box that names the error:
 *
 * ```html
 * <code class="math-error" title="Invalid TeX: …">$\frac{a$</code>
 * <pre class="math-error" title="Invalid TeX: …"><code>$$\frac{a$$</code></pre>
 * ```
 */
export const MATH_ERROR_CLASS = 'math-error';

export function mathErrorElement({ tex, display }: TexSpan, message: string): Element {
	const properties = { className: [MATH_ERROR_CLASS], title: `Invalid TeX: ${message}` };
	return display ? h('pre', properties, [h('code', {}, [text(`$$${tex}$$`)])]) : h('code', properties, [text(`$${tex}$`)]);
}
