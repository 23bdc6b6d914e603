import type { PropertyPart, PropertyRow } from '../dom/properties.ts';
import { SITE_FRONTMATTER_KEYS } from '../config/note.ts';
import type { SiteConfig } from '../config/site.ts';
import type { LinkResolver } from './links.ts';
import { findWikilinks, wikilinkText, type Wikilink } from './wikilinks.ts';

/**
 * A note's properties: the keys of its front matter a reader would want to see (an author, a
 * year, a status, links to other notes), as Obsidian shows them above a note.
 */

/** A piece of a value as the note writes it; a link to another note is resolved when pages are made. */
export type NotePropertyPart =
	| Extract<PropertyPart, { kind: 'text' | 'date' | 'number' | 'boolean' }>
	| { kind: 'link'; text: string; link: Pick<Wikilink, 'target' | 'heading'>; written: string };

export interface NoteProperty {
	key: string;
	/** One value, or each item of a list. */
	values: NotePropertyPart[][];
}

/** `2024-03-01`, `2024-03-01T10:30:00Z`: a date, as YAML and Obsidian write one. */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** `author: [[Daniel Kahneman]]` written without quotes, which YAML reads as a list in a list: the link Obsidian means. */
const unquotedWikilink = (value: unknown): string | undefined =>
	Array.isArray(value) && value.length === 1 && Array.isArray(value[0]) && value[0].length === 1 && typeof value[0][0] === 'string' ? `[[${value[0][0]}]]` : undefined;

function textParts(value: string): NotePropertyPart[] {
	if (ISO_DATE.test(value)) return [{ kind: 'date', text: value }];
	const parts: NotePropertyPart[] = [];
	let last = 0;
	for (const link of findWikilinks(value)) {
		if (link.index > last) parts.push({ kind: 'text', text: value.slice(last, link.index) });
		const { target, heading } = link;
		parts.push({ kind: 'link', text: wikilinkText(link), link: { target, ...(heading ? { heading } : {}) }, written: value.slice(link.index, link.index + link.length) });
		last = link.index + link.length;
	}
	if (last < value.length) parts.push({ kind: 'text', text: value.slice(last) });
	return parts;
}

/** A nested value (a mapping in a property) as one line of text. */
function plainText(value: unknown): string {
	if (Array.isArray(value)) return value.map(plainText).join(', ');
	if (value && typeof value === 'object') return Object.entries(value).map(([key, each]) => `${key}: ${plainText(each)}`).join('; ');
	return value === null || value === undefined ? '' : String(value);
}

function valueParts(value: unknown): NotePropertyPart[] {
	const link = unquotedWikilink(value);
	if (link) return textParts(link);
	if (typeof value === 'string') return textParts(value.trim());
	if (typeof value === 'boolean') return [{ kind: 'boolean', value }];
	if (typeof value === 'number') return [{ kind: 'number', text: String(value) }];
	const text = plainText(value);
	return text ? [{ kind: 'text', text }] : [];
}

/** Which properties the pages show: the `properties` setting. */
export type PropertiesSetting = SiteConfig['properties'];

/**
 * The properties of a note's front matter, in the order written: those `shown` picks (every key by
 * default), but the site's own (`SITE_FRONTMATTER_KEYS`) and empty values.
 */
export function noteProperties(frontmatter: Record<string, unknown>, shown: PropertiesSetting = true): NoteProperty[] {
	if (shown === false) return [];
	const picked = shown === true ? undefined : new Set(shown.map((key) => key.toLowerCase()));
	return Object.entries(frontmatter).flatMap(([key, value]) => {
		if (SITE_FRONTMATTER_KEYS.has(key.toLowerCase()) || (picked && !picked.has(key.toLowerCase()))) return [];
		const items = Array.isArray(value) && !unquotedWikilink(value) ? value : [value];
		const values = items.map(valueParts).filter((parts) => parts.length > 0);
		return values.length > 0 ? [{ key, values }] : [];
	});
}

/** The properties with their links resolved from the note at `from`, as the page shows them. */
export function shownProperties(properties: readonly NoteProperty[], resolver: LinkResolver, from: string): PropertyRow[] {
	const shown = (part: NotePropertyPart): PropertyPart => {
		if (part.kind !== 'link') return part;
		const target = resolver.wikilink(part.link, from);
		if (target.kind === 'broken') return { kind: 'broken-link', text: part.text, written: part.written, problem: target.problem };
		if (target.kind === 'private') return { kind: 'text', text: part.text };
		if (target.kind === 'image') return { kind: 'link', text: part.text, href: resolver.fileHref(target.relativePath) };
		return { kind: 'link', text: part.text, href: target.href };
	};
	return properties.map(({ key, values }) => ({ key, values: values.map((value) => value.map(shown)) }));
}
