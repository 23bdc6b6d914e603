import { describe, expect, test } from 'vitest';
import { readNoteContents } from '../../src/notes/note-tree.ts';
import { prepareNoteSource } from '../../src/notes/prepare-source.ts';
import type { NoteFormat } from '../../src/plugins/satteri.ts';

const read = (source: string, format: NoteFormat = 'md', liftTitle = true) => readNoteContents(source, format, { liftTitle });
const diagramsIn = (source: string, format: NoteFormat = 'md') => read(source, format).diagrams;

describe('diagrams', () => {
	test('finds ```mermaid fences with the line of the fence and of the code', () => {
		const source = '---\ntitle: T\n---\n# Note\n\n```mermaid\nflowchart LR\n  A --> B\n```\n\n```js\nconst x = 1;\n```\n';
		expect(diagramsIn(source)).toEqual([{ code: 'flowchart LR\n  A --> B', line: 6, column: 1, codeLine: 7, origin: 'fence' }]);
	});

	test('finds fences inside lists, keeps the indentation mermaid sees, and matches the language case-insensitively', () => {
		const source = '- item\n\n  ```Mermaid\n  sequenceDiagram\n    A->>B: hi\n  ```\n';
		expect(diagramsIn(source)).toEqual([{ code: 'sequenceDiagram\n  A->>B: hi', line: 3, column: 3, codeLine: 4, origin: 'fence' }]);
	});

	test('finds a fence wherever Markdown allows one: ordered and unordered list items, quotes, ~~~, indented', () => {
		const source = [
			'1. ```mermaid', // 1: a fence opened on an ordered-list line
			'   pie',
			'   ```',
			'',
			'* ~~~mermaid', // 5
			'  pie',
			'  ~~~',
			'',
			'> ```mermaid', // 9
			'> pie',
			'> ```',
			'',
			'   ```mermaid', // 13: indented three spaces, still a fence
			'   pie',
			'   ```',
			'',
			'    ```mermaid', // 17: four spaces is indented code, not a fence
			'    pie',
			'    ```',
			'',
			'1) - > ```mermaid', // 21: nested
			'     > pie',
			'     > ```',
		].join('\n');
		expect(diagramsIn(source).map(({ line, code }) => [line, code])).toEqual([
			[1, 'pie'],
			[5, 'pie'],
			[9, 'pie'],
			[13, 'pie'],
			[21, 'pie'],
		]);
	});

	test('normalises CRLF line ends, so the cache key does not depend on the editor', () => {
		const [diagram] = diagramsIn('```mermaid\r\nflowchart LR\r\n  A --> B\r\n```\r\n');
		expect(diagram.code).toBe('flowchart LR\n  A --> B');
	});

	test('reads <Diagram code={`…`}> with its indentation, and a {`…`} child, from the MDX source', () => {
		const source = [
			'import X from "./x.ts";',
			'',
			'<Diagram code={`flowchart LR',
			'  A --> B`} />',
			'',
			'<Diagram>',
			'{`sequenceDiagram',
			'  Alice->>Bob: Hi`}',
			'</Diagram>',
			'',
			'- <Diagram code="pie" />',
		].join('\n');
		expect(diagramsIn(source, 'mdx')).toEqual([
			{ code: 'flowchart LR\n  A --> B', line: 3, column: 1, codeLine: 3, origin: 'component' },
			{ code: 'sequenceDiagram\n  Alice->>Bob: Hi', line: 6, column: 1, codeLine: 7, origin: 'component' },
			{ code: 'pie', line: 11, column: 3, codeLine: 11, origin: 'component' },
		]);
	});

	test('a string `code` attribute is taken as written; an empty <Diagram /> has empty code (mermaid reports it)', () => {
		expect(diagramsIn('<Diagram code="pie" />\n\n<Diagram />\n', 'mdx').map((diagram) => diagram.code)).toEqual(['pie', '']);
	});

	test('a <Diagram> whose code is computed is counted apart (only the browser can draw it); other components are not diagrams', () => {
		const source = 'export const graph = "flowchart LR\\n A --> B";\n\n<Diagram code={graph} />\n\n<Diagram code={`flowchart LR\n  ${graph}`} />\n\n<Other code={`pie`} />\n';
		const contents = read(source, 'mdx');
		expect(contents.diagrams).toEqual([]);
		expect(contents.computedDiagrams).toEqual([3, 5]);
	});

	test('a `<Diagram>` in a .md note is HTML, not a component', () => {
		expect(read('<Diagram code="pie" />\n')).toMatchObject({ diagrams: [], computedDiagrams: [] });
	});
});

