import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * The repository the notes are in: on GitHub Actions, the name part of `GITHUB_REPOSITORY`
 * (`alice/aws-notes` → `aws-notes`); elsewhere the name of the folder holding the nearest `.git`
 * at or above the notes folder; `undefined` outside a repository.
 */
export function repositoryName(notesRoot: string, env: NodeJS.ProcessEnv): string | undefined {
	const onActions = env.GITHUB_ACTIONS === 'true' ? /^[^/]+\/(.+)$/.exec(env.GITHUB_REPOSITORY ?? '')?.[1] : undefined;
	if (onActions) return onActions;
	for (let folder = path.resolve(notesRoot); ; folder = path.dirname(folder)) {
		// A folder (a clone) or a file (a worktree, a submodule).
		if (existsSync(path.join(folder, '.git'))) return path.basename(folder);
		if (path.dirname(folder) === folder) return undefined;
	}
}

/**
 * The site's name: the `title` setting; without one, the title the notes give themselves (the
 * first heading, or front matter `title`, of the notes folder's `README.md` or `index.md`), else
 * the repository's name, else the notes folder's name.
 */
export function siteTitle(setting: string | undefined, homeTitle: string | undefined, notesRoot: string, env: NodeJS.ProcessEnv): string {
	return setting ?? homeTitle ?? repositoryName(notesRoot, env) ?? (path.basename(path.resolve(notesRoot)) || notesRoot);
}
