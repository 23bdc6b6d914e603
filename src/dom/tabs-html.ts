import type { Element, Root } from 'hast';
import GithubSlugger from 'github-slugger';
import { toHtml } from 'hast-util-to-html';
import { htmlToHast } from 'satteri';
import { h, isBlank, text } from './hast.ts';
import { sectionsContent, TAB_ITEM_TAG, type TabSection } from './tabs.ts';

/**
 * The server side of the MDX `<Tabs>` component: the `<notes-tab-item>` elements `<Tab>` rendered
 * become the same sections, with the same ids, as `###` sections in a Markdown note.
 */
export function renderTabsHtml(slotHtml: string, topic: string | undefined): string {
	const fragment = htmlToHast(slotHtml, { fragment: true }) as Root;
	const slugger = new GithubSlugger();
	// Outside a topic the sections are the note's own: `h2`, so heading levels still step by one.
	const level = topic ? 'h3' : 'h2';
	const sections: TabSection[] = fragment.children
		.filter((node): node is Element => node.type === 'element' && node.tagName === TAB_ITEM_TAG)
		.map((item) => {
			const label = String(item.properties.dataLabel ?? '');
			const id = slugger.slug(topic ? `${topic} ${label}` : label);
			return { heading: h(level, { id }, [text(label)]), text: label, content: item.children, filled: !item.children.every(isBlank) };
		});
	return toHtml(sectionsContent(sections));
}
