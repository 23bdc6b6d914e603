import { describe, expect, test } from 'vitest';
import { chooseNeighbours, graphLabel, LABEL_LENGTH, layoutGraph, localGraph, MAX_GRAPH_NODES, neighbourIndex, NODE_RADIUS, type LocalGraph } from '../../src/notes/local-graph.ts';
import { random } from '../support/random.ts';

interface TestNote {
	slug: string;
	title: string;
	tags: string[];
	/** Slugs of the notes it links to. */
	links: string[];
}

/** The index of `notes` as pages get it: each note's backlinks, made from the others' links. */
function indexOf(notes: TestNote[]) {
	return neighbourIndex(
		notes.map((note) => ({
			slug: note.slug,
			title: note.title,
			tags: note.tags,
			backlinks: notes
				.filter((other) => other.links.includes(note.slug))
				.map((other) => ({
					slug: other.slug,
					title: other.title,
					embed: false,
				})),
		})),
	);
}

const note = (slug: string, links: string[] = [], tags: string[] = []): TestNote => ({ slug, title: slug.toUpperCase(), tags, links });

/** A hub linked from `count` notes; the first 40 of them also link to ten others, which are then the most linked. */
function hub(count: number): TestNote[] {
	const spokes = Array.from({ length: count }, (_, index) => note(`spoke-${String(index).padStart(3, '0')}`, ['hub']));
	const popular = spokes.slice(450, 460).map((each) => each.slug);
	for (const spoke of spokes.slice(0, 40)) spoke.links.push(...popular);
	return [note('hub'), ...spokes];
}

/** Node boxes (dot and label, as the layout measures them) that overlap. */
function overlaps(graph: LocalGraph): string[] {
	const found: string[] = [];
	for (const [a, first] of graph.nodes.entries()) {
		for (const second of graph.nodes.slice(a + 1)) {
			const apart = Math.hypot(first.x - second.x, first.y - second.y);
			if (apart < 2 * NODE_RADIUS) found.push(`${first.slug} and ${second.slug}: centres ${apart.toFixed(1)} apart`);
		}
	}
	return found;
}

const inBounds = (graph: LocalGraph) => graph.nodes.every((node) => node.x >= 0 && node.x <= graph.width && node.y >= 0 && node.y <= graph.height);

describe('neighbourIndex', () => {
	test('reads links both ways off the backlinks, without a note linking itself', () => {
		const index = indexOf([note('a', ['b', 'a']), note('b', ['c']), note('c')]);
		expect(index.linksOut.get('a')).toEqual(new Set(['b']));
		expect(index.linksIn.get('b')).toEqual(new Set(['a']));
		expect(index.linksIn.get('c')).toEqual(new Set(['b']));
		expect(index.linksIn.has('a')).toBe(false);
	});
});

describe('chooseNeighbours', () => {
	const notes = [note('centre', ['both', 'out'], ['aws']), note('both', ['centre', 'far']), note('out'), note('in', ['centre']), note('tagged', [], ['AWS']), note('far'), note('alone')];
	const index = indexOf(notes);

	test('depth 1: links both ways first, then out and in; no tags, no second step', () => {
		const { chosen, more } = chooseNeighbours('centre', index, {
			depth: 1,
			tags: false,
		});
		expect(chosen.map(({ slug, relation }) => `${slug}:${relation}`)).toEqual(['centre:centre', 'both:both', 'in:in', 'out:out']);
		expect(more).toBe(0);
	});

	test('tags: notes sharing a tag (whatever its case), as they write it', () => {
		const { chosen } = chooseNeighbours('centre', index, {
			depth: 1,
			tags: true,
		});
		expect(chosen.at(-1)).toEqual({
			slug: 'tagged',
			relation: 'tag',
			sharedTags: ['AWS'],
		});
	});

	test('depth 2: the neighbours of neighbours, with the one they are reached through', () => {
		const { chosen } = chooseNeighbours('centre', index, {
			depth: 2,
			tags: false,
		});
		expect(chosen.at(-1)).toEqual({
			slug: 'far',
			relation: 'second',
			via: 'both',
		});
		expect(chosen.map((each) => each.slug)).not.toContain('alone');
	});

	test('a hub: capped, the most linked kept, the rest counted', () => {
		const { chosen, more } = chooseNeighbours('hub', indexOf(hub(500)), {
			depth: 2,
			tags: false,
		});
		expect(chosen).toHaveLength(MAX_GRAPH_NODES);
		expect(more).toBe(500 - (MAX_GRAPH_NODES - 1));
		// Linked from 40 spokes, then linking to ten, then the rest (linking to the hub only, left out).
		expect(chosen.slice(1, 11).map((each) => each.slug)).toEqual(Array.from({ length: 10 }, (_, index) => `spoke-${450 + index}`));
		expect(chosen.slice(11).map((each) => each.slug)).toEqual(Array.from({ length: MAX_GRAPH_NODES - 11 }, (_, index) => `spoke-${String(index).padStart(3, '0')}`));
	});
});

