// `npm run bench`: builds synthetic notes corpora with the real build and measures build time,
// memory, output size, page weight and search in Chromium, then checks the budgets.
// Options: --runs N (builds per corpus, default 3), --quick (1 run, 100 and 300 notes).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { findChromium, launchChromium } from '../support/browser.ts';
import { writeCorpus } from './corpus.ts';
import { folderBytes, measurePage, measureSearch, runBuild, type BuildRun, type PageWeight, type SearchTiming } from './measure.ts';

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
const { values: args } = parseArgs({
	options: { runs: { type: 'string', default: '3' }, quick: { type: 'boolean', default: false } },
});
const runs = args.quick ? 1 : Number(args.runs);
const large = args.quick ? 300 : 1000;
const work = mkdtempSync(path.join(tmpdir(), 'notes-bench-'));

interface Stats {
	median: number;
	min: number;
	max: number;
}
const stats = (values: number[]): Stats => {
	const sorted = [...values].sort((a, b) => a - b);
	return { median: sorted[Math.floor(sorted.length / 2)], min: sorted[0], max: sorted.at(-1)! };
};

interface CorpusResult {
	notes: number;
	pages: number;
	wallMs: Stats;
	notesPerSecond: number;
	pagesPerSecond: number;
	msPerNote: number;
	peakRssMb: Stats;
	distBytes: number;
	searchIndexBytes: number;
	dist: string;
}

