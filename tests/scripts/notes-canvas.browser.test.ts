import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { builtSite } from '../support/build.ts';
import { launchChromium } from '../support/browser.ts';
import { serveDist, type StaticServer } from '../support/serve.ts';
import { axeViolations, describeInBrowser, watchPage } from '../support/page-checks.ts';
import { CANVAS_NODE_ATTRIBUTE } from '../../src/dom/canvas.ts';

describeInBrowser('canvas pages in the browser', (chromium) => {
	let server: StaticServer;
	let browser: Browser;

	beforeAll(async () => {
		const site = builtSite('tests/fixtures/canvas-board');
		if (site.exitCode !== 0) throw new Error(`The fixture did not build:\n${site.output}`);
		server = await serveDist(site.dist);
		browser = await launchChromium(chromium);
	});
	afterAll(async () => {
		await browser?.close();
		await server?.close();
	});

	async function open(options: BrowserContextOptions = {}): Promise<{ page: Page; problems: string[] }> {
		const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
		const page = await context.newPage();
		const problems = watchPage(page, server.url);
		await page.goto(`${server.url}study-board/`);
		return { page, problems };
	}

	/** The board's transform, as `[x, y, scale]`. */
	const transform = (page: Page) =>
		page.locator('.canvas__board').evaluate((board: HTMLElement) => {
			const matrix = new DOMMatrix(getComputedStyle(board).transform);
			return [Math.round(matrix.e), Math.round(matrix.f), Math.round(matrix.a * 1000) / 1000];
		});

	test('the board shows its text, file and group cards, and fits in its viewport', async () => {
		const { page, problems } = await open();
		for (const kind of ['text', 'file', 'group', 'link']) await expect.poll(() => page.locator(`[${CANVAS_NODE_ATTRIBUTE}="${kind}"]`).first().isVisible()).toBe(true);
		await expect.poll(() => page.locator('button[data-canvas-zoom="fit"]').isVisible()).toBe(true);
		const viewport = (await page.locator('.canvas__viewport').boundingBox())!;
		const board = (await page.locator('.canvas__board').boundingBox())!;
		expect(board.width).toBeLessThanOrEqual(viewport.width + 1);
		expect(board.height).toBeLessThanOrEqual(viewport.height + 1);
		expect(problems).toEqual([]);
		expect(await axeViolations(page)).toEqual([]);
		await page.locator('.canvas__as-list').check();
		expect(await axeViolations(page)).toEqual([]);
		await page.context().close();
	});

	test('the buttons, the wheel and the keys zoom; a drag pans; Fit puts it back', async () => {
		const { page } = await open();
		await expect.poll(() => page.locator('button[data-canvas-zoom="in"]').isVisible()).toBe(true);
		const fitted = await transform(page);
		await page.locator('button[data-canvas-zoom="in"]').click();
		expect((await transform(page))[2]).toBeCloseTo(fitted[2] * 1.25, 2);
		await page.locator('button[data-canvas-zoom="out"]').click();
		expect((await transform(page))[2]).toBeCloseTo(fitted[2], 2);

		const viewport = (await page.locator('.canvas__viewport').boundingBox())!;
		// A drag on the board's background, below the cards.
		const from = { x: viewport.x + viewport.width - 20, y: viewport.y + viewport.height - 20 };
		await page.mouse.move(from.x, from.y);
		await page.mouse.down();
		await page.mouse.move(from.x - 100, from.y - 50, { steps: 5 });
		await page.mouse.up();
		const panned = await transform(page);
		expect([panned[0] - fitted[0], panned[1] - fitted[1], panned[2]]).toEqual([-100, -50, fitted[2]]);

		await page.mouse.move(viewport.x + viewport.width / 2, viewport.y + viewport.height / 2);
		await page.mouse.wheel(0, -200);
		await expect.poll(async () => (await transform(page))[2]).toBeGreaterThan(fitted[2]);

		await page.locator('button[data-canvas-zoom="fit"]').click();
		expect(await transform(page)).toEqual(fitted);
		await page.locator('.canvas__viewport').focus();
		await page.keyboard.press('+');
		expect((await transform(page))[2]).toBeGreaterThan(fitted[2]);
		await page.keyboard.press('0');
		expect(await transform(page)).toEqual(fitted);
		await page.context().close();
	});

	test('without JavaScript the board scrolls in its box, and "Show as a list" reads the cards in order', async () => {
		const { page } = await open({ javaScriptEnabled: false });
		expect(await page.locator('button[data-canvas-zoom="in"]').isVisible()).toBe(false);
		const scrolls = await page.locator('.canvas__viewport').evaluate((viewport) => viewport.scrollHeight > viewport.clientHeight && getComputedStyle(viewport).overflow === 'auto');
		expect(scrolls).toBe(true);

		await page.locator('.canvas__as-list').check();
		const nodes = page.locator(`[${CANVAS_NODE_ATTRIBUTE}]`);
		const boxes = await nodes.evaluateAll((elements, attribute) =>
			elements.map((element) => ({ position: getComputedStyle(element).position, top: element.getBoundingClientRect().top, kind: element.getAttribute(attribute), heading: element.querySelector('h2, .canvas__group-label')?.textContent })),
			CANVAS_NODE_ATTRIBUTE,
		);
		expect(boxes.map((box) => box.position)).toEqual(Array(6).fill('static'));
		// In the page's flow, one below the other, in reading order.
		expect(boxes.map((box) => box.top)).toEqual([...boxes.map((box) => box.top)].sort((a, b) => a - b));
		expect(boxes.map((box) => box.kind)).toEqual(['group', 'text', 'file', 'file', 'link', 'text']);
		expect(boxes.slice(0, 2).map((box) => box.heading)).toEqual(['Networking', 'Start here']);
		// The connections, in words for screen readers on the board, are seen in the list.
		expect((await page.locator('.canvas__connections li').first().boundingBox())!.width).toBeGreaterThan(100);
		await page.context().close();
	});
});
