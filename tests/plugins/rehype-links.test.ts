import { markdownToHtml } from 'satteri';
import { describe, expect, test } from 'vitest';
import { rehypeLinks, withBase } from '../../src/plugins/rehype-links.ts';

const render = async (markdown: string, base?: string) =>
	(await markdownToHtml(markdown, { hastPlugins: [rehypeLinks(base === undefined ? {} : { base })] })).html;

describe('rehype-links, without the catalogue', () => {
	test('a link written from the site root gets the base path', async () => {
		expect(await render('[peering](/aws/peering/#concepts)', '/aws-notes/')).toMatchInlineSnapshot(`
			"<p><a href="/aws-notes/aws/peering/#concepts">peering</a></p>
			"
		`);
	});

	test('no options (base /): links stay as written', async () => {
		expect(await render('[peering](/aws/peering/)')).toContain('href="/aws/peering/"');
	});

	test('relative links, fragments, other sites and links already below the base stay as written', async () => {
		const html = await render(
			'[a](../peering/) [b](#topic) [c](https://example.com/x) [d](//cdn.example.com/x) [e](/aws-notes/vpc/) [f](/aws-notes) [g](mailto:a@example.com)',
			'/aws-notes/',
		);
		for (const href of ['../peering/', '#topic', 'https://example.com/x', '//cdn.example.com/x', '/aws-notes/vpc/', '/aws-notes', 'mailto:a@example.com']) {
			expect(html).toContain(`href="${href}"`);
		}
	});

	test('a second run changes nothing', () => {
		const once = withBase('/aws/vpc/', '/aws-notes/');
		expect(withBase(once, '/aws-notes/')).toBe('/aws-notes/aws/vpc/');
		expect(withBase('/aws-notesX/', '/aws-notes/')).toBe('/aws-notes/aws-notesX/');
		expect(withBase('/aws-notes#top', '/aws-notes/')).toBe('/aws-notes#top');
	});
});
