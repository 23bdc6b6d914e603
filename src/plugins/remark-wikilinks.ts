import type { Element } from 'hast';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MdastContent, MdastPluginEntry } from 'satteri';
import { missingImageElement } from '../dom/figure.ts';
import { brokenLinkElement, privateEmbedElement } from '../dom/link.ts';
import { text } from '../dom/hast.ts';
import { embedMarkdown, type EmbedContext } from '../notes/embeds.ts';
import { noteImageUrl } from '../notes/images.ts';
import { sourceRange } from '../notes/mdast.ts';
import type { LinkResolver } from '../notes/links.ts';
import { findWikilinks, imageEmbedOptions, isBlockLink, isImageName, wikilinkText, type Wikilink } from '../notes/wikilinks.ts';
import { mediaFileElement, MEDIA_NODE_TYPE, placeholderNode } from './remark-note-images.ts';
import { elementNode } from './satteri.ts';
import { notePathOf } from '../notes/files.ts';
import { drawingFigureElement, drawingPlaceholderElement } from '../dom/drawing.ts';
import { FIGURES_FRONTMATTER_KEY } from '../dom/figure.ts';
import { drawingName, drawingOf } from '../notes/drawings.ts';
import type { ShownDrawing } from '../drawings/prepare.ts';

export interface RemarkWikilinksOptions {
	/** Absolute path of the notes folder. */
	notesRoot: string;
	/** The links of the whole folder, from the notes catalogue (as it is now, in dev); undefined: wikilinks stay text. */
	links: () => LinkResolver | undefined;
	/** A note's source, for embeds (`![[Note#Heading]]`). */
	source: EmbedContext['source'];
	/** What each Excalidraw drawing shows, by its path in the notes folder (the drawings' pass); undefined: not prepared. */
	drawings?: () => ReadonlyMap<string, ShownDrawing> | undefined;
}

/**
 * Obsidian's links in a note: `[[Note]]` and `[[Note#Heading|text]]` become links to the page (the
 * heading's tab opens, as any deep link does), `![[image.png|300]]` the same figure as
 * `![](image.png)`, `![[clip.mp4|400]]` and `![[slides.pdf#page=3]]` the same players as
 * `![](clip.mp4)`, another file embedded a link to it, `![[Note#Heading]]` alone on its line
 * the note or section itself, quoted, and `![[flow.excalidraw]]` alone on its line the drawing.
 * What leads nowhere keeps its text, marked as a broken link
 * (the catalogue reports it). Resolved through the notes catalogue, as Obsidian resolves them: by
 * path, else by the one note or file of that name anywhere in the notes folder.
 */
export function remarkWikilinks(options: RemarkWikilinksOptions): MdastPluginEntry {
	return (factory) => {
		// Every wikilink has `[[`: a note without one is left alone, tree walk and all.
		if (!factory.source.includes('[[') || factory.fileURL?.protocol !== 'file:') return null;
		const resolver = options.links();
		if (!resolver) return null;
		const noteFile = fileURLToPath(factory.fileURL);
		const from = notePathOf(factory.fileURL, options.notesRoot)!;
		/** The figure of the drawing at `relativePath` (the page then loads the zoom script), or its placeholder. */
		const drawingElement = (relativePath: string, data: Record<string, unknown>): Element => {
			const shown = options.drawings?.()?.get(relativePath);
			const frontmatter = (data.astro as { frontmatter?: Record<string, unknown> } | undefined)?.frontmatter;
			if (shown?.ok && frontmatter) frontmatter[FIGURES_FRONTMATTER_KEY] = Number(frontmatter[FIGURES_FRONTMATTER_KEY] ?? 0) + 1;
			return shown?.ok ? drawingFigureElement(shown) : drawingPlaceholderElement(drawingName(relativePath), relativePath, shown?.message ?? 'the drawings were not prepared');
		};
		/** Source ranges of paragraphs replaced by an embed: their text is not looked at again. */
		const embedded: { start: number; end: number }[] = [];

		/** What a wikilink becomes in running text; `shown` is its alias as the page shows it (smart punctuation applied). */
		const inline = (link: Wikilink, written: string, shown: string | undefined): MdastContent => {
			const target = resolver.wikilink(link, from);
			const label = wikilinkText({ ...link, alias: shown ?? link.alias });
			if (target.kind === 'broken') {
				if (link.embed && isImageName(link.target)) return placeholderNode(missingImageElement(imageEmbedOptions(link.alias).alt, link.target, 'missing'), undefined);
				return elementNode(brokenLinkElement([text(label)], written, target.problem));
			}
			if (target.kind === 'private') return link.embed ? elementNode(privateEmbedElement()) : { type: 'text', value: label };
			if (target.kind === 'image' && link.embed) {
				const { width, height, alt } = imageEmbedOptions(shown ?? link.alias);
				return {
					type: 'image',
					url: noteImageUrl(path.join(options.notesRoot, target.relativePath), noteFile),
					alt,
					title: null,
					...(width ? { data: { hProperties: { width, ...(height ? { height } : {}) } } } : {}),
				};
			}
			if (target.kind === 'file' && link.embed) {
				const media = mediaFileElement(target.relativePath, target.href, link.heading, imageEmbedOptions(shown ?? link.alias));
				if (media) return elementNode(media, MEDIA_NODE_TYPE);
			}
			const href = target.kind === 'image' ? resolver.fileHref(target.relativePath) : target.href;
			return { type: 'link', url: href, title: null, children: [{ type: 'text', value: label }] };
		};

		return {
			name: 'remark-wikilinks',
			options: { position: true },
			paragraph(node, context) {
				const range = sourceRange(node);
				if (!range) return;
				const written = context.source.slice(range.start, range.end).trim();
				const [link] = findWikilinks(written);
				if (!link?.embed || link.length !== written.length || isBlockLink(link)) return;
				const target = resolver.wikilink(link, from);
				const drawing = drawingOf(target);
				if (drawing) {
					embedded.push(range);
					context.replaceNode(node, elementNode(drawingElement(drawing, context.data)));
					return;
				}
				// The note itself, whole, cannot stand inside itself; one of its sections can.
				if (target.kind !== 'note' || (target.note.relativePath === from && !target.heading)) return;
				embedded.push(range);
				const self = resolver.noteAt(from);
				const drawingFigure = (relativePath: string) => drawingElement(relativePath, context.data);
				context.replaceNode(node, { raw: embedMarkdown(target, { resolver, source: options.source, drawing: drawingFigure }, self ? [self.slug] : []), mdxExpressions: false });
			},
			text(node, context) {
				const range = sourceRange(node);
				if (!range || embedded.some(({ start, end }) => range.start >= start && range.start < end)) return;
				// Found in the source (exact targets), shown from the value (smart punctuation applied).
				const written = context.source.slice(range.start, range.end);
				const links = findWikilinks(written);
				if (links.length === 0) return;
				const shown = findWikilinks(node.value);
				const [value, at] = shown.length === links.length ? [node.value, shown] : [written, links];
				const replacement: MdastContent[] = [];
				let last = 0;
				links.forEach((link, index) => {
					if (at[index].index > last) replacement.push({ type: 'text', value: value.slice(last, at[index].index) });
					replacement.push(inline(link, written.slice(link.index, link.index + link.length), at[index].alias));
					last = at[index].index + at[index].length;
				});
				if (last < value.length) replacement.push({ type: 'text', value: value.slice(last) });
				context.replaceNode(node, replacement);
			},
		};
	};
}
