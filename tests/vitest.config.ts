import { defineConfig } from 'vitest/config';

/**
 * Three projects: `unit` (plugins, catalogue, config; no build), `build` (`*.build.test.ts`: fixture
 * sites built with the real config) and `browser` (`*.browser.test.ts`: those sites in Chromium).
 * Run one with `npm test -- --project unit`. Each site is built once per run, whichever project
 * asks first (`builtSite()` in `support/build.ts`).
 */
export default defineConfig({
	test: {
		root: new URL('..', import.meta.url).pathname,
		globalSetup: ['tests/support/global-setup.ts'],
		testTimeout: 60_000,
		// Browser assertions wait for the page, not a fixed time: generous on a busy 2-core machine.
		expect: { poll: { timeout: 15_000, interval: 50 } },
		hookTimeout: 300_000,
		// Build and browser tests each start Astro or Chromium: two at a time on a 2-core machine.
		maxWorkers: 2,
		projects: [
			{
				test: {
					name: 'unit',
					include: ['tests/**/*.test.ts'],
					exclude: ['tests/**/*.build.test.ts', 'tests/**/*.browser.test.ts'],
				},
			},
			{ test: { name: 'build', include: ['tests/**/*.build.test.ts'] } },
			{ test: { name: 'browser', include: ['tests/**/*.browser.test.ts'] } },
		],
	},
});
