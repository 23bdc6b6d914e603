import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { markdownToHtml, mdxToJs } from 'satteri';
import { parseSiteConfig } from '../../src/config/site.ts';
import { readFileSync } from 'node:fs';
import { isObsidianVault, NotesCatalogue } from '../../src/notes/catalogue.ts';
import { markdownPipeline, type PipelineNotes } from '../../src/plugins/index.ts';
import { MARKDOWN_FEATURES } from '../../src/plugins/satteri.ts';
import { prepareNoteSource } from '../../src/notes/prepare-source.ts';
import { projectRoot } from './build.ts';

const config = parseSiteConfig({}, {}, projectRoot);

/** The render data Astro hands the pipeline (`ctx.data.astro`). */
const astroData = (frontmatter: Record<string, unknown>) => ({
	frontmatter,
	headings: [],
	localImagePaths: new Set<string>(),
	remoteImagePaths: new Set<string>(),
});

/** What the pipeline reads of a notes folder: its catalogue, as the integration gives it. */
export function pipelineNotes(notesDir: string, base = '/'): PipelineNotes {
	const notesRoot = path.join(projectRoot, notesDir);
	const catalogue = new NotesCatalogue({ notesRoot, projectRoot, lang: 'en', base }).build();
	return { links: () => catalogue.resolver, source: (note) => prepareNoteSource(readFileSync(note.file, 'utf8')), vault: isObsidianVault(notesRoot) };
}

/**
 * Renders Markdown through the site's real Sätteri pipeline (its source prepared as the site prepares it), as a note at `<notesDir>/<name>`
 * (`content/note.md` by default; `notesDir` is relative to the project, e.g. a fixture folder).
 * With `links`, wikilinks and links between notes resolve in that folder's catalogue.
 */
export async function renderNote(
	source: string,
	{ name = 'note.md', frontmatter = {} as Record<string, unknown>, notesDir = config.notesDir, links = undefined as PipelineNotes | undefined } = {},
) {
	const { mdastPlugins, hastPlugins } = markdownPipeline({ ...config, notesDir }, links).processor;
	const { html } = await markdownToHtml(prepareNoteSource(source), {
		mdastPlugins,
		hastPlugins,
		fileURL: pathToFileURL(path.join(projectRoot, notesDir, name)),
		features: MARKDOWN_FEATURES,
		data: { astro: astroData(frontmatter) },
	});
	return html;
}

/** Compiles MDX through the same pipeline; returns the JavaScript module source. */
export async function compileMdxNote(source: string, name = 'note.mdx', notesDir = config.notesDir) {
	const { mdastPlugins, hastPlugins } = markdownPipeline({ ...config, notesDir }).processor;
	const { code } = await mdxToJs(prepareNoteSource(source), {
		mdastPlugins,
		hastPlugins,
		fileURL: pathToFileURL(path.join(projectRoot, notesDir, name)),
		features: MARKDOWN_FEATURES,
		data: { astro: astroData({}) },
	});
	return code;
}
