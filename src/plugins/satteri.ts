import type { Root } from 'hast';
import type { HastPluginDefinition, HastVisitorContext } from 'satteri';

/** A whole-tree transform: it may change the tree it is given and returns the root's new children. */
export type TreeTransform = (root: Root, context: HastVisitorContext) => Root['children'] | undefined;

/** Sätteri hands plugins frozen, lazily resolved nodes; transforms get a plain copy they may change. */
function plainCopy<T>(value: T): T {
	if (Array.isArray(value)) return value.map(plainCopy) as T;
	if (value === null || typeof value !== 'object') return value;
	const copy: Record<string, unknown> = {};
	for (const key of Object.keys(value)) {
		if (key === '_resolver' || key === '_id') continue;
		copy[key] = plainCopy((value as Record<string, unknown>)[key]);
	}
	return copy as T;
}

/**
 * Adapts a whole-tree transform to a Sätteri hast plugin. The transform runs once per document,
 * before any visitor, and its result replaces the root's children.
 */
export function hastTreePlugin(name: string, transform: TreeTransform): HastPluginDefinition {
	return {
		name,
		before(root, context) {
			const children = transform(plainCopy(root) as Root, context);
			if (children) context.replaceNode(root, { type: 'root', children } as never);
		},
	};
}
