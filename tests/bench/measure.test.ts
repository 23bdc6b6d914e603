import { describe, expect, test } from 'vitest';
import { folderWith } from '../support/build.ts';
import { gzipBytes, pageScripts } from './measure.ts';

/** A built site in a temporary folder: `files` by their path in `dist/`. */
const site = (files: Record<string, string>) => folderWith(files, 'page-scripts-');

const BOOT = '(function () { document.documentElement.dataset.theme = "light"; })();';
const INLINE_MODULE = 'import"../_astro/inline-dep.js";run();';
const MODULES = {
	'_astro/entry.js': 'import{a as e}from"./shared.js";export*from"./reexported.js";const l=()=>import("./lazy.js");import(`./lazy-too.js`);e();',
	'_astro/shared.js': 'export const a=()=>1;',
	'_astro/reexported.js': 'export const b=2;',
	'_astro/inline-dep.js': 'import "./shared.js";\nexport { a } from "./shared.js";',
	'_astro/preloaded.js': 'export const c=3;',
	'_astro/lazy.js': 'export const later=4;',
	'_astro/lazy-too.js': 'export const later=5;',
};

describe('pageScripts', () => {
	const dist = site({
		'vpc/index.html': `<!doctype html><html><head>
			<link rel="modulepreload" href="/notes/_astro/preloaded.js">
			</head><body><script>${BOOT}</script>
			<script type="application/json" data-review-cards>{"cards":[]}</script>
			<script type="module" src="/notes/_astro/entry.js"></script>
			<script type="module">${INLINE_MODULE}</script>
			</body></html>`,
		...MODULES,
	});

	test('counts each file the page loads with it once (scripts, modulepreloads, their static imports) and each inline script, not JSON data nor dynamic imports', () => {
		const scripts = pageScripts(dist, 'vpc/', '/notes/');
		expect(scripts.files.map((file) => file.name).sort()).toEqual([
			'_astro/entry.js',
			'_astro/inline-dep.js',
			'_astro/preloaded.js',
			'_astro/reexported.js',
			'_astro/shared.js',
		]);
		expect(scripts.inline.map((script) => script.name)).toEqual([`inline #1: ${BOOT.slice(0, 40)}`, `inline #2: ${INLINE_MODULE}`]);
		const counted = [...scripts.files.map((file) => MODULES[file.name as keyof typeof MODULES]), BOOT, INLINE_MODULE];
		expect(scripts.gzip).toBe(counted.reduce((total, code) => total + gzipBytes(code), 0));
		expect(scripts.raw).toBe(counted.reduce((total, code) => total + Buffer.byteLength(code), 0));
	});

	test('a script from another site cannot be counted: it says so', () => {
		const elsewhere = site({ 'index.html': '<script type="module" src="https://cdn.example/x.js"></script>' });
		expect(() => pageScripts(elsewhere, '')).toThrow('loads a script from outside the site: https://cdn.example/x.js');
	});
});
