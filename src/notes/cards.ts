import { createHash } from 'node:crypto';
import type { Paragraph, PhrasingContent, RootContent } from 'mdast';
import { isSummaryHeading } from '../dom/card.ts';
import { highlight, MARK_TYPE } from '../plugins/remark-highlights.ts';
import { QUOTE_MARKER } from '../plugins/quote-marker.ts';
import { sourceRange } from './mdast.ts';

/**
 * Flashcards, found in a note's tree by the Obsidian spaced-repetition plugin's rules (the syntax
 * people already write), and the topics' summaries, which are cards with no syntax at all. The
 * catalogue lists a note's cards from its one parse; `remark-cards` draws them on the page from the
 * same rules, with the same ids, so the review page can find each card's HTML by its id.
 */

/** `forward` and `reverse` are the two directions of `Q:::A` (`Q::A` is `forward` only). */
export type CardKind = 'summary' | 'forward' | 'reverse' | 'cloze';

export interface NoteCard {
	/** From the note's path and the card's own text: it survives a rebuild, and moving within the note. */
	id: string;
	kind: CardKind;
	line?: number;
	/** The id of the topic (`##`) the card stands in. */
	topic?: string;
}

/**
 * A note tagged `#flashcards` (or `#flashcards/aws`…), as the plugin wants it: only such a note's
 * `::`, `?` and `==cloze==` are cards. Untagged, they are what they look like: `std::vector` and
 * `String::from` in programming notes, a `?` on its own line, a highlight.
 */
export const isFlashcardsTag = (tag: string): boolean => /^flashcards(?:\/|$)/i.test(tag);

/** Gives a note's cards their ids, in document order: the same text twice in a note gets two ids. */
export class CardIds {
	#relativePath: string;
	#seen = new Map<string, number>();

	constructor(relativePath: string) {
		this.#relativePath = relativePath;
	}

	next(text: string, variant: string): string {
		const key = `${variant}\n${text.replace(/\s+/g, ' ').trim()}`;
		const count = this.#seen.get(key) ?? 0;
		this.#seen.set(key, count + 1);
		return createHash('sha1')
			.update(`${this.#relativePath}\n${key}${count > 0 ? `\n${count}` : ''}`)
			.digest('base64url')
			.slice(0, 12);
	}

	summary(topicId: string): string {
		return this.next(`#${topicId}`, 'summary');
	}
}

/** The id of a topic's card, whose back is its summary section. */
export const summaryCardId = (relativePath: string, topicId: string): string => new CardIds(relativePath).summary(topicId);

/** One line of a paragraph: its nodes, where it stands in the source, and what ended it. */
interface ParagraphLine {
	children: PhrasingContent[];
	start: number;
	end: number;
	line: number;
	/** The hard break that ended the line; a soft one is a newline. */
	ending?: PhrasingContent;
}

export interface PairCard {
	type: 'pair';
	/** `Q:::A` and `??`: a card each way. */
	reverse: boolean;
	question: PhrasingContent[];
	/** The answer's own lines; `answerBlocks` follow it (a list right under a `?` card). */
	answer: PhrasingContent[];
	answerBlocks: RootContent[];
	/** The card's source, for its id. */
	text: string;
	line: number;
}

export interface ClozeCard {
	type: 'cloze';
	/** The paragraph, its `==highlights==` as mark nodes: one card per mark, which its card hides. */
	children: PhrasingContent[];
	clozes: number;
	text: string;
	line: number;
}

/** Lines of a paragraph that are not a card: they stay a paragraph. */
export interface ProseLines {
	type: 'prose';
	children: PhrasingContent[];
}

export interface ParagraphCards {
	/** What stands in the paragraph's place, in order. */
	parts: (PairCard | ClozeCard | ProseLines)[];
	/** How many of the blocks after the paragraph the last card's answer takes. */
	takes: number;
}

function paragraphLines(paragraph: Paragraph, source: string): ParagraphLine[] | undefined {
	const range = sourceRange(paragraph);
	const firstLine = paragraph.position?.start.line;
	if (!range || firstLine === undefined) return undefined;
	const lines: ParagraphLine[] = [];
	let current: ParagraphLine = { children: [], start: range.start, end: range.end, line: firstLine };
	const close = (end: number, nextStart: number, ending?: PhrasingContent) => {
		lines.push({ ...current, end, ending });
		current = { children: [], start: nextStart, end: range.end, line: current.line + 1 };
	};
	for (const child of paragraph.children) {
		const at = sourceRange(child);
		if (child.type === 'break' && at) {
			close(at.start, at.end, child);
			continue;
		}
		if (child.type !== 'text' || !child.value.includes('\n') || !at) {
			current.children.push(child);
			continue;
		}
		// The value's newlines are the source's (escapes and smart punctuation change only other text).
		const written = source.slice(at.start, at.end);
		const pieces = child.value.split('\n');
		let from = 0;
		pieces.forEach((piece, index) => {
			const newline = index === pieces.length - 1 ? written.length : written.indexOf('\n', from);
			if (piece) current.children.push({ type: 'text', value: piece });
			from = newline + 1;
			if (index < pieces.length - 1) close(at.start + newline, at.start + newline + 1);
		});
	}
	lines.push(current);
	return lines;
}

