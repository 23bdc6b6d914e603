import type { NoteProblem } from '../notes/problems.ts';
import type { DiagramSource } from './extract.ts';

/**
 * mermaid's message on one line, without the source excerpt and caret it draws under parse errors:
 * "Parse error on line 3: Expecting 'STR', got 'LINK'".
 */
export function summarizeMermaidError(message: string): string {
	const lines = message
		.split('\n')
		.map((line) => line.trim())
		.filter((line) => line && !line.startsWith('...') && !/^-*\^$/.test(line));
	return lines.join(' ').replace(/\s+/g, ' ') || 'mermaid gave no reason';
}

/**
 * How much mermaid draws: a diagram longer than this, or with more edges, is reported like any
 * invalid diagram. Mermaid's own defaults, which no study note comes near; mermaid itself would
 * draw "Maximum text size in diagram exceeded" in the diagram's place, and report nothing.
 */
export const DIAGRAM_LIMITS = { maxTextSize: 50_000, maxEdges: 500 } as const;

/** Why mermaid would not draw a diagram this long, or `undefined`. */
export function diagramSizeError(code: string): string | undefined {
	if (code.length <= DIAGRAM_LIMITS.maxTextSize) return undefined;
	return `the diagram is ${code.length.toLocaleString('en')} characters long; mermaid draws diagrams of at most ${DIAGRAM_LIMITS.maxTextSize.toLocaleString('en')} (split it into smaller diagrams)`;
}

/** The note line mermaid's "line N" of the diagram's code falls on. */
export function noteLineOf(diagram: Pick<DiagramSource, 'codeLine'>, diagramLine: number | undefined): number | undefined {
	if (diagram.codeLine === undefined || diagramLine === undefined) return undefined;
	return diagram.codeLine + diagramLine - 1;
}

const SYNTAX_HINT = 'Check it against mermaid\'s syntax (https://mermaid.js.org/intro/syntax-reference.html); the page shows the error and the source.';

/** A diagram mermaid rejected, located at its fence (or `<Diagram>`) in the note. */
export function invalidDiagramProblem(
	file: string,
	diagram: DiagramSource,
	error: { message: string; line?: number },
): NoteProblem {
	const at = noteLineOf(diagram, error.line);
	const where = at !== undefined && at !== diagram.line ? ` (at line ${at})` : '';
	const what = diagram.origin === 'fence' ? 'mermaid diagram' : '<Diagram>';
	return {
		kind: 'invalid-diagram',
		file,
		line: diagram.line,
		column: diagram.column,
		message: `${what} could not be drawn${where}: ${summarizeMermaidError(error.message)}`,
		hint: SYNTAX_HINT,
	};
}

export function unknownIconProblem(file: string, diagram: DiagramSource, icon: string): NoteProblem {
	return {
		kind: 'unknown-icon',
		file,
		line: diagram.line,
		column: diagram.column,
		message: `unknown icon "${icon}": the diagram shows a question mark in its place`,
		hint: 'Use mermaid\'s built-in icons (cloud, database, disk, internet, server) or the logos pack: logos:aws-s3, logos:aws-ec2… (https://icon-sets.iconify.design/logos/).',
	};
}
