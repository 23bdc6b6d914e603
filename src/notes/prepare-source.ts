import { findWikilinks } from './wikilinks.ts';

/**
 * A note's source as the Markdown parser should see it. Some of what people write is not
 * CommonMark, and must change before a parser sees it (an MkDocs admonition's indented body would
 * be a code block; an Obsidian `%%comment%%` must never reach the page, the search index or the
 * content store). Every reader of a note (the catalogue, the Markdown and MDX pipelines, embeds)
 * reads it through `prepareNoteSource`, so all of them see the same text.
 *
 * Every change keeps the note's lines where they were, but for the blank line that ends an MkDocs
 * block followed at once by another line (`addedLines`, which reports take back out):
 * - `%%comment%%` and `%%` … `%%` blocks become blanks, and Obsidian's block ids (`^5cb177`) go;
 * - a line that only asks for a table of contents (`[TOC]`, `[toc]`, GitLab's `[[_TOC_]]`) becomes
 *   blank: every note page has its own;
 * - MkDocs' `!!! type "Title"`, `??? type` (folded) and `???+ type` (open) with an indented body
 *   become callouts (`> [!type]- Title`), and `=== "Label"` content tabs become `> [!tab] Label`;
 *   one indented under a list item stays in the item, however deep;
 * - `\(…\)` and `\[…\]` become `$…$` and `$$…$$`, and ```` ```math ```` fences `$$` blocks; a `\$`
 *   inside `$…$` becomes `\char36 ` (the parser would end the formula there), and a `$` inside a
 *   wikilink (`[[#Calculate $D$]]`) is escaped: the link is read first, as Obsidian reads it;
 * - Obsidian's inline footnotes `^[text]` become `[^inline-1]`, defined at the end of the note;
 * - a `---` under an embed alone on its line (`![[Note]]`) becomes `***`: a rule, as in Obsidian,
 *   not a setext heading.
 * - in an Obsidian vault, Dataview's inline fields (`key:: value` lines, `[key:: value]` and
 *   `(key:: value)` in text) are wrapped in the property markup (`src/dom/properties.ts`);
 * - in a Logseq graph, last, what Logseq shows differently from what it writes (`src/notes/logseq.ts`):
 *   its drawers and hidden properties are the only lines taken out (`removedLines`).
 * Code (fenced blocks and inline code) is left as written. Control characters (NUL and the like)
 * are taken out everywhere.
 */
import { logseqSource, type LogseqPrepared } from './logseq.ts';
import { readDataviewFields, type InlineField } from './inline-fields.ts';
import { propertyTags } from '../dom/properties.ts';


/** A fenced code block: its lines (0-based, `end` the closing fence or the last line) and its opening. */
interface Fence {
	start: number;
	end: number;
	indent: string;
	marker: string;
	info: string;
}

const FENCE_OPENING = /^(\s*)(`{3,}|~{3,})(.*)$/;

/** The fenced code blocks of a note, found line by line as CommonMark finds them. */
function fencesOf(lines: string[]): Fence[] {
	const fences: Fence[] = [];
	let open: Omit<Fence, 'end'> | undefined;
	lines.forEach((line, index) => {
		const match = FENCE_OPENING.exec(line);
		if (open) {
			if (match && match[2][0] === open.marker[0] && match[2].length >= open.marker.length && match[3].trim() === '') {
				fences.push({ ...open, end: index });
				open = undefined;
			}
		} else if (match && !(match[2][0] === '`' && match[3].includes('`'))) {
			open = { start: index, indent: match[1], marker: match[2], info: match[3].trim() };
		}
	});
	if (open) fences.push({ ...open, end: lines.length - 1 });
	return fences;
}

/** Offsets of text the preparation must not change: fenced code blocks and inline code. */
function codeRanges(source: string): [number, number][] {
	const lines = source.split('\n');
	const lineStarts: number[] = [];
	let offset = 0;
	for (const line of lines) {
		lineStarts.push(offset);
		offset += line.length + 1;
	}
	const ranges: [number, number][] = fencesOf(lines).map(({ start, end }) => [lineStarts[start], (lineStarts[end + 1] ?? source.length + 1) - 1]);
	// Inline code: a run of backticks up to the next run of the same length, within its paragraph.
	for (const match of source.matchAll(/`+/g)) {
		const start = match.index;
		if (inRanges(ranges, start)) continue;
		const closing = new RegExp(`(?<!\`)${match[0]}(?!\`)`, 'g');
		closing.lastIndex = start + match[0].length;
		const found = closing.exec(source);
		if (!found || source.slice(start, found.index).includes('\n\n')) continue;
		ranges.push([start, found.index + match[0].length]);
	}
	return ranges.sort((a, b) => a[0] - b[0]);
}

