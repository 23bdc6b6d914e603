import { describe, expect, test } from 'vitest';
import { DIAGRAM_LIMITS, diagramSizeError, invalidDiagramProblem, noteLineOf, summarizeMermaidError, unknownIconProblem } from '../../src/diagrams/errors.ts';
import { mermaidConfig } from '../../src/diagrams/theme.ts';
import { readNoteContents } from '../../src/notes/note-tree.ts';
import { formatReport } from '../../src/notes/problems.ts';
import type { NoteFormat } from '../../src/plugins/satteri.ts';

const diagramsIn = (source: string, format: NoteFormat) => readNoteContents(source, format, { liftTitle: true }).diagrams;

/** mermaid 12's message for `B -- --> {` on the third line of a flowchart. */
const PARSE_ERROR = [
	'Parse error on line 3:',
	'... LR  A --> B  B -- --> {',
	'---------------------^',
	"Expecting 'STR', 'MD_STR', 'UNICODE_TEXT', 'EDGE_TEXT', got 'LINK'",
].join('\n');

describe('diagram error mapping', () => {
	test('a diagram longer than mermaid draws is an error of its own, and mermaid is given the same limits', () => {
		expect(diagramSizeError('flowchart LR\n  a --> b')).toBeUndefined();
		expect(diagramSizeError('x'.repeat(DIAGRAM_LIMITS.maxTextSize + 1))).toMatch(/50,001 characters long; mermaid draws diagrams of at most 50,000/);
		expect(mermaidConfig('dark')).toMatchObject(DIAGRAM_LIMITS);
	});

	test('summarises mermaid\'s message on one line, without its excerpt and caret', () => {
		expect(summarizeMermaidError(PARSE_ERROR)).toBe(
			"Parse error on line 3: Expecting 'STR', 'MD_STR', 'UNICODE_TEXT', 'EDGE_TEXT', got 'LINK'",
		);
		expect(summarizeMermaidError('')).toBe('mermaid gave no reason');
	});

	test('reports the note file and the line and column of the fence, and the note line mermaid points at', () => {
		const source = '# Note\n\nText.\n\n- list\n\n  ```mermaid\n  flowchart LR\n    A --> B\n    B -- --> {\n  ```\n';
		const [diagram] = diagramsIn(source, 'md');
		const problem = invalidDiagramProblem('content/vpc.md', diagram, { message: PARSE_ERROR, line: 3 });
		expect(problem).toMatchObject({ kind: 'invalid-diagram', file: 'content/vpc.md', line: 7, column: 3 });
		expect(problem.message).toBe(
			"mermaid diagram could not be drawn (at line 10): Parse error on line 3: Expecting 'STR', 'MD_STR', 'UNICODE_TEXT', 'EDGE_TEXT', got 'LINK'",
		);
		expect(formatReport([problem])).toContain('content/vpc.md:7:3  mermaid diagram could not be drawn (at line 10)');
	});

	test('maps a <Diagram> error onto the line of its code in the MDX note', () => {
		const source = 'Intro.\n\n<Diagram>\n{`flowchart LR\n  A --> B\n  B -- --> {`}\n</Diagram>\n';
		const [diagram] = diagramsIn(source, 'mdx');
		expect(noteLineOf(diagram, 3)).toBe(6);
		const problem = invalidDiagramProblem('content/x.mdx', diagram, { message: 'No diagram type detected matching given configuration for text: x' });
		expect(problem).toMatchObject({ file: 'content/x.mdx', line: 3, column: 1 });
		expect(problem.message).toBe('<Diagram> could not be drawn: No diagram type detected matching given configuration for text: x');
	});

	test('an unknown icon is reported at its diagram', () => {
		const [diagram] = diagramsIn('\n```mermaid\narchitecture-beta\n  service a(logos:aws-nope)[A]\n```\n', 'md');
		expect(unknownIconProblem('content/a.md', diagram, 'logos:aws-nope')).toMatchObject({
			kind: 'unknown-icon',
			file: 'content/a.md',
			line: 2,
			message: 'unknown icon "logos:aws-nope": the diagram shows a question mark in its place',
		});
	});
});
