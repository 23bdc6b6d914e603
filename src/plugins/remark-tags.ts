import type { MdastContent, MdastPluginEntry } from 'satteri';
import { tagLinkElement } from '../dom/tag.ts';
import { findTagsAsWritten, MAY_HAVE_TAGS } from '../notes/tags.ts';
import { elementNode, sourceMayHold } from './satteri.ts';

export interface RemarkTagsOptions {
	/** The site's base path (`/aws-notes/`), for the links to tag pages. Default: `/`. */
	base?: string;
}

/**
 * Obsidian's inline `#tags` as links to their tag pages (`src/dom/tag.ts`), found as the
 * catalogue finds them (`src/notes/tags.ts`): not in code, links, URLs or headings' `#`, not `#123`.
 */
export function remarkTags(options: RemarkTagsOptions = {}): MdastPluginEntry {
	const base = options.base ?? '/';
	return (factory) =>
		sourceMayHold(factory.source, MAY_HAVE_TAGS) && {
			name: 'remark-tags',
			options: { position: true },
			text(node, context) {
				const value = context.textContent(node);
				if (!value.includes('#')) return;
				// A text another plugin made (beside a wikilink) has no position: a `#` at its start follows that link.
				const start = node.position?.start.offset;
				const end = node.position?.end.offset;
				const tags =
					start !== undefined && end !== undefined
						? findTagsAsWritten(value, context.source.slice(start, end), context.source.charAt(start - 1))
						: findTagsAsWritten(value, value, '\\');
				if (tags.length === 0) return;
				const replacement: MdastContent[] = [];
				let last = 0;
				for (const { index, length, tag } of tags) {
					if (index > last) replacement.push({ type: 'text', value: value.slice(last, index) });
					replacement.push(elementNode(tagLinkElement(base, tag), 'notesTag'));
					last = index + length;
				}
				if (last < value.length) replacement.push({ type: 'text', value: value.slice(last) });
				context.replaceNode(node, replacement);
			},
		};
}