function inRanges(ranges: [number, number][], offset: number): boolean {
	return ranges.some(([start, end]) => offset >= start && offset < end);
}

/** Replaces every match outside code with what `replace` returns (keeping line breaks is the caller's care). */
function replaceOutsideCode(source: string, pattern: RegExp, replace: (match: RegExpExecArray) => string): string {
	const ranges = codeRanges(source);
	let output = '';
	let last = 0;
	for (const match of source.matchAll(pattern)) {
		if (inRanges(ranges, match.index)) continue;
		output += source.slice(last, match.index) + replace(match as RegExpExecArray);
		last = match.index + match[0].length;
	}
	return output + source.slice(last);
}

/** Blanks that keep the line breaks of what they stand for. */
const blank = (text: string) => text.replace(/[^\n]/g, ' ');

/** `%%a remark%%`, and `%%` … `%%` over several lines: removed, lines kept. */
export function removeComments(source: string): string {
	if (!source.includes('%%')) return source;
	return replaceOutsideCode(source, /%%[\s\S]*?(?:%%|$(?![\s\S]))/g, (match) => blank(match[0]));
}

/**
 * The spaced-repetition plugin's scheduling comments (`<!--SR:!2024-01-05,3,250-->`), which Obsidian
 * rewrites at every review: never on the page, in search or in a card's id. MDX could not parse them.
 */
export function removeReviewComments(source: string): string {
	if (!source.includes('<!--SR:')) return source;
	// Removed with the spaces before it (left, two would make a line break); a line is never removed.
	return replaceOutsideCode(source, /[ \t]*<!--SR:[\s\S]*?-->/g, (match) => match[0].replace(/[^\n]/g, ''));
}

/**
 * Obsidian's block ids (`… wait on each other ^5cb177`, or `^5cb177` on a line of its own):
 * markers Obsidian hides, which links (`[[Note#^5cb177]]`) point at. Removed, lines kept.
 */
export function removeBlockIds(source: string): string {
	if (!source.includes('^')) return source;
	return replaceOutsideCode(source, /(?:^|[ \t])\^[A-Za-z0-9-]+[ \t]*$/gm, () => '');
}

/** Typora's, Python-Markdown's and Hexo's `[TOC]`, GitLab's `[[_TOC_]]`: alone on a line. */
const TOC_MARKER = /^[ \t]{0,3}(?:\[TOC\]|\[\[_TOC_\]\])[ \t]*$/gim;

export function removeTocMarkers(source: string): string {
	if (!/\[toc\]|_toc_/i.test(source)) return source;
	return replaceOutsideCode(source, TOC_MARKER, () => '');
}

/**
 * `!!! type "Title"`, as Python-Markdown reads it: the space after the marker may be left out
 * (`!!!info`, `???+tip`), more classes may follow the type (`inline end`, `annotate`), the title
 * runs to the last quote (`"Use "fork bomb" to test"`). Also at the start of a list item
 * (`- !!! note "…"`), and with the closing quote forgotten.
 */
const ADMONITION = /^( *(?:(?:[-+*]|\d{1,9}[.)]) +)?)(!!!|\?\?\?\+?)[ \t]*(\w[\w-]*)((?:[ \t]+[\w-]+)*)(?:[ \t]+"(.*?)"?)?[ \t]*$/;
const CONTENT_TAB = /^( *)===(!?)[ \t]+"([^"]*)"[ \t]*$/;

/** Lines of a note being prepared; `added[i]` is true for a line the preparation put in. */
export interface PreparedLines {
	lines: string[];
	added: boolean[];
}

/** The indices of the lines of fenced code blocks, their fences included. */
const linesInFences = (lines: string[]): Set<number> =>
	new Set(fencesOf(lines).flatMap(({ start, end }) => Array.from({ length: end - start + 1 }, (_, at) => start + at)));

/** Prepared lines being written, and how to add one. */
function preparedLinesWriter() {
	const output: PreparedLines = { lines: [], added: [] };
	const push = (line: string, added = false) => {
		output.lines.push(line);
		output.added.push(added);
	};
	return { output, push };
}

