import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { DiagramCache, diagramKey, renderSettings, settingsDigest } from '../../src/diagrams/cache.ts';
import { describePrepared, findDiagrams, prepareDiagrams, type DiagramNote } from '../../src/diagrams/prepare.ts';
import { readNoteContents } from '../../src/notes/note-tree.ts';

const root = '/project';
const digest = settingsDigest(renderSettings());
const note = (relativePath: string, source: string): DiagramNote => ({
	file: path.join(root, 'content', relativePath),
	...readNoteContents(source, relativePath.endsWith('.mdx') ? 'mdx' : 'md', { liftTitle: true }),
});

const NOTES = [
	note('plain.md', '# No diagram\n\n```js\nmermaid();\n```\n'),
	note('tilde.md', '# Tilde\n\n~~~mermaid\npie\n  "a": 1\n~~~\n'),
	note('quoted.md', '> ```mermaid\n> flowchart LR\n>   A --> B\n> ```\n'),
	note('aws/component.mdx', '<Diagram code={`flowchart LR\n  A --> B`} />\n'),
];

describe('findDiagrams', () => {
	test('finds ``` and ~~~ fences, fences in quotes and lists, and <Diagram>, with their note and cache key', () => {
		const found = findDiagrams(NOTES, digest, root);
		expect(found.map(({ file, diagram }) => [file, diagram.line, diagram.code])).toEqual([
			['content/tilde.md', 3, 'pie\n  "a": 1'],
			['content/quoted.md', 1, 'flowchart LR\n  A --> B'],
			['content/aws/component.mdx', 1, 'flowchart LR\n  A --> B'],
		]);
		expect(found[1].key).toBe(found[2].key);
		expect(found[1].key).toBe(diagramKey('flowchart LR\n  A --> B', digest));
	});
});

describe('prepareDiagrams without a browser', () => {
	test('takes what the cache has, reports cached errors at every occurrence, and leaves the rest to the browser', async () => {
		const cache = new DiagramCache(mkdtempSync(path.join(tmpdir(), 'prepare-')));
		cache.write(diagramKey('flowchart LR\n  A --> B', digest), { status: 'error', message: 'Parse error on line 2:\n...\n^\nExpecting X', line: 2 });
		const prepared = await prepareDiagrams(NOTES, { cache, digest, projectRoot: root });
		expect([prepared.rendered, prepared.cached, prepared.missing]).toEqual([0, 1, 1]);
		expect(prepared.missingKeys).toEqual([diagramKey('pie\n  "a": 1', digest)]);
		expect(prepared.problems.map((problem) => [problem.file, problem.line, problem.message])).toEqual([
			['content/quoted.md', 1, 'mermaid diagram could not be drawn (at line 3): Parse error on line 2: Expecting X'],
			['content/aws/component.mdx', 1, '<Diagram> could not be drawn (at line 2): Parse error on line 2: Expecting X'],
		]);
		expect(describePrepared(prepared)).toBe("Diagrams: 0 rendered, 1 from the cache, 1 left to the reader's browser.");
		expect(prepared.drawsInBrowser).toBe(true);
	});

	test('ships mermaid only when a page draws in the browser: a diagram not cached, or a <Diagram> whose code is computed', async () => {
		const cache = new DiagramCache(mkdtempSync(path.join(tmpdir(), 'prepare-')));
		const cachedOnly = [note('a.md', '```mermaid\npie\n```\n')];
		cache.write(diagramKey('pie', digest), { status: 'error', message: 'x' });
		expect((await prepareDiagrams(cachedOnly, { cache, digest, projectRoot: root })).drawsInBrowser).toBe(false);
		const computed = [...cachedOnly, note('b.mdx', 'export const g = "pie";\n\n<Diagram code={g} />\n')];
		expect((await prepareDiagrams(computed, { cache, digest, projectRoot: root })).drawsInBrowser).toBe(true);
	});
});
