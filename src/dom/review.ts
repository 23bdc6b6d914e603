/**
 * The review page's contract: what `src/pages/review/index.astro` renders, `src/scripts/review.ts`
 * finds and fills, `site.css` styles and the tests query.
 *
 * ```html
 * <main id="main" class="review" data-review="{storage key}" data-review-data="{the cards document}" data-review-offline="{sw.js}">
 *   <div class="review__app" data-review-app hidden>
 *     <div class="review__deck">
 *       <label>Deck <select data-review-deck><option value="">All notes</option><option value="folder:aws">aws/</option><option value="note:aws/vpc">…</option> …</select></label>
 *       <p class="review__counts" data-review-counts></p>
 *       <p class="review__plan-line" data-review-plan-line></p>
 *       <label class="review__keep" data-review-keep-label hidden><input type="checkbox" data-review-keep> Keep this deck offline</label>
 *       <span data-review-keep-status role="status"></span>
 *     </div>
 *     <details class="review__plan"><summary>Plan …</summary>
 *       <form class="review__plan-form" data-review-plan>
 *         <label>New cards a day <input type="number" name="new-per-day"></label>
 *         <label>Reviews a day <input type="number" name="reviews-per-day"></label>
 *         <label>Retention <input type="range" name="retention"> <output data-review-retention></output></label>
 *         <label>Exam date <input type="date" name="exam"></label>
 *       </form>
 *     </details>
 *     <section class="review__stage" aria-label="Card">
 *       <div class="review__card" data-review-current></div>
 *       <p class="review__done" data-review-done role="status"></p>
 *       <div class="review__actions">
 *         <button type="button" class="review__show" data-review-show>Show answer <kbd>Space</kbd></button>
 *         <div class="review__grades" role="group" aria-label="How well did you know it?" data-review-grades hidden>
 *           <button type="button" class="review__grade review__grade--again" data-grade="1" aria-keyshortcuts="1">
 *             <span class="review__grade-label">Again</span><span class="review__grade-interval" data-interval></span><kbd>1</kbd>
 *           </button> …
 *         </div>
 *       </div>
 *     </section>
 *     <section class="review__weak" data-review-weak hidden><h2>Weakest topics</h2><ol data-review-weak-list></ol></section>
 *     <details class="review__tools" data-review-tools>
 *       <p data-review-storage role="status">{whether the browser keeps the progress}</p>
 *       <div class="review__move">
 *         <button type="button" data-review-move>Move to another device</button>
 *         <div data-review-move-link hidden>
 *           <input readonly data-review-move-url> <button type="button" data-review-move-copy>Copy link</button>
 *           <div class="review__move-code" data-review-move-code>{the link's QR code, an SVG}</div>
 *         </div>
 *       </div>
 *       <div class="review__tool-buttons">
 *         <button type="button" data-review-export>…</button>
 *         <label class="review__import">… <input type="file" data-review-import></label>
 *         <button type="button" data-review-reset>…</button>
 *       </div>
 *       <p data-review-message role="status"></p>
 *     </details>
 *   </div>
 *   <p class="review__no-script" data-review-no-script>Reviewing needs JavaScript …</p>
 * </main>
 * ```
 *
 * The server renders the app `hidden` and says, without JavaScript, where the cards are; the
 * script shows the app and hides that message. The card on the stage is the one thing the script
 * makes (from the card contract, `card.ts`):
 *
 * ```html
 * <div class="review-card">
 *   <p class="review-card__topic">{a summary's topic}</p>
 *   <notes-card class="card …">… (a cloze card's hidden mark: <mark class="review__cloze">[…]</mark>)</notes-card>
 *   <p class="review-card__source"><a href="{its note or topic}">{note} › {topic}</a></p>
 * </div>
 * ```
 *
 * Browser-safe: constants and small functions only, no imports.
 */