/** A line that opens a list item: its indent, its marker and the spaces after it. */
const LIST_ITEM = /^( *)([-+*]|\d{1,9}[.)])( +|$)/;

/**
 * The column where the content of the list item that holds line `index` starts, for a block
 * indented `indent` under it; `undefined` when no list item holds it.
 */
function listContentColumn(lines: string[], index: number, indent: number): number | undefined {
	for (let above = index - 1; above >= 0; above--) {
		const line = lines[above];
		const lineIndent = line.length - line.trimStart().length;
		if (line.trim() === '' || lineIndent >= indent) continue;
		const item = LIST_ITEM.exec(line);
		// Five spaces or more after the marker: one belongs to it, the rest to an indented code block.
		if (item) return item[1].length + item[2].length + (item[3].length === 0 || item[3].length > 4 ? 1 : item[3].length);
		if (lineIndent === 0) return undefined;
	}
	return undefined;
}

function mkdocsLines(lines: string[]): PreparedLines {
	const inCode = linesInFences(lines);
	const { output, push } = preparedLinesWriter();
	for (let index = 0; index < lines.length; index++) {
		const line = lines[index];
		const admonition = inCode.has(index) ? undefined : ADMONITION.exec(line);
		const tab = admonition || inCode.has(index) ? undefined : CONTENT_TAB.exec(line);
		if (!admonition && !tab) {
			push(line);
			continue;
		}
		// What comes before the marker: the indent, and for an admonition the marker of a list item it opens (`- !!! note`).
		const written = (admonition ?? tab)![1];
		const inner = `${' '.repeat(written.length)}    `;
		// Indented further under a list item than CommonMark allows (four columns past the item's text is a
		// paragraph's continuation, or code), it is still the item's: the quote starts where the item's text does.
		const lead = written.length - written.trimStart().length;
		const column = listContentColumn(lines, index, lead);
		const prefix = column !== undefined && lead >= column + 4 ? written.slice(lead - column) : written;
		const indent = ' '.repeat(prefix.length);
		let end = index + 1;
		while (end < lines.length && (lines[end].replace(/^\t/, '    ').startsWith(inner) || lines[end].trim() === '')) end++;
		while (end > index + 1 && lines[end - 1].trim() === '') end--;
		const body = mkdocsLines(lines.slice(index + 1, end).map((each) => each.replace(/^\t/, '    ').slice(inner.length)));
		let head: string;
		if (admonition) {
			const [, , kind, type, , title] = admonition;
			const fold = kind === '???' ? '-' : kind === '???+' ? '+' : '';
			head = `[!${type}]${fold}${title === undefined ? '' : ` ${title === '' ? '""' : title}`}`;
		} else head = `[!${tab![2] ? 'tab-group' : 'tab'}] ${tab![3]}`;
		push(`${prefix}> ${head}`);
		body.lines.forEach((each, at) => push(each ? `${indent}> ${each}` : `${indent}>`, body.added[at]));
		// A line right after the body (the next tab, say) would continue the quote: a blank line ends it.
		if (end < lines.length && lines[end].trim() !== '') push('', true);
		index = end - 1;
	}
	return output;
}

/**
 * MkDocs' admonitions and content tabs, with their indented bodies, as callouts and tab quotes.
 * `addedLines` (1-based, in the prepared text) are the blank lines put in where a block is followed
 * at once by another line, which would otherwise continue its quote.
 */
export const mkdocsBlocks = (source: string): PreparedNote => preparedNote(mkdocsPrepared(source));

function mkdocsPrepared(source: string): PreparedLines {
	const lines = source.split('\n');
	return /^ *(?:(?:[-+*]|\d{1,9}[.)]) +)?(?:!!!|\?\?\?)|^ *===/m.test(source) ? mkdocsLines(lines) : { lines, added: lines.map(() => false) };
}

/** A change that keeps every line where it was, made to the text of prepared lines. */
const sameLines = ({ lines, added }: PreparedLines, change: (text: string) => string): PreparedLines => ({ lines: change(lines.join('\n')).split('\n'), added });

const preparedNote = ({ lines, added }: PreparedLines): PreparedNote => ({
	text: lines.join('\n'),
	addedLines: added.flatMap((each, index) => (each ? [index + 1] : [])),
});

/** A line's container prefix: quote markers and indentation. */
const CONTAINER_PREFIX = /^(?:[ \t]*>)*[ \t]*/;

