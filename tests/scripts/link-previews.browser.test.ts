import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { PREVIEW_GRACE_MS, PREVIEW_LONG_PRESS_MS, PREVIEW_REST_MS } from '../../src/dom/preview.ts';
import { launchChromium } from '../support/browser.ts';
import { builtSite, fixturePath } from '../support/build.ts';
import { axeViolations, describeInBrowser, watchPage } from '../support/page-checks.ts';
import { serveDist, type StaticServer } from '../support/serve.ts';

describeInBrowser('link previews in Chromium', (chromiumPath) => {
	let browser: Browser;
	let server: StaticServer;

	beforeAll(async () => {
		const site = builtSite(fixturePath('previews-vault'));
		expect(site.exitCode, site.output).toBe(0);
		server = await serveDist(site.dist);
		browser = await launchChromium(chromiumPath);
	});
	afterAll(async () => {
		await browser?.close();
		await server?.close();
	});

	async function open(path: string, options: BrowserContextOptions = {}) {
		const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
		const page = await context.newPage();
		const problems = watchPage(page, new URL(server.url).origin);
		const scripts: string[] = [];
		page.on('request', (request) => {
			if (request.resourceType() === 'script' || request.url().endsWith('.json')) scripts.push(new URL(request.url()).pathname);
		});
		await page.goto(`${server.url}${path}`);
		return { page, problems, scripts, close: () => context.close() };
	}

	const previews = (page: Page) => page.locator('.preview');
	const link = (page: Page, name: string) => page.locator('.note__body').getByRole('link', { name, exact: true });
	const awayFrom = (page: Page) => page.mouse.move(1200, 880);

	test('resting on a link shows the note it leads to, and leaving it closes the preview after a grace delay', async () => {
		const { page, problems, scripts, close } = await open('start/');
		expect(scripts.some((script) => script.includes('link-previews'))).toBe(false);
		await link(page, 'Target').first().hover();
		const preview = page.getByRole('dialog', { name: 'Target' });
		await expect.poll(() => preview.isVisible()).toBe(true);
		expect(await preview.textContent()).toContain('The target’s opening line.');
		expect(await preview.textContent()).toContain('Text of the third heading.');
		expect(await preview.getByRole('link', { name: 'Target' }).getAttribute('href')).toBe('/target/');
		expect(scripts).toContain('/target/preview.json');
		// Its ids are its own, and a link to one of the note's sections leads to that note.
		expect(await preview.locator('h2').first().getAttribute('id')).toMatch(/^preview-\d+-first-heading$/);
		expect(await preview.getByRole('link', { name: 'the first heading' }).getAttribute('href')).toBe('/target/#first-heading');
		await awayFrom(page);
		await page.waitForTimeout(PREVIEW_GRACE_MS / 2);
		expect(await previews(page).count()).toBe(1);
		await expect.poll(() => previews(page).count()).toBe(0);
		expect(problems).toEqual([]);
		await close();
	});

	test('a link to a heading shows that section alone, up to the next heading as high; a link to a tab shows that tab', async () => {
		const { page, close } = await open('start/');
		await link(page, 'Target › Second heading').hover();
		const section = page.getByRole('dialog', { name: 'Target › Second heading' });
		await expect.poll(() => section.isVisible()).toBe(true);
		const text = await section.locator('.preview__body').textContent();
		expect(text).toContain('Text of the second heading only.');
		expect(text).toContain('Still part of the second heading.');
		expect(text).not.toContain('first heading');
		expect(text).not.toContain('third heading');

		await link(page, 'concepts tab').hover();
		const tab = page.getByRole('dialog', { name: 'Topics › Concepts' });
		await expect.poll(() => tab.isVisible()).toBe(true);
		const tabText = await tab.locator('.preview__body').textContent();
		expect(tabText).toContain('the concepts tab’s content');
		expect(tabText).not.toContain('summary of the flow topic');
		expect(tabText).not.toContain('architecture tab');
		// The preview of the section closed when the pointer moved on.
		await expect.poll(() => previews(page).count()).toBe(1);
		await close();
	});

	test('a backlink previews the note that links here', async () => {
		const { page, close } = await open('deepest/');
		await page.locator('.backlinks').getByRole('link', { name: 'Deeper' }).hover();
		const preview = page.getByRole('dialog', { name: 'Deeper' });
		await expect.poll(() => preview.isVisible()).toBe(true);
		expect(await preview.textContent()).toContain('Deeper text, two levels down.');
		await close();
	});

	test('a pinned preview stays after the pointer leaves, until closed; a preview opens one more preview deep, no deeper', async () => {
		const { page, close } = await open('start/');
		await link(page, 'Deep').hover();
		const deep = page.getByRole('dialog', { name: 'Deep', exact: true });
		await expect.poll(() => deep.isVisible()).toBe(true);
		await deep.getByRole('button', { name: 'Pin preview' }).click();
		expect(await deep.getByRole('button', { name: 'Pin preview' }).getAttribute('aria-pressed')).toBe('true');
		await awayFrom(page);
		await page.waitForTimeout(PREVIEW_GRACE_MS * 3);
		expect(await deep.isVisible()).toBe(true);

		await deep.locator('.preview__body').getByRole('link', { name: 'Deeper' }).hover();
		const deeper = page.getByRole('dialog', { name: 'Deeper' });
		await expect.poll(() => deeper.isVisible()).toBe(true);
		expect(await deeper.getAttribute('data-depth')).toBe('2');
		await deeper.locator('.preview__body').getByRole('link', { name: 'Deepest' }).hover();
		await page.waitForTimeout(PREVIEW_REST_MS * 3);
		expect(await previews(page).count()).toBe(2);

		await deep.getByRole('button', { name: 'Close preview' }).click();
		await expect.poll(() => previews(page).count()).toBe(0);
		await close();
	});

	test('by keyboard: Alt+ArrowDown on a focused link opens its preview, says so, and takes focus; Escape closes it and gives focus back', async () => {
		const { page, problems, close } = await open('start/');
		await link(page, 'Target').first().focus();
		await page.keyboard.press('Alt+ArrowDown');
		const preview = page.getByRole('dialog', { name: 'Target' });
		await expect.poll(() => preview.isVisible()).toBe(true);
		await expect.poll(() => page.getByRole('status').textContent()).toBe('Preview: Target. Escape closes it.');
		expect(await page.evaluate(() => document.activeElement?.closest('.preview') !== null)).toBe(true);
		expect(await axeViolations(page)).toEqual([]);
		await page.keyboard.press('Escape');
		await expect.poll(() => previews(page).count()).toBe(0);
		expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Target');
		expect(problems).toEqual([]);
		await close();
	});

	test('on touch, a long press opens the preview instead of following the link', async () => {
		const { page, close } = await open('start/', { viewport: { width: 375, height: 800 }, hasTouch: true, isMobile: true });
		const box = (await link(page, 'Deep').boundingBox())!;
		const point = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
		const cdp = await page.context().newCDPSession(page);
		await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [point] });
		await page.waitForTimeout(PREVIEW_LONG_PRESS_MS + 300);
		await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
		const preview = page.getByRole('dialog', { name: 'Deep', exact: true });
		await expect.poll(() => preview.isVisible()).toBe(true);
		await page.waitForTimeout(300);
		expect(new URL(page.url()).pathname).toBe('/start/');
		// A tap still follows the link.
		const target = (await link(page, 'Target').first().boundingBox())!;
		await page.touchscreen.tap(target.x + target.width / 2, target.y + target.height / 2);
		await page.waitForURL('**/target/');
		await close();
	});

	test('a page without links to other notes loads no preview script, whatever the pointer does', async () => {
		const { page, scripts, close } = await open('lonely/');
		expect(await page.locator('[data-link-previews]').count()).toBe(0);
		await page.getByRole('link', { name: 'Elsewhere' }).hover();
		await page.waitForTimeout(PREVIEW_REST_MS * 2);
		expect(scripts.filter((script) => script.includes('link-previews') || script.endsWith('preview.json'))).toEqual([]);
		await close();
	});

	test('once its fragment is cached, a preview shows soon after the pointer has rested (the figure is printed)', async () => {
		const { page, close } = await open('start/');
		await link(page, 'Target').first().hover();
		await expect.poll(() => previews(page).count()).toBe(1);
		await awayFrom(page);
		await expect.poll(() => previews(page).count()).toBe(0);
		await page.evaluate(() => {
			const times = ((window as unknown as { previewTimes: number[] }).previewTimes = [] as number[]);
			document.addEventListener('pointerover', () => times.push(performance.now()), { capture: true });
			new MutationObserver(() => {
				if (document.querySelector('.preview')) times.push(performance.now());
			}).observe(document.body, { childList: true });
		});
		await link(page, 'the Markdown way').hover();
		await expect.poll(() => previews(page).count()).toBe(1);
		const times = await page.evaluate(() => (window as unknown as { previewTimes: number[] }).previewTimes);
		const afterRest = times[times.length - 1] - times[0] - PREVIEW_REST_MS;
		console.log(`Preview shown ${afterRest.toFixed(1)} ms after the pointer's rest (cached fragment).`);
		expect(afterRest).toBeGreaterThanOrEqual(0);
		await close();
	});
});
