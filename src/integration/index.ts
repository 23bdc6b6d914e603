import { fileURLToPath } from 'node:url';
import { satteri } from '@astrojs/markdown-satteri';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { notesRootOf, parseSiteConfig, type SiteConfig, type SiteOptions } from '../config/site.ts';
import { copyMermaid, MERMAID_FOLDER, serveMermaid } from '../diagrams/mermaid-files.ts';
import { NotesCatalogue, pageNote, type Catalogue } from '../notes/catalogue.ts';
import { checkNotes } from '../notes/check.ts';
import { formatReport, type NoteProblem } from '../notes/problems.ts';
import { markdownPipeline } from '../plugins/index.ts';
import { SEARCH_BUNDLE, serveLastSearchIndex, writeSearchIndex } from '../search/pagefind.ts';
import { diagramIconsModule, runDiagramsPass, type DiagramsPass } from './diagrams.ts';
import {
	invalidateVirtualModule,
	VIRTUAL_CATALOGUE,
	VIRTUAL_COLLECTION,
	VIRTUAL_CONFIG,
	VIRTUAL_DIAGRAM_ICONS,
	virtualModules,
} from './virtual-modules.ts';

export type { SiteOptions as NotesOptions };

function logReport(logger: AstroIntegrationLogger, problems: readonly NoteProblem[]) {
	if (problems.length === 0) logger.info('No problems found in the notes.');
	else logger.warn(formatReport(problems));
}

export class NotesProblemsError extends Error {
	constructor(problems: NoteProblem[]) {
		super(`Strict mode (NOTES_STRICT=1): the build stops on problems in the notes.\n${formatReport(problems)}`);
		this.name = 'NotesProblemsError';
	}
}

/** The pages' `virtual:notes/catalogue`: the notes in reading order, as pages read them. */
const catalogueModule = (catalogue: Catalogue) => `export default ${JSON.stringify({ notes: catalogue.notes.map(pageNote) })};`;

/**
 * The content collection's `virtual:notes/collection` (`src/content.config.ts`): what it needs of the
 * catalogue, kept apart from the pages' module, which at 1,000 notes is megabytes of JSON.
 */
function collectionModule({ notesRoot, excluded, assetsStamp }: Catalogue): string {
	return `export default ${JSON.stringify({ notesRoot, excluded, assetsStamp })};`;
}

/**
 * The notes site, as one Astro integration: `integrations: [notes({...})]` in `astro.config.mjs`
 * is the whole set-up. It parses the settings, adds MDX and the sitemap, installs the Sätteri
 * processor with the notes' Markdown plugins, reads the notes folder into the catalogue once
 * before anything renders (note by note in dev), draws the diagrams, and after the build writes
 * the search index and prints one report of the problems in the notes.
 */
export default function notes(options: SiteOptions = {}): AstroIntegration {
	let config: SiteConfig;
	let pipeline: ReturnType<typeof markdownPipeline>;
	let command: 'dev' | 'build' | 'preview' | 'sync' = 'build';
	let outDir = '';
	let catalogueBuilder: NotesCatalogue;
	let catalogue: Catalogue;
	let diagrams: DiagramsPass | undefined;
	let problems: NoteProblem[] = [];

	/** Every problem in the notes: the notes left out, then what the notes refer to. */
	const findProblems = () => [...catalogue.problems, ...checkNotes(catalogue, config.projectRoot), ...(diagrams?.problems ?? [])];

	return {
		name: 'notes-site',
		hooks: {
			'astro:config:setup': ({ config: astroConfig, command: astroCommand, updateConfig }) => {
				command = astroCommand;
				config = parseSiteConfig(options, process.env, fileURLToPath(astroConfig.root));
				pipeline = markdownPipeline(config);
				updateConfig({
					// Where the site is served (SITE_URL / BASE_PATH, public/CNAME or GitHub Actions): see the README.
					site: config.site && new URL(config.site).origin,
					base: config.base,
					// Every page is a folder (`/aws/vpc/`): links end in `/`, as GitHub Pages serves them.
					trailingSlash: 'always',
					markdown: {
						processor: satteri(pipeline.processor),
						shikiConfig: { themes: { light: 'github-light', dark: 'github-dark' }, defaultColor: false },
					},
					// The sitemap needs absolute URLs: only when the site's URL is known.
					integrations: [mdx(), ...(config.site ? [sitemap()] : [])],
					devToolbar: { enabled: false },
					// Render the next pages while earlier ones are written to disk (measured: 0.6 s less at 1,000 notes).
					build: { concurrency: 4 },
					vite: {
						plugins: [
							virtualModules({
								[VIRTUAL_CONFIG]: () => `export default ${JSON.stringify(config)};`,
								[VIRTUAL_CATALOGUE]: () => catalogueModule(catalogue),
								[VIRTUAL_COLLECTION]: () => collectionModule(catalogue),
								// In dev, diagrams change as you write: the whole icon pack.
								[VIRTUAL_DIAGRAM_ICONS]: () => diagramIconsModule(command === 'build' ? diagrams?.occurrences : undefined),
							}),
						],
					},
				});
			},
			// The catalogue and the diagrams are ready before Astro renders (and caches) any note, which it does before build:start.
			'astro:config:done': async ({ config: astroConfig, logger }) => {
				outDir = fileURLToPath(astroConfig.outDir);
				catalogueBuilder = new NotesCatalogue({ notesRoot: notesRootOf(config), projectRoot: config.projectRoot, lang: config.lang });
				catalogue = catalogueBuilder.build();
				if (command === 'dev' || command === 'build') {
					diagrams = await runDiagramsPass({ config, command, logger, notes: catalogue.notes, plugin: pipeline.diagrams });
				}
			},
			'astro:server:setup': ({ server, logger }) => {
				const base = server.config.base.replace(/\/?$/, '/');
				// In dev, search uses the index of the last build.
				server.middlewares.use(`${base}${SEARCH_BUNDLE}/`, serveLastSearchIndex(outDir));
				server.middlewares.use(`${base}${MERMAID_FOLDER}`, serveMermaid());
				// A note added, edited or removed: the catalogue reads it again, and pages see the change.
				const onNoteChange = (file: string) => {
					if (!catalogueBuilder.isNoteFile(file)) return;
					catalogue = catalogueBuilder.build();
					invalidateVirtualModule(server, VIRTUAL_CATALOGUE);
					logReport(logger, findProblems());
				};
				for (const event of ['add', 'change', 'unlink'] as const) server.watcher.on(event, onNoteChange);
			},
			'astro:server:start': ({ logger }) => logReport(logger, findProblems()),
			'astro:build:start': () => {
				problems = findProblems();
				if (config.strict && problems.length > 0) throw new NotesProblemsError(problems);
			},
			'astro:build:done': async ({ dir, logger }) => {
				if (diagrams?.drawsInBrowser) {
					copyMermaid(fileURLToPath(dir));
					logger.info('Mermaid copied for diagrams drawn in the browser.');
				}
				await writeSearchIndex(dir, config.lang, logger);
				logReport(logger, problems);
			},
		},
	};
}