/**
 * `$$` blocks written as Obsidian and Typora allow, with the formula on the `$$` lines
 * (`$$\begin{align}` … `\end{align}$$`): the parser would take the opening line's formula for an
 * info string and read on to the end of the note for a `$$` line of its own. The `$$` goes on a
 * line of its own, which is an added line.
 */
export function displayMathLines({ lines, added }: PreparedLines): PreparedLines {
	if (!lines.some((line) => line.includes('$$'))) return { lines, added };
	const inCode = linesInFences(lines);
	const { output, push } = preparedLinesWriter();
	let open = false;
	lines.forEach((line, index) => {
		const prefix = CONTAINER_PREFIX.exec(line)![0];
		const rest = line.slice(prefix.length).trimEnd();
		if (inCode.has(index) || (!open && !rest.startsWith('$$'))) return push(line, added[index]);
		if (!open) {
			const formula = rest.slice(2);
			if (formula.includes('$$') || formula.startsWith('$')) return push(line, added[index]);
			open = true;
			if (formula.trim() === '') return push(line, added[index]);
			// The `$$` is the added line, so the formula keeps its author's line number.
			push(`${prefix}$$`, true);
			return push(`${prefix}${formula}`, added[index]);
		}
		if (!rest.endsWith('$$')) return push(line, added[index]);
		open = false;
		if (rest === '$$') return push(line, added[index]);
		push(`${prefix}${rest.slice(0, -2)}`, added[index]);
		push(`${prefix}$$`, true);
	});
	return output;
}

/** A container prefix's quote markers, and the indentation after them (a tab as four spaces). */
const quotesOf = (prefix: string) => prefix.replace(/[^>]/g, '');
const indentOf = (prefix: string) => prefix.slice(prefix.lastIndexOf('>') + 1).replace(/\t/g, '    ').length;

/**
 * `![[Note]]` alone on a line, then `---`: Obsidian shows the embed, then a rule; a parser reads a
 * setext heading, which would take the embed away. The rule is written `***`, which no parser
 * reads as a heading (same lines, same length).
 */
export function rulesUnderEmbeds(source: string): string {
	if (!source.includes('![[')) return source;
	const lines = source.split('\n');
	const inCode = linesInFences(lines);
	let changed = false;
	for (let index = 1; index < lines.length; index++) {
		if (inCode.has(index) || inCode.has(index - 1)) continue;
		const prefix = CONTAINER_PREFIX.exec(lines[index])![0];
		const above = CONTAINER_PREFIX.exec(lines[index - 1])![0];
		const rest = lines[index].slice(prefix.length);
		// In the same quote (or none) as the embed, indented as a setext underline may be: `> ![[Note]]` then `> ---`.
		if (!/^-{3,}[ \t]*$/.test(rest) || quotesOf(prefix) !== quotesOf(above) || indentOf(prefix) > (quotesOf(prefix) ? 4 : 3)) continue;
		const embed = lines[index - 1].slice(above.length).trimEnd();
		const [link] = findWikilinks(embed);
		if (!link?.embed || link.length !== embed.length) continue;
		lines[index] = prefix + rest.replace(/-/g, '*');
		changed = true;
	}
	return changed ? lines.join('\n') : source;
}

/** What TeX has and prose rarely does: `\[1\]` and `\(sic\)` are escaped brackets, `\[x^2\]` is math. */
const LOOKS_LIKE_TEX = /[\\^_{}=]/;

/** `$$…$$`, and `$…$` by Pandoc's rules (on one line, a non-space inside each dollar, no digit after). */
const FORMULA = /\$\$[\s\S]+?\$\$|(?<![\\$])\$(?=[^\s$])(?:[^$\\\n]|\\.)*?(?<=\S)\$(?!\d)/g;

/**
 * `\(x\)` and `\[x\]` (LaTeX's own delimiters) as `$x$` and `$$x$$`, which the parser reads as math.
 * Inside a `$…$` formula they are brackets a Markdown processor would have unescaped (kramdown's
 * `$\[\vec{v}\]_B$`): TeX reads them (`src/math/markdown-escapes.ts`), and the formula stays whole.
 * Text with a formula in it (`\[see $x$\]`) or in escaped brackets (`\[\[Note\]\]`) is not maths.
 */
