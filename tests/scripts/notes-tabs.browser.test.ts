import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchChromium } from '../support/browser.ts';
import { builtSite, fixturePath } from '../support/build.ts';
import { axeViolations, describeInBrowser, watchPage } from '../support/page-checks.ts';
import { serveDist, type StaticServer } from '../support/serve.ts';
import { labelWidth, NARROW_STRIP, tabRows, WIDE_STRIP } from '../../src/notes/tab-strip.ts';

describeInBrowser('note page in Chromium', (chromiumPath) => {
	let browser: Browser;
	let server: StaticServer;
	let origin: string;

	beforeAll(async () => {
		const site = builtSite(fixturePath('tabs-cases'));
		expect(site.exitCode, site.output).toBe(0);
		server = await serveDist(site.dist);
		origin = new URL(server.url).origin;
		browser = await launchChromium(chromiumPath);
	});
	afterAll(async () => {
		await browser?.close();
		await server?.close();
	});

	async function open(path: string, options: { javaScriptEnabled?: boolean; colorScheme?: 'light' | 'dark' } = {}) {
		const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
		const page = await context.newPage();
		const problems = watchPage(page, origin);
		await page.goto(`${server.url}${path}`);
		return { page, problems, close: () => context.close() };
	}

	const topic = (page: Page, id: string) => page.locator(`section[aria-labelledby="${id}"]`);

	test('tabs: a click selects the tab, shows its panel, and updates the hash without a history entry', async () => {
		const { page, problems, close } = await open('cases/');
		const two = topic(page, 'two-sections');
		await expect.poll(() => two.locator('notes-tabs').getAttribute('data-ready')).toBe('');
		const historyLength = await page.evaluate(() => history.length);
		await two.getByRole('tab', { name: 'Concepts' }).click();
		expect(await two.getByRole('tab', { name: 'Concepts' }).getAttribute('aria-selected')).toBe('true');
		expect(await two.getByRole('tab', { name: 'Summary' }).getAttribute('aria-selected')).toBe('false');
		expect(await two.getByText('a concept').isVisible()).toBe(true);
		expect(await two.getByText('first summary point').isVisible()).toBe(false);
		expect(new URL(page.url()).hash).toBe('#two-sections-concepts');
		expect(await page.evaluate(() => history.length)).toBe(historyLength);
		expect(problems).toEqual([]);
		await close();
	});

	test('tabs: the script wires the ARIA: a tab list named by its topic, each tab controlling its panel', async () => {
		const { page, close } = await open('cases/');
		const two = topic(page, 'two-sections');
		const list = two.getByRole('tablist', { name: 'Two Sections' });
		await expect.poll(() => list.isVisible()).toBe(true);
		const wiring = await two.evaluate((section) =>
			[...section.querySelectorAll('[role="tab"]')].map((tab) => {
				const panel = document.getElementById(tab.getAttribute('aria-controls') ?? '');
				return {
					tab: tab.id,
					panel: panel?.id,
					role: panel?.getAttribute('role'),
					labelledBy: panel?.getAttribute('aria-labelledby'),
					heading: panel?.querySelector('h3')?.id,
				};
			}),
		);
		expect(wiring).toEqual([
			{ tab: 'two-sections-summary-tab', panel: 'two-sections-summary-panel', role: 'tabpanel', labelledBy: 'two-sections-summary-tab', heading: 'two-sections-summary' },
			{ tab: 'two-sections-concepts-tab', panel: 'two-sections-concepts-panel', role: 'tabpanel', labelledBy: 'two-sections-concepts-tab', heading: 'two-sections-concepts' },
		]);
		await close();
	});

	test('tabs outside a topic form a tab list named "Sections"', async () => {
		const { page, problems, close } = await open('loose-tabs/');
		const list = page.getByRole('tablist', { name: 'Sections' });
		await expect.poll(() => list.isVisible()).toBe(true);
		await list.getByRole('tab', { name: 'More' }).click();
		expect(await page.getByText('a second loose tab').isVisible()).toBe(true);
		expect(await page.getByText('tabs without a topic heading').isVisible()).toBe(false);
		expect(problems).toEqual([]);
		await close();
	});

	test('tabs: Left/Right/Home/End move selection and focus (roving tabindex)', async () => {
		const { page, close } = await open('cases/');
		const demos = topic(page, 'demos');
		const first = demos.getByRole('tab', { name: 'Flow logs' });
		const second = demos.getByRole('tab', { name: 'More concepts' });
		await first.focus();
		await page.keyboard.press('ArrowRight');
		expect(await second.getAttribute('aria-selected')).toBe('true');
		expect(await second.evaluate((el) => el === document.activeElement)).toBe(true);
		expect(await first.getAttribute('tabindex')).toBe('-1');
		await page.keyboard.press('ArrowRight');
		expect(await first.getAttribute('aria-selected')).toBe('true');
		await page.keyboard.press('End');
		expect(await second.getAttribute('aria-selected')).toBe('true');
		await page.keyboard.press('Home');
		expect(await first.getAttribute('aria-selected')).toBe('true');
		await page.keyboard.press('ArrowLeft');
		expect(await second.getAttribute('aria-selected')).toBe('true');
		await close();
	});

	test('a deep link to a section opens its tab and scrolls to it', async () => {
		const { page, problems, close } = await open('cases/#demos-more-concepts');
		const demos = topic(page, 'demos');
		await expect.poll(() => demos.getByRole('tab', { name: 'More concepts' }).getAttribute('aria-selected')).toBe('true');
		expect(await demos.getByText('Watch the').isVisible()).toBe(true);
		expect(await demos.getByText('unnumbered topic').isVisible()).toBe(false);
		const top = await demos.evaluate((el) => el.querySelector('notes-tabs')!.getBoundingClientRect().top);
		expect(top).toBeLessThan(300);
		expect(problems).toEqual([]);
		await close();
	});

	test('a link made for GitHub (its anchor of the fourth "### concepts": #concepts-3) opens that section\'s tab too', async () => {
		const { page, problems, close } = await open('cases/#concepts-3');
		const many = topic(page, 'many-sections');
		await expect.poll(() => many.getByRole('tab', { name: 'Concepts' }).getAttribute('aria-selected')).toBe('true');
		expect(await topic(page, 'two-sections').getByRole('tab', { name: 'Summary' }).getAttribute('aria-selected')).toBe('true');
		expect(problems).toEqual([]);
		await close();
	});

	test('unselected panels stay findable: hidden="until-found", and a match selects their tab', async () => {
		const { page, close } = await open('cases/');
		const panel = page.locator('#two-sections-concepts-panel');
		await expect.poll(() => panel.getAttribute('hidden')).toBe('until-found');
		await panel.evaluate((el) => el.dispatchEvent(new Event('beforematch')));
		expect(await page.locator('#two-sections-concepts-tab').getAttribute('aria-selected')).toBe('true');
		await close();
	});

	test('without JavaScript every section is shown, stacked under its heading', async () => {
		const { page, close } = await open('cases/', { javaScriptEnabled: false });
		for (const heading of ['summary', 'concepts', 'flow logs', 'more concepts']) {
			const each = page.locator('.tabs__panel h3', { hasText: heading }).first();
			expect(await each.isVisible(), heading).toBe(true);
		}
		expect(await page.getByText('a concept').isVisible()).toBe(true);
		expect(await page.locator('.tabs__list').first().isVisible()).toBe(false);
		// Plain sections: no tab roles a reader without JavaScript could not use.
		expect(await page.locator('[role="tab"], [role="tabpanel"], [role="tablist"]').count()).toBe(0);
		await close();
	});

	test('with JavaScript on but the page\'s script failing to load, every section is shown, and no dead tab', async () => {
		const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
		const page = await context.newPage();
		await page.route('**/_astro/NoteBody*.js', (route) => route.abort());
		await page.goto(`${server.url}cases/`);
		await page.waitForLoadState('load');
		const two = topic(page, 'two-sections');
		expect(await two.getByText('a concept').isVisible()).toBe(true);
		expect(await two.getByText('first summary point').isVisible()).toBe(true);
		expect(await two.locator('.tabs__list').isVisible()).toBe(false);
		await context.close();
	});

	test('Tab never stops on a hidden panel: only the shown panel of a tab set is a Tab stop', async () => {
		const { page, close } = await open('cases/');
		await expect.poll(() => page.locator('notes-tabs[data-ready]').count()).toBeGreaterThan(0);
		const stops: { tag: string; width: number; height: number; visible: boolean }[] = [];
		for (let i = 0; i < 60; i++) {
			await page.keyboard.press('Tab');
			stops.push(
				await page.evaluate(() => {
					const element = document.activeElement as HTMLElement;
					const box = element.getBoundingClientRect();
					return { tag: `${element.localName}.${element.className}`, width: box.width, height: box.height, visible: element.checkVisibility() };
				}),
			);
		}
		expect(stops.filter((stop) => !stop.visible || stop.width === 0 || stop.height === 0)).toEqual([]);
		await close();
	});

	test('in print every section is shown', async () => {
		const { page, close } = await open('cases/');
		await page.emulateMedia({ media: 'print' });
		expect(await page.getByText('a concept').isVisible()).toBe(true);
		expect(await page.getByText('first summary point').isVisible()).toBe(true);
		await close();
	});

	test('the "all sections" switch stacks every topic and is remembered across pages', async () => {
		const { page, close } = await open('cases/');
		const toggle = page.getByRole('button', { name: 'Show all sections' });
		await toggle.click();
		expect(await toggle.getAttribute('aria-pressed')).toBe('true');
		expect(await page.getByText('a concept').isVisible()).toBe(true);
		expect(await page.locator('[role="tablist"]').first().isVisible()).toBe(false);
		await page.goto(`${server.url}networking/peering/`);
		expect(await page.getByText('no overlapping CIDRs').isVisible()).toBe(true);
		expect(await page.getByRole('button', { name: 'Show all sections' }).getAttribute('aria-pressed')).toBe('true');
		await close();
	});

	test('the theme switch cycles auto → light → dark and is remembered', async () => {
		const { page, close } = await open('cases/', { colorScheme: 'light' });
		const button = page.locator('[data-theme-switch]');
		expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
		await button.click();
		await button.click();
		expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
		await page.reload();
		expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
		expect(await button.getAttribute('aria-label')).toBe('Theme: dark');
		await close();
	});

	for (const colorScheme of ['light', 'dark'] as const) {
		test(`axe-core finds no violations (${colorScheme})`, async () => {
			for (const path of ['cases/', '', 'same-mdx/', 'loose-tabs/', 'many-sections/', 'map-of-content/', '404.html']) {
				const { page, problems, close } = await open(path, { colorScheme });
				expect(await axeViolations(page), path).toEqual([]);
				expect(problems, path).toEqual([]);
				await close();
			}
		});
	}

	test('a topic heading with a link in it flows as text after its number, not in columns', async () => {
		const { page, close } = await open('cases/');
		const { textLastLine, linkFirstLine } = await page.evaluate(() => {
			const heading = document.querySelector<HTMLElement>('.topic > h2[data-topic-number]')!;
			heading.innerHTML = `${'A heading long enough to need more than one line for all of its words, '.repeat(2)}ending in <a href="#">a linked note</a>`;
			const range = document.createRange();
			range.selectNodeContents(heading.firstChild!);
			return {
				textLastLine: Math.max(...[...range.getClientRects()].map((rect) => rect.top)),
				linkFirstLine: heading.querySelector('a')!.getClientRects()[0].top,
			};
		});
		expect(linkFirstLine).toBeGreaterThanOrEqual(textLastLine - 1);
		await close();
	});

	test('small screens: the sidebar opens from the menu button, and nothing overflows', async () => {
		const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
		const page = await context.newPage();
		await page.goto(`${server.url}cases/`);
		expect(await page.locator('#sidebar').isVisible()).toBe(false);
		await page.getByRole('button', { name: 'Notes menu' }).click();
		expect(await page.locator('#sidebar').isVisible()).toBe(true);
		await page.keyboard.press('Escape');
		expect(await page.locator('#sidebar').isVisible()).toBe(false);
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
		await context.close();
	});

	test('small screens: tab bars wrap, so every tab is in sight without scrolling', async () => {
		const context = await browser.newContext({ viewport: { width: 320, height: 740 } });
		const page = await context.newPage();
		await page.goto(`${server.url}cases/`);
		await expect.poll(() => page.locator('notes-tabs[data-ready]').count()).toBeGreaterThan(0);
		const clipped = await page.evaluate(() =>
			[...document.querySelectorAll<HTMLElement>('.tabs__list:not([hidden])')].flatMap((list) => {
				const box = list.getBoundingClientRect();
				return [...list.querySelectorAll<HTMLElement>('[role="tab"]')]
					.filter((tab) => tab.getBoundingClientRect().right > box.right + 0.5)
					.map((tab) => tab.textContent);
			}),
		);
		expect(clipped).toEqual([]);
		// The four tabs of "Many Sections" need two rows at this width.
		const many = page.locator('section[aria-labelledby="many-sections"] [role="tab"]');
		expect(await many.count()).toBe(4);
		const rows = new Set(await many.evaluateAll((tabs) => tabs.map((tab) => Math.round(tab.getBoundingClientRect().top))));
		expect(rows.size).toBeGreaterThan(1);
		await context.close();
	});

	test('the catalogue measures tab strips as Chromium draws them: the room, each tab, the rows, at 1280 and 375 px', async () => {
		for (const [viewport, strip] of [[1280, WIDE_STRIP], [375, NARROW_STRIP]] as const) {
			const context = await browser.newContext({ viewport: { width: viewport, height: 900 } });
			const page = await context.newPage();
			for (const path of ['cases/', 'many-sections/']) {
				await page.goto(`${server.url}${path}`);
				await expect.poll(() => page.locator('notes-tabs[data-ready]').count()).toBeGreaterThan(0);
				const strips = await page.locator('.topic .tabs__list:not([hidden])').evaluateAll((lists) =>
					lists.map((list) => ({
						room: list.clientWidth,
						tabs: [...list.children].map((tab) => ({ label: tab.textContent ?? '', width: tab.getBoundingClientRect().width, top: Math.round(tab.getBoundingClientRect().top) })),
					})),
				);
				expect(strips.length, path).toBeGreaterThan(0);
				for (const { room, tabs } of strips) {
					const labels = tabs.map((tab) => tab.label);
					expect(room, `${viewport} px`).toBe(strip.room);
					for (const tab of tabs) expect(Math.abs(tab.width - (labelWidth(tab.label, strip.fontSize) + 2 * strip.tabPadding)), `${tab.label} at ${viewport} px`).toBeLessThan(1);
					expect(new Set(tabs.map((tab) => tab.top)).size, `${labels.join(', ')} at ${viewport} px`).toBe(tabRows(labels, strip));
				}
			}
			await context.close();
		}
	});

	test('tabs that fit one row at 1280 px take two rows at most at 375 px', async () => {
		const context = await browser.newContext({ viewport: { width: 375, height: 800 } });
		const page = await context.newPage();
		await page.goto(`${server.url}many-sections/`);
		const tabs = page.locator('section[aria-labelledby="interpreters"] [role="tab"]');
		await expect.poll(() => tabs.count()).toBe(5);
		const rows = new Set(await tabs.evaluateAll((each) => each.map((tab) => Math.round(tab.getBoundingClientRect().top))));
		expect(rows.size).toBe(2);
		await context.close();
	});

	test('a topic whose tabs would not fit shows its sections stacked, without JavaScript too, under links that lead to them', async () => {
		for (const javaScriptEnabled of [true, false]) {
			const { page, problems, close } = await open('many-sections/', { javaScriptEnabled });
			const chapter = topic(page, 'from-source-to-machine-code');
			expect(await chapter.getByRole('tablist').count()).toBe(0);
			const links = chapter.getByRole('list', { name: 'Sections' }).getByRole('link');
			expect(await links.count()).toBe(15);
			expect(await chapter.locator('h3').evaluateAll((headings) => headings.filter((heading) => heading.checkVisibility()).length)).toBe(15);
			await links.filter({ hasText: 'Type checking' }).click();
			expect(new URL(page.url()).hash).toBe('#from-source-to-machine-code-type-checking');
			await expect.poll(() => chapter.getByRole('heading', { name: 'Type checking' }).evaluate((heading) => Math.round(heading.getBoundingClientRect().top))).toBeLessThan(200);
			expect(problems).toEqual([]);
			await close();
		}
	});

	test('small screens: long tab labels, long words and deep folder names wrap; no page scrolls sideways', async () => {
		const context = await browser.newContext({ viewport: { width: 320, height: 740 } });
		const page = await context.newPage();
		for (const path of ['operating-systems-lecture-notes/scheduling-and-memory-management/long-labels/', '']) {
			await page.goto(`${server.url}${path}`);
			await page.waitForLoadState('load');
			expect(await page.evaluate(() => document.documentElement.scrollWidth), path || 'home page').toBeLessThanOrEqual(320);
		}
		await context.close();
	});
});
