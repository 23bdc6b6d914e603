import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { parseHtml, rawTextOf, selectAll } from '../support/html.ts';
import { freePort, serveDist } from '../support/serve.ts';
import { FIRST_CARD_MARK, REVIEW_CARDS_PATH, reviewDecksIn } from '../../src/dom/card.ts';
import { SEARCH_READY_ATTRIBUTE, SEARCH_TAG } from '../../src/dom/search.ts';

export interface BuildRun {
	wallMs: number;
	/** Peak resident memory of the build's whole process tree (Astro, Pagefind, Chromium). */
	peakRssMb: number;
	output: string;
	exitCode: number;
}

/** Resident memory of a process and all its descendants, from /proc (Linux). */
function treeRssKb(rootPid: number): number {
	let total = 0;
	const children = new Map<number, number[]>();
	for (const entry of readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		try {
			const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
			const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
			children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
		} catch {
			// The process ended while we looked.
		}
	}
	const visit = (pid: number) => {
		try {
			const status = readFileSync(`/proc/${pid}/status`, 'utf8');
			total += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
		} catch {
			return;
		}
		for (const child of children.get(pid) ?? []) visit(child);
	};
	visit(rootPid);
	return total;
}

/** Runs `astro build` (what `npm run build` runs) and measures wall time and peak memory. */
export function runBuild(projectRoot: string, env: Record<string, string>, outDir: string): Promise<BuildRun> {
	return new Promise((resolve) => {
		const started = performance.now();
		const child = spawn(process.execPath, [path.join(projectRoot, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', outDir], {
			cwd: projectRoot,
			env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', ...env },
		});
		let output = '';
		child.stdout.on('data', (chunk) => (output += chunk));
		child.stderr.on('data', (chunk) => (output += chunk));
		let peakKb = 0;
		const sampler = setInterval(() => {
			if (child.pid) peakKb = Math.max(peakKb, treeRssKb(child.pid));
		}, 50);
		child.on('close', (code) => {
			clearInterval(sampler);
			resolve({ wallMs: performance.now() - started, peakRssMb: peakKb / 1024, output, exitCode: code ?? 1 });
		});
	});
}

export function folderBytes(folder: string): number {
	let total = 0;
	for (const entry of readdirSync(folder, { withFileTypes: true })) {
		const file = path.join(folder, entry.name);
		total += entry.isDirectory() ? folderBytes(file) : statSync(file).size;
	}
	return total;
}

export const gzipBytes = (text: string | Buffer) => gzipSync(text, { level: 9 }).length;

/** A note page's JavaScript, gzip, as a browser receives it with the page: the budget `npm run bench` checks. */
export const NOTE_PAGE_JS_BUDGET = 6 * 1024;
/** The review page's JavaScript, gzip, the scheduler (`ts-fsrs`) included. */
export const REVIEW_PAGE_JS_BUDGET = 25 * 1024;

export interface ScriptWeight {
	/** The file's path in `dist/`, or `inline #n: ` and the script's first characters. */
	name: string;
	raw: number;
	gzip: number;
}

export interface PageScripts {
	/** Every script file the page loads with it, each once: `<script src>`, `<link rel="modulepreload">`, their static imports. */
	files: ScriptWeight[];
	/** Each inline `<script>` (JavaScript, not JSON data), gzip on its own. */
	inline: ScriptWeight[];
	raw: number;
	gzip: number;
}

/**
 * A static `import`/`export … from` in a built module, minified or not (`import{t as e}from"./a.js"`,
 * `import"./b.js"`, `export*from"./c.js"`). A dynamic `import()` is not one: what a script loads
 * only when it needs it is not counted.
 */
const STATIC_IMPORT = /(?<![\w$.])(?:import|export)\s*(?:[\w$*{}\s,]*?from\s*)?(["'])([^"'\n]+)\1/g;
const JS_TYPES = new Set(['', 'module', 'text/javascript', 'application/javascript']);

/**
 * The JavaScript a built page loads with it, counted from its HTML and files (no browser): every
 * `<script src>` and `<link rel="modulepreload">`, their static imports (and those of inline module
 * scripts), each file once, plus each inline script's text; raw and gzip. `pagePath` is the page's
 * folder below `base` (`vpc/`), as the site is served.
 */
export function pageScripts(dist: string, pagePath: string, base = '/'): PageScripts {
	const origin = 'http://site.invalid';
	const pageUrl = new URL(`${base}${pagePath}`, origin);
	const html = readFileSync(path.join(dist, pagePath, pagePath.endsWith('.html') ? '' : 'index.html'), 'utf8');
	const tree = parseHtml(html);
	const files = new Map<string, ScriptWeight>();
	const fileOf = (url: URL) => {
		if (url.origin !== origin || !url.pathname.startsWith(base)) throw new Error(`${pagePath} loads a script from outside the site: ${url.href}`);
		return decodeURIComponent(url.pathname.slice(base.length));
	};
	const visit = (url: URL) => {
		const file = fileOf(url);
		if (files.has(file)) return;
		const code = readFileSync(path.join(dist, file));
		files.set(file, { name: file, raw: code.length, gzip: gzipBytes(code) });
		followImports(code.toString('utf8'), url);
	};
	const followImports = (code: string, from: URL) => {
		for (const match of code.matchAll(STATIC_IMPORT)) visit(new URL(match[2], from));
	};
	const inline: ScriptWeight[] = [];
	for (const script of selectAll('script', tree)) {
		const type = String(script.properties.type ?? '').toLowerCase();
		if (!JS_TYPES.has(type)) continue;
		if (script.properties.src !== undefined) {
			visit(new URL(String(script.properties.src), pageUrl));
			continue;
		}
		const code = rawTextOf(script);
		if (!code.trim()) continue;
		inline.push({ name: `inline #${inline.length + 1}: ${code.trim().replace(/\s+/g, ' ').slice(0, 40)}`, raw: Buffer.byteLength(code), gzip: gzipBytes(code) });
		if (type === 'module') followImports(code, pageUrl);
	}
	for (const link of selectAll('link[rel~="modulepreload"][href]', tree)) visit(new URL(String(link.properties.href), pageUrl));
	const all = [...files.values(), ...inline];
	return {
		files: [...files.values()],
		inline,
		raw: all.reduce((total, each) => total + each.raw, 0),
		gzip: all.reduce((total, each) => total + each.gzip, 0),
	};
}

export interface PageWeight {
	htmlRaw: number;
	htmlGzip: number;
	/**
	 * JavaScript the page loads with it, gzip: its script files with their static imports and
	 * modulepreloads, and each inline script ({@link pageScripts}), plus any other script the page
	 * fetched by network idle (a dynamic import run on load). Checked against {@link NOTE_PAGE_JS_BUDGET}.
	 */
	jsGzip: number;
	jsRaw: number;
	/** What makes up `jsGzip`, by file and inline script. */
	scripts: ScriptWeight[];
	cssGzip: number;
	cssRaw: number;
	/** Everything transferred to network idle (gzip where the server compresses). */
	transferred: number;
	requests: number;
	/** Requests for anything that is not the page, its CSS or its JS. */
	otherRequests: string[];
	/** Scripts loaded that draw diagrams (mermaid, the diagram element). */
	diagramScripts: number;
}

/** Loads a page in Chromium from a gzip-serving static server, as GitHub Pages serves it. */
export async function measurePage(browser: Browser, dist: string, pagePath: string): Promise<PageWeight> {
	const server = await serveDist(dist);
	const context = await browser.newContext();
	const page = await context.newPage();
	const responses: { url: string; type: string; transferred: number; raw: number }[] = [];
	page.on('requestfinished', async (request) => {
		const response = await request.response();
		const sizes = await request.sizes();
		const body = await response?.body().catch(() => undefined);
		responses.push({
			url: request.url(),
			type: request.resourceType(),
			transferred: sizes.responseBodySize + sizes.responseHeadersSize,
			raw: body?.length ?? 0,
		});
	});
	await page.goto(`${server.url}${pagePath}`, { waitUntil: 'networkidle' });
	const html = readFileSync(path.join(dist, pagePath, 'index.html'), 'utf8');
	const scripts = pageScripts(dist, pagePath);
	const counted = new Set(scripts.files.map((file) => file.name));
	// Loaded by network idle but not named by the page: a dynamic import run on load counts too.
	const fetchedToo = [...new Set(responses.filter((r) => r.type === 'script').map((r) => decodeURIComponent(new URL(r.url).pathname.slice(1))))]
		.filter((file) => !counted.has(file))
		.map((file) => {
			const code = readFileSync(path.join(dist, file));
			return { name: file, raw: code.length, gzip: gzipBytes(code) };
		});
	const allScripts = [...scripts.files, ...fetchedToo, ...scripts.inline];
	const inlineStyles = [...html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1]).join('\n');
	const of = (type: string) => responses.filter((response) => response.type === type);
	const sum = (list: typeof responses, key: 'transferred' | 'raw') => list.reduce((total, each) => total + each[key], 0);
	const bodyOf = (list: typeof responses) => list.reduce((total, each) => total + gzipBytes(readFileSync(path.join(dist, new URL(each.url).pathname))), 0);
	const weight: PageWeight = {
		htmlRaw: Buffer.byteLength(html),
		htmlGzip: gzipBytes(html),
		jsRaw: allScripts.reduce((total, each) => total + each.raw, 0),
		jsGzip: allScripts.reduce((total, each) => total + each.gzip, 0),
		scripts: allScripts,
		cssRaw: sum(of('stylesheet'), 'raw') + Buffer.byteLength(inlineStyles),
		cssGzip: bodyOf(of('stylesheet')) + (inlineStyles ? gzipBytes(inlineStyles) : 0),
		transferred: sum(responses, 'transferred'),
		requests: responses.length,
		otherRequests: responses.filter((r) => !['document', 'script', 'stylesheet'].includes(r.type)).map((r) => r.url),
		diagramScripts: responses.filter((r) => r.type === 'script' && /mermaid|diagram/i.test(r.url)).length,
	};
	await context.close();
	await server.close();
	return weight;
}

export interface Stats {
	median: number;
	min: number;
	max: number;
}

export const stats = (values: number[]): Stats => {
	const sorted = [...values].sort((a, b) => a - b);
	return { median: sorted[Math.floor(sorted.length / 2)], min: sorted[0], max: sorted.at(-1)! };
};

export interface SearchTiming {
	/** Measured this many times, each in a fresh browser context (nothing cached). */
	rounds: number;
	/**
	 * Cold (nothing of Pagefind loaded before): the reader clicks the search button and, after
	 * {@link READER_PAUSE_MS}, enters the query; from that keystroke to the first result.
	 */
	coldMs: Stats;
	/** The same without the pause: from the pointer reaching the button to the first result. */
	coldFromClickMs: Stats;
	/** With Pagefind loaded: from entering another query to its first result. */
	warmMs: Stats;
	/** Bytes Pagefind downloaded for the first query (runtime, wasm, index chunks, fragments). */
	bytes: number;
	requests: number;
}

/** Between clicking the search button and the first keystroke: a hand going back to the keyboard. */
export const READER_PAUSE_MS = 300;

/**
 * Times search in Chromium the way a reader uses it. The query arrives in one input event (as a
 * paste, or typing faster than a search takes), so the figures are the site's latency, not a
 * typing speed.
 */
export async function measureSearch(
	browser: Browser,
	dist: string,
	pagePath: string,
	queries: [string, string],
	rounds = 5,
): Promise<SearchTiming> {
	const server = await serveDist(dist);

	/** A fresh page that records, in its own clock, the first pointer on the search button, the first input and the first result. */
	const openPage = async () => {
		const context = await browser.newContext();
		const page = await context.newPage();
		const downloads = { bytes: 0, requests: 0 };
		page.on('requestfinished', (request) => {
			if (!request.url().includes('/pagefind/')) return;
			downloads.requests++;
			// A download still finishing as the page closes is not counted.
			request.sizes().then(
				(sizes) => (downloads.bytes += sizes.responseBodySize + sizes.responseHeadersSize),
				() => undefined,
			);
		});
		await page.goto(`${server.url}${pagePath}`, { waitUntil: 'networkidle' });
		await page.locator(`${SEARCH_TAG}[${SEARCH_READY_ATTRIBUTE}]`).waitFor();
		await page.evaluate(() => {
			const marks: Record<string, number> = ((window as unknown as { searchMarks: Record<string, number> }).searchMarks = {});
			document.querySelector('[data-search-open]')!.addEventListener('pointerover', () => (marks.pointer ??= performance.now()));
			document.querySelector('.search__input')!.addEventListener('input', () => (marks.input ??= performance.now()));
			const list = document.querySelector('#search-results')!;
			new MutationObserver(() => {
				if (list.children.length > 0) marks.result ??= performance.now();
			}).observe(list, { childList: true });
		});
		/** Returns the marks taken so far and starts afresh. */
		const takeMarks = () =>
			page.evaluate(() => {
				const marks = (window as unknown as { searchMarks: Record<string, number> }).searchMarks;
				const taken = { ...marks };
				for (const key of Object.keys(marks)) delete marks[key];
				return taken;
			});
		/** Enters the query in one input event and resolves with the marks once its first result shows. */
		const search = async (query: string) => {
			await page.keyboard.insertText(query);
			await page.waitForFunction(() => (window as unknown as { searchMarks: Record<string, number> }).searchMarks.result);
			return takeMarks();
		};
		return { context, page, downloads, search, takeMarks };
	};

	const cold: number[] = [];
	const warm: number[] = [];
	const fromClick: number[] = [];
	let downloads = { bytes: 0, requests: 0 };
	for (let round = 0; round < rounds; round++) {
		// Cold, as a reader: click, pause, enter the query; then warm: another query in the same page.
		const reader = await openPage();
		await reader.page.click('[data-search-open]');
		await reader.page.waitForTimeout(READER_PAUSE_MS);
		const coldMarks = await reader.search(queries[0]);
		cold.push(coldMarks.result - coldMarks.input);
		downloads = { ...reader.downloads };
		await reader.page.fill('.search__input', '');
		await reader.takeMarks();
		const warmMarks = await reader.search(queries[1]);
		warm.push(warmMarks.result - warmMarks.input);
		await reader.context.close();

		// Cold, strictest: the query entered the moment search opens.
		const hurried = await openPage();
		await hurried.page.click('[data-search-open]');
		const hurriedMarks = await hurried.search(queries[0]);
		fromClick.push(hurriedMarks.result - hurriedMarks.pointer);
		await hurried.context.close();
	}
	await server.close();
	return { rounds, coldMs: stats(cold), coldFromClickMs: stats(fromClick), warmMs: stats(warm), ...downloads };
}

/**
 * The review page at its size, each run in a fresh browser profile (no progress): the first card on
 * the stage (the review script's performance mark) after the page's DOM is loaded (DOMContentLoaded:
 * the review's own time), and after the start of the navigation; and, to compare, a note page's
 * DOMContentLoaded from the start of its navigation (what any page of the site takes here).
 */
export async function measureReview(
	browser: Browser,
	dist: string,
	notePath: string,
	runs = 5,
): Promise<{ afterLoadMs: Stats; fromNavigationMs: Stats; notePageLoadMs: Stats; cards: number }> {
	const server = await serveDist(dist);
	const afterLoad: number[] = [];
	const fromNavigation: number[] = [];
	const notePage: number[] = [];
	let cards = 0;
	for (let run = 0; run < runs; run++) {
		const context = await browser.newContext();
		const page = await context.newPage();
		await page.goto(`${server.url}review/`);
		await page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, FIRST_CARD_MARK);
		const { shown, loaded } = await page.evaluate((mark) => {
			const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
			return { shown: performance.getEntriesByName(mark)[0].startTime, loaded: navigation.domContentLoadedEventStart };
		}, FIRST_CARD_MARK);
		afterLoad.push(shown - loaded);
		fromNavigation.push(shown);
		await page.goto(`${server.url}${notePath}`);
		notePage.push(await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventStart));
		cards = reviewDecksIn(readFileSync(path.join(dist, REVIEW_CARDS_PATH, 'index.html'), 'utf8')).reduce((sum, deck) => sum + deck.cards.length, 0);
		await context.close();
	}
	await server.close();
	return { afterLoadMs: stats(afterLoad), fromNavigationMs: stats(fromNavigation), notePageLoadMs: stats(notePage), cards };
}

