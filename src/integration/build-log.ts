/**
 * Astro prints a line per page written and per image optimised (48 lines for the 8 images of the
 * shipped notes, page lines run together when pages render in parallel). Between `start()` and
 * `stop()` those lines are counted instead of printed, and `stop()` gives the one-line summary of
 * each phase. Any other output, Astro's phase headings and warnings included, passes through.
 */
const PAGE_LINE = /[├└]─ \//g;
const ANSI_COLOUR = /\x1b\[[\d;]*m/g;
const PAGE_TIME = /^\s*\(\+\d+(?:\.\d+)?m?s\)\s*$/;
const IMAGE_LINE = /▶ \/(?:.*\(before: [\d.]+[kM]?B, after: ([\d.]+)([kM]?B)\))?/;

const kilobytes = (value: string, unit: string) => Number(value) * (unit === 'MB' ? 1024 : unit === 'B' ? 1 / 1024 : 1);
const size = (kB: number) => (kB >= 1024 ? `${(kB / 1024).toFixed(1)} MB` : `${Math.round(kB)} kB`);

export function summariseBuildLog() {
	const counts = { pages: 0, images: 0, imagesAfter: 0 };
	const write = process.stdout.write.bind(process.stdout);
	process.stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
		// Without the colours a terminal (or CI's FORCE_COLOR) gets.
		const text = (typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString()).replace(ANSI_COLOUR, '');
		const pages = text.match(PAGE_LINE)?.length ?? 0;
		const image = IMAGE_LINE.exec(text);
		if (pages > 0) counts.pages += pages;
		else if (image) {
			counts.images += 1;
			if (image[1]) counts.imagesAfter += kilobytes(image[1], image[2]);
		} else if (!PAGE_TIME.test(text)) return (write as (...args: unknown[]) => boolean)(chunk, ...rest);
		return true;
	}) as typeof process.stdout.write;
	return {
		/** Puts the console back; returns the summary lines. */
		stop(): string[] {
			process.stdout.write = write;
			const lines = [`Pages: ${counts.pages} written.`];
			if (counts.images > 0) lines.push(`Images: ${counts.images} optimised${counts.imagesAfter > 0 ? `, ${size(counts.imagesAfter)} in all` : ' (from the cache)'}.`);
			return lines;
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
