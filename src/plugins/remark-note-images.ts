import { fileURLToPath } from 'node:url';
import type { Element } from 'hast';
import type { MdastPluginDefinition } from 'satteri';
import { missingFigureElement } from '../dom/figure.ts';
import { resolveNoteAsset } from '../notes/assets.ts';

export interface RemarkNoteImagesOptions {
	/** Absolute path of the notes folder: images may not point outside it. */
	notesRoot: string;
}

/** The mdast node that stands for an image the site cannot show; it renders as the placeholder. */
function placeholderNode(placeholder: Element) {
	return {
		type: 'missingImage',
		data: { hName: placeholder.tagName, hProperties: placeholder.properties, hChildren: placeholder.children },
	};
}

/**
 * Replaces every image whose file is missing, or that points outside the notes folder, with the
 * figure contract's placeholder, so the build goes on. The problems themselves are reported by the
 * notes check that runs before the build (`src/notes/check.ts`).
 */
export function remarkNoteImages(options: RemarkNoteImagesOptions): MdastPluginDefinition {
	return {
		name: 'remark-note-images',
		image(node, context) {
			if (!context.fileURL || !node.url) return;
			const asset = resolveNoteAsset(node.url, fileURLToPath(context.fileURL), options.notesRoot);
			if (asset.kind === 'missing' || asset.kind === 'outside') {
				context.replaceNode(node, placeholderNode(missingFigureElement(node.alt ?? '', node.url)) as never);
			}
		},
	};
}
