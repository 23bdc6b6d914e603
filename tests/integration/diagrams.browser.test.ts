import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium } from '../support/browser.ts';
import { builtSite, fixturePath } from '../support/build.ts';
import { serveDist, type StaticServer } from '../support/serve.ts';
import { axeViolations, describeInBrowser } from '../support/page-checks.ts';

const FIXTURE = fixturePath('diagrams-cases');
const DIAGRAM_JS = /mermaid|notes-diagram|DiagramScript/i;

/** For each figure: the theme of the SVG that shows, and its size. */
function shownVariants(page: Page) {
	return page.$$eval('figure.diagram[data-diagram-render="build"], figure.diagram[data-diagram-render="browser"]', (figures) =>
		figures.map((figure) =>
			[...figure.querySelectorAll<SVGSVGElement>('svg[data-diagram-theme]')]
				.filter((svg) => getComputedStyle(svg).display !== 'none')
				.map((svg) => {
					const box = svg.getBoundingClientRect();
					return { theme: svg.dataset.diagramTheme, wide: box.width > 50, tall: box.height > 20 };
				}),
		),
	);
}


describeInBrowser('diagrams in the browser', (chromium) => {
	let browser: Browser;
	let built: StaticServer;
	let client: StaticServer;

	beforeAll(async () => {
		// The sites the build tests check (tests/integration/diagrams.build.test.ts), built once for both.
		const buildTime = builtSite(FIXTURE, { diagramsCache: 'diagrams-cases' });
		expect(buildTime.exitCode, buildTime.output).toBe(0);
		const inBrowser = builtSite(FIXTURE, { diagramsCache: 'diagrams-cases-client', env: { NOTES_DIAGRAMS: 'client' } });
		expect(inBrowser.exitCode, inBrowser.output).toBe(0);
		built = await serveDist(buildTime.dist);
		client = await serveDist(inBrowser.dist);
		browser = await launchChromium(chromium);
	});

	afterAll(async () => {
		await browser?.close();
		await built?.close();
		await client?.close();
	});

	async function open(server: StaticServer, slug: string, options: BrowserContextOptions = {}) {
		const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
		const page = await context.newPage();
		const requests: string[] = [];
		page.on('request', (request) => requests.push(request.url()));
		await page.goto(`${server.url}${slug}/`);
		return { page, requests, close: () => context.close() };
	}

	describe('drawn at build time', () => {
		test.each(['light', 'dark'] as const)('in %s mode every diagram shows the SVG drawn for it, and no diagram JavaScript loads', async (scheme) => {
			const { page, requests, close } = await open(built, 'two-diagrams', { colorScheme: scheme });
			await page.waitForLoadState('networkidle');
			expect(await shownVariants(page)).toEqual(Array(3).fill([{ theme: scheme, wide: true, tall: true }]));
			expect(requests.filter((url) => DIAGRAM_JS.test(url))).toEqual([]);
			await close();
		});

		test('the theme switch swaps the variants, without drawing anything again', async () => {
			const { page, close } = await open(built, 'flowchart', { colorScheme: 'light' });
			await page.$$eval('svg[data-diagram-theme]', (svgs) => svgs.forEach((svg) => ((svg as unknown as { mark: number }).mark = 1)));
			expect(await shownVariants(page)).toEqual([[{ theme: 'light', wide: true, tall: true }]]);
			const toggle = page.locator('[data-theme-switch]');
			await toggle.click(); // auto → light
			await toggle.click(); // light → dark
			expect(await page.getAttribute('html', 'data-theme')).toBe('dark');
			expect(await shownVariants(page)).toEqual([[{ theme: 'dark', wide: true, tall: true }]]);
			expect(await page.$$eval('svg[data-diagram-theme]', (svgs) => svgs.map((svg) => (svg as unknown as { mark?: number }).mark))).toEqual([1, 1]);
			await close();
		});

		test('with JavaScript off, the system theme picks the variant', async () => {
			const { page, close } = await open(built, 'architecture', { colorScheme: 'dark', javaScriptEnabled: false });
			expect(await shownVariants(page)).toEqual([[{ theme: 'dark', wide: true, tall: true }]]);
			await close();
		});

		test('a wide diagram scrolls inside its own box on a small screen, and the page does not', async () => {
			const { page, close } = await open(built, 'architecture', { viewport: { width: 375, height: 800 } });
			const sizes = await page.evaluate(() => {
				const frame = document.querySelector<HTMLElement>('.diagram__frame')!;
				return { page: document.documentElement.scrollWidth, frame: frame.clientWidth, content: frame.scrollWidth };
			});
			expect(sizes.page).toBe(375);
			expect(sizes.content).toBeGreaterThan(sizes.frame);
			await close();
		});

		test('a diagram opens full size in the figure dialog, by click or keyboard, and goes back on Esc', async () => {
			const { page, close } = await open(built, 'architecture');
			const zoom = page.locator('.diagram .figure__zoom').first();
			const dialog = page.locator('.diagram .figure__dialog').first();
			await zoom.click();
			expect(await dialog.isVisible()).toBe(true);
			expect(await dialog.locator('.diagram__frame > svg').count()).toBe(2);
			expect(await page.evaluate(() => document.querySelectorAll('[id$="-light"][data-diagram-theme]').length)).toBe(1);
			expect(await axeViolations(page)).toEqual([]);
			await page.keyboard.press('Escape');
			expect(await dialog.isVisible()).toBe(false);
			expect(await page.locator('.diagram__media > .diagram__frame').count()).toBe(1);
			expect(await zoom.evaluate((button) => button === document.activeElement)).toBe(true);
			await page.keyboard.press('Enter');
			expect(await dialog.isVisible()).toBe(true);
			await close();
		});

		test.each(['light', 'dark'] as const)('axe-core finds no violations on diagram pages in %s mode', async (scheme) => {
			for (const slug of ['flowchart', 'sequence', 'architecture', 'two-diagrams', 'invalid', 'same-mdx']) {
				const { page, close } = await open(built, slug, { colorScheme: scheme });
				expect(await axeViolations(page), slug).toEqual([]);
				await close();
			}
		});
	});

	describe('drawn in the browser (NOTES_DIAGRAMS=client)', () => {
		test('mermaid loads only when the diagram nears the viewport; the theme switch draws the other variant', async () => {
			const { page, requests, close } = await open(client, 'far-below', { colorScheme: 'light' });
			await page.waitForLoadState('networkidle');
			expect(requests.filter((url) => /mermaid/.test(url))).toEqual([]);
			expect(await page.locator('notes-diagram svg').count()).toBe(0);

			await page.locator('notes-diagram').scrollIntoViewIfNeeded();
			await page.waitForSelector('notes-diagram svg[data-diagram-theme="light"]');
			expect(requests.some((url) => /mermaid/.test(url))).toBe(true);
			expect(await shownVariants(page)).toEqual([[{ theme: 'light', wide: true, tall: true }]]);
			expect(await page.locator('notes-diagram .diagram__source').isVisible()).toBe(false);
			expect(await page.getAttribute('notes-diagram', 'aria-label')).toBe('Far below');

			const toggle = page.locator('[data-theme-switch]');
			await toggle.click();
			await toggle.click();
			await page.waitForSelector('notes-diagram svg[data-diagram-theme="dark"]');
			expect(await shownVariants(page)).toEqual([[{ theme: 'dark', wide: true, tall: true }]]);
			expect(await axeViolations(page)).toEqual([]);
			await close();
		});

		test('two copies of one diagram drawn in the browser keep their ids apart', async () => {
			const { page, close } = await open(client, 'two-diagrams');
			await page.waitForFunction(() => document.querySelectorAll('notes-diagram svg').length === 3);
			const ids = await page.$$eval('[id]', (elements) => elements.map((element) => element.id));
			expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
			await close();
		});

		test('an invalid diagram shows mermaid\'s error above its source', async () => {
			const { page, close } = await open(client, 'invalid');
			await page.waitForSelector('figure.diagram--error figcaption');
			expect(await page.textContent('figure.diagram--error figcaption')).toMatch(/^This diagram could not be drawn\. Parse error on line 3:/);
			expect(await page.locator('figure.diagram--error .diagram__source').isVisible()).toBe(true);
			expect(await axeViolations(page)).toEqual([]);
			await close();
		});

		test('without JavaScript the mermaid source stays readable', async () => {
			const { page, close } = await open(client, 'flowchart', { javaScriptEnabled: false });
			const source = page.locator('notes-diagram .diagram__source');
			expect(await source.isVisible()).toBe(true);
			expect(await source.textContent()).toContain('EC2[Instance] --> NAT[NAT gateway]');
			await close();
		});
	});
});
