import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegrationLogger } from 'astro';
import * as pagefind from 'pagefind';
import { serveFolder } from '../dev-server/serve-folder.ts';

export class SearchIndexError extends Error {
	constructor(message: string, options?: ErrorOptions) {
		super(`Building the search index failed: ${message}`, options);
		this.name = 'SearchIndexError';
	}
}

/** The folder, below the site's output, that holds the index and Pagefind's runtime. */
export const SEARCH_BUNDLE = 'pagefind';

/**
 * Indexes the built site with Pagefind's Node API and writes the bundle to `<dist>/pagefind/`.
 * Only what pages mark with `data-pagefind-body` is indexed.
 */
export async function writeSearchIndex(dist: URL, lang: string, logger: AstroIntegrationLogger): Promise<void> {
	const started = performance.now();
	try {
		const { index, errors } = await pagefind.createIndex({ forceLanguage: lang });
		if (!index) throw new SearchIndexError(errors.join('; '));
		const added = await index.addDirectory({ path: fileURLToPath(dist) });
		if (added.errors.length > 0) throw new SearchIndexError(added.errors.join('; '));
		const written = await index.writeFiles({ outputPath: fileURLToPath(new URL(`${SEARCH_BUNDLE}/`, dist)) });
		if (written.errors.length > 0) throw new SearchIndexError(written.errors.join('; '));
		// Not Pagefind's page count, which counts every HTML file it read, indexed or not: Astro counts the pages.
		logger.info(`Search index written in ${Math.round(performance.now() - started)} ms.`);
	} catch (error) {
		if (error instanceof SearchIndexError) throw error;
		throw new SearchIndexError(error instanceof Error ? error.message : String(error), { cause: error });
	} finally {
		await pagefind.close();
	}
}

/**
 * Dev-server middleware (mounted at `<base>pagefind/`): serves the index of the last build from
 * `<outDir>/pagefind/`; without one, a 404 the search dialog explains.
 */
export function serveLastSearchIndex(outDir: string) {
	return serveFolder(path.join(outDir, SEARCH_BUNDLE));
}
