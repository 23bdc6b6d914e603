import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { reviewDecksIn } from '../../src/dom/card.ts';
import { GRADES_LABEL, REVIEW_CLASSES, REVIEW_STORE_ATTRIBUTE, reviewPartSelector, type ReviewPart } from '../../src/dom/review.ts';
import { launchChromium } from '../support/browser.ts';
import { builtSite, fixturePath } from '../support/build.ts';
import { axeViolations, describeInBrowser, watchPage } from '../support/page-checks.ts';
import { serveDist, type StaticServer } from '../support/serve.ts';

describeInBrowser('studying in Chromium: the review page, progress and the cheat sheet', (chromiumPath) => {
	let browser: Browser;
	let server: StaticServer;
	let origin: string;

	beforeAll(async () => {
		const site = builtSite(fixturePath('study-cards'));
		expect(site.exitCode, site.output).toBe(0);
		server = await serveDist(site.dist);
		origin = new URL(server.url).origin;
		browser = await launchChromium(chromiumPath);
	});
	afterAll(async () => {
		await browser?.close();
		await server?.close();
	});

	/** One browser profile: its pages share localStorage, as a reader's tabs do. */
	async function reader(options: Parameters<Browser['newContext']>[0] = {}) {
		const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true, ...options });
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
	const stage = (page: Page) => part(page, 'current');
	const counts = (page: Page) => part(page, 'counts').textContent();

	async function reviewed(context: BrowserContext): Promise<Record<string, { due: string; reps: number }>> {
		const page = context.pages()[0];
		return page.evaluate(() => {
			const key = Object.keys(localStorage).find((each) => each.startsWith('notes-review:'))!;
			return JSON.parse(localStorage.getItem(key)!).cards;
		});
	}

	test('one card at a time: Space shows the answer, a number grades it, the next card follows; progress survives a reload', async () => {
		const { context, open, problems } = await reader();
		const page = await open('review/?note=vault%2Fports');
		await expect.poll(() => counts(page)).toBe('0 due · 8 new · 0 learned');
		expect(await part(page, 'noScript').isVisible()).toBe(false);
		// The first card: its question, not its answer.
		await expect.poll(() => stage(page).getByText('Port of SSH').isVisible()).toBe(true);
		expect(await stage(page).getByText('22', { exact: true }).isVisible()).toBe(false);
		expect(await page.getByRole('group', { name: GRADES_LABEL }).isVisible()).toBe(false);
		await page.keyboard.press('Space');
		expect(await stage(page).getByText('22', { exact: true }).isVisible()).toBe(true);
		const good = page.getByRole('button', { name: /Good/ });
		expect(await good.textContent()).toMatch(/Good\s*10 min/);
		await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toMatch(/^Good/);
		await page.keyboard.press('3');
		// Graded Good, a new card is due again in 10 minutes: the next card is the next new one.
		await expect.poll(() => stage(page).getByText('Port of HTTPS').isVisible()).toBe(true);
		expect(await counts(page)).toBe('0 due · 7 new · 1 learned');
		// Buttons do what keys do (touch).
		await page.getByRole('button', { name: /Show answer/ }).click();
		await page.getByRole('button', { name: /Easy/ }).click();
		expect(Object.values(await reviewed(context)).map((card) => card.reps)).toEqual([1, 1]);

		await page.reload();
		await expect.poll(() => counts(page)).toBe('0 due · 6 new · 2 learned');
		// The note page and the home page count the same progress.
		const note = await open('vault/ports/');
		await expect.poll(() => note.locator('[data-progress-counts]').textContent()).toBe('0 due · 6 new · 2 learned');
		const home = await open('');
		await expect.poll(() => home.locator('[data-progress-counts]').textContent()).toBe('0 due · 9 new · 2 learned');
		expect(problems).toEqual([]);
		await context.close();
	});

	test('each kind of card hides its own answer: a summary, a reversed card, a cloze', async () => {
		const { context, open } = await reader();
		const page = await open('review/?note=aws%2Fvpc');
		await expect.poll(() => stage(page).getByText('VPC Flow Logs', { exact: true }).isVisible()).toBe(true);
		expect(await stage(page).getByText('packet metadata').isVisible()).toBe(false);
		await page.keyboard.press('Enter');
		expect(await stage(page).getByText('packet metadata').isVisible()).toBe(true);
		expect(await stage(page).locator('img').first().isVisible()).toBe(true);

		// Seeded progress: every card of the ports deck but one reversed card and one cloze is learned.
		await page.goto(`${server.url}review/?note=vault%2Fports`);
		const entries = reviewDecksIn(await (await fetch(`${server.url}review/cards/`)).text())
			.flatMap((deck) => deck.cards)
			.map(({ ids, html }) => ({ ids, text: html }));
		const https = entries.find((entry) => entry.text.includes('HTTPS'))!;
		const cloze = entries.find((entry) => entry.text.includes('VPC router'))!;
		const later = new Date(Date.now() + 86_400_000).toISOString();
		const cards = Object.fromEntries(
			entries.flatMap((entry) => entry.ids).filter((id) => id !== https.ids[1] && id !== cloze.ids[1]).map((id) => [id, { due: later, state: 2, reps: 1, last_review: new Date().toISOString() }]),
		);
		await page.evaluate(
			({ store, attribute }) => {
				const key = Object.keys(localStorage).find((each) => each.startsWith('notes-review:')) ?? document.querySelector(`[${attribute}]`)!.getAttribute(attribute)!;
				localStorage.setItem(key, JSON.stringify({ version: 1, cards: store }));
			},
			{ store: cards, attribute: REVIEW_STORE_ATTRIBUTE },
		);
		await page.reload();
		// Reversed: asked with the answer, the question hidden.
		await expect.poll(() => stage(page).getByText('443').isVisible()).toBe(true);
		expect(await stage(page).getByText('Port of HTTPS').isVisible()).toBe(false);
		await page.keyboard.press('Space');
		expect(await stage(page).getByText('Port of HTTPS').isVisible()).toBe(true);
		await page.keyboard.press('4');
		// The cloze's second mark hidden, its first shown.
		await expect.poll(() => stage(page).locator(`mark.${REVIEW_CLASSES.cloze}`).textContent()).toBe('[…]');
		expect(await stage(page).getByText('VPC router').isVisible()).toBe(true);
		await page.keyboard.press('Space');
		expect(await stage(page).locator(`mark.${REVIEW_CLASSES.cloze}`).textContent()).toBe('.1');
		await page.keyboard.press('4');
		await expect.poll(() => part(page, 'done').textContent()).toMatch(/^Nothing is due in this deck\. The next card is due in 1 d/);
		expect(await page.getByRole('button', { name: /Show answer/ }).isVisible()).toBe(false);
		await context.close();
	});

	test('export, reset and import the progress, as a JSON file', async () => {
		const { context, open } = await reader();
		const page = await open('review/');
		await expect.poll(() => counts(page)).toBe('0 due · 11 new · 0 learned');
		for (let card = 0; card < 3; card++) {
			await page.keyboard.press('Space');
			await page.keyboard.press('3');
		}
		await expect.poll(() => counts(page)).toBe('0 due · 8 new · 3 learned');
		await page.getByText('Progress: keep, move, export, import, reset').click();
		const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export progress' }).click()]);
		const file = await download.path();
		const exported = JSON.parse(readFileSync(file, 'utf8'));
		expect(Object.keys(exported.cards)).toHaveLength(3);

		page.once('dialog', (dialog) => void dialog.accept());
		await page.getByRole('button', { name: 'Reset this deck' }).click();
		await expect.poll(() => counts(page)).toBe('0 due · 11 new · 0 learned');

		await part(page, 'import').setInputFiles(file);
		await expect.poll(() => part(page, 'message').textContent()).toMatch(/^Imported the progress of 3 cards/);
		expect(await counts(page)).toBe('0 due · 8 new · 3 learned');
		await part(page, 'import').setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"not":"progress"}') });
		await expect.poll(() => part(page, 'message').textContent()).toBe('notes.json is not review progress exported from this page; nothing was changed.');
		expect(await counts(page)).toBe('0 due · 8 new · 3 learned');
		await context.close();
	});

	test('decks: a folder, a note, chosen in the page or by the URL', async () => {
		const { context, open } = await reader();
		const page = await open('review/');
		await part(page, 'deck').selectOption('folder:aws');
		await expect.poll(() => counts(page)).toBe('0 due · 3 new · 0 learned');
		expect(new URL(page.url()).search).toBe('?folder=aws');
		await page.reload();
		await expect.poll(() => part(page, 'deck').inputValue()).toBe('folder:aws');
		await context.close();
	});

	test('the review page is accessible, question and answer shown, light and dark, on a phone too', async () => {
		for (const options of [{ colorScheme: 'light' as const }, { colorScheme: 'dark' as const, viewport: { width: 375, height: 800 } }]) {
			const { context, open } = await reader(options);
			const page = await open('review/');
			await expect.poll(() => stage(page).locator(`.${REVIEW_CLASSES.entry}`).count()).toBe(1);
			expect(await part(page, 'noScript').isVisible()).toBe(false);
			expect(await axeViolations(page)).toEqual([]);
			await page.keyboard.press('Space');
			expect(await axeViolations(page)).toEqual([]);
			expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(options.viewport?.width ?? 1280);
			await context.close();
		}
	});

	test('without JavaScript the review page says where the cards are: each note shows its own', async () => {
		const { context, open } = await reader({ javaScriptEnabled: false });
		const page = await open('review/');
		expect(await part(page, 'app').isVisible()).toBe(false);
		expect(await page.getByText('Reviewing needs JavaScript').isVisible()).toBe(true);
		const note = await open('vault/ports/');
		expect(await note.getByText('Transmission Control Protocol').isVisible()).toBe(true);
		await context.close();
	});

	test('"Summaries only": each topic shows its summary alone; one click shows the rest again', async () => {
		const { context, open } = await reader();
		const page = await open('aws/vpc/');
		const summaries = page.getByRole('button', { name: 'Summaries only' });
		await summaries.click();
		expect(await summaries.getAttribute('aria-pressed')).toBe('true');
		expect(await page.getByText('packet metadata, not contents').isVisible()).toBe(true);
		expect(await page.getByText('outbound-only IPv6 access').isVisible()).toBe(true);
		expect(await page.getByText('not realtime').isVisible()).toBe(false);
		expect(await page.getByRole('tablist').first().isVisible()).toBe(false);
		expect(await page.getByText('no summary in this topic').isVisible()).toBe(false);
		expect(await page.getByRole('heading', { name: 'VPC Endpoints' }).isVisible()).toBe(true);
		expect(await axeViolations(page)).toEqual([]);
		// Remembered on the next note, as "Show all sections" is.
		const mdx = await open('aws/endpoints/');
		expect(await mdx.getByText('prefix lists in route tables').isVisible()).toBe(false);
		await summaries.click();
		expect(await page.getByRole('tab', { name: 'Concepts' }).first().isVisible()).toBe(true);
		await context.close();
	});

	test('the cheat sheet prints in two columns, without the site around it', async () => {
		const { context, open } = await reader();
		const page = await open('cheatsheet/');
		await page.emulateMedia({ media: 'print' });
		const layout = await page.evaluate(() => ({
			header: getComputedStyle(document.querySelector('.site-header')!).display,
			footer: getComputedStyle(document.querySelector('.site-footer')!).display,
			columns: getComputedStyle(document.querySelector('.cheatsheet__group')!).columnCount,
			imageHeight: document.querySelector<HTMLImageElement>('.cheatsheet img')!.getBoundingClientRect().height,
		}));
		expect(layout).toMatchObject({ header: 'none', footer: 'none', columns: '2' });
		expect(layout.imageHeight).toBeLessThanOrEqual(190);
		const pdf = await page.pdf({ format: 'A4' });
		expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
		await context.close();
	});
});
