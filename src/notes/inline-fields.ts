/**
 * `key:: value` lines: Logseq's page and block properties, and the inline fields Obsidian's
 * Dataview reads. One reading of them, by line, for every feature that shows or uses them.
 */
export interface InlineField {
	/** As written (`date-saved`, `id`). */
	key: string;
	/** The rest of the line, trimmed; Markdown as written (`[[recipes]] [[sent to logseq]]`). */
	value: string;
	/** 0-based index of its line in the lines read. */
	index: number;
	/** What stands before the key: the line's indentation, and a list marker (`\t- `) when the field opens a list item. */
	prefix: string;
	/** The field opens a list item (`- id:: 64f…`) rather than continuing a block. */
	bullet: boolean;
}

/** `key:: value`, `key::` with nothing after, or `- key:: value` opening a list item. */
const FIELD_LINE = /^([ \t]*(-[ \t]+)?)([\p{L}\p{N}_][\p{L}\p{N}_.-]*)::(?:[ \t]+(.*?))?[ \t]*$/u;

/** The `key:: value` lines among `lines`, but those whose indices `skip` holds (code). */
export function readInlineFields(lines: readonly string[], skip: ReadonlySet<number> = new Set()): InlineField[] {
	const fields: InlineField[] = [];
	lines.forEach((line, index) => {
		if (skip.has(index) || !line.includes('::')) return;
		const match = FIELD_LINE.exec(line);
		if (match) fields.push({ key: match[3], value: match[4] ?? '', index, prefix: match[1], bullet: match[2] !== undefined });
	});
	return fields;
}
