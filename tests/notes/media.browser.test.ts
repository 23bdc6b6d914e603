import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchChromium } from '../support/browser.ts';
import { builtSite } from '../support/build.ts';
import { describeInBrowser } from '../support/page-checks.ts';
import { serveDist, type StaticServer } from '../support/serve.ts';

const BASE = '/notes-base/';
/** Addresses of the video sites: the page may ask nothing of them before the reader clicks. */
const VIDEO_SITES = /youtube|ytimg|googlevideo|vimeo/;

describeInBrowser('media in the browser', (chromiumPath) => {
	let browser: Browser;
	let server: StaticServer;

	beforeAll(async () => {
		const site = builtSite('tests/fixtures/media-cases', { base: BASE });
		expect(site.exitCode, site.output).toBe(0);
		server = await serveDist(site.dist, BASE);
		browser = await launchChromium(chromiumPath);
	});
	afterAll(async () => {
		await browser?.close();
		await server?.close();
	});

	/** A page with every request it makes, and every CSP violation, recorded. */
	async function open(slug: string) {
		const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
		const page = await context.newPage();
		const requests: string[] = [];
		const violations: string[] = [];
		page.on('request', (request) => requests.push(request.url()));
		await page.exposeFunction('reportViolation', (text: string) => violations.push(text));
		await page.addInitScript(() =>
			document.addEventListener('securitypolicyviolation', (event) =>
				(window as unknown as { reportViolation(text: string): void }).reportViolation(`${event.violatedDirective}: ${event.blockedURI}`),
			),
		);
		await page.goto(`${server.url}${slug}/`);
		return { page, requests, violations, close: () => context.close() };
	}

	test('a YouTube placeholder fetches nothing from YouTube until it is clicked, then frames the nocookie player', async () => {
		const { page, requests, violations, close } = await open('videos');
		await page.waitForLoadState('networkidle');
		expect(requests.filter((url) => VIDEO_SITES.test(new URL(url).hostname))).toEqual([]);
		expect(await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content')).toContain(
			"frame-src 'self' https://player.vimeo.com https://www.youtube-nocookie.com;",
		);
		const youtube = page.locator('figure[data-media-provider="youtube"]');
		await youtube.locator('.media__placeholder').click();
		const frame = youtube.locator('iframe.media__frame');
		await expect.poll(() => frame.getAttribute('src')).toBe('https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1&start=90');
		await expect.poll(() => frame.evaluate((element) => element === document.activeElement)).toBe(true);
		expect(await youtube.locator('.media__placeholder').count()).toBe(0);
		// Offline, the frame's request fails; what matters is that the policy let it go.
		expect(violations).toEqual([]);
		await close();
	});

	test('without JavaScript the placeholder is a plain link to the video', async () => {
		const context = await browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		const requests: string[] = [];
		page.on('request', (request) => requests.push(request.url()));
		await page.goto(`${server.url}videos/`);
		expect(await page.locator('figure[data-media-provider="vimeo"] a.media__placeholder').getAttribute('href')).toBe('https://vimeo.com/76979871');
		expect(requests.filter((url) => VIDEO_SITES.test(new URL(url).hostname))).toEqual([]);
		await context.close();
	});

	test('a PDF is shown in a frame of the site, at the page its link names', async () => {
		const { page, requests, violations, close } = await open('players');
		const frame = page.locator('iframe.media__pdf');
		expect(await frame.getAttribute('src')).toBe(`${BASE}media/slides.pdf#page=3`);
		expect(await page.locator('a.media__open').getAttribute('href')).toBe(`${BASE}media/slides.pdf#page=3`);
		const pdf = await page.request.get(`${server.url}media/slides.pdf`);
		expect([pdf.status(), pdf.headers()['content-type']]).toEqual([200, 'application/pdf']);
		expect(requests.some((url) => url.endsWith('/media/slides.pdf'))).toBe(true);
		expect(violations).toEqual([]);
		await close();
	});
});
