import { toHtml } from 'hast-util-to-html';
import { describe, expect, test } from 'vitest';
import { propertiesElement } from '../../src/dom/properties.ts';

describe('the properties contract', () => {
	test('a term per key; a list value item by item; dates as <time>; links, and broken links as in the text', () => {
		const html = toHtml(
			propertiesElement([
				{ key: 'author', values: [[{ kind: 'link', text: 'Daniel Kahneman', href: '/people/daniel-kahneman/' }]] },
				{ key: 'started', values: [[{ kind: 'date', text: '2024-03-01' }]] },
				{ key: 'genres', values: [[{ kind: 'text', text: 'psychology' }], [{ kind: 'text', text: 'see ' }, { kind: 'broken-link', text: 'Nudge', written: '[[Nudge]]', problem: 'broken-link' }]] },
			]),
		);
		expect(html).toMatchInlineSnapshot(`"<dl class="properties"><div class="properties__item"><dt>author</dt><dd><a href="/people/daniel-kahneman/">Daniel Kahneman</a></dd></div><div class="properties__item"><dt>started</dt><dd><time datetime="2024-03-01">2024-03-01</time></dd></div><div class="properties__item"><dt>genres</dt><dd><ul class="properties__values"><li>psychology</li><li>see <span class="link-broken" title="Not found: [[Nudge]]">Nudge<span class="visually-hidden" data-pagefind-ignore=""> (broken link)</span></span></li></ul></dd></div></dl>"`);
	});
});
