import type { PageNote } from './catalogue.ts';
import type { Relation } from '../dom/graph.ts';
import { tagKey } from './tags.ts';

/**
 * The graph of a note's neighbours its page draws: which notes (links out, links in, shared tags,
 * a second step), capped for hubs, and where each sits, laid out when the site is built. The
 * layout is deterministic (no randomness: the same notes give the same drawing) and cheap: a
 * radial start relaxed by a few force steps, then the labels pushed apart.
 */

/** The `graph` setting when it is on. */
export interface GraphSettings {
	/** `1`: the note's own links and backlinks; `2`: theirs too. */
	depth: 1 | 2;
	/** Add notes that share a tag with it. */
	tags: boolean;
}

export interface GraphNode {
	slug: string;
	title: string;
	/** The title as drawn: at most `LABEL_LENGTH` characters. */
	label: string;
	relation: Relation;
	/** For `second`: the neighbour it is reached through (the first, in the order drawn). */
	via?: string;
	/** For `tag`: the tags it shares with the centre. */
	sharedTags?: string[];
	x: number;
	y: number;
}

export interface GraphEdge {
	/** Indexes into `nodes`. */
	from: number;
	to: number;
	/** A link between the two notes, or the tags they share (centre to a `tag` node). */
	kind: 'link' | 'tag';
}

export interface LocalGraph {
	/** The centre first, then the nearest and most linked. */
	nodes: GraphNode[];
	edges: GraphEdge[];
	/** The drawing's size: every node, circle and label lies within `0…width`, `0…height`. */
	width: number;
	height: number;
	/** Neighbours left out of the drawing (past `MAX_GRAPH_NODES`). */
	more: number;
}

/** Nodes drawn at most, the centre included: a hub linked from hundreds of notes stays readable. */
export const MAX_GRAPH_NODES = 36;
/** Characters of a title drawn as a node's label; longer ones end in `…`. */
export const LABEL_LENGTH = 20;
/** Font size of the labels, in the drawing's units (`graph.css` sets the same). */
export const LABEL_SIZE = 12;
/** A drawing wider than this (a hub's) scrolls sideways on a phone rather than shrink its labels out of reading. */
export const WIDE_GRAPH = 480;
/** Radii of the dots. */
export const CENTRE_RADIUS = 8;
export const NODE_RADIUS = 5;

/** Between the dot and the baseline of its label. */
export const LABEL_OFFSET = LABEL_SIZE + 5;
/** The distance the forces settle linked nodes at. */
const EDGE_LENGTH = 70;
const FORCE_STEPS = 60;
const GRAVITY = 0.1;
const SEPARATION_STEPS = 80;
/** Room kept between two labels, and around the drawing. */
const GAP = 4;
const MARGIN = 6;

/** What the graph needs of the notes: the links between them (from their backlinks) and their tags. */
export interface NeighbourIndex {
	titles: Map<string, string>;
	linksOut: Map<string, Set<string>>;
	linksIn: Map<string, Set<string>>;
	tags: Map<string, string[]>;
	/** By tag key: the notes with it, in reading order. */
	notesByTag: Map<string, string[]>;
}

/** The notes' links, both ways, read once per catalogue off the backlinks the link graph resolved. */
export function neighbourIndex(notes: readonly Pick<PageNote, 'slug' | 'title' | 'tags' | 'backlinks'>[]): NeighbourIndex {
	const index: NeighbourIndex = {
		titles: new Map(),
		linksOut: new Map(),
		linksIn: new Map(),
		tags: new Map(),
		notesByTag: new Map(),
	};
	const add = (map: Map<string, Set<string>>, key: string, value: string) => map.get(key)?.add(value) ?? map.set(key, new Set([value]));
	for (const note of notes) {
		index.titles.set(note.slug, note.title);
		index.tags.set(note.slug, note.tags);
		for (const tag of new Set(note.tags.map(tagKey))) {
			index.notesByTag.get(tag)?.push(note.slug) ?? index.notesByTag.set(tag, [note.slug]);
		}
	}
	for (const note of notes) {
		for (const backlink of note.backlinks) {
			if (backlink.slug === note.slug || !index.titles.has(backlink.slug)) continue;
			add(index.linksOut, backlink.slug, note.slug);
			add(index.linksIn, note.slug, backlink.slug);
		}
	}
	return index;
}

