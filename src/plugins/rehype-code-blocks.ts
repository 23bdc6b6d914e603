import type { Element, ElementContent, Root, RootContent } from 'hast';
import { CODE_BLOCK_CLASS, codeBlockElement } from '../dom/code.ts';
import { classList } from '../dom/hast.ts';
import { hastTreePlugin } from './satteri.ts';

function languageOf(pre: Element): string | undefined {
	const fromPre = pre.properties.dataLanguage;
	if (typeof fromPre === 'string' && fromPre !== 'plaintext') return fromPre;
	const code = pre.children.find((child): child is Element => child.type === 'element' && child.tagName === 'code');
	const languageClass = code && classList(code).find((name) => name.startsWith('language-'));
	return languageClass?.slice('language-'.length);
}

/** Wraps every fenced code block in the code block contract, which adds a copy button. */
export function codeBlocks(root: Root): Root['children'] {
	const visit = <T extends RootContent | ElementContent>(nodes: T[]): T[] =>
		nodes.map((node) => {
			if (node.type !== 'element') return node;
			if (node.tagName === 'pre') return codeBlockElement(node, languageOf(node)) as T;
			if (classList(node).includes(CODE_BLOCK_CLASS)) return node;
			node.children = visit(node.children);
			return node;
		});
	return visit(root.children);
}

export function rehypeCodeBlocks() {
	return hastTreePlugin('rehype-code-blocks', (root) => codeBlocks(root));
}
