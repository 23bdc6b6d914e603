/**
 * The progress contract: an element with `data-card-progress="{storage key}"` and either
 * `data-cards="{a note's card ids}"` or `data-total="{every note's card count}"`, holding a
 * `[data-progress-counts]` the script fills with the reader's counts. Apart from the card
 * contract: the pages that show progress load only this.
 */
export const PROGRESS_ATTRIBUTE = 'data-card-progress';

/** Where the review page keeps the reader's progress (localStorage, one key per site: GitHub Pages sites of one account share an origin). */
export const reviewStoreKey = (base: string) => `notes-review:${base}`;

/**
 * On a list of notes with state bars (`note-state.ts`): the localStorage key of the reader's
 * progress. Defined here, not in `note-state.ts`: the note page's script reads it to decide whether
 * to load the bars' script, and must not pull that contract into every note page.
 */
export const NOTE_STATES_ATTRIBUTE = 'data-note-states';
