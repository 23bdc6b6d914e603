import { DataviewDate, DataviewDuration, DURATION_UNITS, type DurationUnit } from './values.ts';

/**
 * Dates and durations as Dataview reads, computes and shows them (it uses Luxon, which this site
 * does not install): ISO dates, `date(today)` and friends, `dur(3 days)`, date arithmetic, and
 * Luxon's format tokens.
 */

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

const ISO_DATE = /^(\d{4})-(\d{2})(?:-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|[+-]\d{2}:?\d{2})?)?)?$/;

/** `2024-01-31`, `2024-01`, `2024-01-31T20:17:05.120` (an offset is converted to UTC); undefined if not a date. */
export function parseIsoDate(text: string): DataviewDate | undefined {
	const match = ISO_DATE.exec(text.trim());
	if (!match) return undefined;
	const [, year, month, day, hour, minute, second, fraction, offset] = match;
	const time = Date.UTC(Number(year), Number(month) - 1, Number(day ?? 1), Number(hour ?? 0), Number(minute ?? 0), Number(second ?? 0), Number((fraction ?? '0').padEnd(3, '0')));
	const date = new Date(time);
	if (date.getUTCMonth() !== Number(month) - 1 || date.getUTCDate() !== Number(day ?? 1)) return undefined;
	const offsetMinutes = offset === undefined || offset === 'Z' ? 0 : offsetToMinutes(offset);
	return new DataviewDate(time - offsetMinutes * 60_000, hour !== undefined);
}

function offsetToMinutes(offset: string): number {
	const digits = offset.replace(':', '');
	const minutes = Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5));
	return digits.startsWith('-') ? -minutes : minutes;
}

function startOfDay(date: DataviewDate): DataviewDate {
	return new DataviewDate(Math.floor(date.time / 86_400_000) * 86_400_000, false);
}

export function stripTime(date: DataviewDate): DataviewDate {
	return startOfDay(date);
}

/** The named dates of `date(today)`, `date(sow)`…, relative to `now`. */
export function namedDate(name: string, now: DataviewDate): DataviewDate | undefined {
	const today = startOfDay(now);
	const utc = today.utc;
	const year = utc.getUTCFullYear();
	const month = utc.getUTCMonth();
	const weekday = (utc.getUTCDay() + 6) % 7;
	const day = (time: number): DataviewDate => new DataviewDate(time, false);
	switch (name) {
		case 'now':
			return now;
		case 'today':
			return today;
		case 'tomorrow':
			return day(today.time + 86_400_000);
		case 'yesterday':
			return day(today.time - 86_400_000);
		case 'sow':
			return day(today.time - weekday * 86_400_000);
		case 'eow':
			return day(today.time + (6 - weekday) * 86_400_000);
		case 'som':
			return day(Date.UTC(year, month, 1));
		case 'eom':
			return day(Date.UTC(year, month + 1, 0));
		case 'soy':
			return day(Date.UTC(year, 0, 1));
		case 'eoy':
			return day(Date.UTC(year, 11, 31));
		default:
			return undefined;
	}
}

// Made in a pure function: a page script that imports this module for something else does not carry the table.
const UNIT_NAMES: Record<string, DurationUnit> = /* @__PURE__ */ (() =>
	Object.fromEntries(
		Object.entries({
			years: ['y', 'yr', 'yrs', 'year', 'years'],
			months: ['mo', 'mos', 'month', 'months'],
			weeks: ['w', 'wk', 'wks', 'week', 'weeks'],
			days: ['d', 'day', 'days'],
			hours: ['h', 'hr', 'hrs', 'hour', 'hours'],
			minutes: ['m', 'min', 'mins', 'minute', 'minutes'],
			seconds: ['s', 'sec', 'secs', 'second', 'seconds'],
			milliseconds: ['ms', 'millisecond', 'milliseconds'],
		}).flatMap(([unit, names]) => names.map((name) => [name, unit as DurationUnit])),
	))();

/** `3 days`, `1 s, 2 m, 3 h`, `1second 2min 3h`; undefined if not a duration. */
export function parseDuration(text: string): DataviewDuration | undefined {
	const units: Partial<Record<DurationUnit, number>> = {};
	const part = /\s*(-?\d+(?:\.\d+)?)\s*([a-z]+)\s*,?/giy;
	let end = 0;
	let match: RegExpExecArray | null;
	while ((match = part.exec(text))) {
		const unit = UNIT_NAMES[match[2]!.toLowerCase()];
		if (unit === undefined) return undefined;
		units[unit] = (units[unit] ?? 0) + Number(match[1]);
		end = part.lastIndex;
	}
	if (end === 0 || text.slice(end).trim() !== '') return undefined;
	return new DataviewDuration(units);
}

/** A date moved by a duration: calendar units first (so a month after Jan 31 is Feb 28/29), as Luxon does. */
export function addDuration(date: DataviewDate, duration: DataviewDuration, sign: 1 | -1): DataviewDate {
	const utc = date.utc;
	const months = utc.getUTCMonth() + sign * (duration.units.years * 12 + duration.units.months);
	const lastDay = new Date(Date.UTC(utc.getUTCFullYear(), months + 1, 0)).getUTCDate();
	const moved = Date.UTC(utc.getUTCFullYear(), months, Math.min(utc.getUTCDate(), lastDay), utc.getUTCHours(), utc.getUTCMinutes(), utc.getUTCSeconds(), utc.getUTCMilliseconds());
	const rest = new DataviewDuration({ ...duration.units, years: 0, months: 0 }).milliseconds;
	return new DataviewDate(moved + sign * rest, date.hasTime || rest % 86_400_000 !== 0);
}

