import type { Element, ElementContent } from 'hast';
import { captionElement, FIGURE_CAPTION_CLASS, FIGURE_CLASS, FIGURE_KIND_ATTRIBUTE } from './figure.ts';
import { h, propertyName, text, textOf } from './hast.ts';

/**
 * The media contract: video, audio, PDFs and other sites' videos, inside the figure contract
 * (`src/dom/figure.ts`), whether written `![[clip.mp4|400]]`, `![caption](clip.mp4)` or
 * `![](https://youtu.be/…)`, in a `.md` or an `.mdx` note:
 *
 * ```html
 * <figure class="figure media" data-figure="video">
 *   <video class="media__player" src="/clip.mp4" controls preload="metadata" width="400"><a class="media__file" href="/clip.mp4">clip.mp4</a></video>
 *   <figcaption class="figure__caption">caption</figcaption>
 * </figure>
 *
 * <figure class="figure media" data-figure="pdf">
 *   <iframe class="media__pdf" src="/slides.pdf#page=3" title="slides.pdf" loading="lazy"></iframe>
 *   <figcaption class="figure__caption"><a class="media__open media__file" href="/slides.pdf#page=3">Open slides.pdf</a></figcaption>
 * </figure>
 *
 * <figure class="figure media" data-figure="embed" data-media-provider="youtube">
 *   <notes-media class="media__embed">
 *     <a class="media__placeholder" href="https://www.youtube.com/watch?v=…">
 *       <span class="media__title">{alt, else the address}</span> <span class="media__load" data-pagefind-ignore="all">Load video from youtube.com</span>
 *     </a>
 *     <template><iframe class="media__frame" src="https://www.youtube-nocookie.com/embed/…" title="…" allow="…" allowfullscreen></iframe></template>
 *   </notes-media>
 * </figure>
 * ```
 *
 * A video of another site is a link to it until the reader asks: nothing is fetched from that site
 * before. With JavaScript, `<notes-media>` puts the template's frame in the placeholder's place on
 * a click; without, the link opens the video there. A post (X, Twitter) is the same card, with no
 * template: it stays a link. A raw `<iframe>` of a site the page does not allow is a link too:
 *
 * ```html
 * <span class="media-blocked">Frame not loaded: <a href="https://example.com/widget">https://example.com/widget</a></span>
 * ```
 */
export const MEDIA_CLASS = 'media';
export const MEDIA_TAG = 'notes-media';
export const MEDIA_PLAYER_CLASS = 'media__player';
export const MEDIA_PDF_CLASS = 'media__pdf';
export const MEDIA_OPEN_CLASS = 'media__open';
/** On the links to a published file (inside a player, a PDF's "Open"): their URL is final, no link rewriting touches it. */
export const MEDIA_FILE_CLASS = 'media__file';
export const MEDIA_EMBED_CLASS = 'media__embed';
export const MEDIA_PLACEHOLDER_CLASS = 'media__placeholder';
export const MEDIA_TITLE_CLASS = 'media__title';
export const MEDIA_LOAD_CLASS = 'media__load';
export const MEDIA_FRAME_CLASS = 'media__frame';
export const MEDIA_BLOCKED_CLASS = 'media-blocked';
export const MEDIA_PROVIDER_ATTRIBUTE = 'data-media-provider';
export type MediaFigureKind = 'video' | 'audio' | 'pdf' | 'embed';

/** What the frames of other sites may do: play, in full screen. */
const FRAME_ALLOW = 'autoplay; encrypted-media; picture-in-picture; fullscreen';

export interface MediaSize {
	width?: number;
	height?: number;
}

const sizeOf = ({ width, height }: MediaSize) => ({ ...(width ? { width } : {}), ...(height ? { height } : {}) });

function mediaFigure(kind: MediaFigureKind, children: ElementContent[], extra: Record<string, string> = {}): Element {
	return h('figure', { className: [FIGURE_CLASS, MEDIA_CLASS], [propertyName(FIGURE_KIND_ATTRIBUTE)]: kind, ...extra }, children);
}

