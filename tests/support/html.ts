import type { Element, ElementContent, Root } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { htmlToHast } from 'satteri';

/** A built page (or a fragment of one) as a tree, to query with CSS selectors rather than regexes. */
export function parseHtml(html: string, options: { fragment?: boolean } = {}): Root {
	return htmlToHast(html, { fragment: options.fragment ?? false }) as Root;
}

/** The first element matching `selector`; throws, naming the selector, when there is none. */
export function selectOne(selector: string, tree: Root | Element): Element {
	const found = select(selector, tree);
	if (!found) throw new Error(`No element matches ${JSON.stringify(selector)}.`);
	return found;
}

export { select, selectAll };

/** The text of a node, as the DOM's `textContent`, with runs of white space as one space. */
export const textOf = (node: Root | Element): string => toString(node).replace(/\s+/g, ' ').trim();

/** The text of a node exactly as the DOM's `textContent` has it: white space kept, entities decoded. */
export const rawTextOf = (node: Root | Element): string => toString(node);

/** The value of every text node below `node`, in order: what stands alone between two tags. */
export const textNodesOf = (node: Root | Element): string[] =>
	node.children.flatMap((child) => (child.type === 'text' ? [child.value] : child.type === 'element' ? textNodesOf(child) : []));

/**
 * A copy of `node` without the text nodes that are only white space (the indentation between
 * tags), to compare two trees with `toEqual` whatever their layout.
 */
export function withoutBlankText<T extends Root | Element>(node: T): T {
	const children = node.children
		.filter((child) => child.type !== 'text' || child.value.trim() !== '')
		.map((child) => (child.type === 'element' ? withoutBlankText(child) : child)) as ElementContent[];
	return { ...node, children };
}

/** An element's classes. */
export const classesOf = (element: Element): string[] =>
	Array.isArray(element.properties.className) ? element.properties.className.map(String) : [];