/** `later - earlier` in years, months, then weeks, days and smaller units, as Dataview's date subtraction. */
export function dateDifference(later: DataviewDate, earlier: DataviewDate): DataviewDuration {
	if (later.time < earlier.time) return dateDifference(earlier, later).map((quantity) => -quantity);
	const from = earlier.utc;
	const to = later.utc;
	let months = (to.getUTCFullYear() - from.getUTCFullYear()) * 12 + to.getUTCMonth() - from.getUTCMonth();
	const yearsMonths = (count: number) => new DataviewDuration({ years: Math.floor(count / 12), months: count % 12 });
	if (months > 0 && addDuration(earlier, yearsMonths(months), 1).time > later.time) months--;
	const rest = later.time - addDuration(earlier, yearsMonths(months), 1).time;
	const smaller = new DataviewDuration({ milliseconds: rest }).normalized();
	return new DataviewDuration({ ...smaller.units, years: Math.floor(months / 12), months: months % 12 });
}

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

function hour12(hour: number): number {
	return hour % 12 === 0 ? 12 : hour % 12;
}

/** ISO week number and its year. */
export function isoWeek(date: DataviewDate): { week: number; year: number } {
	const day = startOfDay(date).utc;
	const weekday = (day.getUTCDay() + 6) % 7;
	const thursday = new Date(day.getTime() + (3 - weekday) * 86_400_000);
	const firstThursdayYear = thursday.getUTCFullYear();
	const week = Math.floor((thursday.getTime() - Date.UTC(firstThursdayYear, 0, 1)) / (7 * 86_400_000)) + 1;
	return { week, year: firstThursdayYear };
}

const FORMAT_TOKEN = /'([^']*)'|yyyy|yy|MMMM|MMM|MM|M|dd|d|EEEE|EEE|cccc|ccc|HH|H|hh|h|mm|m|ss|s|SSS|a|WW|W|kkkk|x|X/g;

/** Formats with Luxon's tokens (`yyyy-MM-dd`, `MMMM dd, yyyy`, `h:mm a`…); other letters are kept. */
export function formatDate(date: DataviewDate, format: string): string {
	const utc = date.utc;
	return format.replace(FORMAT_TOKEN, (token, literal: string | undefined) => {
		if (literal !== undefined) return literal;
		switch (token) {
			case 'yyyy':
				return pad(utc.getUTCFullYear(), 4);
			case 'yy':
				return pad(utc.getUTCFullYear() % 100);
			case 'MMMM':
				return MONTH_NAMES[utc.getUTCMonth()]!;
			case 'MMM':
				return MONTH_NAMES[utc.getUTCMonth()]!.slice(0, 3);
			case 'MM':
				return pad(utc.getUTCMonth() + 1);
			case 'M':
				return String(utc.getUTCMonth() + 1);
			case 'dd':
				return pad(utc.getUTCDate());
			case 'd':
				return String(utc.getUTCDate());
			case 'EEEE':
			case 'cccc':
				return WEEKDAY_NAMES[(utc.getUTCDay() + 6) % 7]!;
			case 'EEE':
			case 'ccc':
				return WEEKDAY_NAMES[(utc.getUTCDay() + 6) % 7]!.slice(0, 3);
			case 'HH':
				return pad(utc.getUTCHours());
			case 'H':
				return String(utc.getUTCHours());
			case 'hh':
				return pad(hour12(utc.getUTCHours()));
			case 'h':
				return String(hour12(utc.getUTCHours()));
			case 'mm':
				return pad(utc.getUTCMinutes());
			case 'm':
				return String(utc.getUTCMinutes());
			case 'ss':
				return pad(utc.getUTCSeconds());
			case 's':
				return String(utc.getUTCSeconds());
			case 'SSS':
				return pad(utc.getUTCMilliseconds(), 3);
			case 'a':
				return utc.getUTCHours() < 12 ? 'AM' : 'PM';
			case 'WW':
				return pad(isoWeek(date).week);
			case 'W':
				return String(isoWeek(date).week);
			case 'kkkk':
				return pad(isoWeek(date).year, 4);
			case 'x':
				return String(date.time);
			default:
				return String(Math.floor(date.time / 1000));
		}
	});
}

/** Dataview's default display: `MMMM dd, yyyy`, with `h:mm a - ` before it when the date has a time. */
export function displayDate(date: DataviewDate): string {
	return formatDate(date, date.hasTime ? 'h:mm a - MMMM dd, yyyy' : 'MMMM dd, yyyy');
}

const unitFormats = new Map<DurationUnit, Intl.NumberFormat>();

/** `1 year, 6 months, 1 week`: the non-zero units, as Luxon's `toHuman()` after Dataview normalises. */
export function displayDuration(duration: DataviewDuration): string {
	const parts = DURATION_UNITS.filter((unit) => duration.units[unit] !== 0).map((unit) => {
		let format = unitFormats.get(unit);
		if (format === undefined) {
			format = new Intl.NumberFormat('en', { style: 'unit', unit: unit.slice(0, -1), unitDisplay: 'long' });
			unitFormats.set(unit, format);
		}
		return format.format(duration.units[unit]);
	});
	return parts.length === 0 ? '0 seconds' : parts.join(', ');
}
