import type { Element, ElementContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { brokenLinkElement, type BrokenLinkProblem } from './link.ts';
import { h, text } from './hast.ts';

/**
 * The properties contract. A note's front matter (a book: its author, year, status) is a compact
 * list at the top of its page, under the title, one term per key:
 *
 * ```html
 * <dl class="properties">
 *   <div class="properties__item">
 *     <dt>author</dt>
 *     <dd><a href="/notes/people/daniel-kahneman/">Daniel Kahneman</a></dd>
 *   </div>
 *   <div class="properties__item">
 *     <dt>genres</dt>
 *     <dd><ul class="properties__values"><li>psychology</li><li>economics</li></ul></dd>
 *   </div>
 *   <div class="properties__item"><dt>finished</dt><dd><time datetime="2024-03-01">2024-03-01</time></dd></div>
 *   <div class="properties__item"><dt>year</dt><dd><data value="2011">2011</data></dd></div>
 *   <div class="properties__item"><dt>owned</dt><dd><input type="checkbox" checked disabled aria-label="owned"></dd></div>
 * </dl>
 * ```
 *
 * A value that is a list shows each item; a link between notes (`[[Note]]`) leads to the note, or
 * is marked broken as in the text (`src/dom/link.ts`); a date is a `<time>`, a number a `<data>`,
 * yes or no a checkbox that cannot be changed, as Obsidian draws them.
 */
export const PROPERTIES_CLASS = 'properties';
export const PROPERTY_CLASS = 'properties__item';
export const PROPERTY_VALUES_CLASS = 'properties__values';

/** One piece of a value, resolved: text, a date, a link to a note, or a link that leads nowhere. */
export type PropertyPart =
	| { kind: 'text'; text: string }
	| { kind: 'date'; text: string }
	| { kind: 'number'; text: string }
	| { kind: 'boolean'; value: boolean }
	| { kind: 'link'; text: string; href: string }
	| { kind: 'broken-link'; text: string; written: string; problem: BrokenLinkProblem };

/** A key and its values (one, or each item of a list), each value in pieces. */
export interface PropertyRow {
	key: string;
	values: PropertyPart[][];
}

function partContent(part: PropertyPart, key: string): ElementContent {
	switch (part.kind) {
		case 'text':
			return text(part.text);
		case 'date':
			return h('time', { dateTime: part.text }, [text(part.text)]);
		case 'number':
			return h('data', { value: part.text }, [text(part.text)]);
		case 'boolean':
			return h('input', { type: 'checkbox', checked: part.value, disabled: true, ariaLabel: key }, []);
		case 'link':
			return h('a', { href: part.href }, [text(part.text)]);
		case 'broken-link':
			return brokenLinkElement([text(part.text)], part.written, part.problem);
	}
}

export function propertiesElement(rows: readonly PropertyRow[]): Element {
	return h(
		'dl',
		{ className: [PROPERTIES_CLASS] },
		rows.map(({ key, values }) => {
			const shown = values.map((value) => value.map((part) => partContent(part, key)));
			const value = shown.length === 1 ? shown[0] : [h('ul', { className: [PROPERTY_VALUES_CLASS] }, shown.map((each) => h('li', {}, each)))];
			return h('div', { className: [PROPERTY_CLASS] }, [h('dt', {}, [text(key)]), h('dd', {}, value)]);
		}),
	);
}

/**
 * A `key:: value` line (Logseq's page and block properties, Dataview's inline fields) is a small
 * line of its own, under its block or at the top of the page, its value the note's Markdown:
 *
 * ```html
 * <span class="property" data-property="site"><span class="property__key">site</span> <a href="…">Allrecipes</a></span>
 * ```
 *
 * Dataview's `[key:: value]` inside text is part of its sentence (`property--inline`), and
 * `(key:: value)` shows its value alone, as Dataview shows it (the key stays in `data-property`):
 *
 * ```html
 * I slept <span class="property property--inline" data-property="sleep"><span class="property__key">sleep</span> 7 hours</span>.
 * Due <span class="property property--inline" data-property="due">2024-03-01</span>.
 * ```
 *
 * The value is rendered where it stands, so its links, tags and wikilinks work as anywhere else.
 */
export const PROPERTY_LINE_CLASS = 'property';
export const PROPERTY_INLINE_CLASS = 'property--inline';
export const PROPERTY_KEY_CLASS = 'property__key';
export const PROPERTY_ATTRIBUTE = 'data-property';

const CLOSING = '</span>';

/** How the field is written: the forms `src/notes/inline-fields.ts` reads. */
export type PropertyForm = 'line' | 'bracket' | 'parenthesis';

/**
 * The HTML that goes before and after a property's value in the note's Markdown (the source
 * preparation writes it, so the parser renders the value between the two as it renders any text).
 */
export function propertyTags(key: string, form: PropertyForm = 'line'): { opening: string; closing: string } {
	const className = form === 'line' ? [PROPERTY_LINE_CLASS] : [PROPERTY_LINE_CLASS, PROPERTY_INLINE_CLASS];
	const keyShown = form === 'parenthesis' ? [] : [h('span', { className: [PROPERTY_KEY_CLASS] }, [text(key)]), text(' ')];
	const html = toHtml(h('span', { className, dataProperty: key }, keyShown));
	return { opening: html.slice(0, -CLOSING.length), closing: CLOSING };
}
