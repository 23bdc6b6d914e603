import { describe, expect, test } from 'vitest';
import { authoredLine, dollarsInWikilinks, escapedDollarsInMath, removeBlockIds, removeTocMarkers, rulesUnderEmbeds, inlineFootnotes, latexDelimiters, mathFences, mkdocsBlocks as mkdocsPrepared, prepareNote, prepareNoteSource, removeComments } from '../../src/notes/prepare-source.ts';

const mkdocsBlocks = (source: string) => mkdocsPrepared(source).text;

const lineCount = (text: string) => text.split('\n').length;

describe('removeComments', () => {
	test('an inline %%comment%% and a block over several lines become blanks, lines kept', () => {
		const source = 'Keep %%private remark%% this.\n%%\nA whole\nblock\n%%\nAfter.';
		const prepared = removeComments(source);
		expect(prepared).not.toContain('private');
		expect(prepared).not.toContain('whole');
		expect(prepared.split('\n')[0]).toMatch(/^Keep +this\.$/);
		expect(lineCount(prepared)).toBe(lineCount(source));
		expect(prepared.split('\n').at(-1)).toBe('After.');
	});

	test('an unclosed %% hides the rest of the note, as Obsidian does', () => {
		expect(removeComments('Seen.\n%% draft\nnever shown').trim()).toBe('Seen.');
	});

	test('code keeps its %%', () => {
		const source = '`a %% b %% c`\n\n```\n%% kept %%\n```\n';
		expect(removeComments(source)).toBe(source);
	});
});

describe('removeBlockIds', () => {
	test('Obsidian\'s block ids go, at the end of a line or on one of their own; lines stay', () => {
		expect(removeBlockIds('4. **Circular Wait** ^5cb177\n- item ^a-1\n\n| t |\n^table-id\n')).toBe('4. **Circular Wait**\n- item\n\n| t |\n\n');
	});
	test('a caret elsewhere, in maths, footnotes or code, stays', () => {
		for (const source of ['x^2 and 2^10', '$x ^2$', 'see^[note]', '`a ^b1`', '```\ncode ^id\n```', 'a ^b c']) expect(removeBlockIds(source), source).toBe(source);
	});
});

describe('removeTocMarkers', () => {
	test('a line that only asks for a table of contents goes (the page has its own); its line stays', () => {
		expect(removeTocMarkers('# Title\n\n[TOC]\n\n## 1. Topic\n  [toc]  \n[[_TOC_]]\n')).toBe('# Title\n\n\n\n## 1. Topic\n\n\n');
	});

	test('in code, in a sentence or as a link it is text', () => {
		for (const source of ['```\n[TOC]\n```', 'Write `[TOC]` to get one.', 'See [TOC] below', '[TOC](#contents)', '    [TOC]'])
			expect(removeTocMarkers(source), source).toBe(source);
	});
});

