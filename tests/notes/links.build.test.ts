import { existsSync } from 'node:fs';
import path from 'node:path';
import { toHtml } from 'hast-util-to-html';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { builtSite, fixturePath, type BuiltSite } from '../support/build.ts';
import { crawlSite, formatCrawlProblems, type CrawlResult } from '../support/crawl.ts';
import { parseHtml, select, selectAll, selectOne, textOf } from '../support/html.ts';
import { readSearchIndex } from '../support/pagefind-index.ts';
import { serveDist, type StaticServer } from '../support/serve.ts';

const BASE = '/notes/';

/** Builds a fixture under the base path, serves it as GitHub Pages would and crawls every page. */
function crawled(fixture: string) {
	const state = {} as { site: BuiltSite; server: StaticServer; crawl: CrawlResult };
	beforeAll(async () => {
		state.site = builtSite(fixturePath(fixture), { base: BASE });
		expect(state.site.exitCode, state.site.output).toBe(0);
		state.server = await serveDist(state.site.dist, BASE);
		state.crawl = await crawlSite(state.server.url);
	});
	afterAll(() => state.server?.close());
	return state;
}

const article = (html: string) => selectOne('article.note__body', parseHtml(html));

/**
 * The report of the notes in a build's output: its first line, and each problem as the report
 * writes it (`file:line:column  target`, its hint on the line below), sorted, so that a problem
 * added or lost fails as surely as a changed one.
 */
