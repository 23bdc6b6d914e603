import { describe, expect, test } from 'vitest';
import { renderTabsHtml } from '../../src/dom/tabs-html.ts';
import { HEADING_ALIAS_CLASS } from '../../src/dom/heading.ts';
import { TAB_ITEM_TAG, TABS_TAG } from '../../src/dom/tabs.ts';
import { classesOf, parseHtml, selectAll, withoutBlankText } from '../support/html.ts';
import { renderNote } from '../support/render.ts';

const item = (label: string, html: string) => `<${TAB_ITEM_TAG} data-label="${label}">${html}</${TAB_ITEM_TAG}>`;

describe('the MDX <Tabs> component (renderTabsHtml)', () => {
	test('gives the same tabs as ### sections in a Markdown topic, the summary as its card', async () => {
		const fromMarkdown = await renderNote('## Topic\n\n### summary\n\n- a\n\n### concepts\n\n- b\n');
		const cards = selectAll('notes-card.card--summary', parseHtml(fromMarkdown, { fragment: true }));
		expect(cards.map((card) => classesOf(card))).toEqual([['card', 'card--summary']]);
		const summaryCard = String(cards[0].properties.dataCard);
		expect(summaryCard).not.toBe('');
		const fromComponent = renderTabsHtml(
			item('summary', '<ul>\n<li>a</li>\n</ul>') + '\n' + item('concepts', '<ul>\n<li>b</li>\n</ul>'),
			'topic',
			summaryCard,
		);
		// The tabs elements, whatever the white space between their tags, and but for the targets of
		// GitHub's anchors, which only a Markdown heading has.
		const tree = (html: string) => parseHtml(html.replace(new RegExp(`<span class="${HEADING_ALIAS_CLASS}" id="[^"]*"></span>`, 'g'), ''), { fragment: true });
		const tabsOf = (html: string) => selectAll(TABS_TAG, tree(html)).map(withoutBlankText);
		expect(tabsOf(fromMarkdown)).toHaveLength(1);
		expect(tabsOf(fromComponent)).toEqual(tabsOf(fromMarkdown));
	});

	test('outside a topic the sections are h2 (the levels step by one under the page title), with the label slugs as ids', () => {
		const html = renderTabsHtml(item('Key facts', '<p>x</p>') + item('More', '<p>y</p>'), undefined);
		expect(html).toContain('<h2 id="key-facts">Key facts</h2>');
	});

	test('empty tabs are left out; a single tab shows without a tab bar', () => {
		const html = renderTabsHtml(item('summary', '<p>only</p>') + item('concepts', ''), 'topic');
		expect(html).toBe('<h3 id="topic-summary">summary</h3><p>only</p>');
	});
});
