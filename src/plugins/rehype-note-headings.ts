import type { Element } from 'hast';
import GithubSlugger from 'github-slugger';
import type { HastPluginEntry } from 'satteri';
import { TOPIC_NUMBER_ATTRIBUTE } from '../dom/topic.ts';
import { nodeId } from './satteri.ts';

export interface RehypeNoteHeadingsOptions {
	/**
	 * Remove the first `#` heading with text, because the layout shows it as the page title.
	 * Default: `true` unless the front matter has a `title`.
	 */
	liftTitle?: boolean;
}

/** `1. Topic`, `2) Topic`, `3.1 Topic`: the number the author gave the topic. */
const TOPIC_NUMBER = /^\s*(\d+(?:\.\d+)*)[.)]?\s+(?=\S)/;

/** Splits `1. VPC Flow Logs` into its number and the rest; no number → undefined. */
export function splitTopicNumber(text: string): { number: string; rest: string } | undefined {
	const match = TOPIC_NUMBER.exec(text);
	return match ? { number: match[1], rest: text.slice(match[0].length) } : undefined;
}

export type HeadingDecision =
	| { drop: true; title?: string }
	| { drop: false; id: string; topicNumber?: string };

/**
 * What happens to each heading of one note, in document order. Deterministic: a new instance per
 * note, so ids depend only on the note.
 * - Empty headings are dropped (a lone `#` line is the author's separator).
 * - The first `#` heading with text is dropped when it is the page title (returned as `title`).
 * - `## 1. VPC Flow Logs` → id `vpc-flow-logs`, number `1`; its `### concepts` → `vpc-flow-logs-concepts`.
 * - Other headings get a plain slug; ids the author wrote are kept.
 */
export class NoteHeadings {
	#slugger = new GithubSlugger();
	#titleLifted: boolean;
	#topicId: string | undefined;

	constructor(options: RehypeNoteHeadingsOptions = {}) {
		this.#titleLifted = !(options.liftTitle ?? true);
	}

	decide(heading: { depth: number; text: string; id?: string; topLevel: boolean }): HeadingDecision {
		const { depth, topLevel } = heading;
		const text = heading.text.trim();
		if (text === '') return { drop: true };
		if (depth === 1 && !this.#titleLifted) {
			this.#titleLifted = true;
			return { drop: true, title: text };
		}
		if (depth === 2 && topLevel) {
			const numbered = splitTopicNumber(text);
			const id = heading.id ?? this.#slugger.slug(numbered ? numbered.rest : text);
			this.#topicId = id;
			return { drop: false, id, topicNumber: numbered?.number };
		}
		if (depth === 3 && topLevel && this.#topicId) {
			return { drop: false, id: heading.id ?? this.#slugger.slug(`${this.#topicId} ${text}`) };
		}
		if (depth === 1 && topLevel) this.#topicId = undefined;
		return { drop: false, id: heading.id ?? this.#slugger.slug(text) };
	}
}

const HEADINGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'];

/**
 * The Sätteri plugin: applies {@link NoteHeadings} to every heading. A note without a front matter
 * `title` gets its lifted `#` heading as one, in the front matter Astro hands back with the
 * rendered note (`remarkPluginFrontmatter`), so the page title needs no second parse of the source.
 *
 * Whether a heading is top-level needs its parent, and asking Sätteri for a parent copies the
 * whole document into JavaScript. So the visitor only collects the headings (Rust finds them), and
 * `after` tells the top-level ones by their ids among the root's children, then decides in
 * document order.
 */
export function rehypeNoteHeadings(options: RehypeNoteHeadingsOptions = {}): HastPluginEntry {
	return (document) => {
		const astro = document.data.astro as { frontmatter?: { title?: unknown } } | undefined;
		const headings = new NoteHeadings({ liftTitle: options.liftTitle ?? !astro?.frontmatter?.title });
		const found: Element[] = [];
		return {
			name: 'rehype-note-headings',
			element: {
				filter: HEADINGS,
				visit(node: Element) {
					found.push(node);
				},
			},
			after(root, context) {
				if (found.length === 0) return;
				const topLevel = new Set(root.children.map((child) => nodeId(child)));
				for (const node of found) {
					const text = context.textContent(node);
					const decision = headings.decide({
						depth: Number(node.tagName[1]),
						text,
						id: typeof node.properties.id === 'string' ? node.properties.id : undefined,
						topLevel: topLevel.has(nodeId(node)),
					});
					if (decision.drop) {
						if (decision.title && astro?.frontmatter) astro.frontmatter.title = decision.title;
						// A heading whose only content is markup (an image, say) is not empty.
						const hasOnlyText = node.children.every((child) => child.type === 'text');
						if (hasOnlyText || text.trim() !== '') context.removeNode(node);
						continue;
					}
					context.setProperty(node, 'id', decision.id);
					if (decision.topicNumber) {
						context.setProperty(node, TOPIC_NUMBER_ATTRIBUTE, decision.topicNumber);
						const first = node.children[0];
						if (first?.type === 'text') {
							const value = context.textContent(first);
							context.setProperty(first, 'value', splitTopicNumber(value)?.rest ?? value);
						}
					}
				}
			},
		};
	};
}
