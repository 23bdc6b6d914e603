import { QueryError, type SourcePosition } from './failure.ts';

/** What both expression languages (Dataview's DQL, Obsidian's bases) tokenize into. */
export interface CursorToken {
	readonly kind: string;
	/** The token as written. */
	readonly raw: string;
	readonly value: string;
	readonly offset: number;
	readonly position: SourcePosition;
}

/** Expressions know where they start and what they say, for messages. */
export interface Located {
	readonly position: SourcePosition;
	readonly text: string;
}

/**
 * The token-level half of a Pratt parser, shared by the DQL and bases parsers: a cursor over the
 * tokens (the last one of kind `end`), the checks with their messages, and the rules both
 * languages write alike (comma-separated lists, `{ key: value }` objects).
 */
export abstract class TokenCursor<T extends CursorToken, E extends Located> {
	protected readonly tokens: T[];
	protected readonly source: string;
	protected next = 0;
	/** How the end reads in a message: "the end of the query". */
	readonly #end: string;

	constructor(source: string, tokens: T[], end: string) {
		this.source = source;
		this.tokens = tokens;
		this.#end = end;
	}

	protected abstract expression(): E;

	protected get current(): T {
		return this.tokens[this.next]!;
	}

	protected advance(): T {
		const token = this.current;
		if (token.kind !== 'end') this.next++;
		return token;
	}

	protected isSymbol(symbol: string): boolean {
		return this.current.kind === 'symbol' && this.current.raw === symbol;
	}

	protected fail(expected: string): never {
		const found = this.current.kind === 'end' ? this.#end : `'${this.current.raw}'`;
		throw new QueryError(`Expected ${expected}, found ${found}`, this.current.position);
	}

	protected expectSymbol(symbol: string): void {
		if (!this.isSymbol(symbol)) this.fail(`'${symbol}'`);
		this.advance();
	}

	/** The source from `start` to the last token read. */
	protected textFrom(start: T): string {
		const previous = this.tokens[this.next - 1]!;
		return this.source.slice(start.offset, previous.offset + previous.raw.length);
	}

	/** Expressions up to `closing` (which is read), separated by commas. */
	protected commaSeparated(closing: string): E[] {
		const items: E[] = [];
		while (!this.isSymbol(closing)) {
			if (items.length > 0) this.expectSymbol(',');
			items.push(this.expression());
		}
		this.advance();
		return items;
	}

	/** `{ key: value, "other key": value }`, after its `{`. */
	protected objectEntries(): [string, E][] {
		const entries: [string, E][] = [];
		while (!this.isSymbol('}')) {
			if (entries.length > 0) this.expectSymbol(',');
			const key = this.advance();
			if (key.kind !== 'identifier' && key.kind !== 'string') {
				this.next--;
				this.fail('a key');
			}
			this.expectSymbol(':');
			entries.push([key.value, this.expression()]);
		}
		this.advance();
		return entries;
	}
}

/** A token as the scanner makes it: a language's own kinds, symbols, and the end. */
export interface ScannedToken<K extends string> extends CursorToken {
	readonly kind: K | 'symbol' | 'end';
}

/** Where the scan stands in an expression's source, for a language's own tokens. */
export class Scanner<K extends string> {
	readonly source: string;
	readonly tokens: ScannedToken<K>[] = [];
	offset = 0;
	#line: number;
	#lineStart = 0;
	readonly #start: SourcePosition;

	constructor(source: string, start: SourcePosition) {
		this.source = source;
		this.#start = start;
		this.#line = start.line;
	}

	/** Line and column of the offset; columns of the first line count from where the source starts. */
	get position(): SourcePosition {
		return { line: this.#line, column: this.offset - this.#lineStart + (this.#line === this.#start.line ? this.#start.column : 1) };
	}

	/** `pattern` (sticky, `y`) matched at the offset. */
	sticky(pattern: RegExp): RegExpExecArray | null {
		pattern.lastIndex = this.offset;
		return pattern.exec(this.source);
	}

	/** Only spaces and tabs stand before the offset on its line. */
	atLineStart(): boolean {
		return /^[ \t]*$/.test(this.source.slice(this.#lineStart, this.offset));
	}

	push(kind: ScannedToken<K>['kind'], raw: string, value = raw): void {
		this.tokens.push({ kind, raw, value, offset: this.offset, position: this.position });
		this.offset += raw.length;
	}

	newLine(): void {
		this.offset++;
		this.#line++;
		this.#lineStart = this.offset;
	}
}

/**
 * The tokens of an expression's source, ending with an `end` token: `read` takes the language's
 * own token at the offset (false where none of its own stands there), the rest are `symbols`,
 * whitespace separates them.
 */
export function scanTokens<K extends string>(
	source: string,
	symbols: readonly string[],
	read: (scanner: Scanner<K>, char: string) => boolean,
	start: SourcePosition = { line: 1, column: 1 },
): ScannedToken<K>[] {
	const scanner = new Scanner<K>(source, start);
	for (;;) {
		const char = source[scanner.offset];
		if (char === undefined) {
			scanner.push('end', '');
			return scanner.tokens;
		}
		if (char === '\n') scanner.newLine();
		else if (/\s/.test(char)) scanner.offset++;
		else if (!read(scanner, char)) {
			const symbol = symbols.find((candidate) => source.startsWith(candidate, scanner.offset));
			if (symbol === undefined) throw new QueryError(`Unexpected character '${char}'`, scanner.position);
			scanner.push('symbol', symbol);
		}
	}
}

/**
 * A quoted string at `start` (its quote is the character there), to the same quote on the same
 * line: as written, and its text. `escape` gives what a backslash and the character after it
 * stand for, or undefined where the backslash stays.
 */
export function readQuoted(source: string, start: number, position: SourcePosition, escape: (next: string) => string | undefined): [string, string] {
	const quote = source[start]!;
	let value = '';
	for (let offset = start + 1; offset < source.length; offset++) {
		const char = source[offset]!;
		if (char === quote) return [source.slice(start, offset + 1), value];
		if (char === '\n') break;
		const escaped = char === '\\' && offset + 1 < source.length ? escape(source[offset + 1]!) : undefined;
		if (escaped === undefined) value += char;
		else {
			value += escaped;
			offset++;
		}
	}
	throw new QueryError(`This string has no closing quote (${quote})`, position);
}
