import { describe, expect, test } from 'vitest';
import { parseHtml, select, selectAll, selectOne, textOf } from '../support/html.ts';
import { pipelineNotes, renderNote } from '../support/render.ts';

const notesDir = 'tests/fixtures/links-vault';
const links = pipelineNotes(notesDir, '/notes/');
const render = async (source: string, name = 'Security/IAM.md') => parseHtml(await renderNote(source, { notesDir, name, links }), { fragment: true });

describe('remark-wikilinks', () => {
	test('a link to a note or a heading is a link to its page, showing its alias or its name', async () => {
		const html = await render('See [[VPC Peering]], [[VPC Peering#Limits|the limits]], [[VPC Peering#Routing]] and [[#Roles]].\n\n## Roles\n');
		expect(selectAll('a', html).map((a) => [textOf(a), a.properties.href])).toEqual([
			['VPC Peering', '/notes/networking/vpc-peering/'],
			['the limits', '/notes/networking/vpc-peering/#limits'],
			['VPC Peering › Routing', '/notes/networking/vpc-peering/#routing'],
			['Roles', '#roles'],
		]);
		expect(textOf(html)).not.toContain('[[');
	});

	test('smart punctuation stays in the text around a link; a table cell\'s \\| is the bar', async () => {
		const html = await render('"Quoted" -- [[VPC Peering|it\'s here]] -- end.\n\n| a |\n| - |\n| [[VPC Peering\\|peering]] |\n');
		expect(textOf(selectOne('p', html))).toBe('“Quoted” – it’s here – end.');
		expect(textOf(selectOne('td a', html))).toBe('peering');
	});

	test('an image embed is the same figure as ![](…), sized by |300; a missing one is the placeholder', async () => {
		const html = await render('![[chart.png]]\n\n![[chart.png|300]]\n\n![[missing-image.png]]\n');
		const images = selectAll('figure.figure > notes-figure > img', html);
		expect(images.map((img) => [img.properties.src, img.properties.width])).toEqual([
			['../attachments/chart.png', undefined],
			['../attachments/chart.png', 300],
		]);
		expect(textOf(selectOne('.figure-missing', html))).toBe('Image not found missing-image.png');
	});

	test('a file, embedded or linked, leads to the published file', async () => {
		const html = await render('The slides: ![[slides.pdf]] and [[slides.pdf|again]].');
		expect(selectAll('a', html).map((a) => [textOf(a), a.properties.href])).toEqual([
			['Open slides.pdf', '/notes/attachments/slides.pdf'],
			['again', '/notes/attachments/slides.pdf'],
		]);
	});

	test('an embedded section is quoted, headed by where it comes from, its headings in bold', async () => {
		const html = await render('Before.\n\n![[VPC Peering#Limits]]\n\nAfter.\n');
		const embed = selectOne('blockquote.embed', html);
		const source = selectOne('.embed__source a', embed);
		expect([textOf(source), source.properties.href]).toEqual(['VPC Peering › Limits', '/notes/networking/vpc-peering/#limits']);
		expect(selectAll('strong', embed).map(textOf)).toEqual(['1. Limits', 'summary', 'concepts']);
		expect(textOf(embed)).toContain('peering is not transitive');
		expect(textOf(embed)).not.toContain('Routing');
		expect(select('h1, h2, h3', embed)).toBeUndefined();
	});

	test('an embed alone on its line, then ---: the embed, then a rule (not a setext heading that hides it)', async () => {
		const html = await render('![[VPC Peering#Limits]]\n---\n\nAfter.\n');
		expect(html.children.filter((node) => node.type === 'element').map((node) => node.tagName)).toEqual(['blockquote', 'hr', 'p']);
		expect(select('h1, h2', html)).toBeUndefined();
	});

	test('embeds inside embeds, three deep; a loop stops at the repeat with a link', async () => {
		const deep = await render('![[L2]]\n', 'Deep/L1.md');
		expect(selectAll('blockquote.embed', deep)).toHaveLength(3);
		expect(selectAll('blockquote.embed a', deep).at(-1)!.properties.href).toBe('/notes/deep/l5/');
		const loop = await render('![[B]]\n', 'Loops/A.md');
		expect(selectAll('blockquote.embed', loop)).toHaveLength(1);
		expect(selectAll('blockquote.embed a', loop).map((a) => a.properties.href)).toEqual(['/notes/loops/b/', '/notes/loops/a/']);
	});

	test('what leads nowhere keeps its text, marked as broken, never a link', async () => {
		const html = await render('[[Missing note]] and [[VPC Peering#No such heading|the heading]]');
		expect(select('a', html)).toBeUndefined();
		expect(selectAll('.link-broken', html).map((span) => [textOf(span), span.properties.title])).toEqual([
			['Missing note (broken link)', 'Not found: [[Missing note]]'],
			['the heading (broken link)', 'Not found: [[VPC Peering#No such heading|the heading]]'],
		]);
	});

	test('a name two folders share is broken from a note in neither, never a guess; beside one of them, that one', async () => {
		const elsewhere = await render('First the [[Overview]].', 'Study/Exam plan.md');
		expect(select('a', elsewhere)).toBeUndefined();
		expect(selectAll('.link-broken', elsewhere).map((span) => [textOf(span), span.properties.title])).toEqual([['Overview (broken link)', 'Two or more notes have this name: [[Overview]]']]);
		const beside = await render('First the [[Overview]].', 'Security/IAM.md');
		expect(selectAll('a', beside).map((a) => a.properties.href)).toEqual(['/notes/security/overview/']);
	});

	test('a note alone in its catalogue (no folder given): a link to a note it does not hold is shown broken', async () => {
		const html = parseHtml(await renderNote('[[VPC Peering]]', { notesDir }), { fragment: true });
		expect(selectAll('.link-broken', html).map(textOf)).toEqual(['VPC Peering (broken link)']);
	});
});

