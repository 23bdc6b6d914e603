import { cpSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { DIAGRAM_TAG } from '../dom/diagram.ts';
import type { NoteFile } from '../notes/files.ts';
import { MAY_HAVE_DIAGRAMS } from './extract.ts';
import { serveFolder } from '../integration/serve-folder.ts';

/**
 * Mermaid for diagrams drawn in the reader's browser: its own prebuilt ES module build, served by
 * the site from this folder (below the base). Copied, not bundled: bundling mermaid cost every
 * build seconds, and most sites never need it.
 */
export const MERMAID_FOLDER = 'notes-assets/mermaid/';
export const MERMAID_ENTRY = 'mermaid.esm.min.mjs';

const mermaidDist = () => path.dirname(createRequire(import.meta.url).resolve('mermaid/dist/mermaid.esm.min.mjs'));

/** True when a built page holds a diagram left to the browser. */
function siteNeedsMermaid(dist: string): boolean {
	const marker = `<${DIAGRAM_TAG}`;
	const visit = (folder: string): boolean =>
		readdirSync(folder, { withFileTypes: true }).some((entry) => {
			const file = path.join(folder, entry.name);
			if (entry.isDirectory()) return visit(file);
			return entry.name.endsWith('.html') && readFileSync(file, 'utf8').includes(marker);
		});
	return visit(dist);
}

/**
 * Copies mermaid's module build (without source maps) into the built site, when a page needs it.
 * Notes without a diagram spare the look through every page.
 */
export function copyMermaidWhenNeeded(dist: string, notes: readonly Pick<NoteFile, 'source'>[]): boolean {
	if (!notes.some((note) => MAY_HAVE_DIAGRAMS.test(note.source)) || !siteNeedsMermaid(dist)) return false;
	const from = mermaidDist();
	const to = path.join(dist, MERMAID_FOLDER);
	cpSync(path.join(from, MERMAID_ENTRY), path.join(to, MERMAID_ENTRY));
	cpSync(path.join(from, 'chunks/mermaid.esm.min'), path.join(to, 'chunks/mermaid.esm.min'), {
		recursive: true,
		filter: (source) => !source.endsWith('.map'),
	});
	return true;
}

/** Dev-server middleware (mounted at `<base>notes-assets/mermaid/`): mermaid's files from node_modules. */
export function serveMermaid() {
	return serveFolder(mermaidDist());
}
