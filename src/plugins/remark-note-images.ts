import { fileURLToPath } from 'node:url';
import type { Element } from 'hast';
import type { Nodes as MdastNodes, PhrasingContent } from 'mdast';
import type { Custom, MdastContent, MdastPluginEntry, MdastVisitorContext } from 'satteri';
import { missingImageElement, type MissingReason } from '../dom/figure.ts';
import { propertyName } from '../dom/hast.ts';
import { isRemoteUrl } from '../notes/assets.ts';
import { noteImageUrl, resolveNoteImage } from '../notes/images.ts';
import { jsxImage, MAY_HAVE_IMAGES, plainHtmlImage } from '../notes/image-syntax.ts';
import { visitMdast } from '../notes/mdast.ts';
import { imageEmbedOptions } from '../notes/wikilinks.ts';
import { elementNode, sourceMayHold } from './satteri.ts';

export interface RemarkNoteImagesOptions {
	/** Absolute path of the notes folder: images may not point outside it. */
	notesRoot: string;
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
 *   figure contract's placeholder, so the build goes on. The notes check that runs before the
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

		/** The image node for an image, or the placeholder for one that cannot be shown. */
		const imageNode = ({ url, alt, title, width, height }: ImageFields) => {
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
				if ('url' in replacement && replacement.url === node.url && fields.alt === node.alt) return;
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
