import { fileURLToPath } from 'node:url';
import type { Element } from 'hast';
import type { Nodes as MdastNodes, PhrasingContent } from 'mdast';
import type { Custom, MdastContent, MdastPluginEntry, MdastVisitorContext } from 'satteri';
import path from 'node:path';
import { figureCaption, missingImageElement, type MissingReason } from '../dom/figure.ts';
import { propertyName } from '../dom/hast.ts';
import { pdfFigure, playerFigure, webEmbedFigure, type MediaSize } from '../dom/media.ts';
import { decodeOrKeep, encodedPath } from '../browser-safe/url-path.ts';
import { isRemoteUrl, resolveNoteAsset } from '../notes/assets.ts';
import { mediaFileKind, pdfFragment, webEmbed } from '../notes/media.ts';
import { noteImageUrl, resolveNoteImage } from '../notes/images.ts';
import { jsxImage, MAY_HAVE_IMAGES, plainHtmlImage } from '../notes/image-syntax.ts';
import { visitMdast } from '../notes/mdast.ts';
import { imageEmbedOptions } from '../notes/wikilinks.ts';
import { elementNode, sourceMayHold } from './satteri.ts';

export interface RemarkNoteImagesOptions {
	/** Absolute path of the notes folder: images may not point outside it. */
	notesRoot: string;
	/** The site's base path, which the URLs of video, audio and PDF files start with; `/` by default. */
	base?: string;
}

/** The type of the mdast node that stands for a media figure (`src/dom/media.ts`). */
export const MEDIA_NODE_TYPE = 'mediaFigure';

/**
 * The media figure of a video, audio or PDF file of the notes folder (`relativePath`), published at
 * `href`; `fragment` is what followed `#` (`page=3`); undefined for other files.
 */
export function mediaFileElement(relativePath: string, href: string, fragment: string | undefined, options: MediaSize & { alt: string; title?: string | null }) {
	const kind = mediaFileKind(relativePath);
	if (!kind) return undefined;
	const name = path.posix.basename(relativePath);
	const caption = figureCaption(options.alt, options.title ?? undefined);
	const size = { width: options.width, height: options.height };
	return kind === 'pdf' ? pdfFigure(`${href}${pdfFragment(fragment)}`, name, caption, size) : playerFigure(kind, href, name, caption, size);
}

/** On a placeholder: the image's title, which the figure plugin turns into a caption. */
export const PLACEHOLDER_TITLE_ATTRIBUTE = 'data-figure-title';

interface ImageFields {
	url: string;
	alt: string;
	title?: string | null;
	width?: string | number;
	height?: string | number;
}

/** Parents whose children are blocks: an image standing there goes in a paragraph of its own. */
const FLOW_PARENTS = new Set(['root', 'listItem', 'blockquote', 'footnoteDefinition', 'containerDirective', 'mdxJsxFlowElement']);

const PHRASING = new Set([
	'text', 'emphasis', 'strong', 'delete', 'inlineCode', 'link', 'linkReference', 'image', 'imageReference', 'break',
	'html', 'footnoteReference', 'mdxJsxTextElement', 'mdxTextExpression', 'inlineMath',
]);

/** The mdast node that stands for an image the site cannot show; it renders as the placeholder. */
export function placeholderNode(placeholder: Element, title: string | null | undefined) {
	const properties = title ? { ...placeholder.properties, [propertyName(PLACEHOLDER_TITLE_ATTRIBUTE)]: title } : placeholder.properties;
	return elementNode({ ...placeholder, properties }, 'missingImage');
}

/**
 * Resolves every image of a note before Astro's image pipeline sees it:
 * - `![alt](img/x.png)`, `![alt][ref]`, a raw `<img src>` that stands alone, and in MDX
 *   `<Figure src alt caption>` or `<img src alt>` with literal attributes all become an image node
 *   whose URL is the file relative to the note (`./img/x.png`), which Astro then optimises;
 * - an image whose file is missing, outside the notes folder or not a readable image becomes the
 *   figure contract's placeholder, so the build goes on;
 * - a video, audio or PDF file, or a YouTube, Vimeo or X address, becomes the media contract's
 *   figure (`src/dom/media.ts`): a player, a PDF at its page, a click-to-load placeholder. The notes check that runs before the
 *   build (`src/notes/check.ts`) reports the same images, with their lines.
 */
/** Obsidian's `![alt|300](url)` and `![|300x200](url)`: a size after the alt text. */
function markdownImageSize(alt: string): { alt: string; width?: number; height?: number } {
	return /\|\s*\d+(?:x\d+)?\s*$/.test(alt) ? imageEmbedOptions(alt) : { alt };
}

