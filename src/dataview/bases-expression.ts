import { QueryError, type SourcePosition } from './failure.ts';
import { readQuoted, scanTokens, TokenCursor, type Located, type ScannedToken, type Scanner } from './token-cursor.ts';
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

type TokenKind = 'number' | 'string' | 'identifier' | 'regex';

/** `value`: a string's content; a regex's flags. */
type Token = ScannedToken<TokenKind>;

const SYMBOLS = ['==', '!=', '<=', '>=', '&&', '||', '<', '>', '!', '+', '-', '*', '/', '%', '(', ')', '[', ']', '{', '}', ',', '.', ':'];
const IDENTIFIER = /[\p{L}_$][\p{L}\p{N}_$-]*/uy;
const NUMBER = /\d+(?:\.\d+)?/y;
const REGEX = /\/((?:\\.|[^/\\\n])+)\/([dgimsuy]*)/y;

/** A `/` starts a regular expression where a value is expected, not after one (`a / b`). */
function valueExpected(previous: Token | undefined): boolean {
	if (previous === undefined) return true;
	return previous.kind === 'symbol' && previous.raw !== ')' && previous.raw !== ']' && previous.raw !== '}';
}

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r' };

/** The bases' own tokens: strings in either quote with JavaScript's escapes, regular expressions, numbers, names. */
function readToken(scanner: Scanner<TokenKind>, char: string): boolean {
	let match: RegExpExecArray | null;
	if (char === '"' || char === "'") scanner.push('string', ...readQuoted(scanner.source, scanner.offset, scanner.position, (next) => ESCAPES[next] ?? next));
	else if (char === '/' && valueExpected(scanner.tokens.at(-1)) && (match = scanner.sticky(REGEX))) scanner.push('regex', match[0], match[2]);
	else if ((match = scanner.sticky(NUMBER))) scanner.push('number', match[0]);
	else if ((match = scanner.sticky(IDENTIFIER))) scanner.push('identifier', match[0]);
	else return false;
	return true;
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
		super(source, scanTokens(source, SYMBOLS, readToken, start), 'the end of the expression');
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
