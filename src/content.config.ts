import path from 'node:path';
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { escapePath } from 'tinyglobby';
import config from 'virtual:notes/config';
import excluded from 'virtual:notes/excluded';
import { NoteFrontmatterSchema } from './config/note.ts';
import { noteSlug } from './notes/files.ts';
import { notesAssetsStamp } from './notes/images.ts';

const notesRoot = path.resolve(config.notesDir);

/** Notes that cannot be built (the integration's scan) are left out here; the integration reports them. */
const notesLoader = glob({
	base: notesRoot,
	pattern: ['**/*.{md,mdx}', ...excluded.map((file) => `!${escapePath(file)}`)],
	generateId: ({ entry }) => noteSlug(entry),
	retainBody: false,
});

export const collections = {
	notes: defineCollection({
		loader: {
			...notesLoader,
			// A note's cached render also depends on its images: see notesAssetsStamp().
			load: (context) => {
				const stamp = notesAssetsStamp(notesRoot);
				return notesLoader.load({
					...context,
					generateDigest: (data) => context.generateDigest(typeof data === 'string' ? `${data}\0${stamp}` : data),
				});
			},
		},
		schema: NoteFrontmatterSchema,
	}),
};
