import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ankiDeckPart, ankiPackage, ankiTag, ankiText, type AnkiMedia, type AnkiNote } from '../anki/apkg.ts';
import { decodeOrKeep } from '../browser-safe/url-path.ts';
import { REVIEW_CARDS_PATH, reviewDecksIn, type ReviewDeck } from '../dom/card.ts';
import { cardSides, type CardUrls } from '../dom/card-sides.ts';
import { ankiPackagePath, ankiTextPath, deckHolds, exportDecks } from '../dom/deck-exports.ts';

export interface AnkiExportOptions {
	/** The site's base path (`/` or `/notes/`). */
	base: string;
	/** The site's URL, when known: links in the cards lead there. */
	site?: string;
	/** The site's title: the decks' parent in Anki. */
	title: string;
	/** Each note's tags, by slug. */
	tags: ReadonlyMap<string, readonly string[]>;
	builtAt: Date;
}

/** A deck's media: each image of the built site its cards show, by its path below `dist/`, named once. */
class DeckMedia {
	#names = new Map<string, string>();
	#dist: string;

	constructor(dist: string) {
		this.#dist = dist;
	}

	/** The media name of an image of the site (`/_astro/x.webp`), or `undefined` when it is not one (an image elsewhere on the web). */
	name(file: string | undefined): string | undefined {
		if (!file || !existsSync(path.join(this.#dist, file))) return undefined;
		let name = this.#names.get(file);
		if (!name) {
			const taken = new Set(this.#names.values());
			const base = path.basename(file);
			name = taken.has(base) ? `${this.#names.size}-${base}` : base;
			this.#names.set(file, name);
		}
		return name;
	}

	files(): AnkiMedia[] {
		return [...this.#names].map(([file, name]) => ({ name, data: readFileSync(path.join(this.#dist, file)) }));
	}
}

/** The notes of a deck's cards, for Anki: each card's sides, in its note's deck, with its note's tags. */
function ankiNotes(decks: readonly ReviewDeck[], urls: CardUrls, options: AnkiExportOptions): AnkiNote[] {
	return decks.flatMap((deck) => {
		const deckName = [options.title, ...deck.folder.split('/').filter(Boolean), deck.title].map(ankiDeckPart).join('::');
		const tags = (options.tags.get(deck.note) ?? []).map(ankiTag);
		return deck.cards.flatMap((card) => cardSides(card, urls).map((sides) => ({ guid: sides.id, deck: deckName, front: sides.front, back: sides.back, tags })));
	});
}

/**
 * Writes every deck of the review page as an Anki package and as Anki's text format, from the cards
 * document the build wrote (the cards as the review page shows them), with the images they show.
 * Returns how many decks were written; none when the site has no cards.
 */
export function writeAnkiDecks(dist: string, options: AnkiExportOptions): number {
	const cardsDocument = path.join(dist, REVIEW_CARDS_PATH, 'index.html');
	if (!existsSync(cardsDocument)) return 0;
	const decks = reviewDecksIn(readFileSync(cardsDocument, 'utf8'));
	const notes = decks.map((deck) => ({ slug: deck.note, group: deck.folder }));
	const exports = exportDecks(notes);
	// Links lead to the site, when its URL is known; a package shows its own copies of the images, a text file the site's.
	const onSite = (url: string) => (options.site && url.startsWith('/') && !url.startsWith('//') ? new URL(url, options.site).href : url);
	const inDist = (url: string) => (url.startsWith(options.base) && !url.startsWith('//') ? decodeOrKeep(url.slice(options.base.length).split(/[?#]/)[0]) : undefined);
	for (const exported of exports) {
		const deckDecks = decks.filter((deck) => deckHolds(exported, { slug: deck.note, group: deck.folder }));
		const media = new DeckMedia(dist);
		const packaged = ankiNotes(deckDecks, { link: onSite, image: (src) => media.name(inDist(src)) ?? src }, options);
		const packageFile = path.join(dist, ankiPackagePath(exported));
		mkdirSync(path.dirname(packageFile), { recursive: true });
		writeFileSync(packageFile, ankiPackage(packaged, media.files(), options.builtAt));
		writeFileSync(path.join(dist, ankiTextPath(exported)), ankiText(ankiNotes(deckDecks, { link: onSite, image: onSite }, options)));
	}
	return decks.length === 0 ? 0 : exports.length;
}
