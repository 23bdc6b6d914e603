import { z } from 'astro/zod';

/**
 * Everything a user can set. Options come from `notes({...})` in `astro.config.mjs`;
 * the environment variables documented in the README override them.
 */
export const SiteOptionsSchema = z
	.object({
		/** Site name in the header, page titles and search. Default: `"Study notes"`. */
		title: z.string().min(1).default('Study notes'),
		/** Default description for the home page and pages without one. Default: `""`. */
		description: z.string().default(''),
		/** Language of the notes, set on `<html lang>` and used by search. Default: `"en"`. */
		lang: z.string().min(2).default('en'),
		/** Folder holding the notes, relative to the project root. Env `NOTES_DIR`. Default: `"content"`. */
		notesDir: z.string().min(1).default('content'),
		/** Fail the build when the problem report is not empty. Env `NOTES_STRICT=1`. Default: `false`. */
		strict: z.boolean().default(false),
		/** How many neighbouring notes the sidebar lists before it links to the full list. Default: `40`. */
		sidebarNotes: z.number().int().min(1).default(40),
		/**
		 * Where mermaid diagrams are drawn. `build`: at build time, to inline SVG, in headless
		 * Chrome/Chromium (diagrams it cannot draw, e.g. with no browser installed, are drawn in the
		 * reader's browser); `client`: always in the reader's browser. Env `NOTES_DIAGRAMS`. Default: `"build"`.
		 */
		diagrams: z.enum(['build', 'client']).default('build'),
		/**
		 * Folder of the rendered-diagram cache, relative to the project root. Env `NOTES_DIAGRAMS_CACHE`.
		 * Default: `"node_modules/.cache/notes-diagrams"`.
		 */
		diagramsCache: z.string().min(1).default('node_modules/.cache/notes-diagrams'),
	})
	.strict();

export type SiteOptions = z.input<typeof SiteOptionsSchema>;
export type SiteConfig = z.output<typeof SiteOptionsSchema>;

/** The environment variables the README documents, mapped onto options. */
function optionsFromEnv(env: NodeJS.ProcessEnv): Partial<SiteConfig> {
	const fromEnv: Partial<SiteConfig> = {};
	if (env.NOTES_DIR) fromEnv.notesDir = env.NOTES_DIR;
	if (env.NOTES_STRICT !== undefined && env.NOTES_STRICT !== '') {
		fromEnv.strict = !['0', 'false', 'no', 'off'].includes(env.NOTES_STRICT.toLowerCase());
	}
	if (env.NOTES_DIAGRAMS) fromEnv.diagrams = env.NOTES_DIAGRAMS as SiteConfig['diagrams'];
	if (env.NOTES_DIAGRAMS_CACHE) fromEnv.diagramsCache = env.NOTES_DIAGRAMS_CACHE;
	return fromEnv;
}

export class SiteConfigError extends Error {
	constructor(readonly issues: string[]) {
		super(`Invalid notes site configuration:\n${issues.map((issue) => `  - ${issue}`).join('\n')}`);
		this.name = 'SiteConfigError';
	}
}

/** Parses the options once; throws one error listing every bad key as `key.path: message`. */
export function parseSiteConfig(options: SiteOptions = {}, env: NodeJS.ProcessEnv = process.env): SiteConfig {
	const result = SiteOptionsSchema.safeParse({ ...options, ...optionsFromEnv(env) });
	if (result.success) return result.data;
	throw new SiteConfigError(
		result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`),
	);
}
