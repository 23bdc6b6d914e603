import type { Nodes as MdastNodes } from 'mdast';

/** Every node of an mdast tree, parents before their children, in document order. */
export function* walkMdast(node: MdastNodes): Generator<MdastNodes> {
	yield node;
	if ('children' in node) for (const child of node.children) yield* walkMdast(child as MdastNodes);
}
