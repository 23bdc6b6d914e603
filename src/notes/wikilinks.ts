/**
 * Obsidian's links, as written in a note's text: `[[Note]]`, `[[Note|shown text]]`,
 * `[[folder/Note#Heading]]`, `[[#Heading]]`, `[[Note#^block]]`, and the same with `!` in front as
 * an embed (`![[image.png|300]]`, `![[Note#Heading]]`). Browser-free and pure: the catalogue reads
 * them once per note, and the Markdown plugin finds them again in the text it renders.
 */
export interface Wikilink {
	/** Offset of the `[[` (or the `!` of an embed) in the text. */
	index: number;
	/** Length of the whole link, `!` and brackets included. */
	length: number;
	embed: boolean;
	/** The note or file, as written (`folder/Note`, `Note.md`, `slides.pdf`); `''` for `[[#Heading]]`. */
	target: string;
	/** The heading path after `#` (`Heading`, `Topic#Section`), or a block id (`^abc123`). */
	heading?: string;
	/** What follows `|`: the text shown, or for an image embed its width (`300`, `300x200`) or alt text. */
	alias?: string;
}

/** `[[` … `]]` on one line, without brackets inside; in a table cell the author writes `\|` for the `|`. */
const WIKILINK = /(!?)\[\[([^[\]\n]+?)\]\]/g;

export function findWikilinks(text: string): Wikilink[] {
	if (!text.includes('[[')) return [];
	const links: Wikilink[] = [];
	for (const match of text.matchAll(WIKILINK)) {
		const inner = match[2].replace(/\\\|/g, '|');
		const bar = inner.indexOf('|');
		const path = (bar === -1 ? inner : inner.slice(0, bar)).trim();
		const alias = bar === -1 ? undefined : inner.slice(bar + 1).trim();
		const hash = path.indexOf('#');
		const target = (hash === -1 ? path : path.slice(0, hash)).trim();
		// `[[#Predicate\<T>]]`: an escape in the heading is the character itself.
		const heading = hash === -1 ? undefined : path.slice(hash + 1).replace(/\\(.)/g, '$1').trim();
		// `[[\ x_1 \]]` in a formula is TeX, not a link: no note name holds a backslash or a dollar.
		if ((target === '' && !heading) || /[\\$]/.test(target)) continue;
		links.push({
			index: match.index,
			length: match[0].length,
			embed: match[1] === '!',
			target,
			...(heading ? { heading } : {}),
			...(alias ? { alias } : {}),
		});
	}
	return links;
}

/** `[[Note#^abc123]]`: a link to a block of a note, which leads to the note (and an embed of one, to a link). */
/** Names and paths as Obsidian compares them: in any letter case, and either Unicode form (macOS names files decomposed, keyboards type é composed). */
export const comparable = (value: string): string => value.normalize('NFC').toLocaleLowerCase();

export const isBlockLink = (link: Pick<Wikilink, 'heading'>): boolean => link.heading?.trimStart().startsWith('^') ?? false;

/** `![[chart.png]]`: an embed that names an image (shown as a figure, or as a placeholder when missing). */
export const isImageName = (name: string): boolean => /\.(?:png|jpe?g|gif|webp|avif|svg|bmp|tiff?)$/i.test(name);

/** Words people add after `|` to place an image (Obsidian themes and plugins read them): not alt text. */
const PLACEMENT = new Set(['center', 'centre', 'left', 'right', 'inline', 'float', 'clear', 'small', 'wide', 'full', 'border', 'shadow']);

/**
 * What follows the `|` of an image embed: `300` or `300x200` (its width and height, in CSS
 * pixels), alt text, and placement words (`center`), in any order (`![[x.png|center|400]]`).
 */
export function imageEmbedOptions(alias: string | undefined): { width?: number; height?: number; alt: string } {
	const options: { width?: number; height?: number; alt: string } = { alt: '' };
	const alt: string[] = [];
	for (const part of alias?.split('|').map((each) => each.trim()).filter(Boolean) ?? []) {
		const size = /^(\d+)(?:x(\d+))?$/.exec(part);
		if (size && options.width === undefined) {
			options.width = Number(size[1]);
			if (size[2]) options.height = Number(size[2]);
		} else if (!PLACEMENT.has(part.toLowerCase())) alt.push(part);
	}
	options.alt = alt.join(' ');
	return options;
}

/** The text a link shows: its alias, else what it names (`Note › Heading`, `Heading` for a link in the same note). */
export function wikilinkText(link: Pick<Wikilink, 'target' | 'heading' | 'alias'>): string {
	if (link.alias) return link.alias;
	const heading = link.heading?.split('#').filter(Boolean).at(-1);
	const name = link.target.replace(/\.mdx?$/i, '');
	if (!heading) return name;
	return name ? `${name} › ${heading}` : heading;
}

/**
 * Text with its wikilinks as the page shows them: `Technical [[Controls]]` → "Technical Controls";
 * an image embed shows no text, an embed in running text of a note or file shows a link to it.
 */
export function withWikilinksShown(text: string): string {
	let shown = '';
	let last = 0;
	for (const link of findWikilinks(text)) {
		shown += text.slice(last, link.index) + (link.embed && isImageName(link.target) ? '' : wikilinkText(link));
		last = link.index + link.length;
	}
	return last === 0 ? text : shown + text.slice(last);
}
