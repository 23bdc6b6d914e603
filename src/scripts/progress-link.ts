import { isReviewStore, type ReviewStore } from './review-store.ts';

/**
 * The "move to another device" link: the reader's progress in the review page's URL fragment
 * (`#progress=…`), which the browser never sends to a server: the JSON, compressed (deflate) and
 * written in base64url. Opening the link merges it as importing a file does.
 */
export const PROGRESS_FRAGMENT = '#progress=';

async function pipeBytes(bytes: Uint8Array<ArrayBuffer>, transform: CompressionStream | DecompressionStream): Promise<Uint8Array> {
	return new Uint8Array(await new Response(new Blob([bytes]).stream().pipeThrough(transform)).arrayBuffer());
}

function toBase64Url(bytes: Uint8Array): string {
	let binary = '';
	for (const byte of bytes) binary += String.fromCharCode(byte);
	return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
	const binary = atob(text.replaceAll('-', '+').replaceAll('_', '/'));
	return Uint8Array.from(binary, (character) => character.charCodeAt(0));
}

/** The link to `page` that carries the cards' progress (the home page's counts are left behind: the other device works them out). */
export async function progressLink(page: string, store: ReviewStore): Promise<string> {
	const carried: ReviewStore = { version: store.version, cards: store.cards };
	const compressed = await pipeBytes(new TextEncoder().encode(JSON.stringify(carried)), new CompressionStream('deflate-raw'));
	return `${page}${PROGRESS_FRAGMENT}${toBase64Url(compressed)}`;
}

/** The progress a link's fragment (`location.hash`) carries; undefined when it carries none, or something that is not progress. */
export async function progressOfFragment(fragment: string): Promise<ReviewStore | undefined> {
	if (!fragment.startsWith(PROGRESS_FRAGMENT)) return undefined;
	try {
		const json = await pipeBytes(fromBase64Url(fragment.slice(PROGRESS_FRAGMENT.length)), new DecompressionStream('deflate-raw'));
		const carried: unknown = JSON.parse(new TextDecoder().decode(json));
		return isReviewStore(carried) ? carried : undefined;
	} catch {
		return undefined;
	}
}
