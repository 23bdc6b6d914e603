import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { mermaidConfig, PALETTE } from '../../src/diagrams/theme.ts';

const css = readFileSync(new URL('../../src/styles/base.css', import.meta.url), 'utf8');
const CSS_NAMES: Record<keyof typeof PALETTE, string> = {
	surface: '--surface',
	surface2: '--surface-2',
	text: '--text',
	muted: '--muted',
	border: '--border',
	accent: '--accent',
	accentSoft: '--accent-soft',
	caution: '--caution',
};

describe('diagram theme', () => {
	test.each(Object.entries(CSS_NAMES))('%s matches %s in base.css, light and dark', (name, variable) => {
		const match = new RegExp(`${variable}:\\s*light-dark\\((#[0-9a-f]{6}),\\s*(#[0-9a-f]{6})\\)`, 'i').exec(css);
		expect(match, `${variable} in base.css`).not.toBeNull();
		expect([match![1], match![2]]).toEqual(PALETTE[name as keyof typeof PALETTE]);
	});

	test('the two themes differ only where light and dark should', () => {
		const light = mermaidConfig('light');
		const dark = mermaidConfig('dark');
		expect(light.darkMode).toBe(false);
		expect(dark.darkMode).toBe(true);
		expect(light.themeVariables.background).toBe('#ffffff');
		expect(dark.themeVariables.background).toBe('#161a21');
		expect({ ...light, themeVariables: undefined, darkMode: undefined }).toEqual({ ...dark, themeVariables: undefined, darkMode: undefined });
		expect(light.deterministicIds).toBe(true);
		expect(light.securityLevel).toBe('strict');
	});
});
