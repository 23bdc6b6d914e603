import { existsSync } from 'node:fs';
import path from 'node:path';
import { propertyTags } from '../dom/properties.ts';
import { readInlineFields, type LineField } from './inline-fields.ts';
import { mediaFileKind, webEmbed } from './media.ts';
import { withWikilinksShown } from './wikilinks.ts';

/**
 * Logseq graphs: a folder with `pages/`, `journals/` and `logseq/config.edn`, where every line is
 * a block (`- text`, children indented) and what Logseq shows differently from what it writes is
 * prepared here, line by line, before any parser sees a page (`prepareNote`):
 *
 * - `key:: value` lines (`readInlineFields`): those at the top of a page are its properties, the
 *   others its blocks'; both show as small `key value` lines (`src/dom/properties.ts`), but those
 *   Logseq keeps to itself (`id::`, `collapsed::`, the flashcard schedule…), which go;
 * - `:LOGBOOK:` … `:END:` drawers go; `SCHEDULED: <…>` and `DEADLINE: <…>` show as properties;
 * - `TODO`/`LATER` open a block as an unticked task (`- [ ]`), `DONE` ticked, `NOW`, `DOING`
 *   and `WAITING` unticked with their word, `CANCELED` struck through;
 * - `{{embed [[Page]]}}` is `![[Page]]`, `{{embed ((uuid))}}` is `!((uuid))` (the block, which
 *   `remark-block-refs` embeds), `{{video URL}}` and `{{youtube URL}}` the video (`videoMarkdown`),
 *   `{{cloze text}}` a highlight, `{{youtube-timestamp 90}}` the time (`▶ 1:30`); any other macro (`{{renderer …}}`, `{{query …}}`: a plugin's or a
 *   query's output, which only Logseq can make) goes;
 * - a block written without a bullet at the top (`## Scratchpad`) keeps its children, indented
 *   under it, as its list: without this they would be an indented code block.
 *
 * Lines that go are taken out (`removedLines`, which reports put back); every other line stays
 * where it was. Code (fenced, inline) is left as written.
 */

/** The folder is a Logseq graph: it has Logseq's settings. */
export const isLogseqGraph = (notesRoot: string): boolean => existsSync(path.join(notesRoot, 'logseq', 'config.edn'));

/** A block with an id (`id:: 64f…`), which `((64f…))` shows and `{{embed ((64f…))}}` embeds. */
export interface LogseqBlock {
	id: string;
	/** The block's text, as plain text: what a reference to it shows. */
	text: string;
	/** Its first and last lines in the prepared text (1-based): what an embed of it shows. */
	line: number;
	endLine: number;
	/** The indentation of its first line in the prepared text, which an embed takes off every line. */
	indent: string;
}

export interface LogseqPrepared {
	lines: string[];
	/** Lines taken out, by their number (1-based) in the text as it came. */
	removedLines: number[];
	/** The `key:: value` lines, with their index in the text as it came. */
	fields: (LineField & { page: boolean })[];
	blocks: LogseqBlock[];
}

/**
 * Properties Logseq uses and never shows: a block's id and folding, its heading and colour, the
 * flashcard schedule, PDF highlights' bookkeeping, and the page title (the page's title here).
 */
const HIDDEN_PROPERTIES = new Set([
	'id', 'custom-id', 'collapsed', 'heading', 'background-color', 'created-at', 'updated-at', 'last-modified-at',
	'card-last-score', 'card-repeats', 'card-next-schedule', 'card-last-interval', 'card-ease-factor', 'card-last-reviewed',
	'ls-type', 'hl-type', 'hl-page', 'hl-stamp', 'hl-color', 'query-table', 'query-properties', 'query-sort-by', 'query-sort-desc',
	'logseq.order-list-type', 'icon', 'public', 'exclude-from-graph-view', 'filters', 'title',
]);

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const BLOCK_REF = new RegExp(`(!?)\\(\\((${UUID})\\)\\)`, 'gi');

/** A reference to a block, `((uuid))`, or an embed of it as prepared (`!((uuid))`), in text. */
export interface BlockRef {
	index: number;
	length: number;
	id: string;
	embed: boolean;
}

export function findBlockRefs(text: string): BlockRef[] {
	if (!text.includes('((')) return [];
	return [...text.matchAll(BLOCK_REF)].map((match) => ({ index: match.index, length: match[0].length, id: match[2].toLowerCase(), embed: match[1] === '!' }));
}

