import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { fileInFolder, serveFolder } from '../../src/dev-server/serve-folder.ts';

describe('serveFolder', () => {
	const root = mkdtempSync(path.join(tmpdir(), 'serve-folder-'));
	const folder = path.join(root, 'pagefind');
	mkdirSync(folder);
	mkdirSync(path.join(root, 'pagefind-secret'));
	writeFileSync(path.join(folder, 'pagefind.js'), 'export {};');
	writeFileSync(path.join(root, 'pagefind-secret/key.txt'), 'secret');
	writeFileSync(path.join(root, 'outside.txt'), 'outside');
	let server: Server;
	let origin: string;

	beforeAll(async () => {
		const middleware = serveFolder(folder);
		server = createServer((request, response) => middleware(request, response, () => response.writeHead(404).end('next')));
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	});
	afterAll(() => new Promise((resolve) => server.close(resolve)));

	const get = async (url: string) => {
		const response = await fetch(`${origin}${url}`);
		return { status: response.status, type: response.headers.get('content-type'), body: await response.text() };
	};

	test('serves a file of the folder, scripts as JavaScript', async () => {
		expect(await get('/pagefind.js')).toEqual({ status: 200, type: 'text/javascript', body: 'export {};' });
	});

	test('passes on what is not a file of the folder, including paths that try to leave it', async () => {
		expect((await get('/missing.js')).body).toBe('next');
		expect((await get('/')).body).toBe('next');
		expect((await get('/%2e%2e/outside.txt')).body).toBe('next');
		expect((await get('/..%2foutside.txt')).body).toBe('next');
	});

	test('answers a malformed URL with 400 instead of throwing', async () => {
		expect(await get('/%E0%A4%A')).toMatchObject({ status: 400 });
	});

	test('fileInFolder: a sibling folder whose name starts the same is outside', () => {
		expect(fileInFolder(folder, '/../pagefind-secret/key.txt')).toBeUndefined();
		expect(fileInFolder(folder, '/a/b.js')).toBe(path.join(folder, 'a/b.js'));
	});
});
