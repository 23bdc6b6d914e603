import GithubSlugger from 'github-slugger';

/**
 * What becomes of each heading of a note: its id, whether it is a topic (numbered or not), and
 * which headings are dropped. The headings plugin applies it to the page and the catalogue to its
 * outline of the note, so the two agree on every id.
 */

export interface NoteHeadingsOptions {
	/**
	 * Take the note's first heading, when it is a `#` heading that names the note, out of the body:
	 * the layout shows it as the page title. Default: `true` (a note whose front matter has a
	 * `title` passes `false`).
	 */
	liftTitle?: boolean;
	/**
	 * Lift the first heading only when it reads as this title (letter case and spacing aside): in an
	 * Obsidian vault the file name is the title, and a first `# Heading` repeating it would show twice.
	 */
	liftOnly?: string;
}

/** Two titles that read the same: letter case, spacing and the joining `-`/`_` of file names aside. */
const sameTitle = (a: string, b: string) => {
	const plain = (text: string) => text.toLocaleLowerCase().replace(/[\s_-]+/g, ' ').trim();
	return plain(a) === plain(b);
};

/**
 * Headings that name a part of a note, not the note: many notes start with `# Overview`, and a
 * site whose notes are all titled "Overview" says nothing. Compared in lower case, numbers left out.
 */
const GENERIC_HEADINGS = new Set([
	'overview', 'introduction', 'intro', 'summary', 'notes', 'note', 'lecture', 'lecture notes', 'lecture/notes',
	'contents', 'table of contents', 'toc', 'index', 'readme', 'outline', 'agenda', 'abstract', 'preface',
	'background', 'chapter', 'untitled', 'draft', 'todo', 'key points', 'tl;dr', 'tldr', 'recap', 'review',
	'introduzione', 'indice', 'sommario', 'riassunto', 'einleitung', 'übersicht', 'zusammenfassung', 'sommaire',
	'résumé', 'introducción', 'resumen', 'índice', 'introdução', 'resumo', '目录', '简介', '概述', '前言', '总结', '概要',
]);

/** "Overview", "1. Introduction", "Lecture Notes": a heading many notes share, which does not name one. */
export function isGenericHeading(text: string): boolean {
	const bare = (splitTopicNumber(text)?.rest ?? text).trim().toLowerCase().replace(/[:.]+$/, '');
	return GENERIC_HEADINGS.has(bare);
}

/** `1. Topic`, `2) Topic`, `3.1 Topic`: the number the author gave the topic. */
const TOPIC_NUMBER = /^\s*(\d+(?:\.\d+)*)[.)]?\s+(?=\S)/;

/** Splits `1. VPC Flow Logs` into its number and the rest; no number → undefined. */
export function splitTopicNumber(text: string): { number: string; rest: string } | undefined {
	const match = TOPIC_NUMBER.exec(text);
	return match ? { number: match[1], rest: text.slice(match[0].length) } : undefined;
}

/**
 * A `###` section with nothing under it is left out (`### architecture`, a placeholder for notes
 * to come), unless its heading says something itself: `### OSI Layer 7 - DNS: \`dig +trace\``.
 */
export const headingCarriesContent = (text: string): boolean => text.trim().split(/\s+/).length > 3;

export type HeadingDecision =
	| { drop: true; title?: string }
	| { drop: false; id: string; topicNumber?: string };

/**
 * Decides each heading of one note, in document order. Deterministic: a new instance per note, so
 * ids depend only on the note.
 * - Empty headings are dropped (a lone `#` line is the author's separator).
 * - The note's first heading is dropped when it is the page title (returned as `title`): a `#`
 *   heading that is not generic ({@link isGenericHeading}), and with `liftOnly`, one that reads as
 *   that title. A `#` heading further down stays.
 * - `## 1. VPC Flow Logs` → id `vpc-flow-logs`, number `1`; its `### concepts` → `vpc-flow-logs-concepts`.
 * - Other headings get a plain slug; ids the author wrote are kept.
 */
export class NoteHeadings {
	#slugger = new GithubSlugger();
	/** Only the first heading with text may be the title. */
	#titleDecided: boolean;
	#topicId: string | undefined;
	#liftOnly: string | undefined;

	constructor(options: NoteHeadingsOptions = {}) {
		this.#titleDecided = !(options.liftTitle ?? true);
		this.#liftOnly = options.liftOnly;
	}

	decide(heading: { depth: number; text: string; id?: string; topLevel: boolean }): HeadingDecision {
		const { depth, topLevel } = heading;
		const text = heading.text.trim();
		if (text === '') return { drop: true };
		const first = !this.#titleDecided;
		this.#titleDecided = true;
		if (first && depth === 1 && !isGenericHeading(text) && (this.#liftOnly === undefined || sameTitle(text, this.#liftOnly))) {
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
