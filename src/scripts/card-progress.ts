import { PROGRESS_ATTRIBUTE } from '../dom/progress.ts';

export interface DeckCounts {
	new: number;
	due: number;
	learned: number;
}

/** A deck's counts: of its `total` cards, those reviewed (`dues`, when each is due) are due now or learned; the others are new. */
export function deckCounts(dues: readonly number[], total: number, now = Date.now()): DeckCounts {
	const due = dues.filter((time) => time <= now).length;
	return { new: total - dues.length, due, learned: dues.length - due };
}

export const countsText = (counts: DeckCounts) => `${counts.due} due · ${counts.new} new · ${counts.learned} learned`;

/** What the review page stored under `key` (a `ReviewStore`, unless something else wrote there), or `null`. */
export function readStore(key: string): unknown {
	try {
		return JSON.parse(localStorage.getItem(key) ?? 'null');
	} catch {
		return null;
	}
}

/** A card as the review page stores it (`StoredCard`), as far as the pages that only read it go: FSRS's state (0 new, 1 learning, 2 review, 3 relearning) and when it is due. */
export interface StoredState {
	state?: number;
	due?: string;
}

/** The cards the review page stored under `key`, by id; none when it stored nothing. */
export const storedCards = (key: string): Record<string, StoredState | undefined> => (readStore(key) as { cards?: Record<string, StoredState> } | null)?.cards ?? {};

/**
 * The counts on a note page (its cards' ids) and the home page (its number of cards, and the dues
 * the review page last wrote). Loaded on those pages: a few hundred bytes, no scheduler.
 */
export function showProgress() {
	for (const element of document.querySelectorAll<HTMLElement>(`[${PROGRESS_ATTRIBUTE}]`)) {
		const store = readStore(element.getAttribute(PROGRESS_ATTRIBUTE)!) as { cards?: Record<string, { due?: string } | undefined>; dues?: number[] } | null;
		const ids = element.dataset.cards?.split(' ');
		const dues = ids ? ids.flatMap((id) => store?.cards?.[id]?.due ?? []).map(Date.parse) : (store?.dues ?? []);
		element.querySelector('[data-progress-counts]')!.textContent = countsText(deckCounts(dues, ids?.length ?? Number(element.dataset.total)));
	}
}
