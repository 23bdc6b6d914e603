import path from 'node:path';
import type { Element } from 'hast';
import { htmlToHast } from 'satteri';
import { resolveNoteAsset } from './assets.ts';

/**
 * Media a note embeds: video and audio files and PDFs of the notes folder, shown in the page, and
 * videos and posts of other sites, shown as placeholders that fetch nothing until the reader asks.
 */

export const VIDEO_EXTENSIONS = ['.mp4', '.webm', '.ogv', '.mov', '.m4v'] as const;
export const AUDIO_EXTENSIONS = ['.mp3', '.wav', '.ogg', '.oga', '.m4a', '.flac', '.opus'] as const;

export type MediaFileKind = 'video' | 'audio' | 'pdf';

/** What a file of the notes folder is shown as, by its extension (`clip.MP4?x#t=3` is a video); undefined for other files. */
export function mediaFileKind(file: string): MediaFileKind | undefined {
	const extension = path.posix.extname(file.replace(/[?#].*$/s, '')).toLowerCase();
	if ((VIDEO_EXTENSIONS as readonly string[]).includes(extension)) return 'video';
	if ((AUDIO_EXTENSIONS as readonly string[]).includes(extension)) return 'audio';
	return extension === '.pdf' ? 'pdf' : undefined;
}

/**
 * `#page=3` for a PDF embed written `![[slides.pdf#page=3]]` or `![](slides.pdf#page=3)`: the
 * fragment browsers' PDF viewers open at; `''` for none or anything else.
 */
export function pdfFragment(fragment: string | undefined): string {
	const page = /^page=(\d+)$/.exec(fragment?.trim() ?? '')?.[1];
	return page ? `#page=${page}` : '';
}

/** A video of another site, played in a frame of that site once the reader asks. */
export interface FramedVideo {
	kind: 'video';
	provider: 'youtube' | 'vimeo';
	/** The address as written: the placeholder links to it. */
	url: string;
	/** The site the reader is told the video loads from: `youtube.com`. */
	site: string;
	/** The frame's address. */
	frameSrc: string;
	/** What the page's `frame-src` must allow for it. */
	frameOrigin: string;
}

/** A post of a social site: a link card, nothing loaded from the site. */
export interface LinkedPost {
	kind: 'post';
	provider: 'twitter';
	url: string;
	site: string;
}

export type WebEmbed = FramedVideo | LinkedPost;

export const YOUTUBE_FRAME_ORIGIN = 'https://www.youtube-nocookie.com';
export const VIMEO_FRAME_ORIGIN = 'https://player.vimeo.com';

/** `90`, `90s`, `1m30s`, `1h2m3s` → seconds; undefined for anything else. */
function seconds(value: string | null | undefined): number | undefined {
	const match = value ? /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s?)?$/.exec(value) : null;
	if (!match || match[0] === '') return undefined;
	const [, hours = '0', minutes = '0', rest = '0'] = match;
	return Number(hours) * 3600 + Number(minutes) * 60 + Number(rest);
}

function parsedUrl(url: string): URL | undefined {
	if (!/^https?:\/\//i.test(url)) return undefined;
	try {
		return new URL(url);
	} catch {
		return undefined;
	}
}

const YOUTUBE_ID = /^[\w-]{11}$/;

function youtube(url: URL, written: string): FramedVideo | undefined {
	const host = url.hostname.replace(/^(?:www|m|music)\./, '');
	let id: string | undefined;
	if (host === 'youtu.be') id = url.pathname.slice(1);
	else if (host === 'youtube.com' || host === 'youtube-nocookie.com') {
		const [, first, second] = url.pathname.split('/');
		id = first === 'watch' ? (url.searchParams.get('v') ?? undefined) : ['shorts', 'embed', 'live'].includes(first) ? second : undefined;
	}
	if (!id || !YOUTUBE_ID.test(id)) return undefined;
	const start = seconds(url.searchParams.get('t') ?? url.searchParams.get('start'));
	const query = new URLSearchParams({ autoplay: '1', ...(start ? { start: String(start) } : {}) });
	return { kind: 'video', provider: 'youtube', url: written, site: 'youtube.com', frameSrc: `${YOUTUBE_FRAME_ORIGIN}/embed/${id}?${query}`, frameOrigin: YOUTUBE_FRAME_ORIGIN };
}

function vimeo(url: URL, written: string): FramedVideo | undefined {
	const host = url.hostname.replace(/^www\./, '');
	const parts = url.pathname.split('/').filter(Boolean);
	// vimeo.com/123, vimeo.com/123/abcdef (an unlisted video's key), player.vimeo.com/video/123
	const [id, key] = host === 'vimeo.com' ? parts : host === 'player.vimeo.com' && parts[0] === 'video' ? parts.slice(1) : [];
	if (!id || !/^\d+$/.test(id)) return undefined;
	const hash = key && /^[\da-f]+$/i.test(key) ? key : (url.searchParams.get('h') ?? undefined);
	const query = new URLSearchParams({ dnt: '1', autoplay: '1', ...(hash ? { h: hash } : {}) });
	const start = seconds(/^t=(.+)$/.exec(url.hash.slice(1))?.[1]);
	return {
		kind: 'video',
		provider: 'vimeo',
		url: written,
		site: 'vimeo.com',
		frameSrc: `${VIMEO_FRAME_ORIGIN}/video/${id}?${query}${start ? `#t=${start}s` : ''}`,
		frameOrigin: VIMEO_FRAME_ORIGIN,
	};
}

function post(url: URL, written: string): LinkedPost | undefined {
	const host = url.hostname.replace(/^(?:www|mobile)\./, '');
	if (host !== 'twitter.com' && host !== 'x.com') return undefined;
	if (!/^\/\w+\/status\/\d+/.test(url.pathname)) return undefined;
	return { kind: 'post', provider: 'twitter', url: written, site: host };
}

/**
 * A YouTube or Vimeo video, or a post on X (Twitter), written as an image
 * (`![](https://www.youtube.com/watch?v=…)`, as Obsidian embeds them); undefined for any other URL.
 */
export function webEmbed(written: string): WebEmbed | undefined {
	const url = parsedUrl(written.trim());
	if (!url) return undefined;
	return youtube(url, written) ?? vimeo(url, written) ?? post(url, written);
}

/**
 * The frames the site's policy allows on every page besides its own (the `frame-src` of the `csp`
 * setting, as CSP sources: `https://maps.example.com`, `https://*.example.com`, `https:`), or
 * `any` when the site has no policy (`csp: false`).
 */
export type AllowedFrames = readonly string[] | 'any';

function allows(allowed: AllowedFrames, url: URL): boolean {
	if (allowed === 'any') return true;
	return allowed.some((source) => {
		if (source === url.protocol || source === url.origin) return true;
		const wildcard = /^(https?):\/\/\*\.([^/:]+)$/.exec(source);
		return wildcard !== null && `${wildcard[1]}:` === url.protocol && url.hostname.endsWith(`.${wildcard[2]}`);
	});
}

/**
 * What a raw `<iframe src>` of a note is: `self` for a page or file of the site (a relative path),
 * a video of a known player (shown as the same click-to-load placeholder as `![](…)`), `allowed`
 * for a site the `csp` setting lets every page frame, or `blocked` for anything else, which the
 * page shows as a link (see docs/security.md).
 */
export function frameSource(src: string, allowed: AllowedFrames = []): { kind: 'self' | 'allowed' | 'blocked' } | FramedVideo {
	const embed = webEmbed(src);
	if (embed?.kind === 'video') return embed;
	if (!/^(?:[a-z][a-z\d+.-]*:|\/\/)/i.test(src.trim())) return { kind: 'self' };
	const url = parsedUrl(src.trim().replace(/^\/\//, 'https://'));
	return url && allows(allowed, url) ? { kind: 'allowed' } : { kind: 'blocked' };
}

/** The elements whose `src` a note's HTML or JSX may point at a media file or a frame with. */
export const MEDIA_TAG_NAMES = ['video', 'audio', 'source', 'iframe'] as const;
export type MediaTagName = (typeof MEDIA_TAG_NAMES)[number];

/** HTML that may hold one of them: most notes hold none, and are left alone. */
export const MAY_HAVE_MEDIA_TAGS = new RegExp(String.raw`<(?:${MEDIA_TAG_NAMES.join('|')})\b`, 'i');
/** One of their start tags; quoted attribute values may hold `>`. */
const MEDIA_TAG = new RegExp(String.raw`<(${MEDIA_TAG_NAMES.join('|')})\b(?:[^>"']|"[^"]*"|'[^']*')*>`, 'gi');

export interface HtmlMediaTag {
	tagName: MediaTagName;
	/** Its `src`, as written. */
	src: string;
	/** The tag as written, and its offset in the HTML string. */
	tag: string;
	index: number;
}

/** Every media start tag with a `src` in a piece of raw HTML. */
export function htmlMediaTags(html: string): HtmlMediaTag[] {
	if (!MAY_HAVE_MEDIA_TAGS.test(html)) return [];
	const tags: HtmlMediaTag[] = [];
	for (const match of html.matchAll(MEDIA_TAG)) {
		const root = htmlToHast(`${match[0]}</${match[1]}>`, { fragment: true }) as { children?: Element[] };
		const element = root.children?.find((child) => child.type === 'element');
		const src = element?.properties.src;
		if (typeof src === 'string' && src.trim() !== '') tags.push({ tagName: match[1].toLowerCase() as MediaTagName, src, tag: match[0], index: match.index });
	}
	return tags;
}

/** What the media functions read of a catalogue note. */
type MediaNote = { file: string; images: { url: string }[]; media: { tagName: MediaTagName; url: string }[] };

/**
 * The video, audio and PDF files of the notes folder a note shows (`![](clip.mp4)`, raw `<video src>`,
 * a same-site `<iframe src>`), relative to the notes folder: the site publishes them at their paths.
 * `![[clip.mp4]]` is a wikilink, published with the other files links lead to.
 */
export function noteMediaFiles(note: MediaNote, notesRoot: string): string[] {
	const urls = [
		...note.images.filter((image) => mediaFileKind(image.url)).map((image) => image.url),
		...note.media.filter((tag) => tag.tagName !== 'iframe' || frameSource(tag.url).kind === 'self').map((tag) => tag.url),
	];
	const files = new Set<string>();
	for (const url of urls) {
		const asset = resolveNoteAsset(url, note.file, notesRoot);
		if (asset.kind === 'local') files.add(path.relative(notesRoot, asset.file).split(path.sep).join('/'));
	}
	return [...files];
}

/** The video players a note loads frames from once the reader asks (`https://www.youtube-nocookie.com`): its page's `frame-src` allows them. */
export function noteFrameOrigins(note: MediaNote): string[] {
	const origins = new Set<string>();
	for (const { url } of note.images) {
		const embed = webEmbed(url);
		if (embed?.kind === 'video') origins.add(embed.frameOrigin);
	}
	for (const tag of note.media) {
		const frame = tag.tagName === 'iframe' ? frameSource(tag.url) : undefined;
		if (frame?.kind === 'video') origins.add(frame.frameOrigin);
	}
	return [...origins].sort();
}

/** The media element an MDX note writes as JSX (`<video src="clip.mp4" />`) with a literal `src`; undefined for others. */
export function jsxMediaTag(element: { name?: string | null; attributes?: readonly { type: string; name?: string; value?: unknown }[] }): { tagName: MediaTagName; src: string } | undefined {
	const tagName = MEDIA_TAG_NAMES.find((name) => name === element.name);
	if (!tagName) return undefined;
	const src = element.attributes?.find((attribute) => attribute.type === 'mdxJsxAttribute' && attribute.name === 'src')?.value;
	return typeof src === 'string' && src.trim() !== '' ? { tagName, src } : undefined;
}
