import { describe, expect, test } from 'vitest';
import { ALERT_KINDS } from '../../src/dom/alert.ts';
import { renderNote } from '../support/render.ts';

describe('rehype-alerts', () => {
	test('renders a GitHub alert as a callout', async () => {
		expect(await renderNote('> [!NOTE]\n> Flow logs are **not** real time.\n')).toMatchInlineSnapshot(`
			"<div class="alert" data-alert="note" role="note"><p class="alert__title">Note</p>
			<p>Flow logs are <strong>not</strong> real time.</p>
			</div>
			"
		`);
	});

	test.each(ALERT_KINDS)('[!%s] in any case', async (kind) => {
		const html = await renderNote(`> [!${kind.toUpperCase()}]\n> text\n`);
		expect(html).toContain(`data-alert="${kind}"`);
	});

	test('keeps ordinary and unknown blockquotes as blockquotes', async () => {
		expect(await renderNote('> just a quote\n')).toContain('<blockquote>');
		expect(await renderNote('> [!FOO]\n> text\n')).toContain('<blockquote>');
	});

	test('an alert marker alone on its paragraph leaves no empty paragraph', async () => {
		const html = await renderNote('> [!TIP]\n>\n> Second paragraph.\n');
		expect(html).not.toMatch(/<p>\s*<\/p>/);
		expect(html).toContain('<p>Second paragraph.</p>');
	});
});
