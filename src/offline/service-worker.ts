import { linkedFiles } from '../browser-safe/linked-files.ts';
import { KEEP_OFFLINE_MESSAGE, type KeepOfflineMessage, type KeepOfflineReply } from '../dom/offline.ts';

/**
 * The site's service worker (`sw.js`), as `serviceWorkerScript` writes it at build time: the body
 * of `serviceWorker` with the build's settings. What it keeps, in two caches named after the site
 * (sites on one origin, GitHub Pages' `user.github.io/a/` and `/b/`, keep theirs apart) and the build:
 * - the review page's files, listed by the build (`precache`), at install;
 * - the pages of the notes the reader keeps offline, with the files they load, when the review page
 *   asks (`KeepOfflineMessage`): nothing else the reader visits is kept.
 *
 * Every request in the site goes to the network first and, when it answers, refreshes what is kept
 * of it; the cache answers only when the network does not, so nothing stale shows online. A new build
 * is a new `sw.js`: the new worker takes over at once, fetches the kept pages again into its own
 * caches and deletes the old ones.
 */
export interface OfflineSettings {
	/** Changes with every build whose files change. */
	version: string;
	/** The review page's files, below the site's root: `review/`, `review/cards/`, `_astro/review.js`… */
	precache: string[];
}

/** What of `ServiceWorkerGlobalScope` the worker uses (the DOM library, which the pages use, does not type it). */
interface ExtendableEvent extends Event {
	waitUntil(promise: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
	request: Request;
	respondWith(response: Promise<Response>): void;
}
interface ExtendableMessageEvent extends ExtendableEvent {
	data: unknown;
	ports: readonly MessagePort[];
}
export interface WorkerScope {
	registration: { scope: string };
	skipWaiting(): Promise<void>;
	clients: { claim(): Promise<void> };
	addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
	addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
	addEventListener(type: 'message', listener: (event: ExtendableMessageEvent) => void): void;
}

/** The worker. Runs as its own source text: it refers to nothing outside itself but its arguments. */
export function serviceWorker(worker: WorkerScope, settings: OfflineSettings, filesOf: typeof linkedFiles, keepMessage: typeof KEEP_OFFLINE_MESSAGE) {
	const scope = worker.registration.scope;
	const prefix = `notes-offline:${new URL(scope).pathname}:`;
	const reviewCache = `${prefix}review:${settings.version}`;
	const keptCache = `${prefix}kept:${settings.version}`;
	const current = [reviewCache, keptCache];
	const matchOptions = { ignoreSearch: true, ignoreVary: true };
	// Every page of the site is a folder (`/vault/ports/`); a file has a name.
	const isPage = (url: string) => new URL(url).pathname.endsWith('/');

	/** Keeps `pages`, and the files they load, scripts' imports too; drops the pages kept before and not now. Returns how many pages are kept. */
	async function keep(pages: readonly string[]): Promise<number> {
		const cache = await caches.open(keptCache);
		const review = await caches.open(reviewCache);
		const wanted = new Set<string>();
		const queue = pages.filter((page) => page.startsWith(scope));
		let kept = 0;
		while (queue.length > 0) {
			const url = queue.shift()!;
			if (wanted.has(url)) continue;
			wanted.add(url);
			let response: Response | undefined;
			const keptCopy = async () => (await cache.match(url, matchOptions)) ?? (await review.match(url, matchOptions));
			// A page is fetched again, for its current files; a file is named by its content (`_astro/`), or the review page keeps it fresh.
			if (isPage(url) || !(await keptCopy())) {
				response = await fetch(url).catch(() => undefined);
				if (response?.ok) await cache.put(url, response.clone());
				else response = undefined;
			}
			response ??= await keptCopy();
			if (!response) continue;
			if (isPage(url)) kept++;
			const type = response.headers.get('content-type') ?? '';
			if (/html|javascript/.test(type)) queue.push(...filesOf(await response.text(), url, scope));
		}
		for (const request of await cache.keys()) if (!wanted.has(request.url)) await cache.delete(request);
		return kept;
	}

	/** A kept copy of the URL (the query aside: `/review/?note=…` is `/review/`) is replaced by the network's newer answer. */
	async function refresh(requestUrl: string, response: Response) {
		const url = new URL(requestUrl);
		url.search = '';
		for (const name of current) {
			const cache = await caches.open(name);
			if (await cache.match(url.href, matchOptions)) await cache.put(url.href, response.clone());
		}
	}

	/** The network's answer, which refreshes the kept copy; the kept copy when the network does not answer. */
	async function networkFirst(event: FetchEvent): Promise<Response> {
		const { request } = event;
		try {
			const response = await fetch(request);
			// Whole answers only: a video's ranges (206) are not what is kept.
			if (response.status === 200) event.waitUntil(refresh(request.url, response.clone()));
			return response;
		} catch (error) {
			for (const name of current) {
				const kept = await (await caches.open(name)).match(request, matchOptions);
				if (kept) return kept;
			}
			throw error;
		}
	}

	worker.addEventListener('install', (event) => {
		event.waitUntil(
			caches
				.open(reviewCache)
				.then((cache) => cache.addAll(settings.precache.map((file) => new URL(file, scope).href)))
				.then(() => worker.skipWaiting()),
		);
	});

	worker.addEventListener('activate', (event) => {
		event.waitUntil(
			(async () => {
				const old = (await caches.keys()).filter((name) => name.startsWith(prefix) && !current.includes(name));
				const keptBefore: string[] = [];
				for (const name of old.filter((each) => each.startsWith(`${prefix}kept:`))) {
					keptBefore.push(...(await (await caches.open(name)).keys()).map((request) => request.url).filter(isPage));
				}
				if (keptBefore.length > 0) await keep(keptBefore);
				await Promise.all(old.map((name) => caches.delete(name)));
				await worker.clients.claim();
			})(),
		);
	});

	worker.addEventListener('fetch', (event) => {
		const { request } = event;
		if (request.method === 'GET' && request.url.startsWith(scope)) event.respondWith(networkFirst(event));
	});

	worker.addEventListener('message', (event) => {
		const message = event.data as KeepOfflineMessage | null;
		if (message?.type !== keepMessage || !Array.isArray(message.pages)) return;
		event.waitUntil(
			keep(message.pages).then(
				(pages) => event.ports[0]?.postMessage({ pages } satisfies KeepOfflineReply),
				(error: unknown) => event.ports[0]?.postMessage({ pages: 0, error: String(error) } satisfies KeepOfflineReply),
			),
		);
	});
}

/** `sw.js`: the worker's source, called with the build's settings. */
export function serviceWorkerScript(settings: OfflineSettings): string {
	return `(${serviceWorker.toString()})(self, ${JSON.stringify(settings)}, ${linkedFiles.toString()}, ${JSON.stringify(KEEP_OFFLINE_MESSAGE)});\n`;
}