describe('remark-wikilinks: media embeds', () => {
	const mediaDir = 'tests/fixtures/media-cases';
	const mediaLinks = pipelineNotes(mediaDir);
	const renderMedia = async (source: string) => parseHtml(await renderNote(source, { notesDir: mediaDir, name: 'note.md', links: mediaLinks }), { fragment: true });

	test('![[clip.mp4|400]] and ![[talk.wav]] are players, sized as images are', async () => {
		const html = await renderMedia('![[clip.mp4|400]]\n\n![[talk.wav]]\n');
		expect(selectAll('figure.media > video, figure.media > audio', html).map((player) => [player.tagName, player.properties.src, player.properties.width])).toEqual([
			['video', '/media/clip.mp4', 400],
			['audio', '/media/talk.wav', undefined],
		]);
	});

	test('![[slides.pdf#page=3]] shows the PDF at its third page; a missing file is a broken link', async () => {
		const html = await renderMedia('![[slides.pdf#page=3]]\n\n![[lost.mp4]]\n');
		expect(selectOne('figure.media > iframe.media__pdf', html).properties.src).toBe('/media/slides.pdf#page=3');
		expect(textOf(selectOne('.figure__caption', html))).toBe('Open slides.pdf');
		expect(selectAll('video', html)).toEqual([]);
	});

	test('a note embedded in another shows its media as on its own page', async () => {
		const embed = selectOne('blockquote.embed', await renderMedia('![[players]]\n'));
		expect(selectAll('figure.figure', embed).map((figure) => figure.properties.dataFigure)).toEqual(['video', 'audio', 'pdf', 'missing']);
		expect(selectOne('video', embed).properties).toMatchObject({ src: '/media/clip.mp4', width: 400 });
		expect(selectOne('iframe', embed).properties.src).toBe('/media/slides.pdf#page=3');
	});

	test('in a heading, where a figure cannot stand, a media embed is a link to the file', async () => {
		const heading = selectOne('h2', await renderMedia('## The talk ![[talk.wav]] and ![](https://youtu.be/dQw4w9WgXcQ)\n'));
		expect(select('figure, audio, template', heading)).toBeUndefined();
		expect(selectAll('a', heading).map((a) => a.properties.href)).toEqual(['/media/talk.wav', 'https://youtu.be/dQw4w9WgXcQ']);
	});
});