/** Where a site's search takes its query and shows a loaded result (not a placeholder). */
export interface SearchUi {
	input: string;
	result: string;
}
export const NOTES_SEARCH_UI: SearchUi = { input: '.search__input', result: '#search-results a' };
/** Starlight's Pagefind UI; its results show as grey placeholders until their data arrives. */
export const STARLIGHT_SEARCH_UI: SearchUi = { input: '.pagefind-ui__search-input', result: '.pagefind-ui__result-link' };

/**
 * A hurried reader on any site: Ctrl+K, the query entered as soon as the search box takes it, from
 * the keypress to the first result; each run in a fresh browser profile (nothing cached).
 */
export async function measureShortcutSearch(browser: Browser, dist: string, pagePath: string, ui: SearchUi, query: string, runs = 5): Promise<Stats> {
	const server = await serveDist(dist);
	const times: number[] = [];
	for (let run = 0; run < runs; run++) {
		const context = await browser.newContext();
		const page = await context.newPage();
		await page.goto(`${server.url}${pagePath}`, { waitUntil: 'networkidle' });
		await page.evaluate((result) => {
			const marks: Record<string, number> = ((window as unknown as { searchMarks: Record<string, number> }).searchMarks = {});
			addEventListener('keydown', () => (marks.shortcut ??= performance.now()), { capture: true });
			new MutationObserver(() => {
				if (document.querySelector(result)) marks.result ??= performance.now();
			}).observe(document.body, { childList: true, subtree: true });
		}, ui.result);
		await page.keyboard.press('Control+k');
		await page.locator(ui.input).focus();
		await page.keyboard.insertText(query);
		await page.waitForFunction(() => (window as unknown as { searchMarks: Record<string, number> }).searchMarks.result);
		const marks = await page.evaluate(() => (window as unknown as { searchMarks: Record<string, number> }).searchMarks);
		times.push(marks.result - marks.shortcut);
		await context.close();
	}
	await server.close();
	return stats(times);
}

