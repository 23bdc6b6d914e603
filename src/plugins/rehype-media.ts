import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { toHtml } from 'hast-util-to-html';
import type { HastPluginEntry } from 'satteri';
import { blockedFrameElement, webEmbedFigure } from '../dom/media.ts';
import { encodedPath } from '../browser-safe/url-path.ts';
import { resolveNoteAsset } from '../notes/assets.ts';
import { frameSource, htmlMediaTags, type AllowedFrames } from '../notes/media.ts';

export interface RehypeMediaOptions {
	/** Absolute path of the notes folder: media may not point outside it. */
	notesRoot: string;
	/** The site's base path, which published files' URLs start with; `/` by default. */
	base?: string;
	/** Frames of other sites every page allows (`allowedFrames`): kept as written. None by default. */
	allowedFrames?: AllowedFrames;
}

const SRC_ATTRIBUTE = /(\ssrc\s*=\s*)("[^"]*"|'[^']*'|[^\s"'=<>`]+)/i;
const MAY_HAVE_MEDIA = /<(?:video|audio|source|iframe)\b/i;
const escapeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/**
 * The `<video>`, `<audio>`, `<source>` and `<iframe>` an author writes in a note's HTML, made to
 * work on the published page: a `src` of the notes folder becomes the file's URL on the site (the
 * catalogue publishes it), a YouTube or Vimeo frame becomes the click-to-load placeholder of
 * `![](…)`, a frame the `csp` setting allows stays, and a frame of any other site is a link to it
 * (reported by the notes check): the page's security policy would leave it blank.
 */
export function rehypeMedia(options: RehypeMediaOptions): HastPluginEntry {
	return (factory) => {
		if (factory.fileURL?.protocol !== 'file:' || !MAY_HAVE_MEDIA.test(factory.source)) return null;
		const noteFile = fileURLToPath(factory.fileURL);
		const published = (src: string): string | undefined => {
			const asset = resolveNoteAsset(src, noteFile, options.notesRoot);
			if (asset.kind !== 'local') return undefined;
			const fragment = /#.*$/s.exec(src)?.[0] ?? '';
			return `${options.base ?? '/'}${encodedPath(path.relative(options.notesRoot, asset.file).split(path.sep).join('/'))}${fragment}`;
		};
		return {
			name: 'rehype-media',
			raw(node) {
				const tags = htmlMediaTags(node.value);
				if (tags.length === 0) return undefined;
				let html = '';
				let offset = 0;
				for (const tag of tags) {
					html += node.value.slice(offset, tag.index);
					offset = tag.index + tag.tag.length;
					const frame = tag.tagName === 'iframe' ? frameSource(tag.src, options.allowedFrames) : undefined;
					if (frame?.kind === 'allowed') {
						html += tag.tag;
						continue;
					}
					if (frame && frame.kind !== 'self') {
						// The frame's element goes whole, its closing tag with it.
						offset += /^\s*<\/iframe\s*>/i.exec(node.value.slice(offset))?.[0].length ?? 0;
						const replacement =
							frame.kind === 'video'
								? webEmbedFigure({ provider: frame.provider, url: frame.url, site: frame.site, title: frame.url, frameSrc: frame.frameSrc })
								: blockedFrameElement(tag.src);
						html += toHtml(replacement);
						continue;
					}
					const url = published(tag.src);
					html += url ? tag.tag.replace(SRC_ATTRIBUTE, (_, before: string) => `${before}"${escapeAttribute(url)}"`) : tag.tag;
				}
				return { type: 'raw', value: html + node.value.slice(offset) };
			},
		};
	};
}
