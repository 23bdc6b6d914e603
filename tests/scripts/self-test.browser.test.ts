import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { reviewStoreKey } from '../../src/dom/progress.ts';
import { BLANK_LABEL, HIDE_LABEL, SELF_TEST_CLASSES, SELF_TEST_GRADES_LABEL, SELF_TEST_SWITCH_LABEL, SHOW_LABEL } from '../../src/dom/self-test.ts';
import { SELF_TEST_ATTRIBUTE, SELF_TEST_ON, SELF_TEST_STORAGE_KEY } from '../../src/dom/self-test-switch.ts';
import { NOTE_PAGE_JS_BUDGET, pageScripts } from '../bench/measure.ts';
import { launchChromium } from '../support/browser.ts';
import { builtSite, fixturePath, type BuiltSite } from '../support/build.ts';
import { axeViolations, describeInBrowser, watchPage } from '../support/page-checks.ts';
import { serveDist, type StaticServer } from '../support/serve.ts';

describeInBrowser('"Test yourself" on a note page, in Chromium', (chromiumPath) => {
	let browser: Browser;
	let server: StaticServer;
	let site: BuiltSite;

	beforeAll(async () => {
		site = builtSite(fixturePath('self-test-topics'));
		expect(site.exitCode, site.output).toBe(0);
		server = await serveDist(site.dist);
		browser = await launchChromium(chromiumPath);
	});
	afterAll(async () => {
		await browser?.close();
		await server?.close();
	});

	/** A reader's browser profile (pages share localStorage), its problems, and the scripts it fetched. */
	async function reader(options: Parameters<Browser['newContext']>[0] = {}) {
		const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
		const problems: string[] = [];
		const scripts: string[] = [];
		const open = async (path: string) => {
			const page = await context.newPage();
			problems.push(...watchPage(page, new URL(server.url).origin));
			page.on('request', (request) => {
				if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
			});
			await page.goto(`${server.url}${path}`);
			return page;
		};
		return { context, open, problems, scripts };
	}

	const testSwitch = (page: Page) => page.getByRole('button', { name: SELF_TEST_SWITCH_LABEL });
	const topic = (page: Page, name: string) => page.getByRole('region', { name });
	const blanks = (page: Page) => page.getByRole('button', { name: BLANK_LABEL });
	const progress = (page: Page) => page.locator('[data-progress-counts]').textContent();
	/** Whether the words are there to read: shown, and not the blank's transparent text. */
	const readable = (page: Page, text: string) =>
		page
			.getByText(text, { exact: true })
			.evaluate((element) => element.checkVisibility({ visibilityProperty: true }) && getComputedStyle(element).color !== 'rgba(0, 0, 0, 0)')
			.catch(() => false);

	test('on, each topic waits behind "Show" and highlights are blanks, revealed by a click or a key; its script loads only then', async () => {
		const { context, open, problems, scripts } = await reader();
		const page = await open('networking/');
		expect(await readable(page, 'range of addresses')).toBe(true);
		expect(await testSwitch(page).getAttribute('aria-pressed')).toBe('false');
		expect(scripts.filter((script) => script.includes('self-test'))).toEqual([]);

		await testSwitch(page).click();
		await expect.poll(() => testSwitch(page).getAttribute('aria-pressed')).toBe('true');
		expect(scripts.filter((script) => script.includes('self-test')).length).toBeGreaterThan(0);
		const subnets = topic(page, 'Subnets');
		expect(await subnets.getByRole('heading', { name: 'Subnets' }).isVisible()).toBe(true);
		expect(await subnets.getByText('a subnet is a').isVisible()).toBe(false);
		// Outside the topics, the intro's highlight is the one blank in view.
		expect(await blanks(page).count()).toBe(1);
		expect(await readable(page, 'packets')).toBe(false);
		await blanks(page).click();
		expect(await readable(page, 'packets')).toBe(true);
		await expect.poll(() => page.getByRole('status').filter({ hasText: 'Revealed: packets' }).count()).toBe(1);

		await subnets.getByRole('button', { name: SHOW_LABEL, exact: true }).click();
		expect(await subnets.getByRole('button', { name: HIDE_LABEL, exact: true }).getAttribute('aria-expanded')).toBe('true');
		expect(await subnets.getByText('a subnet is a').isVisible()).toBe(true);
		expect(await readable(page, 'range of addresses')).toBe(false);
		expect(await subnets.getByRole('group', { name: SELF_TEST_GRADES_LABEL }).isVisible()).toBe(true);
		// By keyboard: Tab reaches each blank, Enter and Space reveal it.
		await blanks(page).first().focus();
		await page.keyboard.press('Enter');
		expect(await readable(page, 'range of addresses')).toBe(true);
		await page.keyboard.press('Tab');
		const scrolled = await page.evaluate(() => scrollY);
		await page.keyboard.press('Space');
		expect(await readable(page, 'network address')).toBe(true);
		// Space revealed, and did not scroll the page.
		expect(await page.evaluate(() => scrollY)).toBe(scrolled);

		// A blank over a link reveals it and stays on the page; the next click follows the link.
		const ports = topic(page, 'Ports');
		await ports.getByRole('button', { name: SHOW_LABEL, exact: true }).click();
		await ports.getByRole('button', { name: BLANK_LABEL }).click();
		expect(await readable(page, 'service')).toBe(true);
		expect(new URL(page.url()).pathname).toBe('/networking/');
		// A topic without a card is shown, not graded.
		const routing = topic(page, 'Routing');
		await routing.getByRole('button', { name: SHOW_LABEL, exact: true }).click();
		expect(await routing.getByText('nothing to grade').isVisible()).toBe(true);
		expect(await routing.getByRole('group', { name: SELF_TEST_GRADES_LABEL }).count()).toBe(0);
		expect(await axeViolations(page)).toEqual([]);

		// Off again: everything shows.
		await testSwitch(page).click();
		expect(await testSwitch(page).getAttribute('aria-pressed')).toBe('false');
		expect(await readable(page, 'range of addresses')).toBe(true);
		expect(await page.locator(`.${SELF_TEST_CLASSES.controls}`).count()).toBe(0);
		expect(await blanks(page).count()).toBe(0);
		expect(problems).toEqual([]);
		await context.close();
	});

	test('"I knew it" and "I didn\'t" grade the topic\'s card in the review page\'s schedule (Good and Again); the counts follow', async () => {
		const { context, open, problems } = await reader();
		const page = await open('networking/');
		await expect.poll(() => progress(page)).toBe('0 due · 2 new · 0 learned');
		await testSwitch(page).click();
		const subnets = topic(page, 'Subnets');
		await subnets.getByRole('button', { name: SHOW_LABEL, exact: true }).click();
		await subnets.getByRole('button', { name: 'I knew it' }).click();
		await expect.poll(() => subnets.getByRole('status').textContent()).toBe('Knew it: due again in 10 min.');
		expect(await subnets.getByRole('group', { name: SELF_TEST_GRADES_LABEL }).isVisible()).toBe(false);
		expect(await progress(page)).toBe('0 due · 1 new · 1 learned');
		const ports = topic(page, 'Ports');
		await ports.getByRole('button', { name: SHOW_LABEL, exact: true }).click();
		await ports.getByRole('button', { name: "I didn't" }).click();
		await expect.poll(() => ports.getByRole('status').textContent()).toBe("Didn't know it: due again in 1 min.");

		type Stored = { cards: Record<string, { reps: number; note: string; folder: string }>; dues: number[] };
		const stored = await page.evaluate((key) => JSON.parse(localStorage.getItem(key)!) as Stored, reviewStoreKey('/'));
		expect(Object.values(stored.cards).map(({ reps, note, folder }) => ({ reps, note, folder }))).toEqual([
			{ reps: 1, note: 'networking', folder: '' },
			{ reps: 1, note: 'networking', folder: '' },
		]);
		expect(stored.dues).toHaveLength(2);

		// The review page reads the same progress: neither card is new, the one graded Again is due within the minute.
		const review = await open('review/?note=networking');
		await expect.poll(() => review.locator('[data-review-counts]').textContent()).toBe('0 due · 0 new · 2 learned');
		const home = await open('');
		await expect.poll(() => progress(home)).toBe('0 due · 0 new · 2 learned');
		expect(problems).toEqual([]);
		await context.close();
	});

	test('the choice is remembered across a reload; a link into a section shows its topic; a note without topics or cards has no switch and no blanks', async () => {
		const { context, open, problems } = await reader();
		const page = await open('networking/');
		await testSwitch(page).click();
		await expect.poll(() => testSwitch(page).getAttribute('aria-pressed')).toBe('true');
		await page.reload();
		await expect.poll(() => testSwitch(page).getAttribute('aria-pressed')).toBe('true');
		expect(await topic(page, 'Subnets').getByText('a subnet is a').isVisible()).toBe(false);
		expect(await page.getByRole('button', { name: SHOW_LABEL, exact: true }).count()).toBe(3);

		// A link into a topic's section shows that topic; a link to a topic leaves it to recall.
		await page.goto(`${server.url}networking/#ports-architecture`);
		await expect.poll(() => topic(page, 'Ports').getByText('SSH listens on port 22').isVisible()).toBe(true);
		expect(await topic(page, 'Subnets').getByText('a subnet is a').isVisible()).toBe(false);
		const contents = page.locator('.page__toc');
		await contents.getByRole('link', { name: 'Subnets' }).click();
		await expect.poll(() => new URL(page.url()).hash).toBe('#subnets');
		expect(await topic(page, 'Subnets').getByText('a subnet is a').isVisible()).toBe(false);
		await contents.getByRole('link', { name: 'Concepts' }).last().click();
		await expect.poll(() => topic(page, 'Routing').getByText('nothing to grade').isVisible()).toBe(true);

		const plain = await open('plain/');
		expect(await testSwitch(plain).count()).toBe(0);
		expect(await readable(plain, 'highlight')).toBe(true);

		await testSwitch(page).click();
		expect(await testSwitch(page).getAttribute('aria-pressed')).toBe('false');
		await page.reload();
		await expect.poll(() => page.locator(`.${SELF_TEST_CLASSES.controls}`).count()).toBe(0);
		expect(await testSwitch(page).getAttribute('aria-pressed')).toBe('false');
		expect(await readable(page, 'range of addresses')).toBe(true);
		expect(problems).toEqual([]);
		await context.close();
	});

	test('without JavaScript, when its script cannot load, and in print, nothing is hidden', async () => {
		const remembered = { cookies: [], origins: [{ origin: new URL(server.url).origin, localStorage: [{ name: SELF_TEST_STORAGE_KEY, value: SELF_TEST_ON }] }] };
		const noScript = await reader({ javaScriptEnabled: false, storageState: remembered });
		const page = await noScript.open('networking/');
		expect(await testSwitch(page).isVisible()).toBe(false);
		expect(await readable(page, 'range of addresses')).toBe(true);
		expect(await readable(page, 'packets')).toBe(true);
		await noScript.context.close();

		const blocked = await reader({ storageState: remembered });
		await blocked.context.route(/self-test/, (route) => route.abort());
		const failed = await blocked.open('networking/');
		await expect.poll(() => failed.evaluate((name) => document.documentElement.hasAttribute(name), SELF_TEST_ATTRIBUTE)).toBe(false);
		expect(await readable(failed, 'range of addresses')).toBe(true);
		await blocked.context.close();

		const printing = await reader({ storageState: remembered });
		const printed = await printing.open('networking/');
		await expect.poll(() => printed.getByRole('button', { name: SHOW_LABEL, exact: true }).count()).toBe(3);
		await printed.emulateMedia({ media: 'print' });
		expect(await readable(printed, 'range of addresses')).toBe(true);
		expect(await readable(printed, 'packets')).toBe(true);
		expect(await printed.getByRole('button', { name: SHOW_LABEL, exact: true }).first().isVisible()).toBe(false);
		expect(printing.problems).toEqual([]);
		await printing.context.close();
	});

	test(`the note page's JavaScript before the switch is used stays within ${NOTE_PAGE_JS_BUDGET / 1024} KB gzip`, () => {
		const scripts = pageScripts(site.dist, 'networking/');
		expect(scripts.files.map((file) => file.name).filter((name) => name.includes('self-test'))).toEqual([]);
		expect(scripts.gzip, JSON.stringify([...scripts.files, ...scripts.inline], null, 1)).toBeLessThanOrEqual(NOTE_PAGE_JS_BUDGET);
	});
});
