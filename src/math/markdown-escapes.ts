import temml from 'temml';

/**
 * Markdown's escapes inside a formula, read as TeX would want them. A note written for kramdown
 * (Jekyll, with MathJax reading the page after it) escapes what Markdown would otherwise take:
 * `$\[\\vec{v}\]\_{\mathcal{B}}$` is `$[\vec{v}]_{\mathcal{B}}$` to its author. A TeX note never
 * means those sequences, so each is decided by what TeX would make of it, and TeX it means stays:
 *
 * - `\[`, `\]`, `\(`, `\)`, `\*`, `\+`, `\-`, `\/`, `\<`, `\?`, `\@` mean nothing in maths: the
 *   character itself;
 * - `\_` before a subscript (`\_{`, `\_1`, `\_\alpha`) is the subscript; inside a text argument
 *   (`\text{max\_iter}`, `\mathrm{…}`, `\operatorname{…}`) it stays the underscore TeX draws;
 * - `\\` before a command of two letters or more (`\\vec`, `\\begin`) is that command's backslash:
 *   a line break followed by letters set as a variable (`\\vec` read as TeX) is never meant, while
 *   `a\\b` in a matrix is a line break and stays one;
 * - everything else TeX reads (`\{`, `\|`, `\\`, `\,`, `\#`, `\$`…) stays as written.
 */

/** Characters TeX gives no meaning after a backslash in maths (Temml rejects them). */
const MEANINGLESS_IN_MATHS = new Set(['[', ']', '(', ')', '*', '+', '-', '/', '<', '?', '@']);
/** Commands whose braced argument is text, where `\_` is an underscore. */
const TEXT_ARGUMENT = /^(?:text[a-z]*|math(?:rm|it|tt|sf|bf|normal)|operatorname|mbox|hbox)$/;

const commands = new Map<string, boolean>();

/** Does TeX (as Temml reads it, with the site's macros) know `\name`? */
function isCommand(name: string, macros: Record<string, string>): boolean {
	let known = commands.get(name);
	if (known === undefined) {
		try {
			temml.renderToString(`\\${name}`, { throwOnError: true, macros: { ...macros } });
			known = true;
		} catch (error) {
			// Any other complaint (a missing argument, `\end` without `\begin`) is about a command it knows.
			known = !(error instanceof Error && error.message.includes('Unsupported function name'));
		}
		commands.set(name, known);
	}
	return known;
}

/** `tex` with the Markdown escapes TeX does not mean read as their characters (see the module comment). */
export function markdownEscapesAsTex(tex: string, macros: Record<string, string> = {}): string {
	if (!tex.includes('\\')) return tex;
	let output = '';
	let depth = 0;
	/** Brace depths at which text arguments opened. */
	const textArguments: number[] = [];
	/** The last command read takes a text argument, and its `{` has not come yet. */
	let textArgumentNext = false;
	for (let index = 0; index < tex.length; index++) {
		const character = tex[index];
		if (character !== '\\') {
			if (character === '{') {
				depth++;
				if (textArgumentNext) textArguments.push(depth);
			} else if (character === '}') {
				if (textArguments.at(-1) === depth) textArguments.pop();
				depth--;
			}
			if (!/[\s*]/.test(character)) textArgumentNext = false;
			output += character;
			continue;
		}
		const name = /^[A-Za-z]+/.exec(tex.slice(index + 1))?.[0];
		if (name) {
			output += `\\${name}`;
			index += name.length;
			textArgumentNext = TEXT_ARGUMENT.test(name);
			continue;
		}
		textArgumentNext = false;
		const next = tex[index + 1] ?? '';
		const after = tex.slice(index + 2);
		// The escaped backslash of a command: dropped, and the command read from its own backslash.
		if (next === '\\' && isCommandName(after, macros)) continue;
		if (MEANINGLESS_IN_MATHS.has(next)) output += next;
		else if (next === '_' && textArguments.length === 0 && /^[{\\\p{L}\p{N}]/u.test(after)) output += '_';
		else output += `\\${next}`;
		index++;
	}
	return output;
}

/** Does `text` start with the name of a command of two letters or more? */
function isCommandName(text: string, macros: Record<string, string>): boolean {
	const name = /^[A-Za-z]{2,}/.exec(text)?.[0];
	return name !== undefined && isCommand(name, macros);
}
