// `npm run bench`: builds synthetic notes corpora with the real build and measures build time,
// memory, output size, page weight and search in Chromium, then checks the budgets.
// Options: --runs N (builds per corpus, default 3), --quick (1 run, 100 and 300 notes), --large (a
// 10,000-note build too: time and memory at scale), --peers (the 1,000-note corpus built side by side
// with Hugo + Pagefind and Starlight by tests/bench/peers/run.sh, with the ratios, and the same
// hurried search on this site and on Starlight's).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { findChromium, launchChromium } from '../support/browser.ts';
import { writeCorpus } from './corpus.ts';
import {
	folderBytes,
	measureDev,
	measurePage,
	measureReview,
	measureSearch,
	measureShortcutSearch,
	NOTE_PAGE_JS_BUDGET,
	NOTES_SEARCH_UI,
	READER_PAUSE_MS,
	REVIEW_PAGE_JS_BUDGET,
	runBuild,
	STARLIGHT_SEARCH_UI,
	stats,
	type BuildRun,
	type DevTiming,
	type PageWeight,
	type SearchTiming,
	type Stats,
} from './measure.ts';

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
const { values: args } = parseArgs({
	options: {
		runs: { type: 'string', default: '3' },
		quick: { type: 'boolean', default: false },
		large: { type: 'boolean', default: false },
		peers: { type: 'boolean', default: false },
	},
});
const runs = args.quick ? 1 : Number(args.runs);
const large = args.quick ? 300 : 1000;
const work = mkdtempSync(path.join(tmpdir(), 'notes-bench-'));
/** Where run.sh builds the peers (its `$WORK`), so their sites can be searched afterwards. */
const PEERS_WORK = process.env.WORK ?? '/tmp/notes-peers';

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

/** One cold build of a written corpus (no Astro cache, no output), its output left in `dist`. */
async function buildCorpus(name: string, corpus: string, dist: string, env: Record<string, string>, label: string): Promise<BuildRun> {
	rmSync(path.join(projectRoot, 'node_modules/.astro'), { recursive: true, force: true });
	rmSync(dist, { recursive: true, force: true });
	const build = await runBuild(projectRoot, { NOTES_DIR: corpus, ...env }, dist);
	if (build.exitCode !== 0) throw new Error(`Building ${name} failed:\n${build.output}`);
	console.error(`  ${name} ${label}: ${(build.wallMs / 1000).toFixed(2)} s`);
	return build;
}

function corpusResult(notes: number, builds: BuildRun[], dist: string): CorpusResult & { builds: BuildRun[] } {
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
		builds,
	};
}

/**
 * Builds a corpus `runs` times from cold (no Astro cache), keeping the last output for the page
 * checks. `env` adds to the build's environment (the diagram cache, say).
 */
async function benchCorpus(
	name: string,
	notes: number,
	options: Parameters<typeof writeCorpus>[1],
	env: Record<string, string> = {},
	buildRuns = runs,
): Promise<CorpusResult & { builds: BuildRun[] }> {
	const corpus = path.join(work, name);
	await writeCorpus(corpus, options);
	const builds: BuildRun[] = [];
	const dist = path.join(work, `${name}-dist`);
	for (let run = 0; run < buildRuns; run++) builds.push(await buildCorpus(name, corpus, dist, env, `run ${run + 1}/${buildRuns}`));
	return corpusResult(notes, builds, dist);
}

/**
 * Two versions of a corpus built in turn, `runs` times each, the one built first swapped every run:
 * the machine's drift falls on both alike. `ratio` is the second's time over the first's, run by run.
 */