describe('images', () => {
	test('finds Markdown, reference-style and raw HTML images with their lines', () => {
		const source = [
			'# A', // 1
			'', // 2
			'![one](img/a.png)', // 3
			'', // 4
			'Text ![two][ref] more', // 5
			'', // 6
			'<div>', // 7
			'  <img src="img/b.png">', // 8
			'  <p>x</p><IMG alt="c" SRC=\'img/c.png\'>', // 9
			'</div>', // 10
			'', // 11
			'[ref]: img/d.png', // 12
			'', // 13
			'```html', // 14
			'<img src="in-code.png">', // 15
			'```', // 16
		].join('\n');
		expect(read(source).images.map(({ url, line }) => `${line} ${url}`)).toEqual(['3 img/a.png', '5 img/d.png', '8 img/b.png', '9 img/c.png']);
	});

	test('finds <Figure> and <img> with a literal src in MDX, and flags what cannot be resolved', () => {
		const source = [
			"import chart from './img/chart.png';", // 1
			'', // 2
			'<Figure src="img/a.png" alt="A" caption="Cap" />', // 3
			'', // 4
			'<Figure src={chart} alt="imported: the component renders it" />', // 5
			'', // 6
			'Inline <img src="img/b.png" alt="B" /> image.', // 7
			'', // 8
			'<img src="img/c.png" style={{ width: 10 }} />', // 9
			'', // 10
			'<img src="https://example.com/x.png" className="wide" />', // 11
		].join('\n');
		expect(read(source, 'mdx').images.map(({ offset: _offset, ...image }) => image)).toEqual([
			{ url: 'img/a.png', line: 3, column: 1 },
			{ url: 'img/b.png', line: 7, column: 8 },
			{ url: 'img/c.png', line: 9, column: 1, unsupported: expect.stringMatching(/^<img> with `style`/) },
		]);
	});
});

describe('links', () => {
	test('inline and reference links as written, with their lines', () => {
		const source = 'See [IAM](../security/iam.md#policies) and [the docs][docs].\n\n<https://example.com>\n\n[docs]: https://docs.aws.amazon.com/\n';
		expect(read(source).links).toEqual([
			{ url: '../security/iam.md#policies', line: 1, column: 5, offset: 4, text: 'IAM', context: 'See IAM and the docs.' },
			{ url: 'https://docs.aws.amazon.com/', line: 1, column: 44, offset: 43, context: 'See IAM and the docs.' },
			{ url: 'https://example.com', line: 3, column: 1, offset: 62, text: 'https://example.com', context: 'https://example.com' },
		]);
	});
});

