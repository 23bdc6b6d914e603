import { z } from 'astro/zod';

/** Front matter a note may carry. Every field is optional: notes dropped in as they are must build. */
export const NoteFrontmatterSchema = z
	.object({
		/** Page title. Default: the first `#` heading with text, else derived from the file name. */
		title: z.string().min(1).optional(),
		/** Summary shown on the home page and in `<meta name="description">`. */
		description: z.string().optional(),
		/** Position among the notes of its folder (lower first); notes without one follow, by title. */
		order: z.number().optional(),
	})
	.loose();

export type NoteFrontmatter = z.output<typeof NoteFrontmatterSchema>;

/**
 * Front matter keys the site acts on itself, or that tell a tool what to do with the note: never
 * shown among its properties. The page shows `title`, `description` and `tags` otherwise; `order`,
 * `aliases`, `publish` and `draft` decide where the note stands, what finds it and whether it is
 * published; `cssclasses` and `permalink` are Obsidian's and Obsidian Publish's instructions.
 * Lower case: a key is compared in lower case.
 */
export const SITE_FRONTMATTER_KEYS: ReadonlySet<string> = new Set([
	'title', 'description', 'order', 'tags', 'tag', 'aliases', 'alias', 'publish', 'draft', 'cssclasses', 'cssclass', 'permalink',
]);
