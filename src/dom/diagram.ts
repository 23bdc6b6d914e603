import type { Element, ElementContent } from 'hast';
import { FIGURE_MEDIA_CLASS, FIGURE_TAG, FIGURE_ZOOM_TARGET_ATTRIBUTE, zoomControls } from './figure.ts';
import { h, propertyName as property, text } from './hast.ts';

/**
 * The diagram contract. A mermaid diagram drawn at build time is inline SVG, once per theme; CSS
 * shows the one that matches `html[data-theme]` (or the system theme when JavaScript is off), so the
 * theme switch swaps them with no script and no re-render:
 *
 * ```html
 * <figure class="diagram" data-diagram="architecture" data-diagram-render="build">
 *   <notes-figure class="figure__media diagram__media">
 *     <div class="diagram__frame" role="group" tabindex="0" aria-label="{label}" data-figure-zoom-target="diagram">
 *       <svg id="dg-1a2b3c4d5e-light" data-diagram-theme="light" role="img" aria-labelledby="…" width="812" height="420" viewBox="…">…</svg>
 *       (`aria-labelledby` points at the `<title>` from `accTitle`; without one the SVG gets `aria-label`)
 *       <svg id="dg-1a2b3c4d5e-dark" data-diagram-theme="dark" data-pagefind-ignore="all" role="img" aria-labelledby="…" …>…</svg>
 *     </div>
 *     (the figure contract's zoom button and empty dialog: `zoomControls()` in figure.ts)
 *   </notes-figure>
 *   <span class="diagram__words" aria-hidden="true">{the labels, as text for the search index}</span>
 * </figure>
 * ```
 *
 * The frame scrolls sideways when the diagram is wider than the page allows (it is focusable, so
 * the keyboard can scroll it). Its zoom opens the dialog images use: `<notes-figure>` moves the
 * frame into the dialog while it is open, so the page keeps one copy of each SVG.
 *
 * A diagram that was not drawn at build time (no browser, or `NOTES_DIAGRAMS=client`) keeps its
 * source, readable without JavaScript, inside the `notes-diagram` element, which draws it in the
 * reader's browser when it nears the viewport (and inserts the same SVG as above):
 *
 * ```html
 * <figure class="diagram" data-diagram-render="browser">
 *   <notes-diagram class="diagram__frame" role="group" tabindex="0" aria-label="Diagram" data-diagram-id="dg-1a2b3c4d5e">
 *     <pre class="diagram__source">flowchart LR …</pre>
 *   </notes-diagram>
 * </figure>
 * ```
 *
 * (The code block plugin later wraps each source `<pre>` in the code block contract, which adds a
 * copy button.) A diagram mermaid rejects shows its error and its source:
 *
 * ```html
 * <figure class="diagram diagram--error" data-diagram-render="error">
 *   <figcaption class="diagram__error"><strong>This diagram could not be drawn.</strong> {mermaid's message}</figcaption>
 *   <pre class="diagram__source">…</pre>
 * </figure>
 * ```
 */
export const DIAGRAM_CLASS = 'diagram';
export const DIAGRAM_ERROR_CLASS = 'diagram--error';
export const DIAGRAM_FRAME_CLASS = 'diagram__frame';
/** Around the frame: the figure contract's zoom (`<notes-figure>`), shared with images. */
export const DIAGRAM_MEDIA_CLASS = 'diagram__media';
/** The diagram's labels as plain text, hidden, for the search index. */
export const DIAGRAM_WORDS_CLASS = 'diagram__words';
export const DIAGRAM_SOURCE_CLASS = 'diagram__source';
export const DIAGRAM_ERROR_MESSAGE_CLASS = 'diagram__error';
export const DIAGRAM_TAG = 'notes-diagram';
/** On the figure: mermaid's diagram type. */
export const DIAGRAM_TYPE_ATTRIBUTE = 'data-diagram';
/** On the figure: `build` (inline SVG), `browser` (drawn by `notes-diagram`) or `error`. */
export const DIAGRAM_RENDER_ATTRIBUTE = 'data-diagram-render';
export type DiagramRender = 'build' | 'browser' | 'error';
/** On each `svg`: the theme it is drawn for. */
export const DIAGRAM_THEME_ATTRIBUTE = 'data-diagram-theme';
/** On `notes-diagram`: what the SVG ids start with. */
export const DIAGRAM_ID_ATTRIBUTE = 'data-diagram-id';
/** On `notes-diagram`, once a variant is drawn. */
export const DIAGRAM_READY_ATTRIBUTE = 'data-diagram-ready';
export const DIAGRAM_ERROR_TITLE = 'This diagram could not be drawn.';
export const DIAGRAM_DEFAULT_LABEL = 'Diagram';
/**
 * Set in a note's plugin front matter (`remarkPluginFrontmatter`) when one of its diagrams is drawn
 * in the browser: the page then loads the `notes-diagram` script, and only then.
 */
