import { describe, expect, test } from 'vitest';
import { dayPlan, dayPlanText, daysBetween, DEFAULT_PLAN, introductionDays, localDay, readPlan, type PlanCounts } from '../../src/scripts/review-plan.ts';

const counts = (changes: Partial<PlanCounts> = {}): PlanCounts => ({
	today: '2027-03-01',
	newLeft: 5000,
	introducedToday: 0,
	introducedSinceExam: 0,
	dueNow: 0,
	reviewedToday: 0,
	...changes,
});

describe('the review plan', () => {
	test('days are calendar days in the local time zone', () => {
		expect(localDay(new Date(2027, 0, 9, 23, 59))).toBe('2027-01-09');
		expect(daysBetween('2027-02-27', '2027-03-02')).toBe(3);
		expect(daysBetween('2027-03-02', '2027-03-01')).toBe(-1);
	});

	test('stored settings are checked field by field; a bad one falls back to its default', () => {
		expect(readPlan(undefined)).toEqual(DEFAULT_PLAN);
		expect(readPlan({ newPerDay: 10, reviewsPerDay: 0, retention: 0.5, exam: { day: 'soon', since: '2027-03-01', newSince: 3 } })).toEqual({ newPerDay: 10, retention: 0.9 });
		const exam = { day: '2027-04-01', since: '2027-03-01', newSince: 300 };
		expect(readPlan({ newPerDay: 5, reviewsPerDay: 100, retention: 0.85, exam })).toEqual({ newPerDay: 5, reviewsPerDay: 100, retention: 0.85, exam });
	});

	test('a 5,000-card deck brings 20 new cards a day, and the due ones; new cards done today count', () => {
		expect(dayPlan(DEFAULT_PLAN, counts({ dueNow: 42 }))).toEqual({ newToday: 20, dueToday: 42, reviewsLeft: Infinity });
		expect(dayPlan(DEFAULT_PLAN, counts({ introducedToday: 15 })).newToday).toBe(5);
		expect(dayPlan(DEFAULT_PLAN, counts({ introducedToday: 25 })).newToday).toBe(0);
		expect(dayPlan(DEFAULT_PLAN, counts({ newLeft: 3 })).newToday).toBe(3);
	});

	test('a review limit counts the reviews done today', () => {
		expect(dayPlan({ ...DEFAULT_PLAN, reviewsPerDay: 50 }, counts({ dueNow: 80, reviewedToday: 20 }))).toMatchObject({ dueToday: 30, reviewsLeft: 30 });
		expect(dayPlan({ ...DEFAULT_PLAN, reviewsPerDay: 50 }, counts({ dueNow: 80, reviewedToday: 60 }))).toMatchObject({ dueToday: 0, reviewsLeft: 0 });
	});

	test('introductions stop a week before the exam, or a quarter of the time when that is less', () => {
		expect(introductionDays(100)).toBe(93);
		expect(introductionDays(20)).toBe(15);
		expect(introductionDays(3)).toBe(3);
		expect(introductionDays(0)).toBe(1);
	});

	test('an exam spreads what is new over the days before it, never below the daily limit; no interval goes past it', () => {
		const plan = { ...DEFAULT_PLAN, exam: { day: '2027-03-31', since: '2027-03-01', newSince: 1000 } };
		// 30 days: new cards on 23 of them, 1000 / 23 = 43.5.
		expect(dayPlan(plan, counts({ newLeft: 1000 }))).toEqual({ newToday: 44, dueToday: 0, reviewsLeft: Infinity, exam: { daysLeft: 30, behind: 0 }, maximumInterval: 30 });
		// Later the same day, with 40 done: today's share stays.
		expect(dayPlan(plan, counts({ newLeft: 960, introducedToday: 40, introducedSinceExam: 40 })).newToday).toBe(4);
		expect(dayPlan(plan, counts({ newLeft: 100 })).newToday).toBe(DEFAULT_PLAN.newPerDay);
	});

	test('behind by the new cards the pace should have introduced before today, and the due cards the review limit holds back', () => {
		const exam = { day: '2027-03-31', since: '2027-02-27', newSince: 1000 };
		// Set on 27 February, 32 days before the exam, 25 to introduce: 40 a day, 80 before 1 March; 50 introduced.
		const plan = dayPlan({ ...DEFAULT_PLAN, reviewsPerDay: 10, exam }, counts({ newLeft: 950, introducedSinceExam: 50, dueNow: 15 }));
		expect(plan.exam).toEqual({ daysLeft: 30, behind: 30 + 5 });
		expect(dayPlanText(plan)).toBe('Today: 42 new, 10 due — behind by 35 cards. 30 days to the exam.');
		const onTrack = dayPlan({ ...DEFAULT_PLAN, exam }, counts({ newLeft: 900, introducedSinceExam: 100, dueNow: 3 }));
		expect(dayPlanText(onTrack)).toBe('Today: 40 new, 3 due — on track. 30 days to the exam.');
	});

	test('without an exam, or once it has passed, the line gives the day only', () => {
		expect(dayPlanText(dayPlan(DEFAULT_PLAN, counts({ dueNow: 2 })))).toBe('Today: 20 new, 2 due.');
		const past = { ...DEFAULT_PLAN, exam: { day: '2027-02-01', since: '2027-01-01', newSince: 10 } };
		expect(dayPlan(past, counts())).toEqual({ newToday: 20, dueToday: 0, reviewsLeft: Infinity });
	});
});
