import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { z } from 'astro/zod';
import { displayPath } from '../notes/problems.ts';
import { resolveSiteLocation, SiteLocationError, type SiteLocation } from './site-url.ts';
import { isMapping, readYaml } from './yaml.ts';

/** The `lang` setting that reads the language off the notes (`src/notes/language.ts`). */
export const DETECT_LANGUAGE = 'detect';

/** The notes folder when no setting names one, relative to the project root. */
export const DEFAULT_NOTES_DIR = 'content';

/** The settings file at the top of the notes folder: the same keys as `notes({...})`. */
export const SITE_FILE = 'site.yml';

/**
 * Everything a user can set. Options come from `notes({...})` in `astro.config.mjs`, then
 * `site.yml` at the top of the notes folder, then the environment variables the README documents,
 * each overriding the one before.
 */
export const SiteOptionsSchema = z
	.object({
		/**
		 * Site name in the header, page titles, search and the link-preview picture. Default: the
		 * first heading (or front matter `title`) of the notes folder's own `README.md` or `index.md`,
		 * else the repository's name, else the notes folder's name (see `siteTitle`).
		 */
		title: z.string().min(1).optional(),
		/** Default description for the home page and pages without one, also on the link-preview picture. Default: `""`. */
		description: z.string().default(''),
		/**
		 * The picture link previews show (Open Graph `og:image`), relative to the notes folder
		 * (`img/preview.png`): PNG, JPEG, WebP or GIF, best 1200×630. Default: one made from the
		 * site's title and description (`/social.png`).
		 */
		socialImage: z
			.string()
			.regex(/\.(?:png|jpe?g|webp|gif)$/i, 'expected a picture: a .png, .jpg, .webp or .gif file')
			.optional(),
		/**
		 * Language of the notes (`"en"`, `"zh"`, `"ja"`…), set on `<html lang>` and used by search and to
		 * sort titles. `"detect"`: read off the notes: `"zh"`, `"ja"` or `"ko"` when Chinese, Japanese or
		 * Korean characters outnumber the words in Latin letters, else `"en"`. Default: `"detect"`.
		 */
		lang: z.string().min(2).default(DETECT_LANGUAGE),
		/** Folder holding the notes, relative to the project root. Env `NOTES_DIR`. Not in `site.yml`. Default: `"content"`. */
		notesDir: z.string().min(1).default(DEFAULT_NOTES_DIR),
		/**
		 * Notes to leave out, as globs relative to the notes folder (`["private/**", "**\/*.draft.md"]`), on
		 * top of the private notes always left out (see "Private notes" in the README). Default: `[]`.
		 */
		exclude: z.array(z.string().min(1)).default([]),
		/** `all`: every note that is not private; `marked`: only notes whose front matter has `publish: true`. Default: `"all"`. */
		publish: z.enum(['all', 'marked']).default('all'),
		/**
		 * A note's properties (the keys of its front matter, as Obsidian shows them under the title).
		 * `true`: every key but those the site uses itself (`title`, `tags`, `aliases`…); `false`: none;
		 * a list of keys (`["author", "year"]`): those, in the note's order. Default: `true`.
		 */
		properties: z.union([z.boolean(), z.array(z.string().min(1))]).default(true),
		/** Fail the build when the problem report is not empty. Env `NOTES_STRICT=1`. Default: `false`. */
		strict: z.boolean().default(false),
		/**
		 * An "Edit on GitHub" link on every note. `true`: on GitHub Actions, to the note in the
		 * repository and branch being built (elsewhere no link); an address
		 * (`https://github.com/owner/repo/edit/main/notes/`): the note's path below the notes folder
		 * is added to it. Default: `false`.
		 */
		editLink: z.union([z.boolean(), z.string().regex(/^https?:\/\/[^\s]+$/, 'expected true, false or an address such as https://github.com/owner/repo/edit/main/notes/')]).default(false),
		/** How many neighbouring notes the sidebar lists before it links to the full list. Default: `40`. */
		sidebarNotes: z.number().int().min(1).default(40),
		/**
		 * The graph of each note's neighbours, drawn under it: `depth` `1` shows the notes it links to
		 * and those linking to it, `2` theirs too; `tags: true` adds the notes sharing a tag with it.
		 * `false`: no graph. Default: `{ depth: 1, tags: false }`.
		 */
		graph: z
			.union(
				[
					z.literal(false),
					z
						.object({
							depth: z.union([z.literal(1), z.literal(2)]).default(1),
							tags: z.boolean().default(false),
						})
						.strict(),
				],
				{ error: 'expected false, or { depth: 1 or 2, tags: true or false }' },
			)
			.default({ depth: 1, tags: false }),
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
		 * Not in `site.yml`. Default: `"node_modules/.cache/notes-diagrams"`.
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

/**
 * What pages read of the settings (`virtual:notes/config`): the settings, with the site's title
 * decided (`siteTitle`: a setting, else the notes' own) and the link-preview picture's path.
 */
export type PagesConfig = SiteConfig & {
	title: string;
	/** The link-preview picture, by its path below the site's base: `social.png`. */
	socialImagePath: string;
	/** Where a note's "Edit on GitHub" link leads, less the note's path (`editLinkBase`); none: no link. */
	editLinkBase?: string;
};

/** The notes folder, absolute. */
export const notesRootOf = (config: Pick<SiteConfig, 'projectRoot' | 'notesDir'>): string =>
	path.resolve(config.projectRoot, config.notesDir);

/** GitHub Pages' custom-domain file, relative to the project root. */
export const CNAME_FILE = 'public/CNAME';

/** The environment variables the README documents, by the option each sets. */
const ENVIRONMENT_VARIABLES: Partial<Record<keyof SiteOptions, string>> = {
	notesDir: 'NOTES_DIR',
	site: 'SITE_URL',
	base: 'BASE_PATH',
	strict: 'NOTES_STRICT',
	diagrams: 'NOTES_DIAGRAMS',
	diagramsCache: 'NOTES_DIAGRAMS_CACHE',
};

/** Settings of the project, not of the notes, which `site.yml` (inside the notes folder) cannot set: why, and where they go. */
const PROJECT_SETTINGS: Partial<Record<keyof SiteOptions, string>> = {
	notesDir: 'the notes folder is chosen outside it: notesDir in astro.config.mjs, or NOTES_DIR',
	diagramsCache: 'a folder of the project: set it in astro.config.mjs, or NOTES_DIAGRAMS_CACHE',
};

/** The environment variables that are set, mapped onto options. */
function optionsFromEnv(env: NodeJS.ProcessEnv): Record<string, unknown> {
	const fromEnv: Record<string, unknown> = {};
	for (const [key, variable] of Object.entries(ENVIRONMENT_VARIABLES)) {
		const value = env[variable];
		if (value === undefined || value === '') continue;
		fromEnv[key] = key === 'strict' ? !['0', 'false', 'no', 'off'].includes(value.toLowerCase()) : value;
	}
	return fromEnv;
}

/** The notes folder as the user gave it, for messages: `NOTES_DIR=notes`, `notesDir: "notes"`, or the default. */
export function notesFolderAsGiven(options: SiteOptions, env: NodeJS.ProcessEnv): string {
	if (env.NOTES_DIR) return `NOTES_DIR=${env.NOTES_DIR}`;
	if (options.notesDir) return `notesDir: ${JSON.stringify(options.notesDir)}`;
	return `${DEFAULT_NOTES_DIR}, the default`;
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

/** `site.yml`, read: its settings, and where each is written (`content/site.yml:3`). */
interface SiteFile {
	values: Record<string, unknown>;
	at(key: string): string;
}

/** A top-level `key:` line of YAML (the key may be quoted): where a setting is written. */
const TOP_LEVEL_KEY = /^(["']?)([^\s#"'][^"':]*)\1\s*:(?:\s|$)/;

/**
 * `site.yml` at the top of the notes folder, when there is one. Its values are checked with the
 * rest of the settings; here, that it is YAML, a mapping, and sets no project setting.
 */
function readSiteFile(notesRoot: string, projectRoot: string): SiteFile | undefined {
	const file = path.join(notesRoot, SITE_FILE);
	if (!existsSync(file)) return undefined;
	const shown = displayPath(file, projectRoot);
	const text = readFileSync(file, 'utf8');
	const read = readYaml(text);
	if (!read.ok) throw new SiteConfigError([`${shown}:${(read.line ?? 0) + 1}: not valid YAML (${read.reason})`]);
	if (!isMapping(read.value)) throw new SiteConfigError([`${shown}:1: expected settings as \`key: value\` lines (title: My notes)`]);
	const lines = new Map<string, number>();
	text.split(/\r?\n/).forEach((line, index) => {
		const key = TOP_LEVEL_KEY.exec(line)?.[2];
		if (key !== undefined && !lines.has(key)) lines.set(key, index + 1);
	});
	const at = (key: string) => (lines.has(key) ? `${shown}:${lines.get(key)}` : shown);
	const projectKeys = Object.keys(read.value).filter((key): key is keyof SiteOptions => key in PROJECT_SETTINGS);
	if (projectKeys.length > 0) throw new SiteConfigError(projectKeys.map((key) => `${at(key)}: ${key}: not a setting of site.yml; ${PROJECT_SETTINGS[key]}`));
	return { values: read.value, at };
}

const SETTING_NAMES = Object.keys(SiteOptionsSchema.shape).join(', ');

/** Every issue of a parse as `key.path: message`, the key named by `label` (which says where it was set). */
function issueLines(issues: z.core.$ZodIssue[], label: (key: string) => string): string[] {
	return issues.flatMap((issue) => {
		if (issue.code === 'unrecognized_keys') return issue.keys.map((key) => `${label(key)}: not a setting (the settings: ${SETTING_NAMES})`);
		const [key, ...rest] = issue.path.map(String);
		return [`${key === undefined ? '(root)' : [label(key), ...rest].join('.')}: ${issue.message}`];
	});
}

/**
 * Parses the settings once; throws one error listing every bad key as `key.path: message`, where
 * the key says where it was set: `content/site.yml:3: title`, `diagrams (NOTES_DIAGRAMS)`, `title`.
 * `projectRoot` (Astro's `root`) is where relative folders and `public/CNAME` are found.
 */
export function parseSiteConfig(options: SiteOptions, env: NodeJS.ProcessEnv, projectRoot: string): SiteConfig {
	const fromEnv = optionsFromEnv(env);
	// Where site.yml is: the notes folder, which only notes({...}) and NOTES_DIR name (checked with the rest below).
	const notesRoot = path.resolve(projectRoot, String(fromEnv.notesDir ?? (options.notesDir || DEFAULT_NOTES_DIR)));
	const siteFile = readSiteFile(notesRoot, projectRoot);
	const label = (key: string) => {
		if (key in fromEnv) return `${key} (${ENVIRONMENT_VARIABLES[key as keyof SiteOptions]})`;
		if (siteFile && key in siteFile.values) return `${siteFile.at(key)}: ${key}`;
		return key;
	};
	const result = SiteOptionsSchema.safeParse({ ...options, ...siteFile?.values, ...fromEnv });
	// notes({...}) checked on its own too: a bad value there is reported even where site.yml or a variable overrides it.
	const ofOptions = SiteOptionsSchema.safeParse(options);
	if (!result.success || !ofOptions.success) {
		throw new SiteConfigError([...new Set([...issueLines(ofOptions.error?.issues ?? [], (key) => key), ...issueLines(result.error?.issues ?? [], label)])]);
	}
	const { site, base, ...rest } = result.data;
	if (rest.socialImage !== undefined) {
		const picture = path.resolve(notesRoot, rest.socialImage);
		if (!existsSync(picture) || !statSync(picture).isFile()) {
			throw new SiteConfigError([`${label('socialImage')}: expected a picture in the notes folder, found no file at ${displayPath(picture, projectRoot)}`]);
		}
		// Nothing outside the notes folder is published: not by `../`, an absolute path or a link leading out.
		const inside = path.relative(realpathSync(notesRoot), realpathSync(picture));
		if (inside.startsWith('..') || path.isAbsolute(inside)) {
			throw new SiteConfigError([`${label('socialImage')}: ${rest.socialImage} is outside the notes folder; only files in it are published`]);
		}
	}
	try {
		return { ...rest, ...resolveSiteLocation({ site, base, cname: readCname(projectRoot), env }), projectRoot };
	} catch (error) {
		if (!(error instanceof SiteLocationError)) throw error;
		const { where, message } = error.issue;
		// A setting names where it was set; a file (`public/CNAME:1`) or a variable names itself.
		throw new SiteConfigError([`${where === 'site' || where === 'base' ? label(where) : where}: ${message}`]);
	}
}
