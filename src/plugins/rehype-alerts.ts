import type { Element, ElementContent, Root, RootContent } from 'hast';
import { ALERT_KINDS, alertElement, type AlertKind } from '../dom/alert.ts';
import { isBlank } from '../dom/hast.ts';
import { hastTreePlugin } from './satteri.ts';

const MARKER = /^\s*\[!(\w+)\][ \t]*(?:\r?\n|$)?/;

/** `> [!NOTE]` blockquote → the alert element; any other blockquote → undefined. */
function toAlert(blockquote: Element): Element | undefined {
	const first = blockquote.children.find((child) => !isBlank(child));
	if (first?.type !== 'element' || first.tagName !== 'p') return undefined;
	const lead = first.children[0];
	if (lead?.type !== 'text') return undefined;
	const match = MARKER.exec(lead.value);
	const kind = match?.[1].toLowerCase() as AlertKind | undefined;
	if (!match || !kind || !ALERT_KINDS.includes(kind)) return undefined;
	lead.value = lead.value.slice(match[0].length);
	if (lead.value === '') first.children.shift();
	if (first.children[0]?.type === 'element' && first.children[0].tagName === 'br') first.children.shift();
	const content = blockquote.children.filter((child) => child !== first || !first.children.every(isBlank));
	return alertElement(kind, content);
}

/** Renders GitHub alerts (`> [!NOTE]`, `[!TIP]`, `[!IMPORTANT]`, `[!WARNING]`, `[!CAUTION]`) as callouts. */
export function githubAlerts(root: Root): Root['children'] {
	const visit = <T extends RootContent | ElementContent>(nodes: T[]): T[] =>
		nodes.map((node) => {
			if (node.type !== 'element') return node;
			if (node.tagName === 'blockquote') {
				const alert = toAlert(node);
				if (alert) return alert as T;
			}
			node.children = visit(node.children);
			return node;
		});
	return visit(root.children);
}

export function rehypeAlerts() {
	return hastTreePlugin('rehype-alerts', (root) => githubAlerts(root));
}
