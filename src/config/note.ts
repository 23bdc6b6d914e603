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
