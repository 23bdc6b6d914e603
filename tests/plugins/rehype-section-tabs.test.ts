import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { TABS_TAG } from '../../src/dom/tabs.ts';
import { TOPIC_EMPTY_TEXT } from '../../src/dom/topic.ts';
import { projectRoot, SHIPPED_NOTES } from '../support/build.ts';
import { parseHtml, selectAll, selectOne, textOf } from '../support/html.ts';
import { renderNote } from '../support/render.ts';

const seed = readFileSync(path.join(projectRoot, SHIPPED_NOTES, 'advanced-vpc-networking.md'), 'utf8');

/** The tab labels of each topic, `[]` for a topic without a tab bar. */
function tabsByTopic(html: string): Record<string, string[]> {
	const topics = selectAll('section.topic', parseHtml(html, { fragment: true }));
	return Object.fromEntries(topics.map((topic) => [selectOne('h2', topic).properties.id, selectAll('.tabs__list button', topic).map(textOf)]));
}

describe('rehype-section-tabs on the real seed notes', () => {
	test('every topic becomes a section; non-empty sections become tabs in source order', async () => {
		const html = await renderNote(seed, { frontmatter: { title: 'Advanced VPC Networking' } });
		expect(tabsByTopic(html)).toEqual({
			'vpc-flow-logs': ['Summary', 'Concepts', 'Flow logs', 'Architecture'],
			'egress-only-internet-gateway': ['Summary', 'Concepts', 'Architecture'],
			'vpc-endpoints-gateway': ['Summary', 'Concepts', 'Architecture'],
			'vpc-endpoints-interface': [],
			demos: [],
			'vpc-peering': [],
			demo: [],
		});
	});

	test('topics whose sections are all empty say "No notes yet" once, and keep no empty heading', async () => {
		const html = await renderNote(seed, { frontmatter: { title: 'Advanced VPC Networking' } });
		// Demos and Demo: the interface endpoint and peering topics now have their architecture diagrams.
		expect(html.split(TOPIC_EMPTY_TEXT).length - 1).toBe(2);
		expect(selectAll('h1:blank, h2:blank, h3:blank, h4:blank, h5:blank, h6:blank', parseHtml(html, { fragment: true }))).toEqual([]);
		expect(html).not.toContain('id="vpc-endpoints-interface-summary"');
	});

	test('keeps every note word: the text of each non-empty section is on the page', async () => {
		const html = await renderNote(seed);
		for (const phrase of ['prefix lists', 'packet sniffer', 'NAT doesn’t work with IPv6', 'leaky buckets']) {
			expect(html).toContain(phrase);
		}
	});
});

describe('rehype-section-tabs cases', () => {
	test('renders the tab contract: tab list hidden until JavaScript, panels plain and visible, ARIA left to the script', async () => {
		const html = await renderNote('## 1. Topic\n\n### summary\n\n- a\n\n### concepts\n\n- b\n');
		expect(html).toMatchInlineSnapshot(`
			"<section class="topic" aria-labelledby="topic"><h2 id="topic" data-topic-number="1"><span class="heading-alias" id="1-topic"></span>Topic</h2><notes-tabs class="tabs"><div class="tabs__list" hidden data-pagefind-ignore="all"><button type="button">Summary</button><button type="button">Concepts</button></div><div class="tabs__panel"><h3 id="topic-summary"><span class="heading-alias" id="summary"></span>summary</h3><notes-card class="card card--summary" data-card="eSPyO5x_Ad7u">
			<ul>
			<li>a</li>
			</ul>
			</notes-card></div><div class="tabs__panel"><h3 id="topic-concepts"><span class="heading-alias" id="concepts"></span>concepts</h3>
			<ul>
			<li>b</li>
			</ul></div></notes-tabs></section>
			"
		`);
	});

	test('text between the topic heading and its first ### stands above the tabs', async () => {
		const html = await renderNote('## 1. Topic\n\nIntro.\n\n### summary\n\n- a\n\n### concepts\n\n- b\n');
		expect(html.indexOf('Intro.')).toBeLessThan(html.indexOf(`<${TABS_TAG}`));
		expect(html.indexOf('Intro.')).toBeGreaterThan(html.indexOf('<h2'));
	});

	test('one non-empty section is shown without a tab bar', async () => {
		const html = await renderNote('## 1. Topic\n\n### Summary\n\n- only\n\n### concepts\n\n### architecture\n');
		expect(html).not.toContain(TABS_TAG);
		expect(html).toContain('<h3 id="topic-summary"><span class="heading-alias" id="summary"></span>Summary</h3>');
		expect(html).not.toContain('concepts');
	});

	test('`### Summary` and `### summary` get the same capitalised label', async () => {
		const html = await renderNote('## A\n\n### Summary\n\n- x\n\n### more concepts\n\n- y\n');
		expect(selectAll('.tabs__list button', parseHtml(html, { fragment: true })).map(textOf)).toEqual(['Summary', 'More concepts']);
	});

	test('an unnumbered topic is a topic too', async () => {
		const html = await renderNote('## Demos\n\n#\n\n### summary\n\n- demo\n');
		expect(html).toContain('<section class="topic" aria-labelledby="demos"><h2 id="demos">Demos</h2>');
	});

	test('a topic with only intro text shows it, without "No notes yet"', async () => {
		const html = await renderNote('## Topic\n\nJust a paragraph.\n\n### summary\n');
		expect(html).toContain('Just a paragraph.');
		expect(html).not.toContain(TOPIC_EMPTY_TEXT);
	});

	test('in a map of content (no topic has ### sections) a ## heading with nothing under it is a plain heading, not "No notes yet"', async () => {
		const html = await renderNote('## Networking\n\n## Security\n\n## Reading\n\n- a book\n');
		expect(html).not.toContain(TOPIC_EMPTY_TEXT);
		expect(selectAll('h2', parseHtml(html, { fragment: true })).map(textOf)).toEqual(['Networking', 'Security', 'Reading']);
	});

	test('a topic whose tabs would not fit stands stacked: its sections as written, under links to them, and no tab group', async () => {
		const labels = ['summary', 'lexical analysis', 'parsing', 'semantic analysis', 'code generation', 'optimisation', 'runtime'];
		const html = await renderNote(`## 1. Compilers\n\n${labels.map((label) => `### ${label}\n\n- on ${label}\n`).join('\n')}`);
		const tree = parseHtml(html, { fragment: true });
		expect(html).not.toContain(TABS_TAG);
		expect(selectAll('.sections-index a', tree).map((link) => [link.properties.href, textOf(link)])).toEqual(
			labels.map((label) => [`#compilers-${label.replaceAll(' ', '-')}`, label.charAt(0).toUpperCase() + label.slice(1)]),
		);
		expect(selectAll('section.topic > h3', tree).map(textOf)).toEqual(labels);
		// The summary is still the topic's card.
		expect(selectAll('section.topic > notes-card.card--summary', tree)).toHaveLength(1);
		expect(html.slice(html.indexOf('<ul class="sections-index"'), html.indexOf('</li>') + 5)).toMatchInlineSnapshot(`"<ul class="sections-index" aria-label="Sections" data-pagefind-ignore="all"><li><a href="#compilers-summary">Summary</a></li>"`);
	});

	test('content before the first topic is left as it is', async () => {
		const html = await renderNote('Preface.\n\n### loose section\n\n## Topic\n\n- a\n');
		expect(html.startsWith('<p>Preface.</p>')).toBe(true);
		expect(html).toContain('<h3 id="loose-section">loose section</h3>');
	});
});
