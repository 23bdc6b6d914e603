import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { AnkiPackager, ankiDeckPart, ankiTag, ankiText, type AnkiMedia, type AnkiNote } from '../anki/apkg.ts';
import { decodeOrKeep } from '../browser-safe/url-path.ts';
import { REVIEW_CARDS_PATH, reviewDecksIn, type ReviewDeck } from '../dom/card.ts';
import { cardSides, type CardUrls } from '../dom/card-sides.ts';
import { ankiPackagePath, ankiTextPath, decksOf, deckStem, exportDecks } from '../dom/deck-exports.ts';

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

/** The site's images the cards show, by their path below `dist/`, each with a media name of its own. */
class SiteMedia {
	#names = new Map<string, string>();
	#dist: string;

	constructor(dist: string) {
		this.#dist = dist;
	}

	/** The media name of an image of the site (`_astro/x.webp`), or `undefined` when it is not one (an image elsewhere on the web). */
	name(file: string | undefined): string | undefined {
		if (!file || !existsSync(path.join(this.#dist, file))) return undefined;
		let name = this.#names.get(file);
		if (!name) {
			const base = path.basename(file);
			name = [...this.#names.values()].includes(base) ? `${this.#names.size}-${base}` : base;
			this.#names.set(file, name);
		}
		return name;
	}

	file(file: string): AnkiMedia {
		return { name: this.#names.get(file)!, data: readFileSync(path.join(this.#dist, file)) };
	}
}

/** A note's cards for Anki, made once for every deck that holds them. */
interface NoteForAnki {
	/** For a package: its images are the package's media. */
	packaged: AnkiNote[];
	/** The images (by path below `dist/`) the package's cards show. */
	images: Set<string>;
	/** For the text format: its images are the site's. */
	text: AnkiNote[];
}

/** A note's cards, each with its sides, in its note's deck, with its note's tags. */
function ankiNotes(deck: ReviewDeck, urls: CardUrls, options: AnkiExportOptions): AnkiNote[] {
	const deckName = [options.title, ...deck.folder.split('/').filter(Boolean), deck.title].map(ankiDeckPart).join('::');
	const tags = (options.tags.get(deck.note) ?? []).map(ankiTag);
	return deck.cards.flatMap((card) => cardSides(card, urls).map((sides) => ({ guid: sides.id, deck: deckName, front: sides.front, back: sides.back, tags })));
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
	if (decks.length === 0) return 0;
	// Links lead to the site, when its URL is known; a package shows its own copies of the images, a text file the site's.
	const onSite = (url: string) => (options.site && url.startsWith('/') && !url.startsWith('//') ? new URL(url, options.site).href : url);
	const inDist = (url: string) => (url.startsWith(options.base) && !url.startsWith('//') ? decodeOrKeep(url.slice(options.base.length).split(/[?#]/)[0]) : undefined);
	const media = new SiteMedia(dist);
	const notes = decks.map((deck): NoteForAnki => {
		const images = new Set<string>();
		const image = (src: string) => {
			const file = inDist(src);
			const name = media.name(file);
			if (!file || !name) return onSite(src);
			images.add(file);
			return name;
		};
		const packaged = ankiNotes(deck, { link: onSite, image }, options);
		// Only the site's images differ between the two: without any, the text file's cards are the package's.
		return { packaged, images, text: images.size > 0 ? ankiNotes(deck, { link: onSite, image: onSite }, options) : packaged };
	});
	// Each deck's notes, by the deck's files' stem.
	const byDeck = new Map<string, NoteForAnki[]>();
	decks.forEach((deck, index) => {
		for (const holding of decksOf({ group: deck.folder })) {
			const stem = deckStem(holding);
			if (!byDeck.has(stem)) byDeck.set(stem, []);
			byDeck.get(stem)!.push(notes[index]);
		}
	});
	const exported = exportDecks(decks.map((deck) => ({ group: deck.folder })));
	const packager = new AnkiPackager(options.builtAt);
	try {
		for (const deck of exported) {
			const held = byDeck.get(deckStem(deck)) ?? [];
			const images = [...new Set(held.flatMap((note) => [...note.images]))];
			const packageFile = path.join(dist, ankiPackagePath(deck));
			mkdirSync(path.dirname(packageFile), { recursive: true });
			writeFileSync(packageFile, packager.package(held.flatMap((note) => note.packaged), images.map((file) => media.file(file))));
			writeFileSync(path.join(dist, ankiTextPath(deck)), ankiText(held.flatMap((note) => note.text)));
		}
	} finally {
		packager.close();
	}
	return exported.length;
}
