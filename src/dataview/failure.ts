/**
 * Why a query has no answer: it does not parse, uses what this site does not support, or fails
 * while it runs. The line and column count from the query's first line (1-based), so the caller
 * adds the line the query starts on in its note.
 */
export class QueryFailure {
	readonly message: string;
	readonly line: number;
	readonly column: number | undefined;
	/** True for valid Dataview this site does not answer (CALENDAR, an unknown function…). */
	readonly unsupported: boolean;

	constructor(message: string, position: SourcePosition | undefined, unsupported = false) {
		this.message = message;
		this.line = position?.line ?? 1;
		this.column = position?.column;
		this.unsupported = unsupported;
	}
}

export interface SourcePosition {
	readonly line: number;
	readonly column: number;
}

/** Thrown inside the engine, caught at its entry points and returned as a QueryFailure. */
export class QueryError extends Error {
	readonly position: SourcePosition | undefined;
	readonly unsupported: boolean;

	constructor(message: string, position: SourcePosition | undefined, unsupported = false) {
		super(message);
		this.position = position;
		this.unsupported = unsupported;
	}

	toFailure(): QueryFailure {
		return new QueryFailure(this.message, this.position, this.unsupported);
	}
}
