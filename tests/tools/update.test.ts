import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, test } from 'vitest';
import { latestRelease, repositoryUrl } from '../../src/tools/update.ts';
import { projectRoot } from '../support/build.ts';

const git = (cwd: string, ...args: string[]) =>
	execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'init.defaultBranch=main', ...args], { cwd, encoding: 'utf8' });

function write(folder: string, files: Record<string, string>) {
	for (const [name, text] of Object.entries(files)) {
		mkdirSync(path.dirname(path.join(folder, name)), { recursive: true });
		writeFileSync(path.join(folder, name), text);
	}
}

/** The tool's repository: release v0.1.0, then v0.2.0 (a changed, an added and a removed tool file; new sample notes and favicon). */
function toolRepository(): string {
	const folder = mkdtempSync(path.join(tmpdir(), 'tool-repository-'));
	git(folder, 'init', '--quiet');
	write(folder, {
		'package.json': JSON.stringify({ version: '0.1.0', repository: 'github:study-notes-site/study-notes-site' }),
		'astro.config.mjs': 'export default {};\n',
		'src/build.ts': 'export const version = 1;\n',
		'src/old.ts': 'export const old = true;\n',
		'content/sample.md': '# Sample\n',
		'public/favicon.svg': '<svg/>\n',
	});
	git(folder, 'add', '-A');
	git(folder, 'commit', '--quiet', '-m', 'v0.1.0');
	git(folder, 'tag', 'v0.1.0');
	rmSync(path.join(folder, 'src/old.ts'));
	write(folder, {
		'package.json': JSON.stringify({ version: '0.2.0', repository: 'github:study-notes-site/study-notes-site' }),
		'src/build.ts': 'export const version = 2;\n',
		'src/new.ts': 'export const added = true;\n',
		'astro.config.mjs': 'export default { release: 2 };\n',
		'content/sample.md': '# Sample, second edition\n',
		'public/favicon.svg': '<svg id="new"/>\n',
	});
	git(folder, 'add', '-A');
	git(folder, 'commit', '--quiet', '-m', 'v0.2.0');
	git(folder, 'tag', 'v0.2.0');
	git(folder, 'tag', 'nightly');
	return folder;
}

/** A copy made from v0.1.0 with "Use this template" (its own history), then made the user's own. */
function templateCopy(tool: string): string {
	const folder = mkdtempSync(path.join(tmpdir(), 'template-copy-'));
	const archive = execFileSync('git', ['archive', '--format=tar', 'v0.1.0'], { cwd: tool });
	execFileSync('tar', ['-x', '-C', folder], { input: archive });
	git(folder, 'init', '--quiet');
	rmSync(path.join(folder, 'content/sample.md'));
	write(folder, {
		'content/my-note.md': '# Mine\n',
		'content/site.yml': 'title: My notes\n',
		'public/CNAME': 'notes.example.com\n',
		'public/favicon.svg': '<svg id="mine"/>\n',
		'astro.config.mjs': 'export default { mine: true };\n',
	});
	git(folder, 'add', '-A');
	git(folder, 'commit', '--quiet', '-m', 'my notes');
	return folder;
}

const runUpdate = (copy: string, tool: string, ...args: string[]) =>
	spawnSync(process.execPath, [path.join(projectRoot, 'src/tools/update.ts'), '--from', tool, ...args], { cwd: copy, encoding: 'utf8', env: { ...process.env, NOTES_DIR: '' } });

describe('npm run update', () => {
	let tool: string;
	let copy: string;
	beforeEach(() => {
		tool = toolRepository();
		copy = templateCopy(tool);
	});
	const read = (file: string) => readFileSync(path.join(copy, file), 'utf8');

	test("brings the tool files to the latest release and leaves the user's notes and public/ alone", () => {
		const run = runUpdate(copy, tool);
		expect(run.status, run.stderr).toBe(0);
		expect(run.stdout).toContain('v0.1.0 → v0.2.0: 3 changed, 1 added, 1 removed');
		expect(read('src/build.ts')).toBe('export const version = 2;\n');
		expect(read('src/new.ts')).toBe('export const added = true;\n');
		expect(existsSync(path.join(copy, 'src/old.ts'))).toBe(false);
		expect(JSON.parse(read('package.json')).version).toBe('0.2.0');
		// The user's notes, settings, domain and favicon; the tool's new sample is not brought in.
		expect(read('content/my-note.md')).toBe('# Mine\n');
		expect(read('content/site.yml')).toBe('title: My notes\n');
		expect(existsSync(path.join(copy, 'content/sample.md'))).toBe(false);
		expect(read('public/CNAME')).toBe('notes.example.com\n');
		expect(read('public/favicon.svg')).toBe('<svg id="mine"/>\n');
	});

	test('says which tool files the user had changed, replaced, and leaves everything uncommitted to review', () => {
		const run = runUpdate(copy, tool);
		expect(run.stdout).toContain('you had changed astro.config.mjs');
		expect(run.stdout).not.toContain('you had changed src/build.ts');
		expect(read('astro.config.mjs')).toBe('export default { release: 2 };\n');
		expect(git(copy, 'log', '--oneline').trim().split('\n')).toHaveLength(1);
		expect(git(copy, 'status', '--porcelain').split('\n').filter(Boolean).sort()).toEqual([
			' D src/old.ts',
			' M astro.config.mjs',
			' M package.json',
			' M src/build.ts',
			'?? src/new.ts',
		]);
	});

	test('goes to the release named with --to; a second run finds nothing to do', () => {
		expect(runUpdate(copy, tool, '--to', 'v0.1.0').stdout).toContain('v0.1.0 → v0.1.0: 1 changed, 0 added, 0 removed');
		git(copy, 'checkout', '--quiet', '--', '.');
		expect(runUpdate(copy, tool).status).toBe(0);
		git(copy, 'add', '-A');
		git(copy, 'commit', '--quiet', '-m', 'update');
		expect(runUpdate(copy, tool).stdout).toContain('v0.2.0 → v0.2.0: already up to date');
	});

	test('with uncommitted changes, or no release to go to, stops with one line and changes nothing', () => {
		writeFileSync(path.join(copy, 'content/my-note.md'), '# Mine, edited\n');
		const dirty = runUpdate(copy, tool);
		expect(dirty.status).toBe(1);
		expect(dirty.stderr.trim()).toBe('update: The project has uncommitted changes: commit or stash them first, so that the update is a change of its own to review.');
		expect(read('src/build.ts')).toBe('export const version = 1;\n');
		git(copy, 'checkout', '--quiet', '--', '.');
		const missing = runUpdate(copy, tool, '--to', 'v9.9.9');
		expect(missing.status).toBe(1);
		expect(missing.stderr).toMatch(/^update: git fetch .*v9\.9\.9/);
	});
});

describe('update helpers', () => {
	test('the latest release is the highest vX.Y.Z tag, compared as numbers', () => {
		expect(latestRelease(['v0.9.0', 'v0.10.0', 'v0.10.0-rc.1', 'nightly', 'v0.2.11'])).toBe('v0.10.0');
		expect(latestRelease(['nightly'])).toBeUndefined();
	});

	test('package.json\'s "repository" shorthand is fetched from GitHub', () => {
		expect(repositoryUrl('github:study-notes-site/study-notes-site')).toBe('https://github.com/study-notes-site/study-notes-site.git');
		expect(repositoryUrl('/srv/tool.git')).toBe('/srv/tool.git');
	});
});
