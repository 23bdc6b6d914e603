import { isSpecialLang } from 'shiki/core';
import { bundledLanguages } from 'shiki/langs';

/**
 * The languages of fenced code blocks, as the highlighter (Astro's Shiki, with its bundled
 * languages) names them. Authors write them in any letter case (`PHP`, `GO`, `Python`); Shiki
 * knows them in lower case only. The catalogue lists the languages it does not know, for one line
 * in the build log; `remark-code-languages` gives Shiki the names it knows.
 */

/** Every language name and alias Shiki has, by its lower case. */
const KNOWN = new Map(Object.keys(bundledLanguages).map((name) => [name.toLowerCase(), name]));

/**
 * A fence's language as Shiki names it (`PHP` → `php`), or `undefined` when Shiki has no such
 * language. An attribute where the language goes (MkDocs' ```` ``` title="app.py" ````) names none: plain text.
 */
export function highlighterLanguage(lang: string): string | undefined {
	if (isSpecialLang(lang)) return lang;
	if (lang.includes('=')) return 'plaintext';
	const lower = lang.toLowerCase();
	return KNOWN.get(lower) ?? (isSpecialLang(lower) ? lower : undefined);
}

/** The fences' info words in a note's source: a look before its tree is walked. */
const FENCE_LANGUAGE = /^[ \t>]*(?:`{3,}|~{3,})[ \t]*([^\s`]+)/gm;

/** May the note hold a fence whose language Shiki does not take as written (in other letter case, or unknown)? */
export function mayHoldUnnamedLanguage(source: string): boolean {
	for (const match of source.matchAll(FENCE_LANGUAGE)) if (highlighterLanguage(match[1]) !== match[1]) return true;
	return false;
}
