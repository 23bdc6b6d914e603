/**
 * Offline: the service worker and web app manifest files the build writes (`src/offline/`), and
 * what the review page and the worker say to each other. Browser-safe: constants and types only.
 */

/** The service worker, at the site's root, so that its scope is the whole site. */
export const SERVICE_WORKER_FILE = 'sw.js';
/** The web app manifest, linked from every page. */
export const MANIFEST_FILE = 'manifest.webmanifest';
/** The app icons the build draws, by size in px: `icon-192.png`, `icon-512.png`. */
export const APP_ICON_SIZES = [192, 512] as const;
export const appIconFile = (size: number) => `icon-${size}.png`;

/** The review page asks the worker to keep these note pages (absolute URLs), and no others it kept before. */
export const KEEP_OFFLINE_MESSAGE = 'notes-keep-offline';
export interface KeepOfflineMessage {
	type: typeof KEEP_OFFLINE_MESSAGE;
	pages: string[];
}
/** The worker's answer, on the message's port: how many pages it keeps. */
export interface KeepOfflineReply {
	pages: number;
	error?: string;
}
