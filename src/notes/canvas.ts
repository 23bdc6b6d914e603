import path from 'node:path';
import type { Element } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { canvasConnections, canvasEdge, canvasFrame, canvasNode, CANVAS_PRESET_COLORS, type BoardBox, type CanvasNodeKind } from '../dom/canvas.ts';
import { isImageName } from './wikilinks.ts';
import type { NoteProblem } from './problems.ts';

/**
 * JSON Canvas (https://jsoncanvas.org/spec/1.0/), Obsidian's `.canvas` files: read and checked
 * here, laid out, and written as the Markdown of the note the canvas becomes, so that the one
 * Markdown pipeline renders its text cards, resolves its links and shows its images.
 */

export const isCanvasFile = (relativePath: string): boolean => relativePath.toLowerCase().endsWith('.canvas');

type Side = 'top' | 'right' | 'bottom' | 'left';
type End = 'none' | 'arrow';

export interface CanvasNode {
	id: string;
	type: CanvasNodeKind;
	x: number;
	y: number;
	width: number;
	height: number;
	color?: string;
	/** A text card's Markdown. */
	text?: string;
	/** A file card's path in the vault, and the part of it shown (`#Heading`). */
	file?: string;
	subpath?: string;
	/** A link card's address. */
	url?: string;
	/** A group's label. */
	label?: string;
	/** The line of the file that gives the node's id. */
	line?: number;
}

export interface CanvasEdge {
	id: string;
	fromNode: string;
	toNode: string;
	fromSide?: Side;
	toSide?: Side;
	fromEnd: End;
	toEnd: End;
	color?: string;
	label?: string;
	line?: number;
}

export interface Canvas {
	nodes: CanvasNode[];
	edges: CanvasEdge[];
}

type CanvasProblem = Omit<NoteProblem, 'file'>;

export type CanvasRead = { ok: true; canvas: Canvas; problems: CanvasProblem[] } | { ok: false; problem: CanvasProblem };

const SIDES: readonly string[] = ['top', 'right', 'bottom', 'left'];
const ENDS: readonly string[] = ['none', 'arrow'];
const KINDS: readonly string[] = ['text', 'file', 'link', 'group'];
const HEX_COLOR = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;
/** What a link card may lead to: a page or a mail address, never `javascript:` (its address is a link on the page). */
const WEB_ADDRESS = /^(?:https?:\/\/[^\s<>]+|mailto:[^\s<>]+)$/i;
/** What a kind of node must have besides its box. */
const REQUIRED_TEXT: Record<CanvasNodeKind, 'text' | 'file' | 'url' | undefined> = { text: 'text', file: 'file', link: 'url', group: undefined };
const HINT = 'Fix it in Obsidian or in the file (the format: https://jsoncanvas.org/spec/1.0/).';

const lineAt = (source: string, offset: number) => source.slice(0, offset).split('\n').length;

/** `Unexpected token … in JSON at position 42`: where the parse stopped, as line and column. */
function jsonErrorPosition(source: string, message: string): { line?: number; column?: number } {
	const match = /at position (\d+)/.exec(message);
	if (!match) return {};
	const offset = Number(match[1]);
	return { line: lineAt(source, offset), column: offset - source.lastIndexOf('\n', offset - 1) };
}

