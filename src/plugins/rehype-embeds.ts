import type { Element } from 'hast';
import type { HastPluginDefinition } from 'satteri';
import { EMBED_CLASS, EMBED_MARKER, embedSourceElement } from '../dom/link.ts';
import { h, isBlank } from '../dom/hast.ts';

/** The quote `remark-wikilinks` made of an embedded note (`> [!embed] [Note](…)`) → the embed contract (`src/dom/link.ts`). */
export function embedFromBlockquote(blockquote: Element): Element | undefined {
	const first = blockquote.children.find((child) => !isBlank(child));
	if (first?.type !== 'element' || first.tagName !== 'p') return undefined;
	const [marker, link] = first.children;
	if (marker?.type !== 'text' || marker.value.trim() !== EMBED_MARKER || link?.type !== 'element' || link.tagName !== 'a') return undefined;
	const content = blockquote.children.filter((child) => child !== first);
	return h('blockquote', { className: [EMBED_CLASS] }, [embedSourceElement(link), ...content]);
}

/** Renders embedded notes and sections as quotes headed by where they come from. */
export function rehypeEmbeds(): HastPluginDefinition {
	return {
		name: 'rehype-embeds',
		element: { filter: ['blockquote'], visit: (node: Element) => embedFromBlockquote(node) },
	};
}
