import { FIGURES_FRONTMATTER_KEY } from '../../src/dom/figure.ts';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { markdownToHtml } from 'satteri';
import { describe, expect, test } from 'vitest';
import { DiagramCache, diagramBaseId, diagramKey, renderSettings, settingsDigest } from '../../src/diagrams/cache.ts';
import { finishSvg } from '../../src/diagrams/svg.ts';
import { DIAGRAM_CLIENT_FLAG } from '../../src/dom/diagram.ts';
import { remarkDiagrams } from '../../src/plugins/remark-diagrams.ts';
import { parseHtml, selectAll } from '../support/html.ts';

const digest = settingsDigest(renderSettings());
const FLOW = 'flowchart LR\n  A --> B';
const BROKEN = 'flowchart LR\n  A --> B\n  B -- --> {';
const MISSING = 'sequenceDiagram\n  A->>B: hi';

/** A cache holding what the batch pass would have stored for FLOW (drawn) and BROKEN (rejected). */
function filledCache(): DiagramCache {
	const cache = new DiagramCache(mkdtempSync(path.join(tmpdir(), 'remark-diagrams-')));
	const key = diagramKey(FLOW, digest);
	const base = diagramBaseId(key);
	const svg = (theme: string) =>
		finishSvg(
			`<svg id="${base}-${theme}" width="100%" viewBox="0 0 200 50" style="max-width: 200px;" role="graphics-document document"><style>#${base}-${theme}{fill:${theme === 'light' ? '#000' : '#fff'};}</style><g id="root-0"><text>A</text></g><use href="#root-0"/></svg>`,
			`${base}-${theme}`,
		).svg;
	cache.write(key, {
		status: 'rendered',
		type: 'flowchart-v2',
		label: 'Flowchart: A, B',
		titled: false,
		width: 200,
		height: 50,
		svg: { light: svg('light'), dark: svg('dark') },
	});
	cache.write(diagramKey(BROKEN, digest), {
		status: 'error',
		message: "Parse error on line 3:\n... B -- --> {\n------^\nExpecting 'STR', got 'LINK'",
		line: 3,
	});
	return cache;
}

async function render(markdown: string, options: { mode?: 'build' | 'client' } = {}) {
	const cache = filledCache();
	const frontmatter: Record<string, unknown> = {};
	const { html } = await markdownToHtml(markdown, {
		mdastPlugins: [remarkDiagrams({ cache, digest, mode: options.mode })],
		data: { astro: { frontmatter, headings: [], localImagePaths: new Set(), remoteImagePaths: new Set() } },
	});
	return { html: html.trim(), frontmatter };
}

const fence = (code: string) => `\`\`\`mermaid\n${code}\n\`\`\`\n`;
/** Every id of `html`, in document order. */
const ids = (html: string) => selectAll('[id]', parseHtml(html, { fragment: true })).map((element) => String(element.properties.id));

describe('remark-diagrams', () => {
	test('a cached diagram becomes inline SVG in both themes, and the page needs no diagram script', async () => {
		const { html, frontmatter } = await render(`# Note\n\n${fence(FLOW)}`);
		const base = diagramBaseId(diagramKey(FLOW, digest));
		expect(html).toContain(
			`<figure class="diagram" data-diagram="flowchart-v2" data-diagram-render="build"><notes-figure class="figure__media diagram__media"><div class="diagram__frame" role="group" tabindex="0" aria-label="Flowchart: A, B" data-figure-zoom-target="diagram">`,
		);
		// It zooms in the figure dialog images use: the page loads that script, not mermaid.
		expect(html).toContain('<button type="button" class="figure__zoom" aria-haspopup="dialog" aria-label="Enlarge diagram: Flowchart: A, B" hidden>');
		expect(frontmatter[FIGURES_FRONTMATTER_KEY]).toBe(1);
		// No accTitle: each SVG is named by aria-label.
		expect(html).toContain(`<svg id="${base}-light" width="200" viewBox="0 0 200 50" role="img" height="50" aria-label="Flowchart: A, B" data-diagram-theme="light">`);
		expect(html).toContain(`<svg id="${base}-dark" width="200" viewBox="0 0 200 50" role="img" height="50" aria-label="Flowchart: A, B" data-diagram-theme="dark" data-pagefind-ignore="all">`);
		expect(html).not.toContain('notes-diagram');
		expect(frontmatter[DIAGRAM_CLIENT_FLAG]).toBeUndefined();
	});

	test('the same diagram twice on a page gets its own ids, styles and references each time', async () => {
		const { html } = await render(`${fence(FLOW)}\n${fence(FLOW)}`);
		const all = ids(html);
		expect(all).toHaveLength(8);
		expect(new Set(all).size).toBe(8);
		const base = diagramBaseId(diagramKey(FLOW, digest));
		expect(html).toContain(`#${base}-2-dark{fill:#fff;}`);
		expect(html).toContain(`href="#${base}-2-light-root-0"`);
	});

	test('a diagram mermaid rejected shows a visible error box with the message and the source', async () => {
		const { html, frontmatter } = await render(fence(BROKEN));
		expect(html).toBe(
			'<figure class="diagram diagram--error" data-diagram-render="error"><figcaption class="diagram__error"><strong>This diagram could not be drawn.</strong> Parse error on line 3: Expecting \'STR\', got \'LINK\'</figcaption><pre class="diagram__source">flowchart LR\n  A --&gt; B\n  B -- --&gt; {</pre></figure>',
		);
		expect(frontmatter[DIAGRAM_CLIENT_FLAG]).toBeUndefined();
	});

	test('a diagram the cache lacks keeps its source for the browser, and flags the page for the script', async () => {
		const { html, frontmatter } = await render(fence(MISSING));
		const base = diagramBaseId(diagramKey(MISSING, digest));
		expect(html).toBe(
			`<figure class="diagram" data-diagram-render="browser"><notes-diagram class="diagram__frame" role="group" tabindex="0" aria-label="Diagram" data-diagram-id="${base}"><pre class="diagram__source">sequenceDiagram\n  A-&gt;&gt;B: hi</pre></notes-diagram></figure>`,
		);
		expect(frontmatter[DIAGRAM_CLIENT_FLAG]).toBe(true);
	});

	test('client mode draws every diagram in the browser, even a cached one', async () => {
		const { html, frontmatter } = await render(fence(FLOW), { mode: 'client' });
		expect(html).toContain('<notes-diagram');
		expect(html).not.toContain('<svg');
		expect(frontmatter[DIAGRAM_CLIENT_FLAG]).toBe(true);
	});

	test('leaves other code blocks alone', async () => {
		const { html } = await render('```js\nconst mermaid = 1;\n```\n');
		expect(html).toBe('<pre><code class="language-js">const mermaid = 1;\n</code></pre>');
	});

	test('a second run gives the same output', async () => {
		const source = `${fence(FLOW)}\n${fence(MISSING)}\n${fence(FLOW)}`;
		expect((await render(source)).html).toBe((await render(source)).html);
	});
});
