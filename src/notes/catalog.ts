import path from 'node:path';
import type { MarkdownHeading } from 'astro';
import { getCollection, render, type CollectionEntry } from 'astro:content';
import config from 'virtual:notes/config';
import { noteTitle } from './title.ts';

export interface Note {
	entry: CollectionEntry<'notes'>;
	slug: string;
	title: string;
	description?: string;
	/** Folder below the notes folder (`aws/networking`), or `''` for a note at the top. */
	group: string;
	/** `##` topics, in order. */
	topics: MarkdownHeading[];
	/** Every heading, for the table of contents. */
	headings: MarkdownHeading[];
}

const notesRoot = path.resolve(config.notesDir);
const collator = new Intl.Collator(config.lang, { numeric: true, sensitivity: 'base' });

/** A note's headings and the front matter its plugins left (Markdown is rendered when loaded, MDX on demand). */
async function renderedOf(entry: CollectionEntry<'notes'>): Promise<{ headings: MarkdownHeading[]; frontmatter: Record<string, unknown> }> {
	const metadata = entry.rendered?.metadata as { headings?: MarkdownHeading[]; frontmatter?: Record<string, unknown> } | undefined;
	if (metadata?.headings) return { headings: metadata.headings, frontmatter: metadata.frontmatter ?? {} };
	const { headings, remarkPluginFrontmatter } = await render(entry);
	return { headings, frontmatter: remarkPluginFrontmatter };
}

async function loadNotes(): Promise<Note[]> {
	const entries = await getCollection('notes');
	const notes = await Promise.all(
		entries.map(async (entry): Promise<Note & { order: number }> => {
			const relativePath = path.relative(notesRoot, entry.filePath ?? entry.id).split(path.sep).join('/');
			const { headings, frontmatter } = await renderedOf(entry);
			return {
				entry,
				slug: entry.id,
				title: noteTitle(entry.data.title, frontmatter.title, relativePath),
				description: entry.data.description,
				group: path.posix.dirname(relativePath) === '.' ? '' : path.posix.dirname(relativePath),
				topics: headings.filter((heading) => heading.depth === 2),
				headings,
				order: entry.data.order ?? Number.POSITIVE_INFINITY,
			};
		}),
	);
	return notes
		.sort(
			(a, b) =>
				(a.group === '' ? -1 : 0) - (b.group === '' ? -1 : 0) ||
				collator.compare(a.group, b.group) ||
				a.order - b.order ||
				collator.compare(a.title, b.title),
		)
		.map(({ order: _order, ...note }) => note);
}

let notesPromise: Promise<Note[]> | undefined;

/** All notes in reading order (top-level notes first, then by folder, `order`, title). Loaded once per build. */
export function getNotes(): Promise<Note[]> {
	if (import.meta.env.DEV) return loadNotes();
	notesPromise ??= loadNotes();
	return notesPromise;
}

/** Notes grouped by folder, in reading order. */
export function groupNotes(notes: readonly Note[]): { group: string; notes: Note[] }[] {
	const groups = new Map<string, Note[]>();
	for (const note of notes) groups.set(note.group, [...(groups.get(note.group) ?? []), note]);
	return [...groups].map(([group, members]) => ({ group, notes: members }));
}

/**
 * A URL below the site's base (`/aws-notes/favicon.svg`). The base comes from the parsed settings,
 * not `import.meta.env.BASE_URL`, which a `BASE_URL` environment variable overrides in server code.
 */
export function siteHref(path = ''): string {
	return `${config.base}${path}`;
}

/** A note's URL below the site's base. */
export function noteHref(slug: string, hash = ''): string {
	return siteHref(`${slug}/${hash ? `#${hash}` : ''}`);
}
