import type { MdastPluginEntry } from 'satteri';
import { highlighterLanguage, mayHoldUnnamedLanguage } from '../notes/code-languages.ts';
import { sourceMayHold } from './satteri.ts';

/**
 * Fence languages as Astro's Shiki names them, before it highlights: in any letter case (```` ```PHP ````
 * is PHP), and a language it does not know as plain text, which it would fall back to anyway, with
 * a warning per block. The build log counts those in one line, from the catalogue. Runs after the
 * diagrams plugin, which takes the mermaid fences away.
 */
export function remarkCodeLanguages(): MdastPluginEntry {
	return (factory) =>
		sourceMayHold(factory.source, mayHoldUnnamedLanguage) && {
			name: 'remark-code-languages',
			code(node, context) {
				if (!node.lang) return;
				const lang = highlighterLanguage(node.lang) ?? 'plaintext';
				if (lang !== node.lang) context.replaceNode(node, { ...node, lang });
			},
		};
}
