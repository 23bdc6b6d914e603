import path from 'node:path';

/** One thing wrong with the notes, located in its file so the author can fix it. */
export interface NoteProblem {
	/** What kind of problem it is; the report counts them by kind. */
	kind: ProblemKind;
	/** The note's path relative to the project root, e.g. `content/vpc.md`. */
	file: string;
	line?: number;
	column?: number;
	/** What was expected, what was found. */
	message: string;
	/** How to fix it. */
	hint?: string;
}

export type ProblemKind =
	| 'missing-image'
	| 'image-outside'
	| 'bad-image'
	| 'empty-note'
	| 'bad-encoding'
	| 'duplicate-url'
	| 'bad-frontmatter'
	| 'mdx-syntax'
	| 'invalid-diagram'
	| 'unknown-icon'
	| 'unknown-icon-shortcode'
	| 'broken-link'
	| 'ambiguous-link'
	| 'embed-loop'
	| 'invalid-math'
	| 'refused-link'
	| 'bad-file-name'
	| 'control-characters';

const KIND_LABELS: Record<ProblemKind, [singular: string, plural: string]> = {
	'missing-image': ['missing image', 'missing images'],
	'image-outside': ['image outside the notes folder', 'images outside the notes folder'],
	'bad-image': ['unreadable image', 'unreadable images'],
	'empty-note': ['empty note', 'empty notes'],
	'bad-encoding': ['note not in UTF-8', 'notes not in UTF-8'],
	'duplicate-url': ['duplicate URL', 'duplicate URLs'],
	'bad-frontmatter': ['invalid front matter', 'invalid front matter blocks'],
	'mdx-syntax': ['MDX syntax error', 'MDX syntax errors'],
	'invalid-diagram': ['invalid diagram', 'invalid diagrams'],
	'unknown-icon': ['unknown diagram icon', 'unknown diagram icons'],
	'unknown-icon-shortcode': ['unknown icon shortcode', 'unknown icon shortcodes'],
	'broken-link': ['broken link', 'broken links'],
	'ambiguous-link': ['ambiguous link', 'ambiguous links'],
	'embed-loop': ['embed that loops or nests too deep', 'embeds that loop or nest too deep'],
	'invalid-math': ['invalid formula', 'invalid formulas'],
	'refused-link': ['symbolic link not followed', 'symbolic links not followed'],
	'bad-file-name': ['file name the site cannot read', 'file names the site cannot read'],
	'control-characters': ['note with control characters', 'notes with control characters'],
};

/**
 * How a report names a file: relative to the project (`content/vpc.md`), or absolute when it lies
 * outside the project (a notes folder elsewhere, given with `NOTES_DIR`).
 */
export function displayPath(file: string, projectRoot: string): string {
	const relative = path.relative(projectRoot, file);
	const shown = relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
	return shown.split(path.sep).join('/');
}

/** `content/vpc.md:22:3` */
export function formatLocation(problem: Pick<NoteProblem, 'file' | 'line' | 'column'>): string {
	let location = problem.file;
	if (problem.line !== undefined) {
		location += `:${problem.line}`;
		if (problem.column !== undefined) location += `:${problem.column}`;
	}
	return location;
}

export function formatProblem(problem: NoteProblem): string {
	const hint = problem.hint ? `\n    ${problem.hint}` : '';
	return `${formatLocation(problem)}  ${problem.message}${hint}`;
}

/** One report for the whole build: every problem, sorted by file and line, then counts by kind. */
export function formatReport(problems: readonly NoteProblem[]): string {
	if (problems.length === 0) return 'No problems found in the notes.';
	const sorted = [...problems].sort(
		(a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0),
	);
	const counts = new Map<ProblemKind, number>();
	for (const problem of sorted) counts.set(problem.kind, (counts.get(problem.kind) ?? 0) + 1);
	const summary = [...counts]
		.map(([kind, count]) => `${count} ${KIND_LABELS[kind][count === 1 ? 0 : 1]}`)
		.join(', ');
	const noun = problems.length === 1 ? 'problem' : 'problems';
	return `${problems.length} ${noun} in the notes (${summary}):\n${sorted.map((p) => `  ${formatProblem(p)}`).join('\n')}`;
}
