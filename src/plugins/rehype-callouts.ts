import type { Element } from 'hast';
import type { HastPluginEntry } from 'satteri';
import { sourceMayHold } from './satteri.ts';
import { calloutElement } from '../dom/callout.ts';
import { isCalloutMarker, readQuoteMarker } from './quote-marker.ts';

/** MkDocs' `!!! note ""`: no title (after smart punctuation, the quotes may be curly). */
const NO_TITLE = /^["“][”"]$/;

/**
 * `> [!type]± Title` blockquote → the callout element; any other blockquote (and `[!tab]`, which
 * `rehype-quote-tabs` reads, and `[!embed]`, which `rehype-embeds` reads) → undefined. Builds new nodes around the blockquote's own children
 * and never changes them.
 */
export function calloutFromBlockquote(blockquote: Element): Element | undefined {
	const marker = readQuoteMarker(blockquote);
	if (!marker || !isCalloutMarker(marker.type)) return undefined;
	const [only, ...more] = marker.line;
	const untitled = more.length === 0 && only?.type === 'text' && NO_TITLE.test(only.value.trim());
	return calloutElement({
		type: marker.type,
		title: untitled ? undefined : marker.line,
		fold: marker.sign === '-' ? 'folded' : marker.sign === '+' ? 'open' : undefined,
		content: marker.content,
	});
}

/**
 * Renders Obsidian callouts, GitHub alerts and (through the source preparation) MkDocs
 * admonitions as one callout contract (`src/dom/callout.ts`). Notes without `[!` are left alone.
 */
export function rehypeCallouts(): HastPluginEntry {
	return (factory) =>
		sourceMayHold(factory.source, '[!') && {
			name: 'rehype-callouts',
			element: {
				filter: ['blockquote'],
				visit: (node: Element) => calloutFromBlockquote(node),
			},
		};
}
