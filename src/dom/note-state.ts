/**
 * The note-state contract: what the reader knows of each note, as a small bar where notes are
 * listed (`NoteCards` on the home and folder pages and under a folder's note, the sidebar). The
 * server writes each note's card ids on an empty, hidden element; `scripts/note-states.ts` reads
 * the reader's progress, draws the bar inside, labels it and shows it. A reader who never reviewed
 * sees no bar, and the pages carry no bar's markup (forty of them in every sidebar).
 *
 * ```html
 * <ul class="note-cards" data-note-states="{storage key}">
 *   <li class="note-card">…
 *     <span class="note-state" data-note-state="{card ids}" role="img" aria-label="12 known, 3 learning, 5 new; 2 due" title="…" hidden>
 *       <span class="note-state__bar">
 *         <span class="note-state__segment note-state__segment--known"></span>
 *         <span class="note-state__segment note-state__segment--learning"></span>
 *         <span class="note-state__segment note-state__segment--new"></span>
 *       </span>
 *       <span class="note-state__text">12 known · 3 learning · 5 new · <strong>2 due</strong></span>
 *     </span>
 *   </li>
 * </ul>
 * ```
 *
 * As written by the server: `<span class="note-state" data-note-state="{card ids}" role="img" hidden></span>`.
 * The compact bar (`note-state--compact`, in the sidebar) has no text: its counts are its name.
 *
 * The segments stand in one order (known, learning, new) and differ by pattern, not colour alone:
 * solid, striped, empty. Browser-safe: constants and small functions only.
 */

/** On the list: the localStorage key of the reader's progress (`reviewStoreKey`). */
export { NOTE_STATES_ATTRIBUTE } from './progress.ts';
/** On each bar: its note's card ids, space-separated. */
export const NOTE_STATE_ATTRIBUTE = 'data-note-state';

export const NOTE_STATE_SEGMENTS = ['known', 'learning', 'new'] as const;
export type NoteStateSegment = (typeof NOTE_STATE_SEGMENTS)[number];

export const NOTE_STATE_CLASSES = {
	state: 'note-state',
	compact: 'note-state--compact',
	bar: 'note-state__bar',
	segment: 'note-state__segment',
	text: 'note-state__text',
} as const;

export const noteStateSegmentClass = (segment: NoteStateSegment) => `${NOTE_STATE_CLASSES.segment} ${NOTE_STATE_CLASSES.segment}--${segment}`;

export type NoteStateCounts = Record<NoteStateSegment | 'due', number>;

/** The bar's accessible name: "12 known, 3 learning, 5 new; 2 due". */
export const noteStateLabel = (counts: NoteStateCounts) => `${counts.known} known, ${counts.learning} learning, ${counts.new} new; ${counts.due} due`;

/** The counts beside the bar, those that are not zero: "12 known · 3 learning · 5 new". */
export const noteStateText = (counts: NoteStateCounts) =>
	NOTE_STATE_SEGMENTS.filter((segment) => counts[segment] > 0)
		.map((segment) => `${counts[segment]} ${segment}`)
		.join(' · ');
