import { createEmptyCard, Rating, type Card, type CardInput, type FSRS, type Grade } from 'ts-fsrs';
import { localDay } from './review-plan.ts';
import type { ReviewStore, StoredCard } from './review-store.ts';

/**
 * Grading a card: the one way the reader's grades reach the FSRS schedule, whether they grade on the
 * review page or test themselves on a note page.
 */

/** Where a card is (`ReviewDeck`): its note and that note's folder. */
export interface CardPlace {
	note: string;
	folder: string;
}

/** A card's FSRS state: as stored, else a new card's. */
export const cardState = (store: ReviewStore, id: string, now = new Date()): CardInput | Card => (store.cards[id] as unknown as CardInput | undefined) ?? createEmptyCard(now);

/**
 * Schedules card `id` by the reader's grade and keeps it in `store` (not saved), with where it is,
 * so the next review knows its deck before its note's cards arrive, the day it was first graded
 * (the plan's new cards of a day) and how often it was forgotten (the weakest topics). The home page's counts
 * (`dues`) follow: the card's old due time becomes its new one, or a first review adds one.
 */
export function recordGrade(scheduler: FSRS, store: ReviewStore, id: string, grade: Grade, place: CardPlace, now = new Date()): StoredCard {
	const before = store.cards[id];
	const { card } = scheduler.next(cardState(store, id, now), now, grade);
	const recorded: StoredCard = {
		...(JSON.parse(JSON.stringify(card)) as StoredCard),
		...place,
		introduced: before ? before.introduced : localDay(now),
		forgotten: (before?.forgotten ?? 0) + (grade === Rating.Again ? 1 : 0),
	};
	store.cards[id] = recorded;
	const dues = (store.dues ??= []);
	const due = card.due.getTime();
	const kept = before ? dues.indexOf(Date.parse(before.due)) : -1;
	if (!before) dues.push(due);
	else if (kept !== -1) dues[kept] = due;
	return recorded;
}

/** "10 min", "3 d": a time to wait, as the grade buttons and the "next card" messages say it. */
export function interval(ms: number): string {
	const minutes = Math.max(1, Math.round(ms / 60000));
	if (minutes < 60) return `${minutes} min`;
	const hours = Math.round(minutes / 60);
	if (hours < 24) return `${hours} h`;
	const days = Math.round(hours / 24);
	if (days < 31) return `${days} d`;
	const months = Math.round(days / 30.4);
	return months < 12 ? `${months} mo` : `${(days / 365).toFixed(1)} y`;
}
