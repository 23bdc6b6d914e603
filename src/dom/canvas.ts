import type { Element } from 'hast';
import { h, propertyName, text } from './hast.ts';
import { VISUALLY_HIDDEN_CLASS } from './link.ts';

/**
 * The canvas contract: the page a JSON Canvas file (`board.canvas`) becomes. The board is a list
 * in reading order (groups with their members, each level sorted by y then x), every card
 * absolutely placed by its x, y, width and height; the edges are an SVG layer behind the cards,
 * and a list of connections in words:
 *
 * ```html
 * <notes-canvas class="canvas" data-canvas-width="1200" data-canvas-height="800">
 *   <div class="canvas__toolbar" data-pagefind-ignore>
 *     <button type="button" class="canvas__button" data-canvas-zoom="in" aria-label="Zoom in" hidden>+</button>
 *     … zoom out (−), fit …
 *     <label class="canvas__as-list-label"><input type="checkbox" class="canvas__as-list"> Show as a list</label>
 *   </div>
 *   <div class="canvas__viewport" tabindex="0" role="region" aria-label="Canvas: 5 cards" style="aspect-ratio:1200 / 800">
 *     <div class="canvas__board" style="width:1200px;height:800px">
 *       <svg class="canvas__edges" aria-hidden="true" data-pagefind-ignore>
 *         <g class="canvas__edge-group" style="--canvas-color:…"><path class="canvas__edge" d="M… C…"/>
 *           <polygon class="canvas__arrow" points="…"/><text class="canvas__edge-label" x="…" y="…">label</text></g>
 *       </svg>
 *       <ul>
 *         <li><div class="canvas__node" data-canvas-node="group" style="left:…;top:…;width:…;height:…;--canvas-color:…">
 *           <p class="canvas__group-label">Label</p></div>
 *           <ul><li><div class="canvas__node" data-canvas-node="text" style="…">…the card's Markdown…</div></li></ul>
 *         </li>
 *       </ul>
 *     </div>
 *   </div>
 *   <div class="canvas__connections"><p>Connections</p><ul><li>A → B: label</li></ul></div>
 * </notes-canvas>
 * ```
 *
 * `data-canvas-node` is `text`, `file`, `link` or `group`. A text card holds its Markdown as
 * rendered, a file card the embed of its note (`.embed`) or its image (`.figure`), or a link to
 * the file; a link card, a link. The lists are the Markdown's own (the note's source is written
 * by `src/notes/canvas.ts`), so their order is what a screen reader reads. Without JavaScript the
 * viewport scrolls, and "Show as a list" (a checkbox read by CSS alone) lays the same list out as
 * a list. `<notes-canvas>` shows the zoom buttons and pans and zooms the board (`transform` on it).
 */
export const CANVAS_TAG = 'notes-canvas';
export const CANVAS_CLASS = 'canvas';
export const CANVAS_TOOLBAR_CLASS = 'canvas__toolbar';
export const CANVAS_BUTTON_CLASS = 'canvas__button';
export const CANVAS_AS_LIST_CLASS = 'canvas__as-list';
export const CANVAS_VIEWPORT_CLASS = 'canvas__viewport';
export const CANVAS_BOARD_CLASS = 'canvas__board';
export const CANVAS_EDGES_CLASS = 'canvas__edges';
export const CANVAS_EDGE_CLASS = 'canvas__edge';
export const CANVAS_EDGE_LABEL_CLASS = 'canvas__edge-label';
export const CANVAS_NODE_CLASS = 'canvas__node';
export const CANVAS_GROUP_LABEL_CLASS = 'canvas__group-label';
export const CANVAS_CONNECTIONS_CLASS = 'canvas__connections';
/** On a node: its kind. */
export const CANVAS_NODE_ATTRIBUTE = 'data-canvas-node';
/** On a zoom button: `in`, `out` or `fit`. */
export const CANVAS_ZOOM_ATTRIBUTE = 'data-canvas-zoom';
/** The JSON Canvas preset colours: `"1"` red … `"6"` purple, drawn from `--canvas-color-1` … in canvas.css. */
export const CANVAS_PRESET_COLORS = ['1', '2', '3', '4', '5', '6'] as const;

export type CanvasZoom = 'in' | 'out' | 'fit';
export type CanvasNodeKind = 'text' | 'file' | 'link' | 'group';

/** A box on the board, in pixels from its top left corner. */
export interface BoardBox {
	left: number;
	top: number;
	width: number;
	height: number;
}

