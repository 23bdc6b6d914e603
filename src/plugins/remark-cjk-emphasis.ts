import type { Heading, Paragraph, PhrasingContent, TableCell } from 'mdast';
import type { MdastPluginEntry, MdastVisitorContext } from 'satteri';
import { sourceMayHold } from './satteri.ts';

/**
 * A CJK character, as the CJK-friendly amendment to CommonMark counts them (East Asian wide,
 * full-width or half-width, and Hangul; approximated by script and block): ideographs, kana,
 * Hangul, and their punctuation (`。`, `：`, `（`, `「`).
 */
const CJK = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}\p{sc=Bopomofo}\u2e80-\u2fdf\u3001-\u303e\u3099-\u30ff\u3190-\u33ff\ufe10-\ufe19\ufe30-\ufe6f\uff01-\uffee]/u;
/** Only beside a CJK character can the amendment read a `*` or `_` otherwise than CommonMark does. */
const CJK_BESIDE_DELIMITER = new RegExp(`${CJK.source}[*_]|[*_]${CJK.source}`, 'u');
/** CommonMark's Unicode punctuation: general categories P and S. */
const PUNCTUATION = /[\p{P}\p{S}]/u;
const WHITESPACE = /\s/u;
/** What stands beside a delimiter where another node starts or ends: its markup (`` ` ``, `[`, `*`, `$`…), ASCII punctuation. */
const MARKUP = '*';
/** A `\*`, `\_` or character reference written for one (`&ast;`, `&#95;`): a literal character, not a delimiter. */
const LITERAL_DELIMITER = /^(?:\\[*_]|&(?:ast|midast|lowbar|UnderBar|#0*(?:42|95)|#[xX]0*(?:2[aA]|5[fF]));)$/;
/** In a text's source: an escape, a character reference, or a delimiter character. */
const SOURCE_TOKEN = /\\[\s\S]|&#?\w+;|[*_]/g;

type Marker = '*' | '_';
type Kind = 'emphasis' | 'strong';

/** A run of `*` or `_` (left as text, or taken from emphasis): what it can do, and what it did once paired. */
interface DelimiterRun {
	marker: Marker;
	length: number;
	remaining: number;
	canOpen: boolean;
	canClose: boolean;
	/** Still a candidate (CommonMark's delimiter stack). */
	active: boolean;
	/** What it opened, innermost first (taken from its right end). */
	opens: Kind[];
	/** What it closed, innermost first (taken from its left end). */
	closes: Kind[];
}

type Item = { node: PhrasingContent } | DelimiterRun;
/** A list taken apart: texts, the nodes between them, and the delimiter characters of both. */
type Piece = { text: string } | { node: PhrasingContent } | { delimiter: Marker };

const isSpace = (character: string | undefined) => character === undefined || WHITESPACE.test(character);
const isPunctuation = (character: string | undefined) => character !== undefined && PUNCTUATION.test(character);
const isCjk = (character: string | undefined) => character !== undefined && CJK.test(character);

/**
 * Whether a run can open and close, by CommonMark's flanking rules or by the CJK-friendly ones
 * (`cjkFriendly`), where CJK punctuation counts as a letter and a CJK character before an opener or
 * after a closer lets it flank punctuation: `关键字**`friend`**。`, `中文**（括号）**中文`.
 */
function runCan(marker: Marker, before: string | undefined, after: string | undefined, cjkFriendly: boolean) {
	const punctuation = (character: string | undefined) => isPunctuation(character) && !(cjkFriendly && isCjk(character));
	const left = !isSpace(after) && (!punctuation(after) || isSpace(before) || punctuation(before) || (cjkFriendly && isCjk(before)));
	const right = !isSpace(before) && (!punctuation(before) || isSpace(after) || punctuation(after) || (cjkFriendly && isCjk(after)));
	if (marker === '*') return { canOpen: left, canClose: right };
	// `_` does not open or close inside a word.
	return { canOpen: left && (!right || isPunctuation(before)), canClose: right && (!left || isPunctuation(after)) };
}

/** The character a piece shows a delimiter beside it: a text's own, a line break's newline, or markup. */
function edgeOf(piece: Piece | undefined, end: 'first' | 'last', outside: string | undefined): string | undefined {
	if (!piece) return outside;
	if ('delimiter' in piece) return piece.delimiter;
	if ('text' in piece) return end === 'first' ? String.fromCodePoint(piece.text.codePointAt(0)!) : Array.from(piece.text.slice(-2)).at(-1);
	return piece.node.type === 'break' ? '\n' : MARKUP;
}

/**
 * For each `*` and `_` of a text, in order: was it written as a delimiter, not escaped (`\*`) or
 * as a character reference? `undefined` when the source does not account for them all. A text
 * without a position was made by an earlier plugin from text already unescaped: all count.
 */
function writtenAsDelimiters(node: PhrasingContent & { value: string }, source: string): boolean[] | undefined {
	const count = node.value.replace(/[^*_]/g, '').length;
	const start = node.position?.start.offset;
	const end = node.position?.end.offset;
	if (start === undefined || end === undefined) return Array<boolean>(count).fill(true);
	const written: boolean[] = [];
	for (const [token] of source.slice(start, end).matchAll(SOURCE_TOKEN)) {
		if (token === '*' || token === '_') written.push(true);
		else if (LITERAL_DELIMITER.test(token)) written.push(false);
	}
	return written.length === count ? written : undefined;
}

/** How many delimiter characters an emphasis or strong node was written with, or `undefined` when its source does not show them. */
function delimitersOf(node: PhrasingContent, source: string): { marker: Marker; count: number } | undefined {
	if (node.type !== 'emphasis' && node.type !== 'strong') return undefined;
	const start = node.position?.start.offset;
	const end = node.position?.end.offset;
	if (start === undefined || end === undefined) return undefined;
	const count = node.type === 'strong' ? 2 : 1;
	const marker = source[start];
	if (marker !== '*' && marker !== '_') return undefined;
	const written = source.slice(start, start + count) + source.slice(end - count, end);
	return written === marker.repeat(2 * count) ? { marker, count } : undefined;
}

/**
 * A list taken apart into pieces: its texts cut at their delimiter characters, and its emphasis and
 * strong (CommonMark's pairs, to pair again) into their delimiters and contents.
 */
function piecesOf(children: readonly PhrasingContent[], source: string, pieces: Piece[] = []): Piece[] {
	for (const child of children) {
		const delimiters = delimitersOf(child, source);
		if (delimiters) {
			const marks = Array.from({ length: delimiters.count }, () => ({ delimiter: delimiters.marker }));
			pieces.push(...marks);
			piecesOf((child as { children: PhrasingContent[] }).children, source, pieces);
			pieces.push(...marks);
			continue;
		}
		if (child.type !== 'text') {
			pieces.push({ node: child });
			continue;
		}
		const written = /[*_]/.test(child.value) ? writtenAsDelimiters(child, source) : undefined;
		if (!written) {
			pieces.push({ text: child.value });
			continue;
		}
		let delimiter = 0;
		let last = 0;
		child.value.replace(/[*_]/g, (marker, index: number) => {
			if (written[delimiter++]) {
				if (index > last) pieces.push({ text: child.value.slice(last, index) });
				pieces.push({ delimiter: marker as Marker });
				last = index + 1;
			}
			return marker;
		});
		if (last < child.value.length) pieces.push({ text: child.value.slice(last) });
	}
	return pieces;
}

/**
 * The pieces as items: consecutive delimiter characters of one kind make a run, with what it can
 * do by the CJK-friendly rules; `differs` when CommonMark's rules would read any run otherwise.
 */
function itemsOf(pieces: Piece[], edges: Edges) {
	const items: Item[] = [];
	let differs = false;
	for (let index = 0; index < pieces.length; ) {
		const piece = pieces[index];
		if (!('delimiter' in piece)) {
			items.push('text' in piece ? { node: { type: 'text', value: piece.text } } : piece);
			index++;
			continue;
		}
		let end = index;
		while (end < pieces.length && (pieces[end] as { delimiter?: Marker }).delimiter === piece.delimiter) end++;
		const before = edgeOf(pieces[index - 1], 'last', edges.before);
		const after = edgeOf(pieces[end], 'first', edges.after);
		const friendly = runCan(piece.delimiter, before, after, true);
		const common = runCan(piece.delimiter, before, after, false);
		differs ||= friendly.canOpen !== common.canOpen || friendly.canClose !== common.canClose;
		items.push({ marker: piece.delimiter, length: end - index, remaining: end - index, ...friendly, active: true, opens: [], closes: [] });
		index = end;
	}
	return { items, differs };
}

/** CommonMark's rule of 3: a run that can both open and close pairs only when the lengths allow it. */
function canPair(opener: DelimiterRun, closer: DelimiterRun): boolean {
	if (!opener.active || !opener.canOpen || opener.marker !== closer.marker) return false;
	const sum = opener.length + closer.length;
	return !((opener.canClose || closer.canOpen) && sum % 3 === 0 && !(opener.length % 3 === 0 && closer.length % 3 === 0));
}

/** CommonMark's "process emphasis" over the runs, in order. */
function pairRuns(runs: DelimiterRun[]): void {
	/** Below which no opener is left for a closer of this kind (CommonMark's `openers_bottom`). */
	const bottoms = new Map<string, number>();
	runs.forEach((closer, index) => {
		while (closer.active && closer.canClose) {
			const key = `${closer.marker}${closer.canOpen}${closer.length % 3}`;
			const bottom = bottoms.get(key) ?? -1;
			let at = index - 1;
			while (at > bottom && !canPair(runs[at], closer)) at--;
			if (at <= bottom) {
				bottoms.set(key, index - 1);
				if (!closer.canOpen) closer.active = false;
				return;
			}
			const opener = runs[at];
			const kind: Kind = opener.remaining >= 2 && closer.remaining >= 2 ? 'strong' : 'emphasis';
			const used = kind === 'strong' ? 2 : 1;
			opener.opens.push(kind);
			closer.closes.push(kind);
			opener.remaining -= used;
			closer.remaining -= used;
			for (const between of runs.slice(at + 1, index)) between.active = false;
			if (opener.remaining === 0) opener.active = false;
			if (closer.remaining === 0) closer.active = false;
		}
	});
}

/** The phrasing nodes the items make: paired runs as emphasis and strong, the rest as text. */
function nodesOf(items: Item[]): PhrasingContent[] {
	const root: PhrasingContent[] = [];
	const open: PhrasingContent[][] = [];
	const append = (node: PhrasingContent) => {
		const list = open.at(-1) ?? root;
		const previous = list.at(-1);
		if (node.type === 'text' && previous?.type === 'text') list[list.length - 1] = { type: 'text', value: previous.value + node.value };
		else list.push(node);
	};
	for (const item of items) {
		if ('node' in item) {
			append(item.node);
			continue;
		}
		for (const kind of item.closes) append({ type: kind, children: open.pop()! } as PhrasingContent);
		if (item.remaining > 0) append({ type: 'text', value: item.marker.repeat(item.remaining) });
		open.push(...item.opens.map((): PhrasingContent[] => []));
	}
	return root;
}

/** What stands outside a list of phrasing nodes; `undefined`: the start or end of a line. */
interface Edges {
	before?: string;
	after?: string;
}

/** Inside a link, a highlight or a strikethrough, a list of its own: its edges are markup. */
const INSIDE_MARKUP: Edges = { before: MARKUP, after: MARKUP };

/** A node with children of its own (a link…), its list paired; `undefined` when nothing in it changes. */
function nestedWithCjkEmphasis(node: PhrasingContent, source: string): PhrasingContent | undefined {
	if (!('children' in node)) return undefined;
	const children = withCjkEmphasis(node.children as PhrasingContent[], source, INSIDE_MARKUP);
	return children && ({ ...node, children } as PhrasingContent);
}

/** The list with only the lists of links (and the like) inside it paired, through its emphasis and strong. */
function withNestedLists(children: readonly PhrasingContent[], source: string): PhrasingContent[] | undefined {
	let changed = false;
	const mapped = children.map((child) => {
		let nested: PhrasingContent | undefined;
		if (!delimitersOf(child, source)) nested = nestedWithCjkEmphasis(child, source);
		else {
			const inner = withNestedLists((child as { children: PhrasingContent[] }).children, source);
			nested = inner && ({ ...child, children: inner } as PhrasingContent);
		}
		changed ||= nested !== undefined;
		return nested ?? child;
	});
	return changed ? mapped : undefined;
}

/**
 * The phrasing nodes with their `*`, `**`, `_` and `__` runs paired as the CJK-friendly amendment
 * pairs them, or `undefined` when nothing changes. A list where no run reads otherwise than under
 * CommonMark keeps CommonMark's pairs, so text without CJK beside its delimiters never changes;
 * in one where some run does, the list's emphasis is taken apart and paired again. `source` is the
 * note's text the nodes' positions point into.
 */
export function withCjkEmphasis(children: readonly PhrasingContent[], source: string, edges: Edges = {}): PhrasingContent[] | undefined {
	const { items, differs } = itemsOf(piecesOf(children, source), edges);
	if (!differs) return withNestedLists(children, source);
	pairRuns(items.filter((item): item is DelimiterRun => !('node' in item)));
	return nodesOf(items.map((item) => ('node' in item ? { node: nestedWithCjkEmphasis(item.node, source) ?? item.node } : item)));
}

/**
 * Emphasis beside Chinese, Japanese and Korean text as Obsidian and Typora show it:
 * `关键字**`friend`**。` and `**加粗：**后文` are bold, where CommonMark's flanking rules leave the
 * `**` as text. Sätteri parses by CommonMark, so after the parse this pairs a paragraph's runs again
 * (those left in text and those of the emphasis CommonMark made) by the rules of the CJK-friendly
 * amendment, as `remark-cjk-friendly` does. A note without a `*` or `_` beside a CJK character is
 * not walked, nor a paragraph, heading or table cell whose source has none.
 */
export function remarkCjkEmphasis(): MdastPluginEntry {
	const visit = <Block extends Paragraph | Heading | TableCell>(node: Readonly<Block>, context: MdastVisitorContext): Block | undefined => {
		// Its source, not its text: a `**` CommonMark paired wrongly is no longer in the text.
		const start = node.position?.start.offset;
		const end = node.position?.end.offset;
		const written = start === undefined || end === undefined ? context.textContent(node) : context.source.slice(start, end);
		if (!CJK_BESIDE_DELIMITER.test(written)) return undefined;
		const children = withCjkEmphasis(node.children, context.source);
		return children ? { ...node, children } : undefined;
	};
	return (factory) =>
		sourceMayHold(factory.source, CJK_BESIDE_DELIMITER) && {
			name: 'remark-cjk-emphasis',
			options: { position: true },
			paragraph: visit,
			heading: visit,
			tableCell: visit,
		};
}