describe('mkdocsBlocks', () => {
	test('!!! type "Title" with an indented body becomes a callout, body parsed as Markdown', () => {
		const source = '!!! tip "Use a gateway"\n    First line.\n\n    - a list\n\nAfter.';
		expect(mkdocsBlocks(source)).toBe('> [!tip] Use a gateway\n> First line.\n>\n> - a list\n\nAfter.');
	});

	test('??? is folded, ???+ open, "" no title, and lines stay where they were', () => {
		expect(mkdocsBlocks('??? info\n    body')).toBe('> [!info]-\n> body');
		expect(mkdocsBlocks('???+ note "Open"\n    body')).toBe('> [!note]+ Open\n> body');
		expect(mkdocsBlocks('!!! note ""\n    body')).toBe('> [!note] ""\n> body');
		const source = '!!! note\n    one\n    two\n\ntext';
		expect(lineCount(mkdocsBlocks(source))).toBe(lineCount(source));
	});

	test('blocks nest, and inside a list keep the list indent', () => {
		expect(mkdocsBlocks('!!! note\n    outer\n\n    !!! warning\n        inner')).toBe('> [!note]\n> outer\n>\n> > [!warning]\n> > inner');
		expect(mkdocsBlocks('- item\n\n    !!! note\n        body')).toBe('- item\n\n    > [!note]\n    > body');
	});

	test('the space after !!! or ??? may be left out, as Python-Markdown allows', () => {
		expect(mkdocsBlocks('!!!info "Important"\n    body')).toBe('> [!info] Important\n> body');
		expect(mkdocsBlocks('???+tip\n    body')).toBe('> [!tip]+\n> body');
		expect(mkdocsBlocks('!!!!!\n\n!!! \n')).toBe('!!!!!\n\n!!! \n');
	});

	test('more classes after the type, quotes inside the title, a forgotten closing quote', () => {
		expect(mkdocsBlocks('!!! example annotate "Examples"\n    body')).toBe('> [!example] Examples\n> body');
		expect(mkdocsBlocks('!!! tip "You can "fork bomb" it."')).toBe('> [!tip] You can "fork bomb" it.');
		expect(mkdocsBlocks('!!! tip "Monitor the update\n\n    1. Open')).toBe('> [!tip] Monitor the update\n>\n> 1. Open');
	});

	test('under a list item, however deep it is indented, a block stays in the item; it may open the item', () => {
		// Eight spaces under `- `: a paragraph's continuation to CommonMark, so the quote moves to the item's text.
		expect(mkdocsBlocks('- Remove the cache.\n        !!! warning "Data loss"\n- Update.')).toBe('- Remove the cache.\n  > [!warning] Data loss\n\n- Update.');
		expect(mkdocsBlocks('1. Step\n    - sub\n            !!! note\n                body')).toBe('1. Step\n    - sub\n      > [!note]\n      > body');
		expect(mkdocsBlocks('9.  Repeat\n      - !!! tip "After **all**"\n10. Next')).toBe('9.  Repeat\n      - > [!tip] After **all**\n\n10. Next');
		// Not under a list item, an indented block is left as CommonMark reads it.
		expect(mkdocsBlocks('Text.\n        !!! note\n            body')).toBe('Text.\n        > [!note]\n        > body');
	});

	test('=== "Label" content tabs become tab quotes, ===! starts a new group', () => {
		expect(mkdocsBlocks('=== "C"\n\n    one\n\n=== "Rust"\n\n    two\n')).toBe('> [!tab] C\n>\n> one\n\n> [!tab] Rust\n>\n> two\n');
		expect(mkdocsBlocks('===! "A"\n    one')).toBe('> [!tab-group] A\n> one');
	});

	test('a block followed at once by another line is ended by a blank line, which reports take back out', () => {
		const prepared = mkdocsPrepared('=== "C"\n    one\n=== "Rust"\n    two\nText on line 5.');
		expect(prepared.text).toBe('> [!tab] C\n> one\n\n> [!tab] Rust\n> two\n\nText on line 5.');
		expect(prepared.addedLines).toEqual([3, 6]);
		expect(authoredLine(7, prepared.addedLines)).toBe(5);
		expect(authoredLine(4, prepared.addedLines)).toBe(3);
	});

	test('nested blocks add their lines where they are', () => {
		const prepared = mkdocsPrepared('!!! note\n    === "A"\n        a\n    === "B"\n        b');
		expect(prepared.text).toBe('> [!note]\n> > [!tab] A\n> > a\n>\n> > [!tab] B\n> > b');
		expect(prepared.addedLines).toEqual([4]);
	});

	test('the body of a block keeps its code fences, and fenced code is not read as a block', () => {
		const fenced = '```\n!!! note\n    not a block\n```';
		expect(mkdocsBlocks(fenced)).toBe(fenced);
		expect(mkdocsBlocks('!!! example\n    ```sh\n    ls\n    ```')).toBe('> [!example]\n> ```sh\n> ls\n> ```');
	});
});

describe('rulesUnderEmbeds', () => {
	test('a --- under an embed alone on its line is a rule (***), not a setext underline; in a quote too', () => {
		expect(rulesUnderEmbeds('![[Niklas Luhmann]]\n---\ntext')).toBe('![[Niklas Luhmann]]\n***\ntext');
		expect(rulesUnderEmbeds('![[chart.png|300]]  \n  -----  ')).toBe('![[chart.png|300]]  \n  *****  ');
		expect(rulesUnderEmbeds('> ![[Note#Part]]\n> ---')).toBe('> ![[Note#Part]]\n> ***');
	});

	test('anything else under a --- stays a setext heading, and code stays as written', () => {
		for (const source of [
			'Text and ![[Note]]\n---',
			'[[Note]]\n---',
			'![[Note]]\n--',
			'![[Note]]\n    ---',
			'> ![[Note]]\n---',
			'```\n![[Note]]\n---\n```',
			'![[Note]] ![[Other]]\n---',
		]) {
			expect(rulesUnderEmbeds(source), source).toBe(source);
		}
	});

	test('is part of the preparation every reader sees', () => {
		expect(prepareNoteSource('![[Note]]\n---\n')).toBe('![[Note]]\n***\n');
	});
});

describe('latexDelimiters', () => {
	test('\\(…\\) and \\[…\\] become $…$ and $$…$$', () => {
		expect(latexDelimiters('Inline \\(x^2\\) and\n\\[\n\\frac{a}{b}\n\\]')).toBe('Inline $x^2$ and\n$$\n\\frac{a}{b}\n$$');
	});

	test('escaped brackets and parentheses in prose stay as written', () => {
		expect(latexDelimiters('See \\[1\\] and \\(sic\\).')).toBe('See \\[1\\] and \\(sic\\).');
	});

	test('code is left alone', () => {
		expect(latexDelimiters('`\\(x^2\\)`')).toBe('`\\(x^2\\)`');
	});

	test('inside a $…$ formula they are escaped brackets (kramdown), and the formula stays whole', () => {
		for (const source of ['$\\[\\\\vec{v}\\]\\_{\\mathcal{B}} = c$', '$$\\[\\\\vec{v}\\]_{C}$$', 'see $\\left\\[ x^2 \\right\\]$ and $y$']) {
			expect(latexDelimiters(source), source).toBe(source);
		}
	});

	test('escaped wikilink brackets and text with a formula in it are not maths', () => {
		for (const source of ['\\[\\[Note#Heading|Remark\\]\\]', '\\[see $x_1$ here\\]']) expect(latexDelimiters(source), source).toBe(source);
	});
});

