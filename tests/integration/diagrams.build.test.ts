import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Element, Root } from 'hast';
import { beforeAll, describe, expect, test } from 'vitest';
import { MERMAID_ENTRY, MERMAID_FOLDER } from '../../src/diagrams/mermaid-files.ts';
import { buildSite, builtSite, fixturePath, testRunFolder, type BuiltSite } from '../support/build.ts';
import { classesOf, parseHtml, rawTextOf, selectAll, selectOne, textNodesOf, textOf } from '../support/html.ts';
import { describeInBrowser } from '../support/page-checks.ts';

const FIXTURE = fixturePath('diagrams-cases');
const NOTE = 'tests/fixtures/diagrams-cases';

/** The page's diagram figures (drawn, left to the browser, or failed), in order. */
const figures = (html: string) => selectAll('figure.diagram', parseHtml(html));
/** Every id of the page, in order. */
const ids = (html: string) => selectAll('[id]', parseHtml(html)).map((element) => String(element.properties.id));
/** Script elements whose attributes or code are about diagrams, minus the site's own theme/tabs/page scripts. */
const diagramScripts = (html: string) =>
	selectAll('script', parseHtml(html)).filter((script) =>
		[...Object.values(script.properties).map(String), rawTextOf(script)].some((text) => /mermaid|notes-diagram|DiagramScript/i.test(text)),
	);
/** The `<script type="module" src="…DiagramScript…"></script>` elements of a page: the browser's diagram code. */
const diagramScriptTags = (html: string) =>
	selectAll('script[src*="DiagramScript"]', parseHtml(html)).map((script) => ({ ...script.properties, empty: script.children.length === 0 }));
/** The properties of a figure drawn at build time: class `diagram`, its kind, and nothing else. */
const drawnFigure = (kind: string | RegExp) => ({
	className: ['diagram'],
	dataDiagram: typeof kind === 'string' ? kind : expect.stringMatching(kind),
	dataDiagramRender: 'build',
});
/** `node` with every string in it (attributes, text, the CSS of `<style>`) having `from` replaced by `to`. */
const renamed = <T extends Element | Root>(node: T, from: string, to: string): T => JSON.parse(JSON.stringify(node).replaceAll(from, to)) as T;

