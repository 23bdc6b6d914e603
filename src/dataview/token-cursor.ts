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