async function benchInTurn(
	notes: number,
	[first, second]: [name: string, options: Parameters<typeof writeCorpus>[1]][],
): Promise<{ first: CorpusResult & { builds: BuildRun[] }; second: CorpusResult & { builds: BuildRun[] }; ratio: Stats }> {
	const corpora = [first, second].map(([name, options]) => ({ name, options, corpus: path.join(work, name), dist: path.join(work, `${name}-dist`), builds: [] as BuildRun[] }));
	for (const each of corpora) await writeCorpus(each.corpus, each.options);
	for (let run = 0; run < runs; run++) {
		for (const each of run % 2 === 0 ? corpora : [...corpora].reverse())
			each.builds.push(await buildCorpus(each.name, each.corpus, each.dist, {}, `run ${run + 1}/${runs}`));
	}
	const [firstBuilt, secondBuilt] = corpora;
	return {
		first: corpusResult(notes, firstBuilt.builds, firstBuilt.dist),
		second: corpusResult(notes, secondBuilt.builds, secondBuilt.dist),
		ratio: stats(secondBuilt.builds.map((build, run) => build.wallMs / firstBuilt.builds[run].wallMs)),
	};
}

const ms = (n: number) => `${n.toFixed(0)} ms`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const range = (s: Stats, format: (n: number) => string) => `${format(s.median)} (${format(s.min)}–${format(s.max)})`;

console.error(`Benchmark: ${runs} run(s) per corpus, work folder ${work}`);
const small = await benchCorpus('text-100', 100, { notes: 100 });
const big = await benchCorpus(`text-${large}`, large, { notes: large });
// Search's worst case: every note uses the same 90 terms, so a query matches nearly every note.
const uniform = await benchCorpus(`uniform-${large}`, large, { notes: large, vocabulary: 'uniform' }, {}, 1);
// Obsidian's data layer: a vault's notes with their properties, inline fields and Dataview queries, and without.
const dataLayer = await benchInTurn(large, [
	[`vault-${large}`, { notes: large, vault: 'plain' }],
	[`vault-data-${large}`, { notes: large, vault: 'data' }],
]);

/** "Diagrams: 500 rendered in 210.3 s (420 ms each), 0 from the cache." → figures. */
function diagramFigures(output: string) {
	const line = /Diagrams: .*/.exec(output)?.[0] ?? '';
	return {
		line,
		rendered: Number(/(\d+) rendered/.exec(line)?.[1] ?? 0),
		renderMs: Number(/rendered in ([\d.]+) s/.exec(line)?.[1] ?? 0) * 1000,
		cached: Number(/(\d+) from the cache/.exec(line)?.[1] ?? 0),
	};
}
// Images and one diagram per topic: the first build draws every diagram (an empty cache), the next ones read the cache.
const diagramCache = path.join(work, 'diagram-cache');
const mediaNotes = args.quick ? 20 : 100;
const mediaCold = await benchCorpus('media', mediaNotes, { notes: mediaNotes, images: true, diagrams: true }, { NOTES_DIAGRAMS_CACHE: diagramCache }, 1);
const mediaWarm = await benchCorpus('media', mediaNotes, { notes: mediaNotes, images: true, diagrams: true }, { NOTES_DIAGRAMS_CACHE: diagramCache });
const coldDiagrams = diagramFigures(mediaCold.builds[0].output);
const warmDiagrams = diagramFigures(mediaWarm.builds[0].output);
const diagrams = {
	count: coldDiagrams.rendered,
	coldMsPerDiagram: coldDiagrams.rendered ? coldDiagrams.renderMs / coldDiagrams.rendered : 0,
	coldBuildMs: mediaCold.wallMs.median,
	warmBuildMs: mediaWarm.wallMs.median,
	/** What the cache saves per diagram, on the whole build. */
	warmMsPerDiagram: coldDiagrams.rendered ? mediaWarm.wallMs.median / coldDiagrams.rendered : 0,
	cachedOnRebuild: warmDiagrams.cached,
};

// At scale: one cold build of 10,000 notes, its time and the peak memory of the whole build.
const huge = args.large ? await benchCorpus('text-10000', 10_000, { notes: 10_000 }, {}, 1) : undefined;

const peers = args.peers ? await peerRatios(path.join(work, `text-${large}`)) : undefined;

