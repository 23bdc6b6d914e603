import { cpSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { AstroIntegrationLogger } from 'astro';
import type { SiteConfig } from '../config/site.ts';
import { CHROMIUM_CANDIDATES, findChromium } from '../diagrams/chromium.ts';
import { DrawingRenderer } from '../drawings/renderer.ts';
import { DRAWINGS_FOLDER, DrawingCache, prepareDrawings, type PreparedDrawings } from '../drawings/prepare.ts';
import type { Catalogue } from '../notes/catalogue.ts';
import { publishFiles } from '../notes/files.ts';

/** The drawings' cache, beside the diagrams'. */
export const drawingCache = (config: Pick<SiteConfig, 'projectRoot' | 'diagramsCache'>): DrawingCache =>
	new DrawingCache(path.join(path.resolve(config.projectRoot, config.diagramsCache), 'drawings'));

/**
 * The drawings' pass, run with the diagrams' before any page renders: every drawing (each has its
 * page), its export or its SVG drawn in Chromium (which starts only when the cache lacks a drawing).
 */
export async function runDrawingsPass(options: { config: SiteConfig; logger: AstroIntegrationLogger; catalogue: Catalogue }): Promise<PreparedDrawings> {
	const { config, logger, catalogue } = options;
	const shown = [...catalogue.drawings.values()];
	const chromium = findChromium();
	const prepared = await prepareDrawings(shown, {
		cache: drawingCache(config),
		resolver: catalogue.resolver,
		notesRoot: catalogue.notesRoot,
		projectRoot: config.projectRoot,
		startRenderer: chromium ? () => DrawingRenderer.launch(chromium) : undefined,
		onRendererError: (error) => logger.warn(`Chromium (${chromium}) failed, so some drawings show a placeholder: ${error.message}`),
	});
	if (shown.length > 0) {
		logger.info(`Drawings: ${prepared.exports.length > 0 ? `${new Set(prepared.exports).size} exported image(s), ` : ''}${prepared.rendered} drawn now, ${prepared.drawn.length - prepared.rendered} from the cache.`);
	}
	if (prepared.undrawn > 0) {
		const looked = process.env.CHROMIUM_PATH ? `CHROMIUM_PATH=${process.env.CHROMIUM_PATH}` : CHROMIUM_CANDIDATES.join(', ');
		logger.warn(`No Chrome or Chromium found (looked at ${looked}), so ${prepared.undrawn} drawing(s) without an exported image show a placeholder. Install Chromium, set CHROMIUM_PATH, or let Obsidian's Excalidraw plugin export SVGs.`);
	}
	return prepared;
}

/** Publishes what the drawings show: the exported images at their paths, the drawn SVGs in `DRAWINGS_FOLDER`. */
export function publishDrawings(prepared: PreparedDrawings, config: Pick<SiteConfig, 'projectRoot' | 'diagramsCache'>, notesRoot: string, dist: string): void {
	publishFiles(notesRoot, dist, [...new Set(prepared.exports)]);
	if (prepared.drawn.length === 0) return;
	const cache = drawingCache(config);
	mkdirSync(path.join(dist, DRAWINGS_FOLDER), { recursive: true });
	for (const key of new Set(prepared.drawn)) {
		for (const theme of ['light', 'dark'] as const) cpSync(cache.svgFile(key, theme), path.join(dist, DRAWINGS_FOLDER, DrawingCache.svgName(key, theme)));
	}
}
