import { defineConfig } from 'vitest/config';

export default defineConfig({
	test: {
		root: new URL('..', import.meta.url).pathname,
		include: ['tests/**/*.test.ts'],
		testTimeout: 60_000,
		// Browser assertions wait for the page, not a fixed time: generous on a busy 2-core machine.
		expect: { poll: { timeout: 15_000, interval: 50 } },
		hookTimeout: 300_000,
		// Build and browser tests each start Astro or Chromium: two at a time on a 2-core machine.
		maxWorkers: 2,
	},
});