/** Builds a corpus `runs` times from cold (no Astro cache), keeping the last output for the page checks. */
async function benchCorpus(name: string, notes: number, options: Parameters<typeof writeCorpus>[1]): Promise<CorpusResult> {
	const corpus = path.join(work, name);
	await writeCorpus(corpus, options);
	const builds: BuildRun[] = [];
	const dist = path.join(work, `${name}-dist`);
	for (let run = 0; run < runs; run++) {
		rmSync(path.join(projectRoot, 'node_modules/.astro'), { recursive: true, force: true });
		rmSync(dist, { recursive: true, force: true });
		const build = await runBuild(projectRoot, { NOTES_DIR: corpus }, dist);
		if (build.exitCode !== 0) throw new Error(`Building ${name} failed:\n${build.output}`);
		builds.push(build);
		console.error(`  ${name} run ${run + 1}/${runs}: ${(build.wallMs / 1000).toFixed(2)} s`);
	}
	const wallMs = stats(builds.map((b) => b.wallMs));
	const pages = Number(/(\d+) page\(s\) built/.exec(builds[0].output)?.[1] ?? notes);
	return {
		notes,
		pages,
		wallMs,
		notesPerSecond: notes / (wallMs.median / 1000),
		pagesPerSecond: pages / (wallMs.median / 1000),
		msPerNote: wallMs.median / notes,
		peakRssMb: stats(builds.map((b) => b.peakRssMb)),
		distBytes: folderBytes(dist),
		searchIndexBytes: folderBytes(path.join(dist, 'pagefind')),
		dist,
	};
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const range = (s: Stats, format: (n: number) => string) => `${format(s.median)} (${format(s.min)}–${format(s.max)})`;

console.error(`Benchmark: ${runs} run(s) per corpus, work folder ${work}`);
const small = await benchCorpus('text-100', 100, { notes: 100 });
const big = await benchCorpus(`text-${large}`, large, { notes: large });

const chromiumPath = findChromium();
let pageSmall: PageWeight | undefined;
let pageBig: PageWeight | undefined;
let search: SearchTiming | undefined;
if (chromiumPath) {
	const browser = await launchChromium(chromiumPath);
	pageSmall = await measurePage(browser, small.dist, 'note-0050/');
	pageBig = await measurePage(browser, big.dist, 'note-0050/');
	search = await measureSearch(browser, big.dist, 'note-0050/', ['route table', 'flow logs']);
	await browser.close();
} else {
	console.error('No Chrome/Chromium found (CHROMIUM_PATH): page weight and search are not measured.');
}

const budgets: { name: string; value: number; limit: number; unit: string; ok: boolean }[] = [];
const budget = (name: string, value: number, limit: number, unit: string) =>
	budgets.push({ name, value, limit, unit, ok: value <= limit });
if (pageBig && pageSmall && search) {
	budget('note page JavaScript, gzip', pageBig.jsGzip / 1024, 6, 'KB');
	budget('note page CSS, gzip', pageBig.cssGzip / 1024, 12, 'KB');
	budget('note page transferred in all', pageBig.transferred / 1024, 27, 'KB');
	budget(`note page HTML at ${large} notes ÷ at 100`, pageBig.htmlRaw / pageSmall.htmlRaw, 1.5, '×');
	budget('search, cold: open + two words to first result', search.coldMs, 200, 'ms');
	budget('search, warm: first keystroke to first result', search.warmMs, 100, 'ms');
}
if (!args.quick) budget(`${large} text notes build time (median)`, big.wallMs.median / 1000, 11, 's');
budget(`time per note at ${large} ÷ at 100`, big.msPerNote / small.msPerNote, 1.3, '×');

const rows: [string, string, string][] = [
	['', 'text-100', `text-${large}`],
	['build wall time, median (min–max)', range(small.wallMs, seconds), range(big.wallMs, seconds)],
	['notes per second', small.notesPerSecond.toFixed(0), big.notesPerSecond.toFixed(0)],
	['pages per second', small.pagesPerSecond.toFixed(0), big.pagesPerSecond.toFixed(0)],
	['time per note', `${small.msPerNote.toFixed(1)} ms`, `${big.msPerNote.toFixed(1)} ms`],
	['peak memory (RSS, build tree)', range(small.peakRssMb, (n) => `${n.toFixed(0)} MB`), range(big.peakRssMb, (n) => `${n.toFixed(0)} MB`)],
	['dist/ size', kb(small.distBytes), kb(big.distBytes)],
	['Pagefind index size', kb(small.searchIndexBytes), kb(big.searchIndexBytes)],
];
if (pageSmall && pageBig) {
	rows.push(
		['note page HTML raw / gzip', `${kb(pageSmall.htmlRaw)} / ${kb(pageSmall.htmlGzip)}`, `${kb(pageBig.htmlRaw)} / ${kb(pageBig.htmlGzip)}`],
		['note page JS raw / gzip', `${kb(pageSmall.jsRaw)} / ${kb(pageSmall.jsGzip)}`, `${kb(pageBig.jsRaw)} / ${kb(pageBig.jsGzip)}`],
		['note page CSS raw / gzip', `${kb(pageSmall.cssRaw)} / ${kb(pageSmall.cssGzip)}`, `${kb(pageBig.cssRaw)} / ${kb(pageBig.cssGzip)}`],
		['note page transferred, requests', `${kb(pageSmall.transferred)}, ${pageSmall.requests}`, `${kb(pageBig.transferred)}, ${pageBig.requests}`],
	);
}
if (search) {
	rows.push(
		['search: open + "route table" → first result (cold)', '', `${search.coldMs.toFixed(0)} ms`],
		['search: "flow logs" keystroke → first result (warm)', '', `${search.warmMs.toFixed(0)} ms`],
		['search: bytes downloaded for one query', '', `${kb(search.bytes)} in ${search.requests} requests`],
	);
}

const widths = [0, 1, 2].map((column) => Math.max(...rows.map((row) => row[column].length)));
const line = (row: string[]) => row.map((cell, column) => cell.padEnd(widths[column])).join('  ');
console.log(`\n${line(rows[0])}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
for (const row of rows.slice(1)) console.log(line(row));
console.log('\nBudgets');
for (const each of budgets) {
	const value = each.unit === '×' ? each.value.toFixed(2) : each.value.toFixed(each.unit === 'ms' ? 0 : 1);
	console.log(`  ${each.ok ? 'ok  ' : 'OVER'}  ${each.name}: ${value} ${each.unit} (budget ${each.limit} ${each.unit})`);
}

const machine = { cpus: cpus().length, cpu: cpus()[0]?.model, memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version };
const results = { date: new Date().toISOString(), machine, runs, corpora: { small, big }, pageSmall, pageBig, search, budgets };
mkdirSync(path.join(projectRoot, 'tests/bench'), { recursive: true });
writeFileSync(path.join(projectRoot, 'tests/bench/results.json'), `${JSON.stringify(results, null, 2)}\n`);
console.log(`\nFigures written to tests/bench/results.json (${machine.cpus} cores, ${machine.memoryGb} GB, Node ${machine.node}).`);
rmSync(work, { recursive: true, force: true });
if (budgets.some((each) => !each.ok)) process.exitCode = 1;
