import { describe, expect, test } from 'vitest';
import { renderTabsHtml } from '../../src/dom/tabs-html.ts';
import { TAB_ITEM_TAG } from '../../src/dom/tabs.ts';
import { renderNote } from '../support/render.ts';

const item = (label: string, html: string) => `<${TAB_ITEM_TAG} data-label="${label}">${html}</${TAB_ITEM_TAG}>`;

describe('the MDX <Tabs> component (renderTabsHtml)', () => {
	test('gives the same tabs as ### sections in a Markdown topic, the summary as its card', async () => {
		const fromMarkdown = await renderNote('## Topic\n\n### summary\n\n- a\n\n### concepts\n\n- b\n');
		const summaryCard = /<notes-card class="card card--summary" data-card="([^"]+)">/.exec(fromMarkdown)![1];
		const fromComponent = renderTabsHtml(
			item('summary', '<ul>\n<li>a</li>\n</ul>') + '\n' + item('concepts', '<ul>\n<li>b</li>\n</ul>'),
			'topic',
			summaryCard,
		);
		const tabsOf = (html: string) => /<notes-tabs[\s\S]*<\/notes-tabs>/.exec(html)![0].replace(/>\s+</g, '><');
		expect(tabsOf(fromComponent)).toBe(tabsOf(fromMarkdown));
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
