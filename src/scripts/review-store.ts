import { readStore } from './card-progress.ts';

/**
 * The reader's review progress, in localStorage: each card's FSRS state by its id (as `ts-fsrs`
 * writes a card, dates as ISO strings, and its note and folder). Written by the review page; the note
 * and home pages read it for their counts (`card-progress.ts`), without this module or the scheduler.
 */
export interface StoredCard {
	due: string;
	state: number;
	last_review?: string;
	/** Where the card is (`ReviewDeck`): the next visit knows its deck before its note's cards arrive. */
	note?: string;
	folder?: string;
	/** The day it was first reviewed (`YYYY-MM-DD`, the reader's time zone): the new cards of a day count across reloads. */
	introduced?: string;
	/** Times it was answered "Again": the weakest topics. */
	forgotten?: number;
	[field: string]: unknown;
}

export interface ReviewStore {
	version: 1;
	cards: Record<string, StoredCard>;
	/** When each card of the site's last build that has been reviewed is due (ms), written by the review page: the home page's counts. */
	dues?: number[];
	/** The reader's plan (`PlanSettings`), checked by `readPlan` when read. */
	plan?: unknown;
}

export const emptyStore = (): ReviewStore => ({ version: 1, cards: {} });

export function isReviewStore(value: unknown): value is ReviewStore {
	const store = value as ReviewStore | null;
	return typeof store === 'object' && store !== null && store.version === 1 && typeof store.cards === 'object' && store.cards !== null;
}

export function loadStore(key: string): ReviewStore {
	const stored = readStore(key);
	return isReviewStore(stored) ? stored : emptyStore();
}

/** Saves the progress; false when the browser refuses (private mode, storage full). */
export function saveStore(key: string, store: ReviewStore): boolean {
	try {
		localStorage.setItem(key, JSON.stringify(store));
		return true;
	} catch {
		return false;
	}
}

/** A card id (`CardIds`): what an imported file may name. */
const CARD_ID = /^[\w-]{12}$/;

/** Card by card, the more recent review wins: importing into a browser that reviewed since loses nothing. */
export function mergeProgress(mine: ReviewStore, imported: ReviewStore): { store: ReviewStore; taken: number } {
	let taken = 0;
	// The plan is this browser's; the file's is taken only where the reader never set one.
	const store: ReviewStore = { ...emptyStore(), cards: { ...mine.cards }, plan: mine.plan ?? imported.plan };
	for (const [id, card] of Object.entries(imported.cards)) {
		const kept = store.cards[id];
		if (!CARD_ID.test(id) || typeof card?.due !== 'string') continue;
		if (!kept || Date.parse(card.last_review ?? '') > Date.parse(kept.last_review ?? '')) {
			store.cards[id] = card;
			taken++;
		}
	}
	return { store, taken };
}
