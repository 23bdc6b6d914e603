import { toHtml } from 'hast-util-to-html';
import { h, text } from './hast.ts';

/**
 * The property contract: a `key:: value` line (Logseq's page and block properties) shown as a
 * small line of its own, under its block or at the top of the page, its value the note's Markdown:
 *
 * ```html
 * <span class="property" data-property="site"><span class="property__key">site</span> <a href="…">Allrecipes</a></span>
 * ```
 *
 * The value is rendered where it stands, so its links, tags and wikilinks work as anywhere else.
 */
export const PROPERTY_CLASS = 'property';
export const PROPERTY_KEY_CLASS = 'property__key';
export const PROPERTY_ATTRIBUTE = 'data-property';

const CLOSING = '</span>';

/**
 * The HTML that goes before and after a property's value in the note's Markdown (the source
 * preparation writes it, so the parser renders the value between the two as it renders any text).
 */
export function propertyTags(key: string): { opening: string; closing: string } {
	const html = toHtml(h('span', { className: [PROPERTY_CLASS], dataProperty: key }, [h('span', { className: [PROPERTY_KEY_CLASS] }, [text(key)]), text(' ')]));
	return { opening: html.slice(0, -CLOSING.length), closing: CLOSING };
}
