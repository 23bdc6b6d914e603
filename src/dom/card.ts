import type { ElementContent, Properties } from 'hast';
import { h } from './hast.ts';
import { withAnswersOnPage } from './dataview.ts';

/**
 * The flashcard contract, for every way a note writes a card:
 *
 * ```html
 * <notes-card class="card card--pair" data-card="{id} [{reverse id}]">
 *   <div class="card__question"><p>…</p></div>
 *   <div class="card__answer"><p>…</p> …</div>
 * </notes-card>
 * <notes-card class="card card--cloze" data-card="{id of the 1st mark} {2nd} …"><p>… <mark>…</mark> …</p></notes-card>
 * <notes-card class="card card--summary" data-card="{id}">…a topic's summary section…</notes-card>
 * ```
 *
 * On a note page it is plain content: a question and its answer, styled; a summary as it always
 * was. The review page takes each card's HTML from the rendered notes by this tag and its ids: a
 * `Q:::A` card's second id is its reverse, a cloze card has one id per mark, which that card hides.
 */
export const CARD_TAG = 'notes-card';
export const CARD_CLASS = 'card';
export const CARD_IDS_ATTRIBUTE = 'data-card';
export const CARD_QUESTION_CLASS = 'card__question';
export const CARD_ANSWER_CLASS = 'card__answer';

export type CardElementKind = 'pair' | 'cloze' | 'summary';

/** Section headings that name a topic's summary, the back of the topic's own card. */
const SUMMARY_HEADINGS = new Set(['summary', 'tl;dr', 'tldr', 'recap', 'key points', 'key takeaways']);
export const isSummaryHeading = (text: string): boolean => SUMMARY_HEADINGS.has(text.trim().toLowerCase().replace(/[:.]$/, ''));
export const cardKindClass = (kind: CardElementKind) => `${CARD_CLASS}--${kind}`;

/** The card element's properties, as hast names them. */
export const cardProperties = (kind: CardElementKind, ids: readonly string[]): Properties => ({
	className: [CARD_CLASS, cardKindClass(kind)],
	dataCard: ids.join(' '),
});

/** A topic's summary section's content, as its card's back. */
export const summaryCardElement = (id: string, content: ElementContent[]) => h(CARD_TAG, cardProperties('summary', [id]), content);

export interface RenderedCard {
	/** The card's ids, as `data-card` lists them. */
	ids: string[];
	kind: CardElementKind;
	/** The whole `<notes-card>` element. */
	html: string;
}

const CARD_OPEN = `<${CARD_TAG} `;
const CARD_CLOSE = `</${CARD_TAG}>`;
/** `data-card="…"` (`CARD_IDS_ATTRIBUTE`), a literal: a module the tabs script imports must have no effect to keep. */
const CARD_IDS = /\sdata-card="([^"]*)"/;

/**
 * The card elements of a rendered note, in document order (a card inside another too). A scan for
 * the one tag, not a parse: text in the HTML has its `<` escaped, so only elements start with it.
 */
export function renderedCards(html: string): RenderedCard[] {
	const cards: (RenderedCard & { start: number })[] = [];
	const kinds: CardElementKind[] = ['pair', 'cloze', 'summary'];
	const open: number[] = [];
	let index = 0;
	for (;;) {
		const close = html.indexOf(CARD_CLOSE, index);
		if (close === -1) break;
		const start = html.indexOf(CARD_OPEN, index);
		if (start !== -1 && start < close) {
			open.push(start);
			index = start + CARD_OPEN.length;
			continue;
		}
		index = close + CARD_CLOSE.length;
		const from = open.pop();
		if (from === undefined) continue;
		const tag = html.slice(from, html.indexOf('>', from));
		const ids = CARD_IDS.exec(tag)?.[1].split(' ').filter(Boolean) ?? [];
		const kind = kinds.find((each) => tag.includes(cardKindClass(each))) ?? 'pair';
		cards.push({ ids, kind, html: html.slice(from, index), start: from });
	}
	return cards.sort((a, b) => a.start - b.start).map(({ start: _start, ...card }) => card);
}

