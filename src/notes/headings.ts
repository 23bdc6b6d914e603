import GithubSlugger from 'github-slugger';

/**
 * What becomes of each heading of a note: its id, whether it is a topic (numbered or not), and
 * which headings are dropped. The headings plugin applies it to the page and the catalogue to its
 * outline of the note, so the two agree on every id.
 */

export interface NoteHeadingsOptions {
	/**
	 * Remove the first `#` heading with text, because the layout shows it as the page title.
	 * Default: `true` (a note whose front matter has a `title` passes `false`).
	 */
	liftTitle?: boolean;
}

/** `1. Topic`, `2) Topic`, `3.1 Topic`: the number the author gave the topic. */
const TOPIC_NUMBER = /^\s*(\d+(?:\.\d+)*)[.)]?\s+(?=\S)/;

/** Splits `1. VPC Flow Logs` into its number and the rest; no number → undefined. */
export function splitTopicNumber(text: string): { number: string; rest: string } | undefined {
	const match = TOPIC_NUMBER.exec(text);
	return match ? { number: match[1], rest: text.slice(match[0].length) } : undefined;
}

export type HeadingDecision =
	| { drop: true; title?: string }
	| { drop: false; id: string; topicNumber?: string };

/**
 * Decides each heading of one note, in document order. Deterministic: a new instance per note, so
 * ids depend only on the note.
 * - Empty headings are dropped (a lone `#` line is the author's separator).
 * - The first `#` heading with text is dropped when it is the page title (returned as `title`).
 * - `## 1. VPC Flow Logs` → id `vpc-flow-logs`, number `1`; its `### concepts` → `vpc-flow-logs-concepts`.
 * - Other headings get a plain slug; ids the author wrote are kept.
 */
export class NoteHeadings {
	#slugger = new GithubSlugger();
	#titleLifted: boolean;
	#topicId: string | undefined;

	constructor(options: NoteHeadingsOptions = {}) {
		this.#titleLifted = !(options.liftTitle ?? true);
	}

	decide(heading: { depth: number; text: string; id?: string; topLevel: boolean }): HeadingDecision {
		const { depth, topLevel } = heading;
		const text = heading.text.trim();
		if (text === '') return { drop: true };
		if (depth === 1 && !this.#titleLifted) {
			this.#titleLifted = true;
			return { drop: true, title: text };
		}
		if (depth === 2 && topLevel) {
			const numbered = splitTopicNumber(text);
			const id = heading.id ?? this.#slugger.slug(numbered ? numbered.rest : text);
			this.#topicId = id;
			return { drop: false, id, topicNumber: numbered?.number };
		}
		if (depth === 3 && topLevel && this.#topicId) {
			return { drop: false, id: heading.id ?? this.#slugger.slug(`${this.#topicId} ${text}`) };
		}
		if (depth === 1 && topLevel) this.#topicId = undefined;
		return { drop: false, id: heading.id ?? this.#slugger.slug(text) };
	}
}

/**
 * The section ids of one MDX `<Tabs>` group: `{topic}-{label}` inside a topic, `{label}` outside,
 * de-duplicated within the group. The `<Tabs>` component and the catalogue both use it.
 */
export function tabSectionIds(labels: readonly string[], topic: string | undefined): string[] {
	const slugger = new GithubSlugger();
	return labels.map((label) => slugger.slug(topic ? `${topic} ${label}` : label));
}
