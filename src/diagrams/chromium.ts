import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';

/** Where Chrome or Chromium usually lives: Debian, Ubuntu/GitHub runners, macOS. */
export const CHROMIUM_CANDIDATES = [
	'/usr/bin/chromium',
	'/usr/bin/chromium-browser',
	'/usr/bin/google-chrome',
	'/usr/bin/google-chrome-stable',
	'/opt/google/chrome/chrome',
	'/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
	'/Applications/Chromium.app/Contents/MacOS/Chromium',
];

export const CHROMIUM_FLAGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run',
];

/** `CHROMIUM_PATH`, then the usual install paths; undefined when there is none. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
	if (env.CHROMIUM_PATH) return existsSync(env.CHROMIUM_PATH) ? env.CHROMIUM_PATH : undefined;
	return CHROMIUM_CANDIDATES.find((candidate) => existsSync(candidate));
}

/** Playwright loads only when a browser is needed: half a second off every build that renders nothing. */
export async function launchChromium(executablePath: string): Promise<Browser> {
	const { chromium } = await import('playwright-core');
	return chromium.launch({ executablePath, args: CHROMIUM_FLAGS, headless: true });
}