const degree = (index: NeighbourIndex, slug: string) => (index.linksOut.get(slug)?.size ?? 0) + (index.linksIn.get(slug)?.size ?? 0);

interface Chosen {
	slug: string;
	relation: Relation;
	via?: string;
	sharedTags?: string[];
}

/**
 * The first `count` of `items` by `compare`, in that order, without sorting them all: a tag shared
 * by thousands of notes is looked through once per page, not sorted.
 */
function firstRanked<T>(items: Iterable<T>, compare: (a: T, b: T) => number, count: number): T[] {
	const kept: T[] = [];
	if (count <= 0) return kept;
	for (const item of items) {
		if (kept.length === count && compare(item, kept[count - 1]) >= 0) continue;
		let at = kept.length;
		while (at > 0 && compare(item, kept[at - 1]) < 0) at--;
		kept.splice(at, 0, item);
		if (kept.length > count) kept.pop();
	}
	return kept;
}

/**
 * The nodes around `centre`, nearest first: its links (both ways first), then notes sharing its
 * tags, then a second step; within each, the most linked first. At most `limit`, the centre
 * included; `more` counts the others.
 */
export function chooseNeighbours(centre: string, index: NeighbourIndex, settings: GraphSettings, limit = MAX_GRAPH_NODES): { chosen: Chosen[]; more: number } {
	const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
	const byLinks = (a: string, b: string) => degree(index, b) - degree(index, a) || byName(a, b);
	const out = index.linksOut.get(centre) ?? new Set<string>();
	const into = index.linksIn.get(centre) ?? new Set<string>();
	const chosen: Chosen[] = [{ slug: centre, relation: 'centre' }];
	let found = 0;
	const choose = <T extends [string, ...unknown[]]>(candidates: T[], compare: (a: T, b: T) => number, toChosen: (candidate: T) => Chosen) => {
		found += candidates.length;
		chosen.push(...firstRanked(candidates, compare, limit - chosen.length).map(toChosen));
	};

	const direct = new Set([...out, ...into]);
	direct.delete(centre);
	const relationOf = (slug: string): Relation => (out.has(slug) && into.has(slug) ? 'both' : out.has(slug) ? 'out' : 'in');
	choose(
		[...direct].map((slug) => [slug, relationOf(slug)] as [string, Relation]),
		([a, aRelation], [b, bRelation]) => Number(bRelation === 'both') - Number(aRelation === 'both') || byLinks(a, b),
		([slug, relation]) => ({ slug, relation }),
	);
	const taken = new Set([centre, ...direct]);
	if (settings.tags) {
		const shared = new Map<string, string[]>();
		for (const tag of new Set((index.tags.get(centre) ?? []).map(tagKey))) {
			for (const slug of index.notesByTag.get(tag) ?? []) {
				if (!taken.has(slug)) shared.get(slug)?.push(tag) ?? shared.set(slug, [tag]);
			}
		}
		for (const slug of shared.keys()) taken.add(slug);
		choose(
			[...shared],
			([a, aTags], [b, bTags]) => bTags.length - aTags.length || byLinks(a, b),
			([slug, keys]) => ({ slug, relation: 'tag', sharedTags: (index.tags.get(slug) ?? []).filter((tag) => keys.includes(tagKey(tag))) }),
		);
	}
	if (settings.depth === 2) {
		const reachedThrough = new Map<string, string[]>();
		for (const near of direct) {
			for (const slug of [...(index.linksOut.get(near) ?? []), ...(index.linksIn.get(near) ?? [])]) {
				if (taken.has(slug)) continue;
				const through = reachedThrough.get(slug);
				if (!through) reachedThrough.set(slug, [near]);
				else if (!through.includes(near)) through.push(near);
			}
		}
		choose(
			[...reachedThrough],
			([a, aVia], [b, bVia]) => bVia.length - aVia.length || byLinks(a, b),
			([slug, through]) => ({ slug, relation: 'second', via: through[0] }),
		);
	}
	return { chosen, more: found - (chosen.length - 1) };
}

