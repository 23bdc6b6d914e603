import { fileURLToPath } from 'node:url';
import type { Element, ElementContent, Properties, Root, RootContent } from 'hast';
import {
	FIGURE_FULL_IMAGE_OPTIONS,
	FIGURE_IMAGE_OPTIONS,
	FIGURE_MISSING_CLASS,
	FIGURE_REMOTE_ATTRIBUTES,
	FIGURE_SVG_OPTIONS,
	FIGURES_FRONTMATTER_KEY,
	figureCaption,
	figureElement,
	figureLabel,
	missingFigureElement,
	missingImageElement,
	type MissingReason,
} from '../dom/figure.ts';
import { classList, h, isBlank, propertyName } from '../dom/hast.ts';
import { DRAWING_IMAGE_CLASS } from '../dom/drawing.ts';
import { inlineMediaLink, MEDIA_CLASS } from '../dom/media.ts';
import { isRemoteUrl } from '../notes/assets.ts';
import { noteImageUrl, resolveNoteImage } from '../notes/images.ts';
import { htmlImages, MAY_HAVE_IMAGES } from '../notes/image-syntax.ts';
import { PLACEHOLDER_TITLE_ATTRIBUTE } from './remark-note-images.ts';
import { hastTreePlugin, mutableCopy, sourceMayHold } from './satteri.ts';

/** How a raw `<img src>` inside the author's own HTML resolves. */
export type EmbeddedImage = { kind: 'local'; url: string } | { kind: 'remote' } | { kind: MissingReason };

export interface NoteFiguresOptions {
	/** Resolves the `src` of an `<img>` inside raw HTML; without it, such images are left as written. */
	resolveEmbedded?: (src: string) => EmbeddedImage;
}

export interface NoteFigures {
	children: Root['children'];
	/** Zoomable figures in the note. */
	figures: number;
	/** Local images found inside raw HTML, by the URL their `<img src>` now has (decoded). */
	embeddedImages: string[];
}

/** Elements whose content is phrasing only, or that are already a figure: images inside them stay inline. */
const INLINE_CONTEXT = new Set([
	'a', 'abbr', 'b', 'bdi', 'bdo', 'button', 'cite', 'code', 'data', 'del', 'dfn', 'em', 'figure', 'h1', 'h2',
	'h3', 'h4', 'h5', 'h6', 'i', 'ins', 'kbd', 'label', 'legend', 'mark', 'notes-figure', 'picture', 'pre', 'q',
	'ruby', 's', 'samp', 'small', 'span', 'strong', 'sub', 'summary', 'sup', 'svg', 'time', 'u', 'var',
]);

const PLACEHOLDER_TITLE = propertyName(PLACEHOLDER_TITLE_ATTRIBUTE);

const isElement = (node: RootContent | ElementContent | undefined, tagName?: string): node is Element =>
	node?.type === 'element' && (tagName === undefined || node.tagName === tagName);

const isPlaceholder = (node: RootContent | ElementContent): boolean =>
	isElement(node) && classList(node).includes(FIGURE_MISSING_CLASS);

/** A video, audio, PDF or other site's video (`src/dom/media.ts`): already a figure, which a paragraph cannot hold. */
const isMediaFigure = (node: RootContent | ElementContent): boolean => isElement(node, 'figure') && classList(node).includes(MEDIA_CLASS);

/** An image, placeholder or media figure that becomes a figure of its own. */
const isFigurable = (node: RootContent | ElementContent): boolean =>
	isElement(node) && ((node.tagName === 'img' && typeof node.properties.src === 'string' && node.properties.src !== '') || isPlaceholder(node) || isMediaFigure(node));

/** A figure the zoom script serves: an image's. */
const isZoomable = (figure: Element): boolean => figure.properties.dataFigure === 'image' || figure.properties.dataFigure === 'remote';

