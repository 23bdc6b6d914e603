import { describe, expect, test } from 'vitest';
import { CALLOUT_KINDS, calloutKind, calloutTypeTitle } from '../../src/dom/callout.ts';
import { parseHtml, select, selectAll, textOf as toString } from '../support/html.ts';
import { renderNote } from '../support/render.ts';

const render = async (source: string) => parseHtml(await renderNote(source), { fragment: true });

describe('rehype-callouts', () => {
	test('a GitHub alert is a callout, titled by its type, with an icon', async () => {
		const tree = await render('> [!NOTE]\n> Flow logs are **not** real time.\n');
		const callout = select('div.callout[data-callout="note"][role="note"]', tree)!;
		expect(toString(select('.callout__title', callout)!)).toBe('Note');
		expect(select('.callout__title > svg.callout__icon[aria-hidden="true"] > path', callout)).toBeDefined();
		expect(toString(select('p:not(.callout__title)', callout)!)).toBe('Flow logs are not real time.');
	});

	test.each([
		['note', 'note'], ['summary', 'abstract'], ['tldr', 'abstract'], ['info', 'info'], ['todo', 'todo'], ['hint', 'tip'],
		['important', 'tip'], ['check', 'success'], ['done', 'success'], ['help', 'question'], ['faq', 'question'],
		['caution', 'warning'], ['attention', 'warning'], ['fail', 'failure'], ['missing', 'failure'], ['error', 'danger'],
		['bug', 'bug'], ['example', 'example'], ['cite', 'quote'],
	])('[!%s] is a %s callout, in any case', async (type, kind) => {
		const tree = await render(`> [!${type.toUpperCase()}]\n> text\n`);
		expect(select(`.callout[data-callout="${kind}"]`, tree)).toBeDefined();
		expect(toString(select('.callout__title', tree)!)).toBe(calloutTypeTitle(type));
	});

	test('every kind has its icon and its colour', () => {
		expect(CALLOUT_KINDS).toHaveLength(13);
		expect(calloutKind('Key-Idea')).toBe('note');
		expect(calloutTypeTitle('key-idea')).toBe('Key idea');
	});

	test('a custom title keeps its formatting and is not repeated in the body', async () => {
		const tree = await render('> [!Important] Important\n> Body.\n\n> [!tip] Use *this* `flag`\n> Body.\n');
		const [first, second] = selectAll('.callout', tree);
		expect(toString(select('.callout__title', first)!)).toBe('Important');
		expect(toString(first)).not.toMatch(/Important.*Important/s);
		expect(select('.callout__title em', second)).toBeDefined();
		expect(select('.callout__title code', second)).toBeDefined();
	});

	test('- is folded and + open, as native details; the title is the summary', async () => {
		const tree = await render('> [!note]- Folded\n> Hidden.\n\n> [!note]+ Open\n> Shown.\n');
		const [folded, open] = selectAll('details.callout', tree);
		expect(folded.properties.open).toBeUndefined();
		expect(open.properties.open).toBe(true);
		expect(toString(select('summary.callout__title', folded)!)).toBe('Folded');
		expect(toString(folded)).toContain('Hidden.');
	});

	test('MkDocs admonitions: "" is no title, ??? folded, ???+ open, the body Markdown', async () => {
		const tree = await render('!!! tip ""\n    No title.\n\n??? info "More"\n    - a list\n\n???+ warning\n    Open.\n');
		const [untitled, folded, open] = selectAll('.callout', tree);
		expect(select('.callout__title', untitled)).toBeUndefined();
		expect(folded.tagName).toBe('details');
		expect(select('li', folded)).toBeDefined();
		expect(select('pre', folded)).toBeUndefined();
		expect(open.properties.open).toBe(true);
	});

	test('callouts nest', async () => {
		const tree = await render('> [!quote]\n> > [!bug]\n> > Inner.\n');
		expect(select('.callout[data-callout="quote"] > .callout[data-callout="bug"]', tree)).toBeDefined();
	});

	test('ordinary quotes stay quotes; a marker alone leaves no empty paragraph', async () => {
		expect(select('blockquote', await render('> just a quote\n'))).toBeDefined();
		const tree = await render('> [!TIP]\n>\n> Second paragraph.\n');
		// `:blank`: no element and no text but white space.
		expect(selectAll('p:blank', tree)).toEqual([]);
		expect(selectAll('p', tree).map((paragraph) => [paragraph.properties, paragraph.children])).toContainEqual([{}, [{ type: 'text', value: 'Second paragraph.' }]]);
	});
});
