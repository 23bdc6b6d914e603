import type { AstroConfig, AstroIntegrationLogger } from 'astro';
import type { Plugin } from 'vite';
import type { SiteConfig } from '../config/site.ts';
import { CHROMIUM_CANDIDATES, findChromium } from '../diagrams/chromium.ts';
import { logosNamesIn, logosSubset } from '../diagrams/icons.ts';
import { describePrepared, prepareDiagrams, type DiagramOccurrence } from '../diagrams/prepare.ts';
import { DiagramRenderer } from '../diagrams/renderer.ts';
import { diagramsSetup } from '../diagrams/setup.ts';
import type { NoteFile } from '../notes/files.ts';
import type { NoteProblem } from '../notes/problems.ts';
import { REMARK_DIAGRAMS, type RemarkDiagramsPlugin } from '../plugins/remark-diagrams.ts';
import { createHash } from 'node:crypto';

export const VIRTUAL_DIAGRAM_ICONS = 'virtual:notes/diagram-icons';

export interface DiagramsPass {
	problems: NoteProblem[];
	occurrences: DiagramOccurrence[];
}

/**
 * The diagrams' batch pass, run before Astro renders any note: in a build it renders what the
 * cache lacks in one headless Chromium; in dev it only reads the cache (the rest is drawn in the
 * browser). It then stamps the Markdown plugin with a digest of what it will find, so that Astro's
 * content cache re-renders the notes when that changes (a dev session's browser-drawn diagrams
 * never reach a build).
 */
export async function runDiagramsPass(options: {
	config: SiteConfig;
	projectRoot: string;
	command: 'dev' | 'build' | 'preview' | 'sync';
	logger: AstroIntegrationLogger;
	astroConfig: AstroConfig;
	/** The notes that build (from the integration's scan). */
	notes: NoteFile[];
}): Promise<DiagramsPass> {
	const { config, projectRoot, command, logger, notes } = options;
	const setup = diagramsSetup(config, projectRoot);
	const renderHere = command === 'build' && setup.mode === 'build';
	const chromium = renderHere ? findChromium() : undefined;
	const prepared = await prepareDiagrams(notes, {
		cache: setup.cache,
		digest: setup.digest,
		projectRoot,
		startRenderer: chromium ? () => DiagramRenderer.launch(chromium) : undefined,
		onRendererError: (error) =>
			logger.warn(`Chromium (${chromium}) failed, so the remaining diagrams are drawn in the reader's browser: ${error.message}`),
	});
	if (prepared.occurrences.length > 0) {
		if (setup.mode === 'client') {
			logger.info('NOTES_DIAGRAMS=client: diagrams are drawn in the reader\'s browser.');
		} else {
			logger.info(describePrepared(prepared));
			if (renderHere && !chromium && prepared.missing > 0) {
				const looked = process.env.CHROMIUM_PATH ? `CHROMIUM_PATH=${process.env.CHROMIUM_PATH}` : CHROMIUM_CANDIDATES.join(', ');
				logger.warn(
					`No Chrome or Chromium found (looked at ${looked}), so ${prepared.missing} diagram(s) are drawn in the reader's browser. ` +
						'Install Chromium or set CHROMIUM_PATH to draw them at build time.',
				);
			}
		}
	}
	stampRenderState(options.astroConfig, [command === 'dev' ? 'dev' : 'build', setup.mode, setup.digest, ...prepared.missingKeys].join('\n'));
	return { problems: prepared.problems, occurrences: prepared.occurrences };
}

/** Sets the plugin's `renderState`, which Astro's config digest (hence its content cache) includes. */
function stampRenderState(astroConfig: AstroConfig, state: string) {
	const processor = astroConfig.markdown.processor as { options?: { mdastPlugins?: unknown[] } } | undefined;
	const plugin = processor?.options?.mdastPlugins?.find(
		(candidate): candidate is RemarkDiagramsPlugin => (candidate as { name?: string })?.name === REMARK_DIAGRAMS,
	);
	if (plugin) plugin.renderState = createHash('sha256').update(state).digest('hex');
}

/**
 * `virtual:notes/diagram-icons`: the logos icons the browser needs to draw diagrams. In a build,
 * only the icons the notes' diagrams name; in dev, the whole pack (diagrams change as you write).
 */
export function diagramIconsPlugin(getOccurrences: () => DiagramOccurrence[] | undefined): Plugin {
	return {
		name: 'notes-site:diagram-icons',
		resolveId: (id) => (id === VIRTUAL_DIAGRAM_ICONS ? `\0${VIRTUAL_DIAGRAM_ICONS}` : undefined),
		load(id) {
			if (id !== `\0${VIRTUAL_DIAGRAM_ICONS}`) return undefined;
			const occurrences = getOccurrences();
			if (!occurrences) return `export default () => import('@iconify-json/logos/icons.json').then((module) => module.default);`;
			const subset = logosSubset(logosNamesIn(occurrences.map((occurrence) => occurrence.diagram.code)));
			return `const pack = ${JSON.stringify(subset)};\nexport default async () => pack;`;
		},
	};
}
