import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkNotes } from '../../src/notes/check.ts';
import { frameSource, htmlMediaTags, mediaFileKind, noteFrameOrigins, noteMediaFiles, pdfFragment, webEmbed } from '../../src/notes/media.ts';
import { readNoteContents } from '../../src/notes/note-tree.ts';
import { fixturePath, projectRoot } from '../support/build.ts';

const notesRoot = fixturePath('media-cases');
const noteOf = (source: string) => ({ file: path.join(notesRoot, 'note.md'), ...readNoteContents(source, 'md', { liftTitle: true }) });

describe('media files', () => {
	test('video, audio and PDF files are told by their extension, in any case, past a query or fragment', () => {
		expect(['clip.mp4', 'a/b.WEBM', 'x.ogv', 'x.mov', 'x.m4v'].map(mediaFileKind)).toEqual(['video', 'video', 'video', 'video', 'video']);
		expect(['talk.mp3', 'x.wav', 'x.ogg', 'x.oga', 'x.m4a', 'x.flac', 'x.opus'].map(mediaFileKind)).toEqual(Array(7).fill('audio'));
		expect([mediaFileKind('slides.pdf#page=3'), mediaFileKind('clip.mp4?v=2'), mediaFileKind('chart.png'), mediaFileKind('notes.md')]).toEqual(['pdf', 'video', undefined, undefined]);
	});

	test('a PDF opens at the page its fragment names, and at the start for anything else', () => {
		expect([pdfFragment('page=3'), pdfFragment(' page=12 '), pdfFragment('Heading'), pdfFragment(undefined)]).toEqual(['#page=3', '#page=12', '', '']);
	});
});

describe('webEmbed', () => {
	const frame = (url: string) => {
		const embed = webEmbed(url);
		return embed?.kind === 'video' ? embed.frameSrc : embed?.kind;
	};

	test('YouTube: watch, youtu.be, shorts and embed links play from youtube-nocookie.com, at their start time', () => {
		expect(frame('https://www.youtube.com/watch?v=dQw4w9WgXcQ')).toBe('https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1');
		expect(frame('https://youtu.be/dQw4w9WgXcQ?t=90')).toBe('https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1&start=90');
		expect(frame('https://m.youtube.com/watch?v=dQw4w9WgXcQ&t=1h2m3s')).toBe('https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1&start=3723');
		expect(frame('https://youtube.com/shorts/dQw4w9WgXcQ')).toBe('https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1');
		expect(frame('https://www.youtube.com/embed/dQw4w9WgXcQ?start=5')).toBe('https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1&start=5');
		expect(webEmbed('https://youtu.be/dQw4w9WgXcQ')).toMatchObject({ provider: 'youtube', site: 'youtube.com', frameOrigin: 'https://www.youtube-nocookie.com' });
	});

	test('Vimeo plays from player.vimeo.com without tracking, an unlisted video with its key', () => {
		expect(frame('https://vimeo.com/76979871')).toBe('https://player.vimeo.com/video/76979871?dnt=1&autoplay=1');
		expect(frame('https://vimeo.com/76979871/abc123#t=30')).toBe('https://player.vimeo.com/video/76979871?dnt=1&autoplay=1&h=abc123#t=30s');
		expect(frame('https://player.vimeo.com/video/76979871')).toBe('https://player.vimeo.com/video/76979871?dnt=1&autoplay=1');
	});

	test('a post on X or Twitter stays a link; other addresses are not embeds', () => {
		expect(webEmbed('https://x.com/nasa/status/1234567890')).toEqual({ kind: 'post', provider: 'twitter', url: 'https://x.com/nasa/status/1234567890', site: 'x.com' });
		expect(webEmbed('https://twitter.com/nasa/status/1234567890?s=20')).toMatchObject({ kind: 'post', site: 'twitter.com' });
		for (const url of ['https://x.com/nasa', 'https://www.youtube.com/watch?v=short', 'https://vimeo.com/channels', 'https://example.com/watch?v=dQw4w9WgXcQ', 'img/x.png']) {
			expect(webEmbed(url), url).toBeUndefined();
		}
	});

	test('a raw frame is the site\'s own, a known player, or blocked', () => {
		expect(frameSource('media/page.html')).toEqual({ kind: 'self' });
		expect(frameSource('https://www.youtube.com/embed/dQw4w9WgXcQ')).toMatchObject({ kind: 'video', provider: 'youtube' });
		expect(frameSource('https://example.com/widget')).toEqual({ kind: 'blocked' });
		expect(frameSource('//example.com/widget')).toEqual({ kind: 'blocked' });
	});

	test('a frame the csp setting allows, by origin, wildcard or scheme, is kept; without a policy every frame is', () => {
		expect(frameSource('https://maps.example.com/embed?x=1', ['https://maps.example.com']).kind).toBe('allowed');
		expect(frameSource('https://maps.example.com/embed', ['https://*.example.com']).kind).toBe('allowed');
		expect(frameSource('https://example.org/embed', ['https://*.example.com']).kind).toBe('blocked');
		expect(frameSource('https://example.org/embed', ['https:']).kind).toBe('allowed');
		expect(frameSource('http://example.org/embed', 'any').kind).toBe('allowed');
	});
});

