import { describe, expect, test } from 'vitest';
import { evaluateInline, runQuery, type QueryResult } from '../../src/dataview/execute.ts';
import { QueryFailure } from '../../src/dataview/failure.ts';
import { displayValue } from '../../src/dataview/text.ts';
import { date, task, vault } from './index.ts';

/**
 * Golden answers from Dataview's documentation (docs/docs/queries/query-types.md and
 * reference/*.md of blacksmithgu/obsidian-dataview), over the vault its examples describe.
 */

const games = vault([
	{ path: 'Baking/Recipes/Classic Cheesecake.md', fields: { type: 'recipe' } },
	{ path: 'Coding/Git Basics.md', fields: { type: 'knowledge' } },
	{ path: 'Coding/Cheatsheets/How to fix Git Cheatsheet.md', fields: { type: 'summary' } },
	{ path: 'Games/League of Legends.md', tags: ['#games/moba'], fields: { type: 'game', started: date('2021-05-16') }, ctime: '2021-05-13T09:00' },
	{ path: 'Games/Pillars of Eternity 2.md', tags: ['#games/crpg'], fields: { type: 'game', started: date('2022-04-21'), steamid: 560130 }, ctime: '2022-02-02T09:00' },
	{ path: 'Games/finished/Stardew Valley.md', tags: ['#games/simulation'], fields: { type: 'game', started: date('2021-04-04'), finished: date('2021-08-28'), steamid: 413150 }, ctime: '2021-04-04T09:00' },
	{ path: 'Dashboard.md', fields: { type: 'moc' }, links: ['League of Legends', 'Stardew Valley'] },
]);
const dashboard = games.pages[6]!;
const now = date('2022-11-23T12:00');

function answer(source: string, index = games, origin = dashboard): QueryResult {
	const result = runQuery(source, index, origin, { now });
	if (result instanceof QueryFailure) throw new Error(`${result.message} (line ${result.line})`);
	return result;
}

/** Each line of a LIST as Dataview writes it: `id: value`. */
function listLines(source: string): string[] {
	const result = answer(source);
	if (result.type !== 'list') throw new Error(result.type);
	return result.items.map((item) => [item.id, item.value].filter((part) => part !== undefined).map(displayValue).join(': '));
}

function tableCells(source: string): string[][] {
	const result = answer(source);
	if (result.type !== 'table') throw new Error(result.type);
	return [[...result.headers], ...result.rows.map((row) => row.map(displayValue))];
}

describe('LIST', () => {
	test('every page, or those FROM tags', () => {
		expect(listLines('LIST')).toEqual(['Classic Cheesecake', 'Git Basics', 'How to fix Git Cheatsheet', 'League of Legends', 'Pillars of Eternity 2', 'Stardew Valley', 'Dashboard']);
		expect(listLines('LIST\nFROM #games/moba OR #games/crpg')).toEqual(['League of Legends', 'Pillars of Eternity 2']);
	});

	test('with one more value, computed or not', () => {
		expect(listLines('LIST file.folder').slice(3)).toEqual(['League of Legends: Games', 'Pillars of Eternity 2: Games', 'Stardew Valley: Games/finished', 'Dashboard: ']);
		expect(listLines('LIST "File Path: " + file.folder + " _(created: " + file.cday + ")_"\nFROM "Games"')).toEqual([
			'League of Legends: File Path: Games _(created: 9:00 AM - May 13, 2021)_',
			'Pillars of Eternity 2: File Path: Games _(created: 9:00 AM - February 02, 2022)_',
			'Stardew Valley: File Path: Games/finished _(created: 9:00 AM - April 04, 2021)_',
		]);
	});

	test('grouped: the keys, the rows under them, WITHOUT ID', () => {
		expect(listLines('LIST\nGROUP BY type')).toEqual(['game', 'knowledge', 'moc', 'recipe', 'summary']);
		expect(listLines('LIST rows.file.link\nGROUP BY type')[0]).toBe('game: League of Legends, Pillars of Eternity 2, Stardew Valley');
		expect(listLines('LIST WITHOUT ID length(rows) + " pages of type " + key\nGROUP BY type')).toEqual(['3 pages of type game', '1 pages of type knowledge', '1 pages of type moc', '1 pages of type recipe', '1 pages of type summary']);
		expect(listLines('LIST WITHOUT ID type')).toEqual(['recipe', 'knowledge', 'summary', 'game', 'game', 'game', 'moc']);
	});
});

