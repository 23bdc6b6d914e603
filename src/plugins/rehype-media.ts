import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { toHtml } from 'hast-util-to-html';
import type { HastPluginEntry, MdxJsxFlowElementHast, MdxJsxTextElementHast } from 'satteri';
import { blockedFrameElement, webEmbedFigure } from '../dom/media.ts';
import { encodedPath } from '../browser-safe/url-path.ts';
import { resolveNoteAsset } from '../notes/assets.ts';
import { frameSource, htmlMediaTags, jsxMediaTag, MAY_HAVE_MEDIA_TAGS, MEDIA_TAG_NAMES, type AllowedFrames } from '../notes/media.ts';
import { mutableCopy } from './satteri.ts';

export interface RehypeMediaOptions {
	/** Absolute path of the notes folder: media may not point outside it. */
	notesRoot: string;
	/** The site's base path, which published files' URLs start with; `/` by default. */
	base?: string;
	/** Frames of other sites every page allows (`allowedFrames`): kept as written. None by default. */
	allowedFrames?: AllowedFrames;
}

const SRC_ATTRIBUTE = /(\ssrc\s*=\s*)("[^"]*"|'[^']*'|[^\s"'=<>`]+)/i;
const escapeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/**
 * The `<video>`, `<audio>`, `<source>` and `<iframe>` an author writes in a note's HTML (or an MDX
 * note's JSX), made to work on the published page: a `src` of the notes folder becomes the file's
 * URL on the site (the catalogue publishes it), a YouTube or Vimeo frame becomes the click-to-load placeholder of
 * `![](…)`, a frame the `csp` setting allows stays, and a frame of any other site is a link to it
 * (reported by the notes check): the page's security policy would leave it blank.
 */
export function rehypeMedia(options: RehypeMediaOptions): HastPluginEntry {
	return (factory) => {
		if (factory.fileURL?.protocol !== 'file:' || !MAY_HAVE_MEDIA_TAGS.test(factory.source)) return null;
		const noteFile = fileURLToPath(factory.fileURL);
		const published = (src: string): string | undefined => {
			const asset = resolveNoteAsset(src, noteFile, options.notesRoot);
			if (asset.kind !== 'local') return undefined;
			const fragment = /#.*$/s.exec(src)?.[0] ?? '';
			return `${options.base ?? '/'}${encodedPath(path.relative(options.notesRoot, asset.file).split(path.sep).join('/'))}${fragment}`;
		};
		/** What stands for a frame of another site: the click-to-load placeholder, or a link; undefined for a frame the page loads. */
		const frameReplacement = (src: string) => {
			const frame = frameSource(src, options.allowedFrames);
			if (frame.kind === 'video') return webEmbedFigure({ provider: frame.provider, url: frame.url, site: frame.site, title: frame.url, frameSrc: frame.frameSrc });
			return frame.kind === 'blocked' ? blockedFrameElement(src) : undefined;
		};
		/** An MDX note's `<video src>`, `<audio>` with its `<source src>`, `<iframe src>`: the same as in raw HTML. */
		const jsx = (node: Readonly<MdxJsxFlowElementHast | MdxJsxTextElementHast>) => {
			const tag = jsxMediaTag(node);
			if (!tag) return undefined;
			if (tag.tagName === 'iframe') return frameReplacement(tag.src);
			const copy = mutableCopy(node) as MdxJsxFlowElementHast;
			const rewrite = (element: MdxJsxFlowElementHast) => {
				const source = jsxMediaTag(element);
				const url = source && published(source.src);
				for (const attribute of element.attributes) if (url && attribute.type === 'mdxJsxAttribute' && attribute.name === 'src') attribute.value = url;
				for (const child of element.children as unknown as MdxJsxFlowElementHast[]) if (child.type === 'mdxJsxFlowElement' || child.type === 'mdxJsxTextElement') rewrite(child);
			};
			rewrite(copy);
			return copy;
		};
		const filter = [...MEDIA_TAG_NAMES];
		return {
			name: 'rehype-media',
			mdxJsxFlowElement: { filter, visit: jsx },
			mdxJsxTextElement: { filter, visit: jsx },
			raw(node) {
				const tags = htmlMediaTags(node.value);
				if (tags.length === 0) return undefined;
				let html = '';
				let offset = 0;
				for (const tag of tags) {
					html += node.value.slice(offset, tag.index);
					offset = tag.index + tag.tag.length;
					const replacement = tag.tagName === 'iframe' ? frameReplacement(tag.src) : undefined;
					if (replacement) {
						// The frame's element goes whole, its closing tag with it.
						offset += /^\s*<\/iframe\s*>/i.exec(node.value.slice(offset))?.[0].length ?? 0;
						html += toHtml(replacement);
						continue;
					}
					// A file of the notes folder; an address of another site (a frame the page allows) stays.
					const url = published(tag.src);
					html += url ? tag.tag.replace(SRC_ATTRIBUTE, (_, before: string) => `${before}"${escapeAttribute(url)}"`) : tag.tag;
				}
				return { type: 'raw', value: html + node.value.slice(offset) };
			},
		};
	};
}