export const DIAGRAM_CLIENT_FLAG = 'notesDiagramsInBrowser';

export interface RenderedDiagramInput {
	/** mermaid's diagram type. */
	type: string;
	label: string;
	/** The SVG has a `<title>` (the author's `accTitle`) that names it; else it gets `aria-label`. */
	titled: boolean;
	/** The parsed `<svg>` elements, light first; each gets `data-diagram-theme`. */
	variants: { theme: string; svg: Element }[];
}

/** The words a diagram shows (its labels), without the SVG's stylesheet. */
function diagramWords(svg: Element): string {
	const words: string[] = [];
	const visit = (node: ElementContent) => {
		if (node.type === 'text') words.push(node.value.trim());
		else if (node.type === 'element' && node.tagName !== 'style') node.children.forEach(visit);
	};
	svg.children.forEach(visit);
	return words.filter(Boolean).join(' ');
}

export function renderedDiagramElement(input: RenderedDiagramInput): Element {
	const variants = input.variants.map(({ theme, svg }, index) => ({
		...svg,
		properties: {
			...svg.properties,
			...(input.titled ? {} : { ariaLabel: input.label }),
			[property(DIAGRAM_THEME_ATTRIBUTE)]: theme,
			// Search indexes the labels once, from the first variant.
			...(index > 0 ? { dataPagefindIgnore: 'all' } : {}),
		},
	}));
	return h(
		'figure',
		{
			className: [DIAGRAM_CLASS],
			[property(DIAGRAM_TYPE_ATTRIBUTE)]: input.type,
			[property(DIAGRAM_RENDER_ATTRIBUTE)]: 'build' satisfies DiagramRender,
		},
		[
			h(FIGURE_TAG, { className: [FIGURE_MEDIA_CLASS, DIAGRAM_MEDIA_CLASS] }, [
				h(
					'div',
					{ className: [DIAGRAM_FRAME_CLASS], role: 'group', tabIndex: 0, ariaLabel: input.label, [property(FIGURE_ZOOM_TARGET_ATTRIBUTE)]: 'diagram' },
					variants,
				),
				...zoomControls(input.label, 'diagram'),
			]),
			// Search does not read inside SVG: the labels again, as text only search sees.
			h('span', { className: [DIAGRAM_WORDS_CLASS], ariaHidden: 'true' }, [text(diagramWords(input.variants[0].svg))]),
		],
	);
}

/** The source as written. A `<pre>` without `<code>`, so the syntax highlighter leaves it alone. */
function sourceElement(code: string): Element {
	return h('pre', { className: [DIAGRAM_SOURCE_CLASS] }, [text(code)]);
}

/** A diagram the `notes-diagram` element draws in the browser; its SVG ids start with `id`. */
export function browserDiagramElement(code: string, id: string): Element {
	return h(
		'figure',
		{
			className: [DIAGRAM_CLASS],
			[property(DIAGRAM_RENDER_ATTRIBUTE)]: 'browser' satisfies DiagramRender,
		},
		[
			h(
				DIAGRAM_TAG,
				{
					className: [DIAGRAM_FRAME_CLASS],
					role: 'group',
					tabIndex: 0,
					ariaLabel: DIAGRAM_DEFAULT_LABEL,
					[property(DIAGRAM_ID_ATTRIBUTE)]: id,
				},
				[sourceElement(code)],
			),
		],
	);
}

/** The visible error box: mermaid's message, then the source. */
export function diagramErrorElement(code: string, message: string): Element {
	return h(
		'figure',
		{ className: [DIAGRAM_CLASS, DIAGRAM_ERROR_CLASS], [property(DIAGRAM_RENDER_ATTRIBUTE)]: 'error' satisfies DiagramRender },
		[diagramErrorCaption(message), sourceElement(code)],
	);
}

export function diagramErrorCaption(message: string): Element {
	const content: ElementContent[] = [h('strong', {}, [text(DIAGRAM_ERROR_TITLE)]), text(' '), text(message)];
	return h('figcaption', { className: [DIAGRAM_ERROR_MESSAGE_CLASS] }, content);
}
