import type { Element, ElementContent } from 'hast';
import { decodeOrKeep } from '../browser-safe/url-path.ts';
import { h, propertyName, text } from './hast.ts';

/**
 * The figure contract. Every image of a note becomes one figure, whether it was written as
 * `![alt](img/x.png "title")`, as raw `<img src>` in a `.md` note, or as `<Figure src alt caption>`
 * in an `.mdx` note:
 *
 * ```html
 * <figure class="figure" data-figure="image">
 *   <notes-figure class="figure__media">
 *     <img src="…" srcset="…" sizes="…" width="1600" height="900" alt="…" loading="lazy" decoding="async">
 *     <button type="button" class="figure__zoom" aria-haspopup="dialog" aria-label="Enlarge image: {label}" hidden></button>
 *     <dialog class="figure__dialog" aria-label="{label}" data-pagefind-ignore="all">
 *       <form method="dialog" class="figure__bar"><button type="submit" class="figure__close" aria-label="Close">×</button></form>
 *       <img src="{full resolution}" width="1600" height="900" alt="…" loading="lazy" decoding="async">
 *     </dialog>
 *   </notes-figure>
 *   <figcaption class="figure__caption">{title, else alt}</figcaption>
 * </figure>
 * ```
 *
 * Without JavaScript the figure is a plain image with its caption. `<notes-figure>` shows the
 * zoom button, which covers the image: a click, Enter or Space opens the modal dialog, whose image
 * loads only then. `data-figure` is `image` (processed by the image pipeline), `remote` (an
 * `https://` image, left where it is) or `missing`; the media contract (`src/dom/media.ts`) adds
 * `video`, `audio`, `pdf` and `embed` figures.
 *
 * An image that cannot be shown is a visible placeholder naming the path; inside a figure it
 * stands where the image would, elsewhere (a link, a heading) it is inline:
 *
 * ```html
 * <span class="figure-missing" role="img" aria-label="Image not found: flow log arch (img/x.png)">
 *   <span class="figure-missing__label">Image not found</span> <span class="figure-missing__alt">flow log arch</span>
 *   <code class="figure-missing__path">img/x.png</code>
 * </span>
 * ```
 */
export const FIGURE_CLASS = 'figure';
export const FIGURE_TAG = 'notes-figure';
export const FIGURE_MEDIA_CLASS = 'figure__media';
export const FIGURE_ZOOM_CLASS = 'figure__zoom';
export const FIGURE_DIALOG_CLASS = 'figure__dialog';
export const FIGURE_BAR_CLASS = 'figure__bar';
export const FIGURE_CLOSE_CLASS = 'figure__close';
export const FIGURE_CAPTION_CLASS = 'figure__caption';
export const FIGURE_KIND_ATTRIBUTE = 'data-figure';
/** `drawing`: an Excalidraw drawing (`src/dom/drawing.ts`). */
export type FigureKind = 'image' | 'remote' | 'missing' | 'drawing';
export const FIGURE_MISSING_CLASS = 'figure-missing';

/** Set on the note's render metadata (`remarkPluginFrontmatter`): how many zoomable figures the note has. */
export const FIGURES_FRONTMATTER_KEY = 'notesFigures';

/** The content column is at most 46rem wide; below that, the image spans the viewport. */
export const FIGURE_SIZES = '(min-width: 47rem) 46rem, 100vw';

/**
 * Options for Astro's image pipeline (`getImage`, `<Image>`), as `<img>` properties the
 * Markdown image plugins pass on. `fit` and `position` are the values `<Image>` gives a
 * responsive image anyway; spelling them out makes `.md` and `.mdx` notes produce the same
 * transforms, so an image is processed once wherever it is used.
 */
export const FIGURE_IMAGE_OPTIONS = { layout: 'constrained', fit: 'cover', position: 'center', sizes: FIGURE_SIZES } as const;
/** The zoom dialog's image: the original size, no `srcset` (its file is the `srcset`'s largest). */
export const FIGURE_FULL_IMAGE_OPTIONS = { layout: 'none', fit: 'cover', position: 'center' } as const;
/** SVG is served as it is: no resizing, so no `srcset`. */
export const FIGURE_SVG_OPTIONS = { layout: 'none' } as const;
/** A remote image is never downloaded at build time; the browser loads it lazily. */
export const FIGURE_REMOTE_ATTRIBUTES = { loading: 'lazy', decoding: 'async' } as const;