/** The line that gives an object's `"id"`, found in the text (JSON.parse keeps no positions). */
function idLines(source: string): Map<string, number> {
	const lines = new Map<string, number>();
	for (const match of source.matchAll(/"id"\s*:\s*("(?:\\.|[^"\\])*")/g)) {
		const id = JSON.parse(match[1]) as string;
		if (!lines.has(id)) lines.set(id, lineAt(source, match.index));
	}
	return lines;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const optionalString = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
/** A label on one line: the board is one block of HTML, which a blank line would end. */
const oneLine = (value: unknown): string | undefined => optionalString(value)?.replace(/\s*\n\s*/g, ' ');

/** A colour as the spec writes it: a preset (`"1"`…`"6"`) or `#rrggbb`; anything else is not drawn. */
const isColor = (value: string) => CANVAS_PRESET_COLORS.includes(value as never) || HEX_COLOR.test(value);

/**
 * Reads a canvas file: its nodes and edges, each checked. A file that is not JSON, or not an
 * object, is a problem that leaves the canvas out; a node or edge that misses what the spec
 * requires is reported and left off the board, and the rest is drawn.
 */
export function readCanvas(source: string): CanvasRead {
	let data: unknown;
	try {
		data = JSON.parse(source);
	} catch (error) {
		const message = error instanceof Error ? error.message : String(error);
		return {
			ok: false,
			problem: { kind: 'invalid-canvas', ...jsonErrorPosition(source, message), message: `the canvas is not valid JSON (${message.replace(/ in JSON at position.*$/, '')}); it was left out of the site`, hint: HINT },
		};
	}
	if (!isRecord(data)) {
		return { ok: false, problem: { kind: 'invalid-canvas', line: 1, message: 'the canvas is not a JSON object with `nodes` and `edges`; it was left out of the site', hint: HINT } };
	}
	const lines = idLines(source);
	const problems: CanvasProblem[] = [];
	const report = (id: unknown, message: string) =>
		problems.push({ kind: 'invalid-canvas', line: typeof id === 'string' ? lines.get(id) : undefined, message: `${message}; it was left off the board`, hint: HINT });
	const listOf = (key: 'nodes' | 'edges'): unknown[] => {
		const value = data[key];
		if (value === undefined || Array.isArray(value)) return value ?? [];
		problems.push({ kind: 'invalid-canvas', line: 1, message: `\`${key}\` is not a list; no ${key} were drawn`, hint: HINT });
		return [];
	};
	const nodes: CanvasNode[] = [];
	for (const [index, value] of listOf('nodes').entries()) {
		const node = readNode(value, index);
		if (typeof node === 'string') report(isRecord(value) ? value.id : undefined, node);
		else nodes.push({ ...node, line: lines.get(node.id) });
	}
	const ids = new Set(nodes.map((node) => node.id));
	const edges: CanvasEdge[] = [];
	for (const [index, value] of listOf('edges').entries()) {
		const edge = readEdge(value, index, ids);
		if (typeof edge === 'string') report(isRecord(value) ? value.id : undefined, edge);
		else edges.push({ ...edge, line: lines.get(edge.id) });
	}
	for (const item of [...nodes, ...edges]) {
		if (item.color !== undefined && !isColor(item.color)) {
			problems.push({ kind: 'invalid-canvas', line: item.line, message: `"${item.id}" has the colour "${item.color}", which is neither a preset ("1" to "6") nor #rrggbb; it is drawn without`, hint: HINT });
			delete item.color;
		}
	}
	return { ok: true, canvas: { nodes, edges }, problems };
}

/** A node, or what is wrong with it. */
function readNode(value: unknown, index: number): CanvasNode | string {
	if (!isRecord(value)) return `node ${index + 1} is not an object`;
	const name = typeof value.id === 'string' && value.id ? `node "${value.id}"` : `node ${index + 1}`;
	if (typeof value.id !== 'string' || !value.id) return `${name} has no \`id\``;
	if (typeof value.type !== 'string' || !KINDS.includes(value.type)) return `${name} has the type ${JSON.stringify(value.type)}, not text, file, link or group`;
	const type = value.type as CanvasNodeKind;
	const missing = (['x', 'y', 'width', 'height'] as const).filter((key) => !isNumber(value[key]));
	if (missing.length > 0) return `${name} (${type}) has no number for ${missing.map((key) => `\`${key}\``).join(', ')}`;
	const required = REQUIRED_TEXT[type];
	if (required && typeof value[required] !== 'string') return `${name} (${type}) has no \`${required}\``;
	if (type === 'link' && !WEB_ADDRESS.test(value.url as string)) return `${name} (link) has the address ${JSON.stringify(value.url)}, which is not a web address (http:, https: or mailto:)`;
	return {
		id: value.id,
		type,
		x: value.x as number,
		y: value.y as number,
		width: Math.max(1, value.width as number),
		height: Math.max(1, value.height as number),
		color: optionalString(value.color),
		text: optionalString(value.text),
		file: optionalString(value.file),
		subpath: optionalString(value.subpath),
		url: optionalString(value.url),
		label: oneLine(value.label),
	};
}

