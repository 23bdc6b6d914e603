import { namedDate, parseDuration, parseIsoDate } from './dates.ts';
import { QueryError, type SourcePosition } from './failure.ts';
import { readQuoted, scanTokens, TokenCursor, type Located, type ScannedToken, type Scanner } from './token-cursor.ts';
import { DataviewDate, type DataviewValue } from './values.ts';

/**
 * The Dataview query language (DQL) read into a tree: a tokenizer, a Pratt parser for expressions
 * and a reader for the query's type and commands. Keywords are read in any letter case, as
 * Dataview reads them. The rules follow Dataview's own grammar (blacksmithgu/obsidian-dataview,
 * `src/expression/parse.ts` and `src/query/parse.ts`).
 */

export type BinaryOperator = '+' | '-' | '*' | '/' | '%' | '=' | '!=' | '<' | '>' | '<=' | '>=' | 'and' | 'or';

/** `text`: the expression as written, a column's default header, a FLATTEN's default name. */
export type Expression = Located & ExpressionBody;

type ExpressionBody =
		| { readonly kind: 'literal'; readonly value: DataviewValue }
		/** `date(today)`: named dates are read when the query runs. */
		| { readonly kind: 'named-date'; readonly name: string }
		| { readonly kind: 'variable'; readonly name: string }
		| { readonly kind: 'link'; readonly target: string; readonly display: string | undefined; readonly embed: boolean }
		| { readonly kind: 'list'; readonly items: readonly Expression[] }
		| { readonly kind: 'object'; readonly entries: readonly (readonly [string, Expression])[] }
		| { readonly kind: 'binary'; readonly operator: BinaryOperator; readonly left: Expression; readonly right: Expression }
		| { readonly kind: 'not'; readonly operand: Expression }
		| { readonly kind: 'negative'; readonly operand: Expression }
		| { readonly kind: 'index'; readonly object: Expression; readonly index: Expression }
		| { readonly kind: 'call'; readonly name: string; readonly args: readonly Expression[] }
		| { readonly kind: 'lambda'; readonly parameters: readonly string[]; readonly body: Expression };

export type Source =
	| { readonly kind: 'tag'; readonly tag: string }
	| { readonly kind: 'folder'; readonly path: string }
	| { readonly kind: 'linked'; readonly target: string; readonly outgoing: boolean; readonly position: SourcePosition }
	| { readonly kind: 'and' | 'or'; readonly left: Source; readonly right: Source }
	| { readonly kind: 'not'; readonly source: Source };

export interface NamedExpression {
	readonly expression: Expression;
	readonly name: string;
}

export type Command =
	| { readonly kind: 'where'; readonly condition: Expression }
	| { readonly kind: 'sort'; readonly keys: readonly { readonly expression: Expression; readonly descending: boolean }[] }
	| { readonly kind: 'group'; readonly by: NamedExpression }
	| { readonly kind: 'flatten'; readonly field: NamedExpression }
	| { readonly kind: 'limit'; readonly count: Expression };

export type QueryHeader =
	| { readonly type: 'list'; readonly withoutId: boolean; readonly expression: Expression | undefined }
	| { readonly type: 'table'; readonly withoutId: boolean; readonly columns: readonly NamedExpression[] }
	| { readonly type: 'task' };

export interface Query {
	readonly header: QueryHeader;
	readonly source: Source | undefined;
	readonly commands: readonly Command[];
}

type TokenKind = 'number' | 'string' | 'identifier' | 'link' | 'tag' | 'date' | 'duration';

/** `value`: its meaning: a string's content, a link's target, a tag without `#`, a date's inside. */
type Token = ScannedToken<TokenKind>;

const SYMBOLS = ['=>', '<=', '>=', '!=', '==', '=', '<', '>', '+', '-', '*', '/', '%', '!', '(', ')', '[', ']', '{', '}', ',', '.', ':', '&', '|'];
const IDENTIFIER = /[\p{L}\p{Emoji_Presentation}_][\p{L}\p{Emoji_Presentation}\p{N}_-]*/uy;
const NUMBER = /\d+(?:\.\d+)?/y;
const TAG = /#[^\s#,()"'[\]{}]+/y;
const LINK = /(!?)\[\[([^\]\n]*)\]\]/y;
const LITERAL_CALL = /(date|dur)\(\s*([^()\n]*?)\s*\)/iy;
const LINE_COMMENT = /[ \t]*\/\/[^\n]*/y;