/** Classes, for the styles. */
export const REVIEW_CLASSES = {
	page: 'review',
	header: 'review__header',
	intro: 'review__intro',
	app: 'review__app',
	deck: 'review__deck',
	counts: 'review__counts',
	stage: 'review__stage',
	/** Where the card under review stands. */
	current: 'review__card',
	done: 'review__done',
	actions: 'review__actions',
	show: 'review__show',
	grades: 'review__grades',
	grade: 'review__grade',
	gradeLabel: 'review__grade-label',
	gradeInterval: 'review__grade-interval',
	tools: 'review__tools',
	toolButtons: 'review__tool-buttons',
	import: 'review__import',
	noScript: 'review__no-script',
	/** Today's plan, under the counts. */
	planLine: 'review__plan-line',
	/** The plan's settings (`<details>`) and their form. */
	plan: 'review__plan',
	planForm: 'review__plan-form',
	/** A field's one-line explanation. */
	hint: 'review__hint',
	/** The retention slider and its value. */
	range: 'review__range',
	weak: 'review__weak',
	/** "Keep this deck offline", beside the deck menu. */
	keep: 'review__keep',
	/** The "move to another device" link, its copy button and its QR code. */
	move: 'review__move',
	moveCode: 'review__move-code',
	/** A cloze card's mark while its answer is hidden. */
	cloze: 'review__cloze',
	/** The card on the stage, as the script makes it. */
	entry: 'review-card',
	entryTopic: 'review-card__topic',
	entrySource: 'review-card__source',
} as const;

/** A grade button's own class, after its label: `review__grade--good`. */
export const reviewGradeClass = (label: string) => `${REVIEW_CLASSES.grade}--${label.toLowerCase()}`;

/** On `<main>`: the localStorage key of the reader's progress (`reviewStoreKey` in `progress.ts`). */
export const REVIEW_STORE_ATTRIBUTE = 'data-review';
/** On `<main>`, when the site has cards: the cards document (`REVIEW_CARDS_PATH`), which the page preloads. */
export const REVIEW_CARDS_URL_ATTRIBUTE = 'data-review-data';

/** On `<main>`, in a built site: the service worker (`SERVICE_WORKER_FILE`), which the page registers. */
export const REVIEW_OFFLINE_ATTRIBUTE = 'data-review-offline';

/** `<main>`'s review attributes; without cards, no cards document; in dev, no service worker. */
export const reviewPageAttributes = (storeKey: string, cardsUrl: string | undefined, serviceWorkerUrl?: string) => ({
	[REVIEW_STORE_ATTRIBUTE]: storeKey,
	[REVIEW_CARDS_URL_ATTRIBUTE]: cardsUrl,
	[REVIEW_OFFLINE_ATTRIBUTE]: serviceWorkerUrl,
});

/** The parts of the page the script finds, each by its attribute (empty). */
export const REVIEW_PARTS = {
	app: 'data-review-app',
	/** The deck menu (`<select>`). */
	deck: 'data-review-deck',
	counts: 'data-review-counts',
	/** The stage: the card under review. */
	current: 'data-review-current',
	/** Why no card stands on the stage. */
	done: 'data-review-done',
	show: 'data-review-show',
	/** The group of grade buttons, hidden until the answer shows. */
	grades: 'data-review-grades',
	/** In each grade button: the time it would schedule the card for, filled when the answer shows. */
	interval: 'data-interval',
	export: 'data-review-export',
	/** The progress file's `<input type="file">`. */
	import: 'data-review-import',
	reset: 'data-review-reset',
	/** What export, import and reset say. */
	message: 'data-review-message',
	noScript: 'data-review-no-script',
	/** Today's plan: "Today: 12 new, 30 due — on track." */
	planLine: 'data-review-plan-line',
	/** The plan's `<form>`: its fields are named by `PLAN_FIELDS`. */
	plan: 'data-review-plan',
	/** The chosen retention, beside its slider (`<output>`). */
	retention: 'data-review-retention',
	/** The weakest topics' section, hidden until some card has lapsed, and its list. */
	weak: 'data-review-weak',
	weakList: 'data-review-weak-list',
	/** The "Keep this deck offline" checkbox's label, shown where the service worker runs; the checkbox; what it says. */
	keepLabel: 'data-review-keep-label',
	keep: 'data-review-keep',
	keepStatus: 'data-review-keep-status',
	/** The export's `<details>`: opened to say what a link merged. */
	tools: 'data-review-tools',
	/** Whether the browser keeps the progress (persistent storage). */
	storage: 'data-review-storage',
	/** "Move to another device": the button, then the link it makes (`<input readonly>`), its copy button and its QR code. */
	move: 'data-review-move',
	moveLink: 'data-review-move-link',
	moveUrl: 'data-review-move-url',
	moveCopy: 'data-review-move-copy',
	moveCode: 'data-review-move-code',
} as const;
export type ReviewPart = keyof typeof REVIEW_PARTS;

