import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { NotesCatalogue } from '../../src/notes/catalogue.ts';
import { checkNotes } from '../../src/notes/check.ts';
import { projectRoot } from '../support/build.ts';
import { random, type Random } from '../support/random.ts';
import { pipelineNotes, renderNote } from '../support/render.ts';

const WORDS = ['VPC', 'subnet', 'naïve', 'café', '東京', 'שלום', '🙂', 'e\u0301', 'a*b', '_x_', '`tick`', '<b>', '&amp;', '$5', '\\$', '{', '}', '|', '[', ']', '#tag', '==', '%%', '^['];
const TEX = ['x^2', '\\frac{a}{b}', '\\frac{a', '\\sum_{i=1}^n i', '\\begin{align}a&=b\\end{align}', '\\href{javascript:alert(1)}{x}', '\\def\\a{\\a}\\a', '\\mathbb{R}^{n}', '\\'];

/** One generated note: every construct the site reads, nested, broken and unbalanced at random. */
function generatedNote(rng: Random, blocks: number): string {
	const words = (count: number) => Array.from({ length: count }, () => rng.pick(WORDS)).join(' ');
	const out: string[] = [];
	for (let block = 0; block < blocks; block++) {
		switch (rng.int(22)) {
			case 0: out.push(`## ${rng.int(20)}. ${words(3)}`, '', '#'); break;
			case 1: out.push(`### ${rng.pick(['summary', 'concepts', 'architecture', words(2)])}`); break;
			case 2: out.push(Array.from({ length: 1 + rng.int(40) }, (_, depth) => `${'  '.repeat(depth)}- ${words(2)}`).join('\n')); break;
			case 3: out.push(Array.from({ length: 1 + rng.int(60) }, (_, depth) => `${'>'.repeat(depth + 1)} ${words(2)}`).join('\n')); break;
			case 4: out.push(`> [!${rng.pick(['note', 'faq', 'weird-type', 'tab', 'embed', ''])}]${rng.pick(['', '-', '+'])} ${words(2)}\n> ${words(4)}`); break;
			case 5: out.push(`${rng.pick(['!!!', '???', '???+'])} ${rng.pick(['note', 'tip', 'x'])} "${words(2)}"\n    ${words(3)}\n\n    - ${words(2)}`); break;
			case 6: out.push(`=== "${words(1)}"\n\n    ${words(3)}\n=== "${words(1)}"\n    ${words(2)}`); break;
			case 7: out.push(`${rng.pick(['```', '~~~', '````'])}${rng.pick(['', 'mermaid', 'math', 'js'])}\n${words(5)}${rng.next() < 0.3 ? '' : `\n${rng.pick(['```', '~~~'])}`}`); break;
			case 8: out.push(`Inline $${rng.pick(TEX)}$ and $$${rng.pick(TEX)}$$ and \\(${rng.pick(TEX)}\\).`); break;
			case 9: out.push(`$$${rng.pick(['', rng.pick(TEX)])}\n${rng.pick(TEX)}\n${rng.pick(['$$', `${rng.pick(TEX)}$$`, ''])}`); break;
			case 10: out.push(`[[${words(1)}${rng.pick(['', '#heading', '#^block', '|shown'])}]] ![[${rng.pick(['missing.png', 'note', 'x.pdf|300', '#self'])}]]`); break;
			case 11: out.push(`| a | b |\n| --- | --- |\n| ${words(2)} | ${words(2)} |\n| unbalanced |`); break;
			case 12: out.push(rng.pick(['<div>', '</div>', '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '<details><summary>x', '<!-- open comment', '<table><tr><td>']) + ` ${words(2)}`); break;
			case 13: out.push(rng.pick(WORDS).repeat(2000 + rng.int(8000))); break;
			case 14: out.push(`${words(3)}\u0000${words(1)}\u001b[31m${words(1)}\u007f`); break;
			case 15: out.push(`%% ${words(3)}${rng.next() < 0.5 ? ' %%' : ''}`); break;
			case 16: out.push(`==${words(2)}== ^[${words(3)}] [^${rng.int(3)}]\n\n[^${rng.int(3)}]: ${words(2)}`); break;
			case 17: out.push(`![${words(1)}](${rng.pick(['img/none.png', '../../etc/passwd', 'https://example.com/x.png', '<a b.png>', '%zz.png'])})`); break;
			case 18: out.push(`[${words(1)}](${rng.pick(['other.md#x', '../up.md', '#nowhere', 'javascript:alert(1)', 'x.md%'])})`); break;
			case 19: out.push(`## ${words(2)} { #${rng.pick(['id', 'a b', ''])} .cls data-toc-label="${words(1)}" }`); break;
			case 20: out.push('```mermaid\nflowchart LR\n' + Array.from({ length: rng.int(30) }, (_, i) => `  n${i} --> n${i + 1}`).join('\n') + '\n```'); break;
			default: out.push(words(5 + rng.int(30)));
		}
		out.push(rng.next() < 0.8 ? '' : '\n');
	}
	const text = out.join('\n');
	const crlf = rng.next() < 0.3 ? text.replace(/\n/g, '\r\n') : text;
	return rng.next() < 0.2 ? `\uFEFF${crlf}` : crlf;
}

const NOTES = 120;
/** Kinds of problem found inside a note's text: each must say where. */
const LOCATED = new Set(['invalid-math', 'broken-link', 'ambiguous-link', 'mdx-syntax', 'control-characters', 'missing-image', 'image-outside', 'embed-loop', 'bad-frontmatter', 'bad-encoding']);

describe('generated Markdown through the real pipeline', () => {
	const folder = mkdtempSync(path.join(tmpdir(), 'notes-fuzz-'));
	const rng = random(20261201);
	const sources = new Map<string, string>();
	mkdirSync(path.join(folder, 'sub'));
	for (let index = 0; index < NOTES; index++) {
		const name = `${index % 7 === 0 ? 'sub/' : ''}note-${index}.${index % 10 === 3 ? 'mdx' : 'md'}`;
		const source = generatedNote(rng, 5 + rng.int(25));
		sources.set(name, source);
		writeFileSync(path.join(folder, name), source);
	}

	test(`${NOTES} notes: the catalogue reads every one, and every problem names its file, and its line when it is in the text`, () => {
		const catalogue = new NotesCatalogue({ notesRoot: folder, projectRoot, lang: 'en', base: '/' }).build();
		expect(catalogue.notes.length + catalogue.excluded.length).toBe(NOTES);
		const problems = [...catalogue.problems, ...checkNotes(catalogue, projectRoot), ...catalogue.links.problems];
		expect(problems.length).toBeGreaterThan(0);
		for (const problem of problems) {
			expect(problem.file, JSON.stringify(problem)).toMatch(/note-\d+\.mdx?$/);
			if (LOCATED.has(problem.kind) && problem.kind !== 'bad-frontmatter') expect(problem.line, JSON.stringify(problem)).toBeGreaterThan(0);
		}
	});

	test('every Markdown note renders without an exception', { timeout: 120_000 }, async () => {
		const links = pipelineNotes(path.relative(projectRoot, folder));
		for (const [name, source] of sources) {
			if (name.endsWith('.mdx')) continue;
			const html = await renderNote(source, { name, notesDir: path.relative(projectRoot, folder), links });
			// Raw HTML is the author's own and stays (the Content-Security-Policy keeps its scripts from running).
			expect(html, name).not.toMatch(/[\u0000\u001b\u007f]/);
		}
	});

	test('time grows linearly with the size of a note (no quadratic path): 8 times the text, far less than 64 times the time', async () => {
		const piece = generatedNote(random(7), 40);
		const timed = async (source: string) => {
			let best = Infinity;
			for (let run = 0; run < 3; run++) {
				const started = performance.now();
				await renderNote(source);
				best = Math.min(best, performance.now() - started);
			}
			return best;
		};
		const one = await timed(piece);
		const eight = await timed(Array(8).fill(piece).join('\n\n'));
		expect(eight).toBeLessThan(24 * one + 100);
	});
});
