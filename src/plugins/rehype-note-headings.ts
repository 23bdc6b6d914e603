import type { Element, ElementContent, Root, RootContent } from 'hast';
import GithubSlugger from 'github-slugger';
import { textContent } from '../dom/hast.ts';
import { TOPIC_NUMBER_ATTRIBUTE } from '../dom/topic.ts';
import { hastTreePlugin } from './satteri.ts';

export interface RehypeNoteHeadingsOptions {
	/**
	 * Remove the first `#` heading with text, because the layout shows it as the page title.
	 * Default: `true` unless the front matter has a `title`.
	 */
	liftTitle?: boolean;
}

const HEADING = /^h([1-6])$/;
/** `1. Topic`, `2) Topic`, `3.1 Topic`: the number the author gave the topic. */
const TOPIC_NUMBER = /^\s*(\d+(?:\.\d+)*)[.)]?\s+(?=\S)/;

function headingDepth(node: RootContent | ElementContent): number {
	if (node.type !== 'element') return 0;
	const match = HEADING.exec(node.tagName);
	return match ? Number(match[1]) : 0;
}

/** Splits the leading `1.` off a topic heading; returns the number, or undefined. */
function takeTopicNumber(heading: Element): string | undefined {
	const first = heading.children[0];
	if (first?.type !== 'text') return undefined;
	const match = TOPIC_NUMBER.exec(first.value);
	if (!match) return undefined;
	first.value = first.value.slice(match[0].length);
	return match[1];
}

/**
 * Gives every heading of a note the shape the site relies on:
 * - drops empty headings (a lone `#` line is the author's separator);
 * - lifts the first `#` heading with text out of the body when it is the page title;
 * - moves a topic's number (`## 1. VPC Flow Logs`) into `data-topic-number`;
 * - sets deterministic ids: `vpc-flow-logs` for a topic, `vpc-flow-logs-concepts` for its
 *   `### concepts`, a plain slug for any other heading. Ids the author wrote are kept.
 */
export function noteHeadings(root: Root, options: RehypeNoteHeadingsOptions = {}): Root['children'] {
	const liftTitle = options.liftTitle ?? true;
	const slugger = new GithubSlugger();
	let titleLifted = !liftTitle;
	let topicId: string | undefined;

	const visit = <T extends RootContent | ElementContent>(nodes: T[], topLevel: boolean): T[] => {
		const kept: T[] = [];
		for (const node of nodes) {
			const depth = headingDepth(node);
			if (depth === 0) {
				if (node.type === 'element' || (node.type as string) === 'mdxJsxFlowElement') {
					const parent = node as unknown as Element;
					parent.children = visit(parent.children, false);
				}
				kept.push(node);
				continue;
			}
			const heading = node as Element;
			const label = textContent(heading).trim();
			if (label === '' && heading.children.every((child) => child.type === 'text')) continue;
			if (depth === 1 && !titleLifted) {
				titleLifted = true;
				continue;
			}
			const existingId = typeof heading.properties.id === 'string' ? heading.properties.id : undefined;
			if (depth === 2 && topLevel) {
				const number = takeTopicNumber(heading);
				if (number) heading.properties[TOPIC_NUMBER_ATTRIBUTE] = number;
				const id = existingId ?? slugger.slug(textContent(heading).trim());
				heading.properties.id = id;
				topicId = id;
			} else if (depth === 3 && topicId && topLevel) {
				heading.properties.id = existingId ?? slugger.slug(`${topicId} ${label}`);
			} else {
				heading.properties.id = existingId ?? slugger.slug(label);
				if (depth === 1 && topLevel) topicId = undefined;
			}
			kept.push(node);
		}
		return kept;
	};

	return visit(root.children, true);
}

/** The Sätteri plugin: runs {@link noteHeadings} on every note, reading `title` from its front matter. */
export function rehypeNoteHeadings(options: RehypeNoteHeadingsOptions = {}) {
	return hastTreePlugin('rehype-note-headings', (root, context) => {
		const astro = context.data.astro as { frontmatter?: { title?: unknown } } | undefined;
		const liftTitle = options.liftTitle ?? !astro?.frontmatter?.title;
		return noteHeadings(root, { liftTitle });
	});
}