/** An edge between two of the nodes, or what is wrong with it. */
function readEdge(value: unknown, index: number, nodes: Set<string>): CanvasEdge | string {
	if (!isRecord(value)) return `edge ${index + 1} is not an object`;
	const name = typeof value.id === 'string' && value.id ? `edge "${value.id}"` : `edge ${index + 1}`;
	if (typeof value.id !== 'string' || !value.id) return `${name} has no \`id\``;
	for (const key of ['fromNode', 'toNode'] as const) {
		if (typeof value[key] !== 'string') return `${name} has no \`${key}\``;
		if (!nodes.has(value[key])) return `${name} has the \`${key}\` "${value[key]}", which is no node of the board`;
	}
	for (const key of ['fromSide', 'toSide'] as const) {
		if (value[key] !== undefined && !SIDES.includes(value[key] as string)) return `${name} has the \`${key}\` ${JSON.stringify(value[key])}, not top, right, bottom or left`;
	}
	for (const key of ['fromEnd', 'toEnd'] as const) {
		if (value[key] !== undefined && !ENDS.includes(value[key] as string)) return `${name} has the \`${key}\` ${JSON.stringify(value[key])}, not none or arrow`;
	}
	return {
		id: value.id,
		fromNode: value.fromNode as string,
		toNode: value.toNode as string,
		fromSide: value.fromSide as Side | undefined,
		toSide: value.toSide as Side | undefined,
		fromEnd: (value.fromEnd as End | undefined) ?? 'none',
		toEnd: (value.toEnd as End | undefined) ?? 'arrow',
		color: optionalString(value.color),
		label: oneLine(value.label),
	};
}

/** Room around the cards on the board, in pixels. */
const BOARD_MARGIN = 40;
const ARROW_LENGTH = 12;
const ARROW_HALF_WIDTH = 6;

/** A node on the board: its box, and the nodes a group holds, in reading order. */
export interface PlacedNode {
	node: CanvasNode;
	box: BoardBox;
	members: PlacedNode[];
}

export interface PlacedEdge {
	edge: CanvasEdge;
	/** The SVG path: a cubic curve leaving and entering its nodes square to their sides. */
	path: string;
	/** Arrow heads, as SVG polygon points. */
	arrows: string[];
	/** The middle of the curve, where its label stands. */
	middle: { x: number; y: number };
}

export interface CanvasLayout {
	width: number;
	height: number;
	/** The top-level nodes in reading order, each group with its members. */
	nodes: PlacedNode[];
	edges: PlacedEdge[];
}

const contains = (outer: CanvasNode, inner: CanvasNode) =>
	inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;

const round = (value: number) => Math.round(value * 10) / 10;

/** Where an edge meets a node's side, and the way out of that side. */
function anchor(box: BoardBox, side: Side): { x: number; y: number; dx: number; dy: number } {
	switch (side) {
		case 'top':
			return { x: box.left + box.width / 2, y: box.top, dx: 0, dy: -1 };
		case 'bottom':
			return { x: box.left + box.width / 2, y: box.top + box.height, dx: 0, dy: 1 };
		case 'left':
			return { x: box.left, y: box.top + box.height / 2, dx: -1, dy: 0 };
		case 'right':
			return { x: box.left + box.width, y: box.top + box.height / 2, dx: 1, dy: 0 };
	}
}

/** The side of `from` that faces `to`, for an edge that names none (as Obsidian draws it). */
function facingSide(from: BoardBox, to: BoardBox): Side {
	const dx = to.left + to.width / 2 - (from.left + from.width / 2);
	const dy = to.top + to.height / 2 - (from.top + from.height / 2);
	if (Math.abs(dx) > Math.abs(dy)) return dx > 0 ? 'right' : 'left';
	return dy > 0 ? 'bottom' : 'top';
}

/** An arrow head with its tip at the anchor, pointing into the node. */
function arrowHead({ x, y, dx, dy }: ReturnType<typeof anchor>): string {
	const baseX = x + dx * ARROW_LENGTH;
	const baseY = y + dy * ARROW_LENGTH;
	const points = [
		[x, y],
		[baseX - dy * ARROW_HALF_WIDTH, baseY + dx * ARROW_HALF_WIDTH],
		[baseX + dy * ARROW_HALF_WIDTH, baseY - dx * ARROW_HALF_WIDTH],
	];
	return points.map(([px, py]) => `${round(px)},${round(py)}`).join(' ');
}

