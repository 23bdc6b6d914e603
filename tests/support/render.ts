import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { markdownToHtml, mdxToJs } from 'satteri';
import { parseSiteConfig } from '../../src/config/site.ts';
import { readFileSync } from 'node:fs';
import { dump as dumpYaml } from 'js-yaml';
import { isObsidianVault, noteRecord, NotesCatalogue } from '../../src/notes/catalogue.ts';
import { noteFileOf, readFrontmatter } from '../../src/notes/files.ts';
import { LinkResolver } from '../../src/notes/links.ts';
import { markdownPipeline, type PipelineNotes } from '../../src/plugins/index.ts';
import { MARKDOWN_FEATURES } from '../../src/plugins/satteri.ts';
import { prepareNoteSource } from '../../src/notes/prepare-source.ts';
import { isLogseqGraph } from '../../src/notes/logseq.ts';
import { projectRoot, SHIPPED_NOTES } from './build.ts';

/** The settings a note renders with: none, and the shipped notes' copy as the notes folder. */
const config = parseSiteConfig({ notesDir: SHIPPED_NOTES }, {}, projectRoot);

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
	const logseq = isLogseqGraph(notesRoot);
	const vault = isObsidianVault(notesRoot);
	return { links: () => catalogue.resolver, source: (note) => prepareNoteSource(readFileSync(note.file, 'utf8'), { logseq, vault }), vault, logseq };
}

/** The source with `frontmatter` in its YAML front matter (added to the note's own, if it has one). */
function withFrontmatter(source: string, frontmatter: Record<string, unknown>): string {
	if (Object.keys(frontmatter).length === 0) return source;
	const read = readFrontmatter(source);
	const [data, body] = 'error' in read ? [frontmatter, source] : [{ ...read.data, ...frontmatter }, read.body];
	return `---\n${dumpYaml(data)}---\n${body}`;
}

/**
 * What the pipeline reads of the notes when it renders `source` as the note at `name`: a catalogue
 * holding the note's own record (the plugins apply what the catalogue decided about it), in the
 * folder `links` resolves in, or alone.
 */
function notesWith(source: string, name: string, notesDir: string, links: PipelineNotes | undefined): PipelineNotes {
	const notesRoot = path.join(projectRoot, notesDir);
	const resolver = links?.links();
	const base = resolver?.base ?? '/';
	const vault = links?.vault ?? false;
	const record = noteRecord(name, noteFileOf(Buffer.from(source)), { notesRoot, projectRoot, base, lang: 'en', vault, logseq: isLogseqGraph(notesRoot) });
	const others = (resolver?.catalogue.notes ?? []).filter((note) => note.relativePath !== name);
	const catalogue = { assets: [], excluded: [], ...resolver?.catalogue, notes: record.ok ? [...others, record.note] : others };
	const withNote = new LinkResolver(catalogue, base);
	return { links: () => withNote, source: links?.source ?? ((note) => note.source), vault, logseq: links?.logseq };
}

/**
 * Renders Markdown through the site's real Sätteri pipeline (its source prepared as the site prepares it), as a note at `<notesDir>/<name>`
 * (`tests/fixtures/shipped-notes/note.md` by default; `notesDir` is relative to the project, e.g. a fixture folder), read into the notes catalogue as the site reads it.
 * With `links`, wikilinks and links between notes resolve in that folder's catalogue.
 */
export async function renderNote(
	source: string,
	{ name = 'note.md', frontmatter = {} as Record<string, unknown>, notesDir = config.notesDir, links = undefined as PipelineNotes | undefined } = {},
) {
	const text = withFrontmatter(source, frontmatter);
	const { mdastPlugins, hastPlugins } = markdownPipeline({ ...config, notesDir }, notesWith(text, name, notesDir, links)).processor;
	const notesRoot = path.join(projectRoot, notesDir);
	const { html } = await markdownToHtml(prepareNoteSource(text, { logseq: isLogseqGraph(notesRoot), vault: isObsidianVault(notesRoot) }), {
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
	const { mdastPlugins, hastPlugins } = markdownPipeline({ ...config, notesDir }, notesWith(source, name, notesDir, undefined)).processor;
	const { code } = await mdxToJs(prepareNoteSource(source), {
		mdastPlugins,
		hastPlugins,
		fileURL: pathToFileURL(path.join(projectRoot, notesDir, name)),
		features: MARKDOWN_FEATURES,
		data: { astro: astroData({}) },
	});
	return code;
}
