import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { parseHtml, rawTextOf, select, selectAll, selectOne } from '../support/html.ts';
import { builtSite, type BuiltSite } from '../support/build.ts';

const MEDIA_SITE = ['tests/fixtures/media-cases', { base: '/notes-base/' }] as const;

describe('media in a built site', () => {
	let site: BuiltSite;
	const page = (slug: string) => parseHtml(site.page(`${slug}/index.html`));
	const policyOf = (slug: string) => String(selectOne('meta[http-equiv="content-security-policy"]', page(slug)).properties.content);
	/** The text of the page's scripts, inline (Astro inlines a small one) or from the site's files. */
	const scriptsOf = (slug: string) =>
		selectAll('script', page(slug))
			.map((script) => (script.properties.src ? readFileSync(path.join(site.dist, String(script.properties.src).replace(/^\/notes-base\//, '')), 'utf8') : rawTextOf(script)))
			.join('\n');

	beforeAll(() => {
		site = builtSite(...MEDIA_SITE);
		expect(site.exitCode, site.output).toBe(0);
	});

	test('video, audio and PDF files are published at their paths and played from there', () => {
		const players = page('players');
		expect(selectOne('figure.media > video', players).properties).toMatchObject({ src: '/notes-base/media/clip.mp4', width: 400 });
		expect(selectOne('figure.media > audio', players).properties.src).toBe('/notes-base/media/talk.wav');
		expect(selectOne('figure.media > iframe.media__pdf', players).properties.src).toBe('/notes-base/media/slides.pdf#page=3');
		for (const file of ['clip.mp4', 'talk.wav', 'slides.pdf']) expect(existsSync(path.join(site.dist, 'media', file)), file).toBe(true);
	});

	test('raw <video> and <source> play the published files', () => {
		const raw = page('raw-html');
		expect(selectOne('video', raw).properties.src).toBe('/notes-base/media/clip.mp4');
		expect(selectOne('audio > source', raw).properties.src).toBe('/notes-base/media/talk.wav');
	});

	test('a missing file and a frame the site does not load are reported at their lines', () => {
		expect(site.output).toContain('tests/fixtures/media-cases/players.md:15');
		expect(site.output).toMatch(/media-cases\/players\.md:15\S*\s+media\/lost\.mp3/);
		expect(site.output).toMatch(/media-cases\/raw-html\.md:9\S*\s+<iframe src="https:\/\/example\.com\/widget">/);
	});

	test('a page frames exactly the video players it shows, and loads the click-to-load script; others neither', () => {
		expect(policyOf('videos')).toContain("frame-src 'self' https://player.vimeo.com https://www.youtube-nocookie.com;");
		expect(policyOf('raw-html')).toContain("frame-src 'self' https://www.youtube-nocookie.com;");
		for (const slug of ['plain', 'players']) expect(policyOf(slug)).not.toContain('frame-src');
		expect(scriptsOf('videos')).toContain('notes-media');
		expect(scriptsOf('plain')).not.toContain('notes-media');
		expect(scriptsOf('players')).not.toContain('notes-media');
	});

	test('nothing of the video sites is in a page but the link and the inert template', () => {
		const videos = page('videos');
		expect(select('img', selectOne('main', videos))).toBeUndefined();
		expect(selectAll('iframe', videos).filter((frame) => !selectAll('template', videos).some((template) => selectAll('iframe', template).includes(frame)))).toEqual([]);
	});

	test('an .mdx note gets the same markup as a .md note', () => {
		const body = (slug: string) => site.page(`${slug}/index.html`).match(/<article[\s\S]*?<\/article>/)![0].replace(/>\s+</g, '><');
		expect(body('same-mdx').replace(/\(mdx\)/g, '(md)')).toBe(body('same-md'));
	});
});
