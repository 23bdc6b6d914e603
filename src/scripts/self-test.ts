import { fsrs, type FSRS, type Grade } from 'ts-fsrs';
import { decodeOrKeep } from '../browser-safe/url-path.ts';
import { NOTE_BODY_SELECTOR, SEARCH_HIT_CLASS } from '../dom/search.ts';
import {
	BLANK_LABEL,
	HIDE_LABEL,
	RECALL_ATTRIBUTE,
	REVEALED_ATTRIBUTE,
	SELF_TEST_CLASSES,
	SELF_TEST_GRADE_ATTRIBUTE,
	SELF_TEST_GRADES,
	SELF_TEST_GRADES_LABEL,
	SHOW_LABEL,
	TOPIC_SHOWN,
} from '../dom/self-test.ts';
import { SELF_TEST_ATTRIBUTE, SELF_TEST_ON, SELF_TEST_STORAGE_KEY } from '../dom/self-test-switch.ts';
import { TOPIC_CLASS } from '../dom/topic.ts';
import { showProgress } from './card-progress.ts';
import { interval, recordGrade, type CardPlace } from './review-schedule.ts';
import { loadStore, saveStore } from './review-store.ts';

/**
 * "Test yourself" on a note page (`src/dom/self-test.ts`), loaded when the reader turns it on: each
 * topic's sections wait behind a "Show", highlights are blanks revealed by a click or a key, and a
 * shown topic's card is graded in the review page's schedule (`recordGrade`).
 */

/** What grading a topic's card needs: the reader's progress, by its key, where the card is, and each topic's card. */
interface Grading {
	scheduler: FSRS;
	storeKey: string;
	place: CardPlace;
	topicCards: Record<string, string>;
}

const BLANKS = `mark:not(.${SEARCH_HIT_CLASS})`;
const topicsOf = (body: HTMLElement) => body.querySelectorAll<HTMLElement>(`.${TOPIC_CLASS}`);

function button(className: string, label: string): HTMLButtonElement {
	return Object.assign(document.createElement('button'), { type: 'button', className, textContent: label });
}

/** A topic's controls, after its heading: "Show", then the grades where it has a card. */
function addControls(topic: HTMLElement, grading: Grading) {
	const controls = Object.assign(document.createElement('div'), { className: SELF_TEST_CLASSES.controls });
	const show = button(SELF_TEST_CLASSES.show, SHOW_LABEL);
	show.setAttribute('aria-expanded', 'false');
	const graded = Object.assign(document.createElement('span'), { className: SELF_TEST_CLASSES.graded });
	graded.setAttribute('role', 'status');
	controls.append(show);
	const heading = topic.querySelector(':scope > h2');
	const cardId = heading ? grading.topicCards[heading.id] : undefined;
	const grades = Object.assign(document.createElement('span'), { className: SELF_TEST_CLASSES.grades, hidden: true });
	if (cardId) {
		grades.setAttribute('role', 'group');
		grades.setAttribute('aria-label', SELF_TEST_GRADES_LABEL);
		for (const { grade, label } of SELF_TEST_GRADES) {
			const gradeButton = button(SELF_TEST_CLASSES.grade, label);
			gradeButton.setAttribute(SELF_TEST_GRADE_ATTRIBUTE, String(grade));
			grades.append(gradeButton);
		}
		controls.append(grades);
		grades.addEventListener('click', (event) => {
			const chosen = (event.target as Element).closest(`[${SELF_TEST_GRADE_ATTRIBUTE}]`);
			if (!chosen) return;
			graded.textContent = gradeTopic(grading, cardId, Number(chosen.getAttribute(SELF_TEST_GRADE_ATTRIBUTE)) as Grade);
			grades.hidden = true;
			show.focus();
		});
	}
	controls.append(graded);
	show.addEventListener('click', () => {
		const shown = topic.getAttribute(RECALL_ATTRIBUTE) !== TOPIC_SHOWN;
		if (shown) topic.setAttribute(RECALL_ATTRIBUTE, TOPIC_SHOWN);
		else topic.removeAttribute(RECALL_ATTRIBUTE);
		show.setAttribute('aria-expanded', String(shown));
		show.textContent = shown ? HIDE_LABEL : SHOW_LABEL;
		// Graded once per test: the grades come with the first showing.
		grades.hidden = !shown || graded.textContent !== '';
	});
	heading?.after(controls);
}

/** Grades the card in the review page's schedule and saves it; says what was recorded. */
function gradeTopic({ scheduler, storeKey, place }: Grading, cardId: string, grade: Grade): string {
	const store = loadStore(storeKey);
	const now = new Date();
	const card = recordGrade(scheduler, store, cardId, grade, place, now);
	if (!saveStore(storeKey, store)) return 'This browser does not let the page keep your progress (private mode?).';
	showProgress();
	const { graded } = SELF_TEST_GRADES.find((each) => each.grade === grade)!;
	return `${graded}: due again in ${interval(Date.parse(card.due) - now.getTime())}.`;
}

