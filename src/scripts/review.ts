import { createEmptyCard, fsrs, type Card, type CardInput, type Grade } from 'ts-fsrs';
import { CARD_ANSWER_CLASS, CARD_QUESTION_CLASS, CARD_TAG, FIRST_CARD_MARK, ReviewDeckScanner, type ReviewDeck } from '../dom/card.ts';
import { pathAncestry } from '../notes/url-path.ts';
import { countsText, deckCounts } from './card-progress.ts';
import { emptyStore, isReviewStore, loadStore, saveStore, type ReviewStore, type StoredCard } from './review-store.ts';

/**
 * The review page: the cards of a deck one at a time, due ones first, then new ones; FSRS
 * (`ts-fsrs`) schedules each from the reader's grade, and the progress stays in localStorage.
 * Each note's cards are data in the page (`ReviewDeck`): only the card on the stage is made into
 * elements, with its answer hidden.
 */

type Side = 'summary' | 'forward' | 'reverse' | 'cloze';

interface ReviewItem {
	id: string;
	side: Side;
	/** Which mark a cloze card hides, from 0. */
	cloze?: number;
	card: ReviewDeck['cards'][number];
	/** Its note's cards: the note, its folder, its page. */
	deck: ReviewDeck;
}

const HIDDEN_CLOZE = '[…]';
/** A card id (`CardIds`): what an imported file may name. */
const CARD_ID = /^[\w-]{12}$/;
/** A card due again within this long is waited for: the stage shows it when it is due. */
const WAIT_MS = 30 * 60 * 1000;

/** A note's cards as the review's items: a reversed card twice, a cloze card once per mark. */
function itemsOf(deck: ReviewDeck): ReviewItem[] {
	const items: ReviewItem[] = [];
	for (const card of deck.cards) {
		const place = { card, deck };
		if (card.kind === 'cloze') card.ids.forEach((id, cloze) => items.push({ id, side: 'cloze', cloze, ...place }));
		else if (card.kind === 'summary') items.push({ id: card.ids[0], side: 'summary', ...place });
		else {
			items.push({ id: card.ids[0], side: 'forward', ...place });
			if (card.ids[1]) items.push({ id: card.ids[1], side: 'reverse', ...place });
		}
	}
	return items;
}

const element = (tag: string, className: string, text?: string) => Object.assign(document.createElement(tag), { className, ...(text === undefined ? {} : { textContent: text }) });

/** A card as the stage shows it: its topic (a summary's front), the card as its note shows it, where it comes from. */
function cardEntry({ card, deck }: ReviewItem): HTMLElement {
	const entry = element('div', 'review-card');
	if (card.kind === 'summary' && card.topic) entry.append(element('p', 'review-card__topic', card.topic.text));
	const template = document.createElement('template');
	template.innerHTML = card.html;
	entry.append(template.content);
	const source = element('a', '', card.topic ? `${deck.title} › ${card.topic.text}` : deck.title) as HTMLAnchorElement;
	source.href = card.topic?.href ?? deck.href;
	const sourceLine = element('p', 'review-card__source');
	sourceLine.append(source);
	entry.append(sourceLine);
	return entry;
}

/** The decks a card is in, by the deck menu's values: `''` (all notes), `folder:aws` (subfolders too), `note:aws/vpc`. */
function decksOf({ note, folder }: { note: string; folder: string }): string[] {
	return ['', `note:${note}`, ...pathAncestry(folder).map((each) => `folder:${each}`)];
}

function deckFromUrl(): string {
	const query = new URLSearchParams(location.search);
	const note = query.get('note');
	const folder = query.get('folder');
	return note !== null ? `note:${note}` : folder !== null ? `folder:${folder}` : '';
}

/** "10 min", "3 d": a time to wait, as the grade buttons and the "next card" message say it. */
function interval(ms: number): string {
	const minutes = Math.max(1, Math.round(ms / 60000));
	if (minutes < 60) return `${minutes} min`;
	const hours = Math.round(minutes / 60);
	if (hours < 24) return `${hours} h`;
	const days = Math.round(hours / 24);
	if (days < 31) return `${days} d`;
	const months = Math.round(days / 30.4);
	return months < 12 ? `${months} mo` : `${(days / 365).toFixed(1)} y`;
}