const isSvg = (src: string) => /\.svg$/i.test(src.split(/[?#]/)[0]);

/** The figure for an `img` the Markdown pipeline produced, or for a placeholder. */
function toFigure(node: Element): Element {
	if (isMediaFigure(node)) return node;
	if (isPlaceholder(node)) {
		const { [PLACEHOLDER_TITLE]: title, ...properties } = node.properties;
		return missingFigureElement({ ...node, properties }, typeof title === 'string' ? title : undefined);
	}
	const { title, ...properties } = node.properties;
	const src = String(properties.src);
	const alt = typeof properties.alt === 'string' ? properties.alt : '';
	const caption = figureCaption(alt, typeof title === 'string' ? title : undefined);
	const label = figureLabel(alt, caption, src);
	const sized = properties.width !== undefined || properties.height !== undefined;
	const base: Properties = { ...properties, alt };
	if (isRemoteUrl(src)) {
		const full = { src, alt, ...FIGURE_REMOTE_ATTRIBUTES };
		return figureElement({ kind: 'remote', image: h('img', { ...base, ...FIGURE_REMOTE_ATTRIBUTES }), full: h('img', full), label, caption });
	}
	if (isSvg(src)) {
		return figureElement({
			kind: 'image',
			image: h('img', { ...base, ...FIGURE_SVG_OPTIONS }),
			full: h('img', { src, alt, ...FIGURE_SVG_OPTIONS }),
			label,
			caption,
		});
	}
	const { sizes, ...options } = FIGURE_IMAGE_OPTIONS;
	// An image the author sized keeps Astro's `sizes`, which follows its width.
	const image = h('img', { ...base, ...options, ...(sized ? {} : { sizes }) });
	return figureElement({ kind: 'image', image, full: h('img', { src, alt, ...FIGURE_FULL_IMAGE_OPTIONS }), label, caption });
}

/**
 * What an image outside a figure (in a link, a heading, the author's HTML) gets: the figure's
 * pipeline options, so it is optimised the same way and shares its files; lazy loading when remote.
 */
function localImageOptions(src: string, properties: Properties): Properties {
	if (isRemoteUrl(src)) return { ...FIGURE_REMOTE_ATTRIBUTES };
	if (isSvg(src)) return { ...FIGURE_SVG_OPTIONS };
	const sized = properties.width !== undefined || properties.height !== undefined;
	const { sizes, ...options } = FIGURE_IMAGE_OPTIONS;
	return sized ? { ...options } : { ...options, sizes };
}

/**
 * Adds pipeline options to an image that has none yet: an image this plugin already handled (it
 * has `layout` or `loading`) is left as it is, so a second run changes nothing.
 */
function withOptions(properties: Properties, options: Properties): Properties {
	if (properties.layout !== undefined || properties.loading !== undefined) return properties;
	return { ...properties, ...options };
}

/** Drops blank text and line breaks at both ends of a run of phrasing content. */
function trimRun(nodes: ElementContent[]): ElementContent[] {
	let start = 0;
	let end = nodes.length;
	const edge = (node: ElementContent) => isBlank(node) || isElement(node, 'br');
	while (start < end && edge(nodes[start])) start++;
	while (end > start && edge(nodes[end - 1])) end--;
	const trimmed = nodes.slice(start, end);
	const first = trimmed[0];
	const last = trimmed[trimmed.length - 1];
	if (first?.type === 'text') trimmed[0] = { ...first, value: first.value.trimStart() };
	if (last?.type === 'text') trimmed[trimmed.length - 1] = { ...last, value: (trimmed[trimmed.length - 1] as typeof last).value.trimEnd() };
	return trimmed;
}

/** `<p>text <img> more</p>` → `<p>text</p><figure>…</figure><p>more</p>`: a figure cannot sit in a paragraph. */
function splitParagraph(paragraph: Element): Element[] {
	const output: Element[] = [];
	let run: ElementContent[] = [];
	const flush = () => {
		const trimmed = trimRun(run);
		if (trimmed.length > 0) output.push({ ...paragraph, children: trimmed });
		run = [];
	};
	for (const child of paragraph.children) {
		if (isFigurable(child)) {
			flush();
			output.push(toFigure(child as Element));
		} else run.push(child);
	}
	flush();
	return output;
}

/**
 * `dataZoom` → `data-zoom`, `className` → `class`: Astro writes the properties of an optimised
 * image in a `.md` note out as attribute names.
 */
function attributeName(property: string): string {
	if (property === 'className') return 'class';
	if (/^(data|aria)[A-Z]/.test(property)) return property.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
	return property.toLowerCase();
}

/**
 * Turns every image of a note into the figure contract (`src/dom/figure.ts`): an image in a
 * paragraph of its own, in a list item or between blocks becomes a figure with a caption and a
 * zoom dialog, splitting the paragraph around it when it stands in running text. Images inside
 * links, headings and the author's own figures stay inline. A raw `<img>` inside the author's HTML
 * is resolved relative to the note and optimised where it stands.
 */
export function noteFigures(root: Root, options: NoteFiguresOptions = {}): NoteFigures {
	let figures = 0;
	const embeddedImages: string[] = [];

	const embedded = (raw: string): ElementContent[] | undefined => {
		const images = options.resolveEmbedded ? htmlImages(raw) : [];
		if (images.length === 0) return undefined;
		const output: ElementContent[] = [];
		let offset = 0;
		for (const image of images) {
			if (image.index > offset) output.push({ type: 'raw', value: raw.slice(offset, image.index) } as ElementContent);
			offset = image.index + image.tag.length;
			// A drawing's images (an embedded note brings its drawings as HTML) are published as they are.
			if ([image.properties.className].flat().includes(DRAWING_IMAGE_CLASS)) {
				output.push({ type: 'raw', value: image.tag } as ElementContent);
				continue;
			}
			const src = typeof image.properties.src === 'string' ? image.properties.src : '';
			const resolved: EmbeddedImage = src ? options.resolveEmbedded!(src) : { kind: 'remote' };
			if (resolved.kind === 'local') {
				const properties: Properties = { src: resolved.url };
				for (const [key, value] of Object.entries(image.properties)) {
					if (key !== 'src') properties[attributeName(key)] = key === 'className' && Array.isArray(value) ? value.join(' ') : value;
				}
				properties.alt ??= '';
				embeddedImages.push(decodeURI(resolved.url));
				output.push(h('img', withOptions(properties, localImageOptions(resolved.url, image.properties))));
			} else if (resolved.kind === 'remote') {
				output.push(h('img', withOptions(image.properties, localImageOptions(src, image.properties))));
			} else {
				output.push(missingImageElement(typeof image.properties.alt === 'string' ? image.properties.alt : '', src, resolved.kind));
			}
		}
		if (offset < raw.length) output.push({ type: 'raw', value: raw.slice(offset) } as ElementContent);
		return output;
	};

	const visit = <T extends RootContent | ElementContent>(nodes: T[], inline: boolean): T[] => {
		const output: T[] = [];
		for (const node of nodes) {
			if ((node.type as string) === 'raw') {
				const replaced = embedded((node as unknown as { value: string }).value);
				output.push(...((replaced ?? [node]) as T[]));
				continue;
			}
			if (node.type !== 'element' && (node.type as string) !== 'mdxJsxFlowElement' && (node.type as string) !== 'mdxJsxTextElement') {
				output.push(node);
				continue;
			}
			const element = node as unknown as Element;
			// In a heading or a link a figure cannot stand: a video, audio or PDF is a link to it there.
			if (inline && isMediaFigure(element)) {
				output.push(inlineMediaLink(element) as T);
				continue;
			}
			if (inline || INLINE_CONTEXT.has(element.tagName) || (node.type as string) === 'mdxJsxTextElement') {
				if (isPlaceholder(element)) delete element.properties[PLACEHOLDER_TITLE];
				else if (isElement(element, 'img') && typeof element.properties.src === 'string') {
					element.properties = withOptions(element.properties, localImageOptions(element.properties.src, element.properties));
				}
				element.children = visit(element.children, true);
				output.push(node);
				continue;
			}
			if (element.tagName === 'p' && element.children.some(isFigurable)) {
				const parts = splitParagraph(element);
				for (const part of parts) {
					if (part.tagName === 'p') part.children = visit(part.children, true);
					else if (isZoomable(part)) figures++;
				}
				output.push(...(parts as T[]));
				continue;
			}
			if (element.tagName === 'p') {
				element.children = visit(element.children, true);
				output.push(node);
				continue;
			}
			if (isFigurable(element)) {
				const figure = toFigure(element);
				if (isZoomable(figure)) figures++;
				output.push(figure as T);
				continue;
			}
			element.children = visit(element.children, false);
			output.push(node);
		}
		return output;
	};

	return { children: visit(root.children, false), figures, embeddedImages };
}

interface AstroRenderData {
	frontmatter?: Record<string, unknown>;
	localImagePaths?: Set<string>;
	remoteImagePaths?: Set<string>;
}

export interface RehypeFiguresOptions {
	/** Absolute path of the notes folder: raw `<img>` paths may not point outside it. */
	notesRoot: string;
}

/**
 * The Sätteri plugin: runs {@link noteFigures} on every note, hands the images it found in raw
 * HTML to Astro's image pipeline, keeps remote images away from it (so nothing is downloaded at
 * build time), and records the number of figures in the note's `remarkPluginFrontmatter`, so the
 * page loads the zoom script only when there is something to zoom.
 */
export function rehypeFigures(options: RehypeFiguresOptions) {
	return hastTreePlugin('rehype-figures', (frozen, context) => {
		const astro = context.data.astro as AstroRenderData | undefined;
		astro?.remoteImagePaths?.clear();
		// Most notes have no image: a look at the source spares them the copy of the tree.
		if (!sourceMayHold(context.source, MAY_HAVE_IMAGES)) return undefined;
		const root = mutableCopy(frozen);
		const noteFile = context.fileURL?.protocol === 'file:' ? fileURLToPath(context.fileURL) : undefined;
		const resolveEmbedded = noteFile
			? (src: string): EmbeddedImage => {
					const resolved = resolveNoteImage(src, noteFile, options.notesRoot);
					if (resolved.kind !== 'local') return { kind: resolved.kind };
					return { kind: 'local', url: noteImageUrl(resolved.file, noteFile) };
				}
			: undefined;
		const result = noteFigures(root, { resolveEmbedded });
		for (const image of result.embeddedImages) astro?.localImagePaths?.add(image);
		if (result.figures > 0 && astro?.frontmatter) {
			astro.frontmatter[FIGURES_FRONTMATTER_KEY] = Number(astro.frontmatter[FIGURES_FRONTMATTER_KEY] ?? 0) + result.figures;
		}
		return result.children;
	});
}