/** `::` and `:::`, not part of a longer run of colons. */
const SEPARATOR = /(?<!:):{2,3}(?!:)/g;
/** The run of word characters, colons and dots a separator stands in. */
const TOKEN_AROUND = /[\w:.]*$/;
const TOKEN_AFTER = /^[\w:.]*/;

/** `fe80::1`, `::1`, `2001:db8::`: an IPv6 address, not a card (networking notes are full of them). */
function inAddress(value: string, index: number, length: number): boolean {
	if (length !== 2) return false;
	const token = `${TOKEN_AROUND.exec(value.slice(0, index))![0]}${value.slice(index, index + length)}${TOKEN_AFTER.exec(value.slice(index + length))![0]}`;
	return token.length > length && /\d/.test(token) && /^[0-9a-f:.]+$/i.test(token);
}

const isBlankText = (nodes: PhrasingContent[]) => nodes.every((node) => node.type === 'text' && node.value.trim() === '');

const trimStart = (nodes: PhrasingContent[]) => trimEdge(nodes, 0, (value) => value.trimStart());
const trimEnd = (nodes: PhrasingContent[]) => trimEdge(nodes, nodes.length - 1, (value) => value.trimEnd());
function trimEdge(nodes: PhrasingContent[], index: number, trim: (value: string) => string): PhrasingContent[] {
	const edge = nodes[index];
	if (edge?.type !== 'text') return nodes;
	const copy = [...nodes];
	const value = trim(edge.value);
	if (value) copy[index] = { type: 'text', value };
	else copy.splice(index, 1);
	return copy;
}

/** A `Question::Answer` line split at its separator, or `undefined`. */
function pairOnLine(line: ParagraphLine, source: string): PairCard | undefined {
	// `lst[\:\:-1]` has `::` in its text, not in what was written: escaped, it is no separator.
	if (!source.slice(line.start, line.end).includes('::')) return undefined;
	for (const [index, child] of line.children.entries()) {
		if (child.type !== 'text') continue;
		for (const match of child.value.matchAll(SEPARATOR)) {
			if (inAddress(child.value, match.index, match[0].length)) continue;
			const question = trimEnd([...line.children.slice(0, index), { type: 'text', value: child.value.slice(0, match.index) }]);
			const answer = trimStart([{ type: 'text', value: child.value.slice(match.index + match[0].length) }, ...line.children.slice(index + 1)]);
			if (isBlankText(question) || isBlankText(answer)) return undefined;
			return { type: 'pair', reverse: match[0].length === 3, question, answer, answerBlocks: [], text: source.slice(line.start, line.end), line: line.line };
		}
	}
	return undefined;
}

/** Lines joined back into one paragraph's nodes, with the breaks that ended them. */
const joinLines = (lines: ParagraphLine[]): PhrasingContent[] =>
	lines.flatMap((line, index) => (index === lines.length - 1 ? line.children : [...line.children, line.ending ?? { type: 'text', value: '\n' }]));

const MULTILINE_SEPARATOR = /^\?\??$/;

/** The blocks right under the paragraph (no blank line between): the rest of a `?` card's answer. */
function answerBlocks(paragraph: Paragraph, following: readonly RootContent[]): RootContent[] {
	const taken: RootContent[] = [];
	let lastLine = paragraph.position?.end.line;
	for (const block of following) {
		const start = block.position?.start.line;
		if (lastLine === undefined || start !== lastLine + 1 || block.type === 'heading' || block.type === 'thematicBreak') break;
		taken.push(block);
		lastLine = block.position?.end.line;
	}
	return taken;
}

const countMarks = (nodes: readonly PhrasingContent[]): number =>
	nodes.reduce((count, node) => count + ((node.type as string) === MARK_TYPE ? 1 : 0) + ('children' in node ? countMarks(node.children as PhrasingContent[]) : 0), 0);

/**
 * The cards a paragraph holds, by the spaced-repetition plugin's rules: a `Question::Answer` line
 * (`:::` for both ways); question lines, a line with only `?` (`??` for both ways) and the answer,
 * up to a blank line; else a paragraph with `==highlights==` (cloze). `following` gives the
 * paragraph's next siblings (read only for a `?` card). `undefined` when it holds none.
 */
