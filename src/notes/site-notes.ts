import type { PageNote } from './catalogue.ts';

export type { PageNote };

let built: Promise<readonly PageNote[]> | undefined;

/**
 * The notes in reading order, from the catalogue the integration made before the build. In
 * `npm run dev` it is imported anew each time, so that a page sees the catalogue as it is after an edit.
 */
export function getNotes(): Promise<readonly PageNote[]> {
	const load = () => import('virtual:notes/catalogue').then(({ default: catalogue }) => catalogue.notes);
	if (import.meta.env.DEV) return load();
	built ??= load();
	return built;
}

/** Notes grouped by folder, in reading order. */
export function groupNotes(notes: readonly PageNote[]): { group: string; notes: PageNote[] }[] {
	const groups = new Map<string, PageNote[]>();
	for (const note of notes) {
		const members = groups.get(note.group);
		if (members) members.push(note);
		else groups.set(note.group, [note]);
	}
	return [...groups].map(([group, members]) => ({ group, notes: members }));
}