const DRAWER_START = /^[ \t]*:([A-Za-z][\w-]*):[ \t]*$/;
const DRAWER_END = /^[ \t]*:END:[ \t]*$/i;
const PLANNING = /^([ \t]*)(SCHEDULED|DEADLINE):[ \t]*<([^>\n]*)>[ \t]*$/;
const TASK = /^([ \t]*-[ \t]+)(TODO|LATER|NOW|DOING|IN-PROGRESS|WAITING|WAIT|DONE|CANCELED|CANCELLED)(?:[ \t]+(.*))?$/;
const FENCE = /^[ \t]*(?:-[ \t]+)?(`{3,}|~{3,})/;
const BULLET = /^[ \t]*-(?:[ \t]|$)/;
const MACRO = /\{\{([\w-]+)(?:[ \t]+([^\n]*?))?[ \t]*\}\}/g;

/** Indentation as columns, a tab to the next multiple of four (as CommonMark counts it). */
function width(indentation: string): number {
	let columns = 0;
	for (const character of indentation) columns = character === '\t' ? columns + 4 - (columns % 4) : columns + 1;
	return columns;
}

const indentOf = (line: string) => /^[ \t]*/.exec(line)![0];

/** Lines inside fenced code (fences included), also where a fence opens a list item (`- ```bash`). */
function codeLines(lines: string[]): Set<number> {
	const code = new Set<number>();
	let open: string | undefined;
	lines.forEach((line, index) => {
		const fence = FENCE.exec(line)?.[1];
		if (open) {
			code.add(index);
			if (fence && fence[0] === open[0] && fence.length >= open.length && line.trim() === fence) open = undefined;
		} else if (fence && !(fence[0] === '`' && line.slice(line.indexOf(fence) + fence.length).includes('`'))) {
			open = fence;
			code.add(index);
		}
	});
	return code;
}

const angleUrl = (url: string) => `<${url.replace(/[<>]/g, encodeURIComponent)}>`;

/**
 * `{{video URL}}`: a YouTube or Vimeo video, or a video file, as an image, which the media
 * pipeline shows as a click-to-load placeholder or a player (`src/dom/media.ts`); anything else a
 * link to it.
 */
