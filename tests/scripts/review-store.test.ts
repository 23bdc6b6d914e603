import { describe, expect, test } from 'vitest';
import { emptyStore, mergeProgress, type StoredCard } from '../../src/scripts/review-store.ts';

const card = (lastReview: string, fields: Partial<StoredCard> = {}): StoredCard => ({ due: '2027-03-10T00:00:00Z', state: 2, last_review: lastReview, ...fields });

describe('merging imported progress', () => {
	test('card by card, the later review wins, with the day it was introduced and how often it was forgotten', () => {
		const mine = { ...emptyStore(), cards: { aaaaaaaaaaaa: card('2027-03-01T10:00:00Z', { forgotten: 1 }), bbbbbbbbbbbb: card('2027-03-05T10:00:00Z') } };
		const later = card('2027-03-02T10:00:00Z', { introduced: '2027-02-20', forgotten: 3 });
		const imported = { ...emptyStore(), cards: { aaaaaaaaaaaa: later, bbbbbbbbbbbb: card('2027-03-04T10:00:00Z'), 'not an id': card('2027-03-09T10:00:00Z') } };
		const { store, taken } = mergeProgress(mine, imported);
		expect(taken).toBe(1);
		expect(store.cards).toEqual({ aaaaaaaaaaaa: later, bbbbbbbbbbbb: mine.cards.bbbbbbbbbbbb });
	});

	test("the plan is this browser's; the file's is taken only where the reader never set one", () => {
		const plan = { newPerDay: 10, retention: 0.85 };
		expect(mergeProgress(emptyStore(), { ...emptyStore(), plan }).store.plan).toEqual(plan);
		expect(mergeProgress({ ...emptyStore(), plan: { newPerDay: 30, retention: 0.9 } }, { ...emptyStore(), plan }).store.plan).toEqual({ newPerDay: 30, retention: 0.9 });
	});
});
