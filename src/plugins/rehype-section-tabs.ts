import type { Element, ElementContent, Root, RootContent } from 'hast';
import type { HastPluginEntry, HastVisitorContext } from 'satteri';
import { sectionsContent, type TabSection } from '../dom/tabs.ts';
import { emptyTopicNote, topicElement } from '../dom/topic.ts';
import { headingCarriesContent } from '../notes/headings.ts';
import { htmlComments } from '../notes/html-comments.ts';
import { nodeId } from './satteri.ts';
import { summaryCardId } from '../notes/cards.ts';
import { notePathOf } from '../notes/files.ts';
import type { LinkResolver } from '../notes/links.ts';
import type { OutlineTopic } from '../notes/note-tree.ts';

/** What the visitor read of a heading: its tag, id and text. */
interface HeadingFacts {
	tagName: string;
	id: string | undefined;
	text: string;
}

/** How the transform reads the tree: facts gathered beforehand instead of the nodes' own fields. */
interface TreeReader {
	/** The facts of an `h1`, `h2` or `h3`; `undefined` for any other node. */
	heading(node: RootContent): HeadingFacts | undefined;
	/** The footnotes' section, which closes the note, not its last topic. */
	isFootnotes(node: RootContent): boolean;
	/** True for whitespace-only text and comments (raw HTML comments too): content that renders as nothing. */
	isBlank(node: RootContent): boolean;
	/** The id of a topic's summary card (`src/notes/cards.ts`); `undefined` outside the notes folder. */
	summaryCard(topicId: string): string | undefined;
	/** What the catalogue decided about the topic with this id: whether it says "No notes yet", whether its sections stand stacked. */
	topic(topicId: string): Pick<OutlineTopic, 'empty' | 'stacked'> | undefined;
}

/**
 * MDX `<Tabs>` inside a topic gets the topic's id, so its sections get the same ids as `###`
 * sections. Returns a new node; the tree's own nodes are never changed.
 */
function withTopic(node: RootContent, topicId: string | undefined, summaryCard: string | undefined): RootContent {
	if (node.type !== 'mdxJsxFlowElement' || node.name !== 'Tabs' || !topicId) return node;
	if (node.attributes.some((attribute) => attribute.type === 'mdxJsxAttribute' && attribute.name === 'topic')) return node;
	const card = summaryCard ? [{ type: 'mdxJsxAttribute' as const, name: 'summaryCard', value: summaryCard }] : [];
	return { ...node, attributes: [...node.attributes, { type: 'mdxJsxAttribute', name: 'topic', value: topicId }, ...card] };
}

function buildTopic(heading: Element, facts: HeadingFacts, nodes: RootContent[], reader: TreeReader): Element {
	const firstSection = nodes.findIndex((node) => reader.heading(node)?.tagName === 'h3');
	const summaryCard = facts.id ? reader.summaryCard(facts.id) : undefined;
	const intro = (firstSection === -1 ? nodes : nodes.slice(0, firstSection)).map((node) => withTopic(node, facts.id, summaryCard));
	const sections: TabSection[] = [];
	if (firstSection !== -1) {
		for (const node of nodes.slice(firstSection)) {
			const section = reader.heading(node);
			if (section?.tagName === 'h3') sections.push({ heading: node as Element, id: section.id, text: section.text, content: [], filled: headingCarriesContent(section.text) });
			else {
				const current = sections[sections.length - 1];
				current.content.push(node as ElementContent);
				current.filled ||= !reader.isBlank(node);
			}
		}
	}
	const hasIntro = !intro.every((node) => reader.isBlank(node));
	const decided = facts.id ? reader.topic(facts.id) : undefined;
	const body = sectionsContent(sections, summaryCard, { stacked: decided?.stacked });
	if (decided?.empty) body.push(emptyTopicNote());
	return topicElement(heading, facts.id, [...((hasIntro ? intro : []) as ElementContent[]), ...body]);
}

