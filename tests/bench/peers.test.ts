import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { projectRoot } from '../support/build.ts';

/** `npm run bench -- --peers` from a clone: the side-by-side comparison's scripts are in the project. */
describe('the peers comparison', () => {
	const script = path.join(projectRoot, 'tests/bench/peers/run.sh');

	test('the bench runs the script inside the project, which is valid bash and executable', () => {
		expect(readFileSync(path.join(projectRoot, 'tests/bench/bench.ts'), 'utf8')).toContain("path.join(projectRoot, 'tests/bench/peers/run.sh')");
		expect(statSync(script).mode & 0o111).not.toBe(0);
		expect(spawnSync('bash', ['-n', script]).status).toBe(0);
	});

	test('the Starlight baseline it builds is complete: pinned versions, a lockfile, the note preparation', () => {
		const starlight = path.join(projectRoot, 'tests/bench/peers/starlight');
		for (const file of ['package.json', 'package-lock.json', 'astro.config.mjs', 'prepare.mjs', 'src/content.config.ts']) {
			expect(existsSync(path.join(starlight, file)), file).toBe(true);
		}
		const { dependencies } = JSON.parse(readFileSync(path.join(starlight, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
		expect(Object.values(dependencies).every((version) => /^\d+\.\d+\.\d+$/.test(version))).toBe(true);
	});

	test('without a notes folder it says how to use it, and reads nothing outside the project but that folder', () => {
		const run = spawnSync('bash', [script], { cwd: projectRoot, encoding: 'utf8' });
		expect(run.status).not.toBe(0);
		expect(run.stderr).toContain('usage: run.sh NOTES_DIR [ROUNDS]');
		expect(readFileSync(script, 'utf8')).not.toMatch(/\.\.\/shared|\/work\//);
	});
});
