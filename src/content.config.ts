import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import collection from 'virtual:notes/collection';
import { NoteFrontmatterSchema } from './config/note.ts';
import { isInside } from './notes/assets.ts';
import { contentHash, entryIdOf, noteSlug } from './notes/files.ts';

/**
 * Exactly the catalogue's notes: those that cannot be built and the folders behind symbolic links
 * are left out here (as glob patterns, escaped); the integration reports them.
 */
const notesLoader = glob({
	base: collection.notesRoot,
	pattern: ['**/*.{md,mdx}', ...collection.excluded.map((pattern) => `!${pattern}`)],
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
				// A note's cached render also depends on its images (a changed image renders the notes again)
				// and on where its links lead (in dev, the integration passes the stamps as they are now).
				const stamps = (context.refreshContextData?.linkStamps as Record<string, string> | undefined) ?? collection.linkStamps;
				const stamp = (data: string) => `${data}\0${collection.assetsStamp}\0${stamps[contentHash(Buffer.from(data))] ?? ''}`;
				return notesLoader.load({
					...context,
					generateDigest: (data) => context.generateDigest(typeof data === 'string' ? stamp(data) : data),
				});
			},
		},
		schema: NoteFrontmatterSchema,
	}),
};