export interface DevTiming {
	/** From `astro dev` starting to a note page's HTML received. */
	startToFirstPageMs: number;
	/** From a note's file saved to the open page showing the edit (the page reloads itself). */
	editToBrowserMs: Stats;
}

/** `npm run dev` on a notes folder: start-up, then edits of one note while its page is open in Chromium. */
export async function measureDev(projectRoot: string, notesDir: string, notePath: string, browser: Browser, edits = 5): Promise<DevTiming> {
	const port = await freePort();
	const origin = `http://127.0.0.1:${port}`;
	const started = performance.now();
	const server = spawn(process.execPath, [path.join(projectRoot, 'node_modules/astro/bin/astro.mjs'), 'dev', '--port', String(port), '--host', '127.0.0.1'], {
		cwd: projectRoot,
		env: { ...process.env, NOTES_DIR: notesDir, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' },
	});
	let output = '';
	server.stdout.on('data', (chunk) => (output += chunk));
	server.stderr.on('data', (chunk) => (output += chunk));
	const file = path.join(notesDir, `${notePath.replace(/\/$/, '')}.md`);
	const original = readFileSync(file, 'utf8');
	try {
		while ((await fetch(`${origin}/${notePath}`).then((response) => response.status, () => 0)) !== 200) {
			if (server.exitCode !== null || performance.now() - started > 120_000) throw new Error(`astro dev did not serve /${notePath}:\n${output}`);
			await new Promise((resolve) => setTimeout(resolve, 50));
		}
		const startToFirstPageMs = performance.now() - started;
		const context = await browser.newContext();
		const page = await context.newPage();
		await page.goto(`${origin}/${notePath}`, { waitUntil: 'networkidle' });
		const times: number[] = [];
		for (let edit = 0; edit < edits; edit++) {
			const marker = `Edited${edit}x${Date.now()}`;
			const saved = performance.now();
			writeFileSync(file, `${original}\n\n${marker}\n`);
			// The page reloads: until then (and while it does) the text is not there, or the page cannot be asked.
			for (;;) {
				const shown = await page.evaluate((text) => document.body?.textContent?.includes(text) ?? false, marker).catch(() => false);
				if (shown) break;
				if (performance.now() - saved > 30_000) throw new Error(`the edit did not show in the browser:\n${output}`);
				await new Promise((resolve) => setTimeout(resolve, 5));
			}
			times.push(performance.now() - saved);
			await page.waitForLoadState('networkidle');
		}
		await context.close();
		return { startToFirstPageMs, editToBrowserMs: stats(times) };
	} finally {
		writeFileSync(file, original);
		server.kill();
	}
}