/**
 * `tests/bench/peers/run.sh` on a corpus: this project, Hugo + Pagefind and Starlight built in
 * turn, each tool's best wall time and peak memory, and the project's time over each.
 */
async function peerRatios(corpus: string): Promise<{ tool: string; wallS: number; peakMib: number; projectOver: number }[] | { error: string }> {
	const script = path.join(projectRoot, 'tests/bench/peers/run.sh');
	console.error('  peers: building the same notes with this project, Hugo + Pagefind and Starlight (2 rounds)');
	const run = spawnSync('bash', [script, corpus, '2'], { cwd: projectRoot, encoding: 'utf8', timeout: 30 * 60_000, env: { ...process.env, WORK: PEERS_WORK } });
	const rows = [...(run.stdout ?? '').matchAll(/^(\S+)\s+([\d.]+) s\s+(\d+) MiB\s+project\/this ([\d.]+)$/gm)].map((match) => ({
		tool: match[1],
		wallS: Number(match[2]),
		peakMib: Number(match[3]),
		projectOver: Number(match[4]),
	}));
	return rows.length > 0 ? rows : { error: `run.sh gave no figures (exit ${run.status}):\n${run.stdout}${run.stderr}` };
}

const SEARCH_QUERIES: [string, string] = ['route table', 'flow logs'];
const chromiumPath = findChromium();
let pageSmall: PageWeight | undefined;
let pageBig: PageWeight | undefined;
let search: SearchTiming | undefined;
let searchUniform: SearchTiming | undefined;
let pageMedia: PageWeight | undefined;
let reviewPage: PageWeight | undefined;
let review: Awaited<ReturnType<typeof measureReview>> | undefined;
let dev: DevTiming | undefined;
let hurried: { project: Stats; starlight: Stats } | undefined;
if (chromiumPath) {
	const browser = await launchChromium(chromiumPath);
	pageSmall = await measurePage(browser, small.dist, 'note-0050/');
	pageBig = await measurePage(browser, big.dist, 'note-0050/');
	search = await measureSearch(browser, big.dist, 'note-0050/', SEARCH_QUERIES);
	searchUniform = await measureSearch(browser, uniform.dist, 'note-0050/', SEARCH_QUERIES, 3);
	pageMedia = await measurePage(browser, mediaWarm.dist, 'note-0010/');
	reviewPage = await measurePage(browser, big.dist, 'review/');
	review = await measureReview(browser, big.dist, 'note-0050/');
	dev = await measureDev(projectRoot, path.join(work, `text-${large}`), 'note-0050/', browser);
	const starlightDist = path.join(PEERS_WORK, 'starlight/dist');
	if (peers && !('error' in peers) && existsSync(starlightDist)) {
		const query = SEARCH_QUERIES[0];
		hurried = {
			project: await measureShortcutSearch(browser, big.dist, 'note-0050/', NOTES_SEARCH_UI, query),
			starlight: await measureShortcutSearch(browser, starlightDist, 'notes/note-0050/', STARLIGHT_SEARCH_UI, query),
		};
	}
	await browser.close();
} else {
	console.error('No Chrome/Chromium found (CHROMIUM_PATH): page weight and search are not measured.');
}

const budgets: { name: string; value: number; limit: number; unit: string; ok: boolean }[] = [];
const budget = (name: string, value: number, limit: number, unit: string) =>
	budgets.push({ name, value, limit, unit, ok: value <= limit });
