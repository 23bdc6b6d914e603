import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchChromium } from '../support/browser.ts';
import { builtSite, fixturePath } from '../support/build.ts';
import { describeInBrowser } from '../support/page-checks.ts';
import { serveDist, type StaticServer } from '../support/serve.ts';

/** The sites other tests build too (built once per run), each with a feature that runs script. */
const SITES = {
	search: () => builtSite(fixturePath('search-cases'), { base: '/notes-base/' }),
	figures: () => builtSite('tests/fixtures/figure-cases'),
	diagrams: () => builtSite(fixturePath('diagrams-cases'), { diagramsCache: 'diagrams-cases' }),
	maths: () => builtSite(fixturePath('syntax-vault')),
};

describeInBrowser('a Content-Security-Policy on every page, and nothing it blocks', (chromiumPath) => {
	let browser: Browser;
	const servers: Partial<Record<keyof typeof SITES, StaticServer>> = {};

	beforeAll(async () => {
		for (const [name, site] of Object.entries(SITES) as [keyof typeof SITES, () => ReturnType<typeof builtSite>][]) {
			const built = site();
			expect(built.exitCode, built.output).toBe(0);
			servers[name] = await serveDist(built.dist, name === 'search' ? '/notes-base/' : '/');
		}
		browser = await launchChromium(chromiumPath);
	});
	afterAll(async () => {
		await browser?.close();
		for (const server of Object.values(servers)) await server?.close();
	});

	/** A page with every CSP violation (and console error) it meets recorded. */
	async function open(site: keyof typeof SITES, path: string) {
		const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
		const page = await context.newPage();
		const violations: string[] = [];
		page.on('console', (message) => {
			if (message.type() === 'error') violations.push(`console: ${message.text()}`);
		});
		await page.exposeFunction('reportViolation', (text: string) => violations.push(text));
		await page.addInitScript(() =>
			document.addEventListener('securitypolicyviolation', (event) =>
				(window as unknown as { reportViolation(text: string): void }).reportViolation(`${event.violatedDirective}: ${event.blockedURI} ${event.sample}`),
			),
		);
		await page.goto(`${servers[site]!.url}${path}`);
		return { page, violations, close: () => context.close() };
	}

	const policyOf = (page: Page) => page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');

	test('the policy: scripts only from the site and by hash, WebAssembly for search, nothing inline else', async () => {
		const { page, close } = await open('search', 'aws/peering/');
		const policy = await policyOf(page);
		expect(policy).toMatch(/default-src 'self'/);
		expect(policy).toMatch(/script-src 'self' 'wasm-unsafe-eval'( 'sha256-[\w+/=]+')+;/);
		expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
		expect(policy).toMatch(/img-src 'self' https: data:/);
		await close();
	});

	test('reading, switching the theme and searching meet no violation', async () => {
		const { page, violations, close } = await open('search', 'aws/peering/');
		await page.locator('[data-theme-switch]').click();
		await expect.poll(() => page.evaluate(() => document.documentElement.dataset.themePref)).toBe('light');
		await page.keyboard.press('/');
		await page.keyboard.type('peering');
		await expect.poll(() => page.locator('.search__result').count()).toBeGreaterThan(0);
		await Promise.all([page.waitForURL(/highlight=/), page.keyboard.press('Enter')]);
		await expect.poll(() => page.locator('mark.search-hit').count()).toBeGreaterThan(0);
		expect(violations).toEqual([]);
		await close();
	});

	test('zooming a figure, a diagram drawn in the browser and a page with maths meet no violation', async () => {
		const figures = await open('figures', 'layout/');
		const image = figures.page.locator('figure[data-figure="image"] notes-figure > img').first();
		await image.scrollIntoViewIfNeeded();
		const box = (await image.boundingBox())!;
		// Where a reader clicks: the zoom button covers the image.
		await figures.page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
		await expect.poll(() => figures.page.locator('figure[data-figure="image"] dialog').first().evaluate((dialog: HTMLDialogElement) => dialog.open)).toBe(true);
		expect(figures.violations).toEqual([]);
		await figures.close();

		const diagram = await open('diagrams', 'dynamic/');
		await expect.poll(() => diagram.page.locator('notes-diagram svg').count(), { timeout: 20_000 }).toBeGreaterThan(0);
		expect(diagram.violations).toEqual([]);
		await diagram.close();

		const maths = await open('maths', 'maths/');
		await expect.poll(() => maths.page.evaluate(() => document.fonts.ready.then(() => document.styleSheets.length))).toBeGreaterThan(1);
		expect(maths.violations).toEqual([]);
		await maths.close();
	});
});
