import type { Element, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { htmlToHast } from 'satteri';
import { tabSectionIds } from '../browser-safe/tab-ids.ts';
import { h, isBlank, text } from './hast.ts';
import { sectionsContent, TAB_ITEM_TAG, type TabSection } from './tabs.ts';

/**
 * The server side of the MDX `<Tabs>` component: the `<notes-tab-item>` elements `<Tab>` rendered
 * become the same sections, with the same ids, as `###` sections in a Markdown note; in a topic,
 * its summary tab is the topic's card (`summaryCard`, its id, which the notes pipeline sets).
 */
export function renderTabsHtml(slotHtml: string, topic: string | undefined, summaryCard?: string): string {
	const fragment = htmlToHast(slotHtml, { fragment: true }) as Root;
	// Outside a topic the sections are the note's own: `h2`, so heading levels still step by one.
	const level = topic ? 'h3' : 'h2';
	const items = fragment.children.filter((node): node is Element => node.type === 'element' && node.tagName === TAB_ITEM_TAG);
	const labels = items.map((item) => String(item.properties.dataLabel ?? ''));
	const ids = tabSectionIds(labels, topic);
	const sections: TabSection[] = items.map((item, index) => ({
		heading: h(level, { id: ids[index] }, [text(labels[index])]),
		id: ids[index],
		text: labels[index],
		content: item.children,
		filled: !item.children.every(isBlank),
	}));
	return toHtml(sectionsContent(sections, summaryCard));
}
