/**
 * The search contract: `Search.astro` renders the button and the dialog, `notes-search` fills the
 * result list from Pagefind, and note pages highlight the words found when opened from a result.
 */
export const SEARCH_TAG = 'notes-search';
/** On the search element once its loader has run (`search-loader.ts`): without it (no JavaScript), the search is not shown. */
export const SEARCH_READY_ATTRIBUTE = 'data-ready';

/** The keys that open search: Ctrl K or ⌘ K anywhere, `/` where the reader is not typing. */
export const isSearchShortcut = (event: KeyboardEvent): boolean =>
	(event.key === 'k' && (event.metaKey || event.ctrlKey)) || (event.key === '/' && !(event.target as HTMLElement).closest('input, textarea, select, [contenteditable]'));
/** Query parameter Pagefind adds to result URLs with the words searched for. */
export const HIGHLIGHT_PARAM = 'highlight';
/** Class of the `<mark>` around each word found on the target page. */
export const SEARCH_HIT_CLASS = 'search-hit';
/**
 * The search filters, above the results: one `<select>` per filter that has two values or more,
 * named by the filter, its first option "All …"
 * (`<select name="note" aria-label="Filter by note"><option value="">All notes</option>…</select>`).
 * The page holds them, disabled and with that first option only, where it knows from the notes
 * that they will be there, so the results do not move down when Pagefind's filter data arrives.
 */
const FILTER_LABELS: Record<string, string> = { folder: 'All folders', note: 'All notes', tag: 'All tags' };
/** A filter's first option. */
export const filterLabel = (name: string): string => FILTER_LABELS[name] ?? `All (${name})`;
/** A filter's accessible name. */
export const filterSelectLabel = (name: string): string => `Filter by ${name}`;

/** How many matching sections of one note are listed. */
export const SUB_RESULTS_PER_NOTE = 3;

/**
 * A note page's aliases (its front matter's other names) are indexed, not shown: its header holds
 * `<p hidden data-pagefind-body data-pagefind-weight="7">MOC, MOCs</p>`, so searching another name
 * of a note finds the note (before its first heading: the page, not a section of it), weighted as
 * Pagefind weighs an `<h1>`. The note's text is the other `data-pagefind-body`, an `<article>`.
 */
export const ALIASES_WEIGHT = 7;
/** The note's text on its page, where the words searched for are marked. */
export const NOTE_BODY_SELECTOR = 'article[data-pagefind-body]';
