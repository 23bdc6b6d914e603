import type { Definition, Heading, Nodes as MdastNodes, RootContent } from 'mdast';
import type { MdxJsxFlowElement } from 'satteri';
import { diagramFromFence, diagramFromJsx, isMermaidFence, type DiagramSource } from '../diagrams/extract.ts';
import { parseNoteTree, type NoteFormat } from '../plugins/satteri.ts';
import { tabSectionIds } from '../browser-safe/tab-ids.ts';
import { headingCarriesContent, NoteHeadings, splitTopicNumber, type NoteHeadingsOptions } from './headings.ts';
import { isOnlyHtmlComments } from './html-comments.ts';
import { htmlImages, jsxImage, positionAt } from './image-syntax.ts';
import { htmlMediaTags, jsxMediaTag, type MediaTagName } from './media.ts';
import { isRemoteUrl } from './assets.ts';
import { findWikilinks, wikilinkText, withWikilinksShown, type Wikilink } from './wikilinks.ts';
import GithubSlugger from 'github-slugger';
import { childrenOf, sourceRange, visitMdast, type NoteNode } from './mdast.ts';
import { withCjkEmphasis } from '../plugins/remark-cjk-emphasis.ts';
import { renderTex, texSpan, texText, texTitle, type TexSpan } from '../math/tex.ts';
import { isTabMarker, QUOTE_MARKER } from '../plugins/quote-marker.ts';
import { highlight } from '../plugins/remark-highlights.ts';
import { findTags } from './tags.ts';
import { mayHoldCards, paragraphCards, type CardSource } from './cards.ts';
import { tabsFit } from './tab-strip.ts';
import { tabLabel } from '../dom/tabs.ts';
import { highlighterLanguage } from './code-languages.ts';
import { findIconShortcodes, withoutIcons, type IconShortcode } from './icon-shortcodes.ts';
import { findBlockRefs, type BlockRef } from './logseq.ts';
import { findTemplaterCommands, inlineQuery, queryFence, readTask, type NoteQuery, type NoteTask } from './queries.ts';

/**
 * Everything the site needs to know about one note, read from one parse of it: the outline
 * (headings, topics and their sections, with the ids the page gives them), the images and diagrams
 * it shows, and the links it makes. The catalogue keeps one of these per note.
 */

/** A heading as the page shows it (the title and separators are not among them). */
export interface OutlineHeading {
	depth: number;
	/** As the page shows it: a topic without its number. */
	text: string;
	id: string;
	/** The anchor GitHub gives the heading (`11-cloud-computing` for `## 1.1 Cloud Computing`), when it is not `id`. */
	githubId?: string;
	/** What the table of contents shows instead of `text`, from MkDocs' `{ data-toc-label="…" }`. */
	tocLabel?: string;
	/**
	 * The heading as typed, when it holds a wikilink (`Free Space in [[Volatile Memory|Main Memory]]`),
	 * maths (`Vectors in $\mathbb{R}^n$`) or a topic's number: Obsidian's links to it, and the
	 * anchors other tools give it (`#vectors-in-mathbb-r-n`), are made from this text, not from what
	 * the page shows.
	 */
	written?: string;
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
	/**
	 * Nothing is in it, in a note whose topics have `###` sections (the house format, where an
	 * empty topic is one still to write): the page says "No notes yet". Elsewhere (a map of
	 * content whose `##` headings are links) an empty topic is a plain heading.
	 */
	empty?: true;
	/** Its `###` sections' tabs would not fit (`tabsFit`): the page stacks them under a list of links to them. */
	stacked?: true;
}

export interface ImageReference {
	/** The path or URL as the author wrote it. */
	url: string;
	line?: number;
	column?: number;
	/** Where the image starts in the note's source. */
	offset?: number;
	/** Set when the reference cannot be resolved before the build, whatever the file. */
	unsupported?: string;
}

/** A media element of the note's raw HTML (`<video src>`, `<iframe src>`…), as written. */
export interface MediaReference {
	tagName: MediaTagName;
	url: string;
	line?: number;
	column?: number;
}

/** A Markdown link the note makes (`[text](url)` or a reference link), as written. */
export interface LinkReference {
	url: string;
	line?: number;
	column?: number;
	/** Where the link starts in the note's source. */
	offset?: number;
	/** The link's own text, and the text around it (its paragraph, list item or table cell), as plain text. */
	text?: string;
	context?: string;
}