if (pageBig && pageSmall && search) {
	budget('note page JavaScript (script files with their static imports, and inline scripts), gzip', pageBig.jsGzip / 1024, NOTE_PAGE_JS_BUDGET / 1024, 'KB');
	budget('note page CSS, gzip', pageBig.cssGzip / 1024, 12, 'KB');
	budget('note page transferred in all', pageBig.transferred / 1024, 27, 'KB');
	budget(`note page HTML at ${large} notes ÷ at 100`, pageBig.htmlRaw / pageSmall.htmlRaw, 1.5, '×');
	budget('search, cold: opened, then a two-word query to its first result (median)', search.coldMs.median, 200, 'ms');
	budget('search, warm: a two-word query to its first result (median)', search.warmMs.median, 100, 'ms');
}
if (dev) budget(`npm run dev at ${large} notes: a note saved to its open page showing the edit (median)`, dev.editToBrowserMs.median, 300, 'ms');
if (hurried) budget('search, Ctrl+K and the query at once to the first result: this site ÷ Starlight (medians)', hurried.project.median / hurried.starlight.median, 0.4, '×');
if (pageMedia) budget('page with build-time diagrams: diagram JavaScript', pageMedia.diagramScripts, 0, 'scripts');
if (reviewPage && review) {
	budget('review page JavaScript, gzip', reviewPage.jsGzip / 1024, REVIEW_PAGE_JS_BUDGET / 1024, 'KB');
	budget(`review page, ${review.cards} cards of ${large} notes: page loaded (DOMContentLoaded) to the first card (median)`, review.afterLoadMs.median, 200, 'ms');
}
budget('rebuild with unchanged diagrams: diagrams drawn again', diagrams.count - diagrams.cachedOnRebuild, 0, 'diagrams');
if (!args.quick) budget(`${large} text notes build time (median)`, big.wallMs.median / 1000, 11, 's');
budget(`time per note at ${large} ÷ at 100`, big.msPerNote / small.msPerNote, 1.3, '×');
budget(`vault of ${large} notes: build time with ${large / 10} queries and ${large * 5} fields ÷ without (median of the runs in turn)`, dataLayer.ratio.median, 1.1, '×');

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
rows.push(
	[`vault-${large}: build without / with properties, fields and queries (median)`, '', `${range(dataLayer.first.wallMs, seconds)} / ${range(dataLayer.second.wallMs, seconds)}`],
	[`vault-${large}: with ÷ without, run by run (median)`, '', range(dataLayer.ratio, (n) => `${n.toFixed(3)}×`)],
	[`media-${mediaNotes}: build, cold diagram cache`, '', seconds(diagrams.coldBuildMs)],
	[`media-${mediaNotes}: build, warm diagram cache (median)`, '', range(mediaWarm.wallMs, seconds)],
	['diagrams: rendered cold, ms per diagram (browser start excluded)', '', `${diagrams.coldMsPerDiagram.toFixed(0)} ms × ${diagrams.count}`],
	['diagrams: from the cache on rebuild', '', `${diagrams.cachedOnRebuild} of ${diagrams.count}`],
);
if (pageMedia) {
	rows.push([
		'media note page: HTML gzip / JS gzip / transferred',
		'',
		`${kb(pageMedia.htmlGzip)} / ${kb(pageMedia.jsGzip)} / ${kb(pageMedia.transferred)} (${pageMedia.requests} requests)`,
	]);
}
if (reviewPage && review) {
	rows.push([
		`review page (${review.cards} cards): HTML / JS gzip; first card after DOMContentLoaded, after navigation start (a note page's DOMContentLoaded)`,
		'',
		`${kb(reviewPage.htmlGzip)} / ${kb(reviewPage.jsGzip)}; ${range(review.afterLoadMs, ms)}, ${range(review.fromNavigationMs, ms)} (${range(review.notePageLoadMs, ms)})`,
	]);
}
const printTable = (table: [string, string, string][]) => {
	const widths = [0, 1, 2].map((column) => Math.max(...table.map((row) => row[column].length)));
	const line = (row: string[]) => row.map((cell, column) => cell.padEnd(widths[column])).join('  ');
	console.log(`\n${line(table[0])}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
	for (const row of table.slice(1)) console.log(line(row));
};
if (dev) {
	rows.push(
		[`npm run dev, text-${large}: start to a note page`, '', seconds(dev.startToFirstPageMs)],
		[`npm run dev, text-${large}: note saved to its open page showing it`, '', range(dev.editToBrowserMs, ms)],
	);
}
if (huge) {
	rows.push(
		['text-10000: build (one, cold)', '', seconds(huge.wallMs.median)],
		['text-10000: peak memory, pages per second', '', `${huge.peakRssMb.median.toFixed(0)} MB, ${huge.pagesPerSecond.toFixed(0)}`],
		['text-10000: dist/, Pagefind index', '', `${kb(huge.distBytes)}, ${kb(huge.searchIndexBytes)}`],
	);
}
printTable(rows);
if (peers) {
	if ('error' in peers) console.log(`\nPeers: ${peers.error}`);
	else
		printTable([
			[`peers, ${large} text notes (best of 2 each)`, 'build, peak memory', 'this project ÷ it'],
			...peers.map((peer): [string, string, string] => [peer.tool, `${peer.wallS.toFixed(2)} s, ${peer.peakMib} MiB`, `${peer.projectOver.toFixed(2)}×`]),
			...(hurried
				? [
						['search: Ctrl+K, the query at once, first result', range(hurried.project, ms), ''] as [string, string, string],
						['  the same on Starlight', range(hurried.starlight, ms), `${(hurried.project.median / hurried.starlight.median).toFixed(2)}×`] as [string, string, string],
					]
				: []),
		]);
}

if (search && searchUniform) {
	const [cold, warm] = SEARCH_QUERIES.map((query) => `"${query}"`);
	printTable([
		[`search, median (min–max) of ${search.rounds} rounds`, `uniform-${large} (worst case)`, `text-${large}`],
		[`cold: click, ${READER_PAUSE_MS} ms, ${cold} → first result`, range(searchUniform.coldMs, ms), range(search.coldMs, ms)],
		[`cold: click and ${cold} at once → first result`, range(searchUniform.coldFromClickMs, ms), range(search.coldFromClickMs, ms)],
		[`warm: ${warm} → first result`, range(searchUniform.warmMs, ms), range(search.warmMs, ms)],
		['bytes downloaded for the first query', `${kb(searchUniform.bytes)} in ${searchUniform.requests} requests`, `${kb(search.bytes)} in ${search.requests} requests`],
	]);
}
console.log('\nBudgets');
for (const each of budgets) {
	const value = each.unit === '×' ? each.value.toFixed(2) : each.value.toFixed(each.unit === 'ms' ? 0 : 1);
	console.log(`  ${each.ok ? 'ok  ' : 'OVER'}  ${each.name}: ${value} ${each.unit} (budget ${each.limit} ${each.unit})`);
}

const machine = { cpus: cpus().length, cpu: cpus()[0]?.model, memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version };
const strip = ({ builds: _builds, ...rest }: CorpusResult & { builds: BuildRun[] }) => rest;
const results = {
	date: new Date().toISOString(),
	machine,
	runs,
	corpora: { small: strip(small), big: strip(big), uniform: strip(uniform), vault: strip(dataLayer.first), vaultData: strip(dataLayer.second), mediaCold: strip(mediaCold), mediaWarm: strip(mediaWarm), ...(huge ? { huge: strip(huge) } : {}) },
	peers,
	dataLayerRatio: dataLayer.ratio,
	diagrams,
	pageSmall,
	pageBig,
	pageMedia,
	reviewPage,
	review,
	dev,
	hurried,
	search,
	searchUniform,
	budgets,
};
mkdirSync(path.join(projectRoot, 'tests/bench'), { recursive: true });
writeFileSync(path.join(projectRoot, 'tests/bench/results.json'), `${JSON.stringify(results, null, 2)}\n`);
console.log(`\nFigures written to tests/bench/results.json (${machine.cpus} cores, ${machine.memoryGb} GB, Node ${machine.node}).`);
rmSync(work, { recursive: true, force: true });
if (budgets.some((each) => !each.ok)) process.exitCode = 1;
