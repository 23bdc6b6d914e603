import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { describe, expect, test } from 'vitest';
import { SEARCH_BUNDLE, serveLastSearchIndex } from '../../src/search/pagefind.ts';

/** Calls the middleware; resolves with the body it sent, or `next` when it passed. */
function request(outDir: string, url: string): Promise<string> {
	return new Promise((resolve) => {
		const response = new PassThrough() as unknown as ServerResponse & PassThrough;
		response.setHeader = () => response;
		let body = '';
		response.on('data', (chunk: Buffer) => (body += chunk));
		response.on('end', () => resolve(body));
		serveLastSearchIndex(outDir)({ url } as IncomingMessage, response, () => resolve('next'));
	});
}

describe('search in the dev server', () => {
	test('serves the index of the last build', async () => {
		const outDir = mkdtempSync(path.join(tmpdir(), 'notes-dev-'));
		mkdirSync(path.join(outDir, SEARCH_BUNDLE));
		writeFileSync(path.join(outDir, SEARCH_BUNDLE, 'pagefind.js'), 'export const built = true;');
		expect(await request(outDir, '/pagefind.js')).toBe('export const built = true;');
	});

	test('passes on (a 404 the search dialog explains) when there is no build, or outside the bundle', async () => {
		const outDir = mkdtempSync(path.join(tmpdir(), 'notes-dev-'));
		expect(await request(outDir, '/pagefind.js')).toBe('next');
		expect(await request(outDir, '/../../etc/passwd')).toBe('next');
	});
});
