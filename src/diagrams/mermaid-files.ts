import { cpSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { serveFolder } from '../dev-server/serve-folder.ts';

/**
 * Mermaid for diagrams drawn in the reader's browser: its own prebuilt ES module build, served by
 * the site from this folder (below the base). Copied, not bundled: bundling mermaid cost every
 * build seconds, and most sites never need it.
 */
export const MERMAID_FOLDER = 'notes-assets/mermaid/';
export const MERMAID_ENTRY = 'mermaid.esm.min.mjs';

const mermaidDist = () => path.dirname(createRequire(import.meta.url).resolve('mermaid/dist/mermaid.esm.min.mjs'));

/** Copies mermaid's module build (without source maps) into the built site. */
export function copyMermaid(dist: string): void {
	const from = mermaidDist();
	const to = path.join(dist, MERMAID_FOLDER);
	cpSync(path.join(from, MERMAID_ENTRY), path.join(to, MERMAID_ENTRY));
	cpSync(path.join(from, 'chunks/mermaid.esm.min'), path.join(to, 'chunks/mermaid.esm.min'), {
		recursive: true,
		filter: (source) => !source.endsWith('.map'),
	});
}

/** Dev-server middleware (mounted at `<base>notes-assets/mermaid/`): mermaid's files from node_modules. */
export function serveMermaid() {
	return serveFolder(mermaidDist());
}
