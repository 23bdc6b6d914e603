/**
 * The review page's plan: how many new cards and reviews a day, the retention FSRS aims for, and an
 * exam date to finish before. Pure functions of the reader's settings and the day's counts: the
 * review page (`review.ts`) gives them, stores the settings with the progress, and shows the line
 * `dayPlan` makes. Days are the reader's local calendar days, written `YYYY-MM-DD`.
 */

export interface PlanSettings {
	/** New cards a day: at most, and with an exam date at least (fewer only when fewer are left). Default 20. */
	newPerDay: number;
	/** Reviews a day at most; none: every due card. */
	reviewsPerDay?: number;
	/** The share of cards FSRS aims to have remembered when each comes back (its `request_retention`). Default 0.9. */
	retention: number;
	/** The exam: its day, the day it was set on, and how many cards were new then (the pace the plan holds the reader to). */
	exam?: { day: string; since: string; newSince: number };
}

export const DEFAULT_PLAN: PlanSettings = { newPerDay: 20, retention: 0.9 };
export const RETENTION_RANGE = { min: 0.7, max: 0.97, step: 0.01 } as const;
/** Before the exam, a time with no new cards, to see the last ones again: a week, or a quarter of the time left if that is less. */
export const EXAM_BUFFER_DAYS = 7;

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const pad = (value: number) => String(value).padStart(2, '0');

/** A time's day in the reader's time zone. */
export const localDay = (time: Date): string => `${time.getFullYear()}-${pad(time.getMonth() + 1)}-${pad(time.getDate())}`;

/** Calendar days from one day to another (negative if it is before). */
export function daysBetween(from: string, to: string): number {
	const utc = (day: string) => Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
	return Math.round((utc(to) - utc(from)) / 86_400_000);
}

const isCount = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 0;
const isDay = (value: unknown): value is string => typeof value === 'string' && DAY.test(value);

/** Settings as stored or imported: each field checked, a bad one falls back to its default. */
export function readPlan(value: unknown): PlanSettings {
	const stored = (typeof value === 'object' && value !== null ? value : {}) as Partial<Record<keyof PlanSettings, unknown>>;
	const plan: PlanSettings = { ...DEFAULT_PLAN };
	if (isCount(stored.newPerDay)) plan.newPerDay = stored.newPerDay;
	if (isCount(stored.reviewsPerDay) && stored.reviewsPerDay > 0) plan.reviewsPerDay = stored.reviewsPerDay;
	if (typeof stored.retention === 'number' && stored.retention >= RETENTION_RANGE.min && stored.retention <= RETENTION_RANGE.max) plan.retention = stored.retention;
	const exam = stored.exam as Partial<NonNullable<PlanSettings['exam']>> | undefined;
	if (exam && isDay(exam.day) && isDay(exam.since) && isCount(exam.newSince)) plan.exam = { day: exam.day, since: exam.since, newSince: exam.newSince };
	return plan;
}

/** Days on which the plan introduces new cards, of `daysLeft` before the exam: all but the buffer, at least one. */
export const introductionDays = (daysLeft: number): number => Math.max(1, daysLeft - Math.min(EXAM_BUFFER_DAYS, Math.floor(daysLeft / 4)));

/** The day's counts the plan works from, over every card of the site. */
export interface PlanCounts {
	today: string;
	/** Cards never reviewed. */
	newLeft: number;
	/** Cards first reviewed today. */
	introducedToday: number;
	/** Cards first reviewed since the exam date was set, today included. */
	introducedSinceExam: number;
	/** Reviewed cards due now. */
	dueNow: number;
	/** Cards reviewed today that were not new today. */
	reviewedToday: number;
}

export interface DayPlan {
	/** New cards still to introduce today. */
	newToday: number;
	/** Due cards still to review today. */
	dueToday: number;
	/** Reviews the limit still allows today (`Infinity` without one). */
	reviewsLeft: number;
	/** With an exam ahead: the days left, and how many cards behind the plan the reader is. */
	exam?: { daysLeft: number; behind: number };
	/** The longest interval FSRS may give: no card is scheduled after the exam. */
	maximumInterval?: number;
}

/**
 * Today's plan. Without an exam, the daily limits. With one ahead, every new card is introduced by
 * the last introduction day (`introductionDays`), so each is seen several times before the exam:
 * today's share is what is left, spread evenly over the days left to introduce, never less than
 * the daily limit. Behind by K: the new cards the pace set on the day of the exam date should have
 * introduced before today but that are still new, plus the due cards the review limit leaves for later.
 */
export function dayPlan(plan: PlanSettings, counts: PlanCounts): DayPlan {
	const reviewsLeft = plan.reviewsPerDay === undefined ? Infinity : Math.max(0, plan.reviewsPerDay - counts.reviewedToday);
	const dueToday = Math.min(counts.dueNow, reviewsLeft);
	const daysLeft = plan.exam ? daysBetween(counts.today, plan.exam.day) : 0;
	if (!plan.exam || daysLeft <= 0) return { newToday: Math.min(counts.newLeft, Math.max(0, plan.newPerDay - counts.introducedToday)), dueToday, reviewsLeft };

	const newAtDayStart = counts.newLeft + counts.introducedToday;
	const share = Math.max(plan.newPerDay, Math.ceil(newAtDayStart / introductionDays(daysLeft)));
	const newToday = Math.min(counts.newLeft, Math.max(0, share - counts.introducedToday));

	const { since, newSince, day } = plan.exam;
	const pace = Math.max(plan.newPerDay, Math.ceil(newSince / introductionDays(daysBetween(since, day))));
	const expectedBeforeToday = Math.min(newSince, pace * Math.max(0, daysBetween(since, counts.today)));
	const behind = Math.max(0, Math.min(counts.newLeft, expectedBeforeToday - counts.introducedSinceExam)) + (counts.dueNow - dueToday);
	return { newToday, dueToday, reviewsLeft, exam: { daysLeft, behind }, maximumInterval: daysLeft };
}

const cards = (count: number) => `${count} ${count === 1 ? 'card' : 'cards'}`;

/** "Today: 12 new, 30 due — on track. 40 days to the exam." */
export function dayPlanText({ newToday, dueToday, exam }: DayPlan): string {
	const today = `Today: ${newToday} new, ${dueToday} due`;
	if (!exam) return `${today}.`;
	const days = exam.daysLeft === 1 ? 'The exam is tomorrow.' : `${exam.daysLeft} days to the exam.`;
	return `${today} — ${exam.behind === 0 ? 'on track' : `behind by ${cards(exam.behind)}`}. ${days}`;
}
