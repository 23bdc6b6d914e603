import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { projectRoot } from '../support/build.ts';
import { parseHtml, selectAll, selectOne, textOf } from '../support/html.ts';
import { pipelineNotes, renderNote } from '../support/render.ts';

/** Each heading as `h2 id="…" data-topic-number="1" Text`. */
const headingsOf = (html: string) =>
	selectAll('h1, h2, h3, h4, h5, h6', parseHtml(html, { fragment: true })).map((heading) => {
		const { id, dataTopicNumber } = heading.properties;
		return [heading.tagName, id && `id="${id}"`, dataTopicNumber && `data-topic-number="${dataTopicNumber}"`, textOf(heading)].filter(Boolean).join(' ');
	});

describe('rehype-note-headings', () => {
	test('drops the lone `#` separator: no empty heading reaches the page', async () => {
		const html = await renderNote('## 1. Topic\n\n#\n\n### summary\n\n- a\n');
		// `:blank`: no element and no text but white space.
		expect(selectAll('h1:blank, h2:blank, h3:blank, h4:blank, h5:blank, h6:blank', parseHtml(html, { fragment: true }))).toEqual([]);
		expect(headingsOf(html)).toEqual([
			'h2 id="topic" data-topic-number="1" Topic',
			'h3 id="topic-summary" summary',
		]);
	});

	test('moves the topic number into data-topic-number and leaves it out of the id', async () => {
		const html = await renderNote('## 1. VPC Flow Logs\n\n## 12) Second\n\n## 3.1 Third\n\n## Demos\n');
		expect(headingsOf(html)).toEqual([
			'h2 id="vpc-flow-logs" data-topic-number="1" VPC Flow Logs',
			'h2 id="second" data-topic-number="12" Second',
			'h2 id="third" data-topic-number="3.1" Third',
			'h2 id="demos" Demos',
		]);
	});

	test('headings inside a quote or a list are not topics or sections: plain slugs, numbers kept', async () => {
		const html = await renderNote(
			'## 1. Topic\n\n> ## 2. Quoted\n>\n> ### quoted section\n\n- ### listed\n\n### summary\n\n- a\n\n### concepts\n\n- b\n',
		);
		expect(headingsOf(html)).toEqual([
			'h2 id="topic" data-topic-number="1" Topic',
			'h2 id="2-quoted" 2. Quoted',
			'h3 id="quoted-section" quoted section',
			'h3 id="listed" listed',
			'h3 id="topic-summary" summary',
			'h3 id="topic-concepts" concepts',
		]);
		// The quote and the list stand above the tabs, in the topic.
		expect(html.indexOf('<blockquote')).toBeLessThan(html.indexOf('<notes-tabs'));
	});

	test('prefixes section ids with their topic and de-duplicates them', async () => {
		const html = await renderNote(
			'## 1. VPC Flow Logs\n\n### concepts\n\n- a\n\n### flow logs\n\n- b\n\n## 2. VPC Flow Logs\n\n### concepts\n\n- c\n',
		);
		expect(html).toContain('id="vpc-flow-logs-concepts"');
		expect(html).toContain('id="vpc-flow-logs-flow-logs"');
		expect(html).toContain('id="vpc-flow-logs-1"');
		expect(html).toContain('id="vpc-flow-logs-1-concepts"');
	});

	test('lifts the first `#` title out of the body unless the front matter has a title', async () => {
		const source = '# My Title\n\n## 1. Topic\n\n- a\n';
		expect(await renderNote(source)).not.toContain('My Title');
		expect(await renderNote(source, { frontmatter: { title: 'Given' } })).toContain('<h1 id="my-title">My Title</h1>');
	});

	test('keeps an id the author wrote', async () => {
		const html = await renderNote('<h2 id="custom">Raw heading</h2>\n\n## 1. Topic\n');
		expect(html).toContain('id="topic"');
	});

	test('a heading with a ==highlight== keeps the id the catalogue gave it (the highlight does not take the heading\'s place)', async () => {
		const html = await renderNote('## 1. A ==marked== topic\n\n- a\n');
		expect(headingsOf(html)).toEqual(['h2 id="a-marked-topic" data-topic-number="1" A marked topic']);
		expect(selectAll('h2 mark', parseHtml(html, { fragment: true })).map(textOf)).toEqual(['marked']);
	});

	test('a footnote call is not in a heading\'s id; GitHub\'s anchor, which counts its number, lands on the heading too', async () => {
		const tree = parseHtml(await renderNote('## Foot[^a] note\n\ntext\n\n[^a]: the note\n'), { fragment: true });
		const heading = selectOne('h2:not(.sr-only)', tree);
		expect(heading.properties.id).toBe('foot-note');
		expect(selectAll('.heading-alias', heading).map((alias) => alias.properties.id)).toEqual(['foot1-note']);
	});

	test('a second run does not change the output', async () => {
		const source = '## 1. A\n\n### summary\n\n- x\n\n### concepts\n\n- y\n';
		expect(await renderNote(source)).toBe(await renderNote(source));
	});
});

describe('GitHub\'s anchors of headings', () => {
	const course = 'tests/fixtures/links-course';

	test('a heading whose id is not GitHub\'s anchor starts with a target of that anchor; one whose id is GitHub\'s has none', async () => {
		const source = readFileSync(path.join(projectRoot, course, '01-cloud/README.md'), 'utf8');
		const tree = parseHtml(await renderNote(source, { notesDir: course, name: '01-cloud/README.md', links: pipelineNotes(course) }), { fragment: true });
		const fundamentals = selectOne('h2:has(> .heading-alias#\\31 1-cloud-computing-fundamentals)', tree);
		expect(fundamentals.properties.id).toBe('cloud-computing-fundamentals');
		expect(fundamentals.children[0]).toMatchObject({ tagName: 'span', children: [] });
		expect(selectAll('.heading-alias', tree).map((alias) => alias.properties.id)).toEqual([
			'11-cloud-computing-fundamentals',
			'12-regions-and-zones',
			'13-costs----and-limits',
		]);
	});

	test('a heading holding a broken link gets the id the catalogue gave it: the hidden "(broken link)" is not in it', async () => {
		const vault = 'tests/fixtures/links-vault';
		const source = '## [[distributed systems - CQRS]]\n\ntext\n\n### [[Missing|Shown]] notes\n\nmore\n';
		const html = await renderNote(source, { notesDir: vault, name: 'cqrs-notes.md', links: pipelineNotes(vault) });
		const tree = parseHtml(html, { fragment: true });
		expect(selectAll('.link-broken', tree)).toHaveLength(2);
		expect(selectAll('h2, h3', tree).map((heading) => heading.properties.id)).toEqual(['distributed-systems---cqrs', 'distributed-systems---cqrs-shown-notes']);
	});
});

describe('a wikilink with a formula in its heading', () => {
	test('links to the heading, its text as written, not cut apart by the formula', async () => {
		const html = parseHtml(await renderNote('- [[#Calculate $D$|Calculate $D$]]\n\n## Calculate $D$\n\ntext\n'));
		const link = selectOne('li a', html);
		const heading = selectOne('h2', html);
		expect(link?.properties.href).toBe(`#${heading?.properties.id}`);
		expect(textOf(link!)).toBe('Calculate $D$');
	});
});