/** DQL's own tokens: a comment line, strings, links, `date(…)`/`dur(…)` literals, numbers, names, tags. */
function readToken(scanner: Scanner<TokenKind>, char: string): boolean {
	const { source, offset } = scanner;
	let match: RegExpExecArray | null;
	if (scanner.atLineStart() && scanner.sticky(LINE_COMMENT)) scanner.offset = LINE_COMMENT.lastIndex;
	else if (char === '"') scanner.push('string', ...readQuoted(source, offset, scanner.position, (next) => (next === '"' || next === '\\' ? next : undefined)));
	else if ((match = scanner.sticky(LINK))) scanner.push('link', match[0], match[2]);
	else if ((match = scanner.sticky(LITERAL_CALL)) && literalKind(match[1]!, match[2]!)) scanner.push(literalKind(match[1]!, match[2]!)!, match[0], match[2]);
	else if ((match = scanner.sticky(NUMBER))) scanner.push('number', match[0]);
	else if ((match = scanner.sticky(IDENTIFIER))) scanner.push('identifier', match[0]);
	else if ((match = scanner.sticky(TAG))) scanner.push('tag', match[0], match[0].slice(1));
	else return false;
	return true;
}

const tokenize = (source: string): Token[] => scanTokens(source, SYMBOLS, readToken);

/** `date(…)` and `dur(…)` holding a literal (not an expression) are literals: `date(2024-01-31)`. */
function literalKind(name: string, inside: string): 'date' | 'duration' | undefined {
	if (name.toLowerCase() === 'date') return parseIsoDate(inside) || namedDate(inside, new DataviewDate(0, false)) ? 'date' : undefined;
	return parseDuration(inside) ? 'duration' : undefined;
}

const COMMAND_KEYWORDS = new Set(['from', 'where', 'sort', 'group', 'flatten', 'limit']);

const BINDING_POWER: Record<string, number> = {
	or: 1,
	'|': 1,
	and: 2,
	'&': 2,
	'=': 3,
	'==': 3,
	'!=': 3,
	'<': 3,
	'>': 3,
	'<=': 3,
	'>=': 3,
	'+': 4,
	'-': 4,
	'*': 5,
	'/': 5,
	'%': 5,
};
const POSTFIX_POWER = 7;

class Parser extends TokenCursor<Token, Expression> {
	constructor(source: string) {
		super(source, tokenize(source), 'the end of the query');
	}

	private isKeyword(...keywords: string[]): boolean {
		return this.current.kind === 'identifier' && keywords.includes(this.current.raw.toLowerCase());
	}

	private expectKeyword(keyword: string): void {
		if (!this.isKeyword(keyword)) this.fail(keyword.toUpperCase());
		this.advance();
	}

	atEnd(): boolean {
		return this.current.kind === 'end';
	}

	expectEnd(): void {
		if (!this.atEnd()) this.fail('the end of the expression');
	}

	query(): Query {
		const header = this.header();
		let source: Source | undefined;
		if (this.isKeyword('from')) {
			this.advance();
			source = this.source_();
		}
		const commands: Command[] = [];
		while (!this.atEnd()) commands.push(this.command());
		return { header, source, commands };
	}

	private header(): QueryHeader {
		const token = this.current;
		const type = token.kind === 'identifier' ? token.raw.toLowerCase() : '';
		if (type === 'calendar') throw new QueryError('CALENDAR queries are not supported: only LIST, TABLE and TASK', token.position, true);
		if (type !== 'list' && type !== 'table' && type !== 'task') this.fail('LIST, TABLE or TASK');
		this.advance();
		if (type === 'task') return { type };
		const withoutId = this.isKeyword('without');
		if (withoutId) {
			this.advance();
			this.expectKeyword('id');
		}
		if (type === 'list') return { type, withoutId, expression: this.startsCommand() ? undefined : this.expression() };
		const columns: NamedExpression[] = [];
		if (!this.startsCommand()) {
			do {
				if (columns.length > 0) this.advance();
				columns.push(this.named(this.expression()));
			} while (this.isSymbol(','));
		}
		return { type, withoutId, columns };
	}

	private startsCommand(): boolean {
		return this.atEnd() || (this.current.kind === 'identifier' && COMMAND_KEYWORDS.has(this.current.raw.toLowerCase()));
	}

	/** An expression's name: `AS name` or `AS "A name"` if given, else the expression as written. */
	private named(expression: Expression): NamedExpression {
		if (!this.isKeyword('as')) return { expression, name: expression.text };
		this.advance();
		const token = this.advance();
		if (token.kind !== 'identifier' && token.kind !== 'string') {
			this.next--;
			this.fail('a name after AS');
		}
		return { expression, name: token.value };
	}

