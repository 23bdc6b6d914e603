import type { Element, ElementContent } from 'hast';
import { h, text } from './hast.ts';

/**
 * The callout contract, for Obsidian's callouts (`> [!tip] Title`), GitHub's alerts (`> [!NOTE]`)
 * and MkDocs' admonitions (`!!! tip "Title"`) alike:
 *
 * ```html
 * <div class="callout" data-callout="tip" role="note">
 *   <p class="callout__title"><svg class="callout__icon" aria-hidden="true">…</svg>Title</p>
 *   …
 * </div>
 * <details class="callout" data-callout="tip" open>
 *   <summary class="callout__title"><svg …>…</svg>Title</summary>
 *   …
 * </details>
 * ```
 *
 * A folded callout (`[!tip]-`, MkDocs' `???`) is a native `<details>`, open with `+` (`???+`):
 * no script, and find-in-page and the search index reach its text. `data-callout` is the kind
 * that sets the colour and icon; the title is the author's, else the type's name as written.
 */
export const CALLOUT_CLASS = 'callout';
export const CALLOUT_TITLE_CLASS = 'callout__title';
export const CALLOUT_ICON_CLASS = 'callout__icon';

/** Obsidian's callout kinds and their aliases (GitHub's five alerts among them). */
const CALLOUT_ALIASES = {
	note: [],
	abstract: ['summary', 'tldr'],
	info: [],
	todo: [],
	tip: ['hint', 'important'],
	success: ['check', 'done'],
	question: ['help', 'faq'],
	warning: ['caution', 'attention'],
	failure: ['fail', 'missing'],
	danger: ['error'],
	bug: [],
	example: [],
	quote: ['cite'],
} as const satisfies Record<string, readonly string[]>;

export type CalloutKind = keyof typeof CALLOUT_ALIASES;
export const CALLOUT_KINDS = Object.keys(CALLOUT_ALIASES) as CalloutKind[];

const KIND_OF = new Map<string, CalloutKind>(
	CALLOUT_KINDS.flatMap((kind) => [[kind, kind], ...CALLOUT_ALIASES[kind].map((alias): [string, CalloutKind] => [alias, kind])]),
);

/** `FAQ` → `question`; a type Obsidian does not know is shown as a note (under its own name). */
export const calloutKind = (type: string): CalloutKind => KIND_OF.get(type.toLowerCase()) ?? 'note';

/** A type's name as a title: `faq` → `Faq`, `NOTE` → `Note`, `key-idea` → `Key idea`. */
export function calloutTypeTitle(type: string): string {
	const words = type.replace(/[-_]+/g, ' ').trim().toLowerCase();
	return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Lucide's icons (ISC licence), as Obsidian shows them, each drawn as one path on a 24 × 24 grid. */
const ICONS: Record<CalloutKind, string> = {
	note: 'M21.174 6.812a1 1 0 0 0-3.986-3.987L3.842 16.174a2 2 0 0 0-.5.83l-1.321 4.352a.5.5 0 0 0 .623.622l4.353-1.32a2 2 0 0 0 .83-.497zM15 5l4 4',
	abstract: 'M9 2h6a1 1 0 0 1 1 1v2a1 1 0 0 1-1 1h-6a1 1 0 0 1-1-1v-2a1 1 0 0 1 1-1zM16 4h2a2 2 0 0 1 2 2v14a2 2 0 0 1-2 2H6a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2h2M12 11h4M12 16h4M8 11h.01M8 16h.01',
	info: 'M2 12a10 10 0 1 0 20 0a10 10 0 1 0-20 0M12 16v-4M12 8h.01',
	todo: 'M2 12a10 10 0 1 0 20 0a10 10 0 1 0-20 0M16 9l-5.5 5.5L8 12',
	tip: 'M12 3q1 4 4 6.5t3 5.5a1 1 0 0 1-14 0 5 5 0 0 1 1-3 1 1 0 0 0 5 0c0-2-1.5-3-1.5-5q0-2 2.5-4',
	success: 'M20 6 9 17l-5-5',
	question: 'M2 12a10 10 0 1 0 20 0a10 10 0 1 0-20 0M9.09 9a3 3 0 0 1 5.83 1c0 2-3 3-3 3M12 17h.01',
	warning: 'M21.73 18l-8-14a2 2 0 0 0-3.48 0l-8 14A2 2 0 0 0 4 21h16a2 2 0 0 0 1.73-3M12 9v4M12 17h.01',
	failure: 'M18 6 6 18M6 6l12 12',
	danger: 'M15.914 4a1.5 1.5 0 00-2.474-1.561l-9 9A1.5 1.5 0 005.5 14h4.002a.5.5 0 01.471.666L8.086 20a1.5 1.5 0 002.475 1.56l9-9A1.5 1.5 0 0018.5 10h-3.997a.5.5 0 01-.472-.667z',
	bug: 'M12 20v-9M14 7a4 4 0 0 1 4 4v3a6 6 0 0 1-12 0v-3a4 4 0 0 1 4-4zM14.12 3.88 16 2M21 21a4 4 0 0 0-3.81-4M21 5a4 4 0 0 1-3.55 3.97M22 13h-4M3 21a4 4 0 0 1 3.81-4M3 5a4 4 0 0 0 3.55 3.97M6 13H2M8 2l1.88 1.88M9 7.13V6a3 3 0 1 1 6 0v1.13',
	example: 'M3 5h.01M3 12h.01M3 19h.01M8 5h13M8 12h13M8 19h13',
	quote: 'M16 3a2 2 0 0 0-2 2v6a2 2 0 0 0 2 2 1 1 0 0 1 1 1v1a2 2 0 0 1-2 2 1 1 0 0 0-1 1v2a1 1 0 0 0 1 1 6 6 0 0 0 6-6V5a2 2 0 0 0-2-2zM5 3a2 2 0 0 0-2 2v6a2 2 0 0 0 2 2 1 1 0 0 1 1 1v1a2 2 0 0 1-2 2 1 1 0 0 0-1 1v2a1 1 0 0 0 1 1 6 6 0 0 0 6-6V5a2 2 0 0 0-2-2z',
};

const iconElement = (kind: CalloutKind) =>
	h('svg', { className: [CALLOUT_ICON_CLASS], viewBox: '0 0 24 24', ariaHidden: 'true' }, [h('path', { d: ICONS[kind] })]);

export interface Callout {
	/** The type as written (`faq`, `NOTE`, `key-idea`). */
	type: string;
	/** The title as the author wrote it (phrasing content), `[]` for the type's name, `undefined` for none. */
	title: ElementContent[] | undefined;
	/** `folded` (`-`, `???`), `open` (`+`, `???+`), or not foldable. */
	fold?: 'folded' | 'open';
	content: ElementContent[];
}

export function calloutElement({ type, title, fold, content }: Callout): Element {
	const kind = calloutKind(type);
	const shownTitle = title === undefined || title.length > 0 ? title : [text(calloutTypeTitle(type))];
	if (fold) {
		// A summary is what a reader clicks to unfold: it always has a title.
		const summary = h('summary', { className: [CALLOUT_TITLE_CLASS] }, [iconElement(kind), ...(shownTitle ?? [text(calloutTypeTitle(type))])]);
		return h('details', { className: [CALLOUT_CLASS], dataCallout: kind, open: fold === 'open' }, [summary, ...content]);
	}
	const heading = shownTitle ? [h('p', { className: [CALLOUT_TITLE_CLASS] }, [iconElement(kind), ...shownTitle])] : [];
	return h('div', { className: [CALLOUT_CLASS], dataCallout: kind, role: 'note' }, [...heading, ...content]);
}
