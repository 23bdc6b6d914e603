import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { describe, expect, test } from 'vitest';
import { projectRoot } from '../support/build.ts';

/** Bundles one module for the browser, as Vite does for a page's `<script>`; the error messages, if any. */
async function bundleErrors(entry: string): Promise<string[]> {
	try {
		await build({
			entryPoints: [entry],
			bundle: true,
			write: false,
			platform: 'browser',
			format: 'esm',
			logLevel: 'silent',
			// Made by the integration at build time (browser-safe JSON and a loader).
			external: ['virtual:notes/*'],
		});
		return [];
	} catch (error) {
		return ((error as { errors?: { text: string }[] }).errors ?? [{ text: String(error) }]).map((each) => each.text);
	}
}

const scripts = readdirSync(path.join(projectRoot, 'src/scripts')).filter((name) => name.endsWith('.ts'));

describe('page scripts', () => {
	test.each(scripts)('%s bundles for the browser: nothing it imports needs Node', async (name) => {
		expect(await bundleErrors(path.join(projectRoot, 'src/scripts', name))).toEqual([]);
	});

	test('the check fails on a module that imports Node', async () => {
		const folder = mkdtempSync(path.join(tmpdir(), 'bundle-'));
		writeFileSync(path.join(folder, 'bad.ts'), "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n");
		expect((await bundleErrors(path.join(folder, 'bad.ts'))).join('\n')).toMatch(/node:fs/);
	});
});