/** The stage's copy of a card, its answer hidden; returns what shows the answer. */
function stageCopy(item: ReviewItem): { node: HTMLElement; reveal: () => void } {
	const node = cardEntry(item);
	const card = node.querySelector<HTMLElement>(CARD_TAG)!;
	const hide = (element: HTMLElement | null) => {
		if (element) element.hidden = true;
		return () => element && (element.hidden = false);
	};
	if (item.side === 'summary') return { node, reveal: hide(card) };
	if (item.side === 'cloze') {
		const mark = card.querySelectorAll('mark')[item.cloze ?? 0];
		if (!mark) return { node, reveal: () => {} };
		const answer = [...mark.childNodes];
		mark.replaceChildren(HIDDEN_CLOZE);
		mark.classList.add('review__cloze');
		return { node, reveal: () => mark.replaceChildren(...answer) };
	}
	const question = card.querySelector<HTMLElement>(`:scope > .${CARD_QUESTION_CLASS}`);
	const answer = card.querySelector<HTMLElement>(`:scope > .${CARD_ANSWER_CLASS}`);
	if (item.side === 'reverse' && question && answer) {
		// Asked the other way: the answer is the question.
		card.insertBefore(answer, question);
		return { node, reveal: hide(question) };
	}
	return { node, reveal: hide(answer) };
}

/**
 * Starts the page: the cards arrive note by note (`stream`), and the first card is shown as soon
 * as it is known (the earliest due of the reader's deck, else its first new card), not when the
 * last note has arrived.
 */
