import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { noteArticle, servePreviewFragments, writePreviewFragments } from '../../src/integration/previews.ts';
import { folderWith } from '../support/build.ts';

const ARTICLE = '<article class="note__body" data-pagefind-body><p>Text</p><article class="quoted"><p>Inner</p></article><p>After</p></article>';
const page = (article: string) => `<!doctype html><html><body><main><h1>VPC</h1>${article}<aside class="backlinks"></aside><article class="card">Not the note</article></main></body></html>`;

describe('noteArticle', () => {
	test('is the note body whole, with the articles it holds, and nothing after it', () => {
		expect(noteArticle(page(ARTICLE))).toBe(ARTICLE);
	});

	test('is undefined on a page without a note body, or with one never closed', () => {
		expect(noteArticle('<main><p>Could not render this note</p></main>')).toBeUndefined();
		expect(noteArticle('<article class="note__body"><p>Cut short')).toBeUndefined();
	});
});

describe('writePreviewFragments', () => {
	test('writes each built note page’s article and title as JSON beside it, and skips a note without a page or a body', async () => {
		const dist = folderWith({
			'vpc/index.html': page(ARTICLE),
			'broken/index.html': '<main><p>Could not render this note</p></main>',
			'index.html': page('<article class="note__body"><p>Home</p></article>'),
		});
		const notes = [
			{ slug: 'vpc', title: 'VPC <peering> & more' },
			{ slug: 'broken', title: 'Broken' },
			{ slug: 'missing', title: 'Missing' },
			{ slug: '', title: 'Home' },
		];
		expect(await writePreviewFragments(dist, notes)).toBe(2);
		expect(JSON.parse(readFileSync(path.join(dist, 'vpc/preview.json'), 'utf8'))).toEqual({ title: 'VPC <peering> & more', html: ARTICLE });
		expect(JSON.parse(readFileSync(path.join(dist, 'preview.json'), 'utf8')).title).toBe('Home');
	});
});

describe('servePreviewFragments', () => {
	test('in dev, answers a note’s fragment from its page as the server renders it, and passes anything else on', async () => {
		const serve = servePreviewFragments(() => [{ slug: 'aws/vpc', title: 'VPC' }]);
		const server = createServer((request, response) =>
			serve(request, response, () => {
				const found = request.url === '/aws/vpc/';
				response.writeHead(found ? 200 : 404).end(found ? page(ARTICLE) : 'Not found');
			}),
		);
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
		try {
			expect(await (await fetch(`${origin}/aws/vpc/preview.json`)).json()).toEqual({ title: 'VPC', html: ARTICLE });
			expect((await fetch(`${origin}/aws/other/preview.json`)).status).toBe(404);
			expect(await (await fetch(`${origin}/aws/vpc/`)).text()).toBe(page(ARTICLE));
		} finally {
			server.close();
		}
	});
});
