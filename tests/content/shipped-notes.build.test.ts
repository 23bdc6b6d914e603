import { beforeAll, describe, expect, test } from 'vitest';
import { NOTE_PAGE_JS_BUDGET, pageScripts } from '../bench/measure.ts';
import { builtSite, SHIPPED_NOTES, type BuiltSite } from '../support/build.ts';
import { classesOf, parseHtml, selectAll } from '../support/html.ts';

/** The sample notes the project ships (their copy among the fixtures), in strict mode (NOTES_STRICT=1). */
describe('the shipped notes, built in strict mode', () => {
	let site: BuiltSite;
	beforeAll(() => {
		site = builtSite(SHIPPED_NOTES, { env: { NOTES_STRICT: '1' } });
	});

	test('build without a single problem', () => {
		expect(site.exitCode, site.output).toBe(0);
		expect(site.output).toContain('No problems found in the notes.');
	});

	test('show every figure, and no placeholder', () => {
		const page = site.page('advanced-vpc-networking/index.html');
		expect(page).not.toContain('figure-missing');
		const tree = parseHtml(page);
		const figures = selectAll('figure[data-figure="image"]', tree);
		expect(figures.map((figure) => [classesOf(figure), Object.keys(figure.properties)])).toEqual(
			Array.from({ length: 8 }, () => [['figure'], ['className', 'dataFigure']]),
		);
		expect(selectAll('img[srcset]', tree).filter((image) => String(image.properties.srcSet) !== '')).toHaveLength(8);
	});

	test(`the note page's JavaScript before interaction, its figures' zoom included, is within ${NOTE_PAGE_JS_BUDGET / 1024} KB gzip`, () => {
		const scripts = pageScripts(site.dist, 'advanced-vpc-networking/');
		expect(scripts.gzip, JSON.stringify([...scripts.files, ...scripts.inline], null, 1)).toBeLessThanOrEqual(NOTE_PAGE_JS_BUDGET);
	});
});
