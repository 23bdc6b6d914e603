import { detachedCardHtml, renderedCards, type CardElementKind } from '../dom/card.ts';
import type { PageNote } from './catalogue.ts';
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
export function cardsOnPage(note: PageNote, html: string, kinds?: readonly CardOnPage['kind'][]): CardOnPage[] {
	const known = new Map(note.cards.map((card) => [card.id, card]));
	const found = renderedCards(html).filter((card) => known.has(card.ids[0]));
	const missing = note.cards.filter((card) => !found.some((each) => each.ids.includes(card.id)));
	if (missing.length > 0) {
		console.warn(`[notes-site] ${note.slug}: ${missing.length} card(s) the notes catalogue found are not on its page and are left out of the review (${missing.map((card) => card.id).join(', ')}). Please report this.`);
	}
	const page = noteHref(note.slug);
	return found
		.map((card) => {
			const { kind, topic } = known.get(card.ids[0])!;
			const heading = topic ? note.topics.find((each) => each.id === topic) : undefined;
			return { ids: card.ids, html: detachedCardHtml(card.html, page), kind, element: card.kind, ...(heading ? { topic: { text: heading.text, href: noteHref(note.slug, heading.id) } } : {}) };
		})
		.filter((card) => !kinds || kinds.includes(card.kind));
}

const renderedNotes = new Map<string, Promise<string>>();

/**
 * A note's rendered HTML for the pages that take parts of it (the review page's cards, the cheat
 * sheet): rendered once per build for both. In `npm run dev` notes change, so each time.
 */
export function renderedOnce(slug: string, render: () => Promise<string>): Promise<string> {
	if (import.meta.env.DEV) return render();
	let html = renderedNotes.get(slug);
	if (!html) renderedNotes.set(slug, (html = render()));
	return html;
}
