import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { THEME_STORAGE_KEY } from '../../src/dom/theme.ts';
import { launchChromium } from '../support/browser.ts';
import { builtSite, fixturePath } from '../support/build.ts';
import { axeViolations, describeInBrowser, watchPage } from '../support/page-checks.ts';
import { serveDist, type StaticServer } from '../support/serve.ts';

describeInBrowser('the graph of a note’s neighbours in Chromium', (chromiumPath) => {
	let browser: Browser;
	let server: StaticServer;

	beforeAll(async () => {
		// The same build as the build test's.
		const site = builtSite(fixturePath('graph-vault'), { base: '/notes/' });
		expect(site.exitCode, site.output).toBe(0);
		server = await serveDist(site.dist, '/notes/');
		browser = await launchChromium(chromiumPath);
	});
	afterAll(async () => {
		await browser?.close();
		await server?.close();
	});

	async function open(path: string, theme: 'light' | 'dark', javaScriptEnabled = true) {
		const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, javaScriptEnabled });
		await context.addInitScript(([key, value]) => localStorage.setItem(key, value), [THEME_STORAGE_KEY, theme]);
		const page = await context.newPage();
		const problems = watchPage(page, new URL(server.url).origin);
		await page.goto(`${server.url}${path}`);
		return { page, problems, close: () => context.close() };
	}

	test('by keyboard, without JavaScript: Tab reaches a node, its focus ring shows, Enter follows it', async () => {
		const { page, problems, close } = await open('vpc/', 'light', false);
		let presses = 0;
		while (presses < 100 && !(await page.evaluate(() => document.activeElement?.matches('.graph__node--both')))) {
			await page.keyboard.press('Tab');
			presses++;
		}
		const focused = await page.evaluate(() => {
			const node = document.activeElement!;
			return { title: node.querySelector('title')?.textContent, outline: getComputedStyle(node).outlineStyle };
		});
		expect(focused).toEqual({ title: 'Subnets', outline: 'solid' });
		await page.keyboard.press('Enter');
		await page.waitForURL(/\/notes\/subnets\/$/);
		expect(await page.locator('main h1').textContent()).toBe('Subnets');
		expect(problems).toEqual([]);
		await close();
	});

	for (const theme of ['light', 'dark'] as const) {
		test(`${theme} theme: no accessibility violations, the list open or closed`, async () => {
			const { page, close } = await open('vpc/', theme);
			expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
			expect(await axeViolations(page)).toEqual([]);
			await page.locator('.graph__list summary').click();
			expect(await page.locator('.graph__list li').count()).toBe(5);
			expect(await axeViolations(page)).toEqual([]);
			await close();
		});
	}
});
