/**
 * Printable flashcards: what `src/pages/review/print/[...deck].astro` renders, `print-cards.css`
 * lays out and the tests measure. A note's cards fill sheets of `PRINT_COLUMNS` × `PRINT_ROWS`;
 * each sheet of fronts is followed by its sheet of backs, each row of backs in mirrored order, so
 * that printed on both sides (flipped on the long edge) each back stands behind its front.
 *
 * ```html
 * <section class="print-cards__note">
 *   <h2 class="print-cards__note-title">{note}</h2>
 *   <p class="print-cards__sheet-label">Sheet 1: questions</p>
 *   <div class="print-cards__sheet" data-print-side="front">
 *     <div class="print-cards__card" data-print-card="{id}"><div class="print-cards__content">{front}</div><p class="print-cards__source">{note › topic}</p></div>
 *     <div class="print-cards__card print-cards__card--empty"></div> …
 *   </div>
 *   <div class="print-cards__sheet" data-print-side="back"> …the same cards' backs, each row mirrored… </div>
 * </section>
 * ```
 *
 * Browser-safe: constants and small functions only, no imports.
 */
export const PRINT_CLASSES = {
	page: 'print-cards',
	header: 'print-cards__header',
	note: 'print-cards__note',
	noteTitle: 'print-cards__note-title',
	/** Which sheet and side follows: on screen only. */
	sheetLabel: 'print-cards__sheet-label',
	sheet: 'print-cards__sheet',
	card: 'print-cards__card',
	empty: 'print-cards__card--empty',
	content: 'print-cards__content',
	source: 'print-cards__source',
} as const;

/** On each sheet: which side of the cards it holds. */
export const PRINT_SIDE_ATTRIBUTE = 'data-print-side';
/** On each card of a sheet: the card's id (the same on its front and its back). */
export const PRINT_CARD_ATTRIBUTE = 'data-print-card';
export type PrintSide = 'front' | 'back';

export const PRINT_COLUMNS = 2;
export const PRINT_ROWS = 4;

export interface PrintSheets<T> {
	/** A sheet's cells in reading order; `undefined` where a sheet has no card left. */
	fronts: (T | undefined)[];
	/** The same cards, each row in mirrored order. */
	backs: (T | undefined)[];
}

/** The cards, a sheet of fronts and a sheet of backs at a time. */
export function printSheets<T>(cards: readonly T[]): PrintSheets<T>[] {
	const perSheet = PRINT_COLUMNS * PRINT_ROWS;
	const sheets: PrintSheets<T>[] = [];
	for (let start = 0; start < cards.length; start += perSheet) {
		const fronts = Array.from({ length: perSheet }, (_, cell) => cards[start + cell]);
		const backs = fronts.map((_, cell) => {
			const row = Math.floor(cell / PRINT_COLUMNS);
			const column = cell % PRINT_COLUMNS;
			return fronts[row * PRINT_COLUMNS + (PRINT_COLUMNS - 1 - column)];
		});
		sheets.push({ fronts, backs });
	}
	return sheets;
}
