import type { Element, ElementContent, Root, RootContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { htmlToHast } from 'satteri';
import { CARD_ANSWER_CLASS, CARD_QUESTION_CLASS, CARD_TAG, type ReviewDeck } from './card.ts';
import { classList, h, text } from './hast.ts';

/**
 * Cards away from any script (an Anki package, a printed sheet) as two sides of HTML, each asked
 * as the review page asks it: a summary card's front is its topic, a `Q:::A` card is asked both
 * ways, a cloze card once per mark, that mark a blank on the front and marked on the back.
 *
 * ```html
 * front: <p>Port of <mark class="card__blank">[…]</mark> is 22</p>
 * back:  <p>Port of <mark class="card__revealed">SSH</mark> is 22</p>
 * ```
 */
export const CLOZE_BLANK_CLASS = 'card__blank';
export const CLOZE_REVEALED_CLASS = 'card__revealed';
export const CLOZE_BLANK_TEXT = '[…]';

export interface CardSides {
	/** The card's id, as the review page schedules it. */
	id: string;
	front: string;
	back: string;
}

type DeckCard = ReviewDeck['cards'][number];

/** Where a card's images and links lead once it leaves the site (an Anki package's media, the site's full URLs). */
export interface CardUrls {
	image(src: string): string;
	link(href: string): string;
}

/** Interactive parts of a card (an image's zoom button and its dialog) that mean nothing on paper or in Anki. */
const INTERACTIVE = new Set(['button', 'dialog']);

/** The card's content without its interactive parts; with `urls`, its images and links lead there (an image's other sizes dropped). */
function prepared(nodes: readonly ElementContent[], urls: CardUrls | undefined): ElementContent[] {
	return nodes.flatMap((node): ElementContent[] => {
		if (node.type !== 'element') return [node];
		if (INTERACTIVE.has(node.tagName)) return [];
		let properties = node.properties;
		if (urls && node.tagName === 'img' && typeof properties.src === 'string') {
			const { srcSet: _srcSet, sizes: _sizes, loading: _loading, ...rest } = properties;
			properties = { ...rest, src: urls.image(properties.src) };
		}
		if (urls && node.tagName === 'a' && typeof properties.href === 'string') properties = { ...properties, href: urls.link(properties.href) };
		return [{ ...node, properties, children: prepared(node.children, urls) }];
	});
}

const isElement = (node: RootContent | ElementContent): node is Element => node.type === 'element';

/** The content of the card's `<notes-card>` element. */
function cardContent(card: DeckCard, urls: CardUrls | undefined): ElementContent[] {
	const tree = htmlToHast(card.html, { fragment: true }) as Root;
	const element = tree.children.filter(isElement).find((node) => node.tagName === CARD_TAG);
	if (!element) throw new Error(`A card (${card.ids.join(' ')}) has no <${CARD_TAG}> element: ${card.html.slice(0, 120)}`);
	return prepared(element.children, urls);
}

const childWithClass = (nodes: readonly ElementContent[], className: string) =>
	nodes.filter(isElement).find((node) => classList(node).includes(className))?.children ?? [];

/** The content with its `index`th `<mark>` (in document order) made by `replace`. */
function withMark(nodes: readonly ElementContent[], index: number, replace: (mark: Element) => Element): ElementContent[] {
	let seen = 0;
	const walk = (children: readonly ElementContent[]): ElementContent[] =>
		children.map((node) => {
			if (!isElement(node)) return node;
			if (node.tagName === 'mark') return seen++ === index ? replace(node) : node;
			return { ...node, children: walk(node.children) };
		});
	return walk(nodes);
}

const html = (nodes: readonly ElementContent[]) => toHtml({ type: 'root', children: [...nodes] });

/** Every card a card element holds, each with its two sides. */
export function cardSides(card: DeckCard, urls?: CardUrls): CardSides[] {
	const content = cardContent(card, urls);
	if (card.kind === 'summary') {
		return [{ id: card.ids[0], front: html([h('p', {}, [text(card.topic?.text ?? '')])]), back: html(content) }];
	}
	if (card.kind === 'cloze') {
		return card.ids.map((id, index) => ({
			id,
			front: html(withMark(content, index, () => h('mark', { className: [CLOZE_BLANK_CLASS] }, [text(CLOZE_BLANK_TEXT)]))),
			back: html(withMark(content, index, (mark) => ({ ...mark, properties: { ...mark.properties, className: [CLOZE_REVEALED_CLASS] } }))),
		}));
	}
	const question = html(childWithClass(content, CARD_QUESTION_CLASS));
	const answer = html(childWithClass(content, CARD_ANSWER_CLASS));
	const [forward, reverse] = card.ids;
	return [{ id: forward, front: question, back: answer }, ...(reverse ? [{ id: reverse, front: answer, back: question }] : [])];
}
