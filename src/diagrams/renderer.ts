import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { decodeOrKeep } from '../browser-safe/url-path.ts';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './chromium.ts';
import { oneAtATime } from './one-at-a-time.ts';
import { diagramSizeError } from './errors.ts';
import { DIAGRAM_THEMES, mermaidConfig, type DiagramTheme } from './theme.ts';

/**
 * Renders mermaid diagrams in one headless Chromium, reused for every diagram of a build. Mermaid
 * and the `logos` icon pack are served to the page from `node_modules` (never from a CDN): the page
 * lives at an address that does not exist, and every request is answered from disk or refused.
 */

const ORIGIN = 'http://notes-diagrams.invalid';
const require = createRequire(import.meta.url);
const MERMAID_DIST = path.dirname(require.resolve('mermaid/dist/mermaid.esm.min.mjs'));
const LOGOS_JSON = require.resolve('@iconify-json/logos/icons.json');
const PAGE_SCRIPT = `
import mermaid from '/mermaid/mermaid.esm.min.mjs';
mermaid.registerIconPacks([{ name: 'logos', loader: () => fetch('/logos.json').then((response) => response.json()) }]);
window.mermaid = mermaid;
`;
const PAGE_HTML = '<!doctype html><html><head><meta charset="utf-8"><title>diagrams</title></head><body></body></html>';

/** What mermaid made of one diagram: raw SVG per theme, or its error. */
export type RawRender =
	| { ok: true; type: string; svg: Record<DiagramTheme, string>; ms: number }
	| { ok: false; message: string; line?: number; ms: number };

export interface RendererOptions {
	/** Give up on one diagram after this long. Default 30 s. */
	timeoutMs?: number;
}

/** The in-page half: runs in Chromium, with `window.mermaid` loaded. */
async function renderInPage(input: {
	code: string;
	baseId: string;
	configs: Record<string, Record<string, unknown>>;
}): Promise<{ ok: true; type: string; svg: Record<string, string> } | { ok: false; message: string; line?: number }> {
	type MermaidError = Error & { hash?: { line?: number; loc?: { first_line?: number } } };
	const mermaid = (window as unknown as { mermaid: typeof import('mermaid').default }).mermaid;
	const svg: Record<string, string> = {};
	let type = '';
	for (const [theme, config] of Object.entries(input.configs)) {
		const id = `${input.baseId}-${theme}`;
		try {
			mermaid.initialize(config);
			const result = await mermaid.render(id, input.code);
			svg[theme] = result.svg;
			type = result.diagramType;
		} catch (caught) {
			const error = caught as MermaidError;
			const message = String(error?.message ?? error).trim();
			const fromHash = error?.hash?.loc?.first_line ?? (error?.hash?.line !== undefined ? error.hash.line + 1 : undefined);
			const fromText = /\bline:? (\d+)/i.exec(message)?.[1];
			return { ok: false, message, line: fromHash ?? (fromText ? Number(fromText) : undefined) };
		} finally {
			document.getElementById(id)?.remove();
			document.getElementById(`d${id}`)?.remove();
			document.getElementById(`i${id}`)?.remove();
		}
	}
	return { ok: true, type, svg };
}

export class DiagramRenderer {
	#browser: Browser;
	#page: Promise<Page>;
	#inTurn = oneAtATime();
	#timeoutMs: number;

	private constructor(browser: Browser, options: RendererOptions) {
		this.#browser = browser;
		this.#timeoutMs = options.timeoutMs ?? 30_000;
		this.#page = this.#openPage();
	}

	/** Launches Chromium at `executablePath` and loads mermaid into a page. */
	static async launch(executablePath: string, options: RendererOptions = {}): Promise<DiagramRenderer> {
		const renderer = new DiagramRenderer(await launchChromium(executablePath), options);
		await renderer.#page;
		return renderer;
	}

	async #openPage(): Promise<Page> {
		const page = await this.#browser.newPage({ viewport: { width: 1600, height: 1200 } });
		await page.route('**/*', async (route) => {
			const url = new URL(route.request().url());
			if (url.origin !== ORIGIN) return route.abort('blockedbyclient');
			if (url.pathname === '/') return route.fulfill({ contentType: 'text/html; charset=utf-8', body: PAGE_HTML });
			if (url.pathname === '/logos.json') {
				return route.fulfill({ contentType: 'application/json', body: readFileSync(LOGOS_JSON) });
			}
			const file = path.join(MERMAID_DIST, decodeOrKeep(url.pathname.replace(/^\/mermaid\//, '')));
			if (!url.pathname.startsWith('/mermaid/') || !file.startsWith(MERMAID_DIST + path.sep)) {
				return route.fulfill({ status: 404, body: '' });
			}
			return route.fulfill({ contentType: 'text/javascript; charset=utf-8', body: readFileSync(file) });
		});
		await page.goto(`${ORIGIN}/`);
		// A module script, not page.evaluate(): the code that loads this file may rewrite `import()`.
		await page.addScriptTag({ type: 'module', content: PAGE_SCRIPT });
		await page.waitForFunction(() => 'mermaid' in window, undefined, { timeout: 120_000 });
		return page;
	}

	/** Renders one diagram in both themes; SVG ids start with `baseId`. Calls run one at a time. */
	render(code: string, baseId: string): Promise<RawRender> {
		return this.#inTurn(() => this.#render(code, baseId));
	}

	async #render(code: string, baseId: string): Promise<RawRender> {
		const started = performance.now();
		const tooLarge = diagramSizeError(code);
		if (tooLarge) return { ok: false, message: tooLarge, ms: 0 };
		const configs = Object.fromEntries(DIAGRAM_THEMES.map((theme) => [theme, mermaidConfig(theme)]));
		const page = await this.#page;
		let timer: NodeJS.Timeout | undefined;
		const timeout = new Promise<'timeout'>((resolve) => {
			timer = setTimeout(() => resolve('timeout'), this.#timeoutMs);
		});
		try {
			const result = await Promise.race([page.evaluate(renderInPage, { code, baseId, configs }), timeout]);
			const ms = performance.now() - started;
			if (result === 'timeout') {
				// The page may be stuck in a layout loop: start a fresh one for the next diagram.
				this.#page = page.close().then(() => this.#openPage());
				return { ok: false, message: `mermaid did not finish within ${this.#timeoutMs / 1000} s`, ms };
			}
			return result.ok
				? { ok: true, type: result.type, svg: result.svg as Record<DiagramTheme, string>, ms }
				: { ok: false, message: result.message, line: result.line, ms };
		} finally {
			clearTimeout(timer);
		}
	}

	async close(): Promise<void> {
		await this.#browser.close();
	}
}
