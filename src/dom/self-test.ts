/**
 * The self-test contract: "Test yourself" on a note page. The server renders the switch beside the
 * sections switches, on a note with topics or cards, whose `<main>` says the test applies to it:
 *
 * ```html
 * <main class="note" data-self-testable>
 *   <button type="button" class="sections-switch" aria-pressed="false" data-self-test-switch
 *     data-store="{progress storage key}" data-note="{note slug}" data-folder="{its folder}"
 *     data-topic-cards='{"{topic id}": "{its card id}", …}'>Test yourself</button>
 * ```
 *
 * Turned on, `<html data-self-test="on">` (set before the first paint by the boot script when the
 * reader left it on), and the script (`src/scripts/self-test.ts`, loaded only then) adds after each
 * topic's heading its controls, the grades only where the topic has a card (its summary, which the
 * catalogue found: `topicCards`):
 *
 * ```html
 * <div class="self-test">
 *   <button type="button" class="self-test__show" aria-expanded="false">Show</button>
 *   <span class="self-test__grades" role="group" aria-label="Did you know it?" hidden>
 *     <button type="button" class="self-test__grade" data-self-test-grade="3">I knew it</button>
 *     <button type="button" class="self-test__grade" data-self-test-grade="1">I didn't</button>
 *   </span>
 *   <span class="self-test__graded" role="status"></span>
 * </div>
 * ```
 *
 * It marks a topic `data-recall="shown"` once shown, and makes each highlight a blank,
 * `<mark role="button" tabindex="0" aria-label="Hidden: reveal">`, then `data-revealed` once
 * revealed. The styles hide only under the root attribute and only on screen: without JavaScript,
 * and in print, everything shows.
 *
 * The attributes every note page's script and the boot script read, before the test loads, are
 * apart, in `self-test-switch.ts`: a page loads only those.
 *
 * Browser-safe: constants and a small function, no imports.
 */
export const SELF_TEST_SWITCH_LABEL = 'Test yourself';
/** On the switch: each topic's card, by the topic's id (`topicCards`), as JSON. */
export const TOPIC_CARDS_ATTRIBUTE = 'data-topic-cards';

/** A note's topics' cards (their summaries), by topic id, from the catalogue's list of the note's cards. */
export function topicCards(cards: readonly { id: string; kind: string; topic?: string }[]): Record<string, string> {
	return Object.fromEntries(cards.flatMap((card) => (card.kind === 'summary' && card.topic ? [[card.topic, card.id]] : [])));
}

/** On a topic: shown by the reader (`TOPIC_SHOWN`). */
export const RECALL_ATTRIBUTE = 'data-recall';
export const TOPIC_SHOWN = 'shown';
/** On a highlight the reader revealed. */
export const REVEALED_ATTRIBUTE = 'data-revealed';
export const BLANK_LABEL = 'Hidden: reveal';

export const SELF_TEST_CLASSES = {
	controls: 'self-test',
	show: 'self-test__show',
	grades: 'self-test__grades',
	grade: 'self-test__grade',
	graded: 'self-test__graded',
} as const;
export const SHOW_LABEL = 'Show';
export const HIDE_LABEL = 'Hide';
export const SELF_TEST_GRADES_LABEL = 'Did you know it?';
/** On each grade button: its FSRS grade, as the review page grades. */
export const SELF_TEST_GRADE_ATTRIBUTE = 'data-self-test-grade';
/** "I knew it" is Good, "I didn't" is Again. */
export const SELF_TEST_GRADES = [
	{ grade: 3, label: 'I knew it', graded: 'Knew it' },
	{ grade: 1, label: "I didn't", graded: "Didn't know it" },
] as const;
