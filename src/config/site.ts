import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'astro/zod';
import { resolveSiteLocation, SiteLocationError, type SiteLocation } from './site-url.ts';

/** The `lang` setting that reads the language off the notes (`src/notes/language.ts`). */
export const DETECT_LANGUAGE = 'detect';

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
		/**
		 * Language of the notes (`"en"`, `"zh"`, `"ja"`…), set on `<html lang>` and used by search and to
		 * sort titles. `"detect"`: read off the notes: `"zh"`, `"ja"` or `"ko"` when Chinese, Japanese or
		 * Korean characters outnumber the words in Latin letters, else `"en"`. Default: `"detect"`.
		 */
		lang: z.string().min(2).default(DETECT_LANGUAGE),
		/** Folder holding the notes, relative to the project root. Env `NOTES_DIR`. Default: `"content"`. */
		notesDir: z.string().min(1).default('content'),
		/**
		 * Notes to leave out, as globs relative to the notes folder (`["private/**", "**\/*.draft.md"]`), on
		 * top of the private notes always left out (see "Private notes" in the README). Default: `[]`.
		 */
		exclude: z.array(z.string().min(1)).default([]),
		/** `all`: every note that is not private; `marked`: only notes whose front matter has `publish: true`. Default: `"all"`. */
		publish: z.enum(['all', 'marked']).default('all'),
		/** Fail the build when the problem report is not empty. Env `NOTES_STRICT=1`. Default: `false`. */
		strict: z.boolean().default(false),
		/** How many neighbouring notes the sidebar lists before it links to the full list. Default: `40`. */
		sidebarNotes: z.number().int().min(1).default(40),
		/**
		 * Public URL of the home page (`https://notes.example.com/`), for canonical URLs, the sitemap
		 * and social previews. Env `SITE_URL`. Default: derived: `public/CNAME` gives
		 * `https://<domain>/`; on GitHub Actions, `GITHUB_REPOSITORY` `owner/repo` gives
		 * `https://owner.github.io/repo/` (`owner/owner.github.io`: `https://owner.github.io/`);
		 * elsewhere unknown.
		 */
		site: z.string().optional(),
		/** Path of the home page below the host (`/aws-notes/`). Env `BASE_PATH`. Default: the path of `site`, else `/`. */
		base: z.string().optional(),
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
		/**
		 * Whether a single newline in a paragraph is a line break. `auto`: yes in an Obsidian vault (a
		 * `.obsidian/` folder at the top of the notes folder), as Obsidian shows it; no elsewhere, as
		 * GitHub and MkDocs show it. Default: `"auto"`.
		 */
		breaks: z.union([z.literal('auto'), z.boolean()]).default('auto'),
		/**
		 * The Content-Security-Policy of every page (see "Security" in the README): sources to add,
		 * by directive (`{ 'frame-src': ['https://www.youtube-nocookie.com'] }`), or `false` for none.
		 * Default: `{}`.
		 */
		csp: z.union([z.literal(false), z.record(z.string().regex(/^[a-z-]+$/), z.array(z.string()))]).default({}),
	})
	.strict();

export type SiteOptions = z.input<typeof SiteOptionsSchema>;
/** The parsed settings; `site` and `base` are resolved (see `resolveSiteLocation`). */
export type SiteConfig = Omit<z.output<typeof SiteOptionsSchema>, 'site' | 'base'> &
	SiteLocation & {
		/** The project's root folder (Astro's `root`): `notesDir` and `diagramsCache` are relative to it. */
		projectRoot: string;
	};

/** The notes folder, absolute. */
export const notesRootOf = (config: Pick<SiteConfig, 'projectRoot' | 'notesDir'>): string =>
	path.resolve(config.projectRoot, config.notesDir);

/** GitHub Pages' custom-domain file, relative to the project root. */
export const CNAME_FILE = 'public/CNAME';

/** The environment variables the README documents, mapped onto options. */
function optionsFromEnv(env: NodeJS.ProcessEnv): Partial<z.output<typeof SiteOptionsSchema>> {
	const fromEnv: Partial<z.output<typeof SiteOptionsSchema>> = {};
	if (env.NOTES_DIR) fromEnv.notesDir = env.NOTES_DIR;
	if (env.SITE_URL) fromEnv.site = env.SITE_URL;
	if (env.BASE_PATH) fromEnv.base = env.BASE_PATH;
	if (env.NOTES_STRICT !== undefined && env.NOTES_STRICT !== '') {
		fromEnv.strict = !['0', 'false', 'no', 'off'].includes(env.NOTES_STRICT.toLowerCase());
	}
	if (env.NOTES_DIAGRAMS) fromEnv.diagrams = env.NOTES_DIAGRAMS as SiteConfig['diagrams'];
	if (env.NOTES_DIAGRAMS_CACHE) fromEnv.diagramsCache = env.NOTES_DIAGRAMS_CACHE;
	return fromEnv;
}

export class SiteConfigError extends Error {
	readonly issues: string[];

	constructor(issues: string[]) {
		super(`Invalid notes site configuration:\n${issues.map((issue) => `  - ${issue}`).join('\n')}`);
		this.name = 'SiteConfigError';
		this.issues = issues;
	}
}

function readCname(projectRoot: string): { file: string; text: string } | undefined {
	const file = path.join(projectRoot, CNAME_FILE);
	return existsSync(file) ? { file: CNAME_FILE, text: readFileSync(file, 'utf8') } : undefined;
}

/**
 * Parses the options once; throws one error listing every bad key as `key.path: message`.
 * `projectRoot` (Astro's `root`) is where relative folders and `public/CNAME` are found.
 */
export function parseSiteConfig(options: SiteOptions, env: NodeJS.ProcessEnv, projectRoot: string): SiteConfig {
	const result = SiteOptionsSchema.safeParse({ ...options, ...optionsFromEnv(env) });
	if (!result.success) {
		throw new SiteConfigError(
			result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`),
		);
	}
	const { site, base, ...rest } = result.data;
	try {
		return { ...rest, ...resolveSiteLocation({ site, base, cname: readCname(projectRoot), env }), projectRoot };
	} catch (error) {
		if (!(error instanceof SiteLocationError)) throw error;
		const { where, message } = error.issue;
		// An option also names the variable that set it; a file (`public/CNAME:1`) or variable names itself.
		const variable = { site: 'SITE_URL', base: 'BASE_PATH' }[where];
		const key = variable && env[variable] ? `${where} (${variable})` : where;
		throw new SiteConfigError([`${key}: ${message}`]);
	}
}