/** A video or audio file of the site: the browser's player, a link to the file inside for browsers without one. */
export function playerFigure(kind: 'video' | 'audio', src: string, name: string, caption: string | undefined, size: MediaSize = {}): Element {
	const player = h(kind, { className: [MEDIA_PLAYER_CLASS], src, controls: true, preload: 'metadata', ...sizeOf(size) }, [h('a', { className: [MEDIA_FILE_CLASS], href: src }, [text(name)])]);
	return mediaFigure(kind, [player, ...captionElement(caption)]);
}

/** A PDF of the site, shown at `src`'s page, with a link that opens it whole. */
export function pdfFigure(src: string, name: string, caption: string | undefined, size: MediaSize = {}): Element {
	const frame = h('iframe', { className: [MEDIA_PDF_CLASS], src, title: caption || name, loading: 'lazy', ...sizeOf(size) });
	const open = h('a', { className: [MEDIA_OPEN_CLASS, MEDIA_FILE_CLASS], href: src }, [text(`Open ${name}`)]);
	const label: ElementContent[] = caption ? [text(`${caption} · `), open] : [open];
	return mediaFigure('pdf', [frame, h('figcaption', { className: [FIGURE_CAPTION_CLASS] }, label)]);
}

export interface WebEmbedParts {
	provider: string;
	/** The address as written: where the placeholder leads without JavaScript. */
	url: string;
	/** The site named on the placeholder: `youtube.com`. */
	site: string;
	/** The author's alt text or title, else the address. */
	title: string;
	/** The frame to load on a click; none for a post, which stays a link. */
	frameSrc?: string;
	size?: MediaSize;
}

/** A video or post of another site: a link that names it and its site, which loads the frame on a click (with JavaScript). */
export function webEmbedFigure({ provider, url, site, title, frameSrc, size = {} }: WebEmbedParts): Element {
	const placeholder = h('a', { className: [MEDIA_PLACEHOLDER_CLASS], href: url }, [
		h('span', { className: [MEDIA_TITLE_CLASS] }, [text(title)]),
		text(' '),
		// What the button says is not what the note says: search leaves it out.
		h('span', { className: [MEDIA_LOAD_CLASS], dataPagefindIgnore: 'all' }, [text(frameSrc ? `Load video from ${site}` : `Open the post on ${site}`)]),
	]);
	const frame = frameSrc && h('iframe', { className: [MEDIA_FRAME_CLASS], src: frameSrc, title, allow: FRAME_ALLOW, allowFullScreen: true, referrerPolicy: 'strict-origin-when-cross-origin', ...sizeOf(size) });
	// A template's content is inert: the browser fetches nothing of it until it is put in the page.
	// Sätteri writes a template's children, hast-util-to-html its `content`: it has both.
	const template = frame && { ...h('template', {}, [frame]), content: { type: 'root', children: [frame] } };
	const body = template ? h(MEDIA_TAG, { className: [MEDIA_EMBED_CLASS] }, [placeholder, template as Element]) : h('div', { className: [MEDIA_EMBED_CLASS] }, [placeholder]);
	return mediaFigure('embed', [body], { [propertyName(MEDIA_PROVIDER_ATTRIBUTE)]: provider });
}

/** A raw `<iframe>` whose site the page does not allow: a link to what it would have shown. */
export function blockedFrameElement(src: string): Element {
	return h('span', { className: [MEDIA_BLOCKED_CLASS] }, [text('Frame not loaded: '), h('a', { href: src }, [text(src)])]);
}

/**
 * What a media figure is where a figure cannot stand (a heading, a link's text): its first link
 * (the file, the PDF's "Open", the video's address), or its text when it has none.
 */
export function inlineMediaLink(figure: Element): ElementContent {
	const links = (node: ElementContent): Element[] =>
		node.type !== 'element' ? [] : node.tagName === 'a' ? [node] : node.tagName === 'template' ? [] : node.children.flatMap(links);
	return links(figure)[0] ?? text(textOf(figure));
}
