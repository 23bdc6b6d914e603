import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { builtSite, type BuiltSite } from '../support/build.ts';
import { launchChromium } from '../support/browser.ts';
import { serveDist, type StaticServer } from '../support/serve.ts';
import { axeViolations, describeInBrowser } from '../support/page-checks.ts';



describeInBrowser('figure zoom in the browser', (chromium) => {
	let site: BuiltSite;
	let server: StaticServer;
	let browser: Browser;

	beforeAll(async () => {
		site = builtSite('tests/fixtures/figure-cases');
		if (site.exitCode !== 0) throw new Error(`The fixture did not build:\n${site.output}`);
		server = await serveDist(site.dist);
		browser = await launchChromium(chromium);
	});
	afterAll(async () => {
		await browser?.close();
		await server?.close();
	});

	async function open(pathname: string, options: BrowserContextOptions = {}): Promise<Page> {
		const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, ...options });
		const page = await context.newPage();
		await page.goto(`${server.url}${pathname}`);
		return page;
	}

	const firstFigure = (page: Page) => page.locator('figure[data-figure="image"]').first();
	/** A click in the middle of a figure's image, where a reader clicks (the zoom button covers it). */
	async function clickImage(page: Page, figure: ReturnType<typeof firstFigure>) {
		const image = figure.locator('notes-figure > img');
		await image.scrollIntoViewIfNeeded();
		const box = (await image.boundingBox())!;
		await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
	}
	const requested = (page: Page, url: string) =>
		page.evaluate((url) => performance.getEntriesByType('resource').some((entry) => entry.name.endsWith(url)), url);

	test('a click on the image opens the full-resolution image in a modal dialog, loaded only then', async () => {
		const page = await open('layout/');
		const figure = firstFigure(page);
		const fullSrc = await figure.locator('dialog img').getAttribute('src');
		await figure.locator('notes-figure > img').evaluate((image: HTMLImageElement) => image.decode());
		expect(await requested(page, fullSrc!)).toBe(false);

		await clickImage(page, figure);
		const dialog = figure.locator('dialog');
		await expect.poll(() => dialog.evaluate((element: HTMLDialogElement) => element.open && element.matches(':modal'))).toBe(true);
		await expect.poll(() => dialog.locator('img').evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth)).toBe(1600);
		expect(await requested(page, fullSrc!)).toBe(true);
		expect(await page.evaluate(() => document.activeElement?.closest('dialog') !== null)).toBe(true);
		await page.context().close();
	});

	test('Esc closes the dialog and focus returns to the image', async () => {
		const page = await open('layout/');
		const figure = firstFigure(page);
		await clickImage(page, figure);
		await expect.poll(() => figure.locator('dialog').evaluate((element: HTMLDialogElement) => element.open)).toBe(true);
		await page.keyboard.press('Escape');
		await expect.poll(() => figure.locator('dialog').evaluate((element: HTMLDialogElement) => element.open)).toBe(false);
		expect(await page.evaluate(() => document.activeElement?.className)).toBe('figure__zoom');
		await page.context().close();
	});

	test('from the keyboard: Tab to the image, Enter opens, focus stays in the dialog, Esc closes', async () => {
		const page = await open('layout/');
		const figure = firstFigure(page);
		const zoom = figure.locator('.figure__zoom');
		// Tab through the page until the first figure's zoom button has focus.
		for (let presses = 0; presses < 60; presses++) {
			await page.keyboard.press('Tab');
			if (await zoom.evaluate((button) => button === document.activeElement)) break;
		}
		expect(await zoom.evaluate((button) => button === document.activeElement)).toBe(true);
		expect(await zoom.getAttribute('aria-label')).toBe('Enlarge image: A diagram of the flow');

		await page.keyboard.press('Enter');
		const dialog = figure.locator('dialog');
		await expect.poll(() => dialog.evaluate((element: HTMLDialogElement) => element.open)).toBe(true);
		for (let presses = 0; presses < 4; presses++) {
			expect(await page.evaluate(() => document.activeElement?.closest('dialog') !== null)).toBe(true);
			await page.keyboard.press('Tab');
		}
		await page.keyboard.press('Escape');
		await expect.poll(() => dialog.evaluate((element: HTMLDialogElement) => element.open)).toBe(false);
		expect(await zoom.evaluate((button) => button === document.activeElement)).toBe(true);

		await page.keyboard.press('Space');
		await expect.poll(() => dialog.evaluate((element: HTMLDialogElement) => element.open)).toBe(true);
		await page.context().close();
	});

	test('the close button closes the dialog', async () => {
		const page = await open('layout/');
		const figure = firstFigure(page);
		await clickImage(page, figure);
		await figure.locator('.figure__close').click();
		await expect.poll(() => figure.locator('dialog').evaluate((element: HTMLDialogElement) => element.open)).toBe(false);
		await page.context().close();
	});

	test('without JavaScript the figure is a plain image and caption, with no zoom button', async () => {
		const page = await open('layout/', { javaScriptEnabled: false });
		const figure = firstFigure(page);
		expect(await figure.locator('notes-figure > img').isVisible()).toBe(true);
		expect(await figure.locator('.figure__zoom').isVisible()).toBe(false);
		expect(await figure.locator('figcaption').textContent()).toBe('The first figure, near the top of the page');
		await page.context().close();
	});

	for (const colorScheme of ['light', 'dark'] as const) {
		test(`axe-core finds no violations on figure pages (${colorScheme})`, async () => {
			for (const pathname of ['layout/', 'figures/', 'same-mdx/']) {
				const page = await open(pathname, { colorScheme });
				expect(await axeViolations(page), pathname).toEqual([]);
				// And with a dialog open.
				const zoom = page.locator('.figure__zoom').first();
				if (await zoom.isVisible()) {
					await zoom.click();
					expect(await axeViolations(page), `${pathname} with the dialog open`).toEqual([]);
				}
				await page.context().close();
			}
		});
	}

	/**
	 * Cumulative layout shift caused by images: every image file is held back until the page has
	 * settled (scripts ran, fonts laid out), then released while the page is scrolled to its end.
	 */
	async function measureCls(page: Page, pathname: string): Promise<number> {
		let release!: () => void;
		const gate = new Promise<void>((resolve) => (release = resolve));
		await page.route('**/_astro/*.{webp,png,jpg,svg}', async (route) => {
			await gate;
			await route.continue();
		});
		await page.addInitScript(() => {
			const state = window as unknown as { cls: number };
			state.cls = 0;
			new PerformanceObserver((list) => {
				for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
					if (!entry.hadRecentInput) state.cls += entry.value;
				}
			}).observe({ type: 'layout-shift', buffered: true });
		});
		await page.goto(`${server.url}${pathname}`, { waitUntil: 'domcontentloaded' });
		await page.waitForTimeout(1500);
		await page.evaluate(() => ((window as unknown as { cls: number }).cls = 0));
		release();
		const height = await page.evaluate(() => document.documentElement.scrollHeight);
		for (let y = 0; y <= height; y += 300) {
			await page.evaluate((top) => window.scrollTo(0, top), y);
			await page.waitForTimeout(150);
		}
		await page.waitForFunction(() =>
			[...document.querySelectorAll('notes-figure > img')].every((image) => (image as HTMLImageElement).complete),
		);
		await page.waitForTimeout(300);
		return page.evaluate(() => (window as unknown as { cls: number }).cls);
	}

	test('no layout shift while images load (CLS 0)', async () => {
		const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
		const cls = await measureCls(await context.newPage(), 'layout/');
		await context.close();
		expect(cls).toBe(0);

		const mobile = await browser.newContext({ viewport: { width: 375, height: 800 }, deviceScaleFactor: 2 });
		const mobileCls = await measureCls(await mobile.newPage(), 'layout/');
		await mobile.close();
		expect(mobileCls).toBe(0);
	});

	test('control: the same page without width and height does shift, so the measurement can fail', async () => {
		const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
		const page = await context.newPage();
		await page.route('**/layout/', async (route) => {
			const response = await route.fetch();
			const html = (await response.text()).replace(/<img\b[^>]*>/g, (tag) => tag.replace(/\s(?:width|height)="\d+"/g, ''));
			await route.fulfill({ response, body: html });
		});
		const cls = await measureCls(page, 'layout/');
		await context.close();
		expect(cls).toBeGreaterThan(0.05);
	});
});
