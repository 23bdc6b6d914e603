import { fsrs, type FSRS, type Grade } from 'ts-fsrs';
import { CARD_ANSWER_CLASS, CARD_QUESTION_CLASS, CARD_TAG, FIRST_CARD_MARK, ReviewDeckScanner, type ReviewDeck } from '../dom/card.ts';
import {
	ALL_NOTES_DECK,
	deckOfSearch,
	deckSearch,
	deckValue,
	FOCUSED_GRADE,
	GRADE_ATTRIBUTE,
	gradeSelector,
	PLAN_FIELDS,
	REVIEW_CARDS_URL_ATTRIBUTE,
	REVIEW_CLASSES,
	REVIEW_GRADES,
	REVIEW_OFFLINE_ATTRIBUTE,
	REVIEW_STORE_ATTRIBUTE,
	reviewPartSelector,
	type ReviewPart,
} from '../dom/review.ts';
import { pathAncestry } from '../browser-safe/url-path.ts';
import { countsText, deckCounts } from './card-progress.ts';
import { dayPlan, dayPlanText, daysBetween, localDay, readPlan, type DayPlan, type PlanSettings } from './review-plan.ts';
import { weakestTopics } from './weak-topics.ts';
import { isReviewStore, loadStore, mergeProgress, saveStore, type ReviewStore } from './review-store.ts';
import { cardState, interval, recordGrade } from './review-schedule.ts';
import { PROGRESS_FRAGMENT, progressLink, progressOfFragment } from './progress-link.ts';
import { keepPagesOffline, keptDecks, registerServiceWorker, saveKeptDecks } from './review-offline.ts';

