import { readFileSync } from 'node:fs';
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

/** The rules axe-core checks: WCAG 2.2 A and AA (target size included) and its best practices. */
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** Runs axe-core (from node_modules) on the page; returns its violations, summarised. */
export async function axeViolations(page: Page): Promise<string[]> {
	// Evaluated, not added as a <script>: the page's Content-Security-Policy would block an inline one.
	await page.evaluate(readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
	const violations = await page.evaluate(async (tags) => {
		type AxeResult = { violations: { id: string; help: string; nodes: { target: string[] }[] }[] };
		const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<AxeResult> } }).axe;
		const result = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
		return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
	}, AXE_TAGS);
	return violations;
}
