import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
export const fixturePath = (name: string) => path.join(projectRoot, 'tests/fixtures', name);

export interface BuiltSite {
	dist: string;
	/** Everything the build printed (stdout and stderr). */
	output: string;
	exitCode: number;
	/** A built page's HTML, by path below `dist/` (`advanced-vpc-networking/index.html`). */
	page(file: string): string;
}

export interface BuildOptions {
	/** Extra environment, e.g. `{ NOTES_STRICT: '1' }`. */
	env?: Record<string, string>;
	base?: string;
}

const LOCK = path.join(projectRoot, 'node_modules/.cache/notes-build.lock');

const isAlive = (pid: number) => {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
};

/**
 * One build at a time across test workers: Astro writes `.astro/.prerender/` in the project root,
 * so two builds at once break each other (and the machine has two cores). A lock folder holds the
 * owner's pid; a dead owner's lock is taken over.
 */
function withBuildLock<T>(run: () => T): T {
	mkdirSync(path.dirname(LOCK), { recursive: true });
	for (;;) {
		try {
			mkdirSync(LOCK);
			break;
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
			let owner = Number.NaN;
			try {
				owner = Number(readFileSync(path.join(LOCK, 'pid'), 'utf8'));
			} catch {
				// Just created; the owner writes its pid next.
			}
			if (Number.isInteger(owner) && owner > 0 && !isAlive(owner)) rmSync(LOCK, { recursive: true, force: true });
			else Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 250);
		}
	}
	writeFileSync(path.join(LOCK, 'pid'), String(process.pid));
	try {
		return run();
	} finally {
		rmSync(LOCK, { recursive: true, force: true });
	}
}

/**
 * Builds a notes folder with the project's real Astro config, in a child process, into a fresh
 * temporary folder (its own `dist/` and Astro cache), as `npm run build` would. Builds from
 * several test files run one after the other.
 */
export function buildSite(notesDir: string, options: BuildOptions = {}): BuiltSite {
	return withBuildLock(() => buildSiteNow(notesDir, options));
}

function buildSiteNow(notesDir: string, options: BuildOptions): BuiltSite {
	const temporary = mkdtempSync(path.join(tmpdir(), 'notes-build-'));
	const dist = path.join(temporary, 'dist');
	const result = spawnSync(
		process.execPath,
		[
			path.join(projectRoot, 'tests/support/run-build.ts'),
			JSON.stringify({ root: projectRoot, outDir: dist, cacheDir: path.join(temporary, 'cache'), base: options.base }),
		],
		{
			cwd: projectRoot,
			encoding: 'utf8',
			env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0', NOTES_DIR: notesDir, ...options.env },
			timeout: 240_000,
		},
	);
	return {
		dist,
		output: `${result.stdout}\n${result.stderr}`,
		exitCode: result.status ?? 1,
		page: (file) => readFileSync(path.join(dist, file), 'utf8'),
	};
}