/**
 * Turns each `##` topic of a note into a `<section class="topic">` and its `###` sections into
 * tabs (see `src/dom/tabs.ts`), its summary section the topic's card. Empty sections are dropped;
 * one non-empty section is shown without a tab bar. As the catalogue decided (`OutlineTopic`), a
 * topic whose tabs would not fit shows its sections stacked, and an empty topic of a note in the
 * house format says "No notes yet". Returns the root's new children, or `undefined` when nothing
 * changes. Expects the ids of {@link import('./rehype-note-headings.ts').rehypeNoteHeadings}.
 */
export function sectionTabs(root: Root, reader: TreeReader): Root['children'] | undefined {
	const output: RootContent[] = [];
	const children = root.children;
	for (let index = 0; index < children.length; index++) {
		const node = children[index];
		const facts = reader.heading(node);
		if (facts?.tagName !== 'h2') {
			output.push(node);
			continue;
		}
		let end = index + 1;
		// A topic ends at the next `##` or `#`, or at the footnotes.
		while (end < children.length && !['h1', 'h2'].includes(reader.heading(children[end])?.tagName ?? '') && !reader.isFootnotes(children[end])) end++;
		output.push(buildTopic(node as Element, facts, children.slice(index + 1, end), reader), { type: 'text', value: '\n' });
		index = end - 1;
	}
	return output.length === children.length && output.every((node, i) => node === children[i]) ? undefined : output;
}

/**
 * The Sätteri plugin. Reading any field of a node but its `type` makes Sätteri copy the whole
 * document into JavaScript, which had made this plugin cost more than parsing and rendering the
 * note. So a visitor first notes each heading's tag, id and text (Rust finds the headings), and
 * the transform, run after it on the same tree, tells the root's children apart by their ids and
 * reads text through the context; the nodes it regroups are passed back untouched, as references.
 */
export interface RehypeSectionTabsOptions {
	notesRoot?: string;
	/** The notes catalogue, which decided how each topic shows (`OutlineTopic`); without it, every topic shows tabs and none says "No notes yet". */
	links?: () => LinkResolver | undefined;
}

export function rehypeSectionTabs(options: RehypeSectionTabsOptions = {}): HastPluginEntry {
	return (factory) => {
		const relativePath = options.notesRoot ? notePathOf(factory.fileURL, options.notesRoot) : undefined;
		const note = relativePath === undefined ? undefined : options.links?.()?.noteAt(relativePath);
		const topics = new Map(note?.topics.map((topic) => [topic.id, topic]));
		const headings = new Map<number, HeadingFacts>();
		const footnotes = new Set<number>();
		const reader = (context: HastVisitorContext): TreeReader => ({
			heading: (node) => headings.get(nodeId(node)),
			isFootnotes: (node) => node.type === 'element' && footnotes.has(nodeId(node)),
			isBlank: (node) => node.type === 'comment' || (node.type === 'text' && context.textContent(node).trim() === ''),
			summaryCard: (topicId) => (relativePath ? summaryCardId(relativePath, topicId) : undefined),
			topic: (topicId) => topics.get(topicId),
		});
		return {
			name: 'rehype-section-tabs',
			element: {
				filter: ['h1', 'h2', 'h3', 'section'],
				visit(node: Element, context) {
					if (node.tagName === 'section') {
						if (node.properties.dataFootnotes !== undefined) footnotes.add(nodeId(node));
						return;
					}
					const id = node.properties.id;
					headings.set(nodeId(node), { tagName: node.tagName, id: typeof id === 'string' ? id : undefined, text: context.textContent(node) });
				},
			},
			// `<!-- a remark -->` in Markdown reaches hast as raw HTML: as comment nodes, it reads as blank.
			raw(node, context) {
				const comments = htmlComments(node.value);
				if (comments) context.replaceNode(node, comments.map((value) => ({ type: 'comment', value })));
			},
			after(root, context) {
				if (headings.size === 0) return;
				const children = sectionTabs(root as Root, reader(context));
				if (children) context.replaceNode(root, { type: 'root', children });
			},
		};
	};
}
