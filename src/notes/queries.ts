/**
 * The queries a note asks of the others (Dataview's DQL, the Tasks plugin's blocks, Obsidian's bases) and the code
 * it would have run in Obsidian (`dataviewjs`, Templater): found once, by the catalogue, where the
 * note's parse meets them. Queries are answered when the site is built; code never runs.
 */
export type NoteQueryKind = 'dataview' | 'tasks' | 'base' | 'inline' | 'dataviewjs' | 'inline-js' | 'templater';

export interface NoteQuery {
	kind: NoteQueryKind;
	/** The query or code as written: a fence's body, an inline query without its `=`, a Templater command with its `<% %>`. */
	source: string;
	/** 1-based line in the note where it starts. */
	line: number;
}

const FENCE_KINDS = new Map<string, NoteQueryKind>([
	['dataview', 'dataview'],
	['dataviewjs', 'dataviewjs'],
	['tasks', 'tasks'],
	['base', 'base'],
]);

/** The kind of query a fenced code block holds, by its language in any letter case (```` ```dataview ````). */
export const queryFence = (node: { lang?: string | null }): NoteQueryKind | undefined => (node.lang ? FENCE_KINDS.get(node.lang.toLowerCase()) : undefined);

/** Dataview's inline queries: `` `= this.status` `` (DQL) and `` `$= dv.current().x` `` (JavaScript). */
export function inlineQuery(code: string): Pick<NoteQuery, 'kind' | 'source'> | undefined {
	if (code.startsWith('= ')) return { kind: 'inline', source: code.slice(2).trim() };
	if (code.startsWith('$=')) return { kind: 'inline-js', source: code.slice(2).trim() };
	return undefined;
}

/** Templater's commands in text: `<% tp.file.title %>`, `<%* … %>`, with their offset. */
export function findTemplaterCommands(text: string): { source: string; index: number }[] {
	return [...text.matchAll(/<%[*+_-]?[\s\S]*?[_-]?%>/g)].map((match) => ({ source: match[0], index: match.index }));
}

/** A task list item as written: `- [ ] Book the exam 📅 2024-06-01`. */
export interface NoteTask {
	/** The character between the brackets: `' '` to do, `x` done, or another the author's theme gives a meaning (`/`, `-`…). */
	status: string;
	/** The rest of its first line, Markdown as written. */
	text: string;
	line: number;
	/** Where its marker starts: a task further right than the one before is its subtask. */
	column: number;
}

const TASK_LINE = /^[ \t>]*(?:[-*+]|\d+[.)])[ \t]+\[(.)\][ \t]+(.*)$/;

/** The task a list item opens, read from its first line in the source; none for a plain item. */
export function readTask(source: string, offset: number, line: number, column: number): NoteTask | undefined {
	const lineStart = source.lastIndexOf('\n', offset - 1) + 1;
	const lineEnd = source.indexOf('\n', offset);
	const match = TASK_LINE.exec(source.slice(lineStart, lineEnd === -1 ? undefined : lineEnd));
	return match ? { status: match[1], text: match[2].trim(), line, column } : undefined;
}
