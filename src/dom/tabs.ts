import type { Element, ElementContent } from 'hast';
import { isSummaryHeading, summaryCardElement } from './card.ts';
import { h, text } from './hast.ts';

/**
 * The tabs contract. A topic's sections become one `<notes-tabs>`:
 *
 * ```html
 * <notes-tabs class="tabs">
 *   <div class="tabs__list" hidden data-pagefind-ignore="all">
 *     <button type="button">Summary</button> …
 *   </div>
 *   <div class="tabs__panel">
 *     <h3 id="{section}">summary</h3> …
 *   </div> …
 * </notes-tabs>
 * ```
 *
 * The server renders every panel visible and the tab list `hidden`, so without JavaScript (and in
 * print) the sections stand stacked under their own headings, as plain sections. The `notes-tabs`
 * element adds the WAI-ARIA tab roles, states and ids (derived from each section's heading id),
 * shows the tab list and hides the unselected panels with `hidden="until-found"`. Keeping the
 * ARIA out of the server's HTML halves the markup of a tab group, and no reader without
 * JavaScript meets a tab list they cannot use.
 *
 * A topic whose tabs would not fit (the catalogue decides: `src/notes/tab-strip.ts`) has no tab
 * group: its sections stand one after another, as written, under a list of links to them:
 *
 * ```html
 * <ul class="sections-index" aria-label="Sections" data-pagefind-ignore="all">
 *   <li><a href="#{section}">Summary</a></li> …
 * </ul>
 * <h3 id="{section}">summary</h3> …
 * ```
 */
export const TABS_TAG = 'notes-tabs';
export const TABS_CLASS = 'tabs';
export const TAB_LIST_CLASS = 'tabs__list';
export const TAB_PANEL_CLASS = 'tabs__panel';
/** A content tab's label (MkDocs' `=== "Label"`), its panel's first child where a section has its heading. */
export const TAB_LABEL_CLASS = 'tabs__label';
/** The element the MDX `<Tab>` component renders; `<Tabs>` turns each into a panel. */
export const TAB_ITEM_TAG = 'notes-tab-item';
/** The list of links to a stacked topic's sections. */
export const SECTIONS_INDEX_CLASS = 'sections-index';

/**
 * On `<html>`: `tabs` (default), `stacked`, or `summaries` (each topic shows its summary alone, on
 * notes with summaries, marked `data-summaries`; elsewhere it reads as `tabs`): the reader's page-level choice.
 */
export const SECTIONS_MODE_ATTRIBUTE = 'data-sections';
export const SECTIONS_MODE_STORAGE_KEY = 'notes-sections';
/** Dispatched on `document` when the reader switches between tabs, stacked sections and summaries. */
export const SECTIONS_MODE_EVENT = 'notes:sections-mode';
export type SectionsMode = 'tabs' | 'stacked' | 'summaries';

export interface TabSection {
	/** The section's heading (an `h3` with an `id`, `h2` outside a topic); it stays the panel's first child. */
	heading: Element;
	/** The heading's id, which links to the section lead to. */
	id?: string;
	/** The heading's text, the tab's label. */
	text: string;
	/** What follows the heading, up to the next section. */
	content: ElementContent[];
	/** False when the content is only whitespace and comments: the section is left out. */
	filled: boolean;
}

export const tabId = (sectionId: string) => `${sectionId}-tab`;
export const panelId = (sectionId: string) => `${sectionId}-panel`;

/** "flow logs" → "Flow logs": the label as the author wrote it, capitalised. */
export function tabLabel(headingText: string): string {
	const label = headingText.trim();
	return label.charAt(0).toLocaleUpperCase() + label.slice(1);
}

/** Builds the tab group for a topic's non-empty sections; `body` is what follows each heading. */
export function tabsElement(sections: TabSection[], body = (section: TabSection): ElementContent[] => section.content): Element {
	const buttons = sections.map((section) => h('button', { type: 'button' }, [text(tabLabel(section.text))]));
	const panels = sections.map((section) => h('div', { className: [TAB_PANEL_CLASS] }, [section.heading, ...body(section)]));
	return h(TABS_TAG, { className: [TABS_CLASS] }, [
		h('div', { className: [TAB_LIST_CLASS], hidden: true, dataPagefindIgnore: 'all' }, buttons),
		...panels,
	]);
}

/** Content tabs (MkDocs' `=== "Label"`): each panel is led by its label, with the id deep links use. */
export function contentTabsElement(tabs: { label: string; id: string; content: ElementContent[] }[]): Element {
	return tabsElement(
		tabs.map(({ label, id, content }) => ({
			heading: h('p', { className: [TAB_LABEL_CLASS], id }, [text(label)]),
			id,
			text: label,
			content,
			filled: true,
		})),
	);
}

/** Links to the sections a stacked topic shows, by their tab labels. */
function sectionsIndexElement(sections: TabSection[]): Element {
	const items = sections.flatMap((section) => (section.id ? [h('li', {}, [h('a', { href: `#${section.id}` }, [text(tabLabel(section.text))])])] : []));
	return h('ul', { className: [SECTIONS_INDEX_CLASS], ariaLabel: 'Sections', dataPagefindIgnore: 'all' }, items);
}

/**
 * What a topic shows for its sections: nothing when all are empty, the one non-empty section as it
 * is (no tab bar), a tab group, or with `stacked` (its tabs would not fit) the sections one after
 * another under links to them. Empty sections are left out. With `summaryCard` (the topic's card
 * id), its first summary section's content is that card (`src/dom/card.ts`).
 */
export function sectionsContent(sections: TabSection[], summaryCard?: string, { stacked = false } = {}): ElementContent[] {
	const filled = sections.filter((section) => section.filled);
	const summary = summaryCard ? filled.find((section) => isSummaryHeading(section.text)) : undefined;
	const body = (section: TabSection) => (section === summary ? [summaryCardElement(summaryCard!, section.content)] : section.content);
	if (filled.length === 0) return [];
	if (filled.length === 1) return [filled[0].heading, ...body(filled[0])];
	if (stacked) return [sectionsIndexElement(filled), ...filled.flatMap((section) => [section.heading, ...body(section)])];
	return [tabsElement(filled, body)];
}
