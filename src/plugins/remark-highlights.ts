import type { PhrasingContent } from 'mdast';
import type { MdastPluginEntry, MdastTarget, MdastVisitorContext } from 'satteri';
import { sourceMayHold } from './satteri.ts';

/** `==` that is not part of `===` (a setext underline, `a === b`). */
const DELIMITER = /(?<!=)==(?!=)/g;

type Item = { node: PhrasingContent } | { canOpen: boolean; canClose: boolean };

const isSpace = (character: string | undefined) => character === undefined || /\s/.test(character);

/** The mdast type of a `==highlight==` (rendered as `<mark>`): cloze cards count them. */
export const MARK_TYPE = 'notesMark';

/** A list of phrasing nodes with `==marked==` runs as `<mark>`, or `undefined` when there is none. */
export function highlight(children: readonly PhrasingContent[]): PhrasingContent[] | undefined {
	let changed = false;
	const items: Item[] = [];
	children.forEach((original, position) => {
		let child = original;
		if ('children' in child) {
			const inner = highlight(child.children as PhrasingContent[]);
			if (inner) {
				changed = true;
				child = { ...child, children: inner } as PhrasingContent;
			}
		}
		if (child.type !== 'text' || !child.value.includes('==')) {
			items.push({ node: child });
			return;
		}
		let last = 0;
		for (const match of child.value.matchAll(DELIMITER)) {
			if (match.index > last) items.push({ node: { type: 'text', value: child.value.slice(last, match.index) } });
			// At a node's edge, the neighbour (emphasis, code, a link) is not a space.
			const before = match.index > 0 ? child.value[match.index - 1] : position > 0 ? 'x' : undefined;
			last = match.index + 2;
			const after = last < child.value.length ? child.value[last] : position < children.length - 1 ? 'x' : undefined;
			items.push({ canOpen: !isSpace(after), canClose: !isSpace(before) });
		}
		if (last < child.value.length) items.push({ node: { type: 'text', value: child.value.slice(last) } });
	});
	const output: PhrasingContent[] = [];
	/** Where the open `==` stands in `output`. */
	let opened: number | undefined;
	for (const item of items) {
		if ('node' in item) output.push(item.node);
		else if (opened !== undefined && item.canClose && output.length > opened + 1) {
			const marked = output.splice(opened + 1);
			output[opened] = { type: MARK_TYPE, data: { hName: 'mark' }, children: marked } as unknown as PhrasingContent;
			opened = undefined;
			changed = true;
		} else {
			if (opened === undefined && item.canOpen) opened = output.length;
			output.push({ type: 'text', value: '==' });
		}
	}
	return changed ? output : undefined;
}

/**
 * Obsidian's `==highlights==` as `<mark>`. As with emphasis, `==` opens before a non-space and
 * closes after one, and a highlight may hold emphasis, code or links; code keeps its `==`. Notes
 * without `==` are left alone.
 */
export function remarkHighlights(): MdastPluginEntry {
	// The node stays, with its position: a heading is found by where it starts (`rehype-note-headings`).
	const visit = (node: MdastTarget & { children: PhrasingContent[] }, context: MdastVisitorContext) => {
		const children = highlight(node.children);
		if (children) context.setProperty(node, 'children', children);
	};
	return (factory) =>
		sourceMayHold(factory.source, '==') && {
			name: 'remark-highlights',
			paragraph: visit,
			heading: visit,
			tableCell: visit,
		};
}