function videoMarkdown(url: string): string {
	if (!url) return '';
	if (webEmbed(url) || mediaFileKind(url)) return `![](${angleUrl(url)})`;
	const name = decodeURIComponent(url.split(/[?#]/)[0].split('/').filter(Boolean).at(-1) ?? url).replace(/([\\[\]*_`<])/g, '\\$1');
	return `[▶ ${name}](${angleUrl(url)})`;
}

const timestamp = (seconds: number) => {
	const [hours, minutes] = [Math.floor(seconds / 3600), Math.floor((seconds % 3600) / 60)];
	const rest = String(seconds % 60).padStart(2, '0');
	return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${rest}` : `${minutes}:${rest}`;
};

/** A macro (`{{name arguments}}`) as Markdown: see the module comment. */
function macroMarkdown(name: string, argument: string): string {
	switch (name.toLowerCase()) {
		case 'embed': {
			const page = /^\[\[([^[\]\n]+)\]\]$/.exec(argument);
			if (page) return `![[${page[1]}]]`;
			const block = new RegExp(`^\\(\\((${UUID})\\)\\)$`, 'i').exec(argument);
			return block ? `!((${block[1]}))` : '';
		}
		case 'video':
		case 'youtube':
			return videoMarkdown(argument);
		case 'cloze':
			return argument ? `==${argument}==` : '';
		case 'youtube-timestamp':
			return /^\d+$/.test(argument) ? `▶ ${timestamp(Number(argument))}` : '';
		default:
			return '';
	}
}

/** A line's macros as Markdown, its inline code left as written. */
function withMacros(line: string): string {
	if (!line.includes('{{')) return line;
	// Odd parts are code spans: a run of backticks to the next run as long.
	return line
		.split(/(`+[^`]*?`+)/)
		.map((part, index) => (index % 2 === 1 ? part : part.replace(MACRO, (_, name: string, argument = '') => macroMarkdown(name, argument.trim()))))
		.join('');
}

/** A task marker opening a block, as the GitHub task list item (or strike) Logseq's checkbox is. */
function withTask(line: string): string {
	const task = TASK.exec(line);
	if (!task) return line;
	const [, bullet, marker, rest = ''] = task;
	switch (marker) {
		case 'TODO':
		case 'LATER':
			return `${bullet}[ ] ${rest}`;
		case 'DONE':
			return `${bullet}[x] ${rest}`;
		case 'CANCELED':
		case 'CANCELLED':
			return rest ? `${bullet}~~${rest}~~` : bullet.trimEnd();
		default:
			return `${bullet}[ ] ${marker} ${rest}`;
	}
}

/** A block's first line as plain text: no bullet, task marker, heading or quote marks, links shown by their text. */
function plainText(line: string): string {
	const text = line
		.replace(/^[ \t]*(?:-[ \t]+)?/, '')
		.replace(/^(?:TODO|LATER|NOW|DOING|IN-PROGRESS|WAITING|WAIT|DONE|CANCELED|CANCELLED)[ \t]+/, '')
		.replace(/^(?:>[ \t]?)*(?:#{1,6}[ \t]+)?/, '')
		.replace(MACRO, '')
		.replace(/!?\[([^\]\n]*)\]\([^)\n]*\)/g, '$1')
		.replace(/(\*\*|__|~~|==)(.+?)\1/g, '$2');
	return withWikilinksShown(text).trim();
}

/**
 * The lines each dedented under a block written without a bullet at the top (`## Scratchpad`
 * followed by `\t- …`): by the indentation of its first indented line, up to the next line at the
 * top. Line numbers do not change.
 */
function childrenOfTopLines(lines: string[], code: Set<number>): string[] {
	let underTopLine = false;
	let unit: string | undefined;
	return lines.map((line, index) => {
		if (line.trim() === '') return line;
		const indentation = indentOf(line);
		if (indentation === '') {
			// A line at the top inside a fence at the top: the fence's, which it neither ends nor starts.
			if (code.has(index) && code.has(index - 1)) return line;
			underTopLine = !BULLET.test(line) && !code.has(index);
			unit = undefined;
			return line;
		}
		if (!underTopLine) return line;
		unit ??= indentation;
		return line.startsWith(unit) ? line.slice(unit.length) : line.trimStart();
	});
}

/** Where each block with an id starts and ends (0-based indices into `lines`) and what it says. */
function blockAt(lines: string[], fieldIndex: number, isField: (index: number) => boolean, field: LineField) {
	let start = fieldIndex;
	if (!field.bullet) {
		while (start > 0 && (isField(start) || lines[start].trim() === '' || start === fieldIndex)) start--;
	}
	// Its continuation lines and children are indented deeper (its properties may not be, at the top).
	const indentation = width(indentOf(lines[start]));
	let end = start;
	for (let index = start + 1; index < lines.length; index++) {
		if (lines[index].trim() === '') continue;
		if (width(indentOf(lines[index])) <= indentation && !isField(index)) break;
		end = index;
	}
	let textLine = start;
	while (textLine < end && (isField(textLine) || lines[textLine].trim() === '')) textLine++;
	return { start, end, text: plainText(isField(textLine) ? '' : lines[textLine]) };
}

/** Prepares a page of a Logseq graph: see the module comment. */
export function logseqSource(input: string[]): LogseqPrepared {
	const code = codeLines(input);
	const removed = new Set<number>();
	const lines = [...input];
	// Drawers, closed by `:END:`, go whole.
	for (let index = 0; index < lines.length; index++) {
		if (code.has(index) || !DRAWER_START.test(lines[index]) || DRAWER_END.test(lines[index])) continue;
		const end = lines.findIndex((line, at) => at > index && DRAWER_END.test(line));
		if (end === -1) break;
		for (let at = index; at <= end; at++) removed.add(at);
		index = end;
	}
	const read = readInlineFields(lines, code).filter(({ index }) => !removed.has(index));
	const fieldIndices = new Set(read.map(({ index }) => index));
	// Page properties: the lines at the top of the page, before its first block.
	const firstBlock = lines.findIndex((line, index) => line.trim() !== '' && !fieldIndices.has(index));
	const fields = read.map((field) => ({ ...field, page: field.prefix === '' && (firstBlock === -1 || field.index < firstBlock) }));
	const blocks = fields
		.filter(({ key }) => key.toLowerCase() === 'id')
		.flatMap((field) => {
			const id = field.value.toLowerCase();
			if (!new RegExp(`^${UUID}$`, 'i').test(id)) return [];
			return [{ id, ...blockAt(lines, field.index, (index) => fieldIndices.has(index) || removed.has(index), field) }];
		});
	for (const field of fields) {
		if (!HIDDEN_PROPERTIES.has(field.key.toLowerCase())) {
			const { opening, closing } = propertyTags(field.key);
			lines[field.index] = `${field.prefix}${opening}${field.value}${closing}`;
		} else if (field.bullet) lines[field.index] = field.prefix.trimEnd();
		else removed.add(field.index);
	}
	const prepared = childrenOfTopLines(lines, code).map((line, index) => {
		if (code.has(index) || removed.has(index) || fieldIndices.has(index)) return line;
		const planning = PLANNING.exec(line);
		if (planning) {
			const { opening, closing } = propertyTags(planning[2].toLowerCase());
			return `${planning[1]}${opening}${planning[3]}${closing}`;
		}
		return withMacros(withTask(line));
	});
	// Where each line of the text as it came stands in the prepared text (0-based), lines taken out after the one before.
	const kept: number[] = [];
	let count = 0;
	for (let index = 0; index < prepared.length; index++) {
		kept.push(count);
		if (!removed.has(index)) count++;
	}
	const lastKept = (index: number) => {
		let at = index;
		while (at > 0 && removed.has(at)) at--;
		return kept[at];
	};
	return {
		lines: prepared.filter((_, index) => !removed.has(index)),
		removedLines: [...removed].sort((a, b) => a - b).map((index) => index + 1),
		fields,
		blocks: blocks.map(({ id, start, end, text }) => ({ id, text, line: kept[start] + 1, endLine: lastKept(end) + 1, indent: indentOf(prepared[start]) })),
	};
}
