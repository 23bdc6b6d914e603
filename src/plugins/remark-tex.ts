import type { MdastPluginDefinition } from 'satteri';
import { mathErrorElement } from '../dom/math.ts';
import { renderTex, texSpan, type TexSpan } from '../math/tex.ts';
import { sourceRange } from '../notes/mdast.ts';
import { elementNode } from './satteri.ts';

/** The mdast node that renders as a formula's MathML, or its error box. */
function texNode(span: TexSpan) {
	const result = renderTex(span);
	return elementNode(result.ok ? result.mathml : mathErrorElement(span, result.message), 'notesMath');
}

/**
 * Renders `$…$`, `$$…$$` (and what the source preparation turned into them: `\(…\)`, `\[…\]`,
 * ```` ```math ```` fences) as MathML when the site is built (see `src/math/tex.ts`). Dollars that
 * Pandoc's rules read as prose ("costs $5 or $10") are given back as the text they were. Invalid
 * TeX shows its source in an error box; the catalogue reports it.
 */
export function remarkTex(): MdastPluginDefinition {
	return {
		name: 'remark-tex',
		options: { position: true },
		inlineMath(node, context) {
			const range = sourceRange(node);
			// Without a position, the formula comes from an embedded note, whose prose dollars came escaped.
			if (!range) {
				context.replaceNode(node, texNode({ tex: node.value, display: false }));
				return;
			}
			const written = context.source.slice(range.start, range.end);
			const span = texSpan(written, context.source.charAt(range.end));
			context.replaceNode(node, span ? texNode(span) : { type: 'text', value: written });
		},
		math(node, context) {
			context.replaceNode(node, texNode({ tex: node.value, display: true }));
		},
	};
}
