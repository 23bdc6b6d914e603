import { describe, expect, test } from 'vitest';
import { propertyTags } from '../../src/dom/properties.ts';
import { findBlockRefs, isLogseqGraph, logseqSource } from '../../src/notes/logseq.ts';
import { authoredLine, prepareNote } from '../../src/notes/prepare-source.ts';
import { fixturePath } from '../support/build.ts';

const prepared = (text: string) => logseqSource(text.split('\n'));
const linesOf = (text: string) => prepared(text).lines;
const shown = (key: string, value: string) => `${propertyTags(key).opening}${value}${propertyTags(key).closing}`;

describe('isLogseqGraph', () => {
	test('a folder with logseq/config.edn is a graph; a vault or a plain folder is not', () => {
		expect(isLogseqGraph(fixturePath('logseq-graph'))).toBe(true);
		expect(isLogseqGraph(fixturePath('syntax-vault'))).toBe(false);
		expect(isLogseqGraph(fixturePath('deploy-site'))).toBe(false);
	});
});

describe('logseqSource: properties', () => {
	test('page properties at the top and block properties under a block show as properties, their values as written', () => {
		expect(linesOf('alias:: penguin\n\n- [Beef](https://a.example)\n  site:: [A](https://a.example)')).toEqual([
			shown('alias', 'penguin'),
			'',
			'- [Beef](https://a.example)',
			`  ${shown('site', '[A](https://a.example)')}`,
		]);
	});

	test('id::, collapsed:: and the flashcard schedule go, their lines taken out; a list item they open stays, empty', () => {
		const result = prepared('- a block\n  id:: 6559116e-0000-4000-8000-000000000001\n  collapsed:: true\n  card-repeats:: 1\n- next\n\t- id:: 6559116e-0000-4000-8000-000000000002\n\t  > quoted');
		expect(result.lines).toEqual(['- a block', '- next', '\t-', '\t  > quoted']);
		expect(result.removedLines).toEqual([2, 3, 4]);
	});

	test('which lines are the page\'s: only those before its first block', () => {
		const { fields } = prepared('title:: Linux\ntype:: os\n- block\nnot-page:: x');
		expect(fields.map(({ key, page }) => [key, page])).toEqual([['title', true], ['type', true], ['not-page', false]]);
	});

	test('SCHEDULED and DEADLINE show as properties', () => {
		expect(linesOf('- DONE haircut\n  DEADLINE: <2023-11-04 Sat 1 PM>')).toEqual(['- [x] haircut', `  ${shown('deadline', '2023-11-04 Sat 1 PM')}`]);
	});
});

describe('logseqSource: drawers', () => {
	test(':LOGBOOK: … :END: is taken out, lines and all', () => {
		const result = prepared('- DONE a\n  :LOGBOOK:\n  CLOCK: [2023-11-04 Sat 07:11:29]--[2023-11-04 Sat 07:11:30] =>  00:00:01\n  :END:\n- b');
		expect(result.lines).toEqual(['- [x] a', '- b']);
		expect(result.removedLines).toEqual([2, 3, 4]);
	});

	test('a drawer never closed is left as written', () => {
		expect(linesOf('- a\n  :LOGBOOK:\n  CLOCK: x')).toEqual(['- a', '  :LOGBOOK:', '  CLOCK: x']);
	});
});

describe('logseqSource: tasks', () => {
	test('TODO and LATER are unticked tasks, DONE ticked, NOW/DOING/WAITING unticked with their word, CANCELED struck', () => {
		expect(linesOf('- TODO a\n- LATER b\n\t- DONE c\n- NOW d\n- DOING e\n- WAITING f\n- CANCELED g\n- TODOS are not tasks')).toEqual([
			'- [ ] a', '- [ ] b', '\t- [x] c', '- [ ] NOW d', '- [ ] DOING e', '- [ ] WAITING f', '- ~~g~~', '- TODOS are not tasks',
		]);
	});
});

