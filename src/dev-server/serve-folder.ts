import { createReadStream, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { isInside } from '../notes/assets.ts';

/** The file below `folder` that a URL path names, or undefined when the path leaves the folder. */
export function fileInFolder(folder: string, urlPath: string): string | undefined {
	const file = path.join(folder, urlPath);
	return isInside(folder, file) ? file : undefined;
}

/**
 * Dev-server middleware that serves the files of one folder (mounted below the base, so it sees
 * the path below its mount point). A path that is not a file of the folder, or that would leave it
 * (`/../x`, or a sibling folder whose name starts the same), or that `only` leaves out, passes on
 * to the next handler; a malformed URL is answered 400.
 */
export function serveFolder(folder: string, only: (relativePath: string) => boolean = () => true) {
	return (request: IncomingMessage, response: ServerResponse, next: () => void) => {
		let urlPath: string;
		try {
			urlPath = decodeURIComponent(new URL(request.url ?? '/', 'http://dev').pathname);
		} catch {
			response.statusCode = 400;
			response.end('Bad request: malformed URL');
			return;
		}
		const file = fileInFolder(folder, urlPath);
		if (!file || !only(path.relative(folder, file).split(path.sep).join('/')) || !isFile(file)) return next();
		const script = file.endsWith('.js') || file.endsWith('.mjs');
		response.setHeader('content-type', script ? 'text/javascript' : 'application/octet-stream');
		createReadStream(file).pipe(response);
	};
}

function isFile(file: string): boolean {
	try {
		return statSync(file).isFile();
	} catch {
		return false;
	}
}
