import type { Code } from 'mdast';
import type { Position } from 'unist';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'satteri';

/**
 * Where diagrams come from: ```` ```mermaid ```` fences in `.md` and `.mdx` notes, and the
 * `<Diagram>` component in `.mdx` notes, with its code given statically:
 *
 * ```mdx
 * <Diagram code={`flowchart LR
 *   A --> B`} />
 *
 * <Diagram>
 * {`flowchart LR
 *   A --> B`}
 * </Diagram>
 * ```
 *
 * The notes catalogue (for the batch pass, `prepare.ts`) and the Markdown plugin both read diagrams
 * through this module, so they agree on each diagram's code, hence on its cache key.
 */
export const MERMAID_LANGUAGE = 'mermaid';
export const DIAGRAM_COMPONENT = 'Diagram';

export interface DiagramSource {
	/** The mermaid code, with `\n` line ends. */
	code: string;
	/** Where the fence or component starts in the note (1-based). */
	line?: number;
	column?: number;
	/** The note line of the code's first line, to map mermaid's "line 3" onto the note. */
	codeLine?: number;
	origin: 'fence' | 'component';
}

/** A JSX element as Sätteri's mdast has it. */
export type JsxElementNode = MdxJsxFlowElement | MdxJsxTextElement;

export const normalizeCode = (code: string) => code.replace(/\r\n?/g, '\n');

export function isMermaidFence(node: Pick<Code, 'lang'>): boolean {
	return node.lang?.toLowerCase() === MERMAID_LANGUAGE;
}

export function diagramFromFence(node: Code): DiagramSource {
	const start = node.position?.start;
	return {
		code: normalizeCode(node.value),
		line: start?.line,
		column: start?.column,
		codeLine: start ? start.line + 1 : undefined,
		origin: 'fence',
	};
}

const TEMPLATE_ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', v: '\v', 0: '\0' };

/** The value of a JavaScript string or template literal with no `${}`; undefined for anything else. */
export function staticStringValue(expression: string): string | undefined {
	const trimmed = expression.trim();
	const quote = trimmed[0];
	if (!['`', '"', "'"].includes(quote) || trimmed.length < 2 || trimmed.at(-1) !== quote) return undefined;
	const body = trimmed.slice(1, -1);
	let value = '';
	for (let index = 0; index < body.length; index++) {
		const char = body[index];
		if (char === '\\') {
			const next = body[++index];
			if (next === undefined) return undefined;
			if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(body.slice(index + 1, index + 5))) {
				value += String.fromCharCode(Number.parseInt(body.slice(index + 1, index + 5), 16));
				index += 4;
			} else if (next === '\n') {
				// A line continuation.
			} else value += TEMPLATE_ESCAPES[next] ?? next;
		} else if (char === quote) return undefined;
		else if (quote === '`' && char === '$' && body[index + 1] === '{') return undefined;
		else if (quote !== '`' && char === '\n') return undefined;
		else value += char;
	}
	return value;
}

/** The string or template literal that starts right after `lead` in `text`, quotes included. */
function literalAfter(text: string, lead: RegExp): { text: string; index: number } | undefined {
	const match = lead.exec(text);
	if (!match) return undefined;
	const start = match.index + match[0].length;
	const quote = text[start];
	if (!['`', '"', "'"].includes(quote)) return undefined;
	for (let index = start + 1; index < text.length; index++) {
		if (text[index] === '\\') index++;
		else if (text[index] === quote) return { text: text.slice(start, index + 1), index: start };
	}
	return undefined;
}

function sourceSlice(source: string, position: Position | undefined): string | undefined {
	const start = position?.start.offset;
	const end = position?.end.offset;
	return start === undefined || end === undefined ? undefined : source.slice(start, end);
}

/**
 * The code of a `<Diagram>` element: its `code` attribute (a string, or a `{`template`}` without
 * `${}`), or one `{`template`}` child. MDX drops the indentation of expression lines, so the code
 * is read from the note's source by position when it can be. `computed` when an expression computes
 * the code (the component then draws it in the browser); undefined for any other element.
 */
export function diagramFromJsx(node: JsxElementNode, source: string): DiagramSource | 'computed' | undefined {
	if (node.name !== DIAGRAM_COMPONENT) return undefined;
	const start = node.position?.start;
	const located = { line: start?.line, column: start?.column, origin: 'component' as const };
	const attribute = node.attributes.find((each) => each.type === 'mdxJsxAttribute' && each.name === 'code');
	if (attribute) {
		if (typeof attribute.value === 'string') return { ...located, code: normalizeCode(attribute.value), codeLine: start?.line };
		const raw = sourceSlice(source, node.position) ?? '';
		const literal = literalAfter(raw, /\bcode\s*=\s*\{\s*/);
		const expression = literal?.text ?? (attribute.value as { value?: string } | undefined)?.value;
		const code = expression === undefined ? undefined : staticStringValue(expression);
		const codeLine = start && literal ? start.line + raw.slice(0, literal.index).split('\n').length - 1 : start?.line;
		return code === undefined ? 'computed' : { ...located, code: normalizeCode(code), codeLine };
	}
	const content = (node.children as { type: string; value?: string; position?: Position }[]).filter(
		(child) => !(child.type === 'text' && !child.value?.trim()),
	);
	// An empty <Diagram />: mermaid's own "no diagram type" error reports it.
	if (content.length === 0) return { ...located, code: '', codeLine: start?.line };
	if (content.length !== 1 || content[0].type !== 'mdxFlowExpression') return 'computed';
	const raw = sourceSlice(source, content[0].position);
	const expression = raw ? raw.replace(/^\{/, '').replace(/\}$/, '') : content[0].value;
	const code = expression === undefined ? undefined : staticStringValue(expression);
	if (code === undefined) return 'computed';
	const codeLine = content[0].position?.start.line;
	return { ...located, code: normalizeCode(code), codeLine };
}