describeInBrowser('diagrams rendered at build time', () => {
	let site: BuiltSite;
	beforeAll(() => {
		site = builtSite(FIXTURE, { diagramsCache: 'diagrams-cases' });
	});

	test('the build succeeds and says how many diagrams it rendered', () => {
		expect(site.exitCode, site.output).toBe(0);
		expect(site.output).toMatch(/Diagrams: 10 rendered in [\d.]+ s \(\d+ ms each\), 0 from the cache\./);
		expect(readdirSync(path.join(testRunFolder(), 'diagram-caches/diagrams-cases')).filter((file) => file.endsWith('.json'))).toHaveLength(10);
		// The one diagram whose code is computed in MDX is drawn in the browser: mermaid is shipped for it.
		expect(existsSync(path.join(site.dist, MERMAID_FOLDER, MERMAID_ENTRY))).toBe(true);
	});

	test.each(['flowchart', 'sequence', 'architecture'])('%s: inline SVG in both themes, and no diagram script', (slug) => {
		const html = site.page(`${slug}/index.html`);
		const all = figures(html);
		expect(all).toHaveLength(1);
		const [figure] = all;
		expect(figure.properties).toEqual(drawnFigure(/^[\w-]+$/));
		// One SVG per theme, ids from one base, each an image.
		const svgs = selectAll('svg[data-diagram-theme]', figure).map(({ properties: { id, role, dataDiagramTheme } }) => ({ id, role, dataDiagramTheme }));
		expect(svgs).toEqual([
			{ id: expect.stringMatching(/^dg-[0-9a-f]{10}-light$/), role: 'img', dataDiagramTheme: 'light' },
			{ id: expect.stringMatching(/^dg-[0-9a-f]{10}-dark$/), role: 'img', dataDiagramTheme: 'dark' },
		]);
		expect(String(svgs[1].id).replace(/-dark$/, '')).toBe(String(svgs[0].id).replace(/-light$/, ''));
		expect(selectAll('notes-diagram', parseHtml(html))).toEqual([]);
		expect(diagramScripts(html)).toEqual([]);
	});

	test('accTitle and accDescr name and describe the SVG; without them the figure still has a label', () => {
		const [flowchart] = figures(site.page('flowchart/index.html'));
		expect(selectOne('.diagram__frame', flowchart).properties.ariaLabel).toBe('How a packet leaves a private subnet');
		for (const theme of ['light', 'dark']) {
			const svg = selectOne(`svg[data-diagram-theme="${theme}"]`, flowchart);
			const id = String(svg.properties.id);
			expect(id).toMatch(new RegExp(`^dg-[0-9a-f]{10}-${theme}$`));
			expect(svg.properties.ariaLabelledBy).toEqual([`chart-title-${id}`]);
			expect(svg.properties.ariaDescribedBy).toEqual([`chart-desc-${id}`]);
			// The ids name the SVG's own title and description.
			expect(textOf(selectOne(`title[id="chart-title-${id}"]`, svg))).toBe('How a packet leaves a private subnet');
			expect(textOf(selectOne(`desc[id="chart-desc-${id}"]`, svg))).toBe('The instance sends to the NAT gateway, which sends to the internet gateway.');
		}
		const [sequence] = figures(site.page('sequence/index.html'));
		expect(selectOne('.diagram__frame', sequence).properties.ariaLabel).toBe('Sequence diagram: Instance, Bob, ICMP echo request, ICMP echo reply');
	});

	test('architecture-beta draws the logos AWS icons and mermaid\'s own ones', () => {
		const [figure] = figures(site.page('architecture/index.html'));
		expect(figure.properties.dataDiagram).toBe('architecture');
		// Each service's icon is drawn as SVG (no "?" placeholder): EC2's chip, S3's bucket, CloudWatch's magnifier…
		const texts = textNodesOf(figure);
		for (const label of ['Instance', 'Bucket', 'CloudWatch', 'Internet', 'VPC']) expect(texts).toContain(label);
		const icons = selectAll('[id]', figure).filter((element) => /^dg-[0-9a-f]{10}-light-icon-\d+$/.test(String(element.properties.id)));
		expect(icons.length).toBeGreaterThanOrEqual(4);
		expect(texts).not.toContain('?');
	});

	test('several diagrams on one page, the same one twice included, never share an id', () => {
		const html = site.page('two-diagrams/index.html');
		expect(figures(html)).toHaveLength(3);
		const all = ids(html);
		expect(all.length).toBeGreaterThan(30);
		expect(all.filter((id, index) => all.indexOf(id) !== index)).toEqual([]);
		const [first, second] = figures(html);
		const base = String(selectOne('svg[data-diagram-theme="light"]', first).properties.id).replace(/-light$/, '');
		expect(base).toMatch(/^dg-[0-9a-f]{10}$/);
		expect(selectOne('svg[data-diagram-theme="light"]', second).properties.id).toBe(`${base}-2-light`);
		expect(renamed(second, `${base}-2`, base)).toEqual(first);
	});

	test('an invalid diagram: the page shows the error and the source; the report names file and line', () => {
		const html = site.page('invalid/index.html');
		const all = figures(html);
		expect(all).toHaveLength(1);
		const [figure] = all;
		expect(figure.properties).toEqual({ className: ['diagram', 'diagram--error'], dataDiagramRender: 'error' });
		// The figure opens with its caption, which opens with the sentence in bold, then mermaid's message.
		const caption = figure.children[0] as Element;
		expect([caption.tagName, classesOf(caption)]).toEqual(['figcaption', ['diagram__error']]);
		const strong = caption.children[0] as Element;
		expect([strong.tagName, textOf(strong)]).toEqual(['strong', 'This diagram could not be drawn.']);
		expect(rawTextOf(caption)).toMatch(/^This diagram could not be drawn\. Parse error on line 3:/);
		expect(rawTextOf(selectOne('pre', figure))).toMatch(/B -- --> \{$/);
		expect(selectAll('p', parseHtml(html)).map(textOf)).toContain('Text after: the page still builds.');
		expect(site.output).toContain(`${NOTE}/invalid.md:5:1  mermaid diagram could not be drawn (at line 8): Parse error on line 3: Expecting`);
		expect(site.output).toContain(`${NOTE}/unknown-icon.md:3:1  unknown icon "logos:aws-not-an-icon"`);
		expect(site.output).toMatch(/2 problems in the notes \(1 invalid diagram, 1 unknown diagram icon\)/);
	});

	test('a <Diagram> in MDX gives exactly the markup of the same ```mermaid fence in Markdown', () => {
		const [md] = figures(site.page('same-md/index.html'));
		const [mdx] = figures(site.page('same-mdx/index.html'));
		expect(selectOne('.diagram__frame', md).properties.ariaLabel).toBe('Same diagram');
		expect(mdx).toEqual(md);
		const component = figures(site.page('component/index.html'));
		expect(component.map((figure) => figure.properties)).toEqual([drawnFigure('flowchart-v2'), drawnFigure('sequence')]);
	});

	test('a <Diagram> whose code is computed falls back to the browser, and only its page loads the script', () => {
		const html = site.page('dynamic/index.html');
		const source = selectOne('figure.diagram pre.diagram__source', parseHtml(html));
		expect(source.children.map((child) => child.type)).toEqual(['text']);
		expect(rawTextOf(source)).toBe('flowchart LR\n  VPC --> S3 & DynamoDB');
		expect(diagramScriptTags(html)).toEqual([{ type: 'module', src: expect.any(String), empty: true }]);
		expect(diagramScripts(site.page('component/index.html'))).toEqual([]);
	});

	test('a computed diagram may name any icon: the whole logos pack ships in a chunk of its own, fetched when a diagram asks for it', () => {
		const folder = path.join(site.dist, '_astro');
		const chunks = readdirSync(folder).filter((file) => file.endsWith('.js'));
		// No note names `logos:linux-tux`: only the whole pack holds it.
		const packs = chunks.filter((file) => readFileSync(path.join(folder, file), 'utf8').includes('"linux-tux"'));
		expect(packs).toHaveLength(1);
		const entry = String(diagramScriptTags(site.page('dynamic/index.html'))[0].src);
		expect(path.basename(entry)).not.toBe(packs[0]);
	});

	describe('a second build', () => {
		let second: BuiltSite;
		beforeAll(() => {
			// A Chromium that does not exist: the second build must not need one.
			second = builtSite(FIXTURE, { diagramsCache: 'diagrams-cases', env: { CHROMIUM_PATH: '/nonexistent/chromium' } });
		});

		test('takes every diagram from the cache, launches no browser, and gives the same pages', () => {
			expect(second.exitCode, second.output).toBe(0);
			expect(second.output).toContain('Diagrams: 0 rendered, 10 from the cache.');
			expect(second.output).not.toContain('No Chrome or Chromium found');
			for (const slug of ['flowchart', 'architecture', 'two-diagrams', 'invalid']) {
				const again = figures(second.page(`${slug}/index.html`));
				expect(again.length, slug).toBeGreaterThan(0);
				expect(again, slug).toEqual(figures(site.page(`${slug}/index.html`)));
			}
		});
	});

	describe('strict mode', () => {
		let strict: BuiltSite;
		beforeAll(() => {
			strict = builtSite(FIXTURE, { diagramsCache: 'diagrams-cases', env: { NOTES_STRICT: '1' } });
		});

		test('fails the build after listing every problem', () => {
			expect(strict.exitCode).not.toBe(0);
			expect(strict.output).toContain('Strict mode (NOTES_STRICT=1)');
			expect(strict.output).toContain(`${NOTE}/invalid.md:5:1  mermaid diagram could not be drawn`);
			expect(strict.output).toContain(`${NOTE}/unknown-icon.md:3:1  unknown icon`);
		});
	});
});

describeInBrowser('diagrams over mermaid\'s limits', () => {
	let site: BuiltSite;
	let notes: string;
	beforeAll(() => {
		notes = mkdtempSync(path.join(testRunFolder(), 'diagram-limits-'));
		const nodes = Array.from({ length: 2000 }, (_, i) => `  n${i}[Service number ${i} of the platform] --> n${i + 1}`);
		writeFileSync(path.join(notes, 'huge.md'), `# Huge\n\n\`\`\`mermaid\nflowchart LR\n${nodes.join('\n')}\n\`\`\`\n\nText after.\n`);
		const edges = Array.from({ length: 501 }, (_, i) => `  a${i} --> a${i + 1}`);
		writeFileSync(path.join(notes, 'edges.md'), `# Edges\n\n\`\`\`mermaid\nflowchart LR\n${edges.join('\n')}\n\`\`\`\n`);
		site = buildSite(notes);
	});

	test('are reported with file and line, and the page shows why and the source, not mermaid\'s placeholder', () => {
		expect(site.exitCode, site.output).toBe(0);
		expect(site.output).toContain(`${path.join(notes, 'huge.md')}:3:1  mermaid diagram could not be drawn: the diagram is`);
		expect(site.output).toMatch(new RegExp(`${path.join(notes, 'edges.md')}:3:1  mermaid diagram could not be drawn.*Edge limit exceeded`));
		const html = site.page('huge/index.html');
		expect(html).toContain('mermaid draws diagrams of at most 50,000');
		expect(html).not.toContain('Maximum text size in diagram exceeded');
		expect(selectAll('p', parseHtml(html)).map(textOf)).toContain('Text after.');
	});
});

describeInBrowser('a diagram opened on an ordered-list line, the only diagram of its site', () => {
	let site: BuiltSite;
	beforeAll(() => {
		site = builtSite(fixturePath('diagrams-in-list'), { diagramsCache: 'diagrams-in-list' });
	});

	test('is drawn at build time, like any other (no regex decides which notes are read)', () => {
		expect(site.exitCode, site.output).toBe(0);
		expect(site.output).toMatch(/Diagrams: 1 rendered in/);
		const html = site.page('steps/index.html');
		expect(figures(html).map((figure) => figure.properties)).toEqual([drawnFigure('flowchart-v2')]);
		expect(selectAll('svg[data-diagram-theme]', figures(html)[0])).toHaveLength(2);
		expect(selectAll('notes-diagram', parseHtml(html))).toEqual([]);
		expect(existsSync(path.join(site.dist, MERMAID_FOLDER))).toBe(false);
	});
});

describe('diagrams drawn in the browser', () => {
	describe('NOTES_DIAGRAMS=client', () => {
		let site: BuiltSite;
		beforeAll(() => {
			site = builtSite(FIXTURE, { diagramsCache: 'diagrams-cases-client', env: { NOTES_DIAGRAMS: 'client' } });
		});

		test('says so once, and each page keeps the source in notes-diagram and loads its script', () => {
			expect(site.exitCode, site.output).toBe(0);
			expect(site.output.match(/NOTES_DIAGRAMS=client: diagrams are drawn in the reader's browser\./g)).toHaveLength(1);
			const html = site.page('flowchart/index.html');
			const all = figures(html);
			expect(all).toHaveLength(1);
			const [figure] = all;
			expect(figure.properties).toEqual({ className: ['diagram'], dataDiagramRender: 'browser' });
			// The figure's first child is the element the browser draws in, holding the source.
			const frame = figure.children[0] as Element;
			expect(frame.tagName).toBe('notes-diagram');
			expect(frame.properties).toEqual({
				className: ['diagram__frame'],
				role: 'group',
				tabIndex: 0,
				ariaLabel: 'Diagram',
				dataDiagramId: expect.stringMatching(/^dg-[0-9a-f]{10}$/),
			});
			expect(rawTextOf(selectOne('pre.diagram__source', frame))).toMatch(/^flowchart LR\n  accTitle: How a packet leaves a private subnet\n/);
			expect(selectAll('svg', figure)).toEqual([]);
			expect(selectAll('svg[id^="dg-"]', parseHtml(html))).toEqual([]);
			expect(diagramScriptTags(html)).toEqual([{ type: 'module', src: expect.any(String), empty: true }]);
			expect(site.output).toContain('Mermaid copied for diagrams drawn in the browser.');
			expect(existsSync(path.join(site.dist, MERMAID_FOLDER, MERMAID_ENTRY))).toBe(true);
		});

		test('the page without diagrams does not load the diagram script', () => {
			expect(diagramScripts(site.page('index.html'))).toEqual([]);
		});
	});

	describe('no browser and an empty cache', () => {
		let site: BuiltSite;
		beforeAll(() => {
			site = builtSite(FIXTURE, { diagramsCache: 'diagrams-cases-no-browser', env: { CHROMIUM_PATH: '/nonexistent/chromium' } });
		});

		test('the build says so once and falls back to the browser for every diagram', () => {
			expect(site.exitCode, site.output).toBe(0);
			expect(site.output.match(/No Chrome or Chromium found/g)).toHaveLength(1);
			expect(site.output).toContain('CHROMIUM_PATH=/nonexistent/chromium');
			expect(site.output).toContain("Diagrams: 0 rendered, 0 from the cache, 10 left to the reader's browser.");
			const html = site.page('architecture/index.html');
			expect(figures(html).map((figure) => [figure.properties.dataDiagramRender, (figure.children[0] as Element).tagName])).toEqual([['browser', 'notes-diagram']]);
			expect(diagramScriptTags(html)).toEqual([{ type: 'module', src: expect.stringMatching(/DiagramScript[^/]*\.js$/), empty: true }]);
		});
	});
});