function reportIn(output: string): { summary: string | undefined; problems: string[] } {
	const lines = output.split('\n');
	const start = lines.findIndex((line) => / problems? in the notes \(/.test(line));
	if (start === -1) return { summary: undefined, problems: [] };
	const problems: string[] = [];
	for (const line of lines.slice(start + 1)) {
		if (line.startsWith('    ') && problems.length > 0) problems[problems.length - 1] += `\n${line.trim()}`;
		else if (line.startsWith('  ')) problems.push(line.slice(2));
		else break;
	}
	return { summary: lines[start].replace(/^.*\[notes-site\] /, ''), problems: problems.sort() };
}

/** `file:line:column  target` and its hint, as the report writes them. */
const problem = (location: string, target: string, hint: string) => `${location}  ${target}\n${hint}`;

describe('an Obsidian vault', () => {
	const built = crawled('links-vault');

	test('every link and embed that can be resolved is: no crawled link, image or fragment is broken', () => {
		expect(formatCrawlProblems(built.crawl.problems)).toBe('');
		expect(built.crawl.pages.length).toBeGreaterThan(10);
		for (const page of built.crawl.pages) expect(built.crawl.fetched).toContain(page);
	});

	test('every other one is in the report, each by its own line, with file and line, and on the page as marked text', () => {
		const vault = 'tests/fixtures/links-vault';
		const report = reportIn(built.site.output);
		expect(report.summary).toBe('11 problems in the notes (3 embeds that loop or nest too deep, 6 broken links, 1 missing image, 1 ambiguous link):');
		expect(report.problems).toEqual(
			[
				problem(`${vault}/Deep/L1.md:5:1`, '![[L2]]', 'Embeds inside embeds show 3 deep at most; below that the page shows a link.'),
				problem(`${vault}/Loops/A.md:3:1`, '![[B]]', 'The embeds loop (A → B → A): the page shows the note up to the repeat, then a link.'),
				problem(`${vault}/Loops/B.md:3:1`, '![[A]]', 'The embeds loop (B → A → B): the page shows the note up to the repeat, then a link.'),
				problem(`${vault}/Same/same-md.md:3:44`, '[[Missing note]]', 'No note or file named “Missing note” in the notes folder.'),
				problem(`${vault}/Same/same-mdx.mdx:3:44`, '[[Missing note]]', 'No note or file named “Missing note” in the notes folder.'),
				problem(`${vault}/Security/IAM.md:33:3`, '[[Missing note]]', 'No note or file named “Missing note” in the notes folder.'),
				problem(`${vault}/Security/IAM.md:34:3`, '[[VPC Peering#No such heading]]', '“VPC Peering” has no heading “No such heading”.'),
				problem(`${vault}/Security/IAM.md:35:3`, '[[VPC Peerin]]', 'No note or file named “VPC Peerin” in the notes folder. Did you mean [[VPC Peering]]?'),
				problem(`${vault}/Security/IAM.md:36:3`, '![[missing-image.png]]', 'No note or file named “missing-image.png” in the notes folder.'),
				problem(`${vault}/Security/IAM.md:37:3`, '[[Overvew]]', 'No note or file named “Overvew” in the notes folder. Did you mean [[Overview]]?'),
				problem(
					`${vault}/Study/Exam plan.md:3:11`,
					'[[Overview]]',
					'2 notes or files have that name (Networking/Overview.md, Security/Overview.md): write the folder too, e.g. [[Networking/Overview]].',
				),
			].sort(),
		);
		const brokenOn = (page: string) => selectAll('.link-broken', article(built.site.page(`${page}/index.html`))).map(textOf);
		expect(brokenOn('security/iam')).toEqual([
			'Missing note (broken link)',
			'VPC Peering › No such heading (broken link)',
			'VPC Peerin (broken link)',
			'Overvew (broken link)',
		]);
		expect(textOf(selectOne('.figure-missing', article(built.site.page('security/iam/index.html'))))).toBe('Image not found missing-image.png');
		for (const page of ['same/same-md', 'same/same-mdx']) expect(brokenOn(page), page).toEqual(['Missing note (broken link)']);
	});

	test('a name two folders share, linked from a note in neither: reported as ambiguous with both paths, on the page a broken link, not a guess or a 404', () => {
		expect(built.site.output).toContain(
			'  tests/fixtures/links-vault/Study/Exam plan.md:3:11  [[Overview]]\n    2 notes or files have that name (Networking/Overview.md, Security/Overview.md): write the folder too, e.g. [[Networking/Overview]].\n',
		);
		const plan = article(built.site.page('study/exam-plan/index.html'));
		expect(selectAll('span.link-broken', plan).map((span) => [textOf(span), span.properties.title])).toEqual([['Overview (broken link)', 'Two or more notes have this name: [[Overview]]']]);
		expect(select('a', plan)).toBeUndefined();
		expect(textOf(plan)).toContain('First the Overview (broken link): both folders have one');
		expect(built.crawl.pages).toContain(new URL('study/exam-plan/', built.server.url).href);
	});

	test('no raw wikilink syntax reaches a page, hence none reaches search', () => {
		for (const page of built.crawl.pages.filter((url) => url.endsWith('/'))) {
			const file = path.join(built.site.dist, new URL(page).pathname.slice(BASE.length), 'index.html');
			if (!existsSync(file)) continue;
			const body = select('article', parseHtml(built.site.page(path.relative(built.site.dist, file))));
			if (body) expect(textOf(body), page).not.toMatch(/\[\[|\]\]/);
		}
	});

	test('search indexes a link\'s text, never [[…]]: an alias as shown, in the content of the page that holds it', () => {
		const index = readSearchIndex(built.site.dist);
		expect(index.map((page) => page.url).sort()).toEqual([
			'/deep/l1/',
			'/deep/l2/',
			'/deep/l3/',
			'/deep/l4/',
			'/deep/l5/',
			'/loops/a/',
			'/loops/b/',
			'/networking/memory/',
			'/networking/overview/',
			'/networking/vpc-peering/',
			'/same/same-md/',
			'/same/same-mdx/',
			'/security/iam/',
			'/security/overview/',
			'/study/exam-plan/',
		]);
		for (const page of index) {
			expect(page.content, page.url).not.toMatch(/\[\[|\]\]/);
			// What a screen reader hears of a broken link is not text of the note.
			expect(page.content, page.url).not.toContain('broken link');
			for (const text of [...Object.values(page.meta), ...page.anchors.map((anchor) => anchor.text)]) expect(text, page.url).not.toMatch(/\[\[|\]\]/);
		}
		const content = (url: string) => index.find((page) => page.url === url)!.content;
		// `[[Security/Overview|security overview]]`, `[[VPC Peering#Limits|the limits]]`, `[[IAM]]`.
		expect(content('/networking/overview/')).toContain('Start with VPC Peering, then see the security overview.');
		expect(content('/security/iam/')).toContain('peering has hard limits: the limits, and VPC Peering');
		expect(content('/security/overview/')).toContain('Identity first: IAM.');
		expect(content('/study/exam-plan/')).toContain('First the Overview');
	});

	test('titles are the file names, as Obsidian shows them; an embedded image is optimised; a linked PDF is published', () => {
		expect(textOf(selectOne('main h1', parseHtml(built.site.page('networking/vpc-peering/index.html'))))).toBe('VPC Peering');
		expect(existsSync(path.join(built.site.dist, 'attachments/slides.pdf'))).toBe(true);
		expect(existsSync(path.join(built.site.dist, 'attachments/chart.png'))).toBe(false);
		const figure = selectOne('figure.figure img', article(built.site.page('security/iam/index.html')));
		expect(String(figure.properties.src)).toMatch(/^\/notes\/_astro\/chart\..*\.webp$/);
	});

	test('"Linked from" on a linked note: each note and topic, with the sentence around the link', () => {
		const backlinks = selectOne('aside.backlinks', parseHtml(built.site.page('networking/vpc-peering/index.html')));
		expect(selectAll('.backlinks__link', backlinks).map((link) => [textOf(link), link.properties.href])).toEqual([
			['Overview › Networking overview', '/notes/networking/overview/#networking-overview'],
			['same-md › Links', '/notes/same/same-md/#links'],
			['same-mdx › Links', '/notes/same/same-mdx/#links'],
			['IAM › Policies', '/notes/security/iam/#policies'],
			['IAM › Roles', '/notes/security/iam/#roles'],
		]);
		expect(textOf(backlinks)).toContain('Start with VPC Peering, then see the security overview.');
		// Backlinks are not the note's own text: search does not index them.
		expect(select('article aside.backlinks', parseHtml(built.site.page('networking/vpc-peering/index.html')))).toBeUndefined();
	});

	test('wikilinks and embeds give the same markup in .md and .mdx notes', () => {
		// Parsed, so attribute order (Astro's images write theirs in another order in MDX) does not count.
		const markup = (slug: string) => JSON.parse(JSON.stringify(parseHtml(toHtml(article(built.site.page(`${slug}/index.html`)).children).replace(/>\s+</g, '><').trim(), { fragment: true })));
		expect(markup('same/same-mdx')).toEqual(markup('same/same-md'));
		expect(select('blockquote.embed', markup('same/same-md'))).toBeDefined();
	});
});

describe('GitHub-style course notes', () => {
	const built = crawled('links-course');

	test('relative .md links, folder READMEs and GitHub anchors all land: nothing crawled is broken', () => {
		expect(formatCrawlProblems(built.crawl.problems)).toBe('');
	});

	test('every link the course breaks on purpose is in the report by its own line, and on the page as marked text', () => {
		const iam = 'tests/fixtures/links-course/02-security/iam.md';
		const report = reportIn(built.site.output);
		expect(report.summary).toBe('4 problems in the notes (3 broken links, 1 link to a file on the author\'s computer):');
		expect(report.problems).toEqual(
			[
				problem(
					'tests/fixtures/links-course/02-security/notes.md:6:5',
					'/home/dale/course/setup.sh',
					'A path on the computer the note was written on: no reader of the site can open it. Copy the file into the notes folder and link it from the note (files/setup.sh), or link to where it is published.',
				),
				problem(`${iam}:9:3`, '../03-networking/vpc.md', 'No note or file at 03-networking/vpc.md in the notes folder.'),
				problem(`${iam}:10:3`, '../01-cloud/README.md#13-pricing', '“Chapter 1: The Cloud” has no heading with the anchor #13-pricing.'),
				problem(`${iam}:11:3`, 'console.aws.amazon.com', 'No note or file at 02-security/console.aws.amazon.com in the notes folder. Did you mean https://console.aws.amazon.com?'),
			].sort(),
		);
		const page = article(built.site.page('02-security/iam/index.html'));
		expect(selectAll('span.link-broken', page).map((span) => [textOf(span), span.properties.title])).toEqual([
			['a chapter that was never written (broken link)', 'Not found: ../03-networking/vpc.md'],
			['a heading that is not there (broken link)', 'Not found: ../01-cloud/README.md#13-pricing'],
			['the console (broken link)', 'Not found: console.aws.amazon.com'],
		]);
	});

	test('links written for the course\'s Jekyll site (.html, kramdown\'s anchors) land on the notes; a path on the author\'s computer is marked text, not a 404', () => {
		const page = article(built.site.page('02-security/notes/index.html'));
		expect(selectAll('a', page).map((link) => [textOf(link), link.properties.href])).toEqual([
			['the policies', '/notes/02-security/iam/#policies'],
			['the limits', '/notes/01-cloud/#costs--and-limits'],
			['the first chapter', '/notes/01-cloud/'],
		]);
		expect(selectAll('span.link-broken', page).map((span) => [textOf(span), span.properties.title])).toEqual([
			['setup script (broken link)', 'A file on the computer the note was written on: /home/dale/course/setup.sh'],
		]);
	});

	test('a chapter\'s README is the chapter folder\'s page; its relative link with an anchor to another chapter lands on the heading', () => {
		expect(existsSync(path.join(built.site.dist, '02-security/index.html'))).toBe(true);
		expect(existsSync(path.join(built.site.dist, '02-security/readme/index.html'))).toBe(false);
		expect(built.crawl.pages).toContain(new URL('02-security/', built.server.url).href);
		const page = parseHtml(built.site.page('02-security/index.html'));
		expect(textOf(selectOne('main h1', page))).toBe('Chapter 2: Security');
		expect(selectAll('a', selectOne('article.note__body', page)).map((link) => [textOf(link), link.properties.href])).toEqual([
			['2.1 IAM policies', '/notes/02-security/iam/#policies'],
			['1.3 Costs – and limits', '/notes/01-cloud/#costs--and-limits'],
		]);
		// The heading is there, under the id the link leads to (the crawl checks every fragment too).
		const heading = selectOne('#costs--and-limits', parseHtml(built.site.page('01-cloud/index.html')));
		expect([heading.tagName, heading.properties.dataTopicNumber, textOf(heading)]).toEqual(['h2', '1.3', 'Costs – and limits']);
	});

	test('a folder\'s README is the folder\'s page; the root README introduces the home page', () => {
		expect(existsSync(path.join(built.site.dist, '01-cloud/index.html'))).toBe(true);
		expect(existsSync(path.join(built.site.dist, 'readme/index.html'))).toBe(false);
		const home = parseHtml(built.site.page('index.html'));
		const intro = selectOne('.home__intro', home);
		expect(selectAll('a', intro).map((link) => link.properties.href)).toEqual([
			'/notes/01-cloud/',
			'/notes/01-cloud/#cloud-computing-fundamentals',
			'/notes/02-security/iam/#policies',
			'/notes/01-cloud/',
		]);
		// The introduction is not a note of the list, and its own title is not repeated.
		expect(selectAll('.note-card__title', home).map(textOf)).toEqual(['Chapter 1: The Cloud', 'Chapter 2: Security', '02 security', 'IAM']);
	});

	test('a GitHub anchor in a note\'s own contents leads to the heading, on the same page', () => {
		const links = selectAll('a', article(built.site.page('01-cloud/index.html'))).map((link) => link.properties.href);
		expect(links.slice(0, 4)).toEqual(['#cloud-computing-fundamentals', '#regions-and-zones', '#costs--and-limits', '/notes/01-cloud/']);
	});

	test('strict mode fails the build on a broken link', () => {
		const strict = builtSite(fixturePath('links-course'), { base: BASE, env: { NOTES_STRICT: '1' } });
		expect(strict.exitCode).not.toBe(0);
		expect(strict.output).toContain('4 problems in the notes (3 broken links, 1 link to a file on the author\'s computer)');
	});
});
