import { createHash } from 'node:crypto';
import type { AstroIntegrationLogger } from 'astro';
import type { SiteConfig } from '../config/site.ts';
import { CHROMIUM_CANDIDATES, findChromium } from '../diagrams/chromium.ts';
import { logosNamesIn, logosSubset } from '../diagrams/icons.ts';
import { describePrepared, prepareDiagrams, type DiagramNote, type DiagramOccurrence } from '../diagrams/prepare.ts';
import { DiagramRenderer } from '../diagrams/renderer.ts';
import { diagramsSetup } from '../diagrams/setup.ts';
import type { NoteProblem } from '../notes/problems.ts';
import type { RemarkDiagramsPlugin } from '../plugins/remark-diagrams.ts';

export interface DiagramsPass {
	problems: NoteProblem[];
	occurrences: DiagramOccurrence[];
	/** Some page draws a diagram in the reader's browser: the build ships mermaid. */
	drawsInBrowser: boolean;
	/** Some MDX note computes a diagram's code: which icons it names is known only in the browser. */
	computed: boolean;
}

/**
 * The diagrams' batch pass, run before Astro renders any note, over the diagrams the catalogue
 * found: in a build it renders what the cache lacks in one headless Chromium; in dev it only reads
 * the cache (the rest is drawn in the browser). It then sets the Markdown plugin's render state to
 * a digest of what the plugin will find, so that Astro's content cache re-renders the notes when
 * that changes (a dev session's browser-drawn diagrams never reach a build).
 */
export async function runDiagramsPass(options: {
	config: SiteConfig;
	command: 'dev' | 'build';
	logger: AstroIntegrationLogger;
	notes: readonly DiagramNote[];
	plugin: RemarkDiagramsPlugin;
}): Promise<DiagramsPass> {
	const { config, command, logger, notes, plugin } = options;
	const setup = diagramsSetup(config);
	const renderHere = command === 'build' && setup.mode === 'build';
	const chromium = renderHere ? findChromium() : undefined;
	const prepared = await prepareDiagrams(notes, {
		cache: setup.cache,
		digest: setup.digest,
		projectRoot: config.projectRoot,
		startRenderer: chromium ? () => DiagramRenderer.launch(chromium) : undefined,
		onRendererError: (error) =>
			logger.warn(`Chromium (${chromium}) failed, so the remaining diagrams are drawn in the reader's browser: ${error.message}`),
	});
	const computed = notes.some((note) => note.computedDiagrams.length > 0);
	const anyDiagram = prepared.occurrences.length > 0 || computed;
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
	const state = [command, setup.mode, setup.digest, ...prepared.missingKeys].join('\n');
	plugin.renderState = createHash('sha256').update(state).digest('hex');
	return {
		problems: prepared.problems,
		occurrences: prepared.occurrences,
		drawsInBrowser: setup.mode === 'client' ? anyDiagram : prepared.drawsInBrowser,
		computed,
	};
}

/**
 * The code of `virtual:notes/diagram-icons`: the logos icons the browser needs to draw diagrams.
 * In a build, only the icons the notes' diagrams name; with no occurrences given (in dev, where
 * diagrams change as you write, or when an MDX note computes a diagram's code), the whole pack,
 * loaded when a diagram asks for it.
 */
export function diagramIconsModule(occurrences: readonly DiagramOccurrence[] | undefined): string {
	if (!occurrences) return `export default () => import('@iconify-json/logos/icons.json').then((module) => module.default);`;
	const subset = logosSubset(logosNamesIn(occurrences.map((occurrence) => occurrence.diagram.code)));
	return `const pack = ${JSON.stringify(subset)};\nexport default async () => pack;`;
}
