import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
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
