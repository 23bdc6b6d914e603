import type { Element, Root } from 'hast';
import { htmlToHast } from 'satteri';
import {
	browserDiagramElement,
	diagramErrorElement,
	renderedDiagramElement,
} from '../dom/diagram.ts';
import { diagramBaseId, diagramKey, type DiagramCache, type RenderedDiagram } from './cache.ts';
import { summarizeMermaidError } from './errors.ts';
import { DIAGRAM_THEMES } from './theme.ts';

export interface DiagramMarkupOptions {
	cache: DiagramCache;
	digest: string;
	/** `client`: never use the cache; every diagram is drawn in the browser. */
	mode: 'build' | 'client';
}

function parseSvg(svg: string): Element {
	const fragment = htmlToHast(svg, { fragment: true }) as Root;
	const element = fragment.children.find((child): child is Element => child.type === 'element' && child.tagName === 'svg');
	if (!element) throw new Error('a cached diagram holds no <svg> element');
	return element;
}

function renderedElement(entry: RenderedDiagram, baseId: string, id: string): Element {
	return renderedDiagramElement({
		type: entry.type,
		label: entry.label,
		titled: entry.titled,
		variants: DIAGRAM_THEMES.map((theme) => ({
			theme,
			svg: parseSvg(id === baseId ? entry.svg[theme] : entry.svg[theme].replaceAll(baseId, id)),
		})),
	});
}

/**
 * The markup for one diagram, from the cache only: its SVG, its error box, or (not in the cache)
 * its source for the browser to draw. `occurrence` (1, 2…) counts the same diagram on one page, so
 * that each copy gets its own ids.
 */
export function diagramMarkup(
	code: string,
	occurrence: number,
	options: DiagramMarkupOptions,
): { element: Element; inBrowser: boolean } {
	const baseId = diagramBaseId(diagramKey(code, options.digest));
	const id = occurrence <= 1 ? baseId : `${baseId}-${occurrence}`;
	const entry = options.mode === 'client' ? undefined : options.cache.read(diagramKey(code, options.digest));
	if (entry?.status === 'rendered') return { element: renderedElement(entry, baseId, id), inBrowser: false };
	if (entry?.status === 'error') {
		return { element: diagramErrorElement(code, summarizeMermaidError(entry.message)), inBrowser: false };
	}
	return { element: browserDiagramElement(code, id), inBrowser: true };
}
