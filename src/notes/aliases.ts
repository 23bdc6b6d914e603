import { comparable } from './wikilinks.ts';

/**
 * A note's other names, from its front matter, read as Obsidian reads them: `aliases` (or the older
 * `alias`, any letter case), a YAML list or one text, in which commas and line breaks separate
 * names (`aliases: Doggo, Woofer`). Browser-free and pure: the catalogue reads them once per note.
 */

const ALIAS_KEY = /^alias(?:es)?$/i;
/** `"[[Doggo]]"`, as people write a name to link; Obsidian's property editor quotes it. */
const BRACKETED = /^\[\[([^[\]]*)\]\]$/;
const QUOTED = /^(["'])(.*)\1$/;

/** One written name, as a link would name it: `Doggo` for `"[[Doggo]]"`, `'Doggo'` or ` Doggo `. */
function aliasName(written: string): string {
	const unquoted = written.trim().replace(QUOTED, '$2').trim();
	return (BRACKETED.exec(unquoted)?.[1] ?? unquoted).trim();
}

/** A YAML scalar as the text it was written as: `- 2024` is a number, `- 2024-05-01` a date. */
function scalarText(item: unknown): string[] {
	if (typeof item === 'string') return [item];
	if (typeof item === 'number' || typeof item === 'boolean') return [String(item)];
	if (item instanceof Date && !Number.isNaN(item.getTime())) return [item.toISOString().replace(/T00:00:00\.000Z$/, '')];
	return [];
}

/**
 * The names a value of the key holds: one text split at commas and line breaks, or a list's items.
 * An unquoted `[[Doggo]]` is lists inside lists for YAML (`[["Doggo"]]`): it is read as the link it
 * was meant to be. Empty items and mappings hold none.
 */
function textsOf(value: unknown): string[] {
	if (typeof value === 'string') return value.split(/[,\n]/);
	if (Array.isArray(value)) return value.flat(Infinity).flatMap(scalarText);
	return scalarText(value);
}

/** The note's aliases, in the order written, without repeats (letter case and Unicode form aside, as links compare them) or empty ones. */
export function noteAliases(frontmatter: Record<string, unknown>): string[] {
	const aliases = new Map<string, string>();
	for (const [key, value] of Object.entries(frontmatter)) {
		if (!ALIAS_KEY.test(key)) continue;
		for (const written of textsOf(value)) {
			const name = aliasName(written);
			if (name && !aliases.has(comparable(name))) aliases.set(comparable(name), name);
		}
	}
	return [...aliases.values()];
}
