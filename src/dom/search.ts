/**
 * The search contract: `Search.astro` renders the button and the dialog, `notes-search` fills the
 * result list from Pagefind, and note pages highlight the words found when opened from a result.
 */
export const SEARCH_TAG = 'notes-search';
/** Query parameter Pagefind adds to result URLs with the words searched for. */
export const HIGHLIGHT_PARAM = 'highlight';
/** Class of the `<mark>` around each word found on the target page. */
export const SEARCH_HIT_CLASS = 'search-hit';
/** How many matching sections of one note are listed. */
export const SUB_RESULTS_PER_NOTE = 3;
