import { satteri, type SatteriProcessorOptions } from '@astrojs/markdown-satteri';
import type { Element, Root } from 'hast';
import { markdownToMdast, mdxToMdast, type Custom, type Features, type HastPluginDefinition, type HastVisitorContext, type MdastNode } from 'satteri';

/**
 * The one place that knows Sätteri beyond its documented API. Every use of its internal fields is
 * here, and `tests/plugins/satteri.test.ts` holds them to the pinned version: an upgrade that
 * changes them fails there, with a message, instead of silently dropping tabs or headings.
 */

export type NoteFormat = 'md' | 'mdx';

/** The Markdown features of every note, in the site's pipeline and in the catalogue's one parse. */
export const MARKDOWN_FEATURES = { gfm: true, smartPunctuation: true, math: true, headingAttributes: true } as const satisfies Features;

/**
 * Astro's Sätteri processor, with each note's source passed through `prepare` before it is parsed,
 * by the `.md` renderer and the `.mdx` one alike (Sätteri has no hook of its own for it).
 */
export function notesProcessor(options: SatteriProcessorOptions, prepare: (source: string) => string): ReturnType<typeof satteri> {
	const processor = satteri(options);
	return {
		...processor,
		async createRenderer(shared) {
			const renderer = await processor.createRenderer(shared);
			return { render: (content, renderOptions) => renderer.render(prepare(content), renderOptions) };
		},
		async createMdxRenderer(shared, mdx) {
			const renderer = await processor.createMdxRenderer!(shared, mdx);
			return { process: (content, filePath, frontmatter) => renderer.process(prepare(content), filePath, frontmatter) };
		},
	};
}

/**
 * A plugin's look at a note's source before it walks the tree: may the note hold `pattern`? An
 * embed (`![[Note]]`) brings another note's text into the tree during the parse, so a note with
 * one may hold anything.
 */
export function sourceMayHold(source: string, pattern: string | RegExp | ((source: string) => boolean)): boolean {
	if (source.includes('![[')) return true;
	return typeof pattern === 'string' ? source.includes(pattern) : typeof pattern === 'function' ? pattern(source) : pattern.test(source);
}

/** A note's mdast tree with positions, parsed as the pipeline parses it; throws on an MDX syntax error. */
export function parseNoteTree(source: string, format: NoteFormat): MdastNode {
	return (format === 'mdx' ? mdxToMdast : markdownToMdast)(source, { features: MARKDOWN_FEATURES, position: true });
}

/**
 * A whole-tree transform: the root in, the root's new children out (or `undefined` to leave the
 * tree as it is). Sätteri's nodes are frozen: a transform builds new nodes around the existing
 * ones and never changes them, which also lets Sätteri keep unchanged subtrees as they are.
 */
export type TreeTransform = (root: Root, context: HastVisitorContext) => Root['children'] | undefined;

/**
 * A plain, changeable copy of a Sätteri tree, for a transform that edits in place. It costs a full
 * re-encode of the document, so take it only when there is something to change.
 */
export function mutableCopy<T>(value: T): T {
	if (Array.isArray(value)) return value.map(mutableCopy) as T;
	if (value === null || typeof value !== 'object') return value;
	const copy: Record<string, unknown> = {};
	for (const key of Object.keys(value)) {
		if (key === '_resolver' || key === '_id') continue;
		copy[key] = mutableCopy((value as Record<string, unknown>)[key]);
	}
	return copy as T;
}

/** Adapts a whole-tree transform to a Sätteri hast plugin, run once per document before any visitor. */
export function hastTreePlugin(name: string, transform: TreeTransform): HastPluginDefinition {
	return {
		name,
		before(root, context) {
			const children = transform(root as Root, context);
			if (children) context.replaceNode(root, { type: 'root', children });
		},
	};
}

/**
 * Sätteri's id for a node of the tree being edited, the same number however the node reached the
 * plugin: as a node a visitor matched (`_nid`), as a child stub in its parent's `children` (`_id`),
 * or as a node already copied to JavaScript earlier in the pass (`_nodeId`). Reading it, like
 * `type`, copies nothing from Rust, so a plugin can recognise nodes it has seen without reading
 * them again. These are Sätteri's internal fields, so a node without one is an error, not a guess.
 */
export function nodeId(node: object): number {
	const { _nid: visited, _id: stub, _nodeId: copied } = node as { _nid?: unknown; _id?: unknown; _nodeId?: unknown };
	for (const id of [visited, stub, copied]) if (typeof id === 'number') return id;
	throw new Error('A Markdown plugin could not read a node id: this version of Sätteri is not the one the notes pipeline was built for.');
}

/**
 * An mdast node that renders as a hast element (a DOM contract's markup), through Sätteri's
 * `data.hName` / `hProperties` / `hChildren`. `type` names it for plugins that come later.
 */
export function elementNode(element: Element, type = 'notesElement'): Custom {
	return { type, data: { hName: element.tagName, hProperties: element.properties, hChildren: element.children } };
}
