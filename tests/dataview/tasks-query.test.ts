import { describe, expect, test } from 'vitest';
import type { QueryResult } from '../../src/dataview/execute.ts';
import { QueryFailure } from '../../src/dataview/failure.ts';
import { runTasksQuery } from '../../src/dataview/tasks-query.ts';
import { displayValue } from '../../src/dataview/text.ts';
import { DataviewLink, type DataviewIndex, type DataviewObject, type DataviewTask } from '../../src/dataview/values.ts';
import { date, task, vault } from './index.ts';

/**
 * Golden answers from the Tasks plugin's documentation (docs/Queries/Filters.md, Sorting.md,
 * Grouping.md, Limiting.md and Combining Filters.md of obsidian-tasks-group/obsidian-tasks).
 * Filters.md's appendix states each date filter's days for a query run on Friday 2023-02-10.
 */

const friday = date('2023-02-10T09:30');

/** A task line with its status symbol, its tags (`#foo-bar` included) and the dates its 📅 ⏳ ✅ 🛫 ➕ signs give. */
function line(text: string, status = ' ', dates: DataviewObject = {}, children: DataviewTask[] = []): DataviewTask {
	return { ...task(text, status === 'x', children, dates), status, tags: text.match(/#[\w/-]+/g) ?? [] };
}

const dueDays = ['2023-01-29', '2023-01-30', '2023-02-03', '2023-02-05', '2023-02-06', '2023-02-07', '2023-02-09', '2023-02-10', '2023-02-11', '2023-02-12', '2023-02-13', '2023-02-17', '2023-02-19', '2023-02-20'];
const calendar = vault([
	{ path: 'Work/Calendar.md', tasks: [...dueDays.map((day) => line(`Due ${day}`, ' ', { due: date(day) })), line('No due date')] },
	{ path: 'Dashboard.md' },
]);

function answer(source: string, index: DataviewIndex = calendar, now = friday): QueryResult & { type: 'task' } {
	const result = runTasksQuery(source, index, index.pages.at(-1)!, { now });
	if (result instanceof QueryFailure) throw new Error(`${result.message} (line ${result.line})`);
	if (result.type !== 'task') throw new Error(result.type);
	return result;
}

/** The texts of the tasks answered, in order. */
function texts(source: string, index?: DataviewIndex): string[] {
	return answer(source, index).groups.flatMap((group) => group.tasks.map((each) => each.text));
}

/** The days of the `Due …` tasks answered. */
function days(source: string): string[] {
	return texts(source).map((text) => text.replace('Due ', ''));
}

function failure(source: string, index: DataviewIndex = calendar): QueryFailure {
	const result = runTasksQuery(source, index, index.pages.at(-1)!, { now: friday });
	if (!(result instanceof QueryFailure)) throw new Error('the query was answered');
	return result;
}

const between = (first: string, last: string) => dueDays.filter((day) => day >= first && day <= last);

describe('dates (Filters.md, "Appendix: Tasks 2.0.0 improvements to date filters")', () => {
	test('an absolute date', () => {
		expect(days('due before 2023-02-09')).toEqual(between('0000', '2023-02-08'));
		expect(days('due on 2023-02-09')).toEqual(['2023-02-09']);
		expect(days('due in 2023-02-09')).toEqual(['2023-02-09']);
		expect(days('due 2023-02-09')).toEqual(['2023-02-09']);
		expect(days('due after 2023-02-09')).toEqual(between('2023-02-10', '9999'));
	});

	test('an absolute range: `after` takes its end', () => {
		expect(days('due before 2023-02-07 2023-02-11')).toEqual(between('0000', '2023-02-06'));
		expect(days('due on 2023-02-07 2023-02-11')).toEqual(between('2023-02-07', '2023-02-11'));
		expect(days('due 2023-02-07 2023-02-11')).toEqual(between('2023-02-07', '2023-02-11'));
		expect(days('due after 2023-02-07 2023-02-11')).toEqual(between('2023-02-12', '9999'));
	});

	test('last, this and next week are Monday to Sunday', () => {
		expect(days('due before last week')).toEqual(between('0000', '2023-01-29'));
		expect(days('due in last week')).toEqual(between('2023-01-30', '2023-02-05'));
		expect(days('due after last week')).toEqual(between('2023-02-06', '9999'));
		expect(days('due before this week')).toEqual(between('0000', '2023-02-05'));
		expect(days('due this week')).toEqual(between('2023-02-06', '2023-02-12'));
		expect(days('due after this week')).toEqual(between('2023-02-13', '9999'));
		expect(days('due before next week')).toEqual(between('0000', '2023-02-12'));
		expect(days('due on next week')).toEqual(between('2023-02-13', '2023-02-19'));
		expect(days('due after next week')).toEqual(between('2023-02-20', '9999'));
	});

	test('on or before, in or after; numbered ranges', () => {
		expect(days('due on or before today')).toEqual(between('0000', '2023-02-10'));
		expect(days('due in or after this week')).toEqual(between('2023-02-06', '9999'));
		expect(days('due in or before 2023-W05')).toEqual(between('0000', '2023-02-05'));
		expect(days('due 2023-W06')).toEqual(between('2023-02-06', '2023-02-12'));
		expect(days('due before 2023-02')).toEqual(between('0000', '2023-01-31'));
		expect(days('due 2023-Q1')).toEqual(dueDays);
		expect(days('due after 2022')).toEqual(dueDays);
	});

	test('relative dates', () => {
		expect(days('due today')).toEqual(['2023-02-10']);
		expect(days('due tomorrow')).toEqual(['2023-02-11']);
		expect(days('due yesterday')).toEqual(['2023-02-09']);
		expect(days('due in 3 days')).toEqual(['2023-02-13']);
		expect(days('due 7 days ago')).toEqual(['2023-02-03']);
		expect(days('due before in 1 week')).toEqual(between('0000', '2023-02-16'));
	});

	test('has and no due date', () => {
		expect(texts('no due date')).toEqual(['No due date']);
		expect(texts('has due date')).toHaveLength(dueDays.length);
	});
});

const chores = vault([
	{
		path: 'Home/Chores.md',
		tasks: [
			line('Take out the trash #home 🔁 every week', ' ', { due: date('2023-02-13') }),
			line('Fix the sink ⏫ #home/kitchen', '/', { start: date('2023-02-01') }),
			line('Paint the fence 🔽', ' ', { start: date('2023-03-01') }),
			line('Water the plants #location/home', 'x', { completion: date('2023-02-08') }, [line('Buy a watering can 🔺 #todo', ' ', { scheduled: date('2023-02-09') })]),
			line('Call the plumber #foo-bar', '-'),
		],
	},
	{
		path: 'Work/Projects/Report.md',
		tasks: [line('Do stuff  ⏫  #tag1 ✅ 2022-08-12 #tag2/sub-tag ^block-1', 'x', { completion: date('2022-08-12') }), line('Draft the report #foo/bar 🔼', ' ', { due: date('2023-02-10'), created: date('2023-01-15') })],
	},
	{ path: 'Dashboard.md' },
]);

describe('statuses (Status Types.md)', () => {
	test('`done` is DONE and CANCELLED; `not done` is TODO and IN_PROGRESS', () => {
		expect(texts('done', chores).sort()).toEqual(['Call the plumber #foo-bar', 'Do stuff  ⏫  #tag1 ✅ 2022-08-12 #tag2/sub-tag ^block-1', 'Water the plants #location/home']);
		expect(texts('not done', chores)).toHaveLength(5);
		expect(texts('status.type is IN_PROGRESS', chores)).toEqual(['Fix the sink ⏫ #home/kitchen']);
		expect(texts('status.type is not TODO\nstatus.type is not done', chores)).toEqual(['Fix the sink ⏫ #home/kitchen', 'Call the plumber #foo-bar']);
	});

	test('each task line is its own result, subtasks too, none nested', () => {
		const answered = answer('description includes water', chores).groups[0]!.tasks;
		expect(answered.map((each) => each.text)).toEqual(['Buy a watering can 🔺 #todo', 'Water the plants #location/home']);
		expect(answered.every((each) => each.children.length === 0)).toBe(true);
		expect(texts('description includes water\nexclude sub-items', chores)).toEqual(['Water the plants #location/home']);
	});
});

describe('the default sort: status type, urgency, due, priority, path (Sorting.md)', () => {
	test('in progress first, then to do and done by urgency, then cancelled', () => {
		expect(texts('', chores)).toEqual([
			'Fix the sink ⏫ #home/kitchen',
			'Buy a watering can 🔺 #todo',
			'Draft the report #foo/bar 🔼',
			'Take out the trash #home 🔁 every week',
			'Paint the fence 🔽',
			'Do stuff  ⏫  #tag1 ✅ 2022-08-12 #tag2/sub-tag ^block-1',
			'Water the plants #location/home',
			'Call the plumber #foo-bar',
		]);
	});

	test('sort by urgency, from the scores of Urgency.md', () => {
		const scored = vault([
			{
				path: 'Urgency.md',
				tasks: [
					line('Lowest ⏬'),
					line('Starts tomorrow', ' ', { start: date('2023-02-11') }),
					line('Low 🔽'),
					line('Scheduled yesterday', ' ', { scheduled: date('2023-02-09') }),
					line('Due in 8 days', ' ', { due: date('2023-02-18') }),
					line('Highest 🔺'),
					line('Due today', ' ', { due: date('2023-02-10') }),
				],
			},
		]);
		// 8.8 + 1.95, 9, 5.14 + 1.95, 5 + 1.95, 0, -3 + 1.95, -1.8
		expect(texts('sort by urgency', scored)).toEqual(['Due today', 'Highest 🔺', 'Due in 8 days', 'Scheduled yesterday', 'Low 🔽', 'Starts tomorrow', 'Lowest ⏬']);
		expect(texts('priority is lowest', scored)).toEqual(['Lowest ⏬']);
	});

	test('sort by a date puts tasks without it last; reverse', () => {
		expect(days('sort by due').slice(0, 2)).toEqual(['2023-01-29', '2023-01-30']);
		expect(texts('sort by due').at(-1)).toBe('No due date');
		expect(texts('sort by due reverse')[0]).toBe('No due date');
		expect(texts('not done\nsort by start', chores).slice(0, 2)).toEqual(['Fix the sink ⏫ #home/kitchen', 'Paint the fence 🔽']);
	});

	test('sort by priority: low is below none; sort by description, path, tag', () => {
		expect(texts('not done\nsort by priority', chores)).toEqual(['Buy a watering can 🔺 #todo', 'Fix the sink ⏫ #home/kitchen', 'Draft the report #foo/bar 🔼', 'Take out the trash #home 🔁 every week', 'Paint the fence 🔽']);
		expect(texts('not done\nsort by description', chores)[0]).toBe('Buy a watering can 🔺 #todo');
		expect(texts('sort by path reverse\nsort by description', chores)[0]).toBe('Do stuff  ⏫  #tag1 ✅ 2022-08-12 #tag2/sub-tag ^block-1');
		expect(texts('has tags\nsort by tag', chores).slice(0, 2)).toEqual(['Call the plumber #foo-bar', 'Draft the report #foo/bar 🔼']);
	});
});

describe('other filters (Filters.md)', () => {
	test('priority is, above, below, not', () => {
		expect(texts('priority is high', chores).sort()).toEqual(['Do stuff  ⏫  #tag1 ✅ 2022-08-12 #tag2/sub-tag ^block-1', 'Fix the sink ⏫ #home/kitchen']);
		expect(texts('not done\npriority is above none', chores)).toEqual(['Fix the sink ⏫ #home/kitchen', 'Buy a watering can 🔺 #todo', 'Draft the report #foo/bar 🔼']);
		expect(texts('priority is below none', chores)).toEqual(['Paint the fence 🔽']);
		expect(texts('not done\npriority is not none', chores)).toHaveLength(4);
		expect(texts('priority none', chores)).toEqual(['Take out the trash #home 🔁 every week', 'Water the plants #location/home', 'Call the plumber #foo-bar']);
	});

	test('tags: "#home" is not "#location/home"; "foo" matches "#foo/bar" and "#foo-bar"', () => {
		expect(texts('tags include #home', chores)).toEqual(['Fix the sink ⏫ #home/kitchen', 'Take out the trash #home 🔁 every week']);
		expect(texts('tag includes home', chores)).toHaveLength(3);
		expect(texts('tags include foo', chores).sort()).toEqual(['Call the plumber #foo-bar', 'Draft the report #foo/bar 🔼']);
		expect(texts('tags do not include #home\nno tags', chores)).toEqual(['Paint the fence 🔽']);
		expect(texts('tag regex matches /#home$/', chores)).toEqual(['Take out the trash #home 🔁 every week']);
	});

	test('description leaves out the signs and their values', () => {
		expect(texts('description includes stuff #tag1 #tag2/sub-tag', chores)).toHaveLength(1);
		expect(texts('description includes 2022-08-12', chores)).toEqual([]);
		expect(texts('description does not include the\ndescription regex matches /^[A-Z]\\w+ stuff/', chores)).toHaveLength(1);
	});

	test('path, filename, folder and root', () => {
		expect(texts('path includes work/projects', chores)).toHaveLength(2);
		expect(texts('path does not include Work\nfilename includes chores.md\nfolder includes Home/\nroot includes home', chores)).toHaveLength(6);
		expect(texts('path includes {{query.file.folder}}', chores)).toHaveLength(8);
		expect(texts('filename includes {{query.file.filenameWithoutExtension}}', chores)).toEqual([]);
	});

	test('recurrence, and done, scheduled, starts, created and happens dates', () => {
		expect(texts('is recurring', chores)).toEqual(['Take out the trash #home 🔁 every week']);
		expect(texts('is not recurring', chores)).toHaveLength(7);
		expect(texts('done after 2023-01-01', chores)).toEqual(['Water the plants #location/home']);
		expect(texts('scheduled before tomorrow', chores)).toEqual(['Buy a watering can 🔺 #todo']);
		expect(texts('created in last month', chores)).toEqual(['Draft the report #foo/bar 🔼']);
		expect(texts('has start date', chores)).toHaveLength(2);
	});

	test('a task without a start date passes every `starts` filter', () => {
		expect(texts('starts before tomorrow', chores)).toHaveLength(7);
		expect(texts('(starts before tomorrow) AND (has start date)', chores)).toEqual(['Fix the sink ⏫ #home/kitchen']);
	});

	test('happens: any of start, scheduled and due', () => {
		expect(texts('happens before tomorrow', chores)).toEqual(['Fix the sink ⏫ #home/kitchen', 'Buy a watering can 🔺 #todo', 'Draft the report #foo/bar 🔼']);
		expect(texts('no happens date', chores)).toHaveLength(3);
	});
});

describe('Boolean combinations (Combining Filters.md)', () => {
	test('AND, OR, NOT, XOR, in any delimiters', () => {
		expect(texts('(no due date) OR (due after 2023-02-19)')).toEqual(['Due 2023-02-20', 'No due date']);
		expect(texts('due after 2023-02-01\n(path includes Work) AND NOT (due before 2023-02-17)')).toEqual(['Due 2023-02-17', 'Due 2023-02-19', 'Due 2023-02-20']);
		expect(texts('NOT (done) AND (tags include #home)', chores)).toEqual(['Fix the sink ⏫ #home/kitchen', 'Take out the trash #home 🔁 every week']);
		expect(texts('[is recurring] XOR [tag includes home]', chores)).toEqual(texts('"is recurring" XOR "tag includes home"', chores));
		expect(texts('{is recurring} XOR {tag includes home}', chores)).toEqual(['Fix the sink ⏫ #home/kitchen', 'Water the plants #location/home']);
	});

	test('NOT, then XOR, then AND, then OR', () => {
		const tagged = vault([{ path: 'Tags.md', tasks: [line('#XX'), line('#YY'), line('#YY #ZZ'), line('#ZZ')] }]);
		const implicit = texts('(tag includes #XX) OR (tag includes #YY) AND (tag includes #ZZ)', tagged);
		expect(implicit).toEqual(texts('(tag includes #XX) OR ((tag includes #YY) AND (tag includes #ZZ))', tagged));
		expect(implicit.sort()).toEqual(['#XX', '#YY #ZZ']);
	});
});

describe('grouping and limits (Grouping.md, Limiting.md)', () => {
	function groups(source: string, index = chores): [string, string[]][] {
		return answer(source, index).groups.map((group) => [displayValue(group.key), group.tasks.map((each) => each.text)]);
	}

	test('group by due: "YYYY-MM-DD dddd", then "No due date"', () => {
		expect(groups('not done\ngroup by due').map(([key, tasks]) => [key, tasks.length])).toEqual([
			['2023-02-10 Friday', 1],
			['2023-02-13 Monday', 1],
			['No due date', 3],
		]);
	});

	test('group by status, folder, path, filename, tags: a task under each of its tags', () => {
		expect(groups('group by status').map(([key, tasks]) => [key, tasks.length])).toEqual([
			['Done', 3],
			['Todo', 5],
		]);
		expect(groups('group by folder').map(([key]) => key)).toEqual(['Home/', 'Work/Projects/']);
		expect(groups('group by path').map(([key]) => key)).toEqual(['Home/Chores', 'Work/Projects/Report']);
		expect(groups('group by filename').map(([key]) => key)).toEqual(['Chores', 'Report']);
		expect(groups('description includes the\ngroup by tags')).toEqual([
			['(No tags)', ['Paint the fence 🔽']],
			['#foo-bar', ['Call the plumber #foo-bar']],
			['#foo/bar', ['Draft the report #foo/bar 🔼']],
			['#home', ['Take out the trash #home 🔁 every week']],
			['#home/kitchen', ['Fix the sink ⏫ #home/kitchen']],
			['#location/home', ['Water the plants #location/home']],
		]);
	});

	test('group by filename: a link to each note, two notes of one name apart', () => {
		const twins = vault([
			{ path: 'B/Tasks.md', tasks: [line('In B')] },
			{ path: 'A/Tasks.md', tasks: [line('In A')] },
			{ path: 'A/Inbox.md', tasks: [line('In the inbox')] },
		]);
		const grouped = answer('group by filename', twins).groups;
		expect(grouped.map((group) => [group.key instanceof DataviewLink && group.key.path, group.tasks.map((each) => each.text)])).toEqual([
			['A/Inbox.md', ['In the inbox']],
			['A/Tasks.md', ['In A']],
			['B/Tasks.md', ['In B']],
		]);
	});

	test('limit to N tasks, before grouping; limit groups to N tasks', () => {
		expect(texts('not done\nlimit to 2 tasks', chores)).toEqual(['Fix the sink ⏫ #home/kitchen', 'Buy a watering can 🔺 #todo']);
		expect(texts('limit 1', chores)).toHaveLength(1);
		expect(groups('group by status\nlimit groups to 1 tasks').map(([, tasks]) => tasks.length)).toEqual([1, 1]);
	});
});

describe('the query text', () => {
	test('comments, blank lines, continued lines, case and layout lines change nothing', () => {
		expect(texts('# only what is left\n\nNOT DONE\nshort mode\nhide backlink\nshow urgency\nexplain\npath includes \\\n  Projects', chores)).toEqual(['Draft the report #foo/bar 🔼']);
	});

	test('an instruction not understood is reported with its line, as unsupported', () => {
		const grouped = failure('not done\ngroup by recurrence');
		expect([grouped.message, grouped.line, grouped.unsupported]).toEqual(['`group by recurrence` is not supported', 2, true]);
		expect(failure('heading includes Today').message).toBe('`heading includes Today` is not supported');
		expect(failure('\n\nfilter by function task.isDone').message).toBe('`filter by function task.isDone` is not run: it is JavaScript, and notes are not code');
		expect(failure('group by path\ngroup by due').line).toBe(2);
		expect(failure('path includes {{query.file.property("x")}}').unsupported).toBe(true);
	});

	test('a wrong date or a broken combination is an error, not unsupported', () => {
		const wrong = failure('not done\ndue before 2023-02-30');
		expect([wrong.line, wrong.unsupported]).toEqual([2, false]);
		expect(wrong.message).toContain('"2023-02-30" is not a date');
		expect(failure('(done) AND').message).toBe('`(done) AND`: expected a filter in (…) at the end');
		expect(failure('(done').message).toBe('`(done`: ( at column 1 is never closed');
		expect(failure('description regex matches /(/').unsupported).toBe(false);
	});
});
