import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import path from 'node:path';

/**
 * The figure fixture's remote probe image points at this port. The global setup listens on it for
 * the whole run, so that whichever test file builds that fixture, a download at build time is seen.
 */
export const REMOTE_PROBE_PORT = 47813;

const logFile = (runFolder: string) => path.join(runFolder, 'remote-probe.log');

/** Answers 404 and logs each request that is not from Chromium (the browser tests show the page). */
export function listenForBuildDownloads(runFolder: string): Promise<Server> {
	const server = createServer((request, response) => {
		if (!/Chrome/.test(request.headers['user-agent'] ?? '')) {
			appendFileSync(logFile(runFolder), `${request.method} ${request.url} ${request.headers['user-agent'] ?? ''}\n`);
		}
		response.writeHead(404).end();
	});
	return new Promise((resolve) => server.listen(REMOTE_PROBE_PORT, '127.0.0.1', () => resolve(server)));
}

/** The requests a build made to the probe so far, one per line. */
export function buildDownloads(runFolder: string): string[] {
	return existsSync(logFile(runFolder)) ? readFileSync(logFile(runFolder), 'utf8').split('\n').filter(Boolean) : [];
}
