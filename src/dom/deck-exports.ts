import { pathAncestry } from '../browser-safe/url-path.ts';

/**
 * Where each deck goes away from the review page: an Anki package, the same cards in Anki's text
 * format, and sheets of cards to print. The decks are every note's cards and each folder's (its
 * subfolders' too); a note's cards go with its folder, a deck of their own in Anki
 * (`Site::folder::Note`), so that a site of thousands of notes is not thousands more files and
 * pages to build. Paths are below the site's base:
 *
 * ```
 * review/anki/all.apkg          review/anki/all.txt          review/print/
 * review/anki/folder/aws.apkg   review/anki/folder/aws.txt   review/print/folder/aws/
 * ```
 *
 * Browser-safe: no Node imports.
 */
export type ExportDeck = { kind: 'all' } | { kind: 'folder'; name: string };

export const ANKI_FOLDER = 'review/anki/';
export const PRINT_FOLDER = 'review/print/';
/** The page that lists every deck with its files. */
export const DECK_EXPORTS_PATH = 'review/decks/';

/** The deck's place in the folders above: `all`, `folder/aws`. */
export const deckStem = (deck: ExportDeck): string => (deck.kind === 'all' ? 'all' : `${deck.kind}/${deck.name}`);

/** The deck as the pages name it: `All notes`, `aws/`. */
export const deckName = (deck: ExportDeck): string => (deck.kind === 'all' ? 'All notes' : `${deck.name}/`);

export const ankiPackagePath = (deck: ExportDeck) => `${ANKI_FOLDER}${deckStem(deck)}.apkg`;
export const ankiTextPath = (deck: ExportDeck) => `${ANKI_FOLDER}${deckStem(deck)}.txt`;
export const printPath = (deck: ExportDeck) => (deck.kind === 'all' ? PRINT_FOLDER : `${PRINT_FOLDER}${deckStem(deck)}/`);

/** Every deck of notes with cards, in the review page's order: all, then the folders. */
export function exportDecks(notes: readonly { group: string }[]): ExportDeck[] {
	const folders = [...new Set(notes.flatMap((note) => pathAncestry(note.group)))].sort();
	return [{ kind: 'all' }, ...folders.map((name) => ({ kind: 'folder' as const, name }))];
}

/** The decks that hold a note's cards: every note's and each of its folders'. */
export const decksOf = (note: { group: string }): ExportDeck[] => [{ kind: 'all' }, ...pathAncestry(note.group).map((name) => ({ kind: 'folder' as const, name }))];

/** Does the deck hold the note's cards? */
export const deckHolds = (deck: ExportDeck, note: { group: string }): boolean => decksOf(note).some((each) => deckStem(each) === deckStem(deck));

/**
 * The review page's links to them (every note's deck, and the page of every deck), and that page:
 *
 * ```html
 * <section class="deck-exports" aria-labelledby="deck-exports-title">
 *   <h2 id="deck-exports-title">Anki and paper</h2>
 *   <p>… <a href="…/all.apkg" download>Anki package</a> … <a href="…/all.txt" download>…</a> … <a href="…/review/print/">…</a> … <a href="…/review/decks/">…</a></p>
 * </section>
 * <main class="deck-exports-page"> <table class="deck-exports__table"> a row per deck </table> </main>
 * ```
 */
export const DECK_EXPORTS_CLASSES = {
	section: 'deck-exports',
	page: 'deck-exports-page',
	intro: 'deck-exports__intro',
	table: 'deck-exports__table',
} as const;
