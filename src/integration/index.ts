import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import type { SiteConfig } from '../config/site.ts';
import { checkNotes } from '../notes/check.ts';
import { scanNotes, type NotesScan } from '../notes/files.ts';
import { formatReport, type NoteProblem } from '../notes/problems.ts';
import { SEARCH_BUNDLE, serveLastSearchIndex, writeSearchIndex } from '../search/pagefind.ts';
import { copyMermaidWhenNeeded, MERMAID_FOLDER, serveMermaid } from '../diagrams/mermaid-files.ts';
import { diagramIconsPlugin, runDiagramsPass, type DiagramsPass } from './diagrams.ts';

const VIRTUAL_CONFIG = 'virtual:notes/config';
const VIRTUAL_EXCLUDED = 'virtual:notes/excluded';

/** Every problem in the notes: the ones that leave a note out, then what the notes refer to. */
function findProblems(config: SiteConfig, projectRoot: string, scan: NotesScan): NoteProblem[] {
	return [...scan.problems, ...checkNotes(scan.notes, path.resolve(projectRoot, config.notesDir), projectRoot)];
}

function logReport(logger: AstroIntegrationLogger, problems: NoteProblem[]) {
	if (problems.length === 0) logger.info('No problems found in the notes.');
	else logger.warn(formatReport(problems));
}

export class NotesProblemsError extends Error {
	constructor(problems: NoteProblem[]) {
		super(`Strict mode (NOTES_STRICT=1): the build stops on problems in the notes.\n${formatReport(problems)}`);
		this.name = 'NotesProblemsError';
	}
}

/**
 * Wires the notes site into Astro: exposes the parsed site config to pages as
 * `virtual:notes/config` and the notes that cannot be built as `virtual:notes/excluded` (for the
 * content collection), and checks the notes once per build, printing one report at the end (or
 * failing first, in strict mode).
 */
export function notesIntegration(config: SiteConfig): AstroIntegration {
	let projectRoot = process.cwd();
	let problems: NoteProblem[] = [];
	let outDir = path.join(projectRoot, 'dist');
	let command: 'dev' | 'build' | 'preview' | 'sync' = 'build';
	let diagrams: DiagramsPass | undefined;
	/** The notes folder, scanned once per run (the diagrams pass and the report share it). */
	let scan: NotesScan = { notes: [], excluded: [], problems: [] };
	return {
		name: 'notes-site',
		hooks: {
			'astro:config:setup': ({ config: astroConfig, updateConfig, command: astroCommand }) => {
				projectRoot = fileURLToPath(astroConfig.root);
				outDir = fileURLToPath(astroConfig.outDir);
				command = astroCommand;
				updateConfig({
					vite: {
						plugins: [
							{
								name: 'notes-site:config',
								resolveId: (id) => ([VIRTUAL_CONFIG, VIRTUAL_EXCLUDED].includes(id) ? `\0${id}` : undefined),
								load(id) {
									if (id === `\0${VIRTUAL_CONFIG}`) return `export default ${JSON.stringify(config)};`;
									if (id === `\0${VIRTUAL_EXCLUDED}`) return `export default ${JSON.stringify(scan.excluded)};`;
									return undefined;
								},
							},
							diagramIconsPlugin(() => (command === 'build' ? diagrams?.occurrences : undefined)),
						],
					},
				});
			},
			'astro:server:setup': ({ server }) => {
				// In dev, search uses the index of the last build.
				const base = server.config.base.replace(/\/?$/, '/');
				server.middlewares.use(`${base}${SEARCH_BUNDLE}/`, serveLastSearchIndex(outDir));
				server.middlewares.use(`${base}${MERMAID_FOLDER}`, serveMermaid());
			},
			// Diagrams are rendered before Astro renders (and caches) any note, which it does before build:start.
			'astro:config:done': async ({ config: astroConfig, logger }) => {
				scan = scanNotes(path.resolve(projectRoot, config.notesDir), projectRoot);
				if (command === 'dev' || command === 'build') {
					diagrams = await runDiagramsPass({ config, projectRoot, command, logger, astroConfig, notes: scan.notes });
				}
			},
			'astro:server:start': ({ logger }) => {
				logReport(logger, [...findProblems(config, projectRoot, scan), ...(diagrams?.problems ?? [])]);
			},
			'astro:build:start': () => {
				problems = [...findProblems(config, projectRoot, scan), ...(diagrams?.problems ?? [])];
				if (config.strict && problems.length > 0) throw new NotesProblemsError(problems);
			},
			'astro:build:done': async ({ dir, logger }) => {
				if (copyMermaidWhenNeeded(fileURLToPath(dir), scan.notes)) logger.info('Mermaid copied for diagrams drawn in the browser.');
				await writeSearchIndex(dir, config.lang, logger);
				logReport(logger, problems);
			},
		},
	};
}