describe('escapedDollarsInMath', () => {
	test('a \$ inside $…$ is a dollar sign to TeX, and the formula ends at its own closing dollar', () => {
		expect(escapedDollarsInMath('a deviation of $\\sigma = \\$2.50$ and $X$')).toBe('a deviation of $\\sigma = \\char36 2.50$ and $X$');
	});
	test('prose dollars, escaped dollars in prose, \\\\ pairs and code are left alone', () => {
		for (const source of ['costs \\$5 or \\$10', 'costs $5 or \\$10', 'a $ \\$ x $ b', '`$a \\$ b$`', '$a \\\\$ then \\$']) {
			expect(escapedDollarsInMath(source), source).toBe(source);
		}
	});
});

describe('dollarsInWikilinks', () => {
	test('a dollar in a wikilink is text: the link is read before any formula', () => {
		expect(dollarsInWikilinks('- [[#Calculate $D$|Calculate $D$]] and $x$')).toBe('- [[#Calculate \\$D\\$|Calculate \\$D\\$]] and $x$');
		expect(dollarsInWikilinks("l'[[8 - chiusura#come calcolare $X^+$|algoritmo]]")).toBe("l'[[8 - chiusura#come calcolare \\$X^+\\$|algoritmo]]");
	});
	test('TeX that looks like brackets, links without dollars, escaped dollars and code are left alone', () => {
		for (const source of ['$[[a, b]]$', '$\\left[[x$ and $y]]\\right$', '[[Note|cost \\$5]]', '[[Note]] costs $5', '`[[#a $b$]]`']) {
			expect(dollarsInWikilinks(source), source).toBe(source);
		}
	});
});

describe('display maths written on its $$ lines', () => {
	test('the formula leaves the $$ lines, keeping its line for reports; the rest of the note stays prose', () => {
		const { text, addedLines } = prepareNote('$$\\begin{align}\nx &= 1\n\\end{align}$$\n\nafter\n\n> $$a\n> = b$$\n');
		expect(text).toBe('$$\n\\begin{align}\nx &= 1\n\\end{align}\n$$\n\nafter\n\n> $$\n> a\n> = b\n> $$\n');
		expect(addedLines).toEqual([1, 5, 9, 12]);
		expect(authoredLine(2, addedLines)).toBe(1);
		expect(authoredLine(7, addedLines)).toBe(5);
		expect(authoredLine(10, addedLines)).toBe(7);
	});
	test('blocks already on their own lines, one-line $$x$$, code and a lone $$ inside prose stay', () => {
		for (const source of ['$$\nx\n$$', '$$x$$ and text', '```\n$$x\n```', 'costs $$5', '$$$x']) expect(prepareNote(source).text, source).toBe(source);
	});
});

describe('control characters', () => {
	test('NUL and the like are taken out, and where the first was is told; tabs and CRLF stay', () => {
		const prepared = prepareNote('# Title\r\n\ta\u0000b\nc\u001b[0m\u007f\n');
		expect(prepared.text).toBe('# Title\r\n\tab\nc[0m\n');
		expect(prepared.controlCharacters).toEqual({ line: 2, column: 3, count: 3 });
		expect(prepareNote('plain\ttext\r\n').controlCharacters).toBeUndefined();
	});
});

describe('mathFences', () => {
	test('```math fences become $$ blocks with the same lines', () => {
		expect(mathFences('```math\na^2 + b^2\n```\n')).toBe('$$\na^2 + b^2\n$$\n');
		expect(mathFences('- item\n  ~~~math\n  x\n  ~~~')).toBe('- item\n  $$\n  x\n  $$');
	});

	test('other fences, and math inside them, are left alone', () => {
		const source = '````md\n```math\nx\n```\n````';
		expect(mathFences(source)).toBe(source);
	});
});

describe('inlineFootnotes', () => {
	test('^[text] becomes a numbered footnote defined at the end', () => {
		expect(inlineFootnotes('A claim^[With [a link](x) inside.] and another^[Second.].')).toBe(
			'A claim[^inline-1] and another[^inline-2].\n\n[^inline-1]: With [a link](x) inside.\n\n[^inline-2]: Second.\n',
		);
	});

	test('code and an unclosed ^[ stay as written', () => {
		expect(inlineFootnotes('`x^[0]` and ^[open')).toBe('`x^[0]` and ^[open');
	});
});

describe('prepareNoteSource', () => {
	test('a comment hides an admonition, and nothing of it is left', () => {
		expect(prepareNoteSource('%%\n!!! note\n    hidden\n%%\nshown').trim()).toBe('shown');
	});

	test('a note without any of the syntax comes back as it was', () => {
		const source = '# Title\n\n## 1. Topic\n\nText with `code` and $5.\n';
		expect(prepareNote(source)).toEqual({ text: source, addedLines: [] });
	});
});
