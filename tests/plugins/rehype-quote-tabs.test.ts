import { describe, expect, test } from 'vitest';
import { TAB_LABEL_CLASS } from '../../src/dom/tabs.ts';
import { readNoteContents } from '../../src/notes/note-tree.ts';
import { prepareNoteSource } from '../../src/notes/prepare-source.ts';
import { parseHtml, select, selectAll, textOf } from '../support/html.ts';
import { renderNote } from '../support/render.ts';

const render = async (source: string) => parseHtml(await renderNote(source), { fragment: true });

describe('rehype-quote-tabs', () => {
	test('MkDocs content tabs, even with no blank line between them, are one tab group', async () => {
		const tree = await render('=== "C"\n    ```c\n    int x;\n    ```\n=== "Rust"\n    One *line*.\n=== "Go"\n    Two.\nAfter.\n');
		const tabs = selectAll('notes-tabs', tree);
		expect(tabs).toHaveLength(1);
		expect(selectAll('.tabs__list > button', tabs[0]).map(textOf)).toEqual(['C', 'Rust', 'Go']);
		const panels = selectAll('.tabs__panel', tabs[0]);
		expect(panels.map((panel) => select(`.${TAB_LABEL_CLASS}`, panel)?.properties.id)).toEqual(['tab-c', 'tab-rust', 'tab-go']);
		expect(select('pre', panels[0])).toBeDefined();
		expect(select('em', panels[1])).toBeDefined();
		expect(textOf(tree)).not.toContain('[!tab');
		expect(textOf(select('notes-tabs + p', tree) ?? tree)).toBe('After.');
	});

	test('===! starts a new group; tabs nest, and inside lists', async () => {
		const tree = await render('=== "A"\n    a\n===! "B"\n    b\n\n- item\n\n    === "X"\n        === "X1"\n            x1\n        === "X2"\n            x2\n');
		expect(selectAll('notes-tabs', tree)).toHaveLength(4);
		expect(select('li notes-tabs .tabs__panel notes-tabs', tree)).toBeDefined();
	});

	test('a tab id takes no heading id', async () => {
		const tree = await render('# Title\n\n## Tab C\n\ntext\n\n=== "C"\n    c\n');
		expect(select('.tabs__label', tree)?.properties.id).toBe('tab-c-1');
	});

	test('the catalogue knows the page has tabs (it offers "Show all sections")', () => {
		expect(readNoteContents(prepareNoteSource('=== "A"\n    a\n'), 'md', { liftTitle: true }).hasTabs).toBe(true);
		expect(readNoteContents('> [!note]\n> a\n', 'md', { liftTitle: true }).hasTabs).toBe(false);
	});
});
