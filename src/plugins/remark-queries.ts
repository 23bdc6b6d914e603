import type { MdastPluginEntry } from 'satteri';
import { notePathOf } from '../notes/files.ts';
import { inlineQuery, queryFence } from '../notes/queries.ts';
import { queryKey, type QueryAnswers } from '../notes/query-answers.ts';
import { elementNode } from './satteri.ts';

export interface RemarkQueriesOptions {
	notesRoot: string;
	/** The catalogue's answers, as they are now (in dev, after the last edit). */
	answers: () => QueryAnswers | undefined;
}

/**
 * Puts each query's answer where the query stands: ```` ```dataview ````, ```` ```tasks ````,
 * ```` ```base ```` and ```` ```dataviewjs ```` fences, and `` `= …` `` / `` `$= …` `` spans. The
 * catalogue found and answered them (`src/notes/query-answers.ts`): a query is met by its kind and
 * text, the note's own in the order it asks them, one of a note it embeds by that note's answer.
 */
export function remarkQueries(options: RemarkQueriesOptions): MdastPluginEntry {
	return (factory) => {
		const answers = options.answers();
		const relativePath = notePathOf(factory.fileURL, options.notesRoot);
		// Reading a code node's text copies the document out of Rust: only in a note that shows an answer.
		if (!answers || relativePath === undefined || !answers.showing.has(relativePath)) return null;
		const own = answers.byNote.get(relativePath);
		const met = new Map<string, number>();
		const answer = (key: string) => {
			const seen = met.get(key) ?? 0;
			met.set(key, seen + 1);
			return own?.get(key)?.[seen] ?? answers.shared.get(key);
		};
		return {
			name: 'remark-queries',
			code(node, context) {
				const kind = queryFence(node);
				const element = kind && answer(queryKey({ kind, source: node.value }));
				if (element) context.replaceNode(node, elementNode(element, 'notesQuery'));
			},
			inlineCode(node, context) {
				const query = inlineQuery(node.value);
				const element = query && answer(queryKey(query));
				if (element) context.replaceNode(node, elementNode(element, 'notesQuery'));
			},
		};
	};
}
