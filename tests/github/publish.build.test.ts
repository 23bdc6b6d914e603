import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { load } from 'js-yaml';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { copyProject, folderWith, projectRoot, testEnvironment } from '../support/build.ts';

/**
 * The reusable workflow's own steps, run here as the runner runs them, on a notes repository
 * outside the project: its `run` scripts in bash with the step's environment, its expressions
 * evaluated, and each action it uses played by what that action does (a checkout copies, the
 * upload checks its folder). A step or expression the emulation does not know fails the test.
 */

interface Step {
	name: string;
	id?: string;
	uses?: string;
	run?: string;
	with?: Record<string, string | number | boolean>;
	env?: Record<string, string | number>;
	'working-directory'?: string;
}
interface Workflow {
	on: { workflow_call: { inputs: Record<string, { default?: string }> } };
	jobs: { build: { steps: Step[] } };
}

const workflow = load(readFileSync(path.join(projectRoot, '.github/workflows/publish.yml'), 'utf8')) as Workflow;

/** The commit the caller pinned, as the OIDC token of the job names it. */
const TOOL_REPOSITORY = 'study-notes-site/study-notes-site';
const PINNED_COMMIT = '0123456789abcdef0123456789abcdef01234567';

/** The OIDC token endpoint of a runner: a JWT whose claims name the workflow the caller pinned. */
async function oidcEndpoint(requestToken: string) {
	const claims = { job_workflow_ref: `${TOOL_REPOSITORY}/.github/workflows/publish.yml@refs/tags/v1`, job_workflow_sha: PINNED_COMMIT };
	const jwt = ['{"alg":"RS256"}', JSON.stringify(claims), 'signature'].map((part) => Buffer.from(part).toString('base64url')).join('.');
	const server = createServer((request, response) => {
		if (request.headers.authorization !== `bearer ${requestToken}`) return response.writeHead(401).end();
		response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ value: jwt }));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/token`, close: () => server.close() };
}

/** A notes repository: a README, a notes folder with its settings, a note linking another, an image. */
const notesRepository = () =>
	folderWith(
		{
			'README.md': '# Repository readme\n\nNot a note: the notes are in notes/.\n',
			'notes/site.yml': 'title: Networking revision\ndescription: Notes for the networking exam.\n',
			'notes/vpc.md': '# VPC\n\n## 1. Peering\n\n#\n\n### summary\n\n- non-transitive; see [[routing]]\n\n![diagram](img/dot.svg)\n',
			'notes/routing.md': '# Routing\n\nLongest prefix wins.\n',
			'notes/img/dot.svg': '<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"><circle cx="4" cy="4" r="4"/></svg>\n',
		},
		'notes-repository-',
	);

describe('publish.yml, its steps run on a notes repository outside the project', () => {
	const workspace = mkdtempSync(path.join(tmpdir(), 'publish-workspace-'));
	const inputs: Record<string, string> = { 'notes-folder': 'notes' };
	const outputs: Record<string, Record<string, string>> = {};
	const ran: string[] = [];
	let endpoint: Awaited<ReturnType<typeof oidcEndpoint>>;

	/** `${{ … }}` in a step, from what the runner would know. */
	function evaluate(text: string | number | boolean): string {
		return String(text).replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (whole, expression: string) => {
			if (expression === 'github.workspace') return workspace;
			if (expression === 'github.sha') return 'fedcba9876543210fedcba9876543210fedcba98';
			const input = /^inputs\.([\w-]+)$/.exec(expression)?.[1];
			if (input) return inputs[input] ?? workflow.on.workflow_call.inputs[input]?.default ?? '';
			const output = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(expression);
			if (output) {
				const value = outputs[output[1]]?.[output[2]];
				if (value === undefined) throw new Error(`${whole}: no such step output yet`);
				return value;
			}
			throw new Error(`${whole}: an expression this emulation does not know`);
		});
	}

	/** A `run` step in bash, as the runner runs it; its outputs kept by step id. */
	async function runStep(step: Step, env: NodeJS.ProcessEnv) {
		const outputFile = path.join(workspace, `.output-${ran.length}`);
		writeFileSync(outputFile, '');
		const stepEnv = Object.fromEntries(Object.entries(step.env ?? {}).map(([name, value]) => [name, evaluate(value)]));
		// Not spawnSync: the OIDC endpoint answering the first step lives in this process.
		const result = await promisify(execFile)('bash', ['-e', '-o', 'pipefail', '-c', evaluate(step.run ?? '')], {
			cwd: path.join(workspace, step['working-directory'] ?? '.'),
			env: { ...env, ...stepEnv, GITHUB_OUTPUT: outputFile, GITHUB_WORKSPACE: workspace },
			timeout: 240_000,
			maxBuffer: 64 * 1024 * 1024,
		}).catch((error: Error & { stdout?: string; stderr?: string }) => {
			throw new Error(`${step.name} failed: ${error.message}\n${error.stdout ?? ''}\n${error.stderr ?? ''}`);
		});
		if (step.id) {
			const lines = readFileSync(outputFile, 'utf8').split('\n').filter(Boolean);
			// As the runner reads $GITHUB_OUTPUT: `name=value` lines, anything else fails the step.
			for (const line of lines) expect(line, `${step.name}: a line of $GITHUB_OUTPUT`).toMatch(/^[\w-]+=/);
			outputs[step.id] = Object.fromEntries(lines.map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]));
		}
		return result;
	}

	/** What each action the workflow uses does, here. */
	function playAction(step: Step) {
		const action = step.uses?.split('@')[0];
		const given = Object.fromEntries(Object.entries(step.with ?? {}).map(([name, value]) => [name, evaluate(value)]));
		if (action === 'actions/checkout' && given.repository === undefined) {
			// The caller's repository: the notes.
			cpSync(notesRepository(), path.join(workspace, given.path), { recursive: true });
		} else if (action === 'actions/checkout') {
			// This tool, at the commit the caller pinned: the project itself stands in for that commit.
			expect([given.repository, given.ref]).toEqual([TOOL_REPOSITORY, PINNED_COMMIT]);
			const { root } = copyProject(mkdtempSync(path.join(tmpdir(), 'publish-tool-')), 'content');
			for (const file of ['.nvmrc', 'package-lock.json']) cpSync(path.join(projectRoot, file), path.join(root, file));
			symlinkSync(root, path.join(workspace, given.path), 'dir');
		} else if (action === 'actions/setup-node') {
			// Node is already on PATH; the files the action reads must be where the step says.
			for (const file of [given['node-version-file'], given['cache-dependency-path']]) expect(existsSync(path.join(workspace, file)), file).toBe(true);
		} else if (action === 'actions/cache') {
			for (const folder of given.path.trim().split('\n')) expect(folder).toMatch(/^tool\/node_modules\//);
		} else if (action === 'actions/upload-pages-artifact') {
			expect(existsSync(path.join(workspace, given.path, 'index.html')), `${given.path}index.html`).toBe(true);
		} else {
			throw new Error(`${step.name}: ${step.uses} is an action this emulation does not know`);
		}
	}

	beforeAll(async () => {
		const requestToken = 'request-token';
		endpoint = await oidcEndpoint(requestToken);
		const env: NodeJS.ProcessEnv = {
			...testEnvironment(),
			GITHUB_ACTIONS: 'true',
			GITHUB_REPOSITORY: 'someone/networking-notes',
			ACTIONS_ID_TOKEN_REQUEST_URL: endpoint.url,
			ACTIONS_ID_TOKEN_REQUEST_TOKEN: requestToken,
			NO_COLOR: '1',
		};
		for (const step of workflow.jobs.build.steps) {
			// Installing is what every other test has done already, with the same package-lock.json.
			if (step.run?.trim() === 'npm ci') continue;
			if (step.run) await runStep(step, env);
			else playAction(step);
			ran.push(step.name);
		}
	}, 300_000);

	afterAll(() => endpoint?.close());

	test('every step but the install ran, in order', () => {
		expect(ran).toEqual(workflow.jobs.build.steps.filter((step) => step.run?.trim() !== 'npm ci').map((step) => step.name));
	});

	test('the tool is checked out at the commit the OIDC token names', () => {
		expect(outputs.tool).toEqual({ repository: TOOL_REPOSITORY, commit: PINNED_COMMIT });
	});

	test("the site is the notes folder's, under the notes repository's address, with the title from its site.yml", () => {
		const dist = path.join(workspace, 'tool/dist');
		const home = readFileSync(path.join(dist, 'index.html'), 'utf8');
		expect(home).toContain('<title>Networking revision</title>');
		expect(home).toContain('href="/networking-notes/vpc/"');
		expect(home).not.toContain('Repository readme');
		const note = readFileSync(path.join(dist, 'vpc/index.html'), 'utf8');
		expect(note).toContain('href="/networking-notes/routing/"');
		expect(note).toMatch(/<meta property="og:image" content="https:\/\/someone\.github\.io\/networking-notes\/[^"]+\.png"/);
	});
});
