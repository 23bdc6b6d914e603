import { noteSlug } from './files.ts';

/**
 * The notes' folders, as pages list them: the home page its top folders, each folder's page its
 * own notes and sub-folders. A folder's page is at the folder's URL (`/aws/networking/`); when a
 * note already has that URL (the folder's `README.md` or `index.md`, or a note named as the
 * folder beside it), that note's page lists the folder instead.
 */

/** What a folder needs of a note. */
export interface FolderMember {
	slug: string;
	/** Folder below the notes folder (`aws/networking`), or `''` at the top. */
	group: string;
	updated: Date;
}

export interface NotesFolder<Note extends FolderMember = FolderMember> {
	/** As written (`AWS/Networking`). */
	path: string;
	/** Its own name (`Networking`). */
	name: string;
	/** Its URL path below the site's base, as a note in it named `index.md` would have (`aws/networking`). */
	slug: string;
	/** The folders it is in, outermost first. */
	parents: NotesFolder<Note>[];
	/** Its own notes, in reading order, without the note whose page lists it. */
	notes: Note[];
	folders: NotesFolder<Note>[];
	/** How many notes it holds, its sub-folders' included. */
	count: number;
}

/** Up to this many notes, the home page lists them all with their topics, and a folder's page its notes' topics. */
export const FULL_LIST_NOTES = 50;

/** How many recently changed notes the home page of a larger site lists. */
export const RECENT_NOTES = 15;

/** How many notes, in reading order, a larger site's home page offers to start with. */
export const START_NOTES = 8;

/** The URL path of a folder's page: `AWS/My Notes` → `aws/my-notes`. */
export const folderSlug = (folder: string): string => noteSlug(`${folder}/index.md`);

/** The notes' folders: the top ones in reading order, and every one by its URL path. */
export function notesFolders<Note extends FolderMember>(notes: readonly Note[]): { top: NotesFolder<Note>[]; bySlug: Map<string, NotesFolder<Note>> } {
	const bySlug = new Map<string, NotesFolder<Note>>();
	const top: NotesFolder<Note>[] = [];
	const folderOf = (folderPath: string): NotesFolder<Note> => {
		const slug = folderSlug(folderPath);
		const known = bySlug.get(slug);
		if (known) return known;
		const outer = folderPath.includes('/') ? folderOf(folderPath.slice(0, folderPath.lastIndexOf('/'))) : undefined;
		const made: NotesFolder<Note> = {
			path: folderPath,
			name: folderPath.slice(folderPath.lastIndexOf('/') + 1),
			slug,
			parents: outer ? [...outer.parents, outer] : [],
			notes: [],
			folders: [],
			count: 0,
		};
		bySlug.set(slug, made);
		(outer ? outer.folders : top).push(made);
		return made;
	};
	for (const note of notes) {
		if (!note.group) continue;
		const folder = folderOf(note.group);
		for (const each of [...folder.parents, folder]) each.count += 1;
		folder.notes.push(note);
	}
	// The folder's own page (its README, or a note named as it) lists it: not a member of its list.
	for (const note of notes) {
		const listed = bySlug.get(note.slug);
		if (listed) listed.notes = listed.notes.filter((member) => member !== note);
	}
	return { top, bySlug };
}

/** The `count` most recently changed notes, newest first (reading order among equals). */
export function recentlyChanged<Note extends FolderMember>(notes: readonly Note[], count = RECENT_NOTES): Note[] {
	return [...notes].sort((a, b) => b.updated.getTime() - a.updated.getTime()).slice(0, count);
}

