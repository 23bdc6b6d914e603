import path from 'node:path';
import type { SatteriProcessorOptions } from '@astrojs/markdown-satteri';
import type { SiteConfig } from '../config/site.ts';
import { rehypeAlerts } from './rehype-alerts.ts';
import { rehypeBaseLinks } from './rehype-base-links.ts';
import { rehypeCodeBlocks } from './rehype-code-blocks.ts';
import { rehypeFigures } from './rehype-figures.ts';
import { rehypeNoteHeadings } from './rehype-note-headings.ts';
import { rehypeSectionTabs } from './rehype-section-tabs.ts';
import { remarkDiagrams } from './remark-diagrams.ts';
import { diagramsSetup } from '../diagrams/setup.ts';
import { remarkNoteImages } from './remark-note-images.ts';

/** The Markdown pipeline shared by `.md` and `.mdx` notes, in run order. */
export function markdownPlugins(config: SiteConfig, root: string = process.cwd()): SatteriProcessorOptions {
	const notesRoot = path.resolve(root, config.notesDir);
	return {
		mdastPlugins: [remarkNoteImages({ notesRoot }), remarkDiagrams(diagramsSetup(config, root))],
		hastPlugins: [
			rehypeNoteHeadings(),
			rehypeAlerts(),
			rehypeCodeBlocks(),
			rehypeSectionTabs(),
			rehypeFigures({ notesRoot }),
			rehypeBaseLinks({ base: config.base }),
		],
	};
}
