import type { Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { htmlToHast, markdownToHtml } from 'satteri';
import { describe, expect, test } from 'vitest';
import { FIGURE_SIZES, FIGURES_FRONTMATTER_KEY } from '../../src/dom/figure.ts';
import { noteFigures } from '../../src/plugins/rehype-figures.ts';
import { parseHtml, selectAll, selectOne } from '../support/html.ts';
import { renderNote } from '../support/render.ts';

const notesDir = 'tests/fixtures/figure-cases';
const render = (source: string, frontmatter: Record<string, unknown> = {}) => renderNote(source, { notesDir, frontmatter });
// Captions, paragraphs split around an image, figures in list items: tests/plugins/golden/figures-*.
describe('rehype-figures', () => {
	test('builds the figure contract: image, hidden zoom button, dialog with the full image, caption', async () => {
		expect(await render('![Flow](img/diagram.png "Packets leave")')).toMatchInlineSnapshot(`
			"<figure class="figure" data-figure="image"><notes-figure class="figure__media"><img src="./img/diagram.png" alt="Flow" layout="constrained" fit="cover" position="center" sizes="(min-width: 47rem) 46rem, 100vw"><button type="button" class="figure__zoom" aria-haspopup="dialog" aria-label="Enlarge image: Flow" hidden></button><dialog class="figure__dialog" aria-label="Flow" data-pagefind-ignore="all"><form method="dialog" class="figure__bar"><button type="submit" class="figure__close" aria-label="Close">×</button></form><img src="./img/diagram.png" alt="Flow" layout="none" fit="cover" position="center"></dialog></notes-figure><figcaption class="figure__caption">Packets leave</figcaption></figure>
			"
		`);
	});

	test('keeps images inline in links and headings, optimised the same way', async () => {
		const linked = await render('[![A](img/photo.jpg)](https://example.com/)');
		expect(linked).not.toContain('<figure');
		expect(linked).toContain(`<a href="https://example.com/"><img src="./img/photo.jpg" alt="A" layout="constrained" fit="cover" position="center" sizes="${FIGURE_SIZES}">`);
		expect(await render('## A ![icon](img/photo.jpg) heading')).not.toContain('<figure');
	});

	test('leaves a figure the author wrote alone', async () => {
		const html = await render('<figure class="mine"><img src="img/photo.jpg" alt="A"><figcaption>Mine</figcaption></figure>');
		expect(html).not.toContain('class="figure"');
		expect(html).toContain('<figure class="mine">');
	});

	test('serves SVG as it is: no srcset layout', async () => {
		const html = await render('![Vector](img/vector.svg)');
		expect(html).toContain('<img src="./img/vector.svg" alt="Vector" layout="none">');
		expect(html).not.toContain('sizes=');
	});

	test('keeps remote images remote and lazy', async () => {
		const html = await render('![Remote](https://example.com/a.png)');
		expect(html).toContain('data-figure="remote"');
		expect(html).toContain('<img src="https://example.com/a.png" alt="Remote" loading="lazy" decoding="async">');
		expect(html).not.toContain('layout=');
	});

	test('a missing image is a placeholder figure; only a title becomes its caption', async () => {
		expect(await render('![Gone](img/nope.png "Gone title")')).toMatchInlineSnapshot(`
			"<figure class="figure figure--missing" data-figure="missing"><span class="figure-missing" role="img" aria-label="Image not found: Gone (img/nope.png)"><span class="figure-missing__label">Image not found</span> <span class="figure-missing__alt">Gone</span> <code class="figure-missing__path">img/nope.png</code></span><figcaption class="figure__caption">Gone title</figcaption></figure>
			"
		`);
		const inline = await render('[![Gone](img/nope.png "T")](https://example.com/)');
		expect(inline).toContain('<a href="https://example.com/"><span class="figure-missing" role="img"');
		expect(inline).not.toContain('data-figure-title');
	});

	test("resolves an <img> inside the author's HTML where it stands", async () => {
		const html = await render('<div class="wide"><img src="img/photo.jpg" class="x" data-note="n"><img src="img/nope.png" alt="gone"></div>');
		const tree = parseHtml(html, { fragment: true });
		// The author's <div> keeps its two children where they were: the resolved image, then the placeholder.
		const [image, missing, ...rest] = selectOne('div.wide', tree).children;
		expect(rest).toEqual([]);
		expect(image).toMatchObject({ type: 'element', tagName: 'img' });
		expect(image.type === 'element' && image.properties).toMatchObject({ src: './img/photo.jpg', className: ['x'], dataNote: 'n', alt: '', layout: 'constrained' });
		expect(missing.type === 'element' && [missing.tagName, missing.properties]).toEqual([
			'span',
			{ className: ['figure-missing'], role: 'img', ariaLabel: 'Image not found: gone (img/nope.png)' },
		]);
		expect(selectAll('figure', tree)).toEqual([]);
	});

	test('records the number of zoomable figures for the page', async () => {
		const frontmatter: Record<string, unknown> = {};
		await render('![A](img/photo.jpg)\n\n![B](https://example.com/b.png)\n\n![C](img/nope.png)\n', frontmatter);
		expect(frontmatter[FIGURES_FRONTMATTER_KEY]).toBe(2);
		const none: Record<string, unknown> = {};
		await render('No images.', none);
		expect(none).not.toHaveProperty(FIGURES_FRONTMATTER_KEY);
	});

	test('a second run does not change the output', async () => {
		const { html } = markdownToHtml('Text ![A](img/a.png "T")\n\n- ![B](https://example.com/b.png)\n');
		const tree = htmlToHast(html, { fragment: true }) as Root;
		const once = toHtml({ type: 'root', children: noteFigures(tree).children });
		const again = toHtml({ type: 'root', children: noteFigures(htmlToHast(once, { fragment: true }) as Root).children });
		expect(again).toBe(once);
		expect(once).toContain('<figure');
	});
});
