import type { PageNote } from './catalogue.ts';

export type { PageNote };

/**
 * The notes in reading order, from the catalogue the integration made before the build. Imported
 * when asked for, so that in `npm run dev` a page sees the catalogue as it is after an edit.
 */
export async function getNotes(): Promise<readonly PageNote[]> {
	const { default: catalogue } = await import('virtual:notes/catalogue');
	return catalogue.notes;
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
