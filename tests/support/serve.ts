import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';

const TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.jpg': 'image/jpeg',
	'.webp': 'image/webp',
	'.avif': 'image/avif',
	'.gif': 'image/gif',
	'.pdf': 'application/pdf',
	'.mp4': 'video/mp4',
	'.wav': 'audio/wav',
	'.xml': 'application/xml',
	'.txt': 'text/plain; charset=utf-8',
	'.wasm': 'application/wasm',
	'.pf_meta': 'application/octet-stream',
	'.pf_fragment': 'application/octet-stream',
	'.pf_index': 'application/octet-stream',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg', '.xml', '.txt']);

/** Compressed once per file version, as a CDN keeps it: a 2 MB file compressed per request took longer than sending it. */
const compressed = new Map<string, { stamp: number; body: Buffer }>();
function gzipped(file: string): Buffer {
	const stamp = statSync(file).mtimeMs;
	const known = compressed.get(file);
	if (known?.stamp === stamp) return known.body;
	const body = gzipSync(readFileSync(file));
	compressed.set(file, { stamp, body });
	return body;
}

export interface StaticServer {
	url: string;
	close(): Promise<void>;
}

/**
 * Serves a built `dist/` the way GitHub Pages does: under a base path, `index.html` for folders,
 * `404.html` for anything else, gzip for text when the client accepts it.
 */
export async function serveDist(dist: string, base = '/'): Promise<StaticServer> {
	const server: Server = createServer((request, response) => {
		const url = new URL(request.url ?? '/', 'http://localhost');
		const pathname = decodeURIComponent(url.pathname);
		if (`${pathname}/` === base) {
			response.writeHead(301, { location: base }).end();
			return;
		}
		// Outside the base path is another site: not found here.
		const inside = pathname.startsWith(base);
		let file = inside ? path.join(dist, pathname.slice(base.length)) : path.join(dist, '\0');
		if (inside && existsSync(file) && statSync(file).isDirectory()) {
			if (!pathname.endsWith('/')) {
				response.writeHead(301, { location: `${url.pathname}/` }).end();
				return;
			}
			file = path.join(file, 'index.html');
		}
		let status = 200;
		if (!file.startsWith(dist) || !existsSync(file)) {
			file = path.join(dist, '404.html');
			status = 404;
		}
		const extension = path.extname(file);
		const headers: Record<string, string> = { 'content-type': TYPES[extension] ?? 'application/octet-stream' };
		if (COMPRESSIBLE.has(extension) && /\bgzip\b/.test(String(request.headers['accept-encoding']))) {
			const body = gzipped(file);
			response.writeHead(status, { ...headers, 'content-encoding': 'gzip', 'content-length': body.length });
			response.end(body);
			return;
		}
		response.writeHead(status, headers);
		createReadStream(file).pipe(response);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}${base}`,
		close: () => new Promise((resolve) => server.close(() => resolve())),
	};
}

/** A port nothing listens on now, for a server of its own (`astro dev`). */
export const freePort = () =>
	new Promise<number>((resolve) => {
		const server = createNetServer().listen(0, '127.0.0.1', () => {
			const { port } = server.address() as { port: number };
			server.close(() => resolve(port));
		});
	});
