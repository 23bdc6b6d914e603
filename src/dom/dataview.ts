import type { Element, ElementContent } from 'hast';
import { displayDate, formatDate } from '../dataview/dates.ts';
import type { QueryResult } from '../dataview/execute.ts';
import { displayValue } from '../dataview/text.ts';
import { DataviewDate, DataviewLink, typeOf, type DataviewObject, type DataviewTask, type DataviewValue } from '../dataview/values.ts';
import { h, text } from './hast.ts';
import { brokenLinkElement } from './link.ts';

/**
 * The Dataview contract: a query's answer, drawn when the site is built, as Dataview draws it in
 * Obsidian's reading view. One `div` per answer, its kind in a class:
 *
 * ```html
 * <div class="dataview dataview-list"><ul><li><a href="/notes/games/lol/">League of Legends</a>: Games</li></ul></div>
 *
 * <div class="dataview dataview-table">
 *   <table>
 *     <thead><tr><th>File <span class="dataview-count">(2)</span></th><th>started</th></tr></thead>
 *     <tbody><tr><td><a href="/notes/games/lol/">League of Legends</a></td><td><time datetime="2021-05-16">May 16, 2021</time></td></tr>…</tbody>
 *   </table>
 * </div>
 *
 * <div class="dataview dataview-task">
 *   <p class="dataview-group"><a href="/notes/daily/2022-09-21/">2022-09-21</a> <span class="dataview-count">(1)</span></p>
 *   <ul class="contains-task-list"><li class="task-list-item" data-task=" "><input type="checkbox" disabled> Buy new shoes</li></ul>
 * </div>
 *
 * <div class="dataview dataview-list"><p class="dataview-empty">No results.</p></div>
 * ```
 *
 * The first column of a table counts the results, as Dataview's does ("File (3)"). Tasks are not
 * grouped by note unless the query says `GROUP BY`; the group line shows its key and how many
 * tasks it holds. Null shows as "-", dates as "May 16, 2021" (with "9:00 AM - " before a time),
 * durations as "7 months, 2 days", a list as a `ul`. A link to no note keeps its text, marked as
 * broken as in the text (`src/dom/link.ts`).
 */
export const DATAVIEW_CLASS = 'dataview';
export const DATAVIEW_COUNT_CLASS = 'dataview-count';
export const DATAVIEW_GROUP_CLASS = 'dataview-group';
export const DATAVIEW_EMPTY_CLASS = 'dataview-empty';
export const DATAVIEW_EMPTY_TEXT = 'No results.';

/** Where a link of the notes leads, or undefined if to no published note. */
export type LinkHref = (link: DataviewLink) => string | undefined;

function count(total: number): Element {
	return h('span', { className: [DATAVIEW_COUNT_CLASS] }, [text(`(${total})`)]);
}

export function renderValue(value: DataviewValue | undefined, href: LinkHref): ElementContent[] {
	if (value instanceof DataviewLink) {
		const target = href(value);
		if (target === undefined) return [brokenLinkElement([text(value.text)], `[[${value.path}${value.subpath === undefined ? '' : `#${value.subpath}`}]]`)];
		return [h('a', { href: target }, [text(value.text)])];
	}
	if (value instanceof DataviewDate) {
		const machine = formatDate(value, value.hasTime ? "yyyy-MM-dd'T'HH:mm" : 'yyyy-MM-dd');
		return [h('time', { dateTime: machine }, [text(displayDate(value))])];
	}
	if (Array.isArray(value)) return value.length === 0 ? [] : [h('ul', {}, value.map((item: DataviewValue) => h('li', {}, renderValue(item, href))))];
	if (value !== undefined && typeOf(value) === 'object') {
		const entries = Object.entries(value as DataviewObject);
		return [h('ul', {}, entries.map(([key, item]) => h('li', {}, [h('strong', {}, [text(key)]), text(': '), ...renderValue(item ?? null, href)])))];
	}
	return [text(displayValue(value))];
}

function taskList(tasks: readonly DataviewTask[]): Element {
	return h(
		'ul',
		{ className: ['contains-task-list'] },
		tasks.map((task) =>
			h('li', { className: ['task-list-item'], dataTask: task.status }, [
				h('input', { type: 'checkbox', disabled: true, checked: task.status !== ' ' }),
				text(` ${task.text}`),
				...(task.children.length > 0 ? [taskList(task.children)] : []),
			]),
		),
	);
}

function answerContent(result: QueryResult, href: LinkHref): ElementContent[] {
	switch (result.type) {
		case 'list':
			return [
				h(
					'ul',
					{},
					result.items.map((item) => {
						const id = item.id === undefined ? [] : renderValue(item.id, href);
						const value = item.value === undefined ? [] : renderValue(item.value, href);
						return h('li', {}, id.length > 0 && item.value !== undefined ? [...id, text(': '), ...value] : [...id, ...value]);
					}),
				),
			];
		case 'table': {
			const [first, ...rest] = result.headers;
			const headers = first === undefined ? [] : [h('th', {}, [text(`${first} `), count(result.rows.length)]), ...rest.map((header) => h('th', {}, [text(header)]))];
			return [
				h('table', {}, [
					h('thead', {}, [h('tr', {}, headers)]),
					h('tbody', {}, result.rows.map((row) => h('tr', {}, row.map((cell) => h('td', {}, renderValue(cell, href)))))),
				]),
			];
		}
		case 'task':
			return result.groups.flatMap((group) =>
				group.key === undefined ? [taskList(group.tasks)] : [h('p', { className: [DATAVIEW_GROUP_CLASS] }, [...renderValue(group.key, href), text(' '), count(group.tasks.length)]), taskList(group.tasks)],
			);
	}
}

function isEmpty(result: QueryResult): boolean {
	if (result.type === 'list') return result.items.length === 0;
	if (result.type === 'table') return result.rows.length === 0;
	return result.groups.every((group) => group.tasks.length === 0);
}

export function renderResult(result: QueryResult, href: LinkHref): Element {
	const content = isEmpty(result) ? [h('p', { className: [DATAVIEW_EMPTY_CLASS] }, [text(DATAVIEW_EMPTY_TEXT)])] : answerContent(result, href);
	return h('div', { className: [DATAVIEW_CLASS, `dataview-${result.type}`] }, content);
}

export const DATAVIEW_INLINE_CLASS = 'dataview-inline';
export const DATAVIEW_UNANSWERED_CLASS = 'dataview-unanswered';

/** An inline query's answer (`` `= this.status` ``), in the line where it stands. */
export function renderInlineValue(value: DataviewValue, href: LinkHref): Element {
	return h('span', { className: [DATAVIEW_CLASS, DATAVIEW_INLINE_CLASS] }, renderValue(value, href));
}

/**
 * A query the site does not answer, or code it does not run: its source, folded under the reason,
 * never a broken table. Inline, a `code` span titled with the reason.
 */
export function renderUnanswered(kind: string, reason: string, source: string, inline: boolean): Element {
	if (inline) return h('code', { className: [DATAVIEW_UNANSWERED_CLASS], title: reason }, [text(source)]);
	return h('details', { className: [DATAVIEW_CLASS, DATAVIEW_UNANSWERED_CLASS] }, [
		h('summary', {}, [text(`${kind} query not answered: ${reason}`)]),
		h('pre', {}, [h('code', {}, [text(source)])]),
	]);
}
