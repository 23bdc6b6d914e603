import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CNAME_FILE } from '../../src/config/site.ts';
import { pointAtRemoteProbe } from './remote-probe.ts';

export const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
export const fixturePath = (name: string) => path.join(projectRoot, 'tests/fixtures', name);
/**
 * A copy of the sample notes the project ships in `content/`, for the tests that need real notes:
 * `content/` is the user's, and whatever they put there, the tests test the tool.
 */
export const SHIPPED_NOTES = 'tests/fixtures/shipped-notes';

export interface BuiltSite {
	dist: string;
	/** Everything the build printed (stdout and stderr). */
	output: string;
	exitCode: number;
	/** A built page's HTML, by path below `dist/` (`advanced-vpc-networking/index.html`). */
	page(file: string): string;
	/** With `countReads`: by path below the notes folder, how often the build opened or read the file. */
	reads(): Record<string, number>;
}

export interface BuildOptions {
	/** Extra environment, e.g. `{ NOTES_STRICT: '1' }`. */
	env?: Record<string, string>;
	/**
	 * A diagram cache of this test run, by name: builds that name the same cache share it, so the
	 * first renders and the next read. Default: a cache of the build's own.
	 */
	diagramsCache?: string;
	/** The base path, set as `BASE_PATH` would set it. */
	base?: string;
	/** Project files to add or replace for this build only, e.g. `{ 'public/CNAME': 'notes.example.com' }`. */
	files?: Record<string, string>;
	/** Count how often the build opens or reads each file of the notes folder: `BuiltSite.reads`. */
	countReads?: boolean;
}

/**
 * The sites the build tests build from the fixtures, with the options each is built with: tests
 * that ask for the same site with the same options share one build a run.
 */
export const FIXTURE_SITES: [notesDir: string, options: BuildOptions][] = [
	[SHIPPED_NOTES, { env: { NOTES_STRICT: '1' } }],
	['tests/fixtures/tabs-cases', {}],
	['tests/fixtures/figure-cases', {}],
	['tests/fixtures/deploy-site', {}],
	['tests/fixtures/search-cases', { base: '/notes-base/' }],
	['tests/fixtures/search-cjk', {}],
	['tests/fixtures/diagrams-cases', { diagramsCache: 'diagrams-cases' }],
	['tests/fixtures/syntax-vault', {}],
	['tests/fixtures/syntax-mkdocs', {}],
	['tests/fixtures/study-cards', {}],
	['tests/fixtures/private-vault', {}],
	['tests/fixtures/logseq-graph', {}],
];

/** An `astro.config.mjs` whose `notes()` integration has `options` (JavaScript source): a test build's, with no options or the settings the test gives. */
export function configWith(options: string): string {
	return `import { defineConfig } from 'astro/config';\nimport notes from './src/integration/index.ts';\nexport default defineConfig({ integrations: [notes(${options})] });\n`;
}

/** A new temporary folder holding `files` (by their paths in it, with their text). */
export function folderWith(files: Record<string, string>, prefix = 'notes-folder-'): string {
	const folder = mkdtempSync(path.join(tmpdir(), prefix));
	for (const [name, text] of Object.entries(files)) {
		mkdirSync(path.dirname(path.join(folder, name)), { recursive: true });
		writeFileSync(path.join(folder, name), text);
	}
	return folder;
}

/** What a project is made of, besides its notes and its settings. */
const PROJECT_FILES = ['package.json', 'tsconfig.json', 'src', 'public'];

/**
 * A copy of this project in `folder`, with its notes folder at the same relative path (so reports
 * name the same files) and `files` added. Astro keeps generated state in `<root>/.astro/`: builds
 * in one folder would overwrite each other's when test files run in parallel. `node_modules` is
 * linked, not copied. The user's settings are left out, so that a test builds the same site
 * whatever they chose: `notes()` has no options, and there is no custom domain (`public/CNAME`);
 * a test that needs a setting adds it with `files`.
 */
export function copyProject(folder: string, notesDir: string, files: Record<string, string> = {}): { root: string; notesDir: string } {
	const root = path.join(folder, 'project');
	const cname = path.join(projectRoot, CNAME_FILE);
	for (const name of PROJECT_FILES) cpSync(path.join(projectRoot, name), path.join(root, name), { recursive: true, filter: (source) => source !== cname });
	writeFileSync(path.join(root, 'astro.config.mjs'), configWith(''));
	if (!existsSync(path.join(root, 'node_modules'))) symlinkSync(path.join(projectRoot, 'node_modules'), path.join(root, 'node_modules'), 'dir');
	const notesFromRoot = path.relative(projectRoot, path.resolve(projectRoot, notesDir));
	const inProject = !notesFromRoot.startsWith('..') && !path.isAbsolute(notesFromRoot);
	if (inProject) {
		cpSync(path.join(projectRoot, notesFromRoot), path.join(root, notesFromRoot), { recursive: true });
		pointAtRemoteProbe(path.join(root, notesFromRoot));
	}
	for (const [name, text] of Object.entries(files)) {
		mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
		writeFileSync(path.join(root, name), text);
	}
	return { root, notesDir: inProject ? notesFromRoot : notesDir };
}