	private command(): Command {
		const token = this.current;
		const keyword = token.kind === 'identifier' ? token.raw.toLowerCase() : '';
		if (keyword === 'from') throw new QueryError('FROM must come right after LIST, TABLE or TASK, and only once', token.position);
		if (!COMMAND_KEYWORDS.has(keyword)) this.fail('WHERE, SORT, GROUP BY, FLATTEN or LIMIT');
		this.advance();
		switch (keyword) {
			case 'where':
				return { kind: 'where', condition: this.expression() };
			case 'sort': {
				const keys: { expression: Expression; descending: boolean }[] = [];
				do {
					if (keys.length > 0) this.advance();
					const expression = this.expression();
					let descending = false;
					if (this.isKeyword('asc', 'ascending', 'desc', 'descending')) descending = this.advance().raw.toLowerCase().startsWith('desc');
					keys.push({ expression, descending });
				} while (this.isSymbol(','));
				return { kind: 'sort', keys };
			}
			case 'group':
				this.expectKeyword('by');
				return { kind: 'group', by: this.named(this.expression()) };
			case 'flatten':
				return { kind: 'flatten', field: this.named(this.expression()) };
			default:
				return { kind: 'limit', count: this.expression() };
		}
	}

	private source_(): Source {
		let left = this.sourceTerm();
		while (this.isKeyword('or') || this.isSymbol('|')) {
			this.advance();
			left = { kind: 'or', left, right: this.sourceTerm() };
		}
		return left;
	}

	private sourceTerm(): Source {
		let left = this.sourceAtom();
		while (this.isKeyword('and') || this.isSymbol('&')) {
			this.advance();
			left = { kind: 'and', left, right: this.sourceAtom() };
		}
		return left;
	}

	private sourceAtom(): Source {
		const token = this.current;
		if (this.isSymbol('-') || this.isSymbol('!')) {
			this.advance();
			return { kind: 'not', source: this.sourceAtom() };
		}
		if (this.isSymbol('(')) {
			this.advance();
			const inner = this.source_();
			this.expectSymbol(')');
			return inner;
		}
		if (token.kind === 'tag') {
			this.advance();
			return { kind: 'tag', tag: token.value };
		}
		if (token.kind === 'string') {
			this.advance();
			return { kind: 'folder', path: token.value };
		}
		if (token.kind === 'link') {
			this.advance();
			return { kind: 'linked', target: linkTarget(token.value), outgoing: false, position: token.position };
		}
		if (this.isKeyword('outgoing')) {
			this.advance();
			this.expectSymbol('(');
			const link = this.current;
			if (link.kind !== 'link') this.fail('a link such as [[Note]]');
			this.advance();
			this.expectSymbol(')');
			return { kind: 'linked', target: linkTarget(link.value), outgoing: true, position: link.position };
		}
		if (token.kind === 'identifier' && token.raw.toLowerCase() === 'csv') throw new QueryError('csv() sources are not supported', token.position, true);
		return this.fail('a source: #tag, "folder", [[note]] or outgoing([[note]])');
	}

	expression(minimumPower = 0): Expression {
		const start = this.current;
		let left = this.prefix();
		for (;;) {
			const token = this.current;
			const operator = token.kind === 'symbol' || token.kind === 'identifier' ? token.raw.toLowerCase() : '';
			if (token.kind === 'symbol' && (operator === '.' || operator === '[' || operator === '(') && POSTFIX_POWER > minimumPower) {
				left = this.postfix(left, start);
				continue;
			}
			const power = token.kind === 'identifier' && operator !== 'and' && operator !== 'or' ? undefined : BINDING_POWER[operator];
			if (power === undefined || power <= minimumPower) return left;
			this.advance();
			const right = this.expression(power);
			left = this.node(start, { kind: 'binary', operator: binaryOperator(operator), left, right });
		}
	}

	private node(start: Token, expression: ExpressionBody): Expression {
		return { ...expression, position: start.position, text: this.textFrom(start).trim() };
	}

