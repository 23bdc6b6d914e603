import type { Element, Properties } from 'hast';
import { htmlToHast, type MdxJsxFlowElement, type MdxJsxTextElement } from 'satteri';

/** An `<img>` start tag; quoted attribute values may hold `>`. */
const IMG_TAG = /<img\b(?:[^>"']|"[^"]*"|'[^']*')*>/gi;

export interface HtmlImage {
	/** The tag as written. */
	tag: string;
	/** Offset of the tag in the HTML string. */
	index: number;
	/** Its attributes as hast properties (`className`, `dataX`, …). */
	properties: Properties;
}

function parseTag(tag: string): Properties {
	const root = htmlToHast(tag, { fragment: true }) as { children?: Element[] };
	const element = root.children?.find((child) => child.type === 'element' && child.tagName === 'img');
	return element ? { ...element.properties } : {};
}

/** Every `<img>` tag in a piece of raw HTML. */
export function htmlImages(html: string): HtmlImage[] {
	if (!/<img\b/i.test(html)) return [];
	return [...html.matchAll(IMG_TAG)].map((match) => ({ tag: match[0], index: match.index, properties: parseTag(match[0]) }));
}

/** Attributes a raw `<img>` may have to be treated exactly like `![alt](src "title")`. */
export const PLAIN_IMAGE_ATTRIBUTES = ['src', 'alt', 'title', 'width', 'height'];

/**
 * The attributes of an HTML snippet that is one `<img>` tag and nothing else, with only
 * {@link PLAIN_IMAGE_ATTRIBUTES}; undefined for anything else.
 */
export function plainHtmlImage(html: string): Properties | undefined {
	const trimmed = html.trim();
	if (!/^<img\b/i.test(trimmed)) return undefined;
	const images = htmlImages(trimmed);
	if (images.length !== 1 || images[0].tag.length !== trimmed.length) return undefined;
	const { properties } = images[0];
	if (typeof properties.src !== 'string' || properties.src === '') return undefined;
	if (!Object.keys(properties).every((key) => PLAIN_IMAGE_ATTRIBUTES.includes(key))) return undefined;
	return properties;
}

/** 1-based line and column of `offset` in `text`, counted from a node starting at `line`:`column`. */
export function positionAt(text: string, offset: number, line: number, column: number): { line: number; column: number } {
	const before = text.slice(0, offset);
	const newlines = before.split('\n').length - 1;
	return newlines === 0
		? { line, column: column + offset }
		: { line: line + newlines, column: offset - before.lastIndexOf('\n') };
}

/** Components and tags in MDX notes that stand for an image. */
export const JSX_IMAGE_NAMES = ['Figure', 'img'];
const JSX_ATTRIBUTES: Record<string, string[]> = {
	Figure: ['src', 'alt', 'caption'],
	img: PLAIN_IMAGE_ATTRIBUTES,
};

export type JsxImage =
	/** Literal attributes: the element is handled exactly like `![alt](src "title")`. */
	| { kind: 'image'; url: string; alt: string; title?: string; width?: string; height?: string }
	/** A literal local path with attributes that cannot be read before the build. */
	| { kind: 'unsupported'; url: string; reason: string };

/**
 * Reads `<Figure src="img/x.png" alt="…" caption="…" />` or `<img src="img/x.png" alt="…" />` in an
 * MDX note. Undefined when `src` is not a literal string (an imported image, rendered by the
 * `<Figure>` component) or for a remote `<img>` with other attributes, which stays as written.
 */
export function jsxImage(element: MdxJsxFlowElement | MdxJsxTextElement, isRemote: (url: string) => boolean): JsxImage | undefined {
	const name = element.name ?? '';
	if (!JSX_IMAGE_NAMES.includes(name)) return undefined;
	const attributes = element.attributes ?? [];
	const src = attributes.find((attribute) => attribute.type === 'mdxJsxAttribute' && attribute.name === 'src');
	if (typeof src?.value !== 'string' || src.value === '') return undefined;
	const url = src.value;
	const literal: Record<string, string> = {};
	const unsupported: string[] = [];
	for (const attribute of attributes) {
		const allowed = attribute.type === 'mdxJsxAttribute' && JSX_ATTRIBUTES[name].includes(attribute.name ?? '');
		if (allowed && typeof attribute.value === 'string') literal[attribute.name!] = attribute.value;
		else unsupported.push(attribute.type === 'mdxJsxAttribute' ? String(attribute.name) : '{...spread}');
	}
	if (unsupported.length > 0) {
		if (isRemote(url) && name === 'img') return undefined;
		return {
			kind: 'unsupported',
			url,
			reason: `<${name}> with ${unsupported.map((key) => `\`${key}\``).join(', ')}: only literal ${JSX_ATTRIBUTES[name].map((key) => `\`${key}="…"\``).join(', ')} can be resolved relative to the note`,
		};
	}
	return {
		kind: 'image',
		url,
		alt: literal.alt ?? '',
		title: name === 'Figure' ? literal.caption : literal.title,
		width: literal.width,
		height: literal.height,
	};
}

/**
 * `![…`, `<img`, `<Figure`: every image syntax starts with one of them, so a note without a match
 * has no image (most notes), and the image plugins leave it alone without walking its tree.
 * `tests/notes/image-syntax.test.ts` holds it to that for each syntax.
 */
export const MAY_HAVE_IMAGES = /!\[|<img\b|<Figure\b/i;
