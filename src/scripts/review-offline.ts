import { KEEP_OFFLINE_MESSAGE, type KeepOfflineMessage, type KeepOfflineReply } from '../dom/offline.ts';

/**
 * The review page's side of offline (`src/offline/service-worker.ts`): it registers the service
 * worker, which keeps the review page, and tells it which notes' pages to keep: those of the decks
 * the reader marked "Keep offline", a list kept in localStorage beside the progress.
 */

/** Registers the site's service worker (at the site's root: its scope is the site); false where the browser has none, or refuses. */
export async function registerServiceWorker(url: string): Promise<boolean> {
	if (!('serviceWorker' in navigator)) return false;
	try {
		await navigator.serviceWorker.register(url);
		return true;
	} catch {
		return false;
	}
}

const keptDecksKey = (storeKey: string) => `${storeKey}:offline`;

/** The decks (deck menu values) the reader keeps offline. */
export function keptDecks(storeKey: string): string[] {
	try {
		const kept: unknown = JSON.parse(localStorage.getItem(keptDecksKey(storeKey)) ?? '[]');
		return Array.isArray(kept) ? kept.filter((deck): deck is string => typeof deck === 'string') : [];
	} catch {
		return [];
	}
}

export function saveKeptDecks(storeKey: string, decks: readonly string[]): void {
	try {
		localStorage.setItem(keptDecksKey(storeKey), JSON.stringify(decks));
	} catch {
		// Not kept for the next visit: this visit's worker still keeps the pages.
	}
}

/** Asks the worker to keep these pages (and to drop those it kept before and not now); resolves to how many it keeps. */
export async function keepPagesOffline(pages: readonly string[]): Promise<number> {
	const registration = await navigator.serviceWorker.ready;
	const { port1, port2 } = new MessageChannel();
	const reply = new Promise<KeepOfflineReply>((resolve) => (port1.onmessage = (event: MessageEvent<KeepOfflineReply>) => resolve(event.data)));
	const message: KeepOfflineMessage = { type: KEEP_OFFLINE_MESSAGE, pages: [...pages] };
	registration.active!.postMessage(message, [port2]);
	const { pages: kept, error } = await reply;
	if (error) throw new Error(error);
	return kept;
}
