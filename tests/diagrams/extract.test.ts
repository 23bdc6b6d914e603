import { describe, expect, test } from 'vitest';
import { extractDiagrams, staticStringValue } from '../../src/diagrams/extract.ts';

describe('extractDiagrams', () => {
	test('finds ```mermaid fences with the line of the fence and of the code', () => {
		const source = '---\ntitle: T\n---\n# Note\n\n```mermaid\nflowchart LR\n  A --> B\n```\n\n```js\nconst x = 1;\n```\n';
		expect(extractDiagrams(source, 'md')).toEqual([
			{ code: 'flowchart LR\n  A --> B', line: 6, column: 1, codeLine: 7, origin: 'fence' },
		]);
	});

	test('finds fences inside lists, keeps the indentation mermaid sees, and matches the language case-insensitively', () => {
		const source = '- item\n\n  ```Mermaid\n  sequenceDiagram\n    A->>B: hi\n  ```\n';
		expect(extractDiagrams(source, 'md')).toEqual([
			{ code: 'sequenceDiagram\n  A->>B: hi', line: 3, column: 3, codeLine: 4, origin: 'fence' },
		]);
	});

	test('normalises CRLF line ends, so the cache key does not depend on the editor', () => {
		const [diagram] = extractDiagrams('```mermaid\r\nflowchart LR\r\n  A --> B\r\n```\r\n', 'md');
		expect(diagram.code).toBe('flowchart LR\n  A --> B');
	});

	test('reads <Diagram code={`…`}> with its indentation, and a {`…`} child, from the MDX source', () => {
		const source = [
			'import X from "./x.ts";',
			'',
			'<Diagram code={`flowchart LR',
			'  A --> B`} />',
			'',
			'<Diagram>',
			'{`sequenceDiagram',
			'  Alice->>Bob: Hi`}',
			'</Diagram>',
			'',
		].join('\n');
		expect(extractDiagrams(source, 'mdx')).toEqual([
			{ code: 'flowchart LR\n  A --> B', line: 3, column: 1, codeLine: 3, origin: 'component' },
			{ code: 'sequenceDiagram\n  Alice->>Bob: Hi', line: 6, column: 1, codeLine: 7, origin: 'component' },
		]);
	});

	test('a string `code` attribute is taken as written; an empty <Diagram /> has empty code (mermaid reports it)', () => {
		const source = '<Diagram code="pie" />\n\n<Diagram />\n';
		expect(extractDiagrams(source, 'mdx').map((d) => d.code)).toEqual(['pie', '']);
	});

	test('leaves out a <Diagram> whose code is computed (the component draws it in the browser) and other components', () => {
		const source = 'export const graph = "flowchart LR\\n A --> B";\n\n<Diagram code={graph} />\n\n<Diagram code={`flowchart LR\n  ${graph}`} />\n\n<Other code={`pie`} />\n';
		expect(extractDiagrams(source, 'mdx')).toEqual([]);
	});

	test('a `<Diagram>` in a .md note is HTML, not a component', () => {
		expect(extractDiagrams('<Diagram code="pie" />\n', 'md')).toEqual([]);
	});
});

describe('staticStringValue', () => {
	test('cooks the escapes of string and template literals', () => {
		expect(staticStringValue('`a\\nb \\`c\\` \\u0041`')).toBe('a\nb `c` A');
		expect(staticStringValue("'it\\'s'")).toBe("it's");
		expect(staticStringValue('"x"')).toBe('x');
	});

	test('rejects substitutions, unterminated and non-literal expressions', () => {
		expect(staticStringValue('`a ${b}`')).toBeUndefined();
		expect(staticStringValue('`abc')).toBeUndefined();
		expect(staticStringValue('graph')).toBeUndefined();
		expect(staticStringValue('"a" + "b"')).toBeUndefined();
	});
});
