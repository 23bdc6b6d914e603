import type { SatteriProcessorOptions } from '@astrojs/markdown-satteri';
import { notesRootOf, type SiteConfig } from '../config/site.ts';
import { diagramsSetup } from '../diagrams/setup.ts';
import { remarkBlockRefs } from './remark-block-refs.ts';
import { rehypeCallouts } from './rehype-callouts.ts';
import { rehypeCodeBlocks } from './rehype-code-blocks.ts';
import { rehypeEmbeds } from './rehype-embeds.ts';
import { rehypeFigures } from './rehype-figures.ts';
import { rehypeLinks } from './rehype-links.ts';
import { rehypeMedia } from './rehype-media.ts';
import { allowedFrames } from '../security/csp.ts';
import { rehypeNoteHeadings } from './rehype-note-headings.ts';
import { rehypeQuoteTabs } from './rehype-quote-tabs.ts';
import { rehypeSectionTabs } from './rehype-section-tabs.ts';
import { remarkCards } from './remark-cards.ts';
import { remarkCjkEmphasis } from './remark-cjk-emphasis.ts';
import { remarkCodeLanguages } from './remark-code-languages.ts';
import { remarkDiagrams, type RemarkDiagramsPlugin } from './remark-diagrams.ts';
import { remarkNoteImages } from './remark-note-images.ts';
import { remarkQueries } from './remark-queries.ts';
import { remarkHighlights } from './remark-highlights.ts';
import { remarkIcons } from './remark-icons.ts';
import { remarkLineBreaks } from './remark-line-breaks.ts';
import { remarkTags } from './remark-tags.ts';
import { remarkTex } from './remark-tex.ts';
import { remarkWikilinks, type RemarkWikilinksOptions } from './remark-wikilinks.ts';
import type { EmbedContext } from '../notes/embeds.ts';
import type { LinkResolver } from '../notes/links.ts';
import type { QueryAnswers } from '../notes/query-answers.ts';
import { MARKDOWN_FEATURES } from './satteri.ts';

export interface MarkdownPipeline {
	/** What `satteri()` takes: the features and the plugins, in run order. */
	processor: SatteriProcessorOptions;
	/** The diagrams plugin, whose render state the integration sets before any note renders. */
	diagrams: RemarkDiagramsPlugin;
}

/** What the pipeline reads of the whole notes folder (the catalogue), for links between notes. */
export interface PipelineNotes {
	/** The links of the whole folder, as they are now (in dev, after the last edit). */
	links: () => LinkResolver | undefined;
	/** A note's source, for embeds. */
	source: EmbedContext['source'];
	/** The answers to the notes' queries, as they are now. */
	answers?: () => QueryAnswers | undefined;
	/** The notes folder is an Obsidian vault: notes are titled by their file names, no heading is lifted out as the title, and (with `breaks: "auto"`) a newline is a line break. */
	vault: boolean;
	/** The notes folder is a Logseq graph: `((uuid))` references its blocks. */
	logseq?: boolean;
	/** What each Excalidraw drawing shows, once the drawings' pass has run. */
	drawings?: RemarkWikilinksOptions['drawings'];
}

const NO_NOTES: PipelineNotes = { links: () => undefined, source: () => '', vault: false };

/** The Markdown pipeline shared by `.md` and `.mdx` notes. */
export function markdownPipeline(config: SiteConfig, notes: PipelineNotes = NO_NOTES): MarkdownPipeline {
	const notesRoot = notesRootOf(config);
	const diagrams = remarkDiagrams(diagramsSetup(config));
	const breaks = config.breaks === 'auto' ? notes.vault : config.breaks;
	return {
		processor: {
			features: MARKDOWN_FEATURES,
			mdastPlugins: [
				remarkWikilinks({ notesRoot, links: notes.links, source: notes.source, drawings: notes.drawings }),
				...(notes.logseq ? [remarkBlockRefs({ notesRoot, links: notes.links, source: notes.source })] : []),
				remarkTex(),
				remarkTags({ base: config.base }),
				remarkIcons(),
				// Before the highlights, whose paragraphs it would not see again; after the links, which need positions it cannot give the text it splits.
				remarkCards({ notesRoot, links: notes.links }),
				remarkHighlights(),
				// After the plugins that read positions from the texts it cuts.
				remarkCjkEmphasis(),
				...(breaks ? [remarkLineBreaks()] : []),
				remarkNoteImages({ notesRoot, base: config.base }),
				...(notes.answers ? [remarkQueries({ notesRoot, answers: notes.answers })] : []),
				diagrams,
				remarkCodeLanguages(),
			],
			hastPlugins: [
				rehypeNoteHeadings({ notesRoot, links: notes.links }),
				rehypeCallouts(),
				rehypeQuoteTabs(),
				rehypeEmbeds(),
				rehypeCodeBlocks(),
				rehypeSectionTabs({ notesRoot, links: notes.links }),
				rehypeFigures({ notesRoot }),
				rehypeMedia({ notesRoot, base: config.base, allowedFrames: allowedFrames(config.csp) }),
				rehypeLinks({ base: config.base, notesRoot, links: notes.links }),
			],
		},
		diagrams,
	};
}