/** The CSS colour of a node or edge: a preset's theme variable, or the hex colour as written. */
export const canvasColor = (color: string): string => (CANVAS_PRESET_COLORS.includes(color as never) ? `var(--canvas-color-${color})` : color);

const ZOOM_BUTTONS: { zoom: CanvasZoom; label: string; shown: string }[] = [
	{ zoom: 'in', label: 'Zoom in', shown: '+' },
	{ zoom: 'out', label: 'Zoom out', shown: '−' },
	{ zoom: 'fit', label: 'Fit the board in view', shown: 'Fit' },
];

/**
 * The board's frame: the element, its toolbar, viewport, board and edges. The element, the
 * viewport and the board are given empty: the note's Markdown (the cards) stands inside them.
 */
export function canvasFrame({ width, height, cards, edges }: { width: number; height: number; cards: number; edges: Element[] }): Record<'root' | 'toolbar' | 'viewport' | 'board' | 'edges', Element> {
	return {
		root: h(CANVAS_TAG, { className: [CANVAS_CLASS], dataCanvasWidth: width, dataCanvasHeight: height }),
		toolbar: h('div', { className: [CANVAS_TOOLBAR_CLASS], dataPagefindIgnore: '' }, [
			...ZOOM_BUTTONS.map(({ zoom, label, shown }) =>
				h('button', { type: 'button', className: [CANVAS_BUTTON_CLASS], [propertyName(CANVAS_ZOOM_ATTRIBUTE)]: zoom, ariaLabel: label, hidden: true }, [text(shown)]),
			),
			h('label', { className: ['canvas__as-list-label'] }, [h('input', { type: 'checkbox', className: [CANVAS_AS_LIST_CLASS] }), text(' Show as a list')]),
		]),
		viewport: h('div', {
			className: [CANVAS_VIEWPORT_CLASS],
			tabIndex: 0,
			role: 'region',
			ariaLabel: `Canvas: ${cards} ${cards === 1 ? 'card' : 'cards'}`,
			style: `aspect-ratio:${Math.max(width, 1)} / ${Math.max(height, 1)}`,
		}),
		board: h('div', { className: [CANVAS_BOARD_CLASS], style: `width:${width}px;height:${height}px` }),
		edges: h('svg', { className: [CANVAS_EDGES_CLASS], ariaHidden: 'true', dataPagefindIgnore: '', width, height, viewBox: `0 0 ${width} ${height}` }, edges),
	};
}

/** The connections in words, after the board; none without edges. */
export function canvasConnections(connections: string[]): Element | undefined {
	if (connections.length === 0) return undefined;
	return h('div', { className: [CANVAS_CONNECTIONS_CLASS] }, [
		h('p', { className: ['canvas__connections-title'] }, [text('Connections')]),
		h('ul', {}, connections.map((connection) => h('li', {}, [text(connection)]))),
	]);
}

/** A card's box: empty for the Markdown of a card to fill, or holding a group's label (hidden when it has none: screen readers still hear a group). */
export function canvasNode(kind: CanvasNodeKind, box: BoardBox, color: string | undefined, label?: string): Element {
	const style = `left:${box.left}px;top:${box.top}px;width:${box.width}px;height:${box.height}px${color ? `;--canvas-color:${canvasColor(color)}` : ''}`;
	const children =
		kind === 'group' ? [h('p', { className: label ? [CANVAS_GROUP_LABEL_CLASS] : [CANVAS_GROUP_LABEL_CLASS, VISUALLY_HIDDEN_CLASS] }, [text(label || 'Group')])] : [];
	return h('div', { className: [CANVAS_NODE_CLASS], [propertyName(CANVAS_NODE_ATTRIBUTE)]: kind, style }, children);
}

/** An edge of the SVG layer: its path, arrow heads and label. */
export function canvasEdge(edge: { path: string; arrows: string[]; color?: string; label?: { text: string; x: number; y: number } }): Element {
	const style = edge.color ? `--canvas-color:${canvasColor(edge.color)}` : undefined;
	return h('g', { className: ['canvas__edge-group'], style }, [
		h('path', { className: [CANVAS_EDGE_CLASS], d: edge.path }),
		...edge.arrows.map((points) => h('polygon', { className: ['canvas__arrow'], points })),
		...(edge.label ? [h('text', { className: [CANVAS_EDGE_LABEL_CLASS], x: String(edge.label.x), y: String(edge.label.y), textAnchor: 'middle', dominantBaseline: 'middle' }, [text(edge.label.text)])] : []),
	]);
}