describe('outline', () => {
	const seedLike = [
		'# Advanced VPC', // 1
		'', // 2
		'## 1. VPC Flow Logs', // 3
		'', // 4
		'#', // 5
		'', // 6
		'### summary', // 7
		'', // 8
		'- capture metadata', // 9
		'', // 10
		'### concepts', // 11
		'', // 12
		'### architecture', // 13
		'', // 14
		'![arch](img/a.png)', // 15
		'', // 16
		'## Demos', // 17
		'', // 18
		'### summary', // 19
		'', // 20
		'> ## quoted', // 21
	].join('\n');

	test('topics with their numbers and the sections the page shows (empty ones are left out)', () => {
		expect(read(seedLike).topics).toEqual([
			{
				id: 'vpc-flow-logs',
				text: 'VPC Flow Logs',
				number: '1',
				line: 3,
				sections: [
					{ id: 'vpc-flow-logs-summary', text: 'summary', line: 7 },
					{ id: 'vpc-flow-logs-architecture', text: 'architecture', line: 13 },
				],
			},
			{ id: 'demos', text: 'Demos', number: undefined, line: 17, sections: [{ id: 'demos-summary', text: 'summary', line: 19 }] },
		]);
	});

	test('headings as the page has them: no title, separator or empty section; a quoted heading is not a topic', () => {
		expect(read(seedLike).headings.map(({ depth, id, text }) => `${depth} ${id} ${text}`)).toEqual([
			'2 vpc-flow-logs VPC Flow Logs',
			'3 vpc-flow-logs-summary summary',
			'3 vpc-flow-logs-architecture architecture',
			'2 demos Demos',
			'3 demos-summary summary',
			'2 quoted quoted',
		]);
	});

	test('the title is the note\'s first heading when it is a # heading that names the note; none when the front matter gives one', () => {
		expect(read('#\n\n```sh\n# a comment\n```\n\n# Real *Title* #\n\n## 1. Topic\n').liftedTitle).toBe('Real Title');
		// A # heading further down is a heading of the note, not its title.
		expect(read('## 1. Topic\n\n# Later heading\n').liftedTitle).toBeUndefined();
		// A wikilink reads as its link text, as the page shows it.
		expect(read('# Technical [[Controls]] and [[Policy|policies]] ![[chart.png]]\n').liftedTitle).toBe('Technical Controls and policies');
		expect(read('# Overview\n\n## 1. Topic\n').liftedTitle).toBeUndefined();
		expect(read('## Only topics\n\n#\n').liftedTitle).toBeUndefined();
		const given = read('# Lifted\n\n## A\n', 'md', false);
		expect(given.liftedTitle).toBeUndefined();
		expect(given.headings[0]).toMatchObject({ depth: 1, id: 'lifted', text: 'Lifted' });
	});

	test('a heading\'s text is what the page reads: no image alt or raw HTML, curly quotes', () => {
		const source = '## A <b>bold</b> `code` ![img](x.png) "quoted" <!-- a remark -->\n';
		expect(read(source).headings.map((heading) => heading.text)).toEqual(['A bold code  “quoted”']);
	});

	test('a footnote call is not in a heading\'s text or id (its number changes as footnotes come and go); GitHub\'s anchor counts it', () => {
		const source = 'A call[^first] before.\n\n## Foot[^a] note\n\n## Inline^[a note] call\n\n[^first]: one\n\n[^a]: the note\n';
		expect(readNoteContents(prepareNoteSource(source), 'md', {}).headings.map(({ text, id, githubId }) => ({ text, id, githubId }))).toEqual([
			{ text: 'Foot note', id: 'foot-note', githubId: 'foot2-note' },
			{ text: 'Inline call', id: 'inline-call', githubId: 'inline3-call' },
		]);
	});

	test('a highlight in a heading reads as its text, without its ==', () => {
		expect(read('## A ==marked== word, a == b\n').headings.map(({ text, id }) => [text, id])).toEqual([['A marked word, a == b', 'a-marked-word-a--b']]);
	});

	test('an embed in a heading reads as the page shows it: a note or file as its link text, an image as nothing', () => {
		const source = '## See ![[VPC Peering]] and ![[slides.pdf|the slides]] ![[chart.png]] here\n';
		expect(read(source).headings.map(({ text, id }) => [text, id])).toEqual([['See VPC Peering and the slides  here', 'see-vpc-peering-and-the-slides--here']]);
	});

	test('has tabs when one topic shows two sections or more, or one <Tabs> shows two tabs', () => {
		expect(read(seedLike).hasTabs).toBe(true);
		expect(read('## A\n\n### one\n\n- x\n\n## B\n\n### two\n\n- y\n').hasTabs).toBe(false);
		expect(read('<Tabs>\n<Tab label="a">\n\nx\n\n</Tab>\n<Tab label="b">\n\ny\n\n</Tab>\n</Tabs>\n', 'mdx').hasTabs).toBe(true);
	});

	test('an empty topic is one still to write ("No notes yet") in a note whose topics have ### sections, and a plain heading elsewhere', () => {
		const empty = (source: string) => read(source).topics.filter((topic) => topic.empty).map((topic) => topic.id);
		// The house format: `### summary` placeholders, or other topics with sections.
		expect(empty('## 1. Written\n\n### summary\n\n- a\n\n## 2. Next\n\n#\n\n### summary\n\n### concepts\n\n## 3. Bare\n')).toEqual(['next', 'bare']);
		// A map of content: `##` headings that are links, nothing under them.
		expect(empty('## [[Networking]]\n\n## [[Security]]\n\n## Reading\n\n- a book\n')).toEqual([]);
		// Text or an embed above the sections is something.
		expect(empty('## A\n\nIntro.\n\n### summary\n\n## B\n\n![[Other note]]\n')).toEqual([]);
	});

	test('a topic whose tabs would not fit one row is stacked; a note whose only tab groups are stacked has no tabs', () => {
		const sections = (count: number) => Array.from({ length: count }, (_, index) => `### Section ${index + 1}\n\n- text\n`).join('\n');
		const contents = read(`## 1. Chapter\n\n${sections(15)}\n## 2. Short\n\n### summary\n\n- a\n\n### concepts\n\n- b\n`);
		expect(contents.topics.map(({ id, stacked, sections: shown }) => ({ id, stacked, sections: shown.length }))).toEqual([
			{ id: 'chapter', stacked: true, sections: 15 },
			{ id: 'short', stacked: undefined, sections: 2 },
		]);
		expect(contents.hasTabs).toBe(true);
		expect(read(`## 1. Chapter\n\n${sections(15)}`).hasTabs).toBe(false);
		// Empty sections are not tabs: they do not count.
		expect(read(`## 1. Chapter\n\n### summary\n\n- a\n\n### concepts\n\n- b\n\n${'### todo\n\n'.repeat(15)}`).topics[0].stacked).toBeUndefined();
	});

	test('MDX <Tabs> in a topic gives the sections <Tab> renders, with the component\'s ids', () => {
		const source = '## 1. Flow Logs\n\n<Tabs>\n<Tab label="summary">\n\n- a\n\n</Tab>\n<Tab label="empty"></Tab>\n<Tab label="concepts">\n\n- b\n\n</Tab>\n</Tabs>\n';
		expect(read(source, 'mdx').topics[0].sections.map((section) => section.id)).toEqual(['flow-logs-summary', 'flow-logs-concepts']);
	});
});

