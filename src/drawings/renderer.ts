import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../diagrams/chromium.ts';
import { oneAtATime } from '../diagrams/one-at-a-time.ts';
import type { DrawingScene } from '../notes/drawings.ts';

/**
 * Draws Excalidraw scenes as SVG with Excalidraw's own exporter (`@excalidraw/utils`, whose bundle
 * carries its fonts), in one headless Chromium for the whole build. As for mermaid's diagrams, the
 * page lives at an address that does not exist and every request is answered from disk or refused.
 */

const ORIGIN = 'http://notes-drawings.invalid';
const UTILS_BUNDLE = createRequire(import.meta.url).resolve('@excalidraw/utils');
const PAGE_SCRIPT = `import * as utils from '/excalidraw-utils.js'; window.excalidrawUtils = utils;`;
const PAGE_HTML = '<!doctype html><html><head><meta charset="utf-8"><title>drawings</title></head><body></body></html>';

/** A drawing drawn for each theme (Excalidraw's dark mode turns its colours, not its images), or the exporter's error. */
export type DrawingRender = { ok: true; light: string; dark: string } | { ok: false; message: string };

/** The in-page half: runs in Chromium, with `window.excalidrawUtils` loaded. */
async function renderInPage(scene: DrawingScene): Promise<DrawingRender> {
	type Utils = { exportToSvg: (options: { data: DrawingScene; config: Record<string, unknown> }) => Promise<SVGSVGElement> };
	const utils = (window as unknown as { excalidrawUtils: Utils }).excalidrawUtils;
	const draw = async (dark: boolean) => {
		const svg = await utils.exportToSvg({ data: { ...scene, appState: { ...scene.appState, exportBackground: true, exportWithDarkMode: dark } }, config: {} });
		return new XMLSerializer().serializeToString(svg);
	};
	try {
		return { ok: true, light: await draw(false), dark: await draw(true) };
	} catch (caught) {
		return { ok: false, message: String((caught as Error)?.message ?? caught).trim() };
	}
}

export class DrawingRenderer {
	#browser: Browser;
	#page: Promise<Page>;
	#inTurn = oneAtATime();

	private constructor(browser: Browser) {
		this.#browser = browser;
		this.#page = this.#openPage();
	}

	/** Launches Chromium at `executablePath` and loads Excalidraw's exporter into a page. */
	static async launch(executablePath: string): Promise<DrawingRenderer> {
		const renderer = new DrawingRenderer(await launchChromium(executablePath));
		await renderer.#page;
		return renderer;
	}

	async #openPage(): Promise<Page> {
		const page = await this.#browser.newPage();
		await page.route('**/*', async (route) => {
			const url = new URL(route.request().url());
			if (url.origin !== ORIGIN) return route.abort('blockedbyclient');
			if (url.pathname === '/') return route.fulfill({ contentType: 'text/html; charset=utf-8', body: PAGE_HTML });
			if (url.pathname === '/excalidraw-utils.js') return route.fulfill({ contentType: 'text/javascript; charset=utf-8', body: readFileSync(UTILS_BUNDLE) });
			return route.fulfill({ status: 404, body: '' });
		});
		await page.goto(`${ORIGIN}/`);
		await page.addScriptTag({ type: 'module', content: PAGE_SCRIPT });
		await page.waitForFunction(() => 'excalidrawUtils' in window, undefined, { timeout: 120_000 });
		return page;
	}

	/** Draws one scene; calls run one at a time. */
	render(scene: DrawingScene): Promise<DrawingRender> {
		return this.#inTurn(async () => (await this.#page).evaluate(renderInPage, scene));
	}

	async close(): Promise<void> {
		await this.#browser.close();
	}
}
