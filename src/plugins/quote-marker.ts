import type { ElementContent } from 'hast';
import { h, isBlank, text } from '../dom/hast.ts';
import { EMBED_MARKER } from '../dom/link.ts';

/** `[!type]`, `[!type]-` or `[!type]+`, at the start of a quote's first paragraph. */
export const QUOTE_MARKER = /^\s*\[!([\w-]+)\]([-+]?)[ \t]*/;

/** What a `> [!type]± first line` quote says: callouts and content tabs are written this way. */
export interface QuoteMarker {
	/** The type as written (`faq`, `NOTE`, `tab`). */
	type: string;
	/** `-`, `+` or `''`. */
	sign: string;
	/** The rest of the marker's line (a callout's title, a tab's label), without the space that ended it. */
	line: ElementContent[];
	/** The quote's content after that line. */
	content: ElementContent[];
}

/** The first line of a paragraph, and the rest of it. */
function splitFirstLine(children: ElementContent[]): { line: ElementContent[]; rest: ElementContent[] } {
	const line: ElementContent[] = [];
	for (const [index, child] of children.entries()) {
		if (child.type === 'element' && child.tagName === 'br') return { line, rest: children.slice(index + 1) };
		if (child.type === 'text' && child.value.includes('\n')) {
			const at = child.value.indexOf('\n');
			const after = child.value.slice(at + 1);
			if (at > 0) line.push(text(child.value.slice(0, at)));
			return { line, rest: [...(after ? [text(after)] : []), ...children.slice(index + 1)] };
		}
		line.push(child);
	}
	return { line, rest: [] };
}

/** The marker of a `> [!type]` blockquote, or `undefined` for any other node. Reads the quote; changes nothing. */
export function readQuoteMarker(node: ElementContent): QuoteMarker | undefined {
	if (node.type !== 'element' || node.tagName !== 'blockquote') return undefined;
	const first = node.children.find((child) => !isBlank(child));
	if (first?.type !== 'element' || first.tagName !== 'p') return undefined;
	const [lead, ...after] = first.children;
	if (lead?.type !== 'text') return undefined;
	const match = QUOTE_MARKER.exec(lead.value);
	if (!match) return undefined;
	const remainder = lead.value.slice(match[0].length);
	const { line, rest } = splitFirstLine([...(remainder ? [text(remainder)] : []), ...after]);
	const last = line.at(-1);
	const trimmed = last?.type === 'text' ? [...line.slice(0, -1), ...(last.value.trimEnd() ? [text(last.value.trimEnd())] : [])] : line;
	return {
		type: match[1],
		sign: match[2],
		line: trimmed,
		content: node.children.flatMap((child) => (child !== first ? [child] : rest.every(isBlank) ? [] : [h('p', {}, rest)])),
	};
}

/** `[!tab]` and `[!tab-group]` (MkDocs' `===` content tabs, prepared): tabs, not callouts. */
export const isTabMarker = (type: string) => /^tab(?:-group)?$/i.test(type);

/** A callout's marker: not tabs, and not the `[!embed]` quote `remark-wikilinks` makes of an embedded note. */
export const isCalloutMarker = (type: string) => !isTabMarker(type) && `[!${type}]` !== EMBED_MARKER;

