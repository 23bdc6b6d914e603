import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildVersion, reviewPageFiles, webAppManifest } from '../../src/offline/build.ts';
import { folderWith } from '../support/build.ts';

/** A built site under `/notes/`: the review page, its cards, a script that imports another, and a note. */
const dist = () =>
	folderWith({
		'review/index.html': '<link rel="stylesheet" href="/notes/_astro/site.css"><script type="module" src="/notes/_astro/review.js"></script><a href="/notes/vault/ports/">Ports</a>',
		'review/cards/index.html': String.raw`<script type="application/json">{"html":"<img src=\"/notes/_astro/flow.webp\">"}</script>`,
		'_astro/site.css': 'body{}',
		'_astro/review.js': 'import"./card.js";import("./qr-code.js")',
		'_astro/card.js': '',
		'_astro/qr-code.js': '',
		'_astro/flow.webp': 'image',
		'vault/ports/index.html': '<script type="module" src="/notes/_astro/note.js"></script>',
		'_astro/note.js': '',
	});

describe('the offline files the build writes', () => {
	test("the review page's files, below the site's root: pages, styles, scripts and their imports, the cards' images; not the notes", () => {
		expect(reviewPageFiles(dist(), '/notes/').sort()).toEqual(
			['review/', 'review/cards/', '_astro/site.css', '_astro/review.js', '_astro/card.js', '_astro/qr-code.js', '_astro/flow.webp'].sort(),
		);
	});

	test('the version changes with any file of the build, and not with the service worker itself', () => {
		const folder = dist();
		const first = buildVersion(folder);
		writeFileSync(path.join(folder, 'sw.js'), 'anything');
		expect(buildVersion(folder)).toBe(first);
		const note = path.join(folder, 'vault/ports/index.html');
		writeFileSync(note, `${readFileSync(note, 'utf8')}<p>Edited</p>`);
		expect(buildVersion(folder)).not.toBe(first);
	});

	test('the manifest, for a site under a base path: it starts on the review page, or the home page without cards', () => {
		const manifest = webAppManifest({ title: 'AWS notes', description: 'Study notes', base: '/notes/', hasCards: true });
		expect(manifest).toMatchObject({ name: 'AWS notes', description: 'Study notes', start_url: '/notes/review/', scope: '/notes/', display: 'standalone' });
		expect(manifest.icons.map((icon) => icon.src)).toEqual(['/notes/icon-192.png', '/notes/icon-512.png']);
		expect(webAppManifest({ title: 'AWS notes', description: '', base: '/notes/', hasCards: false }).start_url).toBe('/notes/');
	});
});
