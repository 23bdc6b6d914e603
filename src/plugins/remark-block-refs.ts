import type { MdastContent, MdastPluginEntry } from 'satteri';
import { blockRefElement, brokenLinkElement } from '../dom/link.ts';
import { text } from '../dom/hast.ts';
import { embedMarkdown, type EmbedContext } from '../notes/embeds.ts';
import { notePathOf } from '../notes/files.ts';
import { sourceRange } from '../notes/mdast.ts';
import { findBlockRefs } from '../notes/logseq.ts';
import type { LinkResolver } from '../notes/links.ts';
import { elementNode, sourceMayHold } from './satteri.ts';

export interface RemarkBlockRefsOptions {
	/** Absolute path of the notes folder. */
	notesRoot: string;
	/** The links of the whole folder, from the notes catalogue (its index of Logseq blocks); undefined: references stay text. */
	links: () => LinkResolver | undefined;
	/** A note's source, for embeds. */
	source: EmbedContext['source'];
}

/**
 * Logseq's block references: `((uuid))` shows the text of the block with that id (`id:: uuid`),
 * anywhere in the graph, as a link to its page; `{{embed ((uuid))}}` (prepared as `!((uuid))`)
 * alone in its paragraph shows the block and its children, quoted as an embedded note is. An id
 * no block has is a marked broken reference (the catalogue reports it).
 */
export function remarkBlockRefs(options: RemarkBlockRefsOptions): MdastPluginEntry {
	return (factory) => {
		if (!sourceMayHold(factory.source, '((') || factory.fileURL?.protocol !== 'file:') return null;
		const resolver = options.links();
		if (!resolver) return null;
		const from = notePathOf(factory.fileURL, options.notesRoot);
		const self = from === undefined ? undefined : resolver.noteAt(from);
		/** Source ranges of paragraphs replaced by an embed: their text is not looked at again. */
		const embedded: { start: number; end: number }[] = [];

		/** What a reference becomes in running text. */
		const inline = (id: string, written: string): MdastContent => {
			const target = resolver.blockRef(id);
			if (target.kind === 'note' && target.block) return elementNode(blockRefElement([text(target.block.text)], target.href));
			return elementNode(brokenLinkElement([text(written.replace(/^!/, ''))], written));
		};

		return {
			name: 'remark-block-refs',
			options: { position: true },
			paragraph(node, context) {
				const written = context.textContent(node).trim();
				const [ref] = findBlockRefs(written);
				if (!ref?.embed || ref.length !== written.length) return;
				const target = resolver.blockRef(ref.id);
				const range = sourceRange(node);
				if (target.kind !== 'note' || !range) return;
				embedded.push(range);
				context.replaceNode(node, { raw: embedMarkdown(target, { resolver, source: options.source }, self ? [self.slug] : []), mdxExpressions: false });
			},
			text(node, context) {
				const refs = findBlockRefs(node.value);
				const range = sourceRange(node);
				if (refs.length === 0 || (range && embedded.some(({ start, end }) => range.start >= start && range.start < end))) return;
				const replacement: MdastContent[] = [];
				let last = 0;
				for (const ref of refs) {
					if (ref.index > last) replacement.push({ type: 'text', value: node.value.slice(last, ref.index) });
					replacement.push(inline(ref.id, node.value.slice(ref.index, ref.index + ref.length)));
					last = ref.index + ref.length;
				}
				if (last < node.value.length) replacement.push({ type: 'text', value: node.value.slice(last) });
				context.replaceNode(node, replacement);
			},
		};
	};
}
