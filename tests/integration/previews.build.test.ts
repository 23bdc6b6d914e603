import { describe, expect, test } from 'vitest';
import { PREVIEWS_ATTRIBUTE, type PreviewFragment } from '../../src/dom/preview.ts';
import { NOTE_PAGE_JS_BUDGET, pageScripts } from '../bench/measure.ts';
import { builtSite, fixturePath } from '../support/build.ts';
import { parseHtml, select, selectOne, textOf } from '../support/html.ts';

const site = () => builtSite(fixturePath('previews-vault'));
const fragment = (slug: string) => JSON.parse(site().page(`${slug}/preview.json`)) as PreviewFragment;

describe('link previews, built', () => {
	test('each note has its article beside its page, with its title', () => {
		expect(site().exitCode, site().output).toBe(0);
		const target = fragment('target');
		expect(target.title).toBe('Target');
		const article = selectOne('article.note__body', parseHtml(site().page('target/index.html')));
		expect(textOf(parseHtml(target.html, { fragment: true }))).toBe(textOf(article));
		expect(textOf(article)).toContain('Text of the third heading.');
		expect(fragment('lonely').html).toContain('No links here');
	});

	test('only pages with links to other notes (in their text or their backlinks) say so', () => {
		const marked = (slug: string) => select(`main[${PREVIEWS_ATTRIBUTE}]`, parseHtml(site().page(`${slug}/index.html`))) !== undefined;
		expect(marked('start')).toBe(true);
		expect(marked('deepest')).toBe(true);
		expect(marked('lonely')).toBe(false);
	});

	test(`a note page's JavaScript before interaction, files and inline scripts, is within ${NOTE_PAGE_JS_BUDGET / 1024} KB gzip; the previews' script is not part of it`, () => {
		const scripts = pageScripts(site().dist, 'start/');
		expect(scripts.files.map((file) => file.name).filter((name) => name.includes('link-previews'))).toEqual([]);
		expect(scripts.inline.length).toBeGreaterThan(0);
		expect(scripts.gzip, JSON.stringify([...scripts.files, ...scripts.inline], null, 1)).toBeLessThanOrEqual(NOTE_PAGE_JS_BUDGET);
	});
});
