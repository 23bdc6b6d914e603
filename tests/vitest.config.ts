import { defineConfig } from 'vitest/config';

export default defineConfig({
	test: {
		root: new URL('..', import.meta.url).pathname,
		include: ['tests/**/*.test.ts'],
		testTimeout: 60_000,
		hookTimeout: 300_000,
		// Build and browser tests each start Astro or Chromium: two at a time on a 2-core machine.
		maxWorkers: 2,
	},
});
