import type { Element, Root } from 'hast';
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

/** An element's classes. */
export const classesOf = (element: Element): string[] =>
	Array.isArray(element.properties.className) ? element.properties.className.map(String) : [];
