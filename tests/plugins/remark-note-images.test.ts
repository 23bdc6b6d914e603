import { describe, expect, test } from 'vitest';
import { classesOf, parseHtml, select, selectAll, selectOne, textOf } from '../support/html.ts';
import { compileMdxNote, renderNote } from '../support/render.ts';

const notesDir = 'tests/fixtures/figure-cases';
const render = (source: string, name = 'note.md') => renderNote(source, { notesDir, name });
/** The `src` of every image and the path of every placeholder, in order. */
const sources = (html: string) =>
	selectAll('img, .figure-missing__path', parseHtml(html, { fragment: true })).map((element) =>
		element.tagName === 'img' ? String(element.properties.src) : `missing ${textOf(element)}`,
	);
/** The image each figure shows on the page (not the copy in its zoom dialog). */
const pageImages = (html: string) => selectAll('figure notes-figure > img', parseHtml(html, { fragment: true }));

describe('remark-note-images', () => {
	test('rewrites a local image to its path relative to the note, URL-encoded', async () => {
		expect(sources(await render('![a](img/diagram.png)'))).toEqual(['./img/diagram.png', './img/diagram.png']);
		expect(sources(await render('![a](<img/my slide.png>)'))[0]).toBe('./img/my%20slide.png');
		expect(sources(await render('![a](img/my%20slide.png)'))[0]).toBe('./img/my%20slide.png');
		expect(sources(await render('![a](img/schéma-réseau.png)'))[0]).toBe('./img/sch%C3%A9ma-r%C3%A9seau.png');
		expect(sources(await render('![a](../shared-img/shared.png)', 'topic/a.md'))[0]).toBe('../shared-img/shared.png');
		expect(sources(await render('![a](/img/photo.jpg)', 'topic/a.md'))[0]).toBe('../img/photo.jpg');
	});

	test('leaves remote images as written', async () => {
		expect(sources(await render('![a](https://example.com/a.png)'))[0]).toBe('https://example.com/a.png');
	});

	test('Obsidian\'s size after the alt text, ![alt|300](url), is the width, and not in the alt', async () => {
		const html = await render('![a tree|300](https://example.com/a.png)\n\n![|320x200](https://example.com/b.png)\n\n![a|b](https://example.com/c.png)');
		expect(pageImages(html).map(({ properties: { src, alt, width, height } }) => ({ src, alt, width, height }))).toEqual([
			{ src: 'https://example.com/a.png', alt: 'a tree', width: 300, height: undefined },
			{ src: 'https://example.com/b.png', alt: '', width: 320, height: 200 },
			{ src: 'https://example.com/c.png', alt: 'a|b', width: undefined, height: undefined },
		]);
		expect(html).not.toContain('|300');
	});

	test('resolves reference-style images through their definition', async () => {
		const html = await render('![a][pic]\n\n[pic]: img/photo.jpg "From the definition"\n');
		expect(sources(html)[0]).toBe('./img/photo.jpg');
		expect(selectAll('figcaption', parseHtml(html, { fragment: true })).map((caption) => [classesOf(caption), textOf(caption)])).toEqual([
			[['figure__caption'], 'From the definition'],
		]);
	});

	test('treats a raw <img> that stands alone like a Markdown image, keeping its size', async () => {
		const html = await render('<img src="img/photo.jpg" alt="Raw" width="300">');
		expect(sources(html)[0]).toBe('./img/photo.jpg');
		const figure = selectOne('figure', parseHtml(html, { fragment: true }));
		expect(figure.properties).toEqual({ className: ['figure'], dataFigure: 'image' });
		// The figure's first image is the one on the page, as written.
		expect(selectOne('img', figure)).toBe(selectOne('notes-figure > img', figure));
		expect(selectOne('img', figure).properties).toMatchObject({ src: './img/photo.jpg', alt: 'Raw', width: 300 });
	});

	test('replaces missing, outside and unreadable images with a placeholder naming the path', async () => {
		const html = await render(
			'![gone](img/nope.png)\n\n![up](../../../etc/passwd)\n\n![text](img/not-an-image.png)\n\n<img src="img/raw-nope.png" alt="raw">\n',
		);
		expect(sources(html)).toEqual([
			'missing img/nope.png',
			'missing ../../../etc/passwd',
			'missing img/not-an-image.png',
			'missing img/raw-nope.png',
		]);
		expect(selectAll('.figure-missing', parseHtml(html, { fragment: true })).map(({ properties: { role, ariaLabel } }) => [role, ariaLabel])).toEqual([
			['img', 'Image not found: gone (img/nope.png)'],
			['img', 'Image refused (outside the notes folder): up (../../../etc/passwd)'],
			['img', 'Image unreadable: text (img/not-an-image.png)'],
			['img', 'Image not found: raw (img/raw-nope.png)'],
		]);
	});

	test('in MDX, turns <Figure> and <img> with literal attributes into the same image', async () => {
		const code = await compileMdxNote(
			'<Figure src="img/diagram.png" alt="A" caption="Cap" />\n\nText <img src="img/photo.jpg" alt="B" /> more.\n',
			'note.mdx',
			notesDir,
		);
		expect(code).not.toMatch(/_components\.Figure|"Figure"/);
		expect(code).toContain('src: "./img/diagram.png"');
		expect(code).toContain('src: "./img/photo.jpg"');
		expect(code).toContain('children: "Cap"');
	});

	test('in MDX, leaves an imported image to the <Figure> component', async () => {
		const code = await compileMdxNote(
			"import chart from './img/diagram.png';\n\n<Figure src={chart} alt=\"A\" />\n",
			'note.mdx',
			notesDir,
		);
		expect(code).toMatch(/_components\.Figure|Figure,/);
		expect(code).toContain('src: chart');
	});

	test('in MDX, a local <img> with attributes it cannot resolve becomes a placeholder', async () => {
		const code = await compileMdxNote('<img src="img/photo.jpg" style={{ width: 10 }} />\n', 'note.mdx', notesDir);
		expect(code).toContain('"Image unreadable"');
		expect(code).toContain('"img/photo.jpg"');
	});

	test('a second run does not change the output', async () => {
		const source = '![a](img/diagram.png "t")\n\n![b](img/nope.png)\n';
		expect(await render(source)).toBe(await render(source));
	});
});