export function latexDelimiters(source: string): string {
	if (!source.includes('\\(') && !source.includes('\\[')) return source;
	const formulas = [...source.matchAll(FORMULA)].map((match): [number, number] => [match.index, match.index + match[0].length]);
	return replaceOutsideCode(source, /\\\(([\s\S]+?)\\\)|\\\[([\s\S]+?)\\\]/g, (match) => {
		const tex = match[1] ?? match[2];
		// `\[\[Note\]\]` is a wikilink with its brackets escaped.
		if (!LOOKS_LIKE_TEX.test(tex) || tex.includes('\n\n') || tex.includes('$') || tex.startsWith('\\[') || inRanges(formulas, match.index)) return match[0];
		return match[1] !== undefined ? `$${tex}$` : `$$${tex}$$`;
	});
}

/** `$…\$…$`: an inline formula with an escaped dollar in it, which Obsidian reads as one formula. */
const FORMULA_WITH_DOLLAR = /(?<![\\$])\$(?=[^\s$])((?:[^$\\\n]|\\.)*?\\\$(?:[^$\\\n]|\\.)*?)(?<=\S)\$(?!\d)/g;

/**
 * `\$` inside `$…$` as `\char36 `, a dollar sign to TeX: the parser would end the formula at it
 * (`$\sigma = \$2.50$`). A `\$` in prose stays an escaped dollar.
 */
export function escapedDollarsInMath(source: string): string {
	if (!source.includes('\\$')) return source;
	return replaceOutsideCode(source, FORMULA_WITH_DOLLAR, (match) => `$${match[1].replace(/\\([\s\S])/g, (pair, next) => (next === '$' ? '\\char36 ' : pair))}$`);
}

/**
 * `[[#Calculate $D$|Calculate $D$]]`: a dollar in a wikilink is text, as Obsidian reads the link
 * first; unescaped, the parser would take `$D$|Calculate $` for a formula and cut the link apart.
 */
export function dollarsInWikilinks(source: string): string {
	if (!source.includes('[[') || !source.includes('$')) return source;
	return replaceOutsideCode(source, /!?\[\[[^[\]\n]*\$[^[\]\n]*\]\]/g, (match) =>
		findWikilinks(match[0]).length === 0 ? match[0] : match[0].replace(/(?<!\\)\$/g, '\\$'),
	);
}

