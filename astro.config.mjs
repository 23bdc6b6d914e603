// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';
import { parseSiteConfig } from './src/config/site.ts';
import { markdownPlugins } from './src/plugins/index.ts';
import { notesIntegration } from './src/integration/index.ts';

/** Your site's settings: see "Configuration" in the README. */
const site = parseSiteConfig({
	title: 'Study notes',
	description: 'Personal study notes, readable and searchable.',
});

export default defineConfig({
	markdown: {
		processor: satteri(markdownPlugins(site)),
		shikiConfig: { themes: { light: 'github-light', dark: 'github-dark' }, defaultColor: false },
	},
	integrations: [mdx(), notesIntegration(site)],
	devToolbar: { enabled: false },
});
