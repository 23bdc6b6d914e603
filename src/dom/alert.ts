import type { Element, ElementContent } from 'hast';
import { h, text } from './hast.ts';

/**
 * The alert contract, for GitHub's `> [!NOTE]` blocks:
 *
 * ```html
 * <div class="alert" data-alert="note" role="note"><p class="alert__title">Note</p>…</div>
 * ```
 */
export const ALERT_CLASS = 'alert';
export const ALERT_TITLE_CLASS = 'alert__title';
export const ALERT_KINDS = ['note', 'tip', 'important', 'warning', 'caution'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

const TITLES: Record<AlertKind, string> = {
	note: 'Note',
	tip: 'Tip',
	important: 'Important',
	warning: 'Warning',
	caution: 'Caution',
};

export function alertElement(kind: AlertKind, content: ElementContent[]): Element {
	return h('div', { className: [ALERT_CLASS], dataAlert: kind, role: 'note' }, [
		h('p', { className: [ALERT_TITLE_CLASS] }, [text(TITLES[kind])]),
		...content,
	]);
}
