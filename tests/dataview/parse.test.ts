import { describe, expect, test } from 'vitest';
import { QueryError } from '../../src/dataview/failure.ts';
import { parseExpression, parseQuery } from '../../src/dataview/parse.ts';

function failureOf(source: string): { message: string; line: number | undefined; column: number | undefined; unsupported: boolean } {
	try {
		parseQuery(source);
	} catch (error) {
		if (!(error instanceof QueryError)) throw error;
		return { message: error.message, line: error.position?.line, column: error.position?.column, unsupported: error.unsupported };
	}
	throw new Error(`parsed: ${source}`);
}

describe('reading DQL', () => {
	test('the query types and their parts, keywords in any case', () => {
		const query = parseQuery('table without id file.link as "Game", file.etags AS Tags\nfrom #games and -"Games/finished"\nWhere !completed\nsort file.name DESC, started\ngroup by type\nflatten authors AS author\nlimit 5');
		expect(query.header).toMatchObject({ type: 'table', withoutId: true, columns: [{ name: 'Game' }, { name: 'Tags' }] });
		expect(query.source).toEqual({ kind: 'and', left: { kind: 'tag', tag: 'games' }, right: { kind: 'not', source: { kind: 'folder', path: 'Games/finished' } } });
		expect(query.commands.map((command) => command.kind)).toEqual(['where', 'sort', 'group', 'flatten', 'limit']);
		expect(query.commands[1]).toMatchObject({ keys: [{ descending: true, expression: { text: 'file.name' } }, { descending: false }] });
	});

	test('a column without AS is headed by the expression as written; a LIST takes one expression', () => {
		expect(parseQuery('TABLE default(finished, date(today)) - started, file.folder').header).toMatchObject({ columns: [{ name: 'default(finished, date(today)) - started' }, { name: 'file.folder' }] });
		expect(parseQuery('LIST "Path: " + file.folder FROM "Games"').header).toMatchObject({ type: 'list', expression: { kind: 'binary', operator: '+' } });
		expect(parseQuery('LIST FROM #a').header).toEqual({ type: 'list', withoutId: false, expression: undefined });
	});

	test('sources: nested tags, links, outgoing(), parentheses, or binding looser than and', () => {
		expect(parseQuery('LIST FROM #games/mobas OR #games/crpg and ([[Note|shown]] or outgoing([[Dashboard]]))').source).toEqual({
			kind: 'or',
			left: { kind: 'tag', tag: 'games/mobas' },
			right: {
				kind: 'and',
				left: { kind: 'tag', tag: 'games/crpg' },
				right: { kind: 'or', left: { kind: 'linked', target: 'Note', outgoing: false, position: { line: 1, column: 44 } }, right: { kind: 'linked', target: 'Dashboard', outgoing: true, position: { line: 1, column: 71 } } },
			},
		});
	});

	test('operator precedence, field access, lambdas, literals', () => {
		const tree = (source: string) => JSON.stringify(parseExpression(source), (key, value: unknown) => (key === 'position' || key === 'text' ? undefined : value));
		expect(tree('a + b * c = d and !e or f')).toBe(tree('(((a + (b * c)) = d) and (!e)) or f'));
		expect(parseExpression('episode_metadata["previous"]')).toMatchObject({ kind: 'index', index: { value: 'previous' } });
		expect(parseExpression('map(file.tasks, (x) => x.completed)')).toMatchObject({ kind: 'call', name: 'map', args: [{ kind: 'index' }, { kind: 'lambda', parameters: ['x'] }] });
		expect(parseExpression('[[1, 2],[3, 4]]')).toMatchObject({ kind: 'list', items: [{ kind: 'list' }, { kind: 'list' }] });
		expect(parseExpression('[[Science]]')).toMatchObject({ kind: 'link', target: 'Science' });
		expect(parseExpression('date(2021-09-20T20:17)')).toMatchObject({ kind: 'literal', value: { hasTime: true } });
		expect(parseExpression('date(today)')).toMatchObject({ kind: 'named-date', name: 'today' });
		expect(parseExpression('date(file.name)')).toMatchObject({ kind: 'call', name: 'date' });
		expect(parseExpression('dur(1s 2m 3h)')).toMatchObject({ kind: 'literal', value: { units: { hours: 3, minutes: 2, seconds: 1 } } });
		expect(parseExpression('field-with-space')).toMatchObject({ kind: 'variable', name: 'field-with-space' });
		expect(parseExpression('"say \\"hi\\" \\d"')).toMatchObject({ value: 'say "hi" \\d' });
	});

	test('a comment line is skipped', () => {
		expect(parseQuery('LIST\n// only games\nFROM #games').source).toEqual({ kind: 'tag', tag: 'games' });
	});

	test('errors give the line and column within the query', () => {
		expect(failureOf('LIST\nWHERE a +')).toEqual({ message: 'Expected an expression, found the end of the query', line: 2, column: 10, unsupported: false });
		expect(failureOf('LIST\nFROM #a\nWHERE (a > 1')).toMatchObject({ message: "Expected ')', found the end of the query", line: 3 });
		expect(failureOf('TABLE a\nSORTED a')).toEqual({ message: "Expected WHERE, SORT, GROUP BY, FLATTEN or LIMIT, found 'SORTED'", line: 2, column: 1, unsupported: false });
		expect(failureOf('LIST WHERE a = "open')).toMatchObject({ message: 'This string has no closing quote (")', line: 1, column: 16 });
		expect(failureOf('LIST FROM 3')).toMatchObject({ message: "Expected a source: #tag, \"folder\", [[note]] or outgoing([[note]]), found '3'", column: 11 });
		expect(failureOf('LIST\nWHERE a\nFROM #b')).toMatchObject({ message: 'FROM must come right after LIST, TABLE or TASK, and only once', line: 3 });
		expect(failureOf('SELECT a')).toMatchObject({ message: "Expected LIST, TABLE or TASK, found 'SELECT'" });
	});

	test('CALENDAR is valid Dataview this site does not support', () => {
		expect(failureOf('CALENDAR file.ctime')).toEqual({ message: 'CALENDAR queries are not supported: only LIST, TABLE and TASK', line: 1, column: 1, unsupported: true });
	});
});
