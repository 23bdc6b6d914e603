import { appendFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

/**
 * The address the figure fixture's remote probe image names: no server answers there (`.invalid`
 * never resolves). The global setup's probe listens on a free port for the whole run, and the copy
 * of a fixture a test builds names the probe's address instead ({@link pointAtRemoteProbe}), so
 * that whichever test file builds the fixture, a download at build time is seen.
 */
export const REMOTE_PROBE_PLACEHOLDER = 'http://remote-probe.invalid';

/** Where the global setup puts the probe's address (`http://127.0.0.1:<port>`), for the test files and their builds. */
const ADDRESS_VARIABLE = 'NOTES_TEST_REMOTE_PROBE';

const logFile = (runFolder: string) => path.join(runFolder, 'remote-probe.log');

/**
 * Answers 404 and logs each request that is not from Chromium (the browser tests show the page),
 * on a free port; its address is in the environment from then on ({@link remoteProbeAddress}).
 */
export async function listenForBuildDownloads(runFolder: string): Promise<Server> {
	const server = createServer((request, response) => {
		if (!/Chrome/.test(request.headers['user-agent'] ?? '')) {
			appendFileSync(logFile(runFolder), `${request.method} ${request.url} ${request.headers['user-agent'] ?? ''}\n`);
		}
		response.writeHead(404).end();
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	process.env[ADDRESS_VARIABLE] = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	return server;
}

/** The address of this run's probe. */
export function remoteProbeAddress(): string {
	const address = process.env[ADDRESS_VARIABLE];
	if (!address) throw new Error(`${ADDRESS_VARIABLE} is not set: run the tests with \`npm test\` (tests/vitest.config.ts), whose global setup starts the remote probe.`);
	return address;
}

/** In a copy of a notes folder, the notes naming {@link REMOTE_PROBE_PLACEHOLDER} name this run's probe instead. */
export function pointAtRemoteProbe(notesCopy: string): void {
	for (const entry of readdirSync(notesCopy, { recursive: true, withFileTypes: true })) {
		if (!entry.isFile() || !/\.mdx?$/.test(entry.name)) continue;
		const file = path.join(entry.parentPath, entry.name);
		const source = readFileSync(file, 'utf8');
		if (source.includes(REMOTE_PROBE_PLACEHOLDER)) writeFileSync(file, source.replaceAll(REMOTE_PROBE_PLACEHOLDER, remoteProbeAddress()));
	}
}

/** The requests a build made to the probe so far, one per line. */
export function buildDownloads(runFolder: string): string[] {
	return existsSync(logFile(runFolder)) ? readFileSync(logFile(runFolder), 'utf8').split('\n').filter(Boolean) : [];
}