/** An Obsidian link or embed in the note, where it stands in the source. */
export interface NoteWikilink extends Omit<Wikilink, 'index'> {
	offset: number;
	line?: number;
	column?: number;
	context?: string;
}

/** An icon shortcode no icon set has (`:material-no-such-icon:`): the page shows it as written. */
export interface UnknownIcon extends Pick<IconShortcode, 'shortcode' | 'prefix' | 'name'> {
	line?: number;
	column?: number;
}

/** A Logseq block reference (`((uuid))`) or embed (`{{embed ((uuid))}}`, prepared as `!((uuid))`), where it stands in the source. */
export interface NoteBlockRef extends Omit<BlockRef, 'index'> {
	offset: number;
	line?: number;
	column?: number;
	context?: string;
}

/** A formula whose TeX Temml rejects: the page shows its source in an error box. */
export interface TexError {
	tex: string;
	message: string;
	line?: number;
	column?: number;
}

/** What the page makes of one heading of the note: its id and topic number, or `drop` (the title, a lone `#`). */
export type PageHeading = { drop: true } | { drop: false; id: string; topicNumber?: string };

/** Where a heading starts in the note's (prepared) text: the key of its decision. */
export const headingKey = (line: number | undefined, column: number | undefined): string => `${line}:${column}`;

export interface NoteContents {
	/** The first `#` heading with text, when it is the page title. */
	liftedTitle?: string;
	/**
	 * Every heading of the note, by where it starts (`headingKey`), as the page shows it: decided
	 * here, once, and applied by `rehype-note-headings`, so the page's ids are the outline's.
	 */
	pageHeadings: Map<string, PageHeading>;
	headings: OutlineHeading[];
	topics: OutlineTopic[];
	/** The page shows tabs somewhere (so it offers "Show all sections"). */
	hasTabs: boolean;
	images: ImageReference[];
	/** The `src` of each `<video>`, `<audio>`, `<source>` and `<iframe>` in its raw HTML. */
	media: MediaReference[];
	/** Diagrams whose code is in the note (fences, `<Diagram>` with static code). */
	diagrams: DiagramSource[];
	/** Lines of `<Diagram>` elements whose code an expression computes: only the browser can draw them. */
	computedDiagrams: number[];
	links: LinkReference[];
	wikilinks: NoteWikilink[];
	blockRefs: NoteBlockRef[];
	/** The page shows maths (so it loads the maths stylesheet). */
	hasMath: boolean;
	texErrors: TexError[];
	/**
	 * Source offsets of `$…$` that Pandoc's rules read as prose ("costs $5 or $10"): a note that
	 * embeds this one escapes them, as its parse cannot see the source they were written in.
	 */
	proseDollars: { offset: number; length: number }[];
	/** Obsidian's `#tags` in the text, as written, in order (repeats included). */
	inlineTags: string[];
	/** The flashcards written in the note, before ids (the catalogue gives them, knowing the note's path and tags). */
	cardSources: CardSource[];
	/** The languages of its fenced code blocks that the highlighter does not know, one per block, as written. */
	unknownLanguages: string[];
	/** Icon shortcodes (`:material-x:`) that name no icon, where they stand. */
	unknownIcons: UnknownIcon[];
	/** Its Dataview and Tasks queries, and the code it would have run (`dataviewjs`, Templater), in document order. */
	queries: NoteQuery[];
	/** Its task list items (`- [ ] text`, any status character), in document order. */
	tasks: NoteTask[];
}


/** A `$…$` node's formula, read by Pandoc's rules from the source; `undefined` when the dollars are prose. */
function inlineTex(node: NoteNode, source: string): TexSpan | undefined {
	const range = sourceRange(node);
	return range && texSpan(source.slice(range.start, range.end), source.charAt(range.end));
}

/** How a heading's text reads a footnote call and a formula. */
interface HeadingTextReading {
	footnote: (identifier: string) => string;
	math: (span: TexSpan) => string;
}

/**
 * The text of a heading as the page shows it: images and raw HTML add nothing, a wikilink its link
 * text, a highlight its text, a formula its rendered text, an MDX expression its source. A footnote
 * call adds what `reading.footnote` gives: nothing for the heading's id and outline (its number
 * changes as footnotes come and go), its number for GitHub's anchor.
 */
