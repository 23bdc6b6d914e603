import type { Code } from 'mdast';
import type { MdastPluginDefinition, MdastVisitorContext } from 'satteri';
import { diagramFromFence, diagramFromJsx, isMermaidFence, type DiagramSource, type JsxElementNode } from '../diagrams/extract.ts';
import { diagramMarkup, type DiagramMarkupOptions } from '../diagrams/markup.ts';
import { DIAGRAM_CLIENT_FLAG, DIAGRAM_RENDER_ATTRIBUTE } from '../dom/diagram.ts';
import { FIGURES_FRONTMATTER_KEY } from '../dom/figure.ts';
import { propertyName } from '../dom/hast.ts';
import { elementNode } from './satteri.ts';

export interface RemarkDiagramsOptions extends Omit<DiagramMarkupOptions, 'mode'> {
	/** `build` (default): what the batch pass cached, the rest drawn in the browser. `client`: all in the browser. */
	mode?: DiagramMarkupOptions['mode'];
}

export const REMARK_DIAGRAMS = 'remark-diagrams';

/** The plugin object, with the field the integration stamps so that Astro's content cache notices changes. */
export type RemarkDiagramsPlugin = MdastPluginDefinition & { renderState: string };

/** Per document, in `ctx.data`: how often each diagram occurred so far, for unique ids. */
const OCCURRENCES = 'notesDiagramOccurrences';

/**
 * Replaces each ```` ```mermaid ```` fence, and each `<Diagram>` whose code is static, with the
 * diagram contract (`src/dom/diagram.ts`): the SVG the batch pass cached (`src/diagrams/prepare.ts`),
 * the error box for a diagram mermaid rejected, or, when the cache does not have it, the source
 * inside `notes-diagram`, which draws it in the browser (and the page then loads that script). It
 * only reads the cache; the batch pass renders and reports problems with their lines.
 */
export function remarkDiagrams(options: RemarkDiagramsOptions): RemarkDiagramsPlugin {
	const markupOptions: DiagramMarkupOptions = { ...options, mode: options.mode ?? 'build' };

	function replace(node: Readonly<Code> | Readonly<JsxElementNode>, diagram: DiagramSource, context: MdastVisitorContext) {
		const seen = (context.data[OCCURRENCES] ??= new Map<string, number>()) as Map<string, number>;
		const occurrence = (seen.get(diagram.code) ?? 0) + 1;
		seen.set(diagram.code, occurrence);
		const { element, inBrowser } = diagramMarkup(diagram.code, occurrence, markupOptions);
		const frontmatter = (context.data.astro as { frontmatter?: Record<string, unknown> } | undefined)?.frontmatter;
		if (frontmatter && inBrowser) frontmatter[DIAGRAM_CLIENT_FLAG] = true;
		// A diagram drawn at build time zooms in the figure dialog: the page needs its script.
		else if (frontmatter && element.properties[propertyName(DIAGRAM_RENDER_ATTRIBUTE)] === 'build') {
			frontmatter[FIGURES_FRONTMATTER_KEY] = Number(frontmatter[FIGURES_FRONTMATTER_KEY] ?? 0) + 1;
		}
		context.replaceNode(node, elementNode(element, 'notesDiagram'));
	}

	return {
		name: REMARK_DIAGRAMS,
		options: { position: true },
		renderState: '',
		code(node, context) {
			if (isMermaidFence(node)) replace(node, diagramFromFence(node), context);
		},
		mdxJsxFlowElement(node, context) {
			const diagram = diagramFromJsx(node, context.source);
			if (diagram && diagram !== 'computed') replace(node, diagram, context);
		},
	};
}
