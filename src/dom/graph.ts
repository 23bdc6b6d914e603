/**
 * The local graph contract: under a note, its neighbours drawn as inline SVG laid out when the
 * site was built (`src/notes/local-graph.ts`), every node a link, and the same notes as a list.
 * No script: hover and focus are CSS (`graph.css`).
 *
 * ```html
 * <section class="graph" aria-labelledby="notes-graph-title">
 *   <h2 id="notes-graph-title" class="graph__title">Graph of linked notes</h2>
 *   <svg class="graph__drawing" viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="group" aria-labelledby="notes-graph-title">
 *     <line class="graph__edge graph__edge--link" x1… />           (--tag: the two share a tag)
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
