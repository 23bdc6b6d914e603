import { describe, expect, test } from 'vitest';
import { ICON_CLASS } from '../../src/dom/icon.ts';
import { parseHtml, selectAll, textOf } from '../support/html.ts';
import { renderNote } from '../support/render.ts';

const render = async (source: string) => parseHtml(await renderNote(source), { fragment: true });

describe('remark-icons', () => {
	test('a shortcode among words is a decorative inline SVG, one line high, in the colour of the text', async () => {
		const tree = await render('Made by **Microsoft** :material-microsoft:, on :fontawesome-brands-github:.\n');
		const icons = selectAll(`svg.${ICON_CLASS}`, tree);
		expect(icons.map((icon) => icon.properties)).toEqual([
			{ className: [ICON_CLASS], dataIcon: 'material-microsoft', viewBox: '0 0 24 24', width: '1em', height: '1em', ariaHidden: 'true', focusable: 'false' },
			{ className: [ICON_CLASS], dataIcon: 'fontawesome-brands-github', viewBox: '0 0 496 512', width: '0.97em', height: '1em', ariaHidden: 'true', focusable: 'false' },
		]);
		expect(textOf(tree)).toBe('Made by Microsoft , on .');
	});

	test('an icon that is all a link or a table cell shows is labelled', async () => {
		const tree = await render('[:material-microsoft:](https://learn.microsoft.com/)\n\n| OS | Works |\n| --- | --- |\n| Windows | :material-check: |\n');
		expect(selectAll('svg', tree).map((icon) => [icon.properties.role, icon.properties.ariaLabel, icon.properties.ariaHidden])).toEqual([
			['img', 'microsoft', undefined],
			['img', 'check', undefined],
		]);
	});

	test('unknown shortcodes, emoji shortcodes and code stay as written', async () => {
		const tree = await render('A :material-no-such-icon:, a :smile: and `:material-microsoft:`.\n\n```\n:material-microsoft:\n```\n');
		expect(selectAll('svg', tree)).toEqual([]);
		expect(textOf(tree)).toContain('A :material-no-such-icon:, a :smile: and :material-microsoft:.');
	});
});