async function start(main: HTMLElement, stream: AsyncIterable<ReviewDeck>) {
	const key = main.dataset.review!;
	const query = <T extends Element>(selector: string) => main.querySelector<T>(selector)!;
	const app = query<HTMLElement>('[data-review-app]');
	const noScript = main.querySelector<HTMLElement>('[data-review-no-script]');
	const deckSelect = query<HTMLSelectElement>('[data-review-deck]');
	const countsOutput = query<HTMLElement>('[data-review-counts]');
	const stage = query<HTMLElement>('[data-review-current]');
	const done = query<HTMLElement>('[data-review-done]');
	const showButton = query<HTMLButtonElement>('[data-review-show]');
	const grades = query<HTMLElement>('[data-review-grades]');
	const message = query<HTMLElement>('[data-review-message]');
	const scheduler = fsrs();
	const items: ReviewItem[] = [];
	const decks = new Map<string, ReviewItem[]>();
	const deckItems = (name: string) => decks.get(name) ?? [];
	let loading = true;
	const names = new Map([...deckSelect.options].map((option) => [option.value, option.text]));
	let store = loadStore(key);
	let deck = deckFromUrl();
	let current: { item: ReviewItem; reveal: () => void } | undefined;
	let revealed = false;
	let timer: ReturnType<typeof setTimeout> | undefined;

	const dueOf = (item: ReviewItem) => {
		const stored = store.cards[item.id];
		return stored ? Date.parse(stored.due) : undefined;
	};

	const save = () => {
		// The home page's counts: when each card of this build is due (all of them known once loaded).
		if (!loading) store.dues = items.flatMap((item) => (store.cards[item.id] ? [dueOf(item)!] : []));
		if (!saveStore(key, store)) message.textContent = 'This browser does not let the page keep your progress (private mode?): it lasts until you leave.';
	};

	const showCounts = () => {
		if (loading) return;
		const now = Date.now();
		const countsOf = (name: string) => {
			const members = deckItems(name);
			return deckCounts(members.flatMap((item) => dueOf(item) ?? []), members.length, now);
		};
		countsOutput.textContent = countsText(countsOf(deck));
		for (const option of deckSelect.options) {
			const counts = countsOf(option.value);
			option.text = `${names.get(option.value)} (${counts.due} due, ${counts.new} new)`;
		}
	};

	const next = () => {
		clearTimeout(timer);
		const now = Date.now();
		const members = deckItems(deck);
		const due = members.filter((item) => (dueOf(item) ?? Infinity) <= now).sort((a, b) => dueOf(a)! - dueOf(b)!);
		const item = due[0] ?? members.find((each) => dueOf(each) === undefined);
		showCounts();
		revealed = false;
		grades.hidden = true;
		if (!item) {
			current = undefined;
			stage.replaceChildren();
			showButton.hidden = true;
			const upcoming = Math.min(...members.map((each) => dueOf(each) ?? Infinity));
			done.textContent =
				members.length === 0
					? 'This deck has no cards.'
					: `Nothing is due in this deck. The next card is due in ${interval(upcoming - now)} (${new Date(upcoming).toLocaleString()}).`;
			if (upcoming - now < WAIT_MS) timer = setTimeout(next, upcoming - now + 500);
			return;
		}
		const copy = stageCopy(item);
		current = { item, reveal: copy.reveal };
		stage.replaceChildren(copy.node);
		done.textContent = '';
		showButton.hidden = false;
	};

	const reveal = () => {
		if (!current || revealed) return;
		revealed = true;
		current.reveal();
		const card = cardOf(current.item);
		const now = new Date();
		const preview = scheduler.repeat(card, now);
		for (const button of grades.querySelectorAll<HTMLButtonElement>('[data-grade]')) {
			const grade = Number(button.dataset.grade) as Grade;
			button.querySelector('[data-interval]')!.textContent = interval(preview[grade].card.due.getTime() - now.getTime());
		}
		showButton.hidden = true;
		grades.hidden = false;
		grades.querySelector<HTMLButtonElement>('[data-grade="3"]')!.focus();
	};

	const cardOf = (item: ReviewItem): CardInput | Card => (store.cards[item.id] as unknown as CardInput | undefined) ?? createEmptyCard(new Date());

	const grade = (value: Grade) => {
		if (!current || !revealed) return;
		const { card } = scheduler.next(cardOf(current.item), new Date(), value);
		// Where the card is, so the next visit knows its deck before its note's cards arrive.
		const { note, folder } = current.item.deck;
		store.cards[current.item.id] = { ...(JSON.parse(JSON.stringify(card)) as StoredCard), note, folder };
		save();
		next();
		if (!showButton.hidden) showButton.focus();
	};

	showButton.addEventListener('click', reveal);
	grades.addEventListener('click', (event) => {
		const button = (event.target as Element).closest<HTMLButtonElement>('[data-grade]');
		if (button) grade(Number(button.dataset.grade) as Grade);
	});
	document.addEventListener('keydown', (event) => {
		const target = event.target as HTMLElement;
		if (event.ctrlKey || event.metaKey || event.altKey || target.closest('input, select, textarea, summary, [contenteditable], dialog')) return;
		if (!revealed && (event.key === ' ' || event.key === 'Enter') && !target.closest('button, a')) {
			event.preventDefault();
			reveal();
		} else if (revealed && ['1', '2', '3', '4'].includes(event.key)) {
			event.preventDefault();
			grade(Number(event.key) as Grade);
		}
	});
	deckSelect.addEventListener('change', () => {
		deck = deckSelect.value;
		const [kind, value] = deck ? [deck.slice(0, deck.indexOf(':')), deck.slice(deck.indexOf(':') + 1)] : [];
		history.replaceState(history.state, '', kind ? `?${new URLSearchParams({ [kind]: value! })}` : location.pathname);
		next();
	});

	query<HTMLButtonElement>('[data-review-export]').addEventListener('click', () => {
		const file = new Blob([JSON.stringify(store, null, '\t')], { type: 'application/json' });
		const link = Object.assign(document.createElement('a'), { href: URL.createObjectURL(file), download: `review-progress-${new Date().toISOString().slice(0, 10)}.json` });
		link.click();
		URL.revokeObjectURL(link.href);
		message.textContent = `Exported the progress of ${Object.keys(store.cards).length} cards.`;
	});
	query<HTMLInputElement>('[data-review-import]').addEventListener('change', async (event) => {
		const input = event.target as HTMLInputElement;
		const file = input.files?.[0];
		input.value = '';
		if (!file) return;
		let imported: unknown;
		try {
			imported = JSON.parse(await file.text());
		} catch {
			imported = undefined;
		}
		if (!isReviewStore(imported)) {
			message.textContent = `${file.name} is not review progress exported from this page; nothing was changed.`;
			return;
		}
		// Card by card, the more recent review wins: importing into a browser that reviewed since loses nothing.
		let taken = 0;
		const merged: ReviewStore = { ...emptyStore(), cards: { ...store.cards } };
		for (const [id, card] of Object.entries(imported.cards)) {
			const mine = merged.cards[id];
			if (!CARD_ID.test(id) || typeof card?.due !== 'string') continue;
			if (!mine || Date.parse(card.last_review ?? '') > Date.parse(mine.last_review ?? '')) {
				merged.cards[id] = card;
				taken++;
			}
		}
		store = merged;
		save();
		message.textContent = `Imported the progress of ${taken} cards from ${file.name}.`;
		next();
	});
	query<HTMLButtonElement>('[data-review-reset]').addEventListener('click', () => {
		const reviewed = deckItems(deck).filter((item) => store.cards[item.id]);
		if (reviewed.length === 0) {
			message.textContent = 'No card of this deck has been reviewed yet.';
			return;
		}
		if (!confirm(`Forget your progress on the ${reviewed.length} reviewed cards of “${names.get(deck)}”?`)) return;
		for (const item of reviewed) delete store.cards[item.id];
		save();
		message.textContent = `Reset ${reviewed.length} cards.`;
		next();
	});

	if (deckSelect.querySelector(`option[value="${CSS.escape(deck)}"]`)) deckSelect.value = deck;
	else deck = '';
	if (noScript) noScript.hidden = true;
	app.hidden = false;
	countsOutput.textContent = 'Loading the cards…';

	// The first card, known before every note has arrived: the reader's earliest due card of this deck
	// (the store says where each reviewed card is), else the deck's first card never reviewed.
	const now = Date.now();
	const firstDue = Object.entries(store.cards)
		.filter(([, card]) => Date.parse(card.due) <= now && card.note !== undefined && decksOf({ note: card.note, folder: card.folder ?? '' }).includes(deck))
		.sort(([, a], [, b]) => Date.parse(a.due) - Date.parse(b.due))[0]?.[0];
	const showFirst = () => {
		next();
		// For `npm run bench`: how long after the page's start the first card stood on the stage.
		performance.mark(FIRST_CARD_MARK);
	};
	for await (const arrived of stream) {
		const arrivedItems = itemsOf(arrived);
		const arrivedIn = decksOf(arrived);
		for (const item of arrivedItems) {
			items.push(item);
			for (const name of arrivedIn) {
				const members = decks.get(name);
				if (members) members.push(item);
				else decks.set(name, [item]);
			}
		}
		if (!current && arrivedIn.includes(deck) && arrivedItems.some((item) => (firstDue ? item.id === firstDue : !store.cards[item.id]))) {
			showFirst();
			// Painted now; the other notes' cards are read after.
			await new Promise((resolve) => setTimeout(resolve));
		}
	}
	loading = false;
	if (current) showCounts();
	else showFirst();
}

/** The decks of the cards document, one at a time, as it arrives. */
async function* decksArriving(url: string): AsyncGenerator<ReviewDeck> {
	const response = await fetch(url, { mode: 'cors', credentials: 'same-origin' });
	if (!response.ok || !response.body) throw new Error(`${response.status} ${response.statusText}`);
	const scanner = new ReviewDeckScanner();
	const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
	for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
		scanner.push(chunk.value);
		for (let deck = scanner.take(); deck; deck = scanner.take()) yield deck;
	}
}

const main = document.querySelector<HTMLElement>('[data-review]');
if (main?.dataset.reviewData) {
	// Preloaded by the page (`<link rel="preload">`): the request is already under way.
	start(main, decksArriving(main.dataset.reviewData)).catch((error: unknown) => {
		const message = main.querySelector<HTMLElement>('[data-review-no-script]');
		main.querySelector<HTMLElement>('[data-review-app]')!.hidden = true;
		if (message) {
			message.hidden = false;
			message.textContent = `The cards could not be loaded (${error instanceof Error ? error.message : String(error)}). Each note still shows its cards as questions and answers.`;
		}
	});
}
