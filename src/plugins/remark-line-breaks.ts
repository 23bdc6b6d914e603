import type { MdastContent, MdastPluginDefinition } from 'satteri';

/**
 * A single newline in a paragraph as a line break, as Obsidian shows it (its "strict line breaks"
 * off). Code, maths and HTML are other nodes, so they keep their newlines. Reads each text
 * through the context, so Sätteri copies nothing of a note without newlines in its text.
 */
export function remarkLineBreaks(): MdastPluginDefinition {
	return {
		name: 'remark-line-breaks',
		text(node, context) {
			const value = context.textContent(node);
			if (!value.includes('\n')) return;
			const replacement: MdastContent[] = [];
			value.split('\n').forEach((line, index) => {
				if (index > 0) replacement.push({ type: 'break' });
				if (line) replacement.push({ type: 'text', value: line });
			});
			context.replaceNode(node, replacement);
		},
	};
}
