import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
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

/** The environment without what Vitest sets for itself (`BASE_URL`, `MODE`, `NODE_ENV`…), which would leak into Vite. */
function buildEnvironment(): NodeJS.ProcessEnv {
	const env = { ...process.env };
	for (const name of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV', 'TEST']) delete env[name];
	for (const name of Object.keys(env)) if (name.startsWith('VITEST')) delete env[name];
	return env;
}

const LOCK = path.join(tmpdir(), 'notes-site-build.lock');

/**
 * Astro writes intermediate files into `<root>/.astro/`, so two builds of the project at once
 * (test files run in parallel) would overwrite each other: builds take turns.
 */
function withBuildLock<T>(work: () => T): T {
	const sleeper = new Int32Array(new SharedArrayBuffer(4));
	for (;;) {
		try {
			mkdirSync(LOCK);
			break;
		} catch {
			// A lock left by a killed run is stale after ten minutes.
			const held = statSync(LOCK, { throwIfNoEntry: false });
			if (held && Date.now() - held.mtimeMs > 600_000) rmSync(LOCK, { recursive: true, force: true });
			Atomics.wait(sleeper, 0, 0, 200);
		}
	}
	try {
		return work();
	} finally {
		rmSync(LOCK, { recursive: true, force: true });
	}
}

export interface BuildOptions {
	/** Extra environment, e.g. `{ NOTES_STRICT: '1' }`. */
	env?: Record<string, string>;
	base?: string;
}

/**
 * Builds a notes folder with the project's real Astro config, in a child process, into a fresh
 * temporary folder (its own `dist/` and Astro cache), as `npm run build` would.
 */
export function buildSite(notesDir: string, options: BuildOptions = {}): BuiltSite {
	const temporary = mkdtempSync(path.join(tmpdir(), 'notes-build-'));
	const dist = path.join(temporary, 'dist');
	const result = withBuildLock(() => spawnSync(
		process.execPath,
		[
			path.join(projectRoot, 'tests/support/run-build.ts'),
			JSON.stringify({ root: projectRoot, outDir: dist, cacheDir: path.join(temporary, 'cache'), base: options.base }),
		],
		{
			cwd: projectRoot,
			encoding: 'utf8',
			env: { ...buildEnvironment(), ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0', NOTES_DIR: notesDir, ...options.env },
			timeout: 240_000,
		},
	));
	return {
		dist,
		output: `${result.stdout}\n${result.stderr}`,
		exitCode: result.status ?? 1,
		page: (file) => readFileSync(path.join(dist, file), 'utf8'),
	};
}
