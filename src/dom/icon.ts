import type { Element, ElementContent } from 'hast';
import { h } from './hast.ts';

/**
 * The icon contract, for Material for MkDocs' icon shortcodes (`:material-microsoft:`,
 * `:fontawesome-brands-github:`, `:octicons-mark-github-16:`, `:simple-amazonwebservices:`): the
 * icon's SVG inline, one line high, in the colour of the text around it. No script, no font.
 *
 * ```html
 * <svg class="icon" data-icon="material-microsoft" viewBox="0 0 24 24" width="1em" height="1em" aria-hidden="true" focusable="false">…</svg>
 * ```
 *
 * An icon beside words is decoration (`aria-hidden`); an icon that is all a link shows is the
 * link's name, so it is an image with a label instead (`role="img" aria-label="microsoft"`).
 */
export const ICON_CLASS = 'icon';

export interface Icon {
	/** The shortcode without its colons: `material-microsoft`. */
	name: string;
	viewBox: string;
	/** Width and height in `em`, one of them `1em`. */
	width: string;
	height: string;
	/** The SVG's shapes. */
	body: ElementContent[];
	/** Classes the author gave it (MkDocs' `:material-x:{ .lg }`). */
	classes?: string[];
	/** What a screen reader says for it; without one, it is decoration. */
	label?: string;
}

export function iconElement({ name, viewBox, width, height, body, classes = [], label }: Icon): Element {
	const access = label ? { role: 'img', ariaLabel: label } : { ariaHidden: 'true' };
	return h('svg', { className: [ICON_CLASS, ...classes], dataIcon: name, viewBox, width, height, ...access, focusable: 'false' }, body);
}
