import type { Element, Root } from 'hast';
import { htmlToHast } from 'satteri';
import temml from 'temml';
import { textOf } from '../dom/hast.ts';
import { markdownEscapesAsTex } from './markdown-escapes.ts';

/**
 * TeX in notes, rendered when the site is built, with Temml: MathML that browsers draw with the
 * reader's own math font. Chosen over KaTeX's HTML output for the pages it makes: about seven
 * times less markup per formula, text a screen reader and the search index read as maths, and a
 * 9 KB stylesheet instead of 24 KB of CSS and some 300 KB of fonts. The catalogue renders each
 * formula (to report the invalid ones, file:line); the Markdown plugin then reads the same render.
 */

/** A formula as the note gives it: its TeX, and whether it stands as a block (`$$…$$`). */
export interface TexSpan {
	tex: string;
	display: boolean;
}

/**
 * What Sätteri read as `$…$` math, read by Pandoc's rules for the dollar sign: `$$…$$` is display
 * maths; a single `$` opens only before a non-space and closes only after one, and not before a
 * digit. So "costs $5 or $10" and "$ x $" are prose (`undefined`). `written` is the source from the
 * opening `$` to the closing one, `next` the character after it.
 */
export function texSpan(written: string, next: string): TexSpan | undefined {
	if (written.length >= 4 && written.startsWith('$$') && written.endsWith('$$')) return { tex: written.slice(2, -2).trim(), display: true };
	if (written.length < 3 || !written.startsWith('$') || !written.endsWith('$')) return undefined;
	const tex = written.slice(1, -1);
	if (/^\s/.test(tex) || /\s$/.test(tex) || /^\d/.test(next)) return undefined;
	return { tex, display: false };
}

/** A formula rendered: its MathML as hast, and its text (what `textContent` reads), or why it is not valid TeX. */
export type RenderedTex = { ok: true; mathml: Element; text: string } | { ok: false; message: string };

const rendered = new Map<string, RenderedTex>();

/**
 * What Obsidian's MathJax reads and Temml does not: `\mit`, and `\bbox[colour]{…}` (a coloured
 * box; with other options, a framed one).
 */
const MATHJAX_MACROS = { '\\mit': '\\mathit', '\\notesColourBox': '\\colorbox{#1}{$#2$}' };
const BBOX = /\\bbox(?:\[([^\]]*)\])?/g;
function mathJaxCompatible(tex: string): string {
	if (!tex.includes('\\bbox')) return tex;
	return tex.replace(BBOX, (_, options = '') => {
		const colour = /^\s*([a-zA-Z]+|#[\da-fA-F]{3,6})\s*(?:,|$)/.exec(options)?.[1];
		return colour ? `\\notesColourBox{${colour}}` : '\\boxed';
	});
}

/**
 * Renders a formula to MathML, once per formula and mode in a build: the catalogue and the
 * Markdown plugin both ask for it. Markdown escapes TeX has no use for are read first
 * (`src/math/markdown-escapes.ts`). No `\href` or `\url` (`trust` stays off), and macro expansion
 * is capped, so a note cannot make the build loop.
 */
export function renderTex({ tex, display }: TexSpan): RenderedTex {
	const key = `${display ? 'D' : 'I'}${tex}`;
	let result = rendered.get(key);
	if (result) return result;
	try {
		const markup = temml.renderToString(mathJaxCompatible(markdownEscapesAsTex(tex, MATHJAX_MACROS)), {
			displayMode: display,
			throwOnError: true,
			annotate: false,
			trust: false,
			maxExpand: 1000,
			macros: { ...MATHJAX_MACROS },
		});
		const mathml = (htmlToHast(markup, { fragment: true }) as Root).children.find((node) => node.type === 'element') as Element;
		result = { ok: true, mathml, text: textOf(mathml) };
	} catch (error) {
		const message = error instanceof Error ? error.message.replace(/^ParseError: /, '').trim() : String(error);
		result = { ok: false, message };
	}
	rendered.set(key, result);
	return result;
}

/** A formula's text as the page's `textContent` reads it (`\mathbb{R}^{n}` → `ℝn`); invalid TeX as written. */
export function texText(span: TexSpan): string {
	const result = renderTex(span);
	return result.ok ? result.text : span.tex;
}

const SUPERSCRIPTS = Object.fromEntries([...'0123456789+-=()abcdefghijklmnoprstuvwxyz'].map((c, i) => [c, [...'⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻ'][i]]));
const SUBSCRIPTS = Object.fromEntries([...'0123456789+-=()aehijklmnoprstuvx'].map((c, i) => [c, [...'₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ₐₑₕᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓ'][i]]));

/** `n` → `ⁿ` when every character has a Unicode superscript (or subscript), else `^n` (`_n`). */
function scripted(text: string, table: Record<string, string>, mark: string): string {
	const characters = [...text];
	return characters.every((character) => table[character]) ? characters.map((character) => table[character]).join('') : `${mark}${text.length > 1 ? `(${text})` : text}`;
}

function plainText(node: Element['children'][number]): string {
	if (node.type === 'text') return node.value;
	if (node.type !== 'element') return '';
	const [base, script, second] = node.children.filter((child) => child.type === 'element');
	if (node.tagName === 'msup' && script) return plainText(base) + scripted(textOf(script), SUPERSCRIPTS, '^');
	if (node.tagName === 'msub' && script) return plainText(base) + scripted(textOf(script), SUBSCRIPTS, '_');
	if (node.tagName === 'msubsup' && second) return plainText(base) + scripted(textOf(script), SUBSCRIPTS, '_') + scripted(textOf(second), SUPERSCRIPTS, '^');
	return node.children.map(plainText).join('');
}

/** A formula as a note's title shows it, in plain text that keeps what it can of the maths: `\mathbb{R}^{n}` → `ℝⁿ`. */
export function texTitle(span: TexSpan): string {
	const result = renderTex(span);
	return result.ok ? plainText(result.mathml) : span.tex;
}
