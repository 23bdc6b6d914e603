import type { Element, ElementContent } from 'hast';
import type { HastPluginDefinition } from 'satteri';
import { ALERT_KINDS, alertElement, type AlertKind } from '../dom/alert.ts';
import { h, isBlank, text } from '../dom/hast.ts';

const MARKER = /^\s*\[!(\w+)\][ \t]*(?:\r?\n)?/;

/**
 * `> [!NOTE]` blockquote → the alert element; any other blockquote → undefined. Builds new nodes
 * around the blockquote's own children and never changes them.
 */
export function alertFromBlockquote(blockquote: Element): Element | undefined {
	const first = blockquote.children.find((child) => !isBlank(child));
	if (first?.type !== 'element' || first.tagName !== 'p') return undefined;
	const [lead, ...rest] = first.children;
	if (lead?.type !== 'text') return undefined;
	const match = MARKER.exec(lead.value);
	const kind = match?.[1].toLowerCase() as AlertKind | undefined;
	if (!match || !kind || !ALERT_KINDS.includes(kind)) return undefined;
	const remainder = lead.value.slice(match[0].length);
	const paragraph: ElementContent[] = [...(remainder ? [text(remainder)] : []), ...rest];
	if (paragraph[0]?.type === 'element' && paragraph[0].tagName === 'br') paragraph.shift();
	const content = blockquote.children.flatMap((child) => {
		if (child !== first) return [child];
		return paragraph.every(isBlank) ? [] : [h('p', {}, paragraph)];
	});
	return alertElement(kind, content);
}

/** Renders GitHub alerts (`> [!NOTE]`, `[!TIP]`, `[!IMPORTANT]`, `[!WARNING]`, `[!CAUTION]`) as callouts. */
export function rehypeAlerts(): HastPluginDefinition {
	return {
		name: 'rehype-alerts',
		element: {
			filter: ['blockquote'],
			visit: (node: Element) => alertFromBlockquote(node),
		},
	};
}
