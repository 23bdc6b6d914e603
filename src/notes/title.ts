import { NOTE_EXTENSION } from './files.ts';
/** File names that name no note: `README.md`, `index.md`, `notes.md` take their folder's name. */
const GENERIC_FILE_NAMES = new Set(['readme', 'index', 'notes', 'note', 'untitled', 'main']);

const stemOf = (relativePath: string) => relativePath.split('/').pop()!.replace(NOTE_EXTENSION, '');

/** `aws/vpc-peering_notes.md` → "Vpc peering notes"; in an Obsidian vault the name as it is: "vpc-peering_notes". */
export function titleFromFileName(relativePath: string, options: { vault?: boolean } = {}): string {
	const segments = relativePath.split('/');
	// A drawing, `flow.excalidraw.md`, is named `flow` (and told apart from a note `flow.md` as "flow (flow.excalidraw)").
	const stem = stemOf(relativePath).replace(/\.excalidraw$/i, '');
	const name = GENERIC_FILE_NAMES.has(stem.toLowerCase()) && segments.length > 1 ? segments.at(-2)! : stem;
	if (options.vault) return name;
	// Dashes and underscores that join words become spaces; a spaced dash ("4 - TCP") stays.
	const spaced = name.replace(/(?<=\S)[-_]+(?=\S)/g, ' ').replace(/\s+/g, ' ').trim();
	return spaced.charAt(0).toLocaleUpperCase() + spaced.slice(1);
}

/**
 * Front matter `title`, else the heading the headings plugin lifted out of the body (the note's
 * first heading, when it is a `#` heading that names the note), else the file name.
 */
export function noteTitle(title: string | undefined, liftedTitle: string | undefined, relativePath: string, options: { vault?: boolean } = {}): string {
	return title ?? (liftedTitle || titleFromFileName(relativePath, options));
}

/**
 * Titles that two notes of one folder would share get the file name after them ("Lecture notes
 * (week-3)"): the sidebar, the pager and search must tell them apart.
 */
export function distinctTitles<T extends { title: string; group: string; relativePath: string }>(notes: T[]): void {
	const seen = new Map<string, T[]>();
	for (const note of notes) {
		const key = `${note.group}\0${note.title.toLocaleLowerCase()}`;
		const same = seen.get(key);
		if (same) same.push(note);
		else seen.set(key, [note]);
	}
	for (const same of seen.values()) {
		if (same.length > 1) for (const note of same) note.title = `${note.title} (${stemOf(note.relativePath)})`;
	}
}
