import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { projectRoot } from '../support/build.ts';

const read = (file: string) => readFileSync(path.join(projectRoot, file), 'utf8');
const packageJson = JSON.parse(read('package.json')) as { engines: { node: string }; allowScripts?: Record<string, boolean> };

describe('first contact: the install', () => {
	test('an install on a Node older than "engines" stops at once (engine-strict), and .nvmrc is within "engines"', () => {
		expect(read('.npmrc')).toMatch(/^engine-strict=true$/m);
		const [major, minor] = packageJson.engines.node.replace(/^>=/, '').split('.').map(Number);
		// Astro 7 needs 22.12; the Anki packages' SQLite (node:sqlite) is there without a flag from 22.13.
		expect(`${major}.${minor}`).toBe('22.13');
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
});
