import path from 'node:path';
import { fileURLToPath } from 'node:url';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { REVIEW_CARDS_PATH } from '../dom/card.ts';
import { DECK_EXPORTS_PATH, PRINT_FOLDER } from '../dom/deck-exports.ts';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { DETECT_LANGUAGE, notesFolderAsGiven, notesRootOf, parseSiteConfig, SITE_FILE, type PagesConfig, type SiteConfig, type SiteOptions } from '../config/site.ts';
import { siteTitle } from '../config/site-title.ts';
import { copyMermaid, MERMAID_FOLDER, serveMermaid } from '../diagrams/mermaid-files.ts';
import { MATH_FOLDER, serveMathFiles, writeMathFiles } from '../math/stylesheet.ts';
import { isObsidianVault, NotesCatalogue, withAuthoredLines, type Catalogue } from '../notes/catalogue.ts';
import { resolveNoteImage } from '../notes/images.ts';
import { shareCatalogue } from '../notes/shared-catalogue.ts';
import { pagesCatalogue } from './pages-catalogue.ts';
import { checkNotes } from '../notes/check.ts';
import { formatReport, type NoteProblem } from '../notes/problems.ts';
import { emptyNotesFolderLine, notesFolderProblem, publishFiles } from '../notes/files.ts';
import { privateSummary } from '../notes/private.ts';
import { serveFolder } from '../dev-server/serve-folder.ts';
import { markdownPipeline } from '../plugins/index.ts';
import { notesProcessor } from '../plugins/satteri.ts';
import { prepareNoteSource } from '../notes/prepare-source.ts';
import { isLogseqGraph } from '../notes/logseq.ts';
import { allowedFrames, contentSecurityPolicy } from '../security/csp.ts';
import { SEARCH_BUNDLE, serveLastSearchIndex, writeSearchIndex } from '../search/pagefind.ts';
import { previewImagePath, writePreviewImage } from '../social/preview-image.ts';
import { writeOfflineFiles } from '../offline/build.ts';
import { summariseBuildLog, unknownLanguagesLine } from './build-log.ts';
import { withLastmod } from './sitemap-dates.ts';
import { editLinkBase, type EditLinkBase } from '../config/edit-link.ts';
import { pathInRepository } from '../notes/git-dates.ts';
import { servePreviewFragments, writePreviewFragments } from './previews.ts';
import { writeAnkiDecks } from './anki.ts';
import { diagramIconsModule, runDiagramsPass, type DiagramsPass } from './diagrams.ts';
import { drawingCache, publishDrawings, runDrawingsPass } from './drawings.ts';
import { DRAWINGS_FOLDER, type PreparedDrawings } from '../drawings/prepare.ts';
import {
	VIRTUAL_MDX,
	invalidateFiles,
	VIRTUAL_CONFIG,
	VIRTUAL_DIAGRAM_ICONS,
	VIRTUAL_IMAGES,
	CONTENT_IMAGE_QUERY,
	virtualModules,
	type VirtualModules,
} from './virtual-modules.ts';

export type { SiteOptions as NotesOptions };

/** The report at the end of a build (and in dev, after each edit); for a folder with no notes, the line that says so. */
function logReport(logger: AstroIntegrationLogger, problems: readonly NoteProblem[], catalogue: Catalogue, notesFolderGiven: string) {
	const leftOut = privateSummary(catalogue.private.map((note) => note.reason));
	if (leftOut) logger.info(leftOut);
	const empty = catalogue.notes.length + catalogue.excluded.length + catalogue.private.length === 0;
	if (problems.length > 0) logger.warn(formatReport(problems));
	else if (empty) logger.warn(emptyNotesFolderLine(catalogue.notesRoot, notesFolderGiven));
	else logger.info('No problems found in the notes.');
}

export class NotesProblemsError extends Error {
	constructor(problems: NoteProblem[]) {
		super(`Strict mode (NOTES_STRICT=1): the build stops on problems in the notes.\n${formatReport(problems)}`);
		this.name = 'NotesProblemsError';
	}
}

/**
 * `virtual:notes/mdx`: each `.mdx` note, by its slug, as a module to import when its page renders.
 * MDX is code: @astrojs/mdx compiles the file, through the same plugins as a `.md` note.
 */
function mdxModule(catalogue: Catalogue): string {
	const entries = catalogue.notes.flatMap((note) => (note.format === 'mdx' ? [`${JSON.stringify(note.slug)}: () => import(${JSON.stringify(note.file)})`] : []));
	return `export default {${entries.join(',\n')}};`;
}

/**
 * `virtual:notes/images`: every image the notes show (Markdown and HTML images, `![[embeds]]`),
 * imported as Astro's content layer imports a note's images, so that `getImage` optimises them when
 * a page renders. An image no note shows is not imported, so not published.
 */
