import { readFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, test } from 'vitest';
import { MANIFEST_FILE, SERVICE_WORKER_FILE } from '../../src/dom/offline.ts';
import { REVIEW_OFFLINE_ATTRIBUTE } from '../../src/dom/review.ts';
import type { OfflineSettings } from '../../src/offline/service-worker.ts';
import { pageScripts } from '../bench/measure.ts';
import { builtSite, fixturePath } from '../support/build.ts';
import { parseHtml, selectOne } from '../support/html.ts';

const site = () => builtSite(fixturePath('study-cards'));
/** The review page's JavaScript, the scheduler included: at most this, gzip (issue 27's budget). */
const REVIEW_PAGE_JS_BUDGET = 25 * 1024;

/** The settings the build wrote into the service worker. */
function workerSettings(): OfflineSettings {
	const script = site().page(SERVICE_WORKER_FILE);
	return JSON.parse(/\}\)\(self, (\{.*?\}), function/s.exec(script)![1]!) as OfflineSettings;
}

describe('offline, built', () => {
	test('the service worker precaches the review page, its cards, and the files they load; no note page', () => {
		expect(site().exitCode, site().output).toBe(0);
		const { precache, version } = workerSettings();
		expect(version).toMatch(/^[0-9a-f]{16}$/);
		expect(precache.slice(0, 2)).toEqual(['review/', 'review/cards/']);
		expect(precache.filter((file) => file.endsWith('/'))).toEqual(['review/', 'review/cards/']);
		for (const file of pageScripts(site().dist, 'review/').files) expect(precache).toContain(file.name);
		// The images of the cards (aws/vpc's diagram), every size the browser may choose.
		expect(precache.filter((file) => file.endsWith('.webp')).length).toBeGreaterThan(1);
		// The QR code's module, which the page loads only when asked: there offline too.
		expect(precache.some((file) => /qr-code\.[\w-]+\.js$/.test(file))).toBe(true);
		for (const file of precache) expect(() => readFileSync(path.join(site().dist, file.endsWith('/') ? `${file}index.html` : decodeURI(file)))).not.toThrow();
		// Its source stands alone: it parses as a script.
		expect(() => new Function(site().page(SERVICE_WORKER_FILE))).not.toThrow();
	});

	test('only the review page registers it; every page links the manifest, which the policy allows', () => {
		expect(site().page('review/index.html')).toContain(`${REVIEW_OFFLINE_ATTRIBUTE}="/${SERVICE_WORKER_FILE}"`);
		for (const page of ['index.html', 'vault/ports/index.html', 'review/index.html', 'cheatsheet/index.html']) {
			const tree = parseHtml(site().page(page));
			expect(String(selectOne('link[rel="manifest"]', tree).properties.href)).toBe(`/${MANIFEST_FILE}`);
			const policy = String(selectOne('meta[http-equiv="content-security-policy"]', tree).properties.content);
			expect(policy).toContain("worker-src 'self'");
			expect(policy).toContain("manifest-src 'self'");
		}
		expect(site().page('vault/ports/index.html')).not.toContain(SERVICE_WORKER_FILE);
	});

	test('the manifest: the site title, the review page to start, standalone, icons drawn at their sizes', async () => {
		const manifest = JSON.parse(site().page(MANIFEST_FILE)) as { name: string; start_url: string; scope: string; display: string; icons: { src: string; sizes: string }[] };
		expect(manifest).toMatchObject({ name: 'study-cards', start_url: '/review/', scope: '/', display: 'standalone' });
		for (const icon of manifest.icons) {
			const { width, height, format } = await sharp(path.join(site().dist, icon.src)).metadata();
			expect([`${width}x${height}`, format]).toEqual([icon.sizes, 'png']);
		}
		expect(manifest.icons.map((icon) => icon.sizes)).toEqual(['192x192', '512x512']);
	});

	test(`the review page's JavaScript, files and inline scripts, is within ${REVIEW_PAGE_JS_BUDGET / 1024} KB gzip; the QR code's is not part of it`, () => {
		const scripts = pageScripts(site().dist, 'review/');
		expect(scripts.files.map((file) => file.name).filter((name) => name.includes('qr-code'))).toEqual([]);
		expect(scripts.gzip, JSON.stringify([...scripts.files, ...scripts.inline], null, 1)).toBeLessThanOrEqual(REVIEW_PAGE_JS_BUDGET);
	});
});
