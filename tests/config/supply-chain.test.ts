import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { projectRoot } from '../support/build.ts';

const read = (file: string) => readFileSync(path.join(projectRoot, file), 'utf8');
const packageJson = JSON.parse(read('package.json')) as { engines: { node: string }; allowScripts?: Record<string, boolean> };

describe('first contact and the supply chain', () => {
	test('an install on a Node older than "engines" stops at once (engine-strict), and .nvmrc is within "engines"', () => {
		expect(read('.npmrc')).toMatch(/^engine-strict=true$/m);
		const [major, minor] = packageJson.engines.node.replace(/^>=/, '').split('.').map(Number);
		expect(`${major}.${minor}`).toBe('22.12');
		expect(Number(read('.nvmrc').trim())).toBeGreaterThanOrEqual(major);
	});

	test('every dependency with an install script is reviewed in "allowScripts", so installs print no notice', () => {
		const lock = JSON.parse(read('package-lock.json')) as { packages: Record<string, { hasInstallScript?: boolean }> };
		const withScripts = Object.entries(lock.packages)
			.filter(([, entry]) => entry.hasInstallScript)
			.map(([where]) => where.replace(/^.*node_modules\//, ''));
		expect(withScripts.length).toBeGreaterThan(0);
		for (const name of withScripts) expect(packageJson.allowScripts, name).toHaveProperty([name]);
	});

	test('GitHub Actions are pinned by commit, the version in a comment, and Dependabot updates them and npm', () => {
		const workflows = readdirSync(path.join(projectRoot, '.github/workflows')).map((file) => read(`.github/workflows/${file}`));
		const uses = workflows.flatMap((text) => [...text.matchAll(/^\s*-?\s*uses:\s*(.+)$/gm)].map((match) => match[1].trim()));
		expect(uses.length).toBeGreaterThan(0);
		for (const use of uses) expect(use).toMatch(/^[\w.-]+\/[\w.-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$/);
		const dependabot = read('.github/dependabot.yml');
		expect(dependabot).toMatch(/package-ecosystem: npm/);
		expect(dependabot).toMatch(/package-ecosystem: github-actions/);
	});
});
