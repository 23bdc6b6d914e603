import { displayDate, displayDuration } from './dates.ts';
import { DataviewDate, DataviewDuration, DataviewLink, type DataviewObject, type DataviewValue } from './values.ts';

/** Dataview's text for null (its default "render null as"). */
export const NULL_TEXT = '-';

/** A value as text: what `string()`, `join()` and `"text" + value` make of it. */
export function displayValue(value: DataviewValue | undefined): string {
	if (value === null || value === undefined) return NULL_TEXT;
	if (typeof value === 'string') return value;
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	if (value instanceof DataviewDate) return displayDate(value);
	if (value instanceof DataviewDuration) return displayDuration(value);
	if (value instanceof DataviewLink) return value.text;
	if (Array.isArray(value)) return value.map(displayValue).join(', ');
	return `{ ${Object.entries(value as DataviewObject)
		.map(([key, item]) => `${key}: ${displayValue(item)}`)
		.join(', ')} }`;
}
