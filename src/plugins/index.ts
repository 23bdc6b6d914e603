import type { SatteriProcessorOptions } from '@astrojs/markdown-satteri';
import { notesRootOf, type SiteConfig } from '../config/site.ts';
import { diagramsSetup } from '../diagrams/setup.ts';
import { rehypeAlerts } from './rehype-alerts.ts';
import { rehypeBaseLinks } from './rehype-base-links.ts';
import { rehypeCodeBlocks } from './rehype-code-blocks.ts';
import { rehypeFigures } from './rehype-figures.ts';
import { rehypeNoteHeadings } from './rehype-note-headings.ts';
import { rehypeSectionTabs } from './rehype-section-tabs.ts';
import { remarkDiagrams, type RemarkDiagramsPlugin } from './remark-diagrams.ts';
import { remarkNoteImages } from './remark-note-images.ts';
import { MARKDOWN_FEATURES } from './satteri.ts';

export interface MarkdownPipeline {
	/** What `satteri()` takes: the features and the plugins, in run order. */
	processor: SatteriProcessorOptions;
	/** The diagrams plugin, whose render state the integration sets before any note renders. */
	diagrams: RemarkDiagramsPlugin;
}

/** The Markdown pipeline shared by `.md` and `.mdx` notes. */
export function markdownPipeline(config: SiteConfig): MarkdownPipeline {
	const notesRoot = notesRootOf(config);
	const diagrams = remarkDiagrams(diagramsSetup(config));
	return {
		processor: {
			features: MARKDOWN_FEATURES,
			mdastPlugins: [remarkNoteImages({ notesRoot }), diagrams],
			hastPlugins: [
				rehypeNoteHeadings(),
				rehypeAlerts(),
				rehypeCodeBlocks(),
				rehypeSectionTabs(),
				rehypeFigures({ notesRoot }),
				rehypeBaseLinks({ base: config.base }),
			],
		},
		diagrams,
	};
}
