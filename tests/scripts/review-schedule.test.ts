import { fsrs, Rating, State } from 'ts-fsrs';
import { describe, expect, test } from 'vitest';
import { interval, recordGrade } from '../../src/scripts/review-schedule.ts';
import { emptyStore } from '../../src/scripts/review-store.ts';

const place = { note: 'aws/vpc', folder: 'aws' };
const start = new Date('2026-03-01T10:00:00Z');
const minutes = (count: number) => count * 60_000;

describe('recordGrade: a grade into the FSRS schedule the review page keeps', () => {
	test('a new card graded Good is learning, due in 10 minutes, with where it is; the home page counts it', () => {
		const store = emptyStore();
		const card = recordGrade(fsrs(), store, 'card-000001', Rating.Good, place, start);
		expect(store.cards['card-000001']).toBe(card);
		expect({ state: card.state, reps: card.reps, note: card.note, folder: card.folder }).toEqual({ state: State.Learning, reps: 1, note: 'aws/vpc', folder: 'aws' });
		expect(Date.parse(card.due) - start.getTime()).toBe(minutes(10));
		expect(store.dues).toEqual([Date.parse(card.due)]);
	});

	test('Again brings a new card back in a minute', () => {
		const card = recordGrade(fsrs(), emptyStore(), 'card-000001', Rating.Again, place, start);
		expect(Date.parse(card.due) - start.getTime()).toBe(minutes(1));
	});

	test('grading a card again goes on from its stored state, and its due time replaces the old one in the counts', () => {
		const store = emptyStore();
		store.dues = [0];
		const first = recordGrade(fsrs(), store, 'card-000001', Rating.Good, place, start);
		const later = new Date(Date.parse(first.due));
		const second = recordGrade(fsrs(), store, 'card-000001', Rating.Good, place, later);
		expect(second.reps).toBe(2);
		expect(second.state).toBe(State.Review);
		expect(store.dues).toEqual([0, Date.parse(second.due)]);
	});
});

test('interval says a wait as the grade buttons do', () => {
	expect([minutes(0.2), minutes(10), minutes(90), minutes(60 * 24 * 3), minutes(60 * 24 * 61), minutes(60 * 24 * 400)].map(interval)).toEqual(['1 min', '10 min', '2 h', '3 d', '2 mo', '1.1 y']);
});
