import { QueryError, type SourcePosition } from './failure.ts';
import { TokenCursor, type Located } from './token-cursor.ts';
import type { DataviewValue } from './values.ts';

/**
 * The expression language of Obsidian Bases (help.obsidian.md "Bases syntax" and "Functions"),
 * read into a tree: JavaScript-like operators, `note.x` / `file.x` / `formula.x` properties,
 * global functions (`if(…)`, `date(…)`) and methods (`file.hasTag(…)`, `x.contains(…)`). A
 * tokenizer and a Pratt parser; the filters and formulas of a `.base` file are each one expression.
 */

export type BaseBinaryOperator = '||' | '&&' | '==' | '!=' | '<' | '>' | '<=' | '>=' | '+' | '-' | '*' | '/' | '%';

export type BaseExpression = Located & BaseExpressionBody;

type BaseExpressionBody =
	| { readonly kind: 'literal'; readonly value: DataviewValue }
	| { readonly kind: 'regex'; readonly pattern: RegExp }
	| { readonly kind: 'identifier'; readonly name: string }
	| { readonly kind: 'member'; readonly object: BaseExpression; readonly name: string }
	| { readonly kind: 'index'; readonly object: BaseExpression; readonly index: BaseExpression }
	/** A global function: `if(a, b)`, `date("2024-01-01")`. */
	| { readonly kind: 'call'; readonly name: string; readonly args: readonly BaseExpression[] }
	/** A method of a value: `file.hasTag("a")`, `tags.contains("b")`. */
	| { readonly kind: 'method'; readonly object: BaseExpression; readonly name: string; readonly args: readonly BaseExpression[] }
	| { readonly kind: 'unary'; readonly operator: '!' | '-'; readonly operand: BaseExpression }
	| { readonly kind: 'binary'; readonly operator: BaseBinaryOperator; readonly left: BaseExpression; readonly right: BaseExpression }
	| { readonly kind: 'list'; readonly items: readonly BaseExpression[] }
	| { readonly kind: 'object'; readonly entries: readonly (readonly [string, BaseExpression])[] };

type TokenKind = 'number' | 'string' | 'identifier' | 'regex' | 'symbol' | 'end';

interface Token {
	readonly kind: TokenKind;
	readonly raw: string;
	/** A string's content; a regex's flags. */
	readonly value: string;
	readonly offset: number;
	readonly position: SourcePosition;
}

const SYMBOLS = ['==', '!=', '<=', '>=', '&&', '||', '<', '>', '!', '+', '-', '*', '/', '%', '(', ')', '[', ']', '{', '}', ',', '.', ':'];
const IDENTIFIER = /[\p{L}_$][\p{L}\p{N}_$-]*/uy;
const NUMBER = /\d+(?:\.\d+)?/y;
const REGEX = /\/((?:\\.|[^/\\\n])+)\/([dgimsuy]*)/y;

/** A `/` starts a regular expression where a value is expected, not after one (`a / b`). */
function valueExpected(previous: Token | undefined): boolean {
	if (previous === undefined) return true;
	return previous.kind === 'symbol' && previous.raw !== ')' && previous.raw !== ']' && previous.raw !== '}';
}

function tokenize(source: string, start: SourcePosition): Token[] {
	const tokens: Token[] = [];
	let offset = 0;
	let line = start.line;
	let lineStart = 0;
	const sticky = (pattern: RegExp): RegExpExecArray | null => {
		pattern.lastIndex = offset;
		return pattern.exec(source);
	};
	for (;;) {
		const position = { line, column: offset - lineStart + (line === start.line ? start.column : 1) };
		const push = (kind: TokenKind, raw: string, value = raw): void => {
			tokens.push({ kind, raw, value, offset, position });
			offset += raw.length;
		};
		const char = source[offset];
		if (char === undefined) {
			push('end', '');
			return tokens;
		}
		if (char === '\n') {
			offset++;
			line++;
			lineStart = offset;
			continue;
		}
		if (/\s/.test(char)) {
			offset++;
			continue;
		}
		let match: RegExpExecArray | null;
		if (char === '"' || char === "'") push('string', ...readString(source, offset, position));
		else if (char === '/' && valueExpected(tokens.at(-1)) && (match = sticky(REGEX))) push('regex', match[0], match[2]);
		else if ((match = sticky(NUMBER))) push('number', match[0]);
		else if ((match = sticky(IDENTIFIER))) push('identifier', match[0]);
		else {
			const symbol = SYMBOLS.find((candidate) => source.startsWith(candidate, offset));
			if (symbol === undefined) throw new QueryError(`Unexpected character '${char}'`, position);
			push('symbol', symbol);
		}
	}
}

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r' };

/** A string in single or double quotes, with JavaScript's backslash escapes. */
function readString(source: string, start: number, position: SourcePosition): [string, string] {
	const quote = source[start]!;
	let value = '';
	for (let offset = start + 1; offset < source.length; offset++) {
		const char = source[offset]!;
		if (char === quote) return [source.slice(start, offset + 1), value];
		if (char === '\n') break;
		if (char === '\\' && offset + 1 < source.length) {
			const escaped = source[++offset]!;
			value += ESCAPES[escaped] ?? escaped;
		} else value += char;
	}
	throw new QueryError(`This string has no closing quote (${quote})`, position);
}