describe('TABLE', () => {
	test('columns, AS headers, computed columns', () => {
		expect(tableCells('TABLE started, file.folder AS Path, file.etags AS "File Tags"\nFROM #games')).toEqual([
			['File', 'started', 'Path', 'File Tags'],
			['League of Legends', 'May 16, 2021', 'Games', '#games/moba'],
			['Pillars of Eternity 2', 'April 21, 2022', 'Games', '#games/crpg'],
			['Stardew Valley', 'April 04, 2021', 'Games/finished', '#games/simulation'],
		]);
		expect(tableCells('TABLE\ndefault(finished, date(today)) - started AS "Played for"\nFROM #games').map((row) => row[1])).toEqual(['Played for', '1 year, 6 months, 1 week', '7 months, 2 days', '4 months, 3 weeks, 3 days']);
	});

	test('WITHOUT ID; null as "-"', () => {
		expect(tableCells('TABLE WITHOUT ID\nsteamid,\nfile.etags AS "File Tags"\nFROM #games')).toEqual([
			['steamid', 'File Tags'],
			['-', '#games/moba'],
			['560130', '#games/crpg'],
			['413150', '#games/simulation'],
		]);
	});

	test('GROUP BY heads the first column "Group"; SORT, LIMIT, FLATTEN', () => {
		expect(tableCells('TABLE length(rows) AS Count\nGROUP BY type\nSORT length(rows) DESC, key\nLIMIT 2')).toEqual([['Group', 'Count'], ['game', '3'], ['knowledge', '1']]);
		expect(tableCells('TABLE tag\nFROM "Games"\nFLATTEN file.tags AS tag\nWHERE startswith(tag, "#games/m") or tag = "#games/crpg"')).toEqual([['File', 'tag'], ['League of Legends', '#games/moba'], ['Pillars of Eternity 2', '#games/crpg']]);
	});
});

describe('FROM', () => {
	test('[[note]] is the notes linking to it, outgoing([[note]]) those it links to, - excludes', () => {
		expect(listLines('LIST FROM [[Stardew Valley]]')).toEqual(['Dashboard']);
		expect(listLines('LIST FROM outgoing([[Dashboard]])')).toEqual(['League of Legends', 'Stardew Valley']);
		expect(listLines('LIST FROM #games and -"Games/finished"')).toEqual(['League of Legends', 'Pillars of Eternity 2']);
		expect(listLines('LIST FROM "Coding" or ([[]] and -#games)')).toEqual(['Git Basics', 'How to fix Git Cheatsheet']);
	});

	test('a note not written yet: the notes naming it are its inlinks, and it links nowhere, as in Dataview', () => {
		expect(runQuery('LIST\nFROM [[Nowhere]]', games, dashboard)).toEqual({ type: 'list', items: [] });
		expect(runQuery('LIST\nFROM outgoing([[Nowhere]])', games, dashboard)).toEqual({ type: 'list', items: [] });
		const yoga = vault([{ path: 'Poses.md', links: ['Yoga MOC'] }, { path: 'Other.md' }]);
		const named = runQuery('LIST FROM [[yoga moc]]', yoga, yoga.pages[1]);
		expect(named).toEqual({ type: 'list', items: [{ id: yoga.pages[0].file.link, value: undefined }] });
	});
});

