import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
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

/**
 * The parent's environment without what Vitest adds: it sets `NODE_ENV=test` and mirrors
 * `import.meta.env` (`DEV`, `PROD`, `MODE`, `BASE_URL`, `SSR`) into `process.env`, which Astro would
 * read back, building as if in dev (`import.meta.env.DEV` true).
 */
function buildEnvironment(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
	const { NODE_ENV: _nodeEnv, DEV: _dev, PROD: _prod, MODE: _mode, BASE_URL: _base, SSR: _ssr, ...rest } = env;
	return { ...rest, NODE_ENV: 'production' };
}

/**
 * Builds a notes folder with the project's real Astro config, in a child process, into a fresh
 * temporary folder (its own `dist/` and Astro cache), as `npm run build` would.
 */
export function buildSite(notesDir: string, options: BuildOptions = {}): BuiltSite {
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
			env: {
				...buildEnvironment(process.env),
				ASTRO_TELEMETRY_DISABLED: '1',
				NO_COLOR: '1',
				FORCE_COLOR: '0',
				NOTES_DIR: notesDir,
				...options.env,
			},
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
