import type { Definition, Heading, Nodes as MdastNodes, RootContent } from 'mdast';
import type { MdxJsxFlowElement } from 'satteri';
import { diagramFromFence, diagramFromJsx, isMermaidFence, type DiagramSource } from '../diagrams/extract.ts';
import { parseNoteTree, type NoteFormat } from '../plugins/satteri.ts';
import { NoteHeadings, splitTopicNumber, tabSectionIds } from './headings.ts';
import { isOnlyHtmlComments } from './html-comments.ts';
import { htmlImages, jsxImage, positionAt } from './image-syntax.ts';
import { isRemoteUrl } from './assets.ts';
import { childrenOf, visitMdast, type NoteNode } from './mdast.ts';

/**
 * Everything the site needs to know about one note, read from one parse of it: the outline
 * (headings, topics and their sections, with the ids the page gives them), the images and diagrams
 * it shows, and the links it makes. The catalogue keeps one of these per note.
 */

/** A heading as the page shows it (the title and separators are not among them). */
export interface OutlineHeading {
	depth: number;
	text: string;
	id: string;
	line?: number;
}

/** A `###` section of a topic, or a `<Tab>` of an MDX `<Tabs>` in it; only sections the page shows. */
export interface OutlineSection {
	id: string;
	text: string;
	line?: number;
}

/** A `##` topic. `text` is without its number (`VPC Flow Logs`), `number` is `"1"`. */
export interface OutlineTopic {
	id: string;
	text: string;
	number?: string;
	line?: number;
	sections: OutlineSection[];
}

export interface ImageReference {
	/** The path or URL as the author wrote it. */
	url: string;
	line?: number;
	column?: number;
	/** Set when the reference cannot be resolved before the build, whatever the file. */
	unsupported?: string;
}

/** A Markdown link the note makes (`[text](url)` or a reference link), as written. */
export interface LinkReference {
	url: string;
	line?: number;
	column?: number;
}

export interface NoteContents {
	/** The first `#` heading with text, when it is the page title. */
	liftedTitle?: string;
	headings: OutlineHeading[];
	topics: OutlineTopic[];
	/** The page shows tabs somewhere (so it offers "Show all sections"). */
	hasTabs: boolean;
	images: ImageReference[];
	/** Diagrams whose code is in the note (fences, `<Diagram>` with static code). */
	diagrams: DiagramSource[];
	/** Lines of `<Diagram>` elements whose code an expression computes: only the browser can draw them. */
	computedDiagrams: number[];
	links: LinkReference[];
}

/**
 * The text of a heading as the page's `textContent` reads it: images and raw HTML add nothing, a
 * footnote call adds its number, an MDX expression its source.
 */
function headingText(node: NoteNode, footnoteNumber: (identifier: string) => number): string {
	switch (node.type) {
		case 'text':
		case 'inlineCode':
		case 'mdxTextExpression':
		case 'inlineMath':
			return node.value;
		case 'footnoteReference':
			return String(footnoteNumber(node.identifier));
		case 'image':
		case 'imageReference':
		case 'html':
		case 'break':
			return '';
		default:
			return childrenOf(node)
				.map((child) => headingText(child, footnoteNumber))
				.join('');
	}
}

const byPosition = (a: { line?: number; column?: number }, b: { line?: number; column?: number }) =>
	(a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0);

/** Nodes that render as nothing where they stand (definitions, HTML comments): they do not fill a section. */
const rendersNothing = (node: RootContent) =>
	['definition', 'footnoteDefinition', 'yaml', 'toml'].includes(node.type) || (node.type === 'html' && isOnlyHtmlComments(node.value));

const attributeValue = (element: MdxJsxFlowElement, name: string) => {
	const attribute = element.attributes.find((each) => each.type === 'mdxJsxAttribute' && each.name === name);
	return typeof attribute?.value === 'string' ? attribute.value : undefined;
};

/**
 * The sections an MDX `<Tabs>` shows: one per `<Tab label>` with content, with the ids and heading
 * level the component gives them (`h3`, prefixed with the topic's id, in a topic's intro; `h2` elsewhere).
 */
