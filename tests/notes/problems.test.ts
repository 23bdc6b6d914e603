import { describe, expect, test } from 'vitest';
import { displayPath, formatLocation, formatReport } from '../../src/notes/problems.ts';

describe('the problem report', () => {
	test('locations read file:line:column', () => {
		expect(formatLocation({ file: 'content/vpc.md', line: 22, column: 3 })).toBe('content/vpc.md:22:3');
		expect(formatLocation({ file: 'content/vpc.md' })).toBe('content/vpc.md');
	});

	test('lists every problem sorted by file and line, with counts by kind', () => {
		const report = formatReport([
			{ kind: 'missing-image', file: 'content/b.md', line: 9, column: 3, message: 'image not found: img/b.png' },
			{ kind: 'missing-image', file: 'content/a.md', line: 30, column: 1, message: 'image not found: img/z.png' },
			{ kind: 'missing-image', file: 'content/a.md', line: 4, column: 1, message: 'image not found: img/a.png', hint: 'Add it.' },
			{ kind: 'empty-note', file: 'content/c.md', message: 'the note has no content' },
		]);
		expect(report).toMatchInlineSnapshot(`
			"4 problems in the notes (3 missing images, 1 empty note):
			  content/a.md:4:1  image not found: img/a.png
			    Add it.
			  content/a.md:30:1  image not found: img/z.png
			  content/b.md:9:3  image not found: img/b.png
			  content/c.md  the note has no content"
		`);
	});

	test('says so when there is nothing to report', () => {
		expect(formatReport([])).toBe('No problems found in the notes.');
	});
});

describe('displayPath', () => {
	test('relative inside the project, absolute outside it', () => {
		expect(displayPath('/work/site/content/vpc.md', '/work/site')).toBe('content/vpc.md');
		expect(displayPath('/tmp/notes/vpc.md', '/work/site')).toBe('/tmp/notes/vpc.md');
	});
});
