// Build-time cost of diagrams, per diagram: rendered cold (one Chromium for the batch), taken from
// the cache, and turned into page markup by the Markdown plugin.
//   node tests/bench/diagrams.ts [count]        (default 12: flowcharts, sequences, architecture-beta)
// Prints a table and writes tests/bench/results-diagrams.json.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DiagramCache, renderSettings, settingsDigest } from '../../src/diagrams/cache.ts';
import { findChromium } from '../../src/diagrams/chromium.ts';
import { diagramMarkup } from '../../src/diagrams/markup.ts';
import { prepareDiagrams } from '../../src/diagrams/prepare.ts';
import { DiagramRenderer } from '../../src/diagrams/renderer.ts';
import type { DiagramNote } from '../../src/diagrams/prepare.ts';
import { readNoteContents } from '../../src/notes/note-tree.ts';

const count = Number(process.argv[2] ?? 12);
const chromium = findChromium();
if (!chromium) {
	console.error('No Chrome/Chromium found (set CHROMIUM_PATH): the cold render cannot be measured.');
	process.exit(1);
}

const KINDS = [
	(i: number) => `flowchart LR\n  A${i}[Instance ${i}] --> B${i}{Route?}\n  B${i} -->|0.0.0.0/0| C${i}[NAT gateway]\n  B${i} -->|pl-id| D${i}[Gateway endpoint]`,
	(i: number) => `sequenceDiagram\n  participant I as Instance ${i}\n  participant R as Resolver\n  I->>R: sns.us-east-1.amazonaws.com?\n  R-->>I: 10.0.${i}.25`,
	(i: number) =>
		`architecture-beta\n  group vpc${i}(logos:aws-vpc)[VPC ${i}]\n  service ec2(logos:aws-ec2)[Instance] in vpc${i}\n  service s3(logos:aws-s3)[Bucket ${i}]\n  service logs(logos:aws-cloudwatch)[Logs]\n  ec2:R --> L:s3\n  ec2:B --> T:logs`,
];
const codes = Array.from({ length: count }, (_, i) => KINDS[i % KINDS.length](i));
const root = mkdtempSync(path.join(tmpdir(), 'bench-diagrams-'));
const notes: DiagramNote[] = codes.map((code, i) => ({
	file: path.join(root, `note-${i}.md`),
	...readNoteContents(`# Note ${i}\n\n\`\`\`mermaid\n${code}\n\`\`\`\n`, 'md', { liftTitle: true }),
}));

const digest = settingsDigest(renderSettings());
const cache = new DiagramCache(path.join(root, 'cache'));
let browserStartMs = 0;
const startRenderer = async () => {
	const started = performance.now();
	const renderer = await DiagramRenderer.launch(chromium);
	browserStartMs = performance.now() - started;
	return renderer;
};

const coldStarted = performance.now();
const cold = await prepareDiagrams(notes, { cache, digest, projectRoot: root, startRenderer });
const coldMs = performance.now() - coldStarted;
if (cold.rendered !== count) throw new Error(`expected ${count} rendered, got ${cold.rendered} (${cold.problems.map((p) => p.message).join('; ')})`);

const cachedStarted = performance.now();
const cached = await prepareDiagrams(notes, { cache, digest, projectRoot: root, startRenderer: () => Promise.reject(new Error('the cached pass must not start a browser')) });
const cachedMs = performance.now() - cachedStarted;
if (cached.cached !== count || cached.rendered !== 0) throw new Error('the second pass did not come from the cache');

const markupRuns = 5;
const markupStarted = performance.now();
for (let run = 0; run < markupRuns; run++) for (const code of codes) diagramMarkup(code, 1, { cache, digest, mode: 'build' });
const markupMs = (performance.now() - markupStarted) / markupRuns;

const results = {
	date: new Date().toISOString(),
	diagrams: count,
	mermaid: renderSettings().mermaid,
	cold: {
		totalMs: Math.round(coldMs),
		browserStartMs: Math.round(browserStartMs),
		perDiagramMs: Math.round(coldMs / count),
		perDiagramWithoutBrowserStartMs: Math.round((coldMs - browserStartMs) / count),
	},
	cached: { totalMs: Math.round(cachedMs), perDiagramMs: +(cachedMs / count).toFixed(2) },
	pluginMarkup: { perDiagramMs: +(markupMs / count).toFixed(2) },
};
console.table({
	'cold (one browser)': { 'total ms': results.cold.totalMs, 'ms / diagram': results.cold.perDiagramMs },
	'cold, browser start excluded': { 'total ms': results.cold.totalMs - results.cold.browserStartMs, 'ms / diagram': results.cold.perDiagramWithoutBrowserStartMs },
	cached: { 'total ms': results.cached.totalMs, 'ms / diagram': results.cached.perDiagramMs },
	'plugin markup (cache → hast)': { 'total ms': Math.round(markupMs), 'ms / diagram': results.pluginMarkup.perDiagramMs },
});
writeFileSync(new URL('./results-diagrams.json', import.meta.url), `${JSON.stringify(results, null, '\t')}\n`);
