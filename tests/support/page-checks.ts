import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe } from 'vitest';
import { findChromium } from './browser.ts';

const require = createRequire(import.meta.url);

/**
 * `describe` for browser tests: skipped, loudly, when no Chromium is found, except in CI
 * (`CI` set), where a missing browser fails.
 */
export function describeInBrowser(name: string, body: (chromiumPath: string) => void) {
	const chromiumPath = findChromium();
	if (!chromiumPath) {
		const message = `No Chrome/Chromium found (set CHROMIUM_PATH, or install Debian's "chromium"): browser tests "${name}" cannot run.`;
		if (process.env.CI) throw new Error(message);
		console.warn(`\n!!! SKIPPED: ${message}\n`);
		describe.skip(name, () => {});
		return;
	}
	describe(name, () => body(chromiumPath));
}

/** Collects console errors, page errors and requests to any host but the test server's. */
export function watchPage(page: Page, allowedOrigin: string) {
	const problems: string[] = [];
	page.on('console', (message) => {
		if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
	});
	page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
	page.on('request', (request) => {
		const url = request.url();
		if (!url.startsWith(allowedOrigin) && !url.startsWith('data:')) problems.push(`request to another host: ${url}`);
	});
	return problems;
}

/** Runs axe-core (from node_modules) on the page; returns its violations, summarised. */
export async function axeViolations(page: Page): Promise<string[]> {
	await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
	const violations = await page.evaluate(async () => {
		const result = await (window as unknown as { axe: { run(): Promise<{ violations: { id: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe.run();
		return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
	});
	return violations;
}
