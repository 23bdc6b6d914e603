import { readFileSync } from 'node:fs';
import path from 'node:path';
import { comparable } from './wikilinks.ts';

/**
 * Which notes stay private: a vault holds templates, drafts and notes its author never meant to
 * publish, and Obsidian Publish, Quartz and Hugo each have their mark for them. A private note is
 * read only to learn that it is private; it leaves no page, search record, card, backlink or title,
 * and files only it links to are not published. Links to it are plain text.
 */

const PRIVATE_REASONS = ['publish: false', 'draft: true', 'not marked publish: true', 'templates folder', 'Logseq backup', 'exclude setting'] as const;
export type PrivateReason = (typeof PRIVATE_REASONS)[number];

/** The private notes' settings, as the site options give them. */
export interface PrivacySettings {
	/** Globs of notes to leave out, relative to the notes folder (`private/**`, `**\/*.draft.md`). */
	exclude: string[];
	/** `all`: every note that is not private; `marked`: only notes with `publish: true`. */
	publish: 'all' | 'marked';
}

export interface PrivacyRules extends PrivacySettings {
	/** Folders whose notes are private, relative to the notes folder, with the reason. */
	folders: { folder: string; reason: PrivateReason }[];
}

/** A JSON settings file of the vault, or `undefined` when it is missing or unreadable. */
function readJson(file: string): Record<string, unknown> | undefined {
	try {
		const value: unknown = JSON.parse(readFileSync(file, 'utf8'));
		return value && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
	} catch {
		return undefined;
	}
}

const folderSetting = (value: unknown): string | undefined => {
	if (typeof value !== 'string') return undefined;
	const folder = path.posix.normalize(value.replace(/\\/g, '/')).replace(/^\/+|\/+$/g, '');
	return folder && folder !== '.' && !folder.startsWith('..') ? folder : undefined;
};

/**
 * The rules for a notes folder: the settings, the vault's templates folder (core Templates plugin,
 * `.obsidian/templates.json`, and Templater's) and Logseq's backups. Notes in dot folders
 * (`.trash/`, `logseq/.recycle/`) are never listed at all.
 */
export function privacyRules(notesRoot: string, settings: PrivacySettings): PrivacyRules {
	const folders: PrivacyRules['folders'] = [{ folder: 'logseq/bak', reason: 'Logseq backup' }];
	const templates = [
		readJson(path.join(notesRoot, '.obsidian', 'templates.json'))?.folder,
		readJson(path.join(notesRoot, '.obsidian', 'plugins', 'templater-obsidian', 'data.json'))?.templates_folder,
	];
	for (const folder of new Set(templates.map(folderSetting))) if (folder) folders.push({ folder, reason: 'templates folder' });
	return { ...settings, folders };
}

/** Why the note at `relativePath` is private by where it is, or `undefined`. */
export function privateByPath(relativePath: string, rules: PrivacyRules): PrivateReason | undefined {
	const folder = rules.folders.find((each) => comparable(relativePath).startsWith(`${comparable(each.folder)}/`));
	if (folder) return folder.reason;
	if (rules.exclude.some((glob) => path.posix.matchesGlob(relativePath, glob))) return 'exclude setting';
	return undefined;
}

/** `true`, `"true"`, `yes`: front matter written by hand, or by a plugin that quotes. */
const flag = (value: unknown): boolean | undefined => {
	if (typeof value === 'boolean') return value;
	if (typeof value !== 'string') return undefined;
	const word = value.trim().toLowerCase();
	return ['true', 'yes', 'on'].includes(word) ? true : ['false', 'no', 'off'].includes(word) ? false : undefined;
};

/** Why a note is private by what its front matter says, or `undefined`. */
export function privateByFrontmatter(frontmatter: Record<string, unknown>, rules: Pick<PrivacyRules, 'publish'>): PrivateReason | undefined {
	const publish = flag(frontmatter.publish);
	if (publish === false) return 'publish: false';
	if (flag(frontmatter.draft) === true) return 'draft: true';
	if (rules.publish === 'marked' && publish !== true) return 'not marked publish: true';
	return undefined;
}

/** "Private notes left out: 4 (publish: false 2, templates folder 2)." — counts by reason, never a title or a path. */
export function privateSummary(reasons: readonly PrivateReason[]): string | undefined {
	if (reasons.length === 0) return undefined;
	const counts = PRIVATE_REASONS.flatMap((reason) => {
		const count = reasons.filter((each) => each === reason).length;
		return count > 0 ? [`${reason} ${count}`] : [];
	});
	return `Private notes left out: ${reasons.length} (${counts.join(', ')}).`;
}
