import type { Element } from 'hast';
import { h, text } from './hast.ts';

/**
 * The figure contract. An image that cannot be shown renders as a visible placeholder that keeps
 * the alt text and names the path, inline so it is valid inside a paragraph or list item:
 *
 * ```html
 * <span class="figure-missing" role="img" aria-label="Missing image: flow log arch">
 *   <span class="figure-missing__alt">flow log arch</span> <code class="figure-missing__path">img/x.png</code>
 * </span>
 * ```
 */
export const FIGURE_MISSING_CLASS = 'figure-missing';

export function missingFigureElement(alt: string, path: string): Element {
	const label = alt ? `Missing image: ${alt}` : `Missing image ${path}`;
	return h('span', { className: [FIGURE_MISSING_CLASS], role: 'img', ariaLabel: label }, [
		h('span', { className: [`${FIGURE_MISSING_CLASS}__alt`] }, [text(alt || 'Image not found')]),
		text(' '),
		h('code', { className: [`${FIGURE_MISSING_CLASS}__path`] }, [text(path)]),
	]);
}
