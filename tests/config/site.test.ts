import { describe, expect, test } from 'vitest';
import { parseSiteConfig, SiteConfigError } from '../../src/config/site.ts';

describe('parseSiteConfig', () => {
	test('no options: every default', () => {
		expect(parseSiteConfig({}, {})).toEqual({
			title: 'Study notes',
			description: '',
			lang: 'en',
			notesDir: 'content',
			strict: false,
			sidebarNotes: 40,
		});
	});

	test('NOTES_DIR and NOTES_STRICT override the options', () => {
		const config = parseSiteConfig({ notesDir: 'notes' }, { NOTES_DIR: 'elsewhere', NOTES_STRICT: '1' });
		expect(config.notesDir).toBe('elsewhere');
		expect(config.strict).toBe(true);
		expect(parseSiteConfig({ strict: true }, { NOTES_STRICT: '0' }).strict).toBe(false);
	});

	test('one error lists every bad key by path', () => {
		const parse = () => parseSiteConfig({ title: '', lang: 3 as never, colour: 'red' } as never, {});
		expect(parse).toThrow(SiteConfigError);
		expect(parse).toThrow(/title: .*\n.*lang: .*\n.*colour/s);
	});
});
