import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import collection from 'virtual:notes/collection';
import { NoteFrontmatterSchema } from './config/note.ts';
import { isInside } from './notes/assets.ts';
import { contentHash, entryIdOf, noteSlug } from './notes/files.ts';

/**
 * The `.mdx` notes: MDX is code, which Astro compiles into a module per note. `.md` notes are not
 * here: pages render them from the notes catalogue (`src/notes/shared-catalogue.ts`). Left out of the glob
 * (as escaped patterns): the notes that cannot be built and what lies behind refused symbolic
 * links, which the integration reports.
 */
const notesLoader = glob({
	base: collection.notesRoot,
	pattern: ['**/*.mdx', ...collection.excluded.map((pattern) => `!${pattern}`)],
	generateId: ({ entry }) => entryIdOf(noteSlug(entry)),
	retainBody: false,
});

export const collections = {
	notes: defineCollection({
		loader: {
			...notesLoader,
			load: async (context) => {
				// The store may still hold the notes of a folder built before (NOTES_DIR changed): drop them,
				// or the loader would take them for duplicates of this folder's notes.
				const root = fileURLToPath(context.config.root);
				for (const entry of context.store.values()) {
					if (!entry.filePath || !isInside(collection.notesRoot, path.resolve(root, entry.filePath))) context.store.delete(entry.id);
				}
				if (!collection.hasMdxNotes) return;
				// A note's cached render also depends on its images (a changed image renders the notes again)
				// and on where its links lead (in dev, the integration passes the stamps as they are now).
				const stamps = (context.refreshContextData?.linkStamps as Record<string, string> | undefined) ?? collection.linkStamps;
				const stamp = (data: string) => `${data}\0${collection.assetsStamp}\0${stamps[contentHash(Buffer.from(data))] ?? ''}`;
				await notesLoader.load({
					...context,
					generateDigest: (data) => context.generateDigest(typeof data === 'string' ? stamp(data) : data),
				});
			},
		},
		schema: NoteFrontmatterSchema,
	}),
};
