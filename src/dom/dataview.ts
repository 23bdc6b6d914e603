import type { Element, ElementContent } from 'hast';
import { displayDate, formatDate } from '../dataview/dates.ts';
import type { BaseAnswer, BaseCard, BaseResult } from '../dataview/bases.ts';
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
 *
 * <div class="dataview dataview-cards">
 *   <ul class="dataview-cards-list">
 *     <li class="dataview-card"><img src="/notes/img/dune.jpg" alt="" loading="lazy"><p class="dataview-card-title"><a href="/notes/books/dune/">Dune</a></p>
 *       <dl><dt>Author</dt><dd>Frank Herbert</dd></dl></li>
 *   </ul>
 * </div>
 * ```
 *
 * A view of an Obsidian base (`src/dataview/bases.ts`) is drawn the same way: a table or a list as
 * a query's, and a cards view as a `ul` of cards, each its note's link, its cover image if the
 * view names one, and the other properties as a `dl`. A grouped view has a group line before each
 * group, as grouped tasks do.
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

/** Where a card's cover image is, from the value of its image property; undefined draws none. */
export type ImageSource = (image: DataviewValue) => string | undefined;

export const DATAVIEW_CARDS_CLASS = 'dataview-cards-list';
export const DATAVIEW_CARD_CLASS = 'dataview-card';
export const DATAVIEW_CARD_TITLE_CLASS = 'dataview-card-title';

/** By default only an image on the web, given by its address, is drawn. */
const webImage: ImageSource = (image) => (typeof image === 'string' && /^https?:\/\//.test(image) ? image : undefined);

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

function card(each: BaseCard, href: LinkHref, imageSource: ImageSource): Element {
	const source = each.image === undefined ? undefined : imageSource(each.image);
	const fields = each.fields.flatMap((field) => [h('dt', {}, [text(field.label)]), h('dd', {}, renderValue(field.value, href))]);
	return h('li', { className: [DATAVIEW_CARD_CLASS] }, [
		...(source === undefined ? [] : [h('img', { src: source, alt: '', loading: 'lazy' })]),
		h('p', { className: [DATAVIEW_CARD_TITLE_CLASS] }, renderValue(each.link, href)),
		...(fields.length === 0 ? [] : [h('dl', {}, fields)]),
	]);
}

type Answer = QueryResult | BaseAnswer;

function answerContent(result: Answer, href: LinkHref, imageSource: ImageSource): ElementContent[] {
	switch (result.type) {
		case 'cards':
			return [h('ul', { className: [DATAVIEW_CARDS_CLASS] }, result.cards.map((each) => card(each, href, imageSource)))];
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

function size(result: Answer): number {
	if (result.type === 'list') return result.items.length;
	if (result.type === 'table') return result.rows.length;
	if (result.type === 'cards') return result.cards.length;
	return result.groups.reduce((total, group) => total + group.tasks.length, 0);
}

function empty(): Element {
	return h('p', { className: [DATAVIEW_EMPTY_CLASS] }, [text(DATAVIEW_EMPTY_TEXT)]);
}

export function renderResult(result: Answer, href: LinkHref, imageSource: ImageSource = webImage): Element {
	const content = size(result) === 0 ? [empty()] : answerContent(result, href, imageSource);
	return h('div', { className: [DATAVIEW_CLASS, `dataview-${result.type}`] }, content);
}

/** A view of a base: as a query's answer, or group by group under a line naming each. */
export function renderBaseResult(result: BaseResult, href: LinkHref, imageSource: ImageSource = webImage): Element {
	const [first] = result.groups;
	if (result.groups.length === 1 && first!.key === undefined) return renderResult(first!.answer, href, imageSource);
	const content = result.groups.flatMap((group) => [
		h('p', { className: [DATAVIEW_GROUP_CLASS] }, [...renderValue(group.key, href), text(' '), count(size(group.answer))]),
		...answerContent(group.answer, href, imageSource),
	]);
	return h('div', { className: [DATAVIEW_CLASS, `dataview-${result.type}`] }, content.length === 0 ? [empty()] : content);
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

export const DATAVIEW_BASE_CLASS = 'dataview-base';
export const DATAVIEW_VIEW_NAME_CLASS = 'dataview-view-name';

/** One view of a base under its name (`<section>` labelled by it: the page's outline stays the note's). */
export function renderBaseView(name: string, answer: Element): Element {
	return h('section', { className: ['dataview-base-view'] }, [h('p', { className: [DATAVIEW_VIEW_NAME_CLASS] }, [text(name)]), answer]);
}

/** An Obsidian base: its views, one after the other. */
export function renderBase(views: Element[]): Element {
	return h('div', { className: [DATAVIEW_CLASS, DATAVIEW_BASE_CLASS] }, views);
}

/**
 * What holds a block answer where its query stood: one element the cards of a note can find and
 * leave out (an answer belongs to the page; on the review page and the cheat sheet, a link to it).
 */
export const QUERY_ANSWER_TAG = 'notes-query';

export function answerHolder(answer: Element): Element {
	return h(QUERY_ANSWER_TAG, {}, [answer]);
}

/** A card's HTML with each query's answer as a link to the note's page, where the answer is. */
export function withAnswersOnPage(html: string, notePage: string): string {
	if (!html.includes(`<${QUERY_ANSWER_TAG}>`)) return html;
	return html.replace(
		new RegExp(`<${QUERY_ANSWER_TAG}>[\\s\\S]*?</${QUERY_ANSWER_TAG}>`, 'g'),
		`<p class="dataview-elsewhere"><a href="${notePage}">A query's answer: on the note's page</a></p>`,
	);
}
