import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import collection from 'virtual:notes/collection';
import { NoteFrontmatterSchema } from './config/note.ts';
import { isInside } from './notes/assets.ts';
import { contentHash, entryIdOf, noteSlug, readFrontmatter } from './notes/files.ts';

/**
 * Exactly the catalogue's notes. Left out of the glob (as escaped patterns): the notes that cannot
 * be built and what lies behind refused symbolic links, which the integration reports, and the
 * notes the glob loader cannot read by their paths, which `load` renders below.
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
				await notesLoader.load({
					...context,
					generateDigest: (data) => context.generateDigest(typeof data === 'string' ? stamp(data) : data),
				});
				// `c#sharp.md`: the glob loader would read `#sharp.md` as a URL's fragment. Rendered here, as it would be.
				for (const relativePath of collection.loadedByPath) {
					const file = path.join(collection.notesRoot, relativePath);
					const contents = readFileSync(file, 'utf8');
					const frontmatter = readFrontmatter(contents);
					if ('error' in frontmatter) continue;
					const id = entryIdOf(noteSlug(relativePath));
					const rendered = await context.renderMarkdown(frontmatter.body, { fileURL: pathToFileURL(file) });
					context.store.set({
						id,
						data: await context.parseData({ id, data: frontmatter.data, filePath: file }),
						filePath: path.relative(root, file).split(path.sep).join('/'),
						digest: context.generateDigest(stamp(contents)),
						rendered,
						assetImports: rendered.metadata?.imagePaths,
					});
				}
			},
		},
		schema: NoteFrontmatterSchema,
	}),
};
