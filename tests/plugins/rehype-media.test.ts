import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { markdownToHtml } from 'satteri';
import { describe, expect, test } from 'vitest';
import { rehypeMedia } from '../../src/plugins/rehype-media.ts';
import { projectRoot } from '../support/build.ts';
import { parseHtml, select, selectAll, selectOne, textOf } from '../support/html.ts';
import { compileMdxNote, renderNote } from '../support/render.ts';

const notesDir = 'tests/fixtures/media-cases';
const render = async (source: string, name = 'note.md') => parseHtml(await renderNote(source, { notesDir, name }), { fragment: true });

describe('rehype-media', () => {
	test('a raw <video>, <audio> or <source> of the notes folder plays the published file', async () => {
		const html = await render('<video controls width="320" src="media/clip.mp4"></video>\n\n<audio controls>\n  <source src="./media/talk.wav" type="audio/wav">\n</audio>\n', 'sub/../note.md');
		expect(selectOne('video', html).properties).toMatchObject({ src: '/media/clip.mp4', width: 320, controls: true });
		expect(selectOne('audio > source', html).properties).toMatchObject({ src: '/media/talk.wav', type: 'audio/wav' });
	});

	test('a src the notes folder does not have is left as written (the notes check reports it)', async () => {
		expect(selectOne('video', await render('<video src="media/lost.mp4"></video>')).properties.src).toBe('media/lost.mp4');
	});

	test('a frame of a video site is the click-to-load placeholder; any other site\'s is a link', async () => {
		const html = await render('<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ" width="560"></iframe>\n\n<iframe src="https://example.com/widget"></iframe>\n');
		expect(selectOne('notes-media template iframe', html).properties.src).toBe('https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1');
		const blocked = selectOne('.media-blocked', html);
		expect([textOf(blocked), selectOne('a', blocked).properties.href]).toEqual(['Frame not loaded: https://example.com/widget', 'https://example.com/widget']);
		expect(selectAll('iframe', html)).toHaveLength(1);
	});

	test('a frame the csp setting allows stays as written', async () => {
		const { html } = await markdownToHtml('<iframe src="https://maps.example.com/embed"></iframe>\n\n<iframe src="https://example.org/"></iframe>', {
			hastPlugins: [rehypeMedia({ notesRoot: path.join(projectRoot, notesDir), allowedFrames: ['https://maps.example.com'] })],
			fileURL: pathToFileURL(path.join(projectRoot, notesDir, 'note.md')),
		});
		expect(html.trim()).toBe('<iframe src="https://maps.example.com/embed"></iframe>\n<span class="media-blocked">Frame not loaded: <a href="https://example.org/">https://example.org/</a></span>');
	});

	test('a frame of the site itself stays, pointing at the published file', async () => {
		expect(selectOne('iframe', await render('<iframe src="media/slides.pdf#page=2"></iframe>')).properties.src).toBe('/media/slides.pdf#page=2');
		expect(select('.media-blocked', await render('<iframe src="media/slides.pdf"></iframe>'))).toBeUndefined();
	});

	test('in an .mdx note, JSX media elements resolve the same way', async () => {
		const source = '<video controls src="media/clip.mp4" />\n\n<audio controls>\n  <source src="media/talk.wav" />\n</audio>\n\n<iframe src="https://example.com/widget" />\n\n<iframe src="https://youtu.be/dQw4w9WgXcQ" />\n';
		const code = await compileMdxNote(source, 'note.mdx', notesDir);
		expect(code).toContain('src: "/media/clip.mp4"');
		expect(code).toContain('src: "/media/talk.wav"');
		expect(code).toContain('"Frame not loaded: "');
		expect(code).toContain('https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1');
		expect(code).not.toContain('src: "https://example.com/widget"');
	});
});