describe('remark-note-images: video, audio, PDFs and other sites\' videos', () => {
	const mediaDir = 'tests/fixtures/media-cases';
	const renderMedia = async (source: string, name = 'note.md') => parseHtml(await renderNote(source, { notesDir: mediaDir, name }), { fragment: true });

	test('a video or audio file is the browser\'s player in a figure, its alt text the caption, its file linked inside', async () => {
		const html = await renderMedia('Before ![The opening talk](media/talk.wav) after.\n\n![|320](media/clip.mp4)\n');
		const [audio, video] = selectAll('figure.figure.media', html);
		expect([audio.properties.dataFigure, video.properties.dataFigure]).toEqual(['audio', 'video']);
		const player = selectOne('audio.media__player', audio);
		expect(player.properties).toMatchObject({ src: '/media/talk.wav', controls: true, preload: 'metadata' });
		expect(selectOne('a', player).properties.href).toBe('/media/talk.wav');
		expect(textOf(selectOne('figcaption', audio))).toBe('The opening talk');
		expect(selectOne('video', video).properties).toMatchObject({ src: '/media/clip.mp4', width: 320 });
		// The paragraph is split around the figure, which a paragraph cannot hold.
		expect(selectAll('p', html).map(textOf)).toEqual(['Before', 'after.']);
	});

	test('a PDF opens in a frame at the page its fragment names, with a link to open it', async () => {
		const figure = selectOne('figure.media', await renderMedia('![Slides](media/slides.pdf#page=3)'));
		expect(figure.properties.dataFigure).toBe('pdf');
		expect(selectOne('iframe.media__pdf', figure).properties).toMatchObject({ src: '/media/slides.pdf#page=3', title: 'Slides', loading: 'lazy' });
		expect(selectOne('a.media__open', figure).properties.href).toBe('/media/slides.pdf#page=3');
	});

	test('a video or audio file of another site plays from there, as a remote image shows', async () => {
		expect(selectOne('figure.media > video', await renderMedia('![](https://example.com/clip.webm)')).properties.src).toBe('https://example.com/clip.webm');
	});

	test('a missing file is a placeholder naming it', async () => {
		expect(textOf(selectOne('.figure-missing', await renderMedia('![](media/lost.mp3)')))).toBe('File not found media/lost.mp3');
	});

	test('a YouTube link written as an image is a link to the video with its frame in an inert template', async () => {
		const figure = selectOne('figure.media', await renderMedia('![How DNS works](https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=90)'));
		expect(figure.properties).toMatchObject({ dataFigure: 'embed', dataMediaProvider: 'youtube' });
		const link = selectOne('notes-media > a.media__placeholder', figure);
		expect([link.properties.href, textOf(link)]).toEqual(['https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=90', 'How DNS works Load video from youtube.com']);
		expect(selectAll('iframe', figure)).toHaveLength(1);
		expect(selectOne('notes-media > template iframe', figure).properties.src).toBe('https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1&start=90');
		expect(selectAll('img', figure)).toEqual([]);
	});

	test('a post on X stays a link card, with nothing to load', async () => {
		const figure = selectOne('figure.media', await renderMedia('![](https://x.com/nasa/status/1234567890)'));
		expect(select('notes-media, template, iframe', figure)).toBeUndefined();
		expect(textOf(selectOne('a.media__placeholder', figure))).toBe('https://x.com/nasa/status/1234567890 Open the post on x.com');
	});

	test('an .mdx note gets the same markup as a .md note', async () => {
		const source = '# Same\n\n![The opening talk](media/talk.wav)\n\n![How DNS works](https://youtu.be/dQw4w9WgXcQ)\n';
		expect(await renderNote(source, { notesDir: mediaDir, name: 'same.mdx' })).toBe(await renderNote(source, { notesDir: mediaDir, name: 'same.md' }));
	});
});
