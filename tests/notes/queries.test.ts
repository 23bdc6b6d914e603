import { describe, expect, test } from 'vitest';
import { readNoteContents } from '../../src/notes/note-tree.ts';

const contentsOf = (source: string) => readNoteContents(source, 'md', { liftTitle: true });

describe("a note's queries, found in its parse", () => {
	test('dataview, tasks and dataviewjs fences in any letter case, inline queries, Templater commands; code spans are not queries', () => {
		const source = [
			'# Queries', // 1
			'```dataview', // 2
			'TABLE author FROM #book', // 3
			'```', // 4
			'```Tasks', // 5
			'not done', // 6
			'```', // 7
			'Status: `= this.status`, total `$= dv.pages().length`, code `=x` and `<% in code %>`.', // 8
			'```DataviewJS', // 9
			'dv.paragraph(1)', // 10
			'```', // 11
			'Made <%+ tp.date.now() %>', // 12
		].join('\n');
		expect(contentsOf(source).queries).toEqual([
			{ kind: 'dataview', source: 'TABLE author FROM #book', line: 2 },
			{ kind: 'tasks', source: 'not done', line: 5 },
			{ kind: 'inline', source: 'this.status', line: 8 },
			{ kind: 'inline-js', source: 'dv.pages().length', line: 8 },
			{ kind: 'dataviewjs', source: 'dv.paragraph(1)', line: 9 },
			{ kind: 'templater', source: '<%+ tp.date.now() %>', line: 12 },
		]);
	});
});

describe("a note's tasks", () => {
	test('every status character, nested ones by their column, in quotes and numbered lists; plain items are not tasks', () => {
		const source = ['- [ ] Book the exam 📅 2024-06-01', '  - [x] Pay the fee ✅ 2024-05-02', '- [/] Revise VPC #exam', '- plain item', '> 1. [-] Cancelled', ''].join('\n');
		expect(contentsOf(source).tasks).toEqual([
			{ status: ' ', text: 'Book the exam 📅 2024-06-01', line: 1, column: 1 },
			{ status: 'x', text: 'Pay the fee ✅ 2024-05-02', line: 2, column: 3 },
			{ status: '/', text: 'Revise VPC #exam', line: 3, column: 1 },
			{ status: '-', text: 'Cancelled', line: 5, column: 3 },
		]);
	});
});
