import type { AstroConfig } from 'astro';
import type { AllowedFrames } from '../notes/media.ts';
import { PAGE_BOOT_HASH } from './page-boot.ts';

type Csp = Exclude<AstroConfig['security']['csp'], boolean>;

/**
 * What the site loads, by directive: its own files, and images, video and audio from anywhere on
 * `https:` (notes link to them). Frames only from the site (its PDFs), unless a page adds a video
 * site's player (`frameDirective`).
 */
const DIRECTIVES: Record<string, string[]> = {
	'default-src': ["'self'"],
	'img-src': ["'self'", 'https:', 'data:'],
	'media-src': ["'self'", 'https:'],
	'object-src': ["'none'"],
	'base-uri': ["'self'"],
	'form-action': ["'self'"],
	// The service worker (`sw.js`) and the web app manifest: the site's own files (`src/offline/`).
	'worker-src': ["'self'"],
	'manifest-src': ["'self'"],
};

/**
 * The Content-Security-Policy of every page, as a `<meta>` (GitHub Pages sends no headers), made by
 * Astro from this: scripts only from the site, with the hashes Astro computes of its inline ones
 * and `PAGE_BOOT_HASH`; `'wasm-unsafe-eval'` for Pagefind's WebAssembly. Styles from the site, and
 * inline `<style>` and `style=""` too: mermaid's SVG carries its own, and Shiki colours code with
 * attributes (a style cannot run code). `extra` adds sources by directive (`csp` in docs/configuration.md).
 */
export function contentSecurityPolicy(extra: Record<string, string[]> = {}): Csp {
	const directives = { ...DIRECTIVES };
	for (const [name, sources] of Object.entries(extra)) {
		if (name === 'script-src' || name === 'style-src') continue;
		directives[name] = [...new Set([...(directives[name] ?? directives['default-src']), ...sources])];
	}
	return {
		algorithm: 'SHA-256',
		directives: Object.entries(directives).map(([name, sources]) => `${name} ${sources.join(' ')}`) as Csp['directives'],
		scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'", ...(extra['script-src'] ?? [])], hashes: [PAGE_BOOT_HASH] },
		styleDirective: { resources: ["'self'", "'unsafe-inline'", ...(extra['style-src'] ?? [])] },
	};
}

/**
 * The `frame-src` of a page whose note loads videos of other sites on a click (the catalogue's
 * `frameOrigins`): the site and exactly those players; undefined for a page with none.
 */
export function frameDirective(origins: readonly string[]): `frame-src ${string}` | undefined {
	return origins.length > 0 ? `frame-src 'self' ${origins.join(' ')}` : undefined;
}

/** The frames every page allows besides the site's own: the `csp` setting's `frame-src`; any when the site has no policy. */
export function allowedFrames(csp: Record<string, string[]> | false): AllowedFrames {
	return csp === false ? 'any' : (csp['frame-src'] ?? []);
}