describe('what the catalogue records of a note\'s media', () => {
	const note = noteOf(
		[
			'![](media/clip.mp4)', // 1
			'![](https://youtu.be/dQw4w9WgXcQ)', // 3
			'<video src="media/lost.mp4"></video>', // 5
			'<audio controls><source src="media/talk.wav"></audio>', // 7
			'<iframe src="https://example.com/widget"></iframe>', // 9
			'<iframe src="https://player.vimeo.com/video/76979871"></iframe>', // 11
			'![](media/gone.mp3)', // 13
		].join('\n\n'),
	);

	test('raw HTML media tags are read with their lines', () => {
		expect(htmlMediaTags('<video controls><source src="a.mp4" type="video/mp4"></video><iframe src=\'b.html\'></iframe>').map(({ tagName, src }) => [tagName, src])).toEqual([
			['source', 'a.mp4'],
			['iframe', 'b.html'],
		]);
		expect(note.media.map(({ tagName, url, line }) => [tagName, url, line])).toEqual([
			['video', 'media/lost.mp4', 5],
			['source', 'media/talk.wav', 7],
			['iframe', 'https://example.com/widget', 9],
			['iframe', 'https://player.vimeo.com/video/76979871', 11],
		]);
	});

	test('an .mdx note\'s JSX media elements are read too', () => {
		const mdx = readNoteContents('# X\n\n<video src="media/clip.mp4" />\n\n<iframe src={url} />\n', 'mdx', { liftTitle: true });
		expect(mdx.media.map(({ tagName, url, line }) => [tagName, url, line])).toEqual([['video', 'media/clip.mp4', 3]]);
	});

	test('the files to publish are those that exist; the frames are the players its videos load from', () => {
		expect(noteMediaFiles(note, notesRoot).sort()).toEqual(['media/clip.mp4', 'media/talk.wav']);
		expect(noteFrameOrigins(note)).toEqual(['https://player.vimeo.com', 'https://www.youtube-nocookie.com']);
	});

	test('missing files and frames the site does not load are reported at their lines', () => {
		const problems = checkNotes({ notesRoot, notes: [note] }, projectRoot);
		expect(problems.map(({ kind, line, message }) => `${kind} ${line} ${message}`)).toEqual([
			'missing-media 13 media/gone.mp3',
			'missing-media 5 media/lost.mp4',
			'blocked-frame 9 <iframe src="https://example.com/widget">',
		]);
		expect(problems[0].hint).toBe('File not found: expected a file at tests/fixtures/media-cases/media/gone.mp3.');
		expect(checkNotes({ notesRoot, notes: [note] }, projectRoot, ['https://example.com']).map(({ kind }) => kind)).toEqual(['missing-media', 'missing-media']);
	});
});
