/**
 * `key:: value` fields: Logseq's page and block properties, and the inline fields Obsidian's
 * Dataview reads (lines, and `[key:: value]` or `(key:: value)` inside text). One reading of them,
 * by line, for every feature that shows or uses them.
 */

import type { PropertyForm } from '../dom/properties.ts';

interface FieldRead {
	/** As written, without Markdown around it (`date-saved`, `Due Date`). */
	key: string;
	/** Trimmed; Markdown as written (`[[recipes]] [[sent to logseq]]`). */
	value: string;
	/** 0-based index of its line in the lines read. */
	index: number;
}

/** A `key:: value` line. */
export interface LineField extends FieldRead {
	form: 'line';
	/** What stands before the key: the line's indentation, and a list marker (`\t- `) when the field opens a list item. */
	prefix: string;
	/** The field opens a list item (`- id:: 64f…`) rather than continuing a block. */
	bullet: boolean;
}

/** A `[key:: value]` or `(key:: value)` (whose key Dataview hides) inside a line. */
export interface TextField extends FieldRead {
	form: Exclude<PropertyForm, 'line'>;
	/** 0-based column of its opening bracket, and its length up to the closing one included. */
	column: number;
	length: number;
}

export type InlineField = LineField | TextField;

/** Logseq's: `key:: value`, `key::` with nothing after, or `- key:: value` opening a list item. */
const LOGSEQ_LINE = /^([ \t]*(-[ \t]+)?)([\p{L}\p{N}_][\p{L}\p{N}_.-]*)::(?:[ \t]+(.*?))?[ \t]*$/u;

/**
 * Dataview's: the key may hold spaces and slashes (`Due Date:: …`) and be wrapped in emphasis
 * (`**Rating**:: 9`); a list item or a task (`- [ ] `) may open with it. A `::` with no space
 * after it (`std::vector` in prose) is not a field.
 */
const DATAVIEW_LINE = /^([ \t]*((?:[-*+]|\d{1,9}[.)])[ \t]+(?:\[.\][ \t]+)?)?)([*_~]*)([\p{L}\p{N}_][\p{L}\p{N}_ /-]*?)\3::(?:[ \t]+(.*?))?[ \t]*$/u;

/** A key inside brackets: words, spaces, `-`, `_`, `/`, as Dataview allows, no Markdown. */
const TEXT_FIELD_KEY = /^[\p{L}\p{N}_][\p{L}\p{N}_ /-]*$/u;

const CLOSING = { '[': ']', '(': ')' } as const;

function lineField(match: RegExpExecArray, keyGroup: number, index: number): LineField {
	return { form: 'line', key: match[keyGroup].trim(), value: match[keyGroup + 1] ?? '', index, prefix: match[1], bullet: match[2] !== undefined };
}

/** Logseq's `key:: value` lines among `lines`, but those whose indices `skip` holds (code). */
export function readInlineFields(lines: readonly string[], skip: ReadonlySet<number> = new Set()): LineField[] {
	return lines.flatMap((line, index) => {
		const match = skip.has(index) || !line.includes('::') ? null : LOGSEQ_LINE.exec(line);
		return match ? [lineField(match, 3, index)] : [];
	});
}

/** Where the bracket opened at `start` closes (nested brackets counted, `\]` skipped), or -1. */
function closingAt(line: string, start: number, open: '[' | '('): number {
	let depth = 0;
	for (let at = start; at < line.length; at++) {
		if (line[at] === '\\') at++;
		else if (line[at] === open) depth++;
		else if (line[at] === CLOSING[open] && --depth === 0) return at;
	}
	return -1;
}

/** The `[key:: value]` and `(key:: value)` in `line`, left to right; `skip(column)` is true where they cannot start (code, a wikilink). */
function textFields(line: string, index: number, skip: (column: number) => boolean): TextField[] {
	const fields: TextField[] = [];
	for (let at = 0; at < line.length; at++) {
		const open = line[at];
		if ((open !== '[' && open !== '(') || skip(at)) continue;
		const separator = line.indexOf('::', at);
		const end = separator === -1 ? -1 : closingAt(line, at, open);
		if (end === -1 || separator > end) continue;
		const key = line.slice(at + 1, separator).trim();
		if (!TEXT_FIELD_KEY.test(key)) continue;
		fields.push({ form: open === '[' ? 'bracket' : 'parenthesis', key, value: line.slice(separator + 2, end).trim(), index, column: at, length: end + 1 - at });
		at = end;
	}
	return fields;
}

/**
 * Dataview's inline fields among `lines`: a line that is a field, else the bracketed fields in it.
 * `skip(index, column)` is true where no field can start (code, a wikilink; `column` -1 for a line
 * of a fenced block).
 */
export function readDataviewFields(lines: readonly string[], skip: (index: number, column: number) => boolean): InlineField[] {
	return lines.flatMap((line, index): InlineField[] => {
		if (!line.includes('::') || skip(index, -1)) return [];
		const match = DATAVIEW_LINE.exec(line);
		if (match && !skip(index, match[1].length)) return [lineField(match, 4, index)];
		return textFields(line, index, (column) => skip(index, column));
	});
}
