import { PROGRESS_ATTRIBUTE } from '../dom/card.ts';

/**
 * The reader's review progress, in localStorage: each card's FSRS state by its id (as `ts-fsrs`
 * writes a card, dates as ISO strings). Read by the review page, and by the note and home pages for
 * their counts, which must not load the scheduler.
 */
export interface StoredCard {
	due: string;
	state: number;
	last_review?: string;
	[field: string]: unknown;
}

export interface ReviewStore {
	version: 1;
	cards: Record<string, StoredCard>;
	/** When each card of the site's last build that has been reviewed is due (ms), written by the review page: the home page's counts. */
	dues?: number[];
}

export const emptyStore = (): ReviewStore => ({ version: 1, cards: {} });

export function isReviewStore(value: unknown): value is ReviewStore {
	const store = value as ReviewStore | null;
	return typeof store === 'object' && store !== null && store.version === 1 && typeof store.cards === 'object' && store.cards !== null;
}

export function loadStore(key: string): ReviewStore {
	try {
		const stored: unknown = JSON.parse(localStorage.getItem(key) ?? 'null');
		return isReviewStore(stored) ? stored : emptyStore();
	} catch {
		return emptyStore();
	}
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

export interface DeckCounts {
	new: number;
	due: number;
	learned: number;
}

/** A deck's counts: new (never reviewed), due now, and learned (reviewed, not yet due). */
export function deckCounts(dues: Iterable<number | undefined>, now = Date.now()): DeckCounts {
	const counts: DeckCounts = { new: 0, due: 0, learned: 0 };
	for (const due of dues) {
		if (due === undefined) counts.new++;
		else if (due <= now) counts.due++;
		else counts.learned++;
	}
	return counts;
}

export const countsText = (counts: DeckCounts) => `${counts.due} due · ${counts.new} new · ${counts.learned} learned`;

/**
 * The counts on a note page (its cards' ids) and the home page (every card's number, and the dues
 * the review page last wrote). Loaded on those pages; a few hundred bytes.
 */
export function showProgress() {
	for (const element of document.querySelectorAll<HTMLElement>(`[${PROGRESS_ATTRIBUTE}]`)) {
		const store = loadStore(element.getAttribute(PROGRESS_ATTRIBUTE)!);
		const ids = element.dataset.cards?.split(' ');
		const dues: (number | undefined)[] = ids
			? ids.map((id) => (store.cards[id] ? Date.parse(store.cards[id].due) : undefined))
			: [...(store.dues ?? []), ...Array<undefined>(Math.max(0, Number(element.dataset.total) - (store.dues?.length ?? 0)))];
		const output = element.querySelector('[data-progress-counts]');
		if (output) output.textContent = countsText(deckCounts(dues));
	}
}
