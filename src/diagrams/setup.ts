import path from 'node:path';
import type { SiteConfig } from '../config/site.ts';
import { DiagramCache, renderSettings, settingsDigest } from './cache.ts';

export interface DiagramsSetup {
	cache: DiagramCache;
	/** Digest of the render settings, part of every cache key. */
	digest: string;
	mode: SiteConfig['diagrams'];
}

/** The cache folder, settings digest and mode the batch pass and the Markdown plugin share. */
export function diagramsSetup(config: Pick<SiteConfig, 'projectRoot' | 'diagramsCache' | 'diagrams'>): DiagramsSetup {
	return {
		cache: new DiagramCache(path.resolve(config.projectRoot, config.diagramsCache)),
		digest: settingsDigest(renderSettings()),
		mode: config.diagrams,
	};
}