/** Makes every highlight a blank, or back into a highlight. */
function setBlanks(body: HTMLElement, on: boolean) {
	for (const mark of body.querySelectorAll<HTMLElement>(BLANKS)) {
		mark.removeAttribute(REVEALED_ATTRIBUTE);
		if (on) {
			mark.setAttribute('role', 'button');
			mark.setAttribute('aria-label', BLANK_LABEL);
			mark.tabIndex = 0;
		} else {
			for (const name of ['role', 'aria-label', 'tabindex']) mark.removeAttribute(name);
		}
	}
}

/** Shows a blank's words, and says them; it keeps the focus. */
function reveal(mark: HTMLElement, announcer: HTMLElement) {
	mark.setAttribute(REVEALED_ATTRIBUTE, '');
	mark.removeAttribute('role');
	mark.removeAttribute('aria-label');
	mark.tabIndex = -1;
	announcer.textContent = `Revealed: ${mark.textContent ?? ''}`;
}

/** The test on (every topic hidden again, every highlight a blank) or off, remembered. */
function setTest(body: HTMLElement, switchButton: HTMLButtonElement, grading: Grading, on: boolean) {
	const root = document.documentElement;
	if (on) root.setAttribute(SELF_TEST_ATTRIBUTE, SELF_TEST_ON);
	else root.removeAttribute(SELF_TEST_ATTRIBUTE);
	switchButton.setAttribute('aria-pressed', String(on));
	try {
		if (on) localStorage.setItem(SELF_TEST_STORAGE_KEY, SELF_TEST_ON);
		else localStorage.removeItem(SELF_TEST_STORAGE_KEY);
	} catch {
		// Private mode: the choice lasts for this page only.
	}
	for (const topic of topicsOf(body)) {
		topic.removeAttribute(RECALL_ATTRIBUTE);
		topic.querySelector(`:scope > .${SELF_TEST_CLASSES.controls}`)?.remove();
		if (on) addControls(topic, grading);
	}
	setBlanks(body, on);
}

/**
 * A link into a topic's sections (a search result, the table of contents, another note) shows that
 * topic: the reader asked for it. A link to the topic itself leaves it to recall.
 */
function showLinkedTopic(body: HTMLElement) {
	const target = location.hash ? document.getElementById(decodeOrKeep(location.hash.slice(1))) : null;
	const topic = target?.closest<HTMLElement>(`.${TOPIC_CLASS}`);
	const isTopicHeading = target?.parentElement === topic && target?.tagName === 'H2';
	if (!target || !topic || !body.contains(topic) || isTopicHeading || topic.hasAttribute(RECALL_ATTRIBUTE)) return;
	topic.querySelector<HTMLButtonElement>(`:scope > .${SELF_TEST_CLASSES.controls} > .${SELF_TEST_CLASSES.show}`)?.click();
	target.scrollIntoView();
}

/**
 * Starts the test on the note page whose switch is `switchButton`: on if the page's root says so
 * (the reader just turned it on, or left it on), and the switch turns it off and on again.
 */
export function startSelfTest(switchButton: HTMLButtonElement) {
	const body = document.querySelector<HTMLElement>(NOTE_BODY_SELECTOR);
	if (!body) return;
	const { store, note = '', folder = '', topicCards = '{}' } = switchButton.dataset;
	const grading: Grading = { scheduler: fsrs(), storeKey: store!, place: { note, folder }, topicCards: JSON.parse(topicCards) as Record<string, string> };
	const announcer = Object.assign(document.createElement('p'), { className: 'visually-hidden' });
	announcer.setAttribute('role', 'status');
	body.after(announcer);

	const isOn = () => document.documentElement.getAttribute(SELF_TEST_ATTRIBUTE) === SELF_TEST_ON;
	switchButton.addEventListener('click', () => setTest(body, switchButton, grading, !isOn()));
	const blankAt = (event: Event) => (isOn() ? (event.target as Element).closest<HTMLElement>(`${BLANKS}[role="button"]`) : null);
	body.addEventListener('click', (event) => {
		const blank = blankAt(event);
		if (!blank) return;
		// A blank over a link reveals; the next click follows it.
		event.preventDefault();
		reveal(blank, announcer);
	});
	body.addEventListener('keydown', (event) => {
		const blank = blankAt(event);
		if (!blank || (event.key !== 'Enter' && event.key !== ' ')) return;
		event.preventDefault();
		reveal(blank, announcer);
	});
	addEventListener('hashchange', () => {
		if (isOn()) showLinkedTopic(body);
	});
	setTest(body, switchButton, grading, isOn());
	if (isOn()) showLinkedTopic(body);
}