function tabHeadings(tabs: MdxJsxFlowElement, topicId: string | undefined): OutlineHeading[] {
	const items = tabs.children.filter(
		(child): child is MdxJsxFlowElement => child.type === 'mdxJsxFlowElement' && child.name === 'Tab',
	);
	const labels = items.map((item) => attributeValue(item, 'label') ?? '');
	const topic = attributeValue(tabs, 'topic') ?? topicId;
	const ids = tabSectionIds(labels, topic);
	return items.flatMap((item, index) =>
		item.children.length > 0 ? [{ depth: topic ? 3 : 2, id: ids[index], text: labels[index], line: item.position?.start.line }] : [],
	);
}

/**
 * Reads a note's tree. `liftTitle` is false when the front matter gives the title. Mirrors what
 * the Markdown plugins do with the same tree: `rehype-note-headings` (ids, dropped headings) and
 * `rehype-section-tabs` (topics end at the next `##` or `#`, empty sections are left out).
 */
export function describeNoteTree(tree: MdastNodes, source: string, options: { liftTitle: boolean }): NoteContents {
	const decisions = new NoteHeadings({ liftTitle: options.liftTitle });
	const footnotes = new Map<string, number>();
	const footnoteNumber = (identifier: string) => {
		if (!footnotes.has(identifier)) footnotes.set(identifier, footnotes.size + 1);
		return footnotes.get(identifier)!;
	};
	const topLevel = new Set<NoteNode>(childrenOf(tree));
	const kept = new Map<Heading, KeptHeading>();
	/** The page's headings in document order: kept headings, and top-level `<Tabs>` (which render theirs). */
	const headingsInOrder: (KeptHeading | MdxJsxFlowElement)[] = [];
	const contents: NoteContents = { headings: [], topics: [], hasTabs: false, images: [], diagrams: [], computedDiagrams: [], links: [] };
	const definitions = new Map<string, Definition>();
	/** `![alt][ref]` and `[text][ref]`: their URL is the definition's, which may come later. */
	const viaDefinitions: { list: 'images' | 'links'; identifier: string; line?: number; column?: number }[] = [];

	visitMdast(tree, (node) => {
		const start = node.position?.start;
		const at = { line: start?.line, column: start?.column };
		switch (node.type) {
			case 'heading': {
				const text = headingText(node, footnoteNumber);
				const decision = decisions.decide({ depth: node.depth, text, topLevel: topLevel.has(node) });
				if (decision.drop) {
					if (decision.title !== undefined) contents.liftedTitle = decision.title;
					break;
				}
				const shown = decision.topicNumber ? (splitTopicNumber(text.trim())?.rest ?? text) : text;
				const heading = { depth: node.depth, text: shown.trim(), id: decision.id, line: at.line, topicNumber: decision.topicNumber };
				kept.set(node, heading);
				headingsInOrder.push(heading);
				break;
			}
			case 'footnoteReference':
				footnoteNumber(node.identifier);
				break;
			case 'definition':
				if (!definitions.has(node.identifier)) definitions.set(node.identifier, node);
				break;
			case 'image':
				if (node.url) contents.images.push({ url: node.url, ...at });
				break;
			case 'imageReference':
				viaDefinitions.push({ list: 'images', identifier: node.identifier, ...at });
				break;
			case 'link':
				contents.links.push({ url: node.url, ...at });
				break;
			case 'linkReference':
				viaDefinitions.push({ list: 'links', identifier: node.identifier, ...at });
				break;
			case 'html':
				for (const image of htmlImages(node.value)) {
					if (typeof image.properties.src !== 'string' || image.properties.src === '') continue;
					contents.images.push({ url: image.properties.src, ...(start ? positionAt(node.value, image.index, start.line, start.column) : {}) });
				}
				break;
			case 'code':
				if (isMermaidFence(node)) contents.diagrams.push(diagramFromFence(node));
				break;
			case 'mdxJsxFlowElement':
			case 'mdxJsxTextElement': {
				const image = jsxImage(node, isRemoteUrl);
				if (image) contents.images.push({ url: image.url, ...at, ...(image.kind === 'unsupported' ? { unsupported: image.reason } : {}) });
				const diagram = diagramFromJsx(node, source);
				if (diagram === 'computed') contents.computedDiagrams.push(at.line ?? 0);
				else if (diagram) contents.diagrams.push(diagram);
				if (node.type === 'mdxJsxFlowElement' && node.name === 'Tabs' && topLevel.has(node)) headingsInOrder.push(node);
				break;
			}
		}
	});
	for (const { list, identifier, line, column } of viaDefinitions) {
		const url = definitions.get(identifier)?.url;
		if (url) contents[list].push({ url, line, column });
	}
	contents.images.sort(byPosition);
	contents.links.sort(byPosition);

	const outline = outlineTopics(childrenOf(tree) as RootContent[], kept);
	contents.topics = outline.topics;
	contents.hasTabs = outline.hasTabs;
	for (const entry of headingsInOrder) {
		if ('type' in entry) contents.headings.push(...(outline.tabs.get(entry) ?? []));
		else if (!outline.emptySections.has(entry)) contents.headings.push({ depth: entry.depth, text: entry.text, id: entry.id, line: entry.line });
	}
	return contents;
}

