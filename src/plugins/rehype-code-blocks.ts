import type { Element } from 'hast';
import type { HastPluginDefinition } from 'satteri';
import { CODE_BLOCK_CLASS, codeBlockWrapper } from '../dom/code.ts';
import { classList } from '../dom/hast.ts';

export function codeLanguage(pre: Element): string | undefined {
	const fromPre = pre.properties.dataLanguage;
	if (typeof fromPre === 'string' && fromPre !== 'plaintext') return fromPre;
	const code = pre.children.find((child): child is Element => child.type === 'element' && child.tagName === 'code');
	const languageClass = code && classList(code).find((name) => name.startsWith('language-'));
	return languageClass?.slice('language-'.length);
}

/** Wraps every fenced code block in the code block contract, which adds a copy button. */
export function rehypeCodeBlocks(): HastPluginDefinition {
	return {
		name: 'rehype-code-blocks',
		element: {
			filter: ['pre'],
			visit(node: Element, context) {
				const parent = context.parent(node);
				if (parent?.type === 'element' && classList(parent).includes(CODE_BLOCK_CLASS)) return;
				context.wrapNode(node, codeBlockWrapper(codeLanguage(node)));
			},
		},
	};
}
