import { readdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';

/** One indexed page as Pagefind stores it (a `.pf_fragment`: gzip, a signature, then JSON). */
export interface IndexedPage {
	url: string;
	content: string;
	filters: Record<string, string[]>;
	meta: Record<string, string>;
	anchors: { element: string; id: string; text: string }[];
}

const SIGNATURE = 'pagefind_dcd';

/** Reads every page Pagefind indexed in a built site. */
export function readSearchIndex(dist: string): IndexedPage[] {
	const folder = path.join(dist, 'pagefind/fragment');
	return readdirSync(folder).map((file) => {
		const bytes = gunzipSync(readFileSync(path.join(folder, file)));
		const text = bytes.toString('utf8');
		if (!text.startsWith(SIGNATURE)) throw new Error(`${file} is not a Pagefind fragment`);
		return JSON.parse(text.slice(SIGNATURE.length)) as IndexedPage;
	});
}

/** `fetch` that also reads `file:` URLs, which Pagefind's search loads its index from when run in Node. */
function fetchWithFiles(fetchOverNetwork: typeof fetch): typeof fetch {
	return async (input, init) => {
		const url = new URL(input instanceof Request ? input.url : String(input));
		return url.protocol === 'file:' ? new Response(await readFile(fileURLToPath(url))) : fetchOverNetwork(input, init);
	};
}

let readsFiles = false;

/**
 * Searches a built site as a reader's browser does, with the site's own `pagefind/pagefind.js`
 * (run in Node, on the main thread): the URLs of the pages a query finds, decoded (`/统计/假设检验/`).
 */
export async function searchBuiltSite(dist: string): Promise<(query: string) => Promise<string[]>> {
	if (!readsFiles) globalThis.fetch = fetchWithFiles(globalThis.fetch);
	readsFiles = true;
	const pagefind = (await import(pathToFileURL(path.join(dist, 'pagefind/pagefind.js')).href)) as {
		options(options: { baseUrl: string }): Promise<void>;
		search(query: string): Promise<{ results: { data(): Promise<{ url: string }> }[] }>;
	};
	await pagefind.options({ baseUrl: '/' });
	return async (query) => {
		const { results } = await pagefind.search(query);
		return Promise.all(results.map(async (result) => decodeURI((await result.data()).url)));
	};
}