/** A part's attribute, to spread on its element: `<div {...reviewPart('app')}>` renders `<div data-review-app>`. */
export const reviewPart = (part: ReviewPart) => ({ [REVIEW_PARTS[part]]: '' });
export const reviewPartSelector = (part: ReviewPart) => `[${REVIEW_PARTS[part]}]`;

/** The plan form's fields, by the setting each holds (`PlanSettings` in `scripts/review-plan.ts`). */
export const PLAN_FIELDS = {
	newPerDay: 'new-per-day',
	reviewsPerDay: 'reviews-per-day',
	retention: 'retention',
	exam: 'exam',
} as const;

/** The grades, as FSRS numbers them: each is a button and the key of its number. */
export const REVIEW_GRADES = [
	{ grade: 1, label: 'Again' },
	{ grade: 2, label: 'Hard' },
	{ grade: 3, label: 'Good' },
	{ grade: 4, label: 'Easy' },
] as const;
export type ReviewGrade = (typeof REVIEW_GRADES)[number]['grade'];
/** The grade focused when the answer shows: Good. */
export const FOCUSED_GRADE: ReviewGrade = 3;
/** The grade buttons' group's accessible name. */
export const GRADES_LABEL = 'How well did you know it?';

/** On each grade button: its grade. */
export const GRADE_ATTRIBUTE = 'data-grade';
/** A grade button's attributes: its grade, and its key. */
export const gradeButtonAttributes = (grade: ReviewGrade) => ({ [GRADE_ATTRIBUTE]: grade, 'aria-keyshortcuts': String(grade) });
/** Every grade button, or the button of one grade. */
export const gradeSelector = (grade?: ReviewGrade) => (grade === undefined ? `[${GRADE_ATTRIBUTE}]` : `[${GRADE_ATTRIBUTE}="${grade}"]`);

/**
 * The deck menu's values: `''` (every note's cards), `folder:aws` (a folder's, its subfolders'
 * too), `note:aws/vpc` (a note's). A deck's kind and name are also the page's query: `?folder=aws`.
 */
export const ALL_NOTES_DECK = '';
export type DeckKind = 'note' | 'folder';
export const deckValue = (kind: DeckKind, name: string) => `${kind}:${name}`;

/** The review page's query for a deck menu's value (`?note=aws%2Fvpc`); `''` for every note's. */
export function deckSearch(deck: string): string {
	const colon = deck.indexOf(':');
	const [kind, name] = deck ? [deck.slice(0, colon), deck.slice(colon + 1)] : [];
	return kind ? `?${new URLSearchParams({ [kind]: name! })}` : '';
}

/** The deck a review page's query names (`location.search`), a note's before a folder's. */
export function deckOfSearch(search: string): string {
	const query = new URLSearchParams(search);
	const note = query.get('note');
	const folder = query.get('folder');
	return note !== null ? deckValue('note', note) : folder !== null ? deckValue('folder', folder) : ALL_NOTES_DECK;
}