function headingText(node: NoteNode, source: string, reading: HeadingTextReading): string {
	switch (node.type) {
		case 'text':
			// Wikilinks are still text here; the page shows each as its link text, and an icon as no text.
			return withoutIcons(withWikilinksShown(node.value));
		case 'inlineCode':
		case 'mdxTextExpression':
			return node.value;
		case 'inlineMath': {
			const span = inlineTex(node, source);
			const range = sourceRange(node);
			return span ? reading.math(span) : source.slice(range?.start, range?.end);
		}
		case 'footnoteReference':
			return reading.footnote(node.identifier);
		case 'image':
		case 'imageReference':
		case 'html':
		case 'break':
			return '';
		case 'heading': {
			// `==marked==` as the page shows it, without its `==`; its `**` paired beside CJK text as the page pairs them (`remark-cjk-emphasis`).
			const marked = highlight(node.children) ?? node.children;
			return (withCjkEmphasis(marked, source) ?? marked).map((child) => headingText(child, source, reading)).join('');
		}
		default:
			return childrenOf(node)
				.map((child) => headingText(child, source, reading))
				.join('');
	}
}

/** The text as typed, before smart punctuation (which GitHub does not apply when it makes an anchor). */
const asTyped = (text: string) =>
	text.replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/—/g, '---').replace(/–/g, '--').replace(/…/g, '...');

/** How much of a long paragraph the catalogue keeps as a link's context (a backlink shows the sentence). */
const CONTEXT_LENGTH = 600;

/** A block's text as a reader sees it, links shown by their text, for a backlink's context. */
function contextText(node: NoteNode): string {
	const text = (function plain(each: NoteNode): string {
		switch (each.type) {
			case 'text':
				return withoutIcons(each.value);
			case 'inlineCode':
			case 'inlineMath':
				return each.value;
			case 'image':
				return each.alt ?? '';
			case 'break':
				return ' ';
			case 'html':
			case 'footnoteReference':
				return '';
			default:
				return childrenOf(each).map(plain).join('');
		}
	})(node);
	let shown = '';
	let last = 0;
	for (const link of findWikilinks(text)) {
		shown += text.slice(last, link.index) + wikilinkText(link);
		last = link.index + link.length;
	}
	shown = (shown + text.slice(last)).replace(/\s+/g, ' ').trim();
	return shown.length > CONTEXT_LENGTH ? `${shown.slice(0, CONTEXT_LENGTH - 1).trimEnd()}…` : shown;
}

const byPosition = (a: { line?: number; column?: number }, b: { line?: number; column?: number }) =>
	(a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0);

/** The wikilinks in the front matter (`author: "[[Daniel Kahneman]]"`), each with its line as context. */
function frontmatterWikilinks(frontmatter: NoteNode, source: string): NoteWikilink[] {
	const range = sourceRange(frontmatter);
	const start = frontmatter.position?.start;
	if (!range || !start) return [];
	const written = source.slice(range.start, range.end);
	return findWikilinks(written).map(({ index, ...link }) => {
		const lineStart = written.lastIndexOf('\n', index) + 1;
		const lineEnd = written.indexOf('\n', index);
		const line = written.slice(lineStart, lineEnd === -1 ? undefined : lineEnd);
		return { ...link, offset: range.start + index, ...positionAt(written, index, start.line, start.column), context: withWikilinksShown(line).trim() };
	});
}

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
/**
 * `cards: false`: the note cannot be tagged `#flashcards`, so its `::`, `?` lines and highlights are not read as cards.
 * `blockRefs`: the note is a page of a Logseq graph, whose `((uuid))` are references to blocks.
 * `frontmatterLinks`: its page shows properties with links: the wikilinks of its front matter are the note's links.
 */
export type NoteTreeOptions = NoteHeadingsOptions & { cards?: boolean; blockRefs?: boolean; frontmatterLinks?: boolean };

