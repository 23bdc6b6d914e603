import type { Element } from 'hast';
import type { HastPluginEntry } from 'satteri';
import { headingAliasElement } from '../dom/heading.ts';
import { TOPIC_NUMBER_ATTRIBUTE } from '../dom/topic.ts';
import type { LinkResolver } from '../notes/links.ts';
import { splitTopicNumber } from '../notes/headings.ts';
import { headingKey } from '../notes/note-tree.ts';
import { notePathOf } from '../notes/files.ts';

export interface RehypeNoteHeadingsOptions {
	notesRoot: string;
	/** The notes catalogue, which decided each heading of each note (`NoteContents.pageHeadings`). */
	links: () => LinkResolver | undefined;
}

const HEADINGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'];

/**
 * The Sätteri plugin: applies what the notes catalogue decided for each heading of the note (its
 * id and topic number; the title lifted out of the body; separators dropped), found by where the
 * heading starts. Nothing is decided here, so the page's ids are those the table of contents,
 * the home page, backlinks and links between notes point at, whatever the heading holds (a broken
 * link's hidden label, a footnote call). A heading the note's text does not hold (the footnotes'
 * label, which Sätteri adds) keeps what it has.
 */
export function rehypeNoteHeadings(options: RehypeNoteHeadingsOptions): HastPluginEntry {
	return (document) => {
		const notePath = notePathOf(document.fileURL, options.notesRoot);
		const found: Element[] = [];
		return {
			name: 'rehype-note-headings',
			options: { position: true },
			element: {
				filter: HEADINGS,
				visit(node: Element) {
					found.push(node);
				},
			},
			after(_root, context) {
				if (found.length === 0) return;
				const note = notePath === undefined ? undefined : options.links()?.noteAt(notePath);
				if (!note) throw new Error(`${notePath ?? document.fileURL}: the notes catalogue does not hold this note, so its headings have no ids.`);
				// GitHub's anchor of each heading, unless another heading has it as its id here.
				const ids = new Set(note.headings.map((heading) => heading.id));
				const githubIds = new Map(note.headings.flatMap(({ id, githubId }) => (githubId && !ids.has(githubId) ? [[id, githubId]] : [])));
				for (const node of found) {
					const start = node.position?.start;
					const decision = start && note.pageHeadings.get(headingKey(start.line, start.column));
					if (!decision) continue;
					if (decision.drop) {
						// A heading whose only content is markup (an image, say) is not empty.
						if (node.children.every((child) => child.type === 'text') || context.textContent(node).trim() !== '') context.removeNode(node);
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
