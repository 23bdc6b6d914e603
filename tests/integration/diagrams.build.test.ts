import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { MERMAID_ENTRY, MERMAID_FOLDER } from '../../src/diagrams/mermaid-files.ts';
import { decodeEntities } from '../../src/diagrams/svg.ts';
import { buildSite, builtSite, fixturePath, testRunFolder, type BuiltSite } from '../support/build.ts';
import { describeInBrowser } from '../support/page-checks.ts';

const FIXTURE = fixturePath('diagrams-cases');
const NOTE = 'tests/fixtures/diagrams-cases';

const figures = (html: string) => [...html.matchAll(/<figure class="diagram[^"]*"[\s\S]*?<\/figure>/g)].map((m) => m[0]);
const ids = (html: string) => [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
/** Script elements that load code (module src or inline module), minus the site's own theme/tabs/page scripts. */
const diagramScripts = (html: string) =>
	[...html.matchAll(/<script\b[^>]*>[\s\S]*?<\/script>/g)].map((m) => m[0]).filter((s) => /mermaid|notes-diagram|DiagramScript/i.test(s));

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
		const [figure] = figures(html);
		expect(figure).toMatch(/^<figure class="diagram" data-diagram="[\w-]+" data-diagram-render="build">/);
		expect(figure.match(/<svg id="dg-[0-9a-f]{10}-light"[^>]* role="img"[^>]* data-diagram-theme="light"/g)).toHaveLength(1);
		expect(figure.match(/<svg id="dg-[0-9a-f]{10}-dark"[^>]* role="img"[^>]* data-diagram-theme="dark"/g)).toHaveLength(1);
		expect(html).not.toContain('<notes-diagram');
		expect(diagramScripts(html)).toEqual([]);
	});

	test('accTitle and accDescr name and describe the SVG; without them the figure still has a label', () => {
		const flowchart = site.page('flowchart/index.html');
		expect(flowchart).toContain('aria-label="How a packet leaves a private subnet"');
		const svg = /<svg id="(dg-[0-9a-f]{10}-light)"[^>]*>/.exec(flowchart)!;
		expect(svg[0]).toContain(`aria-labelledby="chart-title-${svg[1]}"`);
		expect(svg[0]).toContain(`aria-describedby="chart-desc-${svg[1]}"`);
		expect(flowchart).toContain('>The instance sends to the NAT gateway, which sends to the internet gateway.</desc>');
		expect(site.page('sequence/index.html')).toContain('aria-label="Sequence diagram: Instance, Bob, ICMP echo request, ICMP echo reply"');
	});

	test('architecture-beta draws the logos AWS icons and mermaid\'s own ones', () => {
		const [figure] = figures(site.page('architecture/index.html'));
		expect(figure).toContain('data-diagram="architecture"');
		// Each service's icon is drawn as SVG (no "?" placeholder): EC2's chip, S3's bucket, CloudWatch's magnifier…
		for (const label of ['Instance', 'Bucket', 'CloudWatch', 'Internet', 'VPC']) expect(figure).toContain(`>${label}<`);
		expect(figure.match(/id="dg-[0-9a-f]{10}-light-icon-\d+"/g)?.length).toBeGreaterThanOrEqual(4);
		expect(figure).not.toMatch(/>\?</);
	});

	test('several diagrams on one page, the same one twice included, never share an id', () => {
		const html = site.page('two-diagrams/index.html');
		expect(figures(html)).toHaveLength(3);
		const all = ids(html);
		expect(all.length).toBeGreaterThan(30);
		expect(all.filter((id, index) => all.indexOf(id) !== index)).toEqual([]);
		const [first, second] = figures(html);
		const base = /id="(dg-[0-9a-f]{10})-light"/.exec(first)![1];
		expect(second).toContain(`id="${base}-2-light"`);
		expect(second.replaceAll(`${base}-2`, base)).toBe(first);
	});

	test('an invalid diagram: the page shows the error and the source; the report names file and line', () => {
		const html = site.page('invalid/index.html');
		expect(html).toContain('<figure class="diagram diagram--error" data-diagram-render="error"><figcaption class="diagram__error"><strong>This diagram could not be drawn.</strong> Parse error on line 3:');
		expect(html).toContain('B -- --&gt; {</pre>');
		expect(html).toContain('<p>Text after: the page still builds.</p>');
		expect(site.output).toContain(`${NOTE}/invalid.md:5:1  mermaid diagram could not be drawn (at line 8): Parse error on line 3: Expecting`);
		expect(site.output).toContain(`${NOTE}/unknown-icon.md:3:1  unknown icon "logos:aws-not-an-icon"`);
		expect(site.output).toMatch(/2 problems in the notes \(1 invalid diagram, 1 unknown diagram icon\)/);
	});

	test('a <Diagram> in MDX gives exactly the markup of the same ```mermaid fence in Markdown', () => {
		const [md] = figures(site.page('same-md/index.html'));
		const [mdx] = figures(site.page('same-mdx/index.html'));
		expect(md).toContain('aria-label="Same diagram"');
		expect(mdx).toBe(md);
		const component = figures(site.page('component/index.html'));
		expect(component.map((figure) => /data-diagram="([\w-]+)"/.exec(figure)?.[1])).toEqual(['flowchart-v2', 'sequence']);
	});

	test('a <Diagram> whose code is computed falls back to the browser, and only its page loads the script', () => {
		const html = site.page('dynamic/index.html');
		const source = /<pre class="diagram__source">([^<]*)<\/pre>/.exec(html)?.[1];
		expect(decodeEntities(source ?? '')).toBe('flowchart LR\n  VPC --> S3 & DynamoDB');
		expect(html).toMatch(/<script type="module" src="[^"]*DiagramScript[^"]*"><\/script>/);
		expect(diagramScripts(site.page('component/index.html'))).toEqual([]);
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
				expect(figures(second.page(`${slug}/index.html`))).toEqual(figures(site.page(`${slug}/index.html`)));
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
		expect(html).toContain('<p>Text after.</p>');
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
		expect(figures(html)).toHaveLength(1);
		expect(figures(html)[0]).toMatch(/^<figure class="diagram" data-diagram="flowchart-v2" data-diagram-render="build">/);
		expect(html).not.toContain('<notes-diagram');
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
			expect(html).toMatch(/<figure class="diagram" data-diagram-render="browser"><notes-diagram class="diagram__frame" role="group" tabindex="0" aria-label="Diagram" data-diagram-id="dg-[0-9a-f]{10}">/);
			expect(html).toContain('flowchart LR\n  accTitle: How a packet leaves a private subnet');
			expect(html).not.toContain('<svg id="dg-');
			expect(html).toMatch(/<script type="module" src="[^"]*DiagramScript[^"]*"><\/script>/);
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
			expect(site.page('architecture/index.html')).toContain('<notes-diagram');
			expect(site.page('architecture/index.html')).toMatch(/DiagramScript[^"]*\.js/);
		});
	});
});