export function paragraphCards(paragraph: Paragraph, following: () => readonly RootContent[], source: string): ParagraphCards | undefined {
	const lines = paragraphLines(paragraph, source);
	if (!lines) return undefined;
	// `> [!faq] Question::Answer`, `> [!faq] Question` then `> ?`: the callout's marker stays its own
	// (the callout is drawn around the card), the card is what follows it.
	const first = lines[0].children[0];
	const marker = first?.type === 'text' ? QUOTE_MARKER.exec(first.value) : null;
	if (first?.type === 'text' && marker) {
		const rest = first.value.slice(marker[0].length);
		lines[0] = { ...lines[0], children: [...(rest ? [{ type: 'text' as const, value: rest }] : []), ...lines[0].children.slice(1)] };
		const found = cardsOfLines(paragraph, lines, following, source);
		return found && { ...found, parts: [{ type: 'prose', children: [{ type: 'text', value: marker[0].trimEnd() }] }, ...found.parts] };
	}
	return cardsOfLines(paragraph, lines, following, source);
}

function cardsOfLines(
	paragraph: Paragraph,
	lines: ParagraphLine[],
	following: () => readonly RootContent[],
	source: string,
): ParagraphCards | undefined {
	const separator = lines.findIndex((line) => line.children.length === 1 && line.children[0].type === 'text' && MULTILINE_SEPARATOR.test(line.children[0].value.trim()));
	if (separator > 0) {
		const blocks = answerBlocks(paragraph, following());
		const answerLines = lines.slice(separator + 1);
		if (answerLines.length === 0 && blocks.length === 0) return undefined;
		const last = blocks.at(-1);
		const end = (last && sourceRange(last)?.end) ?? lines.at(-1)!.end;
		const mark = (lines[separator].children[0] as { value: string }).value.trim();
		return {
			parts: [
				{
					type: 'pair',
					reverse: mark === '??',
					question: joinLines(lines.slice(0, separator)),
					answer: joinLines(answerLines),
					answerBlocks: blocks,
					text: source.slice(lines[0].start, end),
					line: lines[0].line,
				},
			],
			takes: blocks.length,
		};
	}
	const parts: ParagraphCards['parts'] = [];
	let prose: ParagraphLine[] = [];
	const flushProse = () => {
		const children = joinLines(prose.filter((line) => line.children.length > 0));
		if (children.length > 0) parts.push({ type: 'prose', children });
		prose = [];
	};
	for (const line of lines) {
		const pair = pairOnLine(line, source);
		if (!pair) {
			prose.push(line);
			continue;
		}
		flushProse();
		parts.push(pair);
	}
	flushProse();
	if (parts.some((part) => part.type === 'pair')) return { parts, takes: 0 };
	const written = joinLines(lines);
	const children = highlight(written) ?? written;
	const clozes = countMarks(children);
	const range = sourceRange(paragraph)!;
	return clozes > 0 ? { parts: [{ type: 'cloze', children, clozes, text: source.slice(range.start, range.end), line: lines[0].line }], takes: 0 } : undefined;
}

/** A flashcard as the catalogue keeps it, before ids (it counts only in a note tagged `#flashcards`). */
export interface CardSource {
	type: 'pair' | 'cloze';
	reverse?: boolean;
	clozes?: number;
	text: string;
	line: number;
}

/** The ids of a paragraph's cards, in order: a pair's one or two (forward, reverse), a cloze's one per mark. */
export function partIds(part: Omit<CardSource, 'line'>, ids: CardIds): { id: string; kind: CardKind }[] {
	if (part.type === 'cloze') return Array.from({ length: part.clozes ?? 0 }, (_, index) => ({ id: ids.next(part.text, `cloze ${index + 1}`), kind: 'cloze' as const }));
	const forward = { id: ids.next(part.text, 'forward'), kind: 'forward' as const };
	return part.reverse ? [forward, { id: ids.next(part.text, 'reverse'), kind: 'reverse' as const }] : [forward];
}

/**
 * A note's cards: each topic with a summary section, then, in a note tagged `#flashcards`, the
 * flashcards it writes, each with the topic it stands in.
 */
export function noteCards(
	relativePath: string,
	topics: readonly { id: string; line?: number; sections: readonly { text: string }[] }[],
	sources: readonly CardSource[],
	tags: readonly string[],
): NoteCard[] {
	const ids = new CardIds(relativePath);
	const tagged = tags.some(isFlashcardsTag);
	const topicAt = (line: number) => topics.findLast((topic) => (topic.line ?? 0) <= line)?.id;
	const cards: NoteCard[] = topics
		.filter((topic) => topic.sections.some((section) => isSummaryHeading(section.text)))
		.map((topic) => ({ id: summaryCardId(relativePath, topic.id), kind: 'summary', line: topic.line, topic: topic.id }));
	for (const source of tagged ? sources : []) {
		const topic = topicAt(source.line);
		for (const { id, kind } of partIds(source, ids)) cards.push({ id, kind, line: source.line, ...(topic ? { topic } : {}) });
	}
	return cards;
}

/** May a note's source hold a card (in the plugin's syntax)? A fast look before any tree is walked. */
export const mayHoldCards = (source: string): boolean =>
	source.includes('::') || source.includes('==') || /^[ \t>]*(?:[-*+][ \t]+|\d+[.)][ \t]+)?\?\??[ \t]*$/m.test(source);