function placeEdge(edge: CanvasEdge, from: BoardBox, to: BoardBox): PlacedEdge {
	const start = anchor(from, edge.fromSide ?? facingSide(from, to));
	const end = anchor(to, edge.toSide ?? facingSide(to, from));
	const reach = Math.min(200, Math.max(40, Math.hypot(end.x - start.x, end.y - start.y) / 2));
	const c1 = { x: start.x + start.dx * reach, y: start.y + start.dy * reach };
	const c2 = { x: end.x + end.dx * reach, y: end.y + end.dy * reach };
	const path = `M${round(start.x)},${round(start.y)} C${round(c1.x)},${round(c1.y)} ${round(c2.x)},${round(c2.y)} ${round(end.x)},${round(end.y)}`;
	const arrows = [...(edge.fromEnd === 'arrow' ? [arrowHead(start)] : []), ...(edge.toEnd === 'arrow' ? [arrowHead(end)] : [])];
	const middle = { x: round((start.x + 3 * c1.x + 3 * c2.x + end.x) / 8), y: round((start.y + 3 * c1.y + 3 * c2.y + end.y) / 8) };
	return { edge, path, arrows, middle };
}

/**
 * Lays a canvas out on a board that starts at its top-left card (less a margin): each node in
 * the smallest group whose box holds it, each level in reading order (by y, then x), and each
 * edge from side to side.
 */
export function layoutCanvas(canvas: Canvas): CanvasLayout {
	const { nodes } = canvas;
	const left = Math.min(...nodes.map((node) => node.x)) - BOARD_MARGIN;
	const top = Math.min(...nodes.map((node) => node.y)) - BOARD_MARGIN;
	const boxOf = (node: CanvasNode): BoardBox => ({ left: round(node.x - left), top: round(node.y - top), width: round(node.width), height: round(node.height) });
	const area = (node: CanvasNode) => node.width * node.height;
	const groups = nodes.filter((node) => node.type === 'group');
	const parentOf = (node: CanvasNode) =>
		groups.filter((group) => group !== node && contains(group, node) && area(group) > area(node)).sort((a, b) => area(a) - area(b))[0];
	const placed = new Map(nodes.map((node) => [node, { node, box: boxOf(node), members: [] } as PlacedNode]));
	const roots: PlacedNode[] = [];
	for (const node of nodes) {
		const parent = parentOf(node);
		(parent ? placed.get(parent)!.members : roots).push(placed.get(node)!);
	}
	const inReadingOrder = (list: PlacedNode[]) => {
		list.sort((a, b) => a.node.y - b.node.y || a.node.x - b.node.x);
		for (const each of list) inReadingOrder(each.members);
	};
	inReadingOrder(roots);
	const byId = new Map(nodes.map((node) => [node.id, placed.get(node)!.box]));
	return {
		width: nodes.length === 0 ? 0 : round(Math.max(...nodes.map((node) => node.x + node.width)) - left + BOARD_MARGIN),
		height: nodes.length === 0 ? 0 : round(Math.max(...nodes.map((node) => node.y + node.height)) - top + BOARD_MARGIN),
		nodes: roots,
		edges: canvas.edges.map((edge) => placeEdge(edge, byId.get(edge.fromNode)!, byId.get(edge.toNode)!)),
	};
}

/** Files a file card embeds (a note shows its content, an image itself); others are linked. */
const EMBEDDED_FILE = /\.(?:mdx?|canvas|base)$/i;

