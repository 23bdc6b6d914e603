import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { linkedFiles } from '../browser-safe/linked-files.ts';
import { REVIEW_CARDS_PATH } from '../dom/card.ts';
import { APP_ICON_SIZES, appIconFile, MANIFEST_FILE, SERVICE_WORKER_FILE } from '../dom/offline.ts';
import { PREVIEW_ACCENT } from '../social/preview-image.ts';
import { serviceWorkerScript } from './service-worker.ts';

/** The review page and its cards document, below the site's root. */
const REVIEW_PAGES = ['review/', REVIEW_CARDS_PATH];
/** The page background in the light theme (`--bg` in src/styles/base.css): the installed app's splash screen. */
const BACKGROUND = '#fbfbfd';
/** Stands for the site's origin while URLs are resolved at build time. */
const BUILD_ORIGIN = 'https://site.invalid';

/**
 * The review page's files, below the site's root: the page, its cards document, and what they load
 * (styles, scripts and their imports, the cards' images), as `linkedFiles` finds them in the built files.
 */
export function reviewPageFiles(dist: string, base: string): string[] {
	const scope = `${BUILD_ORIGIN}${base}`;
	const found = new Set<string>();
	const queue = REVIEW_PAGES.filter((page) => existsSync(path.join(dist, page, 'index.html'))).map((page) => `${scope}${page}`);
	while (queue.length > 0) {
		const url = queue.shift()!;
		const relative = decodeURIComponent(url.slice(scope.length));
		if (found.has(relative)) continue;
		const file = path.join(dist, relative.endsWith('/') ? `${relative}index.html` : relative);
		if (!existsSync(file)) continue;
		found.add(relative);
		if (/\.(html|js)$/.test(file)) queue.push(...linkedFiles(readFileSync(file, 'utf8'), url, scope));
	}
	return [...found].map((relative) => encodeURI(relative));
}

/** A hash of every file of the build but the service worker: a new deploy that changes anything is a new version. */
export function buildVersion(dist: string): string {
	const hash = createHash('sha256');
	const files = readdirSync(dist, { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile())
		.map((entry) => path.relative(dist, path.join(entry.parentPath, entry.name)))
		.filter((file) => file !== SERVICE_WORKER_FILE)
		.sort();
	for (const file of files) hash.update(file).update('\0').update(readFileSync(path.join(dist, file))).update('\0');
	return hash.digest('hex').slice(0, 16);
}

/** The web app manifest: the site installs as an app that opens on the review page (the home page when there are no cards). */
export function webAppManifest({ title, description, base, hasCards }: { title: string; description: string; base: string; hasCards: boolean }) {
	return {
		name: title,
		short_name: title,
		...(description ? { description } : {}),
		start_url: hasCards ? `${base}review/` : base,
		scope: base,
		display: 'standalone',
		background_color: BACKGROUND,
		theme_color: PREVIEW_ACCENT,
		icons: APP_ICON_SIZES.map((size) => ({ src: `${base}${appIconFile(size)}`, sizes: `${size}x${size}`, type: 'image/png' })),
	};
}

/**
 * Writes what makes the site work offline and installable: the app icons (drawn from the site's
 * `favicon.svg`), the manifest, and last the service worker, whose version is a hash of the rest.
 */
export async function writeOfflineFiles(dist: string, site: { title: string; description: string; base: string; hasCards: boolean }): Promise<void> {
	const icon = readFileSync(path.join(dist, 'favicon.svg'));
	for (const size of APP_ICON_SIZES) {
		writeFileSync(path.join(dist, appIconFile(size)), await sharp(icon, { density: (72 * size) / 32 }).resize(size, size).png().toBuffer());
	}
	writeFileSync(path.join(dist, MANIFEST_FILE), JSON.stringify(webAppManifest(site), null, '\t'));
	writeFileSync(path.join(dist, SERVICE_WORKER_FILE), serviceWorkerScript({ version: buildVersion(dist), precache: reviewPageFiles(dist, site.base) }));
}
