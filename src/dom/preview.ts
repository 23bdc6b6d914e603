/**
 * The link preview contract. A note page whose body or backlinks link to other notes says so on
 * its `<main>` (`data-link-previews`); only there does pointing at such a link load the preview
 * script. Each note's page has a fragment beside it, written when the site is built: the page's
 * article alone, with the note's title. It is JSON, not an `.html` file, so nothing that takes the
 * site's HTML files for its pages (Pagefind, link checkers, search engines) takes it for one:
 *
 * ```json
 * // vpc/preview.json
 * { "title": "VPC", "html": "<article class=\"note__body\" …>…</article>" }
 * ```
 *
 * The script shows what a link leads to (the whole article, the section its `#fragment` names, or
 * the tab it names) as a non-modal dialog after the page's content, named by its title link:
 *
 * ```html
 * <div class="preview" role="dialog" aria-labelledby="preview-title-1" data-depth="1">
 *   <div class="preview__bar">
 *     <a class="preview__title" id="preview-title-1" href="/vpc/#limits">VPC › Limits</a>
 *     <button type="button" class="preview__pin" aria-pressed="false">Pin</button>
 *     <button type="button" class="preview__close" aria-label="Close preview">×</button>
 *   </div>
 *   <div class="preview__body note__body">…the article, section or tab…</div>
 * </div>
 * ```
 *
 * A link inside a preview opens a preview of its own, {@link PREVIEW_MAX_DEPTH} deep at most.
 */
export const PREVIEWS_ATTRIBUTE = 'data-link-previews';
export const PREVIEW_FILE = 'preview.json';
export const PREVIEW_CLASS = 'preview';
export const PREVIEW_BAR_CLASS = 'preview__bar';
export const PREVIEW_TITLE_CLASS = 'preview__title';
export const PREVIEW_PIN_CLASS = 'preview__pin';
export const PREVIEW_CLOSE_CLASS = 'preview__close';
export const PREVIEW_BODY_CLASS = 'preview__body';
/** A visually hidden live region that says a preview opened (and how to close it). */
export const PREVIEW_STATUS_CLASS = 'preview__status';
/** On a preview: 1 for one opened from the page, 2 for one opened from a preview. */
export const PREVIEW_DEPTH_ATTRIBUTE = 'data-depth';
export const PREVIEW_MAX_DEPTH = 2;

/** How long the pointer rests on a link before its preview opens. */
export const PREVIEW_REST_MS = 350;
/** How long a preview stays once the pointer has left it and its link: time to cross the gap. */
export const PREVIEW_GRACE_MS = 300;
/** How long a finger presses a link to preview it instead of following it. */
export const PREVIEW_LONG_PRESS_MS = 500;
/** The key a focused link opens its preview with (the one that opens a combobox's popup). */
export const PREVIEW_KEY = { key: 'ArrowDown', altKey: true, label: 'Alt+ArrowDown' } as const;

/** The links that may preview: in a note's body, its backlinks, a preview's body. */
export const PREVIEW_LINKS = `.note__body a[href], .backlinks a[href], .${PREVIEW_BODY_CLASS} a[href]`;

/**
 * The link under `target` that leads to another page of this site which may be a note: same
 * origin, another path, no file name (a note's URL ends in `/`), not a tag. Whether it is a note
 * the fetch of its fragment tells.
 */
export function previewableLink(target: EventTarget | null): HTMLAnchorElement | undefined {
	const link = target instanceof Element ? target.closest<HTMLAnchorElement>('a[href]') : null;
	if (!link || !link.matches(PREVIEW_LINKS) || link.hasAttribute('data-tag')) return undefined;
	const url = new URL(link.href);
	if (url.origin !== location.origin || url.pathname === location.pathname || !url.pathname.endsWith('/')) return undefined;
	return link;
}

/** A note's preview fragment: its title (text) and its page's article (HTML). */
export interface PreviewFragment {
	title: string;
	html: string;
}