/**
 * Left out of a test build's environment: what says where the site is served, so that the tests
 * build the same site on GitHub Actions (which sets `GITHUB_REPOSITORY`) as anywhere else; and
 * what Vitest sets for its own `import.meta.env` (`BASE_URL`, `MODE`...), which Astro would read
 * as the site's.
 */
const LEFT_OUT_VARIABLES = [
	'GITHUB_ACTIONS',
	'GITHUB_REPOSITORY',
	'GITHUB_SERVER_URL',
	'SITE_URL',
	'BASE_PATH',
	'BASE_URL',
	'SITE',
	'ASSETS_PREFIX',
	'MODE',
	'DEV',
	'PROD',
	'SSR',
	// Vitest sets NODE_ENV=test; a build sets production itself.
	'NODE_ENV',
	// Astro's dev server behaves as under test when it sees these: it would not answer as `npm run dev` does.
	'VITEST',
	'VITEST_MODE',
	'VITEST_POOL_ID',
	'VITEST_WORKER_ID',
	'TEST',
];

/**
 * The environment a test build or dev server runs in: this one, without what would change where the
 * site is served, and without the user's own settings (`NOTES_DIR`, `NOTES_STRICT`...): the test
 * sets those it needs.
 */
export function testEnvironment(): NodeJS.ProcessEnv {
	return Object.fromEntries(Object.entries(process.env).filter(([name]) => !LEFT_OUT_VARIABLES.includes(name) && !name.startsWith('NOTES_')));
}

/**
 * Builds a notes folder with the project's real Astro config, in a child process, into `folder`
 * (default: a new temporary folder) with its own copy of the project, `dist/` and Astro cache, as
 * `npm run build` would. Tests use {@link builtSite}, which builds each site once per run.
 */
export function buildSite(notesDir: string, options: BuildOptions = {}, folder = mkdtempSync(path.join(tmpdir(), 'notes-build-'))): BuiltSite {
	const dist = path.join(folder, 'dist');
	const { root, notesDir: notes } = copyProject(folder, notesDir, options.files ?? {});
	const diagramsCache = options.diagramsCache ? path.join(testRunFolder(), 'diagram-caches', options.diagramsCache) : path.join(folder, 'diagram-cache');
	const counter = options.countReads ? ['--import', path.join(projectRoot, 'tests/support/count-reads.ts')] : [];
	const result = spawnSync(
		process.execPath,
		[...counter, path.join(projectRoot, 'tests/support/run-build.ts'), JSON.stringify({ root, outDir: dist, cacheDir: path.join(folder, 'cache') })],
		{
			cwd: root,
			encoding: 'utf8',
			env: {
				...testEnvironment(),
				NODE_ENV: 'production',
				ASTRO_TELEMETRY_DISABLED: '1',
				NO_COLOR: '1',
				FORCE_COLOR: '0',
				NOTES_DIR: notes,
				NOTES_DIAGRAMS_CACHE: diagramsCache,
				...(options.base === undefined ? {} : { BASE_PATH: options.base }),
				...(options.countReads ? { NOTES_READS_ROOT: path.resolve(root, notes), NOTES_READS_LOG: readsLog(folder) } : {}),
				...options.env,
			},
			timeout: 240_000,
		},
	);
	return siteAt(folder, `${result.stdout}\n${result.stderr}`, result.status ?? 1);
}

const readsLog = (folder: string) => path.join(folder, 'reads.json');

function siteAt(folder: string, output: string, exitCode: number): BuiltSite {
	const dist = path.join(folder, 'dist');
	return {
		dist,
		output,
		exitCode,
		page: (file) => readFileSync(path.join(dist, file), 'utf8'),
		reads: () => JSON.parse(readFileSync(readsLog(folder), 'utf8')) as Record<string, number>,
	};
}

/** The folder this test run keeps its built sites in, made by the global setup (`tests/support/global-setup.ts`). */
export function testRunFolder(): string {
	const folder = process.env.NOTES_TEST_RUN;
	if (!folder) throw new Error('NOTES_TEST_RUN is not set: run the tests with `npm test` (tests/vitest.config.ts), whose global setup sets it.');
	return folder;
}

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * The site built from `notesDir` with `options`, built once for the whole test run: the first
 * test file to ask builds it (holding a lock folder), any other waits for that build and reads it.
 */
export function builtSite(notesDir: string, options: BuildOptions = {}): BuiltSite {
	const key = createHash('sha256')
		.update(JSON.stringify({ notes: path.resolve(projectRoot, notesDir), ...options }))
		.digest('hex')
		.slice(0, 16);
	const folder = path.join(testRunFolder(), 'sites', key);
	const resultFile = path.join(folder, 'result.json');
	mkdirSync(path.dirname(folder), { recursive: true });
	let building = false;
	try {
		mkdirSync(folder);
		building = true;
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
	}
	if (building) {
		const site = buildSite(notesDir, options, folder);
		writeFileSync(resultFile, JSON.stringify({ output: site.output, exitCode: site.exitCode }));
		return site;
	}
	const deadline = Date.now() + 300_000;
	while (!existsSync(resultFile)) {
		if (Date.now() > deadline) throw new Error(`Waited 5 minutes for another test file's build of ${notesDir} (${folder}).`);
		sleep(100);
	}
	const { output, exitCode } = JSON.parse(readFileSync(resultFile, 'utf8')) as { output: string; exitCode: number };
	return siteAt(folder, output, exitCode);
}