describe('logseqSource: macros', () => {
	test('{{embed [[Page]]}} is an embed of the page, {{embed ((uuid))}} of the block', () => {
		expect(linesOf('- {{embed [[Linux]]}}\n- {{embed ((6559116E-0000-4000-8000-000000000001))}}')).toEqual([
			'- ![[Linux]]',
			'- !((6559116E-0000-4000-8000-000000000001))',
		]);
	});

	test('{{video}}: a YouTube video or a video file is embedded as an image, for the media pipeline; another address a link to it', () => {
		expect(linesOf('- {{video https://youtu.be/Wya16ef1G-E?si=Bc}}\n- {{youtube https://www.youtube.com/watch?v=cOhGrBwZZqE&t=299s}}\n- {{video ../assets/clip one.mp4}}\n- {{video https://example.com/talks/42}}')).toEqual([
			'- ![](<https://youtu.be/Wya16ef1G-E?si=Bc>)',
			'- ![](<https://www.youtube.com/watch?v=cOhGrBwZZqE&t=299s>)',
			'- ![](<../assets/clip one.mp4>)',
			'- [▶ 42](<https://example.com/talks/42>)',
		]);
	});

	test('a cloze is highlighted, a timestamp shown as a time, other macros go', () => {
		expect(linesOf('- 1 + 1 = {{cloze 2}}\n\t- {{youtube-timestamp 669}} Helium\n- ## Things {{renderer :todomaster}}\n- {{query (todo now)}}')).toEqual([
			'- 1 + 1 = ==2==',
			'\t- ▶ 11:09 Helium',
			'- ## Things ',
			'- ',
		]);
	});

	test('code keeps its macros, markers and fields', () => {
		const code = '- `{{embed [[x]]}}` stays\n- ```\n  {{video a}}\n  TODO: x\n  id:: 1\n  ```';
		expect(linesOf(code)).toEqual(code.split('\n'));
	});
});

describe('logseqSource: blocks written without a bullet at the top', () => {
	test('keep their children as a list under them, not as indented code', () => {
		expect(linesOf('## Scratchpad\n\t- a\n\t\t- b\n\t  more\n- next\n\t- child')).toEqual(['## Scratchpad', '- a', '\t- b', '  more', '- next', '\t- child']);
	});
});

describe('logseqSource: blocks with ids', () => {
	test('each has its text and its lines in the prepared text, children included, for references and embeds', () => {
		const result = prepared(
			'- first\n- ## install #flatpak on [[popos]]\n  id:: 65593F71-F908-47c4-9cde-34592672fcc3\n\t- child\n\t  id:: 6559116e-0000-4000-8000-000000000001\n- after\n\t- id:: 6559116e-0000-4000-8000-000000000002\n\t  > ## Ingredients',
		);
		expect(result.blocks).toEqual([
			{ id: '65593f71-f908-47c4-9cde-34592672fcc3', text: 'install #flatpak on popos', line: 2, endLine: 3, indent: '' },
			{ id: '6559116e-0000-4000-8000-000000000001', text: 'child', line: 3, endLine: 3, indent: '\t' },
			{ id: '6559116e-0000-4000-8000-000000000002', text: 'Ingredients', line: 5, endLine: 6, indent: '\t' },
		]);
	});

	test('a block at the top without a bullet holds its indented children', () => {
		const { blocks } = prepared('# anaconda installation\nid:: 65594161-2581-49bb-8b99-f2f43bdf1525\n\t- download\n\t- install\n# next');
		expect(blocks).toEqual([{ id: '65594161-2581-49bb-8b99-f2f43bdf1525', text: 'anaconda installation', line: 1, endLine: 3, indent: '' }]);
	});
});

describe('findBlockRefs', () => {
	test('((uuid)) references and !((uuid)) embeds, ids in lower case; other parentheses are not', () => {
		expect(findBlockRefs('See ((6559116E-0000-4000-8000-000000000001)) and !((6559116e-0000-4000-8000-000000000002)); f((x))')).toEqual([
			{ index: 4, length: 40, id: '6559116e-0000-4000-8000-000000000001', embed: false },
			{ index: 49, length: 41, id: '6559116e-0000-4000-8000-000000000002', embed: true },
		]);
	});
});

describe('prepareNote in a Logseq graph', () => {
	test('only there: elsewhere Logseq\'s syntax is left as written', () => {
		const source = '- TODO a\n  id:: 6559116e-0000-4000-8000-000000000001';
		expect(prepareNote(source).text).toBe(source);
		expect(prepareNote(source, { logseq: true }).text).toBe('- [ ] a');
	});

	test('the lines taken out are put back for reports, with the lines other preparations add', () => {
		const note = prepareNote('- a\n  :LOGBOOK:\n  CLOCK: x\n  :END:\n- b\n\n$$x = 1\n= 2$$\n- c', { logseq: true });
		expect(note.text.split('\n')).toEqual(['- a', '- b', '', '$$', 'x = 1', '= 2', '$$', '- c']);
		expect(note.removedLines).toEqual([2, 3, 4]);
		expect([2, 5, 6, 8].map((line) => authoredLine(line, note.addedLines, note.removedLines))).toEqual([5, 7, 8, 9]);
	});

	test('its fields carry the author\'s lines', () => {
		const note = prepareNote('$$a\nb$$\n- c\n  author:: Lissa', { logseq: true });
		expect(note.logseq?.fields.map(({ key, index }) => [key, index])).toEqual([['author', 3]]);
	});
});
