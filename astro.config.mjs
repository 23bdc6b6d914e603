// @ts-check
import { defineConfig } from 'astro/config';
import notes from './src/integration/index.ts';

export default defineConfig({
	integrations: [
		// Your site's settings live with your notes, in content/site.yml: see "Settings" in the README.
		notes(),
	],
});
