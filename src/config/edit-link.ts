import { encodedPath } from '../browser-safe/url-path.ts';

/** The `editLink` setting: `true` to derive the address on GitHub Actions, or the address itself. */
export type EditLinkSetting = boolean | string;

/** The address a note's path is appended to (`https://github.com/alice/notes/edit/main/notes/`), or why there is none. */
export interface EditLinkBase {
	base?: string;
	why?: string;
}

/** A GitHub Actions run's branch: the one pushed, or the one a pull request would merge into; a tag has none. */
function branchOf(env: NodeJS.ProcessEnv): string | undefined {
	if (env.GITHUB_EVENT_NAME?.startsWith('pull_request')) return env.GITHUB_BASE_REF || undefined;
	return env.GITHUB_REF_TYPE === 'branch' ? env.GITHUB_REF_NAME || undefined : undefined;
}

/**
 * Where "Edit on GitHub" leads, as `editLink` says. An address is used as given (a `/` added at
 * its end). `true` derives it on GitHub Actions, as the site's address is (`site-url.ts`): the
 * repository (`GITHUB_REPOSITORY`) on its server, the branch built, and `notesPath`, the notes
 * folder's path in its git repository (`''` at its top; none outside git). Elsewhere `true` gives
 * no link, and says why.
 */
export function editLinkBase(setting: EditLinkSetting, notesPath: string | undefined, env: NodeJS.ProcessEnv): EditLinkBase {
	if (setting === false) return {};
	if (typeof setting === 'string') return { base: setting.endsWith('/') ? setting : `${setting}/` };
	if (env.GITHUB_ACTIONS !== 'true' || !env.GITHUB_REPOSITORY) {
		return { why: 'editLink: true derives the address on GitHub Actions only; elsewhere give it (https://github.com/owner/repo/edit/main/notes/)' };
	}
	const branch = branchOf(env);
	if (!branch) return { why: `editLink: true found no branch to edit on (the build is of ${env.GITHUB_REF_NAME ?? 'no ref'}); give the address instead` };
	if (notesPath === undefined) return { why: 'editLink: true: the notes folder is not in a git repository; give the address instead' };
	const server = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '');
	const inRepository = notesPath ? `${encodedPath(notesPath)}/` : '';
	return { base: `${server}/${env.GITHUB_REPOSITORY}/edit/${encodedPath(branch)}/${inRepository}` };
}

/** The address that edits the note at `relativePath` (below the notes folder). */
export const editHref = (base: string, relativePath: string): string => `${base}${encodedPath(relativePath)}`;
