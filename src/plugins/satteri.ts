import type { Root } from 'hast';
import type { HastPluginDefinition, HastVisitorContext } from 'satteri';

/**
 * A whole-tree transform: the root in, the root's new children out (or `undefined` to leave the
 * tree as it is). Sätteri's nodes are frozen: a transform builds new nodes around the existing
 * ones and never changes them, which also lets Sätteri keep unchanged subtrees as they are.
 */
export type TreeTransform = (root: Root, context: HastVisitorContext) => Root['children'] | undefined;

/** Adapts a whole-tree transform to a Sätteri hast plugin, run once per document before any visitor. */
export function hastTreePlugin(name: string, transform: TreeTransform): HastPluginDefinition {
	return {
		name,
		before(root, context) {
			const children = transform(root as Root, context);
			if (children) context.replaceNode(root, { type: 'root', children } as never);
		},
	};
}
