import type { Element, ElementContent } from 'hast';
import { h, text } from './hast.ts';

/**
 * The link contracts. A link of the notes that leads nowhere (a missing note, heading or file)
 * keeps its text, marked as broken, and is never a link to a 404:
 *
 * ```html
 * <span class="link-broken" title="Not found: [[Peering#Limits]]">Peering<span class="visually-hidden" data-pagefind-ignore> (broken link)</span></span>
 * ```
 *
 * (An ambiguous link's title says so: "Two or more notes have this name: [[Overview]]"; a link to a
 * path on the author's computer, "A file on the computer the note was written on: /home/…".) What a
 * screen reader hears is not indexed: a search for "broken link" finds no note.
 *
 * An embedded note or section (`![[Note#Heading]]`) stands in a quote that names where it comes from:
 *
 * ```html
 * <blockquote class="embed">
 *   <p class="embed__source">From <a href="/notes/peering/#limits">VPC Peering › Limits</a></p>
 *   …the section…
 * </blockquote>
 * ```
 *
 * Headings inside an embed are the quote's, not topics of the note that embeds it.
 *
 * A link to a private note (see `src/notes/private.ts`) is its text alone; an embed of one is a
 * placeholder that says nothing of the note, not indexed:
 *
 * ```html
 * <span class="embed-private" data-pagefind-ignore>Embedded note not published</span>
 * ```
 *
 * A Logseq block reference (`((uuid))`) shows the block's text, as a link to its page:
 *
 * ```html
 * <a class="block-ref" href="/notes/pages/flatpak/">install flatpak on popos</a>
 * ```
 *
 * (`{{embed ((uuid))}}` is an embed, as above, of the block and its children.)
 */
export const BROKEN_LINK_CLASS = 'link-broken';
export const VISUALLY_HIDDEN_CLASS = 'visually-hidden';
export const EMBED_CLASS = 'embed';
export const EMBED_SOURCE_CLASS = 'embed__source';
export const BLOCK_REF_CLASS = 'block-ref';
/** What the Markdown an embed becomes starts with, for `rehype-embeds` to turn the quote into the contract. */
export const EMBED_MARKER = '[!embed]';

/** Why a link leads nowhere: what its title says before what was written. */
const BROKEN_LINK_TITLES = {
	'broken-link': 'Not found',
	'ambiguous-link': 'Two or more notes have this name',
	'local-link': 'A file on the computer the note was written on',
} as const;

export type BrokenLinkProblem = keyof typeof BROKEN_LINK_TITLES;

export function brokenLinkElement(children: ElementContent[], written: string, problem: BrokenLinkProblem = 'broken-link'): Element {
	const title = `${BROKEN_LINK_TITLES[problem]}: ${written}`;
	return h('span', { className: [BROKEN_LINK_CLASS], title }, [
		...children,
		h('span', { className: [VISUALLY_HIDDEN_CLASS], dataPagefindIgnore: '' }, [text(' (broken link)')]),
	]);
}

export const PRIVATE_EMBED_CLASS = 'embed-private';

export function privateEmbedElement(): Element {
	return h('span', { className: [PRIVATE_EMBED_CLASS], dataPagefindIgnore: '' }, [text('Embedded note not published')]);
}

/** The first paragraph of an embed: where it comes from. `link` is the quote's own `<a>`. */
export function embedSourceElement(link: ElementContent): Element {
	return h('p', { className: [EMBED_SOURCE_CLASS] }, [text('From '), link]);
}

/** A Logseq block reference: the block's text, leading to its page. */
export function blockRefElement(children: ElementContent[], href: string): Element {
	return h('a', { className: [BLOCK_REF_CLASS], href }, children);
}