/** A title as its node's label: at most `LABEL_LENGTH` characters (not cutting a character in two). */
export function graphLabel(title: string): string {
	const characters = [...title];
	if (characters.length <= LABEL_LENGTH) return title;
	return `${characters.slice(0, LABEL_LENGTH - 1).join('').trimEnd()}…`;
}

/** Characters drawn a full em wide: CJK ideographs, kana, hangul and full-width forms. */
const WIDE_CHARACTER = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

/** About how wide a label is drawn: wide characters count for a full em, others for a little over half. */
function labelWidth(label: string): number {
	let ems = 0;
	for (const character of label) ems += WIDE_CHARACTER.test(character) ? 1 : 0.6;
	return ems * LABEL_SIZE;
}

interface Point {
	x: number;
	y: number;
}

/**
 * Where each node sits. Node 0 is the centre and stays at the origin; `ring` is how many steps
 * out a node starts, and `anchor` (second ring) the node it is reached through. Direct neighbours start on a circle in their order, second steps on an outer
 * circle in the order of the neighbours they are reached through; force steps (repulsion between
 * all, springs along edges, a pull to the centre) settle them; then overlapping labels are pushed apart.
 */
export function layoutGraph(
	nodes: readonly { label: string; ring: 1 | 2; anchor?: number }[],
	edges: readonly Pick<GraphEdge, 'from' | 'to'>[],
): { points: Point[]; width: number; height: number } {
	const count = nodes.length;
	// Plain arrays of numbers: the loops below run for every page of the site.
	const xs = new Float64Array(count);
	const ys = new Float64Array(count);
	const angleOf = new Map<number, number>();
	const place = (ring: number[], radius: number) =>
		ring.forEach((index, position) => {
			const angle = -Math.PI / 2 + (2 * Math.PI * position) / ring.length;
			angleOf.set(index, angle);
			xs[index] = radius * Math.cos(angle);
			ys[index] = radius * Math.sin(angle);
		});
	const firstRing = nodes.flatMap((node, index) => (index > 0 && node.ring === 1 ? [index] : []));
	const secondRing = nodes.flatMap((node, index) => (index > 0 && node.ring === 2 ? [index] : []));
	const firstRadius = Math.max(EDGE_LENGTH, (firstRing.length * 40) / (2 * Math.PI));
	place(firstRing, firstRadius);
	const anchorAngle = (index: number) => angleOf.get(nodes[index].anchor ?? -1) ?? 0;
	place(
		[...secondRing].sort((a, b) => anchorAngle(a) - anchorAngle(b) || a - b),
		firstRadius + EDGE_LENGTH,
	);

	const radius = (index: number) => (index === 0 ? CENTRE_RADIUS : NODE_RADIUS);
	const moveX = new Float64Array(count);
	const moveY = new Float64Array(count);
	const squaredLength = EDGE_LENGTH * EDGE_LENGTH;
	for (let step = 0; step < FORCE_STEPS; step++) {
		const limit = EDGE_LENGTH * 0.3 * (1 - step / FORCE_STEPS) + 1;
		moveX.fill(0);
		moveY.fill(0);
		for (let a = 0; a < count; a++) {
			for (let b = a + 1; b < count; b++) {
				const dx = xs[a] - xs[b];
				const dy = ys[a] - ys[b];
				const push = squaredLength / (dx * dx + dy * dy || 0.0001);
				moveX[a] += dx * push;
				moveY[a] += dy * push;
				moveX[b] -= dx * push;
				moveY[b] -= dy * push;
			}
		}
		for (const { from, to } of edges) {
			const dx = xs[from] - xs[to];
			const dy = ys[from] - ys[to];
			const pull = Math.sqrt(dx * dx + dy * dy) / EDGE_LENGTH;
			moveX[from] -= dx * pull;
			moveY[from] -= dy * pull;
			moveX[to] += dx * pull;
			moveY[to] += dy * pull;
		}
		for (let index = 1; index < count; index++) {
			// Pulled towards the centre, which stays in the middle of its neighbours' neighbours too.
			moveX[index] -= xs[index] * GRAVITY;
			moveY[index] -= ys[index] * GRAVITY;
			const length = Math.sqrt(moveX[index] * moveX[index] + moveY[index] * moveY[index]);
			if (length === 0) continue;
			const scale = Math.min(length, limit) / length;
			xs[index] += moveX[index] * scale;
			ys[index] += moveY[index] * scale;
		}
	}

	const halfWidths = nodes.map((node, index) => Math.max(labelWidth(node.label) / 2, radius(index)));
	const below = LABEL_OFFSET + LABEL_SIZE * 0.3;
	for (let step = 0; step < SEPARATION_STEPS; step++) {
		let moved = false;
		for (let a = 0; a < count; a++) {
			for (let b = a + 1; b < count; b++) {
				const overlapX = halfWidths[a] + halfWidths[b] - Math.abs(xs[a] - xs[b]) + GAP;
				if (overlapX <= 0) continue;
				const overlapY = Math.min(ys[a], ys[b]) + below - Math.max(ys[a] - radius(a), ys[b] - radius(b)) + GAP;
				if (overlapY <= 0) continue;
				moved = true;
				// Along the shorter overlap; the centre stays, so the other takes the whole move.
				const along = overlapX < overlapY ? xs : ys;
				const direction = Math.sign(along[b] - along[a]) || (b % 2 ? 1 : -1);
				const shift = Math.min(overlapX, overlapY);
				const shareOfA = a === 0 ? 0 : 0.5;
				along[a] -= direction * shift * shareOfA;
				along[b] += direction * shift * (1 - shareOfA);
			}
		}
		if (!moved) break;
	}

	const indexes = [...xs.keys()];
	const left = Math.min(...indexes.map((index) => xs[index] - halfWidths[index])) - MARGIN;
	const top = Math.min(...indexes.map((index) => ys[index] - radius(index))) - MARGIN;
	const right = Math.max(...indexes.map((index) => xs[index] + halfWidths[index])) + MARGIN;
	const bottom = Math.max(...ys) + below + MARGIN;
	const round = (value: number) => Math.round(value * 10) / 10;
	return {
		points: indexes.map((index) => ({
			x: round(xs[index] - left),
			y: round(ys[index] - top),
		})),
		width: Math.ceil(right - left),
		height: Math.ceil(bottom - top),
	};
}

