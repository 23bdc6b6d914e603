import { slug as slugify } from 'github-slugger';

/**
 * Obsidian's inline tags: `#exam`, `#aws/networking`. Browser-free and pure: the catalogue reads
 * them once per note (with the front matter's `tags:`), and the Markdown plugin finds the same
 * ones in the text it renders.
 */
export interface InlineTag {
	/** Offset of the `#` in the text. */
	index: number;
	/** Length with the `#`. */
	length: number;
	/** As written, without `#`: `aws/networking`. */
	tag: string;
}

const TAG = /#([\p{L}\p{N}_/-]+)/gu;
/**
 * What may not come right before the `#`: a word (`C#`, `x#1`), a link's bracket (`[#x](…)`), a
 * path or URL (`/#anchor`), an entity (`&#123;`), another `#` or an escape.
 */
const NOT_BEFORE = /[\p{L}\p{N}[&/#\\:]/u;

/**
 * The tags in a text. `before` is the character before it in the note (a text node's neighbour:
 * `[` for a link's text). A tag has a character that is not a digit (`#123` is an issue number),
 * and a trailing `/` is not part of it.
 */
export function findTags(text: string, before = ''): InlineTag[] {
	if (!text.includes('#')) return [];
	const tags: InlineTag[] = [];
	for (const match of text.matchAll(TAG)) {
		const previous = match.index === 0 ? before : text[match.index - 1];
		if (previous && NOT_BEFORE.test(previous)) continue;
		const tag = match[1].replace(/[/-]+$/, '');
		if (!/[^\d/]/.test(tag)) continue;
		tags.push({ index: match.index, length: tag.length + 1, tag });
	}
	return tags;
}

/** Tags are the same whatever their case: `#AWS` is `#aws`. */
export const tagKey = (tag: string): string => tag.toLowerCase();

/** A tag page's path below the site's base: `aws/networking` → `tags/aws/networking`. */
export const tagPagePath = (tag: string): string => `tags/${tag.split('/').filter(Boolean).map((segment) => slugify(segment) || 'tag').join('/')}`;

/** The tag and the tags it is nested in, outermost first: `a/b/c` → `a`, `a/b`, `a/b/c`. */
export function tagAncestry(tag: string): string[] {
	const segments = tag.split('/').filter(Boolean);
	return segments.map((_, index) => segments.slice(0, index + 1).join('/'));
}

/** Tags without repeats (by `tagKey`), each as first written. */
export function distinctTags(tags: Iterable<string>): string[] {
	const seen = new Map<string, string>();
	for (const tag of tags) if (!seen.has(tagKey(tag))) seen.set(tagKey(tag), tag);
	return [...seen.values()];
}