/** An `href` or `src` written relative to the note's page (`../aws/`): no scheme, not from the root, not a fragment. */
const RELATIVE_URL = /(\s(?:href|src)=")(?![a-z][a-z\d+.-]*:|\/|#)([^"]*)"/gi;
/** A relative URL from the site's root, as the note's page resolves it. */
function fromNotePage(url: string, notePage: string): string {
	const resolved = new URL(url, new URL(notePage, 'http://notes.invalid'));
	return `${resolved.pathname}${resolved.search}${resolved.hash}`;
}

/**
 * A card's HTML to show away from its note (the review page, the cheat sheet): no ids, which many
 * cards would repeat, nor references to them; links within the note lead to the note's page, and
 * so do the answers of its queries; links and images written relative to the note's page, where it leads.
 */
export function detachedCardHtml(html: string, notePage: string): string {
	let detached = withAnswersOnPage(html, notePage)
		.replace(/(<a\s[^<>]*?href=")#/g, `$1${notePage}#`)
		.replace(RELATIVE_URL, (_, attribute: string, url: string) => `${attribute}${fromNotePage(url, notePage)}"`);
	// One attribute per tag and pass: a tag may have several.
	for (let before = ''; before !== detached; ) {
		before = detached;
		detached = detached.replace(/(<[a-zA-Z][^<>]*?)\s(?:id|aria-describedby|aria-labelledby|aria-controls)="[^"]*"/g, '$1');
	}
	return detached;
}

/**
 * A note's cards for the review page: one `<script type="application/json" data-review-cards>`
 * per note, in a document of their own (`/review/cards/`) that the review page's script fetches as
 * text and reads with `reviewDecksIn`. Only the card on the stage is ever made into elements.
 */
export interface ReviewDeck {
	note: string;
	folder: string;
	title: string;
	/** The note's page. */
	href: string;
	cards: {
		ids: string[];
		kind: CardElementKind;
		/** The card element, detached from its note (`detachedCardHtml`). */
		html: string;
		topic?: { text: string; href: string };
	}[];
}
/** The cards document, below the site's base: data for the review page, not a page (the sitemap leaves it out). */
export const REVIEW_CARDS_PATH = 'review/cards/';

const DECK_OPEN = '<script type="application/json" data-review-cards>';
const DECK_CLOSE = '</script>';

/** A deck as its JSON `<script>`: `</` and `<!--` escaped, so nothing in it closes the element or starts a comment. */
export const reviewDeckHtml = (deck: ReviewDeck): string => `${DECK_OPEN}${JSON.stringify(deck).replace(/<(?=\/|!--)/g, '\\u003c')}${DECK_CLOSE}`;

/**
 * Reads the cards document as text, as it arrives (`push`), a deck at a time (`take`: the next
 * complete deck, parsed only then). A scan for the blocks, no HTML parse.
 */
export class ReviewDeckScanner {
	#buffer = '';
	#offset = 0;

	push(text: string): void {
		this.#buffer = this.#buffer.slice(this.#offset) + text;
		this.#offset = 0;
	}

	take(): ReviewDeck | undefined {
		const start = this.#buffer.indexOf(DECK_OPEN, this.#offset);
		const end = start === -1 ? -1 : this.#buffer.indexOf(DECK_CLOSE, start + DECK_OPEN.length);
		if (end === -1) return undefined;
		this.#offset = end + DECK_CLOSE.length;
		return JSON.parse(this.#buffer.slice(start + DECK_OPEN.length, end)) as ReviewDeck;
	}
}

/** Every deck of the cards document. */
export function reviewDecksIn(html: string): ReviewDeck[] {
	const scanner = new ReviewDeckScanner();
	scanner.push(html);
	const decks: ReviewDeck[] = [];
	for (let deck = scanner.take(); deck; deck = scanner.take()) decks.push(deck);
	return decks;
}

/** The performance mark the review page sets when its first card is shown (`npm run bench` reads it). */
export const FIRST_CARD_MARK = 'review:first-card';
