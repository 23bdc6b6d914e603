import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { reviewPartSelector, type ReviewPart } from '../../src/dom/review.ts';
import { writeOfflineFiles } from '../../src/offline/build.ts';
import { PROGRESS_FRAGMENT } from '../../src/scripts/progress-link.ts';
import { launchChromium } from '../support/browser.ts';
import { builtSite, fixturePath } from '../support/build.ts';
import { describeInBrowser, watchPage } from '../support/page-checks.ts';
import { serveDist, type StaticServer } from '../support/serve.ts';

describeInBrowser('offline and moving the progress, in Chromium', (chromiumPath) => {
	let browser: Browser;
	let server: StaticServer;
	let dist: string;

	beforeAll(async () => {
		const site = builtSite(fixturePath('study-cards'));
		expect(site.exitCode, site.output).toBe(0);
		// A copy: one test deploys a new build over it.
		dist = path.join(mkdtempSync(path.join(tmpdir(), 'offline-dist-')), 'dist');
		cpSync(site.dist, dist, { recursive: true });
		server = await serveDist(dist);
		browser = await launchChromium(chromiumPath);
	});
	afterAll(async () => {
		await browser?.close();
		await server?.close();
	});

	/** A new reader (a browser profile of its own: storage, service workers), on `path`. */
	async function reader(path: string, prepare?: (context: BrowserContext) => Promise<unknown>) {
		const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
		await prepare?.(context);
		const page = await context.newPage();
		const problems = watchPage(page, new URL(server.url).origin);
		await page.goto(`${server.url}${path}`);
		return { context, page, problems };
	}

	const part = (page: Page, name: ReviewPart) => page.locator(reviewPartSelector(name));
	const counts = (page: Page) => part(page, 'counts').textContent();
	/** What the site's caches hold, by cache, as paths below the site. */
	const cached = (page: Page) =>
		page.evaluate(async () => {
			const held: Record<string, string[]> = {};
			for (const name of await caches.keys()) held[name] = (await (await caches.open(name)).keys()).map((request) => new URL(request.url).pathname).sort();
			return held;
		});
	const cachedPages = async (page: Page) => [...new Set(Object.values(await cached(page)).flat().filter((url) => url.endsWith('/')))].sort();
	const serviceWorkerReady = (page: Page) => page.evaluate(() => navigator.serviceWorker.ready.then(() => true));

	async function grade(page: Page, key = '3') {
		await page.keyboard.press('Space');
		await page.keyboard.press(key);
	}

	test('after one visit, the review page, its cards and its scripts work with the network off', async () => {
		const { context, page, problems } = await reader('review/?note=vault%2Fports');
		await expect.poll(() => counts(page)).toBe('0 due · 8 new · 0 learned');
		expect(await serviceWorkerReady(page)).toBe(true);
		await context.setOffline(true);
		await page.reload();
		await expect.poll(() => counts(page)).toBe('0 due · 8 new · 0 learned');
		await expect.poll(() => part(page, 'current').getByText('Port of SSH').isVisible()).toBe(true);
		await grade(page);
		await expect.poll(() => counts(page)).toBe('0 due · 7 new · 1 learned');
		// The QR code's module is loaded only now, from the cache.
		await page.getByText('Progress: keep, move, export, import, reset').click();
		await page.getByRole('button', { name: 'Move to another device' }).click();
		await expect.poll(() => part(page, 'moveCode').locator('svg').count()).toBe(1);
		expect(problems).toEqual([]);
		await context.close();
	});

	test('a kept deck\'s notes open offline; a note not kept, though visited, is not in the cache', async () => {
		const { context, page, problems } = await reader('review/?note=vault%2Fports');
		await expect.poll(() => counts(page)).toBe('0 due · 8 new · 0 learned');
		await part(page, 'keep').check();
		await expect.poll(() => part(page, 'keepStatus').textContent()).toBe('1 note kept offline.');
		const visited = await context.newPage();
		await visited.goto(`${server.url}aws/vpc/`);
		await visited.goto(server.url);
		// The review page, its cards and the kept note: no page the reader only visited.
		expect(await cachedPages(page)).toEqual(['/review/', '/review/cards/', '/vault/ports/']);

		await context.setOffline(true);
		const kept = await context.newPage();
		await kept.goto(`${server.url}vault/ports/`);
		expect(await kept.locator('h1').textContent()).toMatch(/ports/i);
		expect(await kept.evaluate(() => getComputedStyle(document.body).backgroundColor)).not.toBe('rgba(0, 0, 0, 0)');
		await expect(visited.goto(`${server.url}aws/vpc/`)).rejects.toThrow(/net::ERR_/);

		// Unkept, the note leaves the cache.
		await context.setOffline(false);
		await part(page, 'keep').uncheck();
		await expect.poll(() => cachedPages(page)).toEqual(['/review/', '/review/cards/']);
		expect(problems).toEqual([]);
		await context.close();
	});

	test('a new deploy replaces the old caches, and keeps the kept notes in the new ones', async () => {
		const { context, page } = await reader('review/?note=vault%2Fports');
		await part(page, 'keep').check();
		await expect.poll(() => part(page, 'keepStatus').textContent()).toBe('1 note kept offline.');
		const before = Object.keys(await cached(page));
		expect(before).toHaveLength(2);

		// The next build: a note changed, and so the service worker's version.
		const note = path.join(dist, 'vault/ports/index.html');
		writeFileSync(note, readFileSync(note, 'utf8').replace('</main>', '<p>Edited since.</p></main>'));
		const worker = readFileSync(path.join(dist, 'sw.js'), 'utf8');
		await writeOfflineFiles(dist, { title: 'study-cards', description: '', base: '/', hasCards: true });
		expect(readFileSync(path.join(dist, 'sw.js'), 'utf8')).not.toBe(worker);

		await page.reload();
		await expect.poll(async () => Object.keys(await cached(page)).some((name) => before.includes(name))).toBe(false);
		expect(Object.keys(await cached(page))).toHaveLength(2);
		expect(await cachedPages(page)).toEqual(['/review/', '/review/cards/', '/vault/ports/']);
		await context.setOffline(true);
		const kept = await context.newPage();
		await kept.goto(`${server.url}vault/ports/`);
		expect(await kept.getByText('Edited since.').count()).toBe(1);
		await context.close();
	});

	test('a "move to another device" link carries the progress, and opening it merges it', async () => {
		const a = await reader('review/?note=vault%2Fports');
		await expect.poll(() => counts(a.page)).toBe('0 due · 8 new · 0 learned');
		await grade(a.page, '4');
		await expect.poll(() => counts(a.page)).toBe('0 due · 7 new · 1 learned');
		await a.page.getByText('Progress: keep, move, export, import, reset').click();
		await a.page.getByRole('button', { name: 'Move to another device' }).click();
		await expect.poll(() => part(a.page, 'moveUrl').inputValue()).toContain(PROGRESS_FRAGMENT);
		const link = await part(a.page, 'moveUrl').inputValue();
		expect(link.startsWith(`${server.url}review/${PROGRESS_FRAGMENT}`)).toBe(true);
		await expect.poll(() => a.page.getByRole('img', { name: 'QR code of the link' }).isVisible()).toBe(true);
		const storeOf = (page: Page) => page.evaluate(() => JSON.parse(localStorage.getItem(Object.keys(localStorage).find((key) => key.startsWith('notes-review:'))!)!).cards);
		const progressA = await storeOf(a.page);

		const b = await reader(link.slice(server.url.length));
		await expect.poll(() => part(b.page, 'message').textContent()).toBe('1 card merged from the link (of 1 it carries).');
		expect(await b.page.evaluate(() => location.hash)).toBe('');
		expect(await storeOf(b.page)).toEqual(progressA);
		await b.page.goto(`${server.url}review/?note=vault%2Fports`);
		await expect.poll(() => counts(b.page)).toBe('0 due · 7 new · 1 learned');
		// The same link again: nothing newer to take. A link cut short changes nothing, and says so.
		await b.page.goto(link);
		await expect.poll(() => part(b.page, 'message').textContent()).toBe('0 cards merged from the link (of 1 it carries).');
		await b.page.goto(link.slice(0, -10));
		await b.page.reload();
		await expect.poll(() => part(b.page, 'message').textContent()).toMatch(/^This link does not carry review progress/);
		expect(await storeOf(b.page)).toEqual(progressA);
		expect([...a.problems, ...b.problems]).toEqual([]);
		await a.context.close();
		await b.context.close();
	});

	test('persistent storage is asked for on the first grade, not on load, and the page says whether progress is kept', async () => {
		const { context, page, problems } = await reader('review/?note=vault%2Fports', (context) =>
			// Records the calls, and answers as a browser that grants the request.
			context.addInitScript(() => {
				let granted = false;
				const calls: string[] = [];
				Object.assign(window, { persistCalls: calls });
				Object.defineProperty(navigator.storage, 'persisted', { value: async () => granted });
				Object.defineProperty(navigator.storage, 'persist', { value: async () => (calls.push('persist'), (granted = true)) });
			}),
		);
		const persistCalls = () => page.evaluate(() => (window as unknown as { persistCalls: string[] }).persistCalls.length);
		await expect.poll(() => counts(page)).toBe('0 due · 8 new · 0 learned');
		await expect.poll(() => part(page, 'storage').textContent()).toMatch(/^Your progress may be cleared by the browser/);
		expect(await persistCalls()).toBe(0);
		await grade(page);
		await expect.poll(() => part(page, 'storage').textContent()).toBe('Your browser keeps your progress.');
		await grade(page);
		expect(await persistCalls()).toBe(1);
		expect(problems).toEqual([]);
		await context.close();
	});

	test("under a base path (GitHub Pages' /repo/), the worker's scope and caches are the site's own, and the review page opens offline", async () => {
		const base = '/notes-base/';
		const site = builtSite(fixturePath('search-cases'), { base });
		expect(site.exitCode, site.output).toBe(0);
		const below = await serveDist(site.dist, base);
		const context = await browser.newContext();
		try {
			const page = await context.newPage();
			await page.goto(`${below.url}review/`);
			expect(await page.evaluate(() => navigator.serviceWorker.ready.then((registration) => new URL(registration.scope).pathname))).toBe(base);
			const names = Object.keys(await cached(page));
			expect(names.length).toBeGreaterThan(0);
			for (const name of names) expect(name.startsWith(`notes-offline:${base}:`)).toBe(true);
			expect(await cachedPages(page)).toEqual([`${base}review/`, `${base}review/cards/`]);
			await context.setOffline(true);
			await page.reload();
			expect(await page.locator('h1').textContent()).toBe('Review');
		} finally {
			await context.close();
			await below.close();
		}
	});
});
