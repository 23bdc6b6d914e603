// @ts-check
import { defineConfig } from 'astro/config';
import notes from './src/integration/index.ts';

export default defineConfig({
	integrations: [
		// Your site's settings: see "Configuration" in the README.
		notes({
			title: 'Study notes',
			description: 'Personal study notes, readable and searchable.',
		}),
	],
});
