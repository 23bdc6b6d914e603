import { describe, expect, test } from 'vitest';
import { findIconShortcodes, iconLabel, withoutIcons } from '../../src/notes/icon-shortcodes.ts';

describe('findIconShortcodes', () => {
	test("each of Material for MkDocs' prefixes draws from its icon set", () => {
		const text = ':material-microsoft: :fontawesome-brands-github: :fontawesome-solid-house: :fontawesome-regular-bell: :octicons-mark-github-16: :simple-amazonwebservices:';
		const found = findIconShortcodes(text);
		expect(found.map(({ shortcode, icon }) => `${shortcode} ${icon?.viewBox}`)).toEqual([
			':material-microsoft: 0 0 24 24',
			':fontawesome-brands-github: 0 0 496 512',
			':fontawesome-solid-house: 0 0 576 512',
			':fontawesome-regular-bell: 0 0 448 512',
			':octicons-mark-github-16: 0 0 16 16',
			':simple-amazonwebservices: 0 0 24 24',
		]);
		expect(found[1].icon).toMatchObject({ name: 'fontawesome-brands-github', width: '0.97em', height: '1em' });
		expect(found[0].icon!.body).toMatchObject([{ type: 'element', tagName: 'path', properties: { fill: 'currentColor' } }]);
	});

	test('a name no set has is found without an icon; emoji and other colons are not shortcodes', () => {
		expect(findIconShortcodes('a :material-no-such-icon: b')).toMatchObject([{ index: 2, length: 23, prefix: 'material', name: 'no-such-icon', icon: undefined }]);
		expect(findIconShortcodes(':smile: at 10:30: arn:aws:s3:::bucket :material:')).toEqual([]);
	});

	test('the attribute list after an icon gives its classes, and is no text', () => {
		const [found] = findIconShortcodes('x :material-numeric-10-box:{ .lg .middle } y');
		expect(found).toMatchObject({ index: 2, length: 40, icon: { classes: ['lg', 'middle'] } });
		expect(withoutIcons('# :material-microsoft:{ .lg } Azure :material-no-such-icon:')).toBe('#  Azure :material-no-such-icon:');
	});

	test('an icon is labelled by its name in words', () => {
		expect(iconLabel('mark-github-16')).toBe('mark github');
		expect(iconLabel('microsoft')).toBe('microsoft');
	});
});
