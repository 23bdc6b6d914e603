import type { MdastPluginEntry } from 'satteri';
import { notePathOf } from '../notes/files.ts';
import { inlineQuery, queryFence } from '../notes/queries.ts';
import type { QueryAnswers } from '../notes/query-answers.ts';
import { elementNode } from './satteri.ts';

export interface RemarkQueriesOptions {
	notesRoot: string;
	/** The catalogue's answers, as they are now (in dev, after the last edit). */
	answers: () => QueryAnswers | undefined;
}

/**
 * Puts each query's answer where the query stands: ```` ```dataview ````, ```` ```tasks ```` and
 * ```` ```dataviewjs ```` fences, and `` `= …` `` / `` `$= …` `` spans. The catalogue found them in
 * the same order and answered them (`src/notes/query-answers.ts`); a note that asks nothing is
 * left alone.
 */
export function remarkQueries(options: RemarkQueriesOptions): MdastPluginEntry {
	return (factory) => {
		const relativePath = notePathOf(factory.fileURL, options.notesRoot);
		const answers = relativePath === undefined ? undefined : options.answers()?.byNote.get(relativePath);
		if (!answers) return null;
		let next = 0;
		return {
			name: 'remark-queries',
			code(node, context) {
				if (queryFence(node) && next < answers.length) context.replaceNode(node, elementNode(answers[next++], 'notesQuery'));
			},
			inlineCode(node, context) {
				if (inlineQuery(node.value) && next < answers.length) context.replaceNode(node, elementNode(answers[next++], 'notesQuery'));
			},
		};
	};
}