const BINDING_POWER: Record<string, number> = {
	'||': 1,
	'&&': 2,
	'==': 3,
	'!=': 3,
	'<': 4,
	'>': 4,
	'<=': 4,
	'>=': 4,
	'+': 5,
	'-': 5,
	'*': 6,
	'/': 6,
	'%': 6,
};
const PREFIX_POWER = 7;
const POSTFIX_POWER = 8;

class Parser extends TokenCursor<Token, BaseExpression> {
	constructor(source: string, start: SourcePosition) {
		super(source, tokenize(source, start), 'the end of the expression');
	}

	whole(): BaseExpression {
		const expression = this.expression();
		if (this.current.kind !== 'end') this.fail('an operator or the end of the expression');
		return expression;
	}

	protected expression(minimumPower = 0): BaseExpression {
		const start = this.current;
		let left = this.prefix();
		for (;;) {
			const token = this.current;
			if (token.kind !== 'symbol') return left;
			if ((token.raw === '.' || token.raw === '[' || token.raw === '(') && POSTFIX_POWER > minimumPower) {
				left = this.postfix(left, start);
				continue;
			}
			const power = BINDING_POWER[token.raw];
			if (power === undefined || power <= minimumPower) return left;
			this.advance();
			const right = this.expression(power);
			left = this.node(start, { kind: 'binary', operator: token.raw as BaseBinaryOperator, left, right });
		}
	}

	private node(start: Token, body: BaseExpressionBody): BaseExpression {
		return { ...body, position: start.position, text: this.textFrom(start) };
	}

	private postfix(object: BaseExpression, start: Token): BaseExpression {
		const symbol = this.advance().raw;
		if (symbol === '.') {
			const name = this.current;
			if (name.kind !== 'identifier') this.fail('a property or method name after "."');
			this.advance();
			if (!this.isSymbol('(')) return this.node(start, { kind: 'member', object, name: name.raw });
			this.advance();
			return this.node(start, { kind: 'method', object, name: name.raw, args: this.commaSeparated(')') });
		}
		if (symbol === '[') {
			const index = this.expression();
			this.expectSymbol(']');
			return this.node(start, { kind: 'index', object, index });
		}
		if (object.kind !== 'identifier') throw new QueryError(`Only a function can be called; '${object.text}' is not one`, object.position);
		return this.node(start, { kind: 'call', name: object.name, args: this.commaSeparated(')') });
	}

	private prefix(): BaseExpression {
		const token = this.current;
		if (token.kind === 'end') this.fail('an expression');
		this.advance();
		switch (token.kind) {
			case 'number':
				return this.node(token, { kind: 'literal', value: Number(token.raw) });
			case 'string':
				return this.node(token, { kind: 'literal', value: token.value });
			case 'regex':
				return this.node(token, { kind: 'regex', pattern: regex(token) });
			case 'identifier':
				if (token.raw === 'true' || token.raw === 'false') return this.node(token, { kind: 'literal', value: token.raw === 'true' });
				if (token.raw === 'null') return this.node(token, { kind: 'literal', value: null });
				return this.node(token, { kind: 'identifier', name: token.raw });
		}
		switch (token.raw) {
			case '!':
			case '-':
				return this.node(token, { kind: 'unary', operator: token.raw, operand: this.expression(PREFIX_POWER) });
			case '(': {
				const inner = this.expression();
				this.expectSymbol(')');
				return this.node(token, { ...inner });
			}
			case '[':
				return this.node(token, { kind: 'list', items: this.commaSeparated(']') });
			case '{':
				return this.object(token);
		}
		this.next--;
		return this.fail('an expression');
	}

	private object(start: Token): BaseExpression {
		return this.node(start, { kind: 'object', entries: this.objectEntries() });
	}
}

function regex(token: Token): RegExp {
	const body = token.raw.slice(1, token.raw.length - 1 - token.value.length);
	try {
		return new RegExp(body, token.value);
	} catch (error) {
		throw new QueryError(`${token.raw} is not a valid regular expression: ${(error as Error).message}`, token.position);
	}
}

/**
 * Reads one filter or formula; throws QueryError with the line and column of what could not be
 * read, counted from `start`: where the expression stands in its `.base` file.
 */
export function parseBaseExpression(source: string, start: SourcePosition = { line: 1, column: 1 }): BaseExpression {
	return new Parser(source, start).whole();
}

/** The expressions directly inside one. */
export function subexpressions(expression: BaseExpression): readonly BaseExpression[] {
	switch (expression.kind) {
		case 'member':
			return [expression.object];
		case 'index':
			return [expression.object, expression.index];
		case 'call':
			return expression.args;
		case 'method':
			return [expression.object, ...expression.args];
		case 'unary':
			return [expression.operand];
		case 'binary':
			return [expression.left, expression.right];
		case 'list':
			return expression.items;
		case 'object':
			return expression.entries.map(([, value]) => value);
		default:
			return [];
	}
}