describe('chooseNeighbours with a tag thousands of notes share', () => {
	test('the most linked of them, then by slug; the rest counted', () => {
		const tagged = Array.from({ length: 3000 }, (_, index) => note(`n${String(index).padStart(4, '0')}`, [], ['exam']));
		// Two links each for n0000 (out) and n2999 (in), one each for n0001 and n2998, none for the others.
		tagged[0].links.push('n2999', 'n2998');
		tagged[1].links.push('n2999');
		const { chosen, more } = chooseNeighbours('centre', indexOf([note('centre', [], ['exam']), ...tagged]), { depth: 1, tags: true });
		expect(chosen.slice(1, 6).map((each) => each.slug)).toEqual(['n0000', 'n2999', 'n0001', 'n2998', 'n0002']);
		expect(chosen).toHaveLength(MAX_GRAPH_NODES);
		expect(more).toBe(3000 - (MAX_GRAPH_NODES - 1));
	});
});

describe('graphLabel', () => {
	test('keeps short titles, cuts long ones to LABEL_LENGTH characters with an ellipsis', () => {
		expect(graphLabel('VPC')).toBe('VPC');
		const long = graphLabel('An identity and access management note');
		expect([...long]).toHaveLength(LABEL_LENGTH);
		expect(long).toMatch(/^An identity and acc.*…$/);
	});

	test('never cuts a character in two', () => {
		const label = graphLabel('🌍'.repeat(30));
		expect([...label]).toHaveLength(LABEL_LENGTH);
		expect(label).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
	});
});

describe('localGraph', () => {
	test('no neighbours: no graph', () => {
		expect(
			localGraph('alone', indexOf([note('alone'), note('other')]), {
				depth: 2,
				tags: true,
			}),
		).toBeUndefined();
	});

	test('the same notes give the same drawing, coordinate for coordinate', () => {
		const notes = [note('a', ['b', 'c']), note('b', ['c']), note('c'), note('d', ['a'])];
		const graph = localGraph('a', indexOf(notes), { depth: 1, tags: false });
		expect(localGraph('a', indexOf(notes), { depth: 1, tags: false })).toEqual(graph);
		expect(graph).toMatchInlineSnapshot(`
			{
			  "edges": [
			    {
			      "from": 0,
			      "kind": "link",
			      "to": 1,
			    },
			    {
			      "from": 0,
			      "kind": "link",
			      "to": 2,
			    },
			    {
			      "from": 1,
			      "kind": "link",
			      "to": 2,
			    },
			    {
			      "from": 3,
			      "kind": "link",
			      "to": 0,
			    },
			  ],
			  "height": 146,
			  "more": 0,
			  "nodes": [
			    {
			      "label": "A",
			      "relation": "centre",
			      "slug": "a",
			      "title": "A",
			      "x": 85.4,
			      "y": 76.3,
			    },
			    {
			      "label": "B",
			      "relation": "out",
			      "slug": "b",
			      "title": "B",
			      "x": 129.5,
			      "y": 11,
			    },
			    {
			      "label": "C",
			      "relation": "out",
			      "slug": "c",
			      "title": "C",
			      "x": 164,
			      "y": 70.7,
			    },
			    {
			      "label": "D",
			      "relation": "in",
			      "slug": "d",
			      "title": "D",
			      "x": 11,
			      "y": 119.2,
			    },
			  ],
			  "width": 176,
			}
		`);
	});

	test('edges: each link once, and a tag edge from the centre to each note sharing a tag', () => {
		const graph = localGraph('a', indexOf([note('a', ['b'], ['x']), note('b', ['a']), note('c', [], ['x'])]), { depth: 1, tags: true });
		expect(graph?.edges).toEqual([
			{ from: 0, to: 1, kind: 'link' },
			{ from: 0, to: 2, kind: 'tag' },
		]);
	});

	test('a hub of 500 and a random vault at depth 2: no two nodes on each other, all within the drawing', () => {
		const hubGraph = localGraph('hub', indexOf(hub(500)), {
			depth: 1,
			tags: false,
		})!;
		expect(hubGraph.nodes).toHaveLength(MAX_GRAPH_NODES);
		expect(hubGraph.more).toBe(500 - (MAX_GRAPH_NODES - 1));
		expect(overlaps(hubGraph)).toEqual([]);
		expect(inBounds(hubGraph)).toBe(true);

		const pick = random(26);
		const vault = Array.from({ length: 200 }, (_, index) => note(`n${index}`, [], [`t${index % 7}`]));
		for (const each of vault) each.links.push(...Array.from({ length: 1 + pick.int(5) }, () => pick.pick(vault).slug));
		const index = indexOf(vault);
		for (const each of vault.slice(0, 20)) {
			const graph = localGraph(each.slug, index, { depth: 2, tags: true });
			expect(graph, each.slug).toBeDefined();
			expect(overlaps(graph!), each.slug).toEqual([]);
			expect(inBounds(graph!), each.slug).toBe(true);
		}
	});
});

describe('layoutGraph', () => {
	test('labels pushed apart: no two label boxes of a ring of long titles overlap', () => {
		const nodes = Array.from({ length: 12 }, (_, index) => ({
			label: `A rather long title ${index}`,
			ring: 1 as const,
		}));
		const edges = nodes.slice(1).map((_, index) => ({ from: 0, to: index + 1 }));
		const { points } = layoutGraph(nodes, edges);
		const boxes = points.map((point) => ({
			left: point.x - 60,
			right: point.x + 60,
			top: point.y,
			bottom: point.y + 20,
		}));
		const overlapping = boxes.flatMap((box, a) =>
			boxes.slice(a + 1).flatMap((other, b) => (box.left < other.right && other.left < box.right && box.top < other.bottom && other.top < box.bottom ? [`${a}-${a + b + 1}`] : [])),
		);
		expect(overlapping).toEqual([]);
	});
});
