import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { SEARCH_READY_ATTRIBUTE, SEARCH_TAG } from '../../src/dom/search.ts';
import { launchChromium } from '../support/browser.ts';
import { builtSite, fixturePath } from '../support/build.ts';
import { axeViolations, describeInBrowser, watchPage } from '../support/page-checks.ts';
import { serveDist, type StaticServer } from '../support/serve.ts';

const BASE = '/notes-base/';

describeInBrowser('search in Chromium, under a base path', (chromiumPath) => {
	let browser: Browser;
	let server: StaticServer;

	beforeAll(async () => {
		const site = builtSite(fixturePath('search-cases'), { base: BASE });
		expect(site.exitCode, site.output).toBe(0);
		server = await serveDist(site.dist, BASE);
		browser = await launchChromium(chromiumPath);
	});
	afterAll(async () => {
		await browser?.close();
		await server?.close();
	});

	async function open(path = 'aws/peering/', options: { colorScheme?: 'light' | 'dark' } = {}) {
		const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
		const page = await context.newPage();
		const problems = watchPage(page, new URL(server.url).origin);
		const pagefindRequests: string[] = [];
		page.on('request', (request) => {
			if (request.url().includes('/pagefind/')) pagefindRequests.push(request.url());
		});
		await page.goto(`${server.url}${path}`);
		await page.locator(`${SEARCH_TAG}[${SEARCH_READY_ATTRIBUTE}]`).waitFor();
		return { page, problems, pagefindRequests, close: () => context.close() };
	}

	const dialog = (page: Page) => page.locator('dialog.search__dialog');
	const results = (page: Page) => page.locator('.search__result');
	const status = (page: Page) => page.locator('[data-search-status]');
	/** Results show one by one, and while typing the start of the text may show: wait for the count. */
	const settled = (page: Page) => expect.poll(() => status(page).textContent()).toMatch(/^\d+ results?$|^No results/);

	test('nothing of Pagefind loads with the page', async () => {
		const { page, pagefindRequests, close } = await open();
		await page.waitForLoadState('networkidle');
		expect(pagefindRequests).toEqual([]);
		await close();
	});

	test('the search itself loads only when wanted, and a query typed before it arrives is searched', async () => {
		const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
		const page = await context.newPage();
		const requested: string[] = [];
		page.on('request', (request) => void requested.push(new URL(request.url()).pathname));
		let release!: () => void;
		const held = new Promise<void>((resolve) => (release = resolve));
		await page.route(/\/search-results\.[\w-]+\.js$/, async (route) => {
			await held;
			await route.continue();
		});
		await page.goto(`${server.url}aws/peering/`, { waitUntil: 'networkidle' });
		expect(requested.filter((file) => /search-results|pagefind/.test(file))).toEqual([]);
		// The hurried reader: the shortcut and the query at once, while the search is still on its way.
		await page.keyboard.press('Control+k');
		await page.keyboard.insertText('peering');
		await expect.poll(() => requested.some((file) => /search-results/.test(file))).toBe(true);
		expect(await dialog(page).isVisible()).toBe(true);
		expect(await results(page).count()).toBe(0);
		release();
		await settled(page);
		expect(await results(page).count()).toBeGreaterThan(0);
		await context.close();
	});

	test('opens with the button, with "/" and with Ctrl+K; Esc closes and focus returns', async () => {
		const { page, problems, close } = await open();
		const button = page.locator('[data-search-open]');
		await button.click();
		expect(await dialog(page).isVisible()).toBe(true);
		expect(await page.evaluate(() => document.activeElement?.className)).toBe('search__input');
		await page.keyboard.press('Escape');
		expect(await dialog(page).isVisible()).toBe(false);
		expect(await button.evaluate((el) => el === document.activeElement)).toBe(true);

		await page.locator('body').click({ position: { x: 5, y: 300 } });
		await page.keyboard.press('/');
		expect(await dialog(page).isVisible()).toBe(true);
		await page.keyboard.press('Escape');
		await page.keyboard.press('Control+k');
		expect(await dialog(page).isVisible()).toBe(true);
		expect(problems).toEqual([]);
		await close();
	});

	test('one Esc closes the search, with text typed in it too', async () => {
		const { page, close } = await open();
		await page.keyboard.press('/');
		await page.keyboard.type('peering');
		await settled(page);
		await page.keyboard.press('Escape');
		expect(await dialog(page).isVisible()).toBe(false);
		await close();
	});

	test('"prefix list": results per section, keyboard to the Concepts result, land on its tab with the words marked', async () => {
		const { page, problems, close } = await open();
		await page.keyboard.press('/');
		await page.keyboard.type('prefix list');
		await settled(page);
		const paths = await page.locator('.search__path').allTextContents();
		expect(paths).toContain('Advanced VPC Networking › VPC Endpoints (Gateway) › Concepts');
		expect(await page.locator('.search__excerpt mark').first().textContent()).toMatch(/prefix/i);
		const target = paths.indexOf('Advanced VPC Networking › VPC Endpoints (Gateway) › Concepts');
		for (let i = 0; i < target; i++) await page.keyboard.press('ArrowDown');
		expect(await results(page).nth(target).getAttribute('aria-selected')).toBe('true');
		await Promise.all([page.waitForURL(/advanced-vpc-networking/), page.keyboard.press('Enter')]);
		expect(new URL(page.url()).pathname).toBe(`${BASE}aws/advanced-vpc-networking/`);
		expect(new URL(page.url()).hash).toBe('#vpc-endpoints-gateway-concepts');
		await expect.poll(() => page.locator('#vpc-endpoints-gateway-concepts-tab').getAttribute('aria-selected')).toBe('true');
		await expect.poll(() => page.locator('#vpc-endpoints-gateway-concepts-panel mark.search-hit').count()).toBeGreaterThan(0);
		expect(await page.locator('#vpc-endpoints-gateway-concepts-panel mark.search-hit').first().isVisible()).toBe(true);
		expect(problems).toEqual([]);
		await close();
	});

	test('a result\'s section without the words marked (they are elsewhere on the page): the page lands on that section, not on the first mark', async () => {
		const { page, problems, close } = await open('aws/advanced-vpc-networking/?highlight=flow&highlight=logs#vpc-endpoints-gateway-concepts', {});
		await expect.poll(() => page.locator('#vpc-endpoints-gateway-concepts-tab').getAttribute('aria-selected')).toBe('true');
		await expect.poll(() => page.locator('mark.search-hit').count()).toBeGreaterThan(0);
		// Every mark is in "VPC Flow Logs", far above.
		expect(await page.locator('#vpc-endpoints-gateway-concepts-panel mark.search-hit').count()).toBe(0);
		await page.waitForTimeout(200);
		const top = await page.locator('#vpc-endpoints-gateway-concepts-panel').evaluate((panel) => panel.getBoundingClientRect().top);
		expect(top).toBeGreaterThanOrEqual(0);
		expect(top).toBeLessThan(450);
		expect(problems).toEqual([]);
		await close();
	});

	test('a match in an unselected tab is opened on the target page', async () => {
		const { page, close } = await open();
		await page.keyboard.press('/');
		await page.keyboard.type('realtime');
		await settled(page);
		await Promise.all([page.waitForURL(/advanced-vpc-networking/), page.keyboard.press('Enter')]);
		await expect.poll(() => page.locator('#vpc-flow-logs-concepts-tab').getAttribute('aria-selected')).toBe('true');
		// The words are marked by a script loaded after the page's own, so wait for the mark.
		await expect.poll(() => page.locator('mark.search-hit', { hasText: /realtime/i }).first().isVisible()).toBe(true);
		await close();
	});

	test('a word inside a folded callout is found, and the callout opens on the target page', async () => {
		const { page, close } = await open();
		await page.keyboard.press('/');
		await page.keyboard.type('wombat');
		await settled(page);
		await Promise.all([page.waitForURL(/peering/), page.keyboard.press('Enter')]);
		const hit = page.locator('mark.search-hit', { hasText: /wombat/i }).first();
		await expect.poll(() => hit.isVisible()).toBe(true);
		expect(await hit.evaluate((mark) => mark.closest('details')?.open)).toBe(true);
		await close();
	});

	test('a word found only in a diagram label finds its note', async () => {
		const { page, close } = await open('html-in-notes/');
		await page.keyboard.press('/');
		await page.keyboard.type('quokka');
		await settled(page);
		expect(await page.locator('.search__path').first().textContent()).toBe('Peering › VPC Peering › Architecture');
		await close();
	});

	test('another name of a note (an alias of its front matter) finds the note itself', async () => {
		const { page, close } = await open('html-in-notes/');
		await page.keyboard.press('/');
		await page.keyboard.type('pcx');
		await settled(page);
		expect(await page.locator('.search__path').allTextContents()).toEqual(['Peering']);
		expect(await results(page).first().getAttribute('href')).toBe(`${BASE}aws/peering/?highlight=pcx`);
		await close();
	});

	test('two letters are searched as a word ("s3"), not as the start of every word', async () => {
		const { page, close } = await open();
		await page.keyboard.press('/');
		await page.keyboard.type('s3');
		await settled(page);
		expect(await page.locator('.search__excerpt mark').first().textContent()).toMatch(/^s3$/i);
		// "pe" is no word: nothing yet, and no "No results" while the reader is most likely mid-word.
		await page.locator('.search__input').fill('pe');
		await expect.poll(() => results(page).count()).toBe(0);
		expect(await status(page).textContent()).toBe('');
		await page.keyboard.type('e');
		await settled(page);
		expect(await page.locator('.search__excerpt mark').first().textContent()).toMatch(/^peering\b/i);
		await close();
	});

	test('typing fast ends with the results of the whole text, whatever showed meanwhile', async () => {
		const { page, close } = await open();
		await page.keyboard.press('/');
		const listed = () => results(page).evaluateAll((options) => options.map((option) => `${option.getAttribute('href')} ${option.textContent}`));
		await page.keyboard.type('transitive peering');
		await settled(page);
		const typed = await listed();
		await page.locator('.search__input').fill('');
		await page.locator('.search__input').fill('transitive peering');
		await settled(page);
		expect(typed).toEqual(await listed());
		expect(typed.length).toBeGreaterThan(0);
		await close();
	});

	test('"no results" says so; filters narrow by note and folder', async () => {
		const { page, close } = await open();
		await page.keyboard.press('/');
		await page.keyboard.type('qwertyuiop');
		await expect.poll(() => page.locator('[data-search-status]').textContent()).toContain('No results');
		await expect.poll(() => page.locator('select[name="note"] option').count()).toBe(4);
		expect(await page.locator('select[name="folder"]').count()).toBe(0);
		await page.locator('.search__input').fill('transitive');
		await results(page).first().waitFor();
		await page.locator('select[name="note"]').selectOption('HTML in notes');
		await expect.poll(() => page.locator('[data-search-status]').textContent()).toContain('No results');
		await close();
	});

	test.each([1280, 375])('the filters hold their place before their data arrives: the results do not move when it does (%i px)', async (width) => {
		const { page, close } = await open();
		await page.setViewportSize({ width, height: 800 });
		// Before Pagefind has loaded: the filter the notes will have, disabled, "All notes" only.
		expect(await page.locator('.search__filters select').evaluateAll((selects) => selects.map((select) => [select.getAttribute('name'), (select as HTMLSelectElement).disabled, select.children.length]))).toEqual([['note', true, 1]]);
		await page.keyboard.press('Control+k');
		await page.keyboard.insertText('peering');
		await results(page).first().waitFor();
		const top = () => page.locator('#search-results').evaluate((list) => list.getBoundingClientRect().top);
		const before = await top();
		await expect.poll(() => page.locator('.search__filters select:not([disabled]) option').count()).toBe(4);
		expect(await top()).toBe(before);
		await close();
	});

	test('at 375 px the filters stay inside the dialog, however long a note\'s title', async () => {
		const { page, close } = await open();
		await page.setViewportSize({ width: 375, height: 800 });
		await page.keyboard.press('/');
		await page.keyboard.type('peering');
		await settled(page);
		// The filters load after the first results.
		await page.locator('.search__filters select').first().waitFor();
		const overflow = await page.evaluate(() => {
			const dialog = document.querySelector('dialog.search__dialog')!.getBoundingClientRect();
			const selects = [...document.querySelectorAll<HTMLSelectElement>('.search__filters select')];
			for (const select of selects) select.add(new Option('A note with a very long title that goes on and on about VPC peering and transit gateways'));
			return selects.map((select) => select.getBoundingClientRect().right - dialog.right);
		});
		expect(overflow.length).toBeGreaterThan(0);
		for (const pixels of overflow) expect(pixels).toBeLessThanOrEqual(0);
		await close();
	});

	test('result text is escaped: markup quoted in a note cannot inject', async () => {
		const { page, problems, close } = await open();
		let alerted = false;
		page.on('dialog', async (alert) => {
			alerted = true;
			await alert.dismiss();
		});
		await page.keyboard.press('/');
		await page.keyboard.type('sentinelword onerror');
		await settled(page);
		const excerpt = await page.locator('.search__excerpt').first().textContent();
		expect(excerpt).toContain('<img src=x onerror=');
		expect(await page.locator('.search__results img, .search__results script').count()).toBe(0);
		expect(alerted).toBe(false);
		expect(problems).toEqual([]);
		await close();
	});

	for (const colorScheme of ['light', 'dark'] as const) {
		test(`axe-core finds no violations with the dialog open on results (${colorScheme})`, async () => {
			const { page, close } = await open('aws/peering/', { colorScheme });
			await page.keyboard.press('/');
			await page.keyboard.type('peering');
			await settled(page);
			expect(await page.locator('.search__excerpt mark').count()).toBeGreaterThan(0);
			expect(await axeViolations(page)).toEqual([]);
			await close();
		});
	}
});
