import type { Element } from 'hast';
import type { HastPluginEntry } from 'satteri';
import { headingAliasElement } from '../dom/heading.ts';
import { TOPIC_NUMBER_ATTRIBUTE } from '../dom/topic.ts';
import type { LinkResolver } from '../notes/links.ts';
import { NoteHeadings, splitTopicNumber, type NoteHeadingsOptions } from '../notes/headings.ts';
import { titleFromFileName } from '../notes/title.ts';
import { nodeId } from './satteri.ts';
import { notePathOf } from '../notes/files.ts';

export interface RehypeNoteHeadingsOptions extends Pick<NoteHeadingsOptions, 'liftTitle'> {
	notesRoot?: string;
	/**
	 * The notes folder is an Obsidian vault: a note is titled by its file name, and its first `#`
	 * heading is lifted only when it repeats that name (as the catalogue decides).
	 */
	vault?: boolean;
	/** The catalogue's notes, whose headings know the anchors GitHub gives them (`src/dom/heading.ts`). */
	links?: () => LinkResolver | undefined;
}

const HEADINGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'];

/**
 * The Sätteri plugin: applies {@link NoteHeadings} to every heading (ids, topic numbers, the title
 * lifted out of the body, separators dropped). The notes catalogue makes the same decisions on
 * its outline of the note, so the page title, sidebar and table of contents match these ids.
 *
 * Whether a heading is top-level needs its parent, and asking Sätteri for a parent copies the
 * whole document into JavaScript. So the visitor only collects the headings (Rust finds them), and
 * `after` tells the top-level ones by their ids among the root's children, then decides in
 * document order.
 */
export function rehypeNoteHeadings(options: RehypeNoteHeadingsOptions = {}): HastPluginEntry {
	return (document) => {
		const astro = document.data.astro as { frontmatter?: { title?: unknown } } | undefined;
		const notePath = options.notesRoot ? notePathOf(document.fileURL, options.notesRoot) : undefined;
		const liftOnly = options.vault && notePath && titleFromFileName(notePath, { vault: true });
		const headings = new NoteHeadings({ liftTitle: options.liftTitle ?? !astro?.frontmatter?.title, liftOnly: liftOnly || undefined });
		const found: Element[] = [];
		return {
			name: 'rehype-note-headings',
			element: {
				filter: HEADINGS,
				visit(node: Element) {
					found.push(node);
				},
			},
			after(root, context) {
				if (found.length === 0) return;
				const note = notePath === undefined ? undefined : options.links?.()?.noteAt(notePath);
				// GitHub's anchor of each heading, unless another heading has it as its id here.
				const ids = new Set(note?.headings.map((heading) => heading.id));
				const githubIds = new Map(note?.headings.flatMap(({ id, githubId }) => (githubId && !ids.has(githubId) ? [[id, githubId]] : [])));
				const topLevel = new Set(root.children.map((child) => nodeId(child)));
				for (const node of found) {
					const text = context.textContent(node);
					const decision = headings.decide({
						depth: Number(node.tagName[1]),
						text,
						id: typeof node.properties.id === 'string' ? node.properties.id : undefined,
						topLevel: topLevel.has(nodeId(node)),
					});
					if (decision.drop) {
						// A heading whose only content is markup (an image, say) is not empty.
						const hasOnlyText = node.children.every((child) => child.type === 'text');
						if (hasOnlyText || text.trim() !== '') context.removeNode(node);
						continue;
					}
					context.setProperty(node, 'id', decision.id);
					if (decision.topicNumber) {
						context.setProperty(node, TOPIC_NUMBER_ATTRIBUTE, decision.topicNumber);
						const first = node.children[0];
						if (first?.type === 'text') {
							const value = context.textContent(first);
							context.setProperty(first, 'value', splitTopicNumber(value)?.rest ?? value);
						}
					}
					const githubId = githubIds.get(decision.id);
					if (githubId) context.prependChild(node, headingAliasElement(githubId));
				}
			},
		};
	};
}
