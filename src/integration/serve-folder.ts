import { createReadStream, existsSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';

/**
 * Dev-server middleware that serves the files of one folder (mounted below the base); anything
 * else, or a path that would leave the folder, passes on to the next handler.
 */
export function serveFolder(folder: string) {
	return (request: IncomingMessage, response: ServerResponse, next: () => void) => {
		const file = path.join(folder, decodeURIComponent(new URL(request.url ?? '/', 'http://dev').pathname));
		if (!file.startsWith(folder) || !existsSync(file) || !statSync(file).isFile()) return next();
		const script = file.endsWith('.js') || file.endsWith('.mjs');
		response.setHeader('content-type', script ? 'text/javascript' : 'application/octet-stream');
		createReadStream(file).pipe(response);
	};
}
