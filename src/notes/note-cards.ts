import { detachedCardHtml, renderedCards, type CardElementKind } from '../dom/card.ts';
import { cardSides, type CardSides } from '../dom/card-sides.ts';
import type { PageNote } from './catalogue.ts';
import { sharedCatalogue } from './shared-catalogue.ts';
import { noteHref } from './urls.ts';

/** A card element of a rendered note with what the catalogue knows of it. */
export interface CardOnPage {
	ids: string[];
	/** The element's HTML, detached from its note (see `detachedCardHtml`). */
	html: string;
	kind: PageNote['cards'][number]['kind'];
	/** Which of the card contract's elements it is. */
	element: CardElementKind;
	/** The topic it stands in, with its link. */
	topic?: { text: string; href: string };
}

/**
 * The cards of a note, from its rendered HTML: the elements whose ids the catalogue lists (a note
 * embedded in this one brings cards of its own, which its own page counts). A card the catalogue
 * lists and the page does not show is a fault of this program, not of the note: said, with the
 * note, and left out of the review rather than stopping the build.
 */
function cardsOnPage(note: PageNote, html: string): CardOnPage[] {
	const known = new Map(note.cards.map((card) => [card.id, card]));
	const found = renderedCards(html).filter((card) => known.has(card.ids[0]));
	const missing = note.cards.filter((card) => !found.some((each) => each.ids.includes(card.id)));
	if (missing.length > 0) {
		console.warn(`[notes-site] ${note.slug}: ${missing.length} card(s) the notes catalogue found are not on its page and are left out of the review (${missing.map((card) => card.id).join(', ')}). Please report this.`);
	}
	const page = noteHref(note.slug);
	return found.map((card) => {
		const { kind, topic } = known.get(card.ids[0])!;
		const heading = topic ? note.topics.find((each) => each.id === topic) : undefined;
		return { ids: card.ids, html: detachedCardHtml(card.html, page), kind, element: card.kind, ...(heading ? { topic: { text: heading.text, href: noteHref(note.slug, heading.id) } } : {}) };
	});
}

/** Each note's cards, found once per build in the HTML rendered for its page. */
const cardsOfNotes = new Map<string, Promise<CardOnPage[]>>();

/**
 * Keeps the cards of a note whose HTML is being rendered for its page: the pages made of notes'
 * cards (the review page's cards, the cheat sheet), which the build writes after the notes' pages,
 * take them from there instead of rendering the note again. Only the cards are kept, not the HTML.
 */
export function keepCards(note: PageNote, html: Promise<string>): void {
	if (import.meta.env.DEV || note.cards.length === 0 || cardsOfNotes.has(note.slug)) return;
	cardsOfNotes.set(note.slug, cardsRendered(note, html));
}

/**
 * A note's cards: those its page kept, or else from its HTML as `render` gives it. In `npm run dev`
 * notes change, so each time from `render`.
 */
export function cardsOf(note: PageNote, render: () => Promise<string>): Promise<CardOnPage[]> {
	if (import.meta.env.DEV) return cardsRendered(note, render());
	let cards = cardsOfNotes.get(note.slug);
	if (!cards) cardsOfNotes.set(note.slug, (cards = cardsRendered(note, render())));
	return cards;
}

/** The cards in the note's HTML; none from a note that threw while it rendered, which its page and the report show. */
async function cardsRendered(note: PageNote, html: Promise<string>): Promise<CardOnPage[]> {
	try {
		return cardsOnPage(note, await html);
	} catch (error) {
		sharedCatalogue().renderFailed(note.slug, error);
		return [];
	}
}

const sidesOfCards = new WeakMap<CardOnPage, CardSides[]>();

/** A card's two sides as the print pages show them, made once: a card is on the page of every deck that holds it. */
export function printedSides(card: CardOnPage): CardSides[] {
	let sides = sidesOfCards.get(card);
	if (!sides) sidesOfCards.set(card, (sides = cardSides({ ids: card.ids, kind: card.element, html: card.html, ...(card.topic ? { topic: card.topic } : {}) })));
	return sides;
}