/** What the reader is told about an image that cannot be shown. */
export type MissingReason = 'missing' | 'outside' | 'bad' | 'undrawn';
const MISSING_LABELS: Record<MissingReason, string> = {
	missing: 'Image not found',
	outside: 'Image refused (outside the notes folder)',
	bad: 'Image unreadable',
	undrawn: 'Drawing not shown',
};

/** The caption rule: the image's title if given, else its alt text; none when both are empty. */
export function figureCaption(alt: string, title: string | undefined): string | undefined {
	const caption = title?.trim() || alt.trim();
	return caption || undefined;
}

/** The name the zoom button and dialog give the image. */
export function figureLabel(alt: string, caption: string | undefined, src: string): string {
	return alt.trim() || caption || decodeOrKeep(src.split(/[?#]/)[0].split('/').pop() || src);
}

export interface FigureParts {
	kind: Exclude<FigureKind, 'missing'>;
	/** The image shown in the page. */
	image: Element;
	/** The same image at full resolution, for the zoom dialog. */
	full: Element;
	/** Accessible name of the zoom button and the dialog. */
	label: string;
	caption?: string;
}

/** `alt`: a caption that repeats it is hidden from screen readers, which read the image's alt text already. */
export function captionElement(caption: string | undefined, alt?: unknown): Element[] {
	const repeatsAlt = typeof alt === 'string' && alt.trim() === caption;
	return caption ? [h('figcaption', { className: [FIGURE_CAPTION_CLASS], ...(repeatsAlt ? { ariaHidden: 'true' } : {}) }, [text(caption)])] : [];
}

/**
 * Without `full`, the dialog is empty and `<notes-figure>` moves the element marked
 * `data-figure-zoom-target` into it while it is open (a diagram: one copy of its SVG on the page).
 */
export const FIGURE_ZOOM_TARGET_ATTRIBUTE = 'data-figure-zoom-target';

/** The zoom button and dialog of the figure contract, for an image (`full`) or a diagram. */
export function zoomControls(label: string, noun: 'image' | 'diagram' | 'drawing', full?: Element | Element[]): Element[] {
	return [
		h('button', {
			type: 'button',
			className: [FIGURE_ZOOM_CLASS],
			ariaHasPopup: 'dialog',
			ariaLabel: `Enlarge ${noun}: ${label}`,
			hidden: true,
		}),
		h('dialog', { className: [FIGURE_DIALOG_CLASS], ariaLabel: label, dataPagefindIgnore: 'all' }, [
			h('form', { method: 'dialog', className: [FIGURE_BAR_CLASS] }, [
				h('button', { type: 'submit', className: [FIGURE_CLOSE_CLASS], ariaLabel: 'Close' }, [text('×')]),
			]),
			...(full ? [full].flat() : []),
		]),
	];
}

export function figureElement({ kind, image, full, label, caption }: FigureParts): Element {
	return h('figure', { className: [FIGURE_CLASS], [propertyName(FIGURE_KIND_ATTRIBUTE)]: kind }, [
		h(FIGURE_TAG, { className: [FIGURE_MEDIA_CLASS] }, [image, ...zoomControls(label, 'image', full)]),
		...captionElement(caption, image.properties.alt),
	]);
}

/** The inline placeholder for an image (or a video, audio or PDF `file`) that cannot be shown. */
export function missingImageElement(alt: string, path: string, reason: MissingReason = 'missing', noun: 'Image' | 'File' = 'Image'): Element {
	const label = MISSING_LABELS[reason].replace(/^Image/, noun);
	const children: ElementContent[] = [h('span', { className: [`${FIGURE_MISSING_CLASS}__label`] }, [text(label)]), text(' ')];
	if (alt.trim()) children.push(h('span', { className: [`${FIGURE_MISSING_CLASS}__alt`] }, [text(alt)]), text(' '));
	children.push(h('code', { className: [`${FIGURE_MISSING_CLASS}__path`] }, [text(path)]));
	return h(
		'span',
		{ className: [FIGURE_MISSING_CLASS], role: 'img', ariaLabel: `${label}: ${alt.trim() ? `${alt.trim()} (${path})` : path}` },
		children,
	);
}

/** The placeholder as a figure. The box already shows the alt text, so only a title becomes a caption. */
export function missingFigureElement(placeholder: Element, title: string | undefined): Element {
	return h('figure', { className: [FIGURE_CLASS, `${FIGURE_CLASS}--missing`], [propertyName(FIGURE_KIND_ATTRIBUTE)]: 'missing' }, [
		placeholder,
		...captionElement(title?.trim() || undefined),
	]);
}
