import type { Element, ElementContent, Root, RootContent } from 'hast';
import { isBlank } from '../dom/hast.ts';
import { sectionsContent, type TabSection } from '../dom/tabs.ts';
import { emptyTopicNote, topicElement } from '../dom/topic.ts';
import { hastTreePlugin } from './satteri.ts';

const isHeading = (node: RootContent, tagName: string): node is Element =>
	node.type === 'element' && node.tagName === tagName;

/** A topic ends at the next `##` or `#`. */
const endsTopic = (node: RootContent) => isHeading(node, 'h1') || isHeading(node, 'h2');

type JsxAttribute = { type: string; name?: string; value?: unknown };
type JsxElement = { type: string; name?: string; attributes?: JsxAttribute[] };

/**
 * MDX `<Tabs>` inside a topic gets the topic's id, so its sections get the same ids as `###`
 * sections. Returns a new node; the tree's own nodes are never changed.
 */
function withTopic(node: RootContent, topicId: string): RootContent {
	const jsx = node as unknown as JsxElement;
	if (jsx.type !== 'mdxJsxFlowElement' || jsx.name !== 'Tabs' || !jsx.attributes) return node;
	if (jsx.attributes.some((attribute) => attribute.name === 'topic')) return node;
	const attributes = [...jsx.attributes, { type: 'mdxJsxAttribute', name: 'topic', value: topicId }];
	return { ...jsx, attributes } as unknown as RootContent;
}

function buildTopic(heading: Element, nodes: RootContent[]): Element {
	const firstSection = nodes.findIndex((node) => isHeading(node, 'h3'));
	const topicId = String(heading.properties.id);
	const intro = (firstSection === -1 ? nodes : nodes.slice(0, firstSection)).map((node) =>
		withTopic(node, topicId),
	) as ElementContent[];
	const sections: TabSection[] = [];
	if (firstSection !== -1) {
		for (const node of nodes.slice(firstSection) as ElementContent[]) {
			if (node.type === 'element' && node.tagName === 'h3') sections.push({ heading: node, content: [] });
			else sections[sections.length - 1].content.push(node);
		}
	}
	const hasIntro = !intro.every(isBlank);
	const body = sectionsContent(sections);
	if (body.length === 0 && !hasIntro) body.push(emptyTopicNote());
	return topicElement(heading, [...(hasIntro ? intro : []), ...body]);
}

/**
 * Turns each `##` topic of a note into a `<section class="topic">` and its `###` sections into
 * tabs (see `src/dom/tabs.ts`). Empty sections are dropped; one non-empty section is shown without
 * a tab bar; a topic with nothing in it says "No notes yet". Expects the ids of
 * {@link import('./rehype-note-headings.ts').noteHeadings}.
 */
export function sectionTabs(root: Root): Root['children'] | undefined {
	const output: RootContent[] = [];
	const children = root.children;
	for (let index = 0; index < children.length; index++) {
		const node = children[index];
		if (!isHeading(node, 'h2')) {
			output.push(node);
			continue;
		}
		let end = index + 1;
		while (end < children.length && !endsTopic(children[end])) end++;
		output.push(buildTopic(node, children.slice(index + 1, end)), { type: 'text', value: '\n' });
		index = end - 1;
	}
	return output.length === children.length && output.every((node, i) => node === children[i]) ? undefined : output;
}

export function rehypeSectionTabs() {
	return hastTreePlugin('rehype-section-tabs', (root) => sectionTabs(root));
}
