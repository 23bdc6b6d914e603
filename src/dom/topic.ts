import type { Element, ElementContent } from 'hast';
import { h, text } from './hast.ts';

/**
 * The topic contract: each `## N. Topic` of a note becomes
 *
 * ```html
 * <section class="topic" aria-labelledby="vpc-flow-logs">
 *   <h2 id="vpc-flow-logs" data-topic-number="1">VPC Flow Logs</h2>
 *   …text before the first ###, then the sections (tabs when there are two or more)…
 * </section>
 * ```
 *
 * The number is an attribute, drawn as a badge by CSS, so the heading's text, its id, the table of
 * contents and the search index all read "VPC Flow Logs".
 */
export const TOPIC_CLASS = 'topic';
export const TOPIC_NUMBER_ATTRIBUTE = 'data-topic-number';
export const TOPIC_EMPTY_CLASS = 'topic__empty';
export const TOPIC_EMPTY_TEXT = 'No notes yet';

/** `id` is the heading's, passed separately so the heading itself is not read. */
export function topicElement(heading: Element, id: string | undefined, body: ElementContent[]): Element {
	return h('section', { className: [TOPIC_CLASS], ...(id ? { ariaLabelledBy: [id] } : {}) }, [
		heading,
		...body,
	]);
}

export function emptyTopicNote(): Element {
	return h('p', { className: [TOPIC_EMPTY_CLASS] }, [text(TOPIC_EMPTY_TEXT)]);
}