type KeptHeading = OutlineHeading & { topicNumber?: string };

interface Outline {
	topics: OutlineTopic[];
	/** Section headings the page leaves out, with their empty sections. */
	emptySections: Set<KeptHeading>;
	/** The page shows a tab group: two sections or more under one topic's `###`, or in one `<Tabs>`. */
	hasTabs: boolean;
	/** The headings each top-level `<Tabs>` renders. */
	tabs: Map<MdxJsxFlowElement, OutlineHeading[]>;
}

/** The topics among the root's children, grouped as `rehype-section-tabs` groups them. */
function outlineTopics(children: RootContent[], kept: Map<Heading, KeptHeading>): Outline {
	const topics: OutlineTopic[] = [];
	const emptySections = new Set<KeptHeading>();
	const tabs = new Map<MdxJsxFlowElement, OutlineHeading[]>();
	let topic: OutlineTopic | undefined;
	let section: { heading: KeptHeading; filled: boolean } | undefined;
	/** How many `###` sections of each topic the page shows. */
	const shownSections = new Map<OutlineTopic, number>();
	const closeSection = () => {
		if (section?.filled) {
			topic!.sections.push({ id: section.heading.id, text: section.heading.text, line: section.heading.line });
			shownSections.set(topic!, (shownSections.get(topic!) ?? 0) + 1);
		} else if (section) emptySections.add(section.heading);
		section = undefined;
	};
	for (const node of children) {
		const heading = node.type === 'heading' ? kept.get(node) : undefined;
		// A dropped heading (the title, a lone `#`) is not on the page: it ends nothing.
		if (node.type === 'heading' && !heading) continue;
		if (isJsx(node) && node.name === 'Tabs') {
			// Only a topic's intro gives its `<Tabs>` the topic (as `rehype-section-tabs` does).
			const intro = topic && !section ? topic : undefined;
			const rendered = tabHeadings(node, intro?.id);
			tabs.set(node, rendered);
			intro?.sections.push(...rendered.map(({ id, text, line }) => ({ id, text, line })));
		}
		if (heading && heading.depth <= 2) {
			closeSection();
			topic = heading.depth === 2 ? { id: heading.id, text: heading.text, number: heading.topicNumber, line: heading.line, sections: [] } : undefined;
			if (topic) topics.push(topic);
		} else if (heading?.depth === 3 && topic) {
			closeSection();
			section = { heading, filled: false };
		} else if (section) {
			section.filled ||= !rendersNothing(node);
		}
	}
	closeSection();
	const hasTabs = [...shownSections.values(), ...[...tabs.values()].map((group) => group.length)].some((count) => count >= 2);
	return { topics, emptySections, hasTabs, tabs };
}

const isJsx = (node: RootContent | NoteNode): node is MdxJsxFlowElement => node.type === 'mdxJsxFlowElement';

/** Parses a note once and reads it; throws (with Sätteri's position) on an MDX syntax error. */
export function readNoteContents(source: string, format: NoteFormat, options: { liftTitle: boolean }): NoteContents {
	return describeNoteTree(parseNoteTree(source, format) as MdastNodes, source, options);
}

