import { describe, expect, test } from 'vitest';
import { markdownEscapesAsTex } from '../../src/math/markdown-escapes.ts';
import { renderTex } from '../../src/math/tex.ts';

describe('markdownEscapesAsTex: Markdown escapes in a formula, read as TeX would', () => {
	test.each([
		// kramdown notes: brackets, emphasis and subscripts escaped for Markdown
		['\\[\\\\vec{v}\\]\\_{\\mathcal{B}}', '[\\vec{v}]_{\\mathcal{B}}'],
		['\\mathbb{R}^\\* \\< 1', '\\mathbb{R}^* < 1'],
		['a\\_1 + x\\_\\alpha', 'a_1 + x_\\alpha'],
		['\\\\begin{align\\*} x \\\\end{align\\*}', '\\begin{align*} x \\end{align*}'],
		['f\\(x\\) \\+ g\\-h', 'f(x) + g-h'],
	])('%s → %s', (written, tex) => expect(markdownEscapesAsTex(written)).toBe(tex));

	test.each([
		['\\{x \\mid x > 0\\}', 'braces'],
		['\\|v\\|', 'a norm'],
		['\\begin{bmatrix}a&d\\\\b&e\\\\c&f\\end{bmatrix}', 'line breaks before one letter: matrix rows'],
		['a \\\\ b \\\\ \\vdots', 'line breaks'],
		['\\text{max\\_iter} + \\operatorname{arg\\_max}', 'an underscore in text'],
		['x\\_ \\, \\; \\! \\# \\$ \\% \\&', 'what TeX means'],
	])('%s stays (%s)', (written) => expect(markdownEscapesAsTex(written)).toBe(written));

	test('the formula renders as the TeX its author meant', () => {
		const kramdown = renderTex({ tex: '\\[\\\\vec{v}\\]\\_{\\mathcal{B}} = \\begin{bmatrix} a\\_{1} \\\\ a\\_{n} \\end{bmatrix}', display: false });
		const meant = renderTex({ tex: '[\\vec{v}]_{\\mathcal{B}} = \\begin{bmatrix} a_{1} \\\\ a_{n} \\end{bmatrix}', display: false });
		expect(kramdown.ok).toBe(true);
		expect(kramdown).toEqual(meant);
	});
});
