import type { Nodes as MdastNodes } from 'mdast';
import type { MdxFlowExpression, MdxJsxFlowElement, MdxJsxTextElement, MdxTextExpression } from 'satteri';

/** A node of a note's mdast tree, MDX nodes included. */
export type NoteNode = MdastNodes | MdxJsxFlowElement | MdxJsxTextElement | MdxFlowExpression | MdxTextExpression;

export const childrenOf = (node: NoteNode): NoteNode[] => ('children' in node ? (node.children as NoteNode[]) : []);

/** Every node of an mdast tree, parents before their children, in document order. */
export function* walkMdast(node: NoteNode): Generator<NoteNode> {
	yield node;
	for (const child of childrenOf(node)) yield* walkMdast(child);
}
