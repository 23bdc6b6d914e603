import type { Element } from 'hast';
import { FIGURE_CLASS, FIGURE_KIND_ATTRIBUTE, FIGURE_MEDIA_CLASS, FIGURE_TAG, missingFigureElement, missingImageElement, zoomControls } from './figure.ts';
import { h, propertyName, text } from './hast.ts';

/**
 * The drawing contract: an Excalidraw drawing is a figure of the figure contract (`figure.ts`),
 * whether it was embedded (`![[flow.excalidraw]]`) or is the page of its own `.excalidraw.md` note,
 * and whether its image was exported by Obsidian's Excalidraw plugin or drawn at build time:
 *
 * ```html
 * <figure class="figure drawing" data-figure="drawing">
 *   <notes-figure class="figure__media drawing__media">
 *     <img class="drawing__image" src="…/flow.excalidraw.svg" width="640" height="320" alt="Drawing: flow" loading="lazy" decoding="async">
 *     (with a dark image: a second one, `drawing__image drawing__image--dark`, alt="", which CSS shows
 *     in the dark theme instead, and the class `drawing--themed` on the figure)
 *     (the figure contract's zoom button and dialog, holding the drawing's images again)
 *   </notes-figure>
 *   <figcaption class="drawing__text visually-hidden">Text in the drawing: <ul><li>…</li></ul></figcaption>
 * </figure>
 * ```
 *
 * The texts are in the page for the search index and screen readers. A drawing drawn at build
 * time has its dark image (Excalidraw's dark mode); one the plugin exported without a dark image
 * is drawn for a light background, so in the dark theme CSS inverts it, as that dark mode does. A drawing that cannot be shown is the figure contract's placeholder, with why.
 */
export const DRAWING_CLASS = 'drawing';
export const DRAWING_MEDIA_CLASS = 'drawing__media';
export const DRAWING_IMAGE_CLASS = 'drawing__image';
export const DRAWING_DARK_IMAGE_CLASS = 'drawing__image--dark';
/** On the figure of a drawing that has a dark image. */
export const DRAWING_THEMED_CLASS = 'drawing--themed';
export const DRAWING_TEXT_CLASS = 'drawing__text';

export interface DrawingFigureInput {
	/** The drawing's name: `flow` for `flow.excalidraw.md`. */
	name: string;
	src: string;
	/** The dark theme's image: drawn at build time, or exported by the plugin. */
	darkSrc?: string;
	width?: number;
	height?: number;
	/** The drawing's texts. */
	texts: string[];
}

const drawingImage = ({ name, src, width, height }: DrawingFigureInput, dark = false): Element =>
	h('img', {
		className: dark ? [DRAWING_IMAGE_CLASS, DRAWING_DARK_IMAGE_CLASS] : [DRAWING_IMAGE_CLASS],
		src,
		...(width && height ? { width, height } : {}),
		// The light image names the drawing; the dark one is the same drawing again.
		alt: dark ? '' : `Drawing: ${name}`,
		loading: 'lazy',
		decoding: 'async',
	});

export function drawingFigureElement(input: DrawingFigureInput): Element {
	const images = () => [drawingImage(input), ...(input.darkSrc ? [drawingImage({ ...input, src: input.darkSrc }, true)] : [])];
	const texts = input.texts.length > 0
		? [h('figcaption', { className: [DRAWING_TEXT_CLASS, 'visually-hidden'] }, [text('Text in the drawing: '), h('ul', {}, input.texts.map((each) => h('li', {}, [text(each)])))])]
		: [];
	const classes = [FIGURE_CLASS, DRAWING_CLASS, ...(input.darkSrc ? [DRAWING_THEMED_CLASS] : [])];
	return h('figure', { className: classes, [propertyName(FIGURE_KIND_ATTRIBUTE)]: 'drawing' }, [
		h(FIGURE_TAG, { className: [FIGURE_MEDIA_CLASS, DRAWING_MEDIA_CLASS] }, [...images(), ...zoomControls(input.name, 'drawing', images())]),
		...texts,
	]);
}

/** A drawing that cannot be shown: the placeholder names it and says why. */
export function drawingPlaceholderElement(name: string, path: string, why: string): Element {
	return missingFigureElement(missingImageElement(`Drawing: ${name}`, path, 'undrawn'), `The drawing is not shown: ${why}.`);
}
