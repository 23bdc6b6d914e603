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
	| 'missing-media'
	| 'blocked-frame'
	| 'empty-note'
	| 'bad-encoding'
	| 'duplicate-url'
	| 'bad-frontmatter'
	| 'mdx-syntax'
	| 'invalid-diagram'
	| 'invalid-drawing'
	| 'unknown-icon'
	| 'unknown-icon-shortcode'
	| 'broken-link'
	| 'ambiguous-link'
	| 'local-link'
	| 'embed-loop'
	| 'invalid-math'
	| 'refused-link'
	| 'bad-file-name'
	| 'control-characters'
	| 'code-not-run'
	| 'query-not-answered'
	| 'render-error'
	| 'invalid-canvas';

const KIND_LABELS: Record<ProblemKind, [singular: string, plural: string]> = {
	'missing-image': ['missing image', 'missing images'],
	'image-outside': ['image outside the notes folder', 'images outside the notes folder'],
	'bad-image': ['unreadable image', 'unreadable images'],
	'missing-media': ['missing video, audio or PDF file', 'missing video, audio or PDF files'],
	'blocked-frame': ['frame the site does not load', 'frames the site does not load'],
	'empty-note': ['empty note', 'empty notes'],
	'bad-encoding': ['note not in UTF-8', 'notes not in UTF-8'],
	'duplicate-url': ['duplicate URL', 'duplicate URLs'],
	'bad-frontmatter': ['invalid front matter', 'invalid front matter blocks'],
	'mdx-syntax': ['MDX syntax error', 'MDX syntax errors'],
	'invalid-diagram': ['invalid diagram', 'invalid diagrams'],
	'invalid-drawing': ['drawing that could not be shown', 'drawings that could not be shown'],
	'unknown-icon': ['unknown diagram icon', 'unknown diagram icons'],
	'unknown-icon-shortcode': ['unknown icon shortcode', 'unknown icon shortcodes'],
	'broken-link': ['broken link', 'broken links'],
	'ambiguous-link': ['ambiguous link', 'ambiguous links'],
	'local-link': ['link to a file on the author\'s computer', 'links to files on the author\'s computer'],
	'embed-loop': ['embed that loops or nests too deep', 'embeds that loop or nest too deep'],
	'invalid-math': ['invalid formula', 'invalid formulas'],
	'refused-link': ['symbolic link not followed', 'symbolic links not followed'],
	'bad-file-name': ['file name the site cannot read', 'file names the site cannot read'],
	'control-characters': ['note with control characters', 'notes with control characters'],
	'code-not-run': ['piece of code not run', 'pieces of code not run'],
	'query-not-answered': ['query not answered', 'queries not answered'],
	'render-error': ['note that could not be rendered', 'notes that could not be rendered'],
	'invalid-canvas': ['canvas problem', 'canvas problems'],
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

/**
 * A note the site failed on while reading or rendering it: an `.mdx` note whose code throws, or
 * (a `.md` note runs none) a fault of this program. Only that note is affected; `outcome` says how.
 */
export function renderErrorProblem(failure: { file: string; error: unknown; mdx: boolean; outcome: string }): NoteProblem {
	const { error } = failure;
	const thrown = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
	return {
		kind: 'render-error',
		file: failure.file,
		message: `the note could not be rendered (${thrown.split('\n')[0]}); ${failure.outcome}`,
		hint: failure.mdx
			? 'An expression or component of this .mdx note threw while its page was made: fix it, or make the note a .md note.'
			: 'A .md note runs no code, so this is a fault of the site, not of the note: please report it, with the note.',
	};
}
