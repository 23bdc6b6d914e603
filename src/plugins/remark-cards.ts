import type { Paragraph, RootContent } from 'mdast';
import type { MdastContent, MdastPluginEntry } from 'satteri';
import { CARD_ANSWER_CLASS, CARD_QUESTION_CLASS, CARD_TAG, cardProperties, type CardElementKind } from '../dom/card.ts';
import { CardIds, isFlashcardsTag, mayHoldCards, paragraphCards, partIds, type ParagraphCards } from '../notes/cards.ts';
import type { LinkResolver } from '../notes/links.ts';
import { sourceRange } from '../notes/mdast.ts';
import { mutableCopy } from './satteri.ts';
import { notePathOf } from '../notes/files.ts';

export interface RemarkCardsOptions {
	notesRoot: string;
	/** The notes catalogue's links, for the note's tags (only a note tagged `#flashcards` has cards in the plugin's syntax). */
	links: () => LinkResolver | undefined;
}

const cardNode = (kind: CardElementKind, ids: string[], children: MdastContent[]) =>
	({ type: 'notesCard', data: { hName: CARD_TAG, hProperties: cardProperties(kind, ids) }, children }) as unknown as MdastContent;

const sideNode = (className: string, children: MdastContent[]) =>
	({ type: 'notesCardSide', data: { hName: 'div', hProperties: { className: [className] } }, children }) as unknown as MdastContent;

/** What a paragraph's cards become (`src/dom/card.ts`), its other lines staying a paragraph. */
function drawnParts(found: ParagraphCards, ids: CardIds): MdastContent[] {
	return found.parts.map((part) => {
		if (part.type === 'prose') return { type: 'paragraph', children: part.children } as MdastContent;
		const cardIds = partIds(part, ids).map(({ id }) => id);
		if (part.type === 'cloze') return cardNode('cloze', cardIds, [{ type: 'paragraph', children: part.children } as MdastContent]);
		// The blocks a `?` card's answer takes are copied: the originals are removed from the tree.
		const answer = [...(part.answer.length > 0 ? [{ type: 'paragraph', children: part.answer }] : []), ...part.answerBlocks.map(mutableCopy)] as MdastContent[];
		return cardNode('pair', cardIds, [
			sideNode(CARD_QUESTION_CLASS, [{ type: 'paragraph', children: part.question } as MdastContent]),
			sideNode(CARD_ANSWER_CLASS, answer),
		]);
	});
}

/**
 * Flashcards in the spaced-repetition plugin's syntax (`Q::A`, `Q:::A`, `?` and `??` cards, and
 * `==cloze==`), in a note tagged `#flashcards` as the plugin wants, drawn as questions and answers by
 * the rules and with the ids of `src/notes/cards.ts`, which the catalogue lists. Other notes, and
 * tagged ones without `::`, `==` or a `?` line, are left alone.
 */
export function remarkCards(options: RemarkCardsOptions): MdastPluginEntry {
	return (factory) => {
		const relativePath = notePathOf(factory.fileURL, options.notesRoot);
		if (relativePath === undefined) return null;
		// The catalogue's tags (front matter and inline); outside a catalogue (a test), the front matter's.
		const frontmatter = (factory.data.astro as { frontmatter?: { tags?: unknown } } | undefined)?.frontmatter;
		const tags = options.links()?.noteAt(relativePath)?.tags ?? (Array.isArray(frontmatter?.tags) ? frontmatter.tags.map(String) : []);
		if (!tags.some(isFlashcardsTag) || !mayHoldCards(factory.source)) return null;
		const ids = new CardIds(relativePath);
		/** Where the blocks a `?` card's answer took stand: not cards of their own. */
		const taken: number[] = [];
		return {
			name: 'remark-cards',
			options: { position: true },
			paragraph(node, context) {
				const start = sourceRange(node)?.start;
				if (start === undefined || taken.includes(start)) return;
				// Only a `?` card reads what follows it: `parent()` copies the document out of Rust.
				let siblings: NonNullable<ReturnType<typeof context.parent>>['children'] | undefined;
				const following = () => (siblings ??= context.parent(node)?.children.slice((context.indexOf(node) ?? 0) + 1) ?? []);
				const found = paragraphCards(node as Paragraph, () => following() as readonly RootContent[], context.source);
				if (!found) return;
				for (const block of found.takes > 0 ? following().slice(0, found.takes) : []) {
					const blockStart = sourceRange(block)?.start;
					if (blockStart !== undefined) taken.push(blockStart);
					context.removeNode(block);
				}
				context.replaceNode(node, drawnParts(found, ids));
			},
		};
	};
}
