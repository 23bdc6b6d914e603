import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
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

/** Folders whose modules run in the page, and the Node-side folders none of them may import. */
const BROWSER_FOLDERS = ['src/dom', 'src/scripts', 'src/browser-safe'];
const NODE_ONLY_FOLDERS = ['src/notes', 'src/integration', 'src/plugins'];

/** The modules a source imports or re-exports, statically or with `import('…')`, as written. */
function importedSpecifiers(source: string): string[] {
	const patterns = [
		/^\s*(?:import|export)\b[^;]*?\bfrom\s*['"]([^'"]+)['"]/gm,
		/^\s*import\s*['"]([^'"]+)['"]/gm,
		/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g,
	];
	return patterns.flatMap((pattern) => [...source.matchAll(pattern)].map((match) => match[1]));
}

/** The imports of a module at `file` (a path in the project) that a page cannot have: Node built-ins and Node-only folders. */
function nodeOnlyImports(file: string, source: string): string[] {
	return importedSpecifiers(source).filter((specifier) => {
		if (specifier.startsWith('node:') || isBuiltin(specifier)) return true;
		if (!specifier.startsWith('.')) return false;
		const target = path.posix.join(path.posix.dirname(file), specifier);
		return NODE_ONLY_FOLDERS.some((folder) => target.startsWith(`${folder}/`));
	});
}

const browserModules = BROWSER_FOLDERS.flatMap((folder) =>
	readdirSync(path.join(projectRoot, folder), { recursive: true, encoding: 'utf8' })
		.filter((name) => /\.(?:ts|js|mjs)$/.test(name))
		.map((name) => path.posix.join(folder, name.split(path.sep).join('/'))),
);

describe('browser modules never import Node-only code', () => {
	test.each(browserModules)('%s imports nothing from src/notes, src/integration, src/plugins or node:*', (file) => {
		expect(nodeOnlyImports(file, readFileSync(path.join(projectRoot, file), 'utf8'))).toEqual([]);
	});

	test('the check finds each kind of Node-only import', () => {
		const source = [
			"import { readFileSync } from 'node:fs';",
			"import path from 'path';",
			"import {\n\tnoteUrl,\n} from '../notes/urls.ts';",
			"export { notes } from '../integration/index.ts';",
			"import type { Options } from '../plugins/index.ts';",
			"const later = () => import('../notes/catalogue.ts');",
			"import { h } from './hast.ts';",
			"import { decodeOrKeep } from '../browser-safe/url-path.ts';",
			"import GithubSlugger from 'github-slugger';",
		].join('\n');
		expect(nodeOnlyImports('src/dom/bad.ts', source)).toEqual([
			'node:fs',
			'path',
			'../notes/urls.ts',
			'../integration/index.ts',
			'../plugins/index.ts',
			'../notes/catalogue.ts',
		]);
	});
});