/** The graph `centre`'s page draws, or none when it has no neighbours. */
export function localGraph(centre: string, index: NeighbourIndex, settings: GraphSettings): LocalGraph | undefined {
	const { chosen, more } = chooseNeighbours(centre, index, settings);
	if (chosen.length < 2) return undefined;
	const position = new Map(chosen.map((node, at) => [node.slug, at]));
	const edges: GraphEdge[] = [];
	const linked = new Set<string>();
	chosen.forEach((node, from) => {
		for (const target of index.linksOut.get(node.slug) ?? []) {
			const to = position.get(target);
			if (to === undefined) continue;
			const pair = from < to ? `${from} ${to}` : `${to} ${from}`;
			if (linked.has(pair)) continue;
			linked.add(pair);
			edges.push({ from, to, kind: 'link' });
		}
		if (node.relation === 'tag') edges.push({ from: 0, to: from, kind: 'tag' });
	});
	const titleOf = (slug: string) => index.titles.get(slug) ?? slug;
	const labels = chosen.map((node) => graphLabel(titleOf(node.slug)));
	const layout = layoutGraph(
		chosen.map((node, at) => ({
			label: labels[at],
			ring: node.relation === 'second' ? 2 : 1,
			anchor: node.via === undefined ? undefined : position.get(node.via),
		})),
		edges,
	);
	return {
		nodes: chosen.map((node, at) => ({
			...node,
			title: titleOf(node.slug),
			label: labels[at],
			...layout.points[at],
		})),
		edges,
		width: layout.width,
		height: layout.height,
		more,
	};
}