export function describeNoteTree(tree: MdastNodes, source: string, options: NoteTreeOptions): NoteContents {
	const decisions = new NoteHeadings(options);
	const footnotes = new Map<string, number>();
	const footnoteNumber = (identifier: string) => {
		if (!footnotes.has(identifier)) footnotes.set(identifier, footnotes.size + 1);
		return footnotes.get(identifier)!;
	};
	const topLevel = new Set<NoteNode>(childrenOf(tree));
	const kept = new Map<Heading, KeptHeading>();
	/** The page's headings in document order: kept headings, and top-level `<Tabs>` (which render theirs). */
	const headingsInOrder: (KeptHeading | MdxJsxFlowElement)[] = [];
	const contents: NoteContents = {
		pageHeadings: new Map(),
		headings: [],
		topics: [],
		hasTabs: false,
		images: [],
		media: [],
		diagrams: [],
		computedDiagrams: [],
		links: [],
		wikilinks: [],
		blockRefs: [],
		hasMath: false,
		texErrors: [],
		proseDollars: [],
		inlineTags: [],
		cardSources: [],
		unknownLanguages: [],
		unknownIcons: [],
		queries: [],
		tasks: [],
	};
	const cardsPossible = options.cards !== false && mayHoldCards(source);
	/** Blocks a `?` card's answer took: not read again as cards of their own. */
	const inAnswers = new Set<NoteNode>();
	let quoteTabs = false;
	const readTex = (span: TexSpan | undefined, at: { line?: number; column?: number }) => {
		if (!span) return;
		contents.hasMath = true;
		const result = renderTex(span);
		if (!result.ok) contents.texErrors.push({ tex: span.tex, message: result.message, line: at.line, column: at.column });
	};
	const githubSlugger = new GithubSlugger();
	/** The paragraph, heading or table cell being walked: links inside it take their context from it. */
	let block: { node: NoteNode; start: number; end: number; text?: string } | undefined;
	const contextAt = (offset: number | undefined) => {
		if (!block || offset === undefined || offset < block.start || offset >= block.end) return undefined;
		block.text ??= contextText(block.node);
		return block.text;
	};
	const definitions = new Map<string, Definition>();
	/** `![alt][ref]` and `[text][ref]`: their URL is the definition's, which may come later. */
	const viaDefinitions: { list: 'images' | 'links'; identifier: string; line?: number; column?: number; offset?: number; context?: string }[] = [];

	visitMdast(tree, (node) => {
		if (cardsPossible && node.type !== 'paragraph' && 'children' in node) readCards(childrenOf(node) as RootContent[], source, contents.cardSources, inAnswers);
		const start = node.position?.start;
		const at = { line: start?.line, column: start?.column, offset: start?.offset };
		if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') {
			block = { node, start: start?.offset ?? 0, end: node.position?.end.offset ?? 0 };
		}
		switch (node.type) {
			case 'text': {
				const end = node.position?.end.offset;
				if (start?.offset === undefined || end === undefined) break;
				// From the source, not the value: smart punctuation and `\|` change the value's text.
				const written = source.slice(start.offset, end);
				for (const { index, ...link } of findWikilinks(written)) {
					const offset = start.offset + index;
					contents.wikilinks.push({ ...link, offset, ...positionAt(written, index, start.line, start.column), context: contextAt(offset) });
				}
				for (const { index, ...ref } of options.blockRefs ? findBlockRefs(written) : []) {
					const offset = start.offset + index;
					contents.blockRefs.push({ ...ref, offset, ...positionAt(written, index, start.line, start.column), context: contextAt(offset) });
				}
				for (const { tag } of findTags(written, source.charAt(start.offset - 1))) contents.inlineTags.push(tag);
				for (const command of written.includes('<%') ? findTemplaterCommands(written) : []) {
					contents.queries.push({ kind: 'templater', source: command.source, line: positionAt(written, command.index, start.line, start.column).line ?? 0 });
				}
				for (const { shortcode, prefix, name, icon, index } of findIconShortcodes(written)) {
					if (!icon) contents.unknownIcons.push({ shortcode, prefix, name, ...positionAt(written, index, start.line, start.column) });
				}
				break;
			}
			case 'heading': {
				const text = headingText(node, source, { footnote: () => '', math: texText });
				// GitHub's anchor counts a footnote call's number in.
				const githubText = headingText(node, source, { footnote: (identifier) => String(footnoteNumber(identifier)), math: texText }).trim();
				const githubId = githubText ? githubSlugger.slug(asTyped(githubText)) : undefined;
				// MkDocs' `{ #id .class data-toc-label="…" }`: the id the author gave, the label the contents show.
				const attributes = (node.data as { hProperties?: Record<string, unknown> } | undefined)?.hProperties;
				const authoredId = typeof attributes?.id === 'string' ? attributes.id : undefined;
				const tocLabel = typeof attributes?.['data-toc-label'] === 'string' ? attributes['data-toc-label'] : undefined;
				const decision = decisions.decide({ depth: node.depth, text, id: authoredId, topLevel: topLevel.has(node) });
				contents.pageHeadings.set(headingKey(start?.line, start?.column), decision.drop ? { drop: true } : { drop: false, id: decision.id, ...(decision.topicNumber ? { topicNumber: decision.topicNumber } : {}) });
				if (decision.drop) {
					// A title with maths keeps what plain text can show of it (`ℝⁿ`, not `ℝn`).
					if (decision.title !== undefined) contents.liftedTitle = headingText(node, source, { footnote: () => '', math: texTitle }).trim();
					break;
				}
				const shown = decision.topicNumber ? (splitTopicNumber(text.trim())?.rest ?? text) : text;
				const heading: KeptHeading = { depth: node.depth, text: shown.trim(), id: decision.id, line: at.line, topicNumber: decision.topicNumber };
				const first = sourceRange(node.children[0] ?? node);
				const last = sourceRange(node.children.at(-1) ?? node);
				const written = first && last ? source.slice(first.start, last.end) : '';
				// What the page changes, and links made by other tools may still name: a wikilink, maths, a topic's number.
				if (written.includes('[[') || written.includes('$') || decision.topicNumber) heading.written = written;
				if (tocLabel) heading.tocLabel = tocLabel;
				if (githubId && githubId !== decision.id) heading.githubId = githubId;
				kept.set(node, heading);
				headingsInOrder.push(heading);
				break;
			}
			case 'footnoteReference':
				footnoteNumber(node.identifier);
				break;
			case 'inlineMath': {
				const span = inlineTex(node, source);
				const range = sourceRange(node);
				if (span) readTex(span, at);
				else if (range) contents.proseDollars.push({ offset: range.start, length: range.end - range.start });
				break;
			}
			case 'blockquote': {
				// `> [!tab] Label` (MkDocs' content tabs, prepared): `rehype-quote-tabs` draws a tab group.
				const lead = node.children[0]?.type === 'paragraph' ? node.children[0].children[0] : undefined;
				const type = lead?.type === 'text' ? QUOTE_MARKER.exec(lead.value)?.[1] : undefined;
				if (type && isTabMarker(type)) quoteTabs = true;
				break;
			}
			case 'math':
				readTex({ tex: node.value, display: true }, at);
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
				contents.links.push({ url: node.url, ...at, text: contextText(node), context: contextAt(at.offset) });
				break;
			case 'linkReference':
				viaDefinitions.push({ list: 'links', identifier: node.identifier, ...at, context: contextAt(at.offset) });
				break;
			case 'html':
				for (const image of htmlImages(node.value)) {
					if (typeof image.properties.src !== 'string' || image.properties.src === '') continue;
					contents.images.push({ url: image.properties.src, ...(start ? positionAt(node.value, image.index, start.line, start.column) : {}) });
				}
				for (const tag of htmlMediaTags(node.value)) {
					contents.media.push({ tagName: tag.tagName, url: tag.src, ...(start ? positionAt(node.value, tag.index, start.line, start.column) : {}) });
				}
				break;
			case 'code': {
				const query = queryFence(node);
				if (query) contents.queries.push({ kind: query, source: node.value, line: at.line ?? 0 });
				else if (isMermaidFence(node)) contents.diagrams.push(diagramFromFence(node));
				else if (node.lang && !highlighterLanguage(node.lang)) contents.unknownLanguages.push(node.lang);
				break;
			}
			case 'listItem': {
				const task = start?.offset === undefined ? undefined : readTask(source, start.offset, start.line, start.column);
				if (task) contents.tasks.push(task);
				break;
			}
			case 'inlineCode': {
				const query = inlineQuery(node.value);
				if (query) contents.queries.push({ ...query, line: at.line ?? 0 });
				break;
			}
			case 'mdxJsxFlowElement':
			case 'mdxJsxTextElement': {
				const image = jsxImage(node, isRemoteUrl);
				if (image) contents.images.push({ url: image.url, ...at, ...(image.kind === 'unsupported' ? { unsupported: image.reason } : {}) });
				const media = jsxMediaTag(node);
				if (media) contents.media.push({ tagName: media.tagName, url: media.src, ...at });
				const diagram = diagramFromJsx(node, source);
				if (diagram === 'computed') contents.computedDiagrams.push(at.line ?? 0);
				else if (diagram) contents.diagrams.push(diagram);
				if (node.type === 'mdxJsxFlowElement' && node.name === 'Tabs' && topLevel.has(node)) headingsInOrder.push(node);
				break;
			}
		}
	});
	for (const { list, identifier, ...at } of viaDefinitions) {
		const url = definitions.get(identifier)?.url;
		if (url) contents[list].push({ url, ...at });
	}
	const frontmatter = options.frontmatterLinks ? childrenOf(tree).find((node) => node.type === 'yaml') : undefined;
	if (frontmatter) contents.wikilinks.push(...frontmatterWikilinks(frontmatter, source));
	contents.images.sort(byPosition);
	// Containers are read before their children: in document order, as the page's plugin meets them.
	contents.cardSources.sort(byPosition);
	contents.links.sort(byPosition);

	const outline = outlineTopics(childrenOf(tree) as RootContent[], kept);
	contents.topics = outline.topics;
	contents.hasTabs = outline.hasTabs || quoteTabs;
	for (const entry of headingsInOrder) {
		if ('type' in entry) contents.headings.push(...(outline.tabs.get(entry) ?? []));
		else if (!outline.emptySections.has(entry)) {
			const { topicNumber: _number, ...heading } = entry;
			contents.headings.push(heading);
		}
	}
	return contents;
}

