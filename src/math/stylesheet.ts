import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * The maths stylesheet, which only pages with maths link to: Temml's, for the reader's own maths
 * font (Cambria Math, STIX Two Math, Noto Sans Math), with the one small font it needs for
 * script capitals, then the site's own rules. Published at `<base>notes-assets/math/`.
 */
export const MATH_FOLDER = 'notes-assets/math/';
export const MATH_STYLESHEET = `${MATH_FOLDER}math.css`;

/** After Temml's rules: Chromium lays out display maths as maths only with `block math`; a long formula scrolls, not the page. */
const SITE_RULES = `
math.tml-display { display: block math; overflow-x: auto; overflow-y: hidden; padding-block: 0.25em; }
`;

/** The files of the maths folder, by name. */
function mathFiles(): Map<string, { type: string; body: Buffer | string }> {
	const temml = path.dirname(createRequire(import.meta.url).resolve('temml/dist/Temml-Local.css'));
	return new Map([
		['math.css', { type: 'text/css; charset=utf-8', body: readFileSync(path.join(temml, 'Temml-Local.css'), 'utf8') + SITE_RULES }],
		['Temml.woff2', { type: 'font/woff2', body: readFileSync(path.join(temml, 'Temml.woff2')) }],
	]);
}

/** Writes the maths stylesheet and its font into the built site. */
export function writeMathFiles(dist: string): void {
	const folder = path.join(dist, MATH_FOLDER);
	mkdirSync(folder, { recursive: true });
	for (const [name, file] of mathFiles()) writeFileSync(path.join(folder, name), file.body);
}

/** Dev-server middleware (mounted at `<base>notes-assets/math/`): the same files. */
export function serveMathFiles() {
	const files = mathFiles();
	return (request: IncomingMessage, response: ServerResponse, next: () => void) => {
		const file = files.get(new URL(request.url ?? '/', 'http://dev').pathname.replace(/^\//, ''));
		if (!file) return next();
		response.setHeader('content-type', file.type);
		response.end(file.body);
	};
}
