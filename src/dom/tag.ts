import type { Element } from 'hast';
import { tagPagePath } from '../browser-safe/tag-path.ts';
import { noteUrl } from '../browser-safe/url-path.ts';
import { h, text } from './hast.ts';

/**
 * The tag contract: a `#tag` in a note, and each tag a note page lists, link to the tag's page.
 *
 * ```html
 * <a class="tag" href="/base/tags/aws/networking/" data-tag="aws/networking">#aws/networking</a>
 * ```
 */
export const TAG_CLASS = 'tag';

export const tagHref = (base: string, tag: string): string => noteUrl(base, tagPagePath(tag));

export function tagLinkElement(base: string, tag: string): Element {
	return h('a', { className: [TAG_CLASS], href: tagHref(base, tag), dataTag: tag }, [text(`#${tag}`)]);
}
