import type { ElementContent, Properties } from 'hast';
import { h } from './hast.ts';

/**
 * The flashcard contract, for every way a note writes a card:
 *
 * ```html
 * <notes-card class="card card--pair" data-card="{id} [{reverse id}]">
 *   <div class="card__question"><p>…</p></div>
 *   <div class="card__answer"><p>…</p> …</div>
 * </notes-card>
 * <notes-card class="card card--cloze" data-card="{id of the 1st mark} {2nd} …"><p>… <mark>…</mark> …</p></notes-card>
 * <notes-card class="card card--summary" data-card="{id}">…a topic's summary section…</notes-card>
 * ```
 *
 * On a note page it is plain content: a question and its answer, styled; a summary as it always
 * was. The review page takes each card's HTML from the rendered notes by this tag and its ids: a
 * `Q:::A` card's second id is its reverse, a cloze card has one id per mark, which that card hides.
 */
export const CARD_TAG = 'notes-card';
export const CARD_CLASS = 'card';
export const CARD_IDS_ATTRIBUTE = 'data-card';
export const CARD_QUESTION_CLASS = 'card__question';
export const CARD_ANSWER_CLASS = 'card__answer';

export type CardElementKind = 'pair' | 'cloze' | 'summary';
export const cardKindClass = (kind: CardElementKind) => `${CARD_CLASS}--${kind}`;

/** The card element's properties, as hast names them. */
export const cardProperties = (kind: CardElementKind, ids: readonly string[]): Properties => ({
	className: [CARD_CLASS, cardKindClass(kind)],
	dataCard: ids.join(' '),
});

/** A topic's summary section's content, as its card's back. */
export const summaryCardElement = (id: string, content: ElementContent[]) => h(CARD_TAG, cardProperties('summary', [id]), content);