/** The cards in a container's blocks (`paragraphCards`), into `into`. */
function readCards(blocks: RootContent[], source: string, into: CardSource[], inAnswers: Set<NoteNode>) {
	blocks.forEach((block, index) => {
		if (block.type !== 'paragraph' || inAnswers.has(block)) return;
		const found = paragraphCards(block, () => blocks.slice(index + 1), source);
		if (!found) return;
		for (const taken of blocks.slice(index + 1, index + 1 + found.takes)) inAnswers.add(taken);
		for (const part of found.parts) {
			if (part.type === 'pair') into.push({ type: 'pair', reverse: part.reverse, text: part.text, line: part.line });
			else if (part.type === 'cloze') into.push({ type: 'cloze', clozes: part.clozes, text: part.text, line: part.line });
		}
	});
}

type KeptHeading = OutlineHeading & { topicNumber?: string };

interface Outline {
	topics: OutlineTopic[];
	/** Section headings the page leaves out, with their empty sections. */
	emptySections: Set<KeptHeading>;
	/** The page shows a tab group: two sections or more under one topic's `###` (that are not stacked), or in one `<Tabs>`. */
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
	/** What each topic holds: its `###` headings (empty ones too), the labels of those the page shows, and whether text stands above them. */
	const held = new Map<OutlineTopic, { sectionHeadings: number; labels: string[]; intro: boolean }>();
	const closeSection = () => {
		if (section?.filled) {
			topic!.sections.push({ id: section.heading.id, text: section.heading.text, line: section.heading.line });
			held.get(topic!)!.labels.push(tabLabel(section.heading.text));
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
			if (topic) {
				topics.push(topic);
				held.set(topic, { sectionHeadings: 0, labels: [], intro: false });
			}
		} else if (heading?.depth === 3 && topic) {
			closeSection();
			held.get(topic)!.sectionHeadings++;
			section = { heading, filled: headingCarriesContent(heading.text) };
		} else if (section) {
			section.filled ||= !rendersNothing(node);
		} else if (topic && !rendersNothing(node)) {
			held.get(topic)!.intro = true;
		}
	}
	closeSection();
	const houseFormat = [...held.values()].some((each) => each.sectionHeadings > 0);
	for (const [each, { labels, intro }] of held) {
		if (houseFormat && !intro && labels.length === 0) each.empty = true;
		if (labels.length >= 2 && !tabsFit(labels)) each.stacked = true;
	}
	const tabGroups = [...[...held].flatMap(([each, { labels }]) => (each.stacked ? [] : [labels.length])), ...[...tabs.values()].map((group) => group.length)];
	return { topics, emptySections, hasTabs: tabGroups.some((count) => count >= 2), tabs };
}

const isJsx = (node: RootContent | NoteNode): node is MdxJsxFlowElement => node.type === 'mdxJsxFlowElement';

/** Parses a note once and reads it; throws (with Sätteri's position) on an MDX syntax error. */
export function readNoteContents(source: string, format: NoteFormat, options: NoteTreeOptions): NoteContents {
	return describeNoteTree(parseNoteTree(source, format) as MdastNodes, source, options);
}

