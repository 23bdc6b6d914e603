/** A reviewed card's strength, and where it is read: its topic (or its note, for a card outside a topic). */
export interface CardStrength {
	href: string;
	title: string;
	/** Times the reader answered it "Again". */
	forgotten: number;
	/** The chance FSRS gives that the reader recalls it now, 0–1. */
	retrievability: number;
}

export type WeakTopic = CardStrength;

/** How many topics the review page lists. */
export const WEAK_TOPICS_SHOWN = 5;

/**
 * The weakest topics: each topic's cards taken together (how often forgotten, in all; the lowest
 * retrievability), only those forgotten at least once, the most forgotten first, then the least
 * likely recalled.
 */
export function weakestTopics(cards: Iterable<CardStrength>, count = WEAK_TOPICS_SHOWN): WeakTopic[] {
	const topics = new Map<string, WeakTopic>();
	for (const card of cards) {
		if (card.forgotten === 0) continue;
		const topic = topics.get(card.href);
		if (topic) {
			topic.forgotten += card.forgotten;
			topic.retrievability = Math.min(topic.retrievability, card.retrievability);
		} else topics.set(card.href, { ...card });
	}
	return [...topics.values()].sort((a, b) => b.forgotten - a.forgotten || a.retrievability - b.retrievability).slice(0, count);
}
