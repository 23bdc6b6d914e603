import type { CatalogueNote } from '../notes/catalogue.ts';
import type { NoteProblem } from '../notes/problems.ts';
import { diagramBaseId, diagramKey, type DiagramCache, type DiagramEntry, type RenderedDiagram } from './cache.ts';
import { invalidDiagramProblem, unknownIconProblem } from './errors.ts';
import type { DiagramSource } from './extract.ts';
import { unknownIcons } from './icons.ts';
import type { DiagramRenderer, RawRender } from './renderer.ts';
import { diagramLabel, finishSvg } from './svg.ts';
import { DIAGRAM_THEMES, type DiagramTheme } from './theme.ts';
import { displayPath } from '../notes/problems.ts';

/**
 * The batch pass that runs before any page compiles: it takes every diagram the notes catalogue
 * found, takes what the cache has, renders the rest in one browser, and stores them, so that the
 * Markdown plugin only reads the cache.
 */

/** What the pass reads of a note. */
export type DiagramNote = Pick<CatalogueNote, 'file' | 'diagrams' | 'computedDiagrams'>;

export interface DiagramOccurrence {
	/** The note's path relative to the project root, for the report. */
	file: string;
	diagram: DiagramSource;
	key: string;
}

export interface PrepareOptions {
	cache: DiagramCache;
	/** `settingsDigest(renderSettings())`. */
	digest: string;
	projectRoot: string;
	/**
	 * Starts the renderer, called at most once and only when a diagram is missing from the cache;
	 * undefined when there is no browser or diagrams are drawn in the browser.
	 */
	startRenderer?: () => Promise<DiagramRenderer>;
	/** Called when the browser cannot start or dies; the diagrams not rendered stay missing. */
	onRendererError?: (error: Error) => void;
}

export interface PreparedDiagrams {
	occurrences: DiagramOccurrence[];
	problems: NoteProblem[];
	/** Distinct diagrams rendered now, taken from the cache, and left to the reader's browser. */
	rendered: number;
	cached: number;
	missing: number;
	/** Time spent rendering (browser start included), in ms. */
	renderMs: number;
	/** Keys of the diagrams left to the reader's browser. */
	missingKeys: string[];
	/** Some page draws a diagram in the reader's browser, so the site ships mermaid. */
	drawsInBrowser: boolean;
}

/** Every diagram of every note, with its cache key. */
export function findDiagrams(notes: readonly DiagramNote[], digest: string, projectRoot: string): DiagramOccurrence[] {
	return notes.flatMap((note) =>
		note.diagrams.map((diagram) => ({ file: displayPath(note.file, projectRoot), diagram, key: diagramKey(diagram.code, digest) })),
	);
}

/** Turns the renderer's raw output into a cache entry. */
export function entryFromRender(render: RawRender, baseId: string, code: string): DiagramEntry {
	if (!render.ok) return { status: 'error', message: render.message, ...(render.line ? { line: render.line } : {}) };
	const finished = Object.fromEntries(
		DIAGRAM_THEMES.map((theme) => [theme, finishSvg(render.svg[theme], `${baseId}-${theme}`)]),
	) as Record<DiagramTheme, ReturnType<typeof finishSvg>>;
	const light = finished.light;
	const entry: RenderedDiagram = {
		status: 'rendered',
		type: render.type,
		label: diagramLabel(render.type, light),
		titled: light.title !== undefined,
		width: light.width,
		height: light.height,
		svg: { light: light.svg, dark: finished.dark.svg },
	};
	const unknown = unknownIcons(code);
	return unknown.length ? { ...entry, unknownIcons: unknown } : entry;
}

/** Problems a cached entry stands for, at each place the diagram occurs. */
function problemsOf(occurrence: DiagramOccurrence, entry: DiagramEntry): NoteProblem[] {
	if (entry.status === 'error') return [invalidDiagramProblem(occurrence.file, occurrence.diagram, entry)];
	return (entry.unknownIcons ?? []).map((icon) => unknownIconProblem(occurrence.file, occurrence.diagram, icon));
}

export async function prepareDiagrams(notes: readonly DiagramNote[], options: PrepareOptions): Promise<PreparedDiagrams> {
	const occurrences = findDiagrams(notes, options.digest, options.projectRoot);
	const entries = new Map<string, DiagramEntry | undefined>();
	for (const { key } of occurrences) if (!entries.has(key)) entries.set(key, options.cache.read(key));
	const cached = [...entries.values()].filter(Boolean).length;

	let rendered = 0;
	let renderMs = 0;
	const queued = new Set<string>();
	const toRender = occurrences.filter(({ key }) => !entries.get(key) && !queued.has(key) && queued.add(key));
	if (toRender.length > 0 && options.startRenderer) {
		const started = performance.now();
		let renderer: DiagramRenderer | undefined;
		try {
			renderer = await options.startRenderer();
			for (const { key, diagram } of toRender) {
				const baseId = diagramBaseId(key);
				const entry = entryFromRender(await renderer.render(diagram.code, baseId), baseId, diagram.code);
				options.cache.write(key, entry);
				entries.set(key, entry);
				rendered++;
			}
		} catch (error) {
			options.onRendererError?.(error instanceof Error ? error : new Error(String(error)));
		} finally {
			await renderer?.close().catch(() => undefined);
			renderMs = performance.now() - started;
		}
	}

	const problems: NoteProblem[] = [];
	for (const occurrence of occurrences) {
		const entry = entries.get(occurrence.key);
		if (entry) problems.push(...problemsOf(occurrence, entry));
	}
	const missingKeys = [...entries].filter(([, entry]) => !entry).map(([key]) => key);
	// A `<Diagram>` whose code is computed is drawn in the browser unless the cache holds the same code.
	const drawsInBrowser = missingKeys.length > 0 || notes.some((note) => note.computedDiagrams.length > 0);
	return { occurrences, problems, rendered, cached, missing: missingKeys.length, renderMs, missingKeys, drawsInBrowser };
}

/** "Diagrams: 3 rendered in 4.1 s (1.4 s each), 5 from the cache." */
export function describePrepared(prepared: PreparedDiagrams): string {
	const parts: string[] = [];
	if (prepared.rendered > 0) {
		const each = prepared.renderMs / prepared.rendered;
		parts.push(`${prepared.rendered} rendered in ${(prepared.renderMs / 1000).toFixed(1)} s (${Math.round(each)} ms each)`);
	} else parts.push('0 rendered');
	parts.push(`${prepared.cached} from the cache`);
	if (prepared.missing > 0) parts.push(`${prepared.missing} left to the reader's browser`);
	return `Diagrams: ${parts.join(', ')}.`;
}
