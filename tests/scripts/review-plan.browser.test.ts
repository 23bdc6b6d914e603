import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { NOTE_STATE_ATTRIBUTE } from '../../src/dom/note-state.ts';
import { PLAN_FIELDS, reviewPartSelector, type ReviewPart } from '../../src/dom/review.ts';
import { launchChromium } from '../support/browser.ts';
import { builtSite, fixturePath } from '../support/build.ts';
import { axeViolations, describeInBrowser, watchPage } from '../support/page-checks.ts';
import { serveDist, type StaticServer } from '../support/serve.ts';

describeInBrowser('pacing and what you know, in Chromium: 30 new cards, a plan, state bars, the weakest topics', (chromiumPath) => {
	let browser: Browser;
	let server: StaticServer;
	let origin: string;

	beforeAll(async () => {
		const site = builtSite(fixturePath('study-pacing'));
		expect(site.exitCode, site.output).toBe(0);
		server = await serveDist(site.dist);
		origin = new URL(server.url).origin;
		browser = await launchChromium(chromiumPath);
	});
	afterAll(async () => {
		await browser?.close();
		await server?.close();
	});

	/** A reader's browser profile: its pages share localStorage. */
	async function reader(options: Parameters<Browser['newContext']>[0] = {}) {
		const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
		const problems: string[] = [];
		const open = async (path: string) => {
			const page = await context.newPage();
			problems.push(...watchPage(page, origin));
			await page.goto(`${server.url}${path}`);
			return page;
		};
		return { context, open, problems };
	}

	const part = (page: Page, name: ReviewPart) => page.locator(reviewPartSelector(name));
	const field = (page: Page, name: string) => page.locator(`${reviewPartSelector('plan')} [name="${name}"]`);
	/** Opens the plan's settings and sets a field, as a reader does: typed, then left. */
	async function setPlan(page: Page, name: string, value: string) {
		if (!(await field(page, name).isVisible())) await page.getByText('Plan: new cards a day').click();
		await field(page, name).fill(value);
		await field(page, name).press('Tab');
	}
	/** Grades the card on the stage: its answer shown, then the grade's button. */
	async function grade(page: Page, label: 'Again' | 'Easy') {
		await expect.poll(() => part(page, 'show').isVisible()).toBe(true);
		const question = await part(page, 'current').textContent();
		await part(page, 'show').click();
		await page.getByRole('button', { name: new RegExp(`^${label}`) }).click();
		await expect.poll(() => part(page, 'current').textContent()).not.toBe(question);
	}

	/** The bars' script, if the page loaded it (a note page imports it only for a reader with progress). */
	const stateScripts = (page: Page) =>
		page.evaluate(() => performance.getEntriesByType('resource').map((entry) => entry.name).filter((name) => /\/note-states\.[\w-]+\.js$/.test(name)));

	test('30 new cards with a limit of 10 a day show 10, and still 10 after a reload', async () => {
		const { context, open, problems } = await reader();
		const page = await open('review/');
		await expect.poll(() => part(page, 'counts').textContent()).toBe('0 due · 30 new · 0 learned');
		expect(await part(page, 'planLine').textContent()).toBe('Today: 20 new, 0 due.');
		await setPlan(page, PLAN_FIELDS.newPerDay, '10');
		await expect.poll(() => part(page, 'planLine').textContent()).toBe('Today: 10 new, 0 due.');
		// Easy: each comes back in days, not today.
		for (let count = 0; count < 10; count++) await grade(page, 'Easy');
		await expect.poll(() => part(page, 'done').textContent()).toMatch(/20 new cards wait for another day/);
		expect(await part(page, 'show').isVisible()).toBe(false);
		expect(await part(page, 'counts').textContent()).toBe('0 due · 20 new · 10 learned');
		expect(await part(page, 'planLine').textContent()).toBe('Today: 0 new, 0 due.');

		await page.reload();
		await expect.poll(() => part(page, 'done').textContent()).toMatch(/20 new cards wait for another day/);
		expect(await field(page, PLAN_FIELDS.newPerDay).inputValue()).toBe('10');
		const stored = await page.evaluate(() => JSON.parse(localStorage.getItem(Object.keys(localStorage).find((key) => key.startsWith('notes-review:'))!)!));
		expect(stored.plan).toEqual({ newPerDay: 10, retention: 0.9 });
		expect(problems).toEqual([]);
		await context.close();
	});

	test('an exam date gives a plan line, and the retention is set by its slider', async () => {
		const { context, open } = await reader();
		const page = await open('review/');
		await expect.poll(() => part(page, 'counts').textContent()).toBe('0 due · 30 new · 0 learned');
		/** A day from the reader's today, in the reader's time zone. */
		const daysAhead = (days: number) =>
			page.evaluate((days) => {
				const day = new Date();
				day.setDate(day.getDate() + days);
				return `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
			}, days);
		await setPlan(page, PLAN_FIELDS.exam, await daysAhead(30));
		await expect.poll(() => part(page, 'planLine').textContent()).toBe('Today: 20 new, 0 due — on track. 30 days to the exam.');
		// An exam in two days: no grade brings a card back after it.
		await setPlan(page, PLAN_FIELDS.exam, await daysAhead(2));
		await expect.poll(() => part(page, 'planLine').textContent()).toBe('Today: 20 new, 0 due — on track. 2 days to the exam.');
		await part(page, 'show').click();
		expect(await page.getByRole('button', { name: /^Easy/ }).textContent()).toMatch(/Easy\s*2 d/);
		const slider = field(page, PLAN_FIELDS.retention);
		await slider.focus();
		await page.keyboard.press('ArrowRight');
		await expect.poll(() => part(page, 'retention').textContent()).toBe('91%');
		expect(await axeViolations(page)).toEqual([]);
		await context.close();
	});

	test('after grading, the home page, a folder\'s note and a note page\'s sidebar show the note as a bar; "Again" lists its topic among the weakest', async () => {
		const { context, open } = await reader();
		const home = await open('');
		const bar = home.locator(`[${NOTE_STATE_ATTRIBUTE}]`);
		// A reader who never reviewed: no bar.
		expect(await bar.count()).toBe(1);
		expect(await bar.isVisible()).toBe(false);

		const page = await open('review/');
		expect(await part(page, 'weak').isVisible()).toBe(false);
		await grade(page, 'Again');
		await grade(page, 'Easy');
		await grade(page, 'Again');
		await expect.poll(() => part(page, 'weak').isVisible()).toBe(true);
		const weakest = part(page, 'weakList').getByRole('link');
		expect(await weakest.count()).toBe(1);
		expect(await weakest.textContent()).toBe('Capitals › Europe');
		expect(new URL((await weakest.getAttribute('href'))!, page.url()).hash).toBe('#europe');
		expect(await part(page, 'weakList').textContent()).toBe('Capitals › Europe — forgotten 2 times');

		// The home page; the note page of the folder (its README), listing its notes; a note page's sidebar.
		for (const [path, list] of [['', '.note-cards'], ['deck/', '.folder-contents'], ['deck/capitals/', '.sidebar']]) {
			const listing = await open(path);
			const state = listing.locator(list!).getByRole('img', { name: '1 known, 2 learning, 27 new; 0 due' });
			await expect.poll(() => state.isVisible()).toBe(true);
			expect(await state.getAttribute('title')).toBe('1 known, 2 learning, 27 new; 0 due');
			expect(await axeViolations(listing)).toEqual([]);
			if (path === 'deck/capitals/') expect(await stateScripts(listing)).toHaveLength(1);
		}
		await context.close();
	});

	test("a reader who never reviewed: no bar in a note page's sidebar, and no request for the bars' script", async () => {
		const { context, open, problems } = await reader();
		const page = await open('deck/capitals/');
		const bar = page.locator(`.sidebar [${NOTE_STATE_ATTRIBUTE}]`);
		expect(await bar.count()).toBe(1);
		await page.waitForLoadState('networkidle');
		expect(await bar.isVisible()).toBe(false);
		expect(await stateScripts(page)).toEqual([]);
		expect(problems).toEqual([]);
		await context.close();
	});
});
