import {
	NOTE_STATE_ATTRIBUTE,
	NOTE_STATE_CLASSES,
	NOTE_STATE_SEGMENTS,
	NOTE_STATES_ATTRIBUTE,
	noteStateLabel,
	noteStateSegmentClass,
	noteStateText,
	type NoteStateCounts,
} from '../dom/note-state.ts';
import { storedCards, type StoredState } from './card-progress.ts';

const REVIEW_STATE = 2;

/** A note's cards by what the reader knows of them: known (in review), learning (or relearning), new; and how many are due now. */
export function noteStateCounts(ids: readonly string[], cards: Record<string, StoredState | undefined>, now: number): NoteStateCounts {
	const counts: NoteStateCounts = { known: 0, learning: 0, new: 0, due: 0 };
	for (const id of ids) {
		const card = cards[id];
		if (!card?.due) counts.new++;
		else {
			counts[card.state === REVIEW_STATE ? 'known' : 'learning']++;
			if (Date.parse(card.due) <= now) counts.due++;
		}
	}
	return counts;
}

/** Fills and shows the bars of every listed note, once the reader has reviewed something. */
export function showNoteStates(now = Date.now()) {
	for (const list of document.querySelectorAll<HTMLElement>(`[${NOTE_STATES_ATTRIBUTE}]`)) {
		const cards = storedCards(list.getAttribute(NOTE_STATES_ATTRIBUTE)!);
		if (Object.keys(cards).length === 0) continue;
		for (const bar of list.querySelectorAll<HTMLElement>(`[${NOTE_STATE_ATTRIBUTE}]`)) {
			const counts = noteStateCounts(bar.getAttribute(NOTE_STATE_ATTRIBUTE)!.split(' '), cards, now);
			const segments = NOTE_STATE_SEGMENTS.map((segment) => {
				const element = Object.assign(document.createElement('span'), { className: noteStateSegmentClass(segment) });
				element.style.flexGrow = String(counts[segment]);
				return element;
			});
			const drawn = Object.assign(document.createElement('span'), { className: NOTE_STATE_CLASSES.bar });
			drawn.append(...segments);
			const parts: HTMLElement[] = [drawn];
			// The compact bar has no text: its name says it all.
			if (!bar.classList.contains(NOTE_STATE_CLASSES.compact)) {
				const text = Object.assign(document.createElement('span'), { className: NOTE_STATE_CLASSES.text, textContent: noteStateText(counts) });
				if (counts.due > 0) text.append(' · ', Object.assign(document.createElement('strong'), { textContent: `${counts.due} due` }));
				parts.push(text);
			}
			bar.replaceChildren(...parts);
			bar.setAttribute('aria-label', noteStateLabel(counts));
			bar.title = noteStateLabel(counts);
			bar.hidden = false;
		}
	}
}
