import { describe, expect, test } from 'vitest';
import { noteStateLabel, noteStateText } from '../../src/dom/note-state.ts';
import { noteStateCounts } from '../../src/scripts/note-states.ts';

describe('a note state bar', () => {
	test('counts a note’s cards as known (in review), learning (or relearning) and new, and those due now', () => {
		const now = Date.parse('2027-03-01T12:00:00Z');
		const cards = {
			known: { state: 2, due: '2027-03-05T00:00:00Z' },
			knownDue: { state: 2, due: '2027-03-01T08:00:00Z' },
			learning: { state: 1, due: '2027-03-01T12:10:00Z' },
			relearning: { state: 3, due: '2027-03-01T11:00:00Z' },
			otherNote: { state: 2, due: '2027-03-01T08:00:00Z' },
		};
		const counts = noteStateCounts(['known', 'knownDue', 'learning', 'relearning', 'never', 'neither'], cards, now);
		expect(counts).toEqual({ known: 2, learning: 2, new: 2, due: 2 });
		expect(noteStateLabel(counts)).toBe('2 known, 2 learning, 2 new; 2 due');
		expect(noteStateText({ known: 0, learning: 3, new: 27, due: 0 })).toBe('3 learning · 27 new');
	});
});
