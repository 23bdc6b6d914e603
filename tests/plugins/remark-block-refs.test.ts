import { describe, expect, test } from 'vitest';
import { parseHtml, select, selectAll, selectOne, textOf } from '../support/html.ts';
import { pipelineNotes, renderNote } from '../support/render.ts';

const notesDir = 'tests/fixtures/logseq-graph';
const links = pipelineNotes(notesDir, '/notes/');
const render = async (source: string) => parseHtml(await renderNote(source, { notesDir, name: 'pages/Scratch.md', links }), { fragment: true });

describe('remark-block-refs', () => {
	test('((uuid)) shows the text of the block with that id, as a link to its page', async () => {
		const html = await render('- See ((6559116E-0000-4000-8000-000000000001)) first\n');
		const ref = selectOne('a.block-ref', html);
		expect([textOf(ref), ref.properties.href]).toEqual(['Install notes', '/notes/pages/linux/']);
		expect(textOf(html)).toBe('See Install notes first');
	});

	test('{{embed ((uuid))}} alone in its block quotes the block and its children, headed by its page', async () => {
		const html = await render('- before\n- {{embed ((6559116e-0000-4000-8000-000000000001))}}\n');
		const embed = selectOne('blockquote.embed', html);
		expect(textOf(selectOne('.embed__source', embed))).toBe('From Linux');
		expect(textOf(selectOne('blockquote > ul > li', embed))).toMatch(/^Install notes\s+sudo apt update$/);
		expect(textOf(selectOne('li > ul > li', embed))).toBe('sudo apt update');
		expect(textOf(embed)).not.toMatch(/id::|collapsed|learn about systemd/);
	});

	test('an id no block has is a marked broken reference, never a link', async () => {
		const html = await render('- Gone: ((6559116e-0000-4000-8000-00000000dead)) and {{embed ((6559116e-0000-4000-8000-00000000beef))}}\n');
		expect(select('a', html)).toBeUndefined();
		expect(selectAll('.link-broken', html).map((span) => span.properties.title)).toEqual([
			'Not found: ((6559116e-0000-4000-8000-00000000dead))',
			'Not found: !((6559116e-0000-4000-8000-00000000beef))',
		]);
	});
});
