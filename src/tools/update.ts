/**
 * `npm run update`: brings a copy of this project (made with "Use this template") up to the latest
 * release of the tool, or to `--to <tag>`. Every tool file becomes the release's; the notes folder
 * (`content/`, or `NOTES_DIR` when it is inside the project) and `public/` are the user's and are
 * never touched. The result is left as uncommitted changes, to review with `git diff` and commit.
 *
 *     npm run update                      latest release (the highest vX.Y.Z tag)
 *     npm run update -- --to v1.4.0       that release
 *     npm run update -- --from URL|PATH   another copy of the tool's repository (default: package.json "repository")
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

export class UpdateError extends Error {}

/** Runs git in `cwd`; its output, or an `UpdateError` with git's own message. */
function git(cwd: string, args: string[], input?: string): string {
	const result = spawnSync('git', args, { cwd, encoding: 'utf8', input, maxBuffer: 256 * 1024 * 1024 });
	if (result.error) throw new UpdateError(`git ${args[0]}: ${result.error.message} (is git installed?)`);
	if (result.status !== 0) throw new UpdateError(`git ${args.join(' ')}: ${result.stderr.trim() || `exit ${result.status}`}`);
	return result.stdout;
}

/** `github:owner/name`, `owner/name` or any git URL, as a URL git can fetch. */
export function repositoryUrl(repository: string): string {
	const shorthand = /^(?:github:)?([\w.-]+\/[\w.-]+)$/.exec(repository);
	return shorthand ? `https://github.com/${shorthand[1]}.git` : repository;
}

/** The highest `vX.Y.Z` release tag of `tags` (names as `git ls-remote --tags` lists them). */
export function latestRelease(tags: string[]): string | undefined {
	const releases = tags.flatMap((tag) => {
		const match = /^v(\d+)\.(\d+)\.(\d+)$/.exec(tag);
		return match ? [{ tag, parts: match.slice(1).map(Number) }] : [];
	});
	releases.sort((a, b) => a.parts[0] - b.parts[0] || a.parts[1] - b.parts[1] || a.parts[2] - b.parts[2]);
	return releases.at(-1)?.tag;
}

/** Paths that are the user's: the notes folder and `public/` (the favicon, `CNAME`…). */
export function isUsersPath(file: string, notesFolder: string): boolean {
	return [notesFolder, 'public'].some((folder) => file === folder || file.startsWith(`${folder}/`));
}

/** The notes folder below the project root (`content`), as `NOTES_DIR` or the default sets it. */
function notesFolderOf(projectRoot: string, env: NodeJS.ProcessEnv): string {
	const relative = path.relative(projectRoot, path.resolve(projectRoot, env.NOTES_DIR || 'content'));
	return relative.split(path.sep).join('/');
}

/** Files of a commit: path → blob id. */
function treeOf(cwd: string, commit: string): Map<string, string> {
	const lines = git(cwd, ['ls-tree', '-r', '-z', commit]).split('\0').filter(Boolean);
	return new Map(lines.map((line) => {
		const [info, file] = line.split('\t');
		return [file, info.split(' ')[2]];
	}));
}

export interface UpdateResult {
	from: string;
	to: string;
	added: string[];
	changed: string[];
	removed: string[];
	/** Tool files the user had changed since the version they had: replaced, their version still in git. */
	replacedEdits: string[];
}

export function update(projectRoot: string, options: { to?: string; from?: string }, env: NodeJS.ProcessEnv = process.env): UpdateResult {
	if (git(projectRoot, ['status', '--porcelain']).trim()) {
		throw new UpdateError('The project has uncommitted changes: commit or stash them first, so that the update is a change of its own to review.');
	}
	const packageJson = JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as { version: string; repository?: string };
	const source = options.from ?? (packageJson.repository && repositoryUrl(packageJson.repository));
	if (!source) throw new UpdateError('package.json has no "repository": name the tool\'s repository with --from URL.');
	const tags = git(projectRoot, ['ls-remote', '--tags', '--refs', source]).split('\n').flatMap((line) => line.split('\trefs/tags/')[1] ?? []);
	const target = options.to ?? latestRelease(tags);
	if (!target) throw new UpdateError(`${source} has no release tag (vX.Y.Z): name one with --to.`);
	const current = `v${packageJson.version}`;

	git(projectRoot, ['fetch', '--quiet', '--no-tags', source, `refs/tags/${target}`]);
	const next = treeOf(projectRoot, 'FETCH_HEAD');
	const targetCommit = git(projectRoot, ['rev-parse', 'FETCH_HEAD']).trim();
	// The release this copy was made from: what the user changed since, and what the tool removed.
	let previous: Map<string, string> | undefined;
	if (tags.includes(current)) {
		git(projectRoot, ['fetch', '--quiet', '--no-tags', source, `refs/tags/${current}`]);
		previous = treeOf(projectRoot, 'FETCH_HEAD');
	}
	const here = treeOf(projectRoot, 'HEAD');
	const notesFolder = notesFolderOf(projectRoot, env);
	const toolFile = (file: string) => !isUsersPath(file, notesFolder);

	const result: UpdateResult = { from: current, to: target, added: [], changed: [], removed: [], replacedEdits: [] };
	for (const [file, blob] of next) {
		if (!toolFile(file) || here.get(file) === blob) continue;
		(here.has(file) ? result.changed : result.added).push(file);
		if (previous && here.has(file) && previous.get(file) !== here.get(file)) result.replacedEdits.push(file);
	}
	for (const file of previous?.keys() ?? []) {
		if (toolFile(file) && !next.has(file) && here.has(file)) result.removed.push(file);
	}
	const written = [...result.added, ...result.changed];
	if (written.length > 0) {
		git(projectRoot, ['restore', `--source=${targetCommit}`, '--worktree', '--pathspec-from-file=-', '--pathspec-file-nul'], `${written.join('\0')}\0`);
	}
	for (const file of result.removed) rmSync(path.join(projectRoot, file));
	return result;
}

function main() {
	const { values } = parseArgs({ options: { to: { type: 'string' }, from: { type: 'string' } } });
	const projectRoot = process.cwd();
	try {
		const result = update(projectRoot, values);
		const total = result.added.length + result.changed.length + result.removed.length;
		console.log(`update: ${result.from} → ${result.to}: ${total === 0 ? 'already up to date' : `${result.changed.length} changed, ${result.added.length} added, ${result.removed.length} removed`}`);
		for (const file of result.replacedEdits) console.log(`  you had changed ${file}: it is now the release's; your version is in git (git diff ${file})`);
		if (total > 0) console.log('Next: npm ci, then npm test and npm run build; review with git status / git diff, and commit.');
	} catch (error) {
		if (!(error instanceof UpdateError)) throw error;
		console.error(`update: ${error.message}`);
		process.exitCode = 1;
	}
}

if (import.meta.main) main();
