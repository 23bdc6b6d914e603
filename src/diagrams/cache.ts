import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { DIAGRAM_THEMES, mermaidConfig, type DiagramTheme } from './theme.ts';

/**
 * The disk cache of rendered diagrams: one JSON file per diagram, named by its key, the SHA-256 of
 * the diagram's code and the render settings (mermaid's version, the icon pack's version, both
 * themes' settings, and the entry format). Changing any of them renders the diagram again; an
 * unchanged diagram is never rendered twice, even on a machine with no browser.
 */

/** Bump when what is stored changes shape or `finishSvg` changes its output. */
export const CACHE_FORMAT = 2;

export interface RenderSettings {
	mermaid: string;
	icons: string;
	format: number;
	themes: Record<DiagramTheme, ReturnType<typeof mermaidConfig>>;
}

const require = createRequire(import.meta.url);
const packageVersion = (name: string): string =>
	(JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')) as { version: string }).version;

export function renderSettings(): RenderSettings {
	return {
		mermaid: packageVersion('mermaid'),
		icons: packageVersion('@iconify-json/logos'),
		format: CACHE_FORMAT,
		themes: Object.fromEntries(DIAGRAM_THEMES.map((theme) => [theme, mermaidConfig(theme)])) as RenderSettings['themes'],
	};
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** A digest of the render settings; part of every key. */
export const settingsDigest = (settings: RenderSettings): string => sha256(JSON.stringify(settings));

/** The cache key of one diagram. */
export const diagramKey = (code: string, digest: string): string => sha256(`${digest}\n${code}`);

/** The id every SVG id of this diagram starts with: short, stable, unique enough per page. */
export const diagramBaseId = (key: string): string => `dg-${key.slice(0, 10)}`;

/** A diagram mermaid drew, in both themes. */
export interface RenderedDiagram {
	status: 'rendered';
	/** mermaid's diagram type: `flowchart-v2`, `sequence`, `architecture`… */
	type: string;
	/** The accessible name: `accTitle`, or the type and first labels. */
	label: string;
	/** True when the author gave `accTitle` (the SVG's `<title>` names it). */
	titled: boolean;
	width: number;
	height: number;
	/** Finished SVG markup per theme; ids start with `diagramBaseId(key)`. */
	svg: Record<DiagramTheme, string>;
	/** Icons the diagram names that neither mermaid nor the logos pack has (drawn as "?"). */
	unknownIcons?: string[];
}

/** A diagram mermaid rejected. */
export interface FailedDiagram {
	status: 'error';
	/** mermaid's own message. */
	message: string;
	/** The line of the diagram's code mermaid points at (1-based), when it says. */
	line?: number;
}

export type DiagramEntry = RenderedDiagram | FailedDiagram;

export class DiagramCache {
	readonly dir: string;

	constructor(dir: string) {
		this.dir = dir;
	}

	file(key: string): string {
		return path.join(this.dir, `${key}.json`);
	}

	/** The stored entry, or undefined when there is none (or it cannot be read). */
	read(key: string): DiagramEntry | undefined {
		try {
			const entry = JSON.parse(readFileSync(this.file(key), 'utf8')) as DiagramEntry;
			return entry.status === 'rendered' || entry.status === 'error' ? entry : undefined;
		} catch {
			return undefined;
		}
	}

	/** Writes atomically, so a build that stops half-way never leaves a broken entry. */
	write(key: string, entry: DiagramEntry): void {
		mkdirSync(this.dir, { recursive: true });
		const temporary = `${this.file(key)}.${process.pid}.tmp`;
		writeFileSync(temporary, JSON.stringify(entry));
		renameSync(temporary, this.file(key));
	}
}