/** ```` ```math ```` fences (GitHub's and GitLab's display math) as `$$` blocks, which the parser reads as math. */
export function mathFences(source: string): string {
	if (!/^\s*(?:`{3,}|~{3,})\s*math\s*$/m.test(source)) return source;
	const lines = source.split('\n');
	for (const fence of fencesOf(lines)) {
		if (fence.info !== 'math') continue;
		lines[fence.start] = `${fence.indent}$$`;
		if (fence.end > fence.start) lines[fence.end] = `${fence.indent}$$`;
	}
	return lines.join('\n');
}

/** `^[an inline note]` as a footnote call, its text defined at the end, numbered with the others. */
export function inlineFootnotes(source: string): string {
	if (!source.includes('^[')) return source;
	const definitions: string[] = [];
	const ranges = codeRanges(source);
	let output = '';
	let last = 0;
	for (let start = source.indexOf('^['); start !== -1; start = source.indexOf('^[', start + 2)) {
		if (start < last || inRanges(ranges, start)) continue;
		let depth = 0;
		let end = -1;
		for (let index = start + 1; index < source.length && source[index] !== '\n'; index++) {
			if (source[index] === '\\') index++;
			else if (source[index] === '[') depth++;
			else if (source[index] === ']' && --depth === 0) {
				end = index;
				break;
			}
		}
		if (end === -1) continue;
		const label = `inline-${definitions.length + 1}`;
		definitions.push(`[^${label}]: ${source.slice(start + 2, end).trim()}`);
		output += `${source.slice(last, start)}[^${label}]`;
		last = end + 1;
	}
	if (definitions.length === 0) return source;
	return `${output}${source.slice(last)}\n\n${definitions.join('\n\n')}\n`;
}

/** A note prepared: its text, and the lines the preparation added (1-based), to give reports the author's lines. */
export interface PreparedNote {
	text: string;
	addedLines: number[];
	/** Lines taken out (a Logseq page's drawers and hidden properties), numbered as in the text before that: `authoredLine` puts them back. */
	removedLines?: number[];
	/** In a vault, its Dataview inline fields, their lines (`index`) the author's. */
	fields?: InlineField[];
	/** A Logseq page's `key:: value` lines and its blocks with ids (see `logseqSource`); its fields' lines are the author's. */
	logseq?: Pick<LogseqPrepared, 'fields' | 'blocks'>;
	/** Where the first control character (NUL and the like) was, and how many were taken out. */
	controlCharacters?: { line: number; column: number; count: number };
}

export interface PrepareOptions {
	/** The note is a page of a Logseq graph (`isLogseqGraph`). */
	logseq?: boolean;
	/** The note is in an Obsidian vault (`isObsidianVault`), whose `key:: value` fields Dataview reads. */
	vault?: boolean;
}

/** A note of a vault with its Dataview fields marked up (see `propertyTags`); its fields' lines made the author's. */
function withDataviewFields(prepared: PreparedNote): PreparedNote {
	if (!prepared.text.includes('::')) return prepared;
	const lines = prepared.text.split('\n');
	const fenced = linesInFences(lines);
	const lineStarts: number[] = [];
	let offset = 0;
	for (const line of lines) {
		lineStarts.push(offset);
		offset += line.length + 1;
	}
	const code = codeRanges(prepared.text);
	const links = lines.map((line) => (line.includes('[[') ? findWikilinks(line) : []));
	const fields = readDataviewFields(lines, (index, column) =>
		column === -1
			? fenced.has(index)
			: inRanges(code, lineStarts[index] + column) || links[index].some((link) => column >= link.index && column < link.index + link.length),
	);
	if (fields.length === 0) return prepared;
	// Right to left, so the columns of the fields before each one still hold.
	for (const field of [...fields].reverse()) {
		const { opening, closing } = propertyTags(field.key, field.form);
		const line = lines[field.index];
		lines[field.index] =
			field.form === 'line'
				? `${field.prefix}${opening}${field.value}${closing}`
				: `${line.slice(0, field.column)}${opening}${field.value}${closing}${line.slice(field.column + field.length)}`;
	}
	return {
		...prepared,
		text: lines.join('\n'),
		fields: fields.map((field) => ({ ...field, index: authoredLine(field.index + 1, prepared.addedLines) - 1 })),
	};
}

/** A page of a Logseq graph, prepared as Logseq shows it; its fields' lines made the author's. */
function withLogseq(prepared: PreparedNote): PreparedNote {
	const { lines, removedLines, fields, blocks } = logseqSource(prepared.text.split('\n'));
	return {
		text: lines.join('\n'),
		addedLines: prepared.addedLines,
		removedLines,
		logseq: { fields: fields.map((field) => ({ ...field, index: authoredLine(field.index + 1, prepared.addedLines) - 1 })), blocks },
	};
}

/** Characters no note means to hold (NUL, backspace, escape…): tabs, newlines and carriage returns stay. */
const CONTROL_CHARACTERS = /[\0-\x08\x0B\x0C\x0E-\x1F\x7F]/g;

/** The note as every reader of it sees it: see the module comment. */
export function prepareNote(source: string, options: PrepareOptions = {}): PreparedNote {
	const blocks = mkdocsPrepared(removeTocMarkers(removeBlockIds(removeReviewComments(removeComments(source)))));
	const maths = displayMathLines(sameLines(blocks, (text) => rulesUnderEmbeds(latexDelimiters(mathFences(text)))));
	const common = preparedNote(sameLines(maths, (text) => inlineFootnotes(escapedDollarsInMath(dollarsInWikilinks(text)))));
	const prepared = options.logseq ? withLogseq(common) : options.vault ? withDataviewFields(common) : common;
	const controls = [...prepared.text.matchAll(CONTROL_CHARACTERS)];
	if (controls.length === 0) return prepared;
	const before = prepared.text.slice(0, controls[0].index).split('\n');
	return {
		...prepared,
		text: prepared.text.replace(CONTROL_CHARACTERS, ''),
		controlCharacters: { line: before.length, column: before.at(-1)!.length + 1, count: controls.length },
	};
}

export const prepareNoteSource = (source: string, options: PrepareOptions = {}): string => prepareNote(source, options).text;

/** A line of the prepared text as a line of the note as written: the lines taken out put back, then the lines added taken out. */
export function authoredLine(line: number, addedLines: readonly number[], removedLines: readonly number[] = []): number {
	let before = line;
	for (const removed of removedLines) if (removed <= before) before++;
	return before - addedLines.filter((added) => added < before).length;
}