function imagesModule(catalogue: Catalogue): string {
	const files = new Set<string>();
	for (const note of catalogue.notes) {
		for (const image of note.images) {
			const resolved = resolveNoteImage(image.url, note.file, catalogue.notesRoot);
			if (resolved.kind === 'local') files.add(resolved.file);
		}
	}
	for (const relativePath of catalogue.links.embeddedImages) files.add(path.join(catalogue.notesRoot, relativePath));
	const list = [...files].sort();
	const imports = list.map((file, index) => `import image${index} from ${JSON.stringify(`${file}?${CONTENT_IMAGE_QUERY}`)};`);
	return `${imports.join('\n')}\nexport default new Map([${list.map((file, index) => `[${JSON.stringify(file)}, image${index}]`).join(', ')}]);`;
}

/** Pages made of the notes' cards (the review page's cards, the cheat sheet, the cards to print): written after the notes' own pages. */
const MADE_OF_CARDS = new Set(['/cheatsheet', `/${REVIEW_CARDS_PATH.replace(/\/$/, '')}`, `/${PRINT_FOLDER}[...deck]`]);

function notesPagesFirst<T extends { route: { route: string } }>(paths: T[]): T[] {
	const last = (path: T) => Number(MADE_OF_CARDS.has(path.route.route));
	return paths.toSorted((a, b) => last(a) - last(b));
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
	let drawings: PreparedDrawings | undefined;
	let problems: NoteProblem[] = [];
	/** Notes that threw while their pages were made, by file: known only once those pages render. */
	const renderErrors = new Map<string, NoteProblem>();
	let buildLog: ReturnType<typeof summariseBuildLog> | undefined;
	/** The modules made from the settings and the catalogue (`virtual:notes/…`). */
	let generated: VirtualModules;
	/** The notes folder as the settings give it (`NOTES_DIR=notes`), for the lines that name it. */
	let notesFolderGiven: string;
	/** Where "Edit on GitHub" leads (the `editLink` setting, resolved once). */
	let editLink: EditLinkBase = {};
	/** The settings as pages read them: the title is the notes' own when no setting gives one, so it follows the catalogue. */
	const pagesConfig = (): PagesConfig => ({
		...config,
		title: siteTitle(config.title, catalogue.notes.find((note) => note.slug === '')?.ownTitle, notesRootOf(config), process.env),
		socialImagePath: previewImagePath(config.socialImage),
		editLinkBase: editLink.base,
	});

	/** Every problem in the notes: the notes left out, then what the notes refer to. */
	const findProblems = () =>
		withAuthoredLines(
			[...catalogue.problems, ...checkNotes(catalogue, config.projectRoot, allowedFrames(config.csp)), ...catalogue.links.problems, ...catalogue.answers.problems, ...(diagrams?.problems ?? []), ...(drawings?.problems ?? [])],
			catalogue,
			config.projectRoot,
		);
	return {
		name: 'notes-site',
		hooks: {
			'astro:config:setup': ({ config: astroConfig, command: astroCommand, updateConfig, addWatchFile, logger }) => {
				command = astroCommand;
				config = parseSiteConfig(options, process.env, fileURLToPath(astroConfig.root));
				notesFolderGiven = notesFolderAsGiven(options, process.env);
				editLink = editLinkBase(config.editLink, config.editLink === true ? pathInRepository(notesRootOf(config)) : undefined, process.env);
				if (editLink.why) logger.warn(`No "Edit on GitHub" links: ${editLink.why}.`);
				const folderProblem = notesFolderProblem(notesRootOf(config), notesFolderGiven, Boolean(process.env.NOTES_DIR || options.notesDir));
				if (folderProblem) {
					// One line, and out: an error thrown from a hook is printed under a heading, with its stack.
					logger.error(folderProblem);
					process.exit(1);
				}
				// `npm run dev` starts again when the settings beside the notes change, as when astro.config.mjs does.
				addWatchFile(path.join(notesRootOf(config), SITE_FILE));
				const logseq = isLogseqGraph(notesRootOf(config));
				const vault = isObsidianVault(notesRootOf(config));
				pipeline = markdownPipeline(config, { links: () => catalogue?.resolver, answers: () => catalogue?.answers, source: (note) => note.source, vault, logseq, drawings: () => drawings?.shown });
				generated = virtualModules({
					[VIRTUAL_CONFIG]: () => `export default ${JSON.stringify(pagesConfig())};`,
					[VIRTUAL_MDX]: () => mdxModule(catalogue),
					[VIRTUAL_IMAGES]: () => imagesModule(catalogue),
					// In dev, diagrams change as you write, and a computed diagram's icons are known only in the browser: the whole icon pack.
					[VIRTUAL_DIAGRAM_ICONS]: () => diagramIconsModule(command === 'build' && !diagrams?.computed ? diagrams?.occurrences : undefined),
				});
				updateConfig({
					// Where the site is served (SITE_URL / BASE_PATH, public/CNAME or GitHub Actions): see docs/configuration.md.
					site: config.site && new URL(config.site).origin,
					base: config.base,
					// Every page is a folder (`/aws/vpc/`): links end in `/`, as GitHub Pages serves them.
					trailingSlash: 'always',
					markdown: {
						processor: notesProcessor(pipeline.processor, (source) => prepareNoteSource(source, { logseq, vault })),
						shikiConfig: { themes: { light: 'github-light', dark: 'github-dark' }, defaultColor: false },
					},
					// The sitemap needs absolute URLs: only when the site's URL is known.
					integrations: [mdx(), ...(config.site ? [sitemap({ filter: (page) => !page.endsWith(`/${REVIEW_CARDS_PATH}`) && !page.endsWith(`/${DECK_EXPORTS_PATH}`) && !page.includes(`/${PRINT_FOLDER}`), serialize: (item) => withLastmod(item, catalogue, config.base) })] : [])],
					devToolbar: { enabled: false },
					// Astro's sharp service, never giving an image larger than its source (src/images/service.ts).
					image: { service: { entrypoint: fileURLToPath(new URL('../images/service.ts', import.meta.url)) } },
					...(config.csp === false ? {} : { security: { csp: contentSecurityPolicy(config.csp) } }),
					// Render the next pages while earlier ones are written to disk (measured: 0.6 s less at 1,000 notes).
					build: { concurrency: 4 },
					vite: {
						plugins: [generated],
					},
				});
			},
			// The catalogue and the diagrams are ready before Astro renders (and caches) any note, which it does before build:start.
			'astro:config:done': async ({ config: astroConfig, logger }) => {
				outDir = fileURLToPath(astroConfig.outDir);
				catalogueBuilder = new NotesCatalogue({
					notesRoot: notesRootOf(config),
					projectRoot: config.projectRoot,
					lang: config.lang,
					base: config.base,
					privacy: { exclude: config.exclude, publish: config.publish },
					properties: config.properties,
				});
				catalogue = catalogueBuilder.build();
				if (config.lang === DETECT_LANGUAGE) logger.info(`Language of the notes: ${catalogue.lang} (detected; the \`lang\` setting chooses another).`);
				if (catalogue.dates.kind === 'shallow') {
					logger.warn("Dates of the notes: the notes' git history is shallow (a checkout with fetch-depth: 1), so each note's \"Updated\" date, the sitemap's lastmod and file.mtime are the files' times; check out with fetch-depth: 0.");
				}
				shareCatalogue(
					await pagesCatalogue(() => catalogue, {
						pipeline: pipeline.processor,
						astroConfig,
						projectRoot: config.projectRoot,
						dev: command === 'dev',
						onRenderError: (problem) => {
							// Its page and the pages made of its cards meet the same error: reported once.
							if (renderErrors.get(problem.file)?.message === problem.message) return;
							renderErrors.set(problem.file, problem);
							if (command === 'dev') logger.warn(formatReport([problem]));
						},
					}),
				);
				if (command === 'dev' || command === 'build') {
					diagrams = await runDiagramsPass({ config, command, logger, notes: catalogue.notes, plugin: pipeline.diagrams });
					drawings = await runDrawingsPass({ config, logger, catalogue });
				}
			},
			'astro:server:setup': ({ server, logger }) => {
				const base = server.config.base.replace(/\/?$/, '/');
				// In dev, search uses the index of the last build.
				server.middlewares.use(`${base}${SEARCH_BUNDLE}/`, serveLastSearchIndex(outDir));
				server.middlewares.use(`${base}${MERMAID_FOLDER}`, serveMermaid());
				server.middlewares.use(`${base}${DRAWINGS_FOLDER}`, serveFolder(drawingCache(config).dir, (file) => file.endsWith('.svg')));
				server.middlewares.use(`${base}${MATH_FOLDER}`, serveMathFiles());
				server.middlewares.use(base, servePreviewFragments(() => catalogue.notes));
				// The files links lead to (a PDF), as the build publishes them; no other file of the notes folder.
				server.middlewares.use(base, serveFolder(catalogue.notesRoot, (file) => catalogue.links.files.includes(file) || Boolean(drawings?.exports.includes(file))));
				// A note or file added, edited or removed: the catalogue reads it again (that file only), and
				// pages, which render from the catalogue, show the change, in every note whose links, embeds or
				// query answers it touches too. An `.mdx` note is a module Vite compiled: compiled again when it
				// changed, when where its links lead has (a heading renamed, a note added), or its answers have.
				const changed = new Set<string>();
				let pending: NodeJS.Timeout | undefined;
				const rebuild = () => {
					pending = undefined;
					const before = catalogue.links.stamps;
					const answersBefore = catalogue.answers.stamps;
					catalogue = catalogueBuilder.build();
					renderErrors.clear();
					// Compiled with the catalogue as it is now: an edited `.mdx` note (Vite may have compiled it
					// before the catalogue read it) and one whose links now lead elsewhere.
					const recompiled = catalogue.notes.filter(
						(note) =>
							note.format === 'mdx' &&
							(changed.has(note.file) ||
								before.get(note.relativePath) !== catalogue.links.stamps.get(note.relativePath) ||
								answersBefore.get(note.relativePath) !== catalogue.answers.stamps.get(note.relativePath)),
					);
					changed.clear();
					generated.invalidateChanged(server);
					invalidateFiles(server, recompiled.map((note) => note.file));
					// The pages list their paths from the catalogue: Astro forgets the lists it kept.
					for (const [name, environment] of Object.entries(server.environments)) if (name !== 'client') environment.hot.send('astro:content-changed', {});
					logReport(logger, findProblems(), catalogue, notesFolderGiven);
					// The titles, lists and links of every page may have changed: the browser shows the page again.
					server.environments.client.hot.send({ type: 'full-reload', path: '*' });
				};
				const onChange = (file: string) => {
					if (!catalogueBuilder.holds(file)) return;
					changed.add(file);
					// An editor that truncates, then writes, fires twice: read the note once it is whole.
					clearTimeout(pending);
					pending = setTimeout(rebuild, 25);
				};
				// The notes folder may be outside the project (NOTES_DIR), where Vite does not look on its own.
				server.watcher.add(catalogue.notesRoot);
				for (const event of ['add', 'change', 'unlink'] as const) server.watcher.on(event, onChange);
			},
			'astro:server:start': ({ logger }) => logReport(logger, findProblems(), catalogue, notesFolderGiven),
			'astro:build:start': ({ setPrerenderer }) => {
				// The notes' pages first: each keeps its cards, which the pages made of them then take.
				setPrerenderer((prerenderer) => ({ ...prerenderer, getStaticPaths: async () => notesPagesFirst(await prerenderer.getStaticPaths()) }));
				problems = findProblems();
				if (config.strict && problems.length > 0) throw new NotesProblemsError(problems);
				buildLog = summariseBuildLog();
			},
			'astro:build:done': async ({ dir, logger }) => {
				for (const line of buildLog?.stop(fileURLToPath(dir)) ?? []) logger.info(line);
				const languages = unknownLanguagesLine(catalogue.notes);
				if (languages) logger.warn(languages);
				if (diagrams?.drawsInBrowser) {
					copyMermaid(fileURLToPath(dir));
					logger.info('Mermaid copied for diagrams drawn in the browser.');
				}
				if (catalogue.notes.some((note) => note.hasMath)) writeMathFiles(fileURLToPath(dir));
				publishFiles(catalogue.notesRoot, fileURLToPath(dir), catalogue.links.files);
				if (drawings) publishDrawings(drawings, config, catalogue.notesRoot, fileURLToPath(dir));
				if (catalogue.links.files.length > 0) logger.info(`Files the notes link to, published: ${catalogue.links.files.length}.`);
				await Promise.all([writeSearchIndex(dir, catalogue.lang, logger), writePreviewFragments(fileURLToPath(dir), catalogue.notes)]);
				const { title, description, socialImage } = pagesConfig();
				const ankiDecks = writeAnkiDecks(fileURLToPath(dir), {
					base: config.base,
					site: config.site,
					title,
					tags: new Map(catalogue.notes.map((note) => [note.slug, note.tags])),
					builtAt: new Date(),
				});
				if (ankiDecks > 0) logger.info(`Anki packages written: ${ankiDecks} decks.`);
				await writePreviewImage(fileURLToPath(dir), { title, description, socialImage, notesRoot: catalogue.notesRoot });
				// Last: the service worker's version is a hash of every other file of the build.
				await writeOfflineFiles(fileURLToPath(dir), { title, description, base: config.base, hasCards: catalogue.notes.some((note) => note.cards.length > 0) });
				const report = [...problems, ...renderErrors.values()];
				if (config.strict && renderErrors.size > 0) throw new NotesProblemsError(report);
				logReport(logger, report, catalogue, notesFolderGiven);
			},
		},
	};
}