/**
 * The review page: the cards of a deck one at a time, due ones first, then new ones; FSRS
 * (`ts-fsrs`) schedules each from the reader's grade, and the progress stays in localStorage.
 * Each note's cards are data in the page (`ReviewDeck`): only the card on the stage is made into
 * elements, with its answer hidden.
 *
 * The plan (`review-plan.ts`) decides how many new and due cards today brings, and sets FSRS's
 * retention and longest interval; its settings are stored with the progress.
 *
 * `start()` only wires the parts: `findParts` (the page's elements, by `dom/review.ts`),
 * `ArrivedCards` and `loadCards` (the cards by deck, as their notes arrive; the first card as soon
 * as it is known), `showNext` (the stage: `showCard`, or `showNothingDue` and its wait), `reveal`
 * and `grade` (FSRS, and `askToKeepStorage` the first time), `onKey`, `chooseDeck`, `exportProgress`,
 * `importProgress` and `importLink` (`mergeProgress`), `showMoveLink`, `keepOffline` and `resetDeck`.
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
	const entry = element('div', REVIEW_CLASSES.entry);
	if (card.kind === 'summary' && card.topic) entry.append(element('p', REVIEW_CLASSES.entryTopic, card.topic.text));
	const template = document.createElement('template');
	template.innerHTML = card.html;
	entry.append(template.content);
	const source = element('a', '', card.topic ? `${deck.title} › ${card.topic.text}` : deck.title) as HTMLAnchorElement;
	source.href = card.topic?.href ?? deck.href;
	const sourceLine = element('p', REVIEW_CLASSES.entrySource);
	sourceLine.append(source);
	entry.append(sourceLine);
	return entry;
}

/** The decks a card is in, by the deck menu's values: `''` (all notes), `folder:aws` (subfolders too), `note:aws/vpc`. */
function decksOf({ note, folder }: { note: string; folder: string }): string[] {
	return [ALL_NOTES_DECK, deckValue('note', note), ...pathAncestry(folder).map((each) => deckValue('folder', each))];
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
		mark.classList.add(REVIEW_CLASSES.cloze);
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

/** The page's parts, found by the contract's attributes. */
function findParts(main: HTMLElement) {
	const part = <T extends HTMLElement = HTMLElement>(name: ReviewPart) => main.querySelector<T>(reviewPartSelector(name))!;
	return {
		app: part('app'),
		/** Not on a page without cards. */
		noScript: main.querySelector<HTMLElement>(reviewPartSelector('noScript')),
		deckSelect: part<HTMLSelectElement>('deck'),
		counts: part('counts'),
		stage: part('current'),
		done: part('done'),
		showButton: part<HTMLButtonElement>('show'),
		grades: part('grades'),
		message: part('message'),
		exportButton: part<HTMLButtonElement>('export'),
		importInput: part<HTMLInputElement>('import'),
		resetButton: part<HTMLButtonElement>('reset'),
		planLine: part('planLine'),
		planForm: part<HTMLFormElement>('plan'),
		retention: part<HTMLOutputElement>('retention'),
		weak: part('weak'),
		weakList: part('weakList'),
		tools: part<HTMLDetailsElement>('tools'),
		storage: part('storage'),
		keepLabel: part('keepLabel'),
		keep: part<HTMLInputElement>('keep'),
		keepStatus: part('keepStatus'),
		moveButton: part<HTMLButtonElement>('move'),
		moveLink: part('moveLink'),
		moveUrl: part<HTMLInputElement>('moveUrl'),
		moveCopy: part<HTMLButtonElement>('moveCopy'),
		moveCode: part('moveCode'),
	};
}
type ReviewParts = ReturnType<typeof findParts>;

/** The cards, as their notes arrive: all of them, and each deck's, by the deck menu's value. */
class ArrivedCards {
	readonly all: ReviewItem[] = [];
	readonly #decks = new Map<string, ReviewItem[]>();
	/** Until the last note has arrived: the counts wait for it. */
	loading = true;

	/** A deck's cards, so far. */
	of(deck: string): ReviewItem[] {
		return this.#decks.get(deck) ?? [];
	}

	/** Adds a note's cards to every deck they are in; returns them and those decks. */
	add(arrived: ReviewDeck): { items: ReviewItem[]; decks: string[] } {
		const items = itemsOf(arrived);
		const decks = decksOf(arrived);
		for (const item of items) {
			this.all.push(item);
			for (const name of decks) {
				const members = this.#decks.get(name);
				if (members) members.push(item);
				else this.#decks.set(name, [item]);
			}
		}
		return { items, decks };
	}
}

/** What the parts of the review share. */
interface Review {
	readonly key: string;
	readonly parts: ReviewParts;
	scheduler: FSRS;
	plan: PlanSettings;
	readonly cards: ArrivedCards;
	/** Each deck menu option's name, before its counts. */
	readonly names: Map<string, string>;
	store: ReviewStore;
	/** The deck menu's value. */
	deck: string;
	/** The card on the stage, and what shows its answer. */
	current: { item: ReviewItem; reveal: () => void } | undefined;
	revealed: boolean;
	/** While waiting for a card due soon. */
	timer: ReturnType<typeof setTimeout> | undefined;
	/** Persistent storage has been asked for, on this visit. */
	askedToKeep: boolean;
}

/** When a card is due (ms), if it has been reviewed. */
function dueOf(review: Review, item: ReviewItem): number | undefined {
	const stored = review.store.cards[item.id];
	return stored ? Date.parse(stored.due) : undefined;
}

/** FSRS as the plan sets it: its retention, and no interval past the exam. */
function schedulerOf(plan: PlanSettings, now: Date): FSRS {
	const daysLeft = plan.exam ? daysBetween(localDay(now), plan.exam.day) : 0;
	return fsrs({ request_retention: plan.retention, ...(daysLeft > 0 ? { maximum_interval: daysLeft } : {}) });
}

/** Today's plan, over every card of the site (those arrived so far, while they load). */
function todaysPlan(review: Review, now: number): DayPlan {
	const today = localDay(new Date(now));
	const since = review.plan.exam?.since;
	const counts = { today, newLeft: 0, introducedToday: 0, introducedSinceExam: 0, dueNow: 0, reviewedToday: 0 };
	for (const item of review.cards.all) {
		const stored = review.store.cards[item.id];
		if (!stored) {
			counts.newLeft++;
			continue;
		}
		if (stored.introduced === today) counts.introducedToday++;
		else if (stored.last_review && localDay(new Date(stored.last_review)) === today) counts.reviewedToday++;
		if (since && stored.introduced && stored.introduced >= since) counts.introducedSinceExam++;
		if (Date.parse(stored.due) <= now) counts.dueNow++;
	}
	return dayPlan(review.plan, counts);
}

/** Saves the progress; says so when the browser refuses. */
function save(review: Review) {
	const { store, cards } = review;
	// The home page's counts: when each card of this build is due (all of them known once loaded).
	if (!cards.loading) store.dues = cards.all.flatMap((item) => (store.cards[item.id] ? [dueOf(review, item)!] : []));
	if (!saveStore(review.key, store)) review.parts.message.textContent = 'This browser does not let the page keep your progress (private mode?): it lasts until you leave.';
}

/** The deck's counts, and every deck's in the menu; once every card has arrived. */
function showCounts(review: Review) {
	if (review.cards.loading) return;
	const now = Date.now();
	const countsOf = (name: string) => {
		const members = review.cards.of(name);
		return deckCounts(members.flatMap((item) => dueOf(review, item) ?? []), members.length, now);
	};
	review.parts.counts.textContent = countsText(countsOf(review.deck));
	review.parts.planLine.textContent = dayPlanText(todaysPlan(review, now));
	showWeakTopics(review, now);
	for (const option of review.parts.deckSelect.options) {
		const counts = countsOf(option.value);
		option.text = `${review.names.get(option.value)} (${counts.due} due, ${counts.new} new)`;
	}
}

/** The topics whose cards were most often forgotten (then the least likely recalled now), linked. */
function showWeakTopics(review: Review, now: number) {
	const strengths = review.cards.all.flatMap(({ id, card, deck }) => {
		const stored = review.store.cards[id];
		if (!stored?.forgotten) return [];
		const retrievability = review.scheduler.get_retrievability(cardState(review.store, id), new Date(now), false);
		return [{ href: card.topic?.href ?? deck.href, title: card.topic ? `${deck.title} › ${card.topic.text}` : deck.title, forgotten: stored.forgotten, retrievability }];
	});
	const topics = weakestTopics(strengths);
	review.parts.weak.hidden = topics.length === 0;
	review.parts.weakList.replaceChildren(
		...topics.map((topic) => {
			const entry = document.createElement('li');
			const link = Object.assign(document.createElement('a'), { href: topic.href, textContent: topic.title });
			const times = topic.forgotten === 1 ? 'once' : `${topic.forgotten} times`;
			entry.append(link, ` — forgotten ${times}`);
			return entry;
		}),
	);
}

/** The card to review next, as far as today's plan allows: the earliest due, else the first never reviewed. */
function nextItem(review: Review, members: ReviewItem[], now: number): ReviewItem | undefined {
	const today = todaysPlan(review, now);
	const due = today.dueToday > 0 ? members.filter((item) => (dueOf(review, item) ?? Infinity) <= now).sort((a, b) => dueOf(review, a)! - dueOf(review, b)!) : [];
	return due[0] ?? (today.newToday > 0 ? members.find((each) => dueOf(review, each) === undefined) : undefined);
}

/** The deck's next card on the stage, its answer hidden; or, with none due, when the next one is. */
function showNext(review: Review) {
	clearTimeout(review.timer);
	const now = Date.now();
	const members = review.cards.of(review.deck);
	const item = nextItem(review, members, now);
	showCounts(review);
	review.revealed = false;
	review.parts.grades.hidden = true;
	if (item) showCard(review, item);
	else showNothingDue(review, members, now);
}

function showCard(review: Review, item: ReviewItem) {
	const { stage, done, showButton } = review.parts;
	const copy = stageCopy(item);
	review.current = { item, reveal: copy.reveal };
	stage.replaceChildren(copy.node);
	done.textContent = '';
	showButton.hidden = false;
}

/** An empty stage says when the deck's next card is due; one due soon is waited for, and shown then. */
function showNothingDue(review: Review, members: ReviewItem[], now: number) {
	const { stage, done, showButton } = review.parts;
	review.current = undefined;
	stage.replaceChildren();
	showButton.hidden = true;
	const newLeft = members.filter((each) => dueOf(review, each) === undefined).length;
	if (members.length === 0) done.textContent = 'This deck has no cards.';
	else if (todaysPlan(review, now).reviewsLeft === 0) done.textContent = "That was today's last review: the plan's review limit is reached. The rest waits for tomorrow.";
	else {
		const upcoming = Math.min(...members.map((each) => dueOf(review, each) ?? Infinity));
		const waiting = newLeft > 0 ? ` ${newLeft} new ${newLeft === 1 ? 'card waits' : 'cards wait'} for another day: today's new cards are done.` : '';
		done.textContent = upcoming === Infinity ? `Nothing is due in this deck.${waiting}` : `Nothing is due in this deck.${waiting} The next card is due in ${interval(upcoming - now)} (${new Date(upcoming).toLocaleString()}).`;
		if (upcoming - now < WAIT_MS) review.timer = setTimeout(() => showNext(review), upcoming - now + 500);
	}
}

const gradeOf = (button: HTMLElement) => Number(button.getAttribute(GRADE_ATTRIBUTE)) as Grade;

/** Shows the answer and the grades, each with when it would bring the card back; Good has the focus. */
function reveal(review: Review) {
	const { current, parts } = review;
	if (!current || review.revealed) return;
	review.revealed = true;
	current.reveal();
	showIntervals(review, current.item);
	parts.showButton.hidden = true;
	parts.grades.hidden = false;
	parts.grades.querySelector<HTMLButtonElement>(gradeSelector(FOCUSED_GRADE))!.focus();
}

function showIntervals(review: Review, item: ReviewItem) {
	const now = new Date();
	const card = cardState(review.store, item.id, now);
	const preview = review.scheduler.repeat(card, now);
	for (const button of review.parts.grades.querySelectorAll<HTMLButtonElement>(gradeSelector())) {
		button.querySelector(reviewPartSelector('interval'))!.textContent = interval(preview[gradeOf(button)].card.due.getTime() - now.getTime());
	}
}

/** Schedules the card on the stage by the reader's grade, keeps it, and shows the next. */
function grade(review: Review, value: Grade) {
	const { current } = review;
	if (!current || !review.revealed) return;
	const { note, folder } = current.item.deck;
	recordGrade(review.scheduler, review.store, current.item.id, value, { note, folder });
	save(review);
	askToKeepStorage(review);
	showNext(review);
	if (!review.parts.showButton.hidden) review.parts.showButton.focus();
}

/** Says whether the browser keeps the progress, or may clear it (when space runs low, or with the site's data). */
async function showStorage({ parts }: Review) {
	const kept = (await navigator.storage?.persisted?.()) ?? false;
	parts.storage.textContent = kept
		? 'Your browser keeps your progress.'
		: 'Your progress may be cleared by the browser (when space runs low, or with the site’s data): export it, or move it to another device, to keep it safe.';
}

/** Once the reader has progress worth keeping (a first grade), asks the browser to keep it: not before, when nothing is at stake. */
function askToKeepStorage(review: Review) {
	if (review.askedToKeep || !navigator.storage?.persist) return;
	review.askedToKeep = true;
	void navigator.storage.persisted().then(async (kept) => {
		if (!kept) await navigator.storage.persist();
		await showStorage(review);
	});
}

/** Where keys type or act on their own: no shortcut there. */
const OWN_KEYS = 'input, select, textarea, summary, [contenteditable], dialog';
/** Where Space and Enter press. */
const PRESSABLE = 'button, a';
const isGradeKey = (key: string) => REVIEW_GRADES.some(({ grade }) => String(grade) === key);

/** Space or Enter shows the answer, a grade's number grades the card; no shortcut with a modifier. */
function onKey(review: Review, event: KeyboardEvent) {
	const target = event.target as HTMLElement;
	if (event.ctrlKey || event.metaKey || event.altKey || target.closest(OWN_KEYS)) return;
	if (!review.revealed && (event.key === ' ' || event.key === 'Enter') && !target.closest(PRESSABLE)) {
		event.preventDefault();
		reveal(review);
	} else if (review.revealed && isGradeKey(event.key)) {
		event.preventDefault();
		grade(review, Number(event.key) as Grade);
	}
}

/** The deck the URL names, chosen in the menu; every note's if the menu has no such deck. */
function deckFromUrl(deckSelect: HTMLSelectElement): string {
	const deck = deckOfSearch(location.search);
	if (!deckSelect.querySelector(`option[value="${CSS.escape(deck)}"]`)) return ALL_NOTES_DECK;
	deckSelect.value = deck;
	return deck;
}

/** The reader chose a deck: the URL names it, for a reload, and its next card shows. */
function chooseDeck(review: Review, deck: string) {
	review.deck = deck;
	showKept(review);
	history.replaceState(history.state, '', deckSearch(deck) || location.pathname);
	showNext(review);
}

/** Downloads the progress as a JSON file. */
function exportProgress(review: Review) {
	const file = new Blob([JSON.stringify(review.store, null, '\t')], { type: 'application/json' });
	const link = Object.assign(document.createElement('a'), { href: URL.createObjectURL(file), download: `review-progress-${new Date().toISOString().slice(0, 10)}.json` });
	link.click();
	URL.revokeObjectURL(link.href);
	review.parts.message.textContent = `Exported the progress of ${Object.keys(review.store.cards).length} cards.`;
}

/** A progress file's progress; undefined if it is something else. */
async function readProgressFile(file: File): Promise<ReviewStore | undefined> {
	let imported: unknown;
	try {
		imported = JSON.parse(await file.text());
	} catch {
		imported = undefined;
	}
	return isReviewStore(imported) ? imported : undefined;
}

/** Takes in the progress file the reader chose, and shows the deck's next card by it. */
async function importProgress(review: Review, input: HTMLInputElement) {
	const file = input.files?.[0];
	input.value = '';
	if (!file) return;
	const imported = await readProgressFile(file);
	if (!imported) {
		review.parts.message.textContent = `${file.name} is not review progress exported from this page; nothing was changed.`;
		return;
	}
	const { store, taken } = mergeProgress(review.store, imported);
	review.store = store;
	setPlan(review, readPlan(store.plan));
	save(review);
	review.parts.message.textContent = `Imported the progress of ${taken} cards from ${file.name}.`;
	showNext(review);
}

/** Opened from a "move to another device" link: merges the progress it carries, says how much, and takes it out of the address bar. */
async function importLink(review: Review) {
	if (!location.hash.startsWith(PROGRESS_FRAGMENT)) return;
	const carried = await progressOfFragment(location.hash);
	history.replaceState(history.state, '', location.pathname + location.search);
	review.parts.tools.open = true;
	if (!carried) {
		review.parts.message.textContent = 'This link does not carry review progress that can be read (was it cut short?): nothing was changed.';
		return;
	}
	const { store, taken } = mergeProgress(review.store, carried);
	review.store = store;
	save(review);
	review.parts.message.textContent = `${taken} ${taken === 1 ? 'card' : 'cards'} merged from the link (of ${Object.keys(carried.cards).length} it carries).`;
}

/** The link that carries the progress to another device, and its QR code. */
async function showMoveLink(review: Review) {
	const { moveLink, moveUrl, moveCode } = review.parts;
	moveUrl.value = await progressLink(`${location.origin}${location.pathname}`, review.store);
	moveLink.hidden = false;
	moveUrl.select();
	moveCode.replaceChildren();
	const { qrCodeSvg, QR_CODE_CAPACITY } = await import('./qr-code.ts');
	const svg = qrCodeSvg(moveUrl.value);
	if (svg) moveCode.append(svg);
	else moveCode.textContent = `The link is too long for a QR code (${moveUrl.value.length} characters, at most ${QR_CODE_CAPACITY}): copy it instead.`;
}

async function copyMoveLink({ parts }: Review) {
	try {
		await navigator.clipboard.writeText(parts.moveUrl.value);
		parts.message.textContent = 'Link copied.';
	} catch {
		parts.moveUrl.select();
		parts.message.textContent = 'Copy the selected link (the browser did not let the page copy it).';
	}
}

/** The pages of the notes in the decks the reader keeps offline. */
function keptPages(review: Review, decks: readonly string[]): string[] {
	const pages = decks.flatMap((deck) => review.cards.of(deck).map((item) => new URL(item.deck.href, location.href).href));
	return [...new Set(pages)];
}

/** The reader marked the deck "Keep offline", or unmarked it: the service worker keeps the kept decks' pages, and only those. */
async function keepOffline(review: Review, keep: boolean) {
	const decks = keptDecks(review.key).filter((deck) => deck !== review.deck);
	if (keep) decks.push(review.deck);
	saveKeptDecks(review.key, decks);
	await syncKeptPages(review, decks);
}

async function syncKeptPages(review: Review, decks: readonly string[]) {
	const { keepStatus } = review.parts;
	keepStatus.textContent = 'Keeping the notes…';
	try {
		const kept = await keepPagesOffline(keptPages(review, decks));
		keepStatus.textContent = kept === 0 ? '' : `${kept} ${kept === 1 ? 'note' : 'notes'} kept offline.`;
	} catch (error) {
		keepStatus.textContent = `The notes could not be kept offline (${error instanceof Error ? error.message : String(error)}).`;
	}
}

/** The checkbox says whether the deck on the stage is kept offline. */
const showKept = (review: Review) => (review.parts.keep.checked = keptDecks(review.key).includes(review.deck));

/** Registers the service worker (which keeps this page); once the cards are known, offers to keep decks offline, and has it keep the kept decks' notes. */
async function startOffline(review: Review, serviceWorkerUrl: string, cardsLoaded: Promise<void>) {
	if (!(await registerServiceWorker(serviceWorkerUrl))) return;
	try {
		await cardsLoaded;
	} catch {
		// The page says why the cards did not load; no deck to keep.
		return;
	}
	// Offered once every note's cards are known: a deck's pages are its notes'.
	review.parts.keepLabel.hidden = false;
	showKept(review);
	review.parts.keep.addEventListener('change', () => void keepOffline(review, review.parts.keep.checked));
	const decks = keptDecks(review.key);
	if (decks.length > 0) await syncKeptPages(review, decks);
}

/** Forgets the progress on the deck's cards, once the reader confirms. */
function resetDeck(review: Review) {
	const reviewed = review.cards.of(review.deck).filter((item) => review.store.cards[item.id]);
	if (reviewed.length === 0) {
		review.parts.message.textContent = 'No card of this deck has been reviewed yet.';
		return;
	}
	if (!confirm(`Forget your progress on the ${reviewed.length} reviewed cards of “${review.names.get(review.deck)}”?`)) return;
	for (const item of reviewed) delete review.store.cards[item.id];
	save(review);
	review.parts.message.textContent = `Reset ${reviewed.length} cards.`;
	showNext(review);
}

/** A field of the plan's form, by its `PLAN_FIELDS` name. */
const planField = (review: Review, name: (typeof PLAN_FIELDS)[keyof typeof PLAN_FIELDS]) => review.parts.planForm.elements.namedItem(name) as HTMLInputElement;

/** Takes a plan: FSRS by it, and the form showing it. */
function setPlan(review: Review, plan: PlanSettings) {
	review.plan = plan;
	review.scheduler = schedulerOf(plan, new Date());
	planField(review, PLAN_FIELDS.newPerDay).value = String(plan.newPerDay);
	planField(review, PLAN_FIELDS.reviewsPerDay).value = plan.reviewsPerDay === undefined ? '' : String(plan.reviewsPerDay);
	planField(review, PLAN_FIELDS.retention).value = String(plan.retention);
	planField(review, PLAN_FIELDS.exam).value = plan.exam?.day ?? '';
	showRetention(review);
}

function showRetention(review: Review) {
	const retention = planField(review, PLAN_FIELDS.retention).valueAsNumber;
	review.parts.retention.textContent = `${Math.round(retention * 100)}%`;
}

/** The reader changed the plan: kept with the progress, and the next card chosen by it. A new exam date sets the pace from today. */
function changePlan(review: Review) {
	const reviews = planField(review, PLAN_FIELDS.reviewsPerDay).valueAsNumber;
	const examDay = planField(review, PLAN_FIELDS.exam).value;
	const now = Date.now();
	const kept = review.plan.exam?.day === examDay ? review.plan.exam : undefined;
	const exam = kept ?? (examDay ? { day: examDay, since: localDay(new Date(now)), newSince: review.cards.all.filter((item) => !review.store.cards[item.id]).length } : undefined);
	const plan = readPlan({ newPerDay: planField(review, PLAN_FIELDS.newPerDay).valueAsNumber, reviewsPerDay: reviews, retention: planField(review, PLAN_FIELDS.retention).valueAsNumber, exam });
	review.store.plan = plan;
	setPlan(review, plan);
	save(review);
	showNext(review);
}

/** The app in place of the no-JavaScript message, while the cards load. */
function showApp(parts: ReviewParts) {
	if (parts.noScript) parts.noScript.hidden = true;
	parts.app.hidden = false;
	parts.counts.textContent = 'Loading the cards…';
}

/**
 * The first card, known before every note has arrived: the id of the reader's earliest due card of
 * the deck (the store says where each reviewed card is); undefined: the deck's first card never reviewed.
 */
function firstDueId(store: ReviewStore, deck: string, now: number): string | undefined {
	return Object.entries(store.cards)
		.filter(([, card]) => Date.parse(card.due) <= now && card.note !== undefined && decksOf({ note: card.note, folder: card.folder ?? '' }).includes(deck))
		.sort(([, a], [, b]) => Date.parse(a.due) - Date.parse(b.due))[0]?.[0];
}

function showFirst(review: Review) {
	showNext(review);
	// For `npm run bench`: how long after the page's start the first card stood on the stage.
	performance.mark(FIRST_CARD_MARK);
}

/**
 * Takes the cards note by note (`stream`) and shows the first card as soon as it has arrived (the
 * earliest due of the reader's deck, else its first new card), not when the last note has.
 */
async function loadCards(review: Review, stream: AsyncIterable<ReviewDeck>) {
	const firstDue = firstDueId(review.store, review.deck, Date.now());
	for await (const arrived of stream) {
		const { items, decks } = review.cards.add(arrived);
		if (!review.current && decks.includes(review.deck) && items.some((item) => (firstDue ? item.id === firstDue : !review.store.cards[item.id]))) {
			showFirst(review);
			// Painted now; the other notes' cards are read after.
			await new Promise((resolve) => setTimeout(resolve));
		}
	}
	review.cards.loading = false;
	if (review.current) showCounts(review);
	else showFirst(review);
}

/** Starts the page: wires its parts to the reader's progress, then loads the cards. */
async function start(main: HTMLElement, stream: AsyncIterable<ReviewDeck>) {
	const parts = findParts(main);
	const { showButton, grades, deckSelect, exportButton, importInput, resetButton, moveButton, moveCopy } = parts;
	const key = main.getAttribute(REVIEW_STORE_ATTRIBUTE)!;
	const review: Review = {
		key,
		parts,
		scheduler: fsrs(),
		plan: readPlan(undefined),
		cards: new ArrivedCards(),
		names: new Map([...deckSelect.options].map((option) => [option.value, option.text])),
		store: loadStore(key),
		deck: deckFromUrl(deckSelect),
		current: undefined,
		revealed: false,
		timer: undefined,
		askedToKeep: false,
	};

	showButton.addEventListener('click', () => reveal(review));
	grades.addEventListener('click', (event) => {
		const button = (event.target as Element).closest<HTMLButtonElement>(gradeSelector());
		if (button) grade(review, gradeOf(button));
	});
	document.addEventListener('keydown', (event) => onKey(review, event));
	deckSelect.addEventListener('change', () => chooseDeck(review, deckSelect.value));
	exportButton.addEventListener('click', () => exportProgress(review));
	importInput.addEventListener('change', () => void importProgress(review, importInput));
	resetButton.addEventListener('click', () => resetDeck(review));
	setPlan(review, readPlan(review.store.plan));
	planField(review, PLAN_FIELDS.exam).min = localDay(new Date());
	parts.planForm.addEventListener('input', () => showRetention(review));
	parts.planForm.addEventListener('change', () => changePlan(review));
	parts.planForm.addEventListener('submit', (event) => {
		event.preventDefault();
		changePlan(review);
	});
	moveButton.addEventListener('click', () => void showMoveLink(review));
	moveCopy.addEventListener('click', () => void copyMoveLink(review));

	showApp(parts);
	void showStorage(review);
	await importLink(review);
	const cardsLoaded = loadCards(review, stream);
	const serviceWorker = main.getAttribute(REVIEW_OFFLINE_ATTRIBUTE);
	if (serviceWorker) void startOffline(review, serviceWorker, cardsLoaded);
	await cardsLoaded;
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

/** The cards could not be loaded: the app goes, and the no-JavaScript message says why. */
function showLoadError(main: HTMLElement, error: unknown) {
	const message = main.querySelector<HTMLElement>(reviewPartSelector('noScript'));
	main.querySelector<HTMLElement>(reviewPartSelector('app'))!.hidden = true;
	if (message) {
		message.hidden = false;
		message.textContent = `The cards could not be loaded (${error instanceof Error ? error.message : String(error)}). Each note still shows its cards as questions and answers.`;
	}
}

const main = document.querySelector<HTMLElement>(`[${REVIEW_STORE_ATTRIBUTE}]`);
const cardsUrl = main?.getAttribute(REVIEW_CARDS_URL_ATTRIBUTE);
if (main && cardsUrl) {
	// Preloaded by the page (`<link rel="preload">`): the request is already under way.
	start(main, decksArriving(cardsUrl)).catch((error: unknown) => showLoadError(main, error));
}