/** How a node is named in words: a card's first line, a file's name, a link's address, a group's label. */
export function canvasNodeName(node: CanvasNode): string {
	switch (node.type) {
		case 'text': {
			const firstLine = node.text!.split('\n').find((line) => line.trim() !== '') ?? '';
			const plain = firstLine.replace(/^\s*(?:#{1,6}\s+|[-*+>]\s+|\d+[.)]\s+|\[[ xX]\]\s+)*/, '').replace(/\[\[(?:[^\]|]*\|)?([^\]]*)\]\]|[*_`~=]/g, '$1').trim();
			return plain.length > 60 ? `${plain.slice(0, 59)}…` : plain || 'Text card';
		}
		case 'file':
			return path.posix.basename(node.file!).replace(/\.md$/i, '');
		case 'link':
			return node.url!;
		case 'group':
			return node.label || 'Group';
	}
}

/** A file card's Markdown: the embed or link that the pipeline resolves like any other. */
function fileCardMarkdown(node: CanvasNode): string {
	const target = `${node.file}${node.subpath ?? ''}`;
	return EMBEDDED_FILE.test(node.file!) || isImageName(node.file!) ? `![[${target}]]` : `[[${target}]]`;
}

/** A text card's lines, a code fence it leaves open closed: what follows it on the board must stay HTML. */
function withFencesClosed(lines: string[]): string[] {
	let open: string | undefined;
	for (const line of lines) {
		const fence = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
		if (!fence) continue;
		if (!open) open = fence;
		else if (fence[0] === open[0] && fence.length >= open.length && line.trim() === fence) open = undefined;
	}
	return open ? [...lines, open] : lines;
}

/** An element's opening tag alone: the Markdown between it and its closing tag is the note's own. */
const openingTag = (element: Element): string => toHtml(element).replace(/<\/[a-z-]+>$/, '');
const closingTag = (element: Element): string => `</${element.tagName}>`;

function nodeMarkdown({ node, box, members }: PlacedNode, depth: number, lines: number[]): string[] {
	const indent = '  '.repeat(depth);
	const inner = `${indent}  `;
	const element = canvasNode(node.type, box, node.color, node.label);
	const content =
		node.type === 'text' ? withFencesClosed(node.text!.split(/\r?\n/)) : node.type === 'file' ? [fileCardMarkdown(node)] : node.type === 'link' ? [`[${node.url!.replace(/([\\[\]])/g, '\\$1')}](<${node.url}>)`] : [];
	const written =
		node.type === 'group'
			? [`${indent}- ${toHtml(element)}`, '']
			: [`${indent}- ${openingTag(element)}`, '', ...content.map((line) => (line ? inner + line : '')), '', `${inner}${closingTag(element)}`, ''];
	lines.push(...written.map(() => node.line ?? 1));
	return [...written, ...members.flatMap((member) => nodeMarkdown(member, depth + 1, lines))];
}

/** The note a canvas is, as Markdown, and for each of its lines the line of the canvas file it comes from. */
export interface CanvasNote {
	source: string;
	/** The line of the `.canvas` file each line of `source` comes from: a problem with a card is reported at the card. */
	authoredLines: number[];
	/** How many cards it has (groups apart): what an embed of the canvas says. */
	cards: number;
}

/** The Markdown of the note a canvas is: its name as the title, then the board. */
export function canvasNote(relativePath: string, canvas: Canvas): CanvasNote {
	const layout = layoutCanvas(canvas);
	const names = new Map(canvas.nodes.map((node) => [node.id, canvasNodeName(node)]));
	const edges: Element[] = layout.edges.map(({ edge, path: d, arrows, middle }) =>
		canvasEdge({ path: d, arrows, color: edge.color, label: edge.label ? { text: edge.label, ...middle } : undefined }),
	);
	const connections = canvas.edges.map((edge) => {
		const arrow = edge.fromEnd === 'arrow' && edge.toEnd === 'arrow' ? '↔' : edge.toEnd === 'arrow' ? '→' : edge.fromEnd === 'arrow' ? '←' : '—';
		return `${names.get(edge.fromNode)} ${arrow} ${names.get(edge.toNode)}${edge.label ? `: ${edge.label}` : ''}`;
	});
	const cards = canvas.nodes.filter((node) => node.type !== 'group').length;
	const authoredLines: number[] = [];
	const frame = canvasFrame({ width: layout.width, height: layout.height, cards, edges });
	const connectionList = canvasConnections(connections);
	// The board is one block of HTML, which a blank line would end: its lines follow each other, the cards' Markdown after a blank line.
	const head = [
		`# ${path.posix.basename(relativePath).replace(/\.canvas$/i, '')}`,
		'',
		openingTag(frame.root),
		toHtml(frame.toolbar),
		openingTag(frame.viewport),
		openingTag(frame.board),
		toHtml(frame.edges, { space: 'svg' }),
		'',
	];
	authoredLines.push(...head.map(() => 1));
	const body = layout.nodes.flatMap((placed) => nodeMarkdown(placed, 0, authoredLines));
	const tail = [closingTag(frame.board), closingTag(frame.viewport), ...(connectionList ? [toHtml(connectionList)] : []), closingTag(frame.root)];
	authoredLines.push(...tail.map(() => 1));
	return { source: [...head, ...body, ...tail, ''].join('\n'), authoredLines, cards };
}
