import { statSync } from 'node:fs';
import path from 'node:path';

/**
 * Astro prints a line per page written and per image optimised (48 lines for the 8 images of the
 * shipped notes, page lines run together when pages render in parallel). Between `start()` and
 * `stop()` those lines are left out, and `stop()` gives the one-line summary of the images: Astro
 * counts the pages itself at the end ("6 page(s) built"). Any other output, Astro's phase headings
 * and warnings included, passes through.
 */
const PAGE_LINE = /[├└]─ \//;
const ANSI_COLOUR = /\x1b\[[\d;]*m/g;
const PAGE_TIME = /^\s*\(\+\d+(?:\.\d+)?m?s\)\s*$/;
/** `▶ /_astro/a b.hX_1.webp (before: 70kB, after: 32kB)`, or `(reused cache entry)` for an image Astro's cache had. */
const IMAGE_LINE = /▶ (\/.*?) \((?:before: [\d.]+[kM]?B, after: [\d.]+[kM]?B|(reused|revalidated) cache entry)\)/;

function size(bytes: number): string {
	if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
	return bytes >= 1024 ? `${Math.round(bytes / 1024)} kB` : `${bytes} B`;
}

export function summariseBuildLog() {
	/** The images written, by their path in the built site, and how many came from Astro's cache. */
	const images: string[] = [];
	let fromCache = 0;
	const write = process.stdout.write.bind(process.stdout);
	process.stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
		// Without the colours a terminal (or CI's FORCE_COLOR) gets.
		const text = (typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString()).replace(ANSI_COLOUR, '');
		const image = IMAGE_LINE.exec(text);
		if (image) {
			images.push(image[1]);
			if (image[2]) fromCache++;
		} else if (!PAGE_LINE.test(text) && !PAGE_TIME.test(text)) return (write as (...args: unknown[]) => boolean)(chunk, ...rest);
		return true;
	}) as typeof process.stdout.write;
	return {
		/**
		 * Puts the console back; returns the summary lines. The images' sizes are those of their
		 * files in `outDir` (the built site): the same whether Astro made them now or took them from its cache.
		 */
		stop(outDir: string): string[] {
			process.stdout.write = write;
			if (images.length === 0) return [];
			const bytes = images.reduce((sum, image) => sum + statSync(path.join(outDir, image)).size, 0);
			const cached = fromCache > 0 ? ` (${fromCache} from the cache)` : '';
			return [`Images: ${images.length} optimised${cached}, ${size(bytes)} in all.`];
		},
	};
}

/** How many files a summary names before it counts the rest. */
const FILES_NAMED = 3;

/**
 * One line for the code blocks whose language the highlighter does not know (shown as plain
 * text), by language, with how many blocks and in which notes; `undefined` when there are none.
 */
export function unknownLanguagesLine(notes: readonly { relativePath: string; unknownLanguages: readonly string[] }[]): string | undefined {
	const byLanguage = new Map<string, { blocks: number; files: Set<string> }>();
	for (const note of notes) {
		for (const language of note.unknownLanguages) {
			const entry = byLanguage.get(language) ?? { blocks: 0, files: new Set<string>() };
			entry.blocks++;
			entry.files.add(note.relativePath);
			byLanguage.set(language, entry);
		}
	}
	if (byLanguage.size === 0) return undefined;
	const languages = [...byLanguage].sort(([a, x], [b, y]) => y.blocks - x.blocks || a.localeCompare(b));
	const blocks = languages.reduce((sum, [, { blocks }]) => sum + blocks, 0);
	const parts = languages.map(([language, { blocks: count, files }]) => {
		const named = [...files].slice(0, FILES_NAMED).join(', ');
		const more = files.size > FILES_NAMED ? ` and ${files.size - FILES_NAMED} more` : '';
		return `${language} ×${count} (${named}${more})`;
	});
	return `Code blocks in a language the highlighter does not know, shown as plain text: ${blocks} (${parts.join('; ')}).`;
}
