/**
 * The local graph contract: under a note, its neighbours drawn as inline SVG laid out when the
 * site was built (`src/notes/local-graph.ts`), every node a link, and the same notes as a list.
 * No script: hover and focus are CSS (`graph.css`).
 *
 * ```html
 * <section class="graph" aria-labelledby="notes-graph-title">
 *   <h2 id="notes-graph-title" class="graph__title">Graph of linked notes</h2>
 *   <svg class="graph__drawing" viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="group" aria-labelledby="notes-graph-title">
 *     <path class="graph__edge graph__edge--link" d="M10 20L30 40M…" />  (one per kind: --tag the two share a tag, --centre from the note)
 *     <a class="graph__node graph__node--out" href="/base/vpc/">   (--centre, --both, --out, --in, --tag, --second)
 *       <title>{title}</title><circle class="graph__dot" cx cy r /><text class="graph__label" x y>{label}</text>
 *     </a>
 *   </svg>
 *   <details class="graph__list"><summary>{n} linked notes as a list</summary>
 *     <ul><li><a href="/base/vpc/">{title}</a> <span class="graph__relation">this note links to it</span></li>… <li>+{more} more</li></ul>
 *   </details>
 * </section>
 * ```
 *
 * The centre's node links to its own page, with `aria-current="page"`.
 */
export const GRAPH_CLASS = 'graph';
export const GRAPH_TITLE_ID = 'notes-graph-title';
/** How a node is related to the note in the centre. */
export type Relation = 'centre' | 'both' | 'out' | 'in' | 'tag' | 'second';

export const graphNodeClass = (relation: Relation) => `graph__node graph__node--${relation}`;

/** How the list says a node is related to the note. */
export function graphRelation(node: { relation: Relation; via?: string; sharedTags?: string[] }, titleOf: (slug: string) => string): string {
	switch (node.relation) {
		case 'centre':
			return 'this note';
		case 'both':
			return 'links both ways';
		case 'out':
			return 'this note links to it';
		case 'in':
			return 'links to this note';
		case 'tag':
			return `shares ${(node.sharedTags ?? []).map((tag) => `#${tag}`).join(', ')}`;
		case 'second':
			return node.via === undefined ? 'two steps away' : `through ${titleOf(node.via)}`;
	}
}

/**
 * The edges as one path per kind (a link or a shared tag, from the centre or not): a `<line>` each
 * was half the drawing's bytes on every page of a well-linked vault.
 */
export function graphEdgePaths(
	nodes: readonly { x: number; y: number }[],
	edges: readonly { from: number; to: number; kind: 'link' | 'tag' }[],
): { className: string; d: string }[] {
	const paths = new Map<string, string>();
	for (const { from, to, kind } of edges) {
		const className = `graph__edge graph__edge--${kind}${from === 0 || to === 0 ? ' graph__edge--centre' : ''}`;
		paths.set(className, `${paths.get(className) ?? ''}M${nodes[from].x} ${nodes[from].y}L${nodes[to].x} ${nodes[to].y}`);
	}
	return [...paths].map(([className, d]) => ({ className, d }));
}