describe('icon shortcodes and fence languages', () => {
	test('an icon is no text of its heading (its id, the table of contents), nor of a link\'s context', () => {
		const contents = read('# Notes\n\n## :material-microsoft: Azure\n\nSee [the docs](https://x.example) :material-microsoft: here.\n');
		expect(contents.headings.map(({ id, text }) => `${id} ${text}`)).toEqual(['notes Notes', 'azure Azure']);
		expect(contents.links[0].context).toBe('See the docs here.');
	});

	test('shortcodes no icon set has, at their lines and columns', () => {
		const contents = read('# Notes\n\nOne :material-no-such-icon: and :material-microsoft:\nthen :simple-nope:.\n');
		expect(contents.unknownIcons).toEqual([
			{ shortcode: ':material-no-such-icon:', prefix: 'material', name: 'no-such-icon', line: 3, column: 5 },
			{ shortcode: ':simple-nope:', prefix: 'simple', name: 'nope', line: 4, column: 6 },
		]);
	});

	test('fence languages the highlighter does not know, one per block; any letter case and attributes are known', () => {
		const source = '```PHP\nx\n```\n\n```GO\nx\n```\n\n```nosuchlang\nx\n```\n\n``` title="app.py"\nx\n```\n\n```nosuchlang\ny\n```\n\n```\nplain\n```\n';
		expect(read(source).unknownLanguages).toEqual(['nosuchlang', 'nosuchlang']);
	});
});