	private postfix(object: Expression, start: Token): Expression {
		const symbol = this.advance().raw;
		if (symbol === '.') {
			const field = this.current;
			if (field.kind !== 'identifier') this.fail('a field name after "."');
			this.advance();
			return this.node(start, { kind: 'index', object, index: { kind: 'literal', value: field.raw, position: field.position, text: field.raw } });
		}
		if (symbol === '[') {
			const index = this.expression();
			this.expectSymbol(']');
			return this.node(start, { kind: 'index', object, index });
		}
		if (object.kind !== 'variable') throw new QueryError(`Only a function can be called; '${object.text}' is not one`, object.position);
		const args = this.commaSeparated(')');
		return this.node(start, { kind: 'call', name: object.name.toLowerCase(), args });
	}

	private prefix(): Expression {
		const token = this.current;
		const called = this.tokens[this.next + 1]?.raw === '(';
		// A command's keyword ends the expression before it, but sort() is also a function.
		if (token.kind === 'end' || (token.kind === 'identifier' && COMMAND_KEYWORDS.has(token.raw.toLowerCase()) && !called)) this.fail('an expression');
		this.advance();
		switch (token.kind) {
			case 'number':
				return this.node(token, { kind: 'literal', value: Number(token.raw) });
			case 'string':
				return this.node(token, { kind: 'literal', value: token.value });
			case 'date': {
				const date = parseIsoDate(token.value);
				return this.node(token, date ? { kind: 'literal', value: date } : { kind: 'named-date', name: token.value });
			}
			case 'duration':
				return this.node(token, { kind: 'literal', value: parseDuration(token.value)! });
			case 'link': {
				const [target, display] = splitDisplay(token.value);
				return this.node(token, { kind: 'link', target, display, embed: token.raw.startsWith('!') });
			}
			case 'identifier': {
				const name = token.raw.toLowerCase();
				if (name === 'true' || name === 'false') return this.node(token, { kind: 'literal', value: name === 'true' });
				if (name === 'null') return this.node(token, { kind: 'literal', value: null });
				return this.node(token, { kind: 'variable', name: token.raw });
			}
			case 'tag':
				throw new QueryError(`A tag (${token.raw}) is a source for FROM; in an expression write it as text: "${token.raw}"`, token.position);
		}
		switch (token.raw) {
			case '!':
				return this.node(token, { kind: 'not', operand: this.expression(POSTFIX_POWER - 1) });
			case '-':
				return this.node(token, { kind: 'negative', operand: this.expression(POSTFIX_POWER - 1) });
			case '[':
				return this.node(token, { kind: 'list', items: this.commaSeparated(']') });
			case '{':
				return this.object(token);
			case '(': {
				const parameters = this.lambdaParameters();
				if (parameters) return this.node(token, { kind: 'lambda', parameters, body: this.expression() });
				const inner = this.expression();
				this.expectSymbol(')');
				return this.node(token, { ...inner });
			}
		}
		this.next--;
		return this.fail('an expression');
	}

	private object(start: Token): Expression {
		return this.node(start, { kind: 'object', entries: this.objectEntries() });
	}

	private lambdaParameters(): string[] | undefined {
		const parameters: string[] = [];
		let offset = this.next;
		for (;;) {
			const token = this.tokens[offset]!;
			if (token.kind === 'symbol' && token.raw === ')' && parameters.length === 0) break;
			if (token.kind !== 'identifier') return undefined;
			parameters.push(token.raw);
			const after = this.tokens[offset + 1]!;
			offset += 2;
			if (after.kind === 'symbol' && after.raw === ')') {
				offset--;
				break;
			}
			if (after.kind !== 'symbol' || after.raw !== ',') return undefined;
		}
		const arrow = this.tokens[offset + 1]!;
		if (arrow.kind !== 'symbol' || arrow.raw !== '=>') return undefined;
		this.next = offset + 2;
		return parameters;
	}
}

function binaryOperator(written: string): BinaryOperator {
	if (written === '&') return 'and';
	if (written === '|') return 'or';
	if (written === '==') return '=';
	return written as BinaryOperator;
}

/** `Note|shown` → [`Note`, `shown`]. */
function splitDisplay(inside: string): [string, string | undefined] {
	const bar = inside.indexOf('|');
	return bar === -1 ? [inside, undefined] : [inside.slice(0, bar), inside.slice(bar + 1)];
}

function linkTarget(inside: string): string {
	return splitDisplay(inside)[0];
}

/** Reads a whole query; throws QueryError with the line and column of what could not be read. */
export function parseQuery(source: string): Query {
	return new Parser(source).query();
}

/** Reads one expression (an inline query `= this.field`). */
export function parseExpression(source: string): Expression {
	const parser = new Parser(source);
	const expression = parser.expression();
	parser.expectEnd();
	return expression;
}
