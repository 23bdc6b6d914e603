import path from 'node:path';
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { escapePath } from 'tinyglobby';
import config from 'virtual:notes/config';
import { NoteFrontmatterSchema } from './config/note.ts';
import { noteSlug, scanNotes } from './notes/files.ts';

const notesRoot = path.resolve(config.notesDir);
/** Notes that cannot be built are left out here and reported by the integration. */
const { excluded } = scanNotes(notesRoot);

export const collections = {
	notes: defineCollection({
		loader: glob({
			base: notesRoot,
			pattern: ['**/*.{md,mdx}', ...excluded.map((file) => `!${escapePath(file)}`)],
			generateId: ({ entry }) => noteSlug(entry),
		}),
		schema: NoteFrontmatterSchema,
	}),
};
