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

/**
 * A text's tags, found in it as written (as the catalogue finds them: `\#aws` is none), at their
 * places in its value, which escapes and smart punctuation may have changed.
 */
export function findTagsAsWritten(value: string, written: string, before: string): InlineTag[] {
	const tags = findTags(written, before);
	if (written === value) return tags;
	return tags.flatMap((tag) => {
		// The n-th `#aws` as written is the n-th in the value: an escaped one is there too, without its `\`.
		const mark = `#${tag.tag}`;
		let index = -1;
		for (let nth = written.slice(0, tag.index).split(mark).length; nth > 0; nth--) {
			index = value.indexOf(mark, index + 1);
			if (index < 0) return [];
		}
		return [{ ...tag, index }];
	});
}

/**
 * A look at a note's source before its texts are read for tags: false only where `findTags` can
 * find none in the source as written (no `#` before a tag's character). Tested to miss no tag.
 */
export const MAY_HAVE_TAGS = /#[\p{L}\p{N}_/-]/u;

/** Tags are the same whatever their case: `#AWS` is `#aws`. */
export const tagKey = (tag: string): string => tag.toLowerCase();

/** Tags without repeats (by `tagKey`), each as first written. */
export function distinctTags(tags: Iterable<string>): string[] {
	const seen = new Map<string, string>();
	for (const tag of tags) if (!seen.has(tagKey(tag))) seen.set(tagKey(tag), tag);
	return [...seen.values()];
}