export function remarkNoteImages(options: RemarkNoteImagesOptions): MdastPluginEntry {
	return (factory) => {
		if (!factory.fileURL || factory.fileURL.protocol !== 'file:') return null;
		// Most notes have no image: leave the plugin out for them, tree walk and all.
		if (!sourceMayHold(factory.source, MAY_HAVE_IMAGES)) return null;
		const noteFile = fileURLToPath(factory.fileURL);
		const definitions = new Map<string, { url: string; title?: string | null }>();

		/** The media figure of a video, audio or PDF file or of another site's video; undefined for an image. */
		const mediaNode = ({ url, alt, title, width, height }: ImageFields) => {
			const size = { width: width === undefined ? undefined : Number(width), height: height === undefined ? undefined : Number(height) };
			const caption = figureCaption(alt, title ?? undefined);
			const embed = webEmbed(url);
			if (embed) {
				const frameSrc = embed.kind === 'video' ? embed.frameSrc : undefined;
				return elementNode(webEmbedFigure({ provider: embed.provider, url, site: embed.site, title: caption ?? url, frameSrc, size }), MEDIA_NODE_TYPE);
			}
			const kind = mediaFileKind(url);
			if (!kind) return undefined;
			if (isRemoteUrl(url)) return kind === 'pdf' ? undefined : elementNode(playerFigure(kind, url, url, caption, size), MEDIA_NODE_TYPE);
			const asset = resolveNoteAsset(url, noteFile, options.notesRoot);
			if (asset.kind !== 'local') return placeholderNode(missingImageElement(alt, url, asset.kind === 'remote' ? 'bad' : asset.kind, 'File'), title);
			const relativePath = path.relative(options.notesRoot, asset.file).split(path.sep).join('/');
			const fragment = /#(.*)$/s.exec(url)?.[1];
			return elementNode(mediaFileElement(relativePath, `${options.base ?? '/'}${encodedPath(relativePath)}`, fragment && decodeOrKeep(fragment), { alt, title, ...size })!, MEDIA_NODE_TYPE);
		};

		/** The image node for an image, or the placeholder for one that cannot be shown; a video, audio or PDF's figure. */
		const imageNode = (fields: ImageFields) => {
			const media = mediaNode(fields);
			if (media) return media;
			const { url, alt, title, width, height } = fields;
			const resolved = resolveNoteImage(url, noteFile, options.notesRoot);
			if (resolved.kind === 'missing' || resolved.kind === 'outside' || resolved.kind === 'bad') {
				return placeholderNode(missingImageElement(alt, url, resolved.kind satisfies MissingReason), title);
			}
			const size = width !== undefined || height !== undefined ? { data: { hProperties: { width, height } } } : {};
			return {
				type: 'image' as const,
				url: resolved.kind === 'local' ? noteImageUrl(resolved.file, noteFile) : url,
				alt,
				title: title ?? null,
				...size,
			};
		};

		/** Replaces a node with an image, in a paragraph of its own where blocks are expected. */
		const replaceWithImage = (node: MdastNodes, context: MdastVisitorContext, fields: ImageFields, extra: MdastContent[] = []) => {
			const image = imageNode(fields);
			const parent = context.parent(node);
			const flow = !parent || FLOW_PARENTS.has(parent.type);
			const replacement = flow ? { type: 'paragraph', children: [image as PhrasingContent] } : image;
			context.replaceNode(node, [replacement, ...extra]);
		};

		return {
			name: 'remark-note-images',
			before(root) {
				visitMdast(root as MdastNodes, (node) => {
					if (node.type === 'definition' && !definitions.has(node.identifier)) {
						definitions.set(node.identifier, { url: node.url, title: node.title });
					}
				});
			},
			image(node, context) {
				if (!node.url) return;
				const fields = { url: node.url, title: node.title, ...markdownImageSize(node.alt ?? '') };
				const replacement = imageNode(fields);
				if ('url' in replacement && typeof replacement.url === 'string' && replacement.url === node.url && fields.alt === node.alt) return;
				context.replaceNode(node, replacement);
			},
			imageReference(node, context) {
				const definition = definitions.get(node.identifier);
				if (!definition?.url) return;
				context.replaceNode(node, imageNode({ url: definition.url, alt: node.alt ?? '', title: definition.title }));
			},
			html(node, context) {
				const properties = plainHtmlImage(node.value);
				if (!properties) return;
				replaceWithImage(node, context, {
					url: String(properties.src),
					alt: typeof properties.alt === 'string' ? properties.alt : '',
					title: typeof properties.title === 'string' ? properties.title : undefined,
					width: properties.width as number | undefined,
					height: properties.height as number | undefined,
				});
			},
			mdxJsxFlowElement(node, context) {
				const image = jsxImage(node, isRemoteUrl);
				if (!image) return;
				// Children are kept, after the figure: phrasing content in a paragraph of its own.
				const kept = node.children as Custom[];
				const children = kept.length > 0 && kept.every((child) => PHRASING.has(child.type)) ? [{ type: 'paragraph', children: kept } satisfies Custom] : kept;
				if (image.kind === 'unsupported') {
					context.replaceNode(node, [{ type: 'paragraph', children: [placeholderNode(missingImageElement('', image.url, 'bad'), undefined)] }, ...children]);
					return;
				}
				replaceWithImage(node as MdastNodes, context, image, [...children]);
			},
			mdxJsxTextElement(node, context) {
				const image = jsxImage(node, isRemoteUrl);
				if (!image) return;
				if (image.kind === 'unsupported') {
					context.replaceNode(node, placeholderNode(missingImageElement('', image.url, 'bad'), undefined));
					return;
				}
				context.replaceNode(node, [imageNode(image), ...(node.children as Custom[])]);
			},
		};
	};
}