describe('WHERE and expressions', () => {
	test('comparisons, dates, durations, this', () => {
		expect(listLines('LIST WHERE started > date(2021-05-01) AND started - date(2021-05-01) < dur(6 months)')).toEqual(['League of Legends']);
		expect(listLines('LIST WHERE file.ctime.year = 2021 SORT file.name DESC')).toEqual(['Stardew Valley', 'League of Legends']);
		expect(listLines('LIST WHERE contains(this.file.outlinks, file.link)')).toEqual(['League of Legends', 'Stardew Valley']);
		expect(listLines('LIST WHERE [[Stardew Valley]].steamid = steamid')).toEqual(['Stardew Valley']);
	});

	test('an unknown function is reported as unsupported, even with no rows to run on', () => {
		expect(runQuery('LIST FROM #none\nWHERE frobnicate(x)', games, dashboard)).toEqual(new QueryFailure('Unknown function frobnicate()', { line: 2, column: 7 }, true));
	});

	test('a computation without a meaning is reported where it is', () => {
		expect(runQuery('TABLE started * "a"', games, dashboard)).toMatchObject({ message: 'Cannot compute a date * a string', line: 1, column: 7 });
		expect(runQuery('LIST WHERE regexmatch("(", file.name)', games, dashboard)).toMatchObject({ message: expect.stringMatching(/^regexmatch\(\): "\(" is not a valid regular expression/), column: 12 });
	});
});

describe('TASK', () => {
	const chores = vault([
		{ path: 'daily/2022-07-30.md', tasks: [task('Finish the math assignment', false, [task('Finish Paper 1 [due:: 2022-08-13]', true), task('Read again through chapter 3')])] },
		{
			path: 'daily/2022-09-21.md',
			tasks: [
				task('clean up the house', false, [task('kitchen'), task('living room', true), task('Bedroom [urgent:: true]', false, [], { urgent: true })]),
				task('Buy new shoes #shopping'),
				task('Hand in physics', true),
			],
		},
	]);
	const taskLines = (source: string): string[] => {
		const result = answer(source, chores, chores.pages[0]!);
		if (result.type !== 'task') throw new Error(result.type);
		const lines = (tasks: readonly (typeof result.groups)[number]['tasks'][number][], depth: number): string[] =>
			tasks.flatMap((each) => [`${'  '.repeat(depth)}[${each.status}] ${each.text}`, ...lines(each.children, depth + 1)]);
		return result.groups.flatMap((group) => [...(group.key === undefined ? [] : [`${displayValue(group.key)} (${group.tasks.length})`]), ...lines(group.tasks, group.key === undefined ? 0 : 1)]);
	};

	test('a matching task comes with all its children; a child matching alone comes alone', () => {
		expect(taskLines('TASK\nWHERE !completed AND contains(tags, "#shopping")')).toEqual(['[ ] Buy new shoes #shopping']);
		expect(taskLines('TASK\nWHERE !completed AND file.name = "2022-09-21"')).toEqual([
			'[ ] clean up the house',
			'  [ ] kitchen',
			'  [x] living room',
			'  [ ] Bedroom [urgent:: true]',
			'[ ] Buy new shoes #shopping',
		]);
		expect(taskLines('TASK\nWHERE urgent')).toEqual(['[ ] Bedroom [urgent:: true]']);
	});

	test('grouped by file, counting top tasks', () => {
		expect(taskLines('TASK\nWHERE !completed\nGROUP BY file.link')).toEqual([
			'2022-07-30 (1)',
			'  [ ] Finish the math assignment',
			'    [x] Finish Paper 1 [due:: 2022-08-13]',
			'    [ ] Read again through chapter 3',
			'2022-09-21 (2)',
			'  [ ] clean up the house',
			'    [ ] kitchen',
			'    [x] living room',
			'    [ ] Bedroom [urgent:: true]',
			'  [ ] Buy new shoes #shopping',
		]);
	});
});

describe('inline queries', () => {
	test('= this.field and = [[Note]].field', () => {
		expect(evaluateInline('= this.type', games, dashboard)).toBe('moc');
		expect(evaluateInline('[[Pillars of Eternity 2]].steamid', games, dashboard)).toBe(560130);
		expect(evaluateInline('= this.', games, dashboard)).toEqual(new QueryFailure('Expected a field name after ".", found the end of the query', { line: 1, column: 8 }));
	});
});
