import type { Element, ElementContent } from 'hast';
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { FIGURE_MISSING_CLASS } from '../../src/dom/figure.ts';
import { BROKEN_LINK_CLASS, EMBED_CLASS } from '../../src/dom/link.ts';
import { builtSite, fixturePath, type BuiltSite } from '../support/build.ts';
import { crawlSite, formatCrawlProblems, type CrawlResult } from '../support/crawl.ts';
import { classesOf, parseHtml, select, selectAll, textOf } from '../support/html.ts';
import { random } from '../support/random.ts';
import { serveDist, type StaticServer } from '../support/serve.ts';

/**
 * A notes folder whose file and folder names are what real vaults hold and URLs choke on (`%`,
 * `#`, `?`, `&`, `+`, spaces, é composed and decomposed, leading dots, 200 characters), each note
 * linking to every other with wikilinks and Markdown links, showing images from odd-named folders
 * and embedding a note; built once, then crawled.
 */

const NFC = 'é';
const NFD = 'e\u0301';

/** Images, by path in the notes folder, and the PNG each is a copy of. */
const IMAGES: Record<string, string> = {
	'attachments/chart.png': 'links-vault/attachments/chart.png',
	'50% off/Screenshot 2023-10-10 at 22.45.41.png': 'figure-cases/img/Screenshot 2023-10-10 at 22.45.41.png',
	'Q&A #1/diagram #2.png': 'figure-cases/img/diagram.png',
	'what?/why?.png': 'figure-cases/img/UPPER.PNG',
	[`sch${NFD}ma/r${NFD}seau + 100%.png`]: 'figure-cases/img/schéma-réseau.png',
	[`${'wide '.repeat(39)}chart.png`]: 'figure-cases/img/diagram.png',
};

/** The hard cases, always there; the seeded generator adds more. */
const FIXED_NOTES = [
	'100% uptime.md',
	'technical/100% is the wrong reliability target.md',
	'c#sharp.md',
	'what?.md',
	'rock & roll.md',
	'C++ + more.md',
	`r${NFD}sum${NFD}.md`,
	`${NFC}t${NFC}.md`,
	`${'a very long name '.repeat(12)}end`.slice(0, 197) + '.md',
	'50% off/a+b & c.mdx',
	'Q&A #1/answers.md',
	`sch${NFD}ma/caf${NFC} %41.md`,
	'.hidden.md',
	'.drafts/secret.md',
	'tips #1.mdx',
];

const FOLDERS = ['', '', '50% off/', 'Q&A #1/', 'a+b c/', `sch${NFD}ma/`, 'deep/er %/path/', '.trash/'];
const PIECES = ['%', '#', '?', '&', '+', ' ', NFC, NFD, '50%', '100 %', 'C#', 'why?', 'Q&A', 'a+b', 'x.y', '-', '(1)', "it's"];

/** `count` more note paths from the seeded generator, each with its number in it (so no two share a URL). */
function generatedNotePaths(seed: number, count: number): string[] {
	const rng = random(seed);
	return Array.from({ length: count }, (_, index) => {
		// No space at the end: editors and Windows take it off, and a wikilink's target is trimmed.
		const pieces = Array.from({ length: 1 + rng.int(4) }, () => rng.pick(PIECES)).join('').trimEnd();
		const dot = rng.next() < 0.1 ? '.' : '';
		return `${rng.pick(FOLDERS)}${dot}n${index}${pieces}${rng.next() < 0.2 ? '.mdx' : '.md'}`;
	});
}

const NOTE_PATHS = [...FIXED_NOTES, ...generatedNotePaths(20261206, 14)];

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A file or folder name starting with a dot: skipped, as docs/writing-notes.md says. */
const isHidden = (notePath: string) => notePath.split('/').some((segment) => segment.startsWith('.'));
/** An `.mdx` note whose path has `#` or `?`: left out and reported (Astro compiles it from its path). */
const isUnreadableMdx = (notePath: string) => notePath.endsWith('.mdx') && /[#?]/.test(notePath);
/** Notes that get a page, and that the others link to. */
const PUBLISHED = NOTE_PATHS.filter((notePath) => !isHidden(notePath) && !isUnreadableMdx(notePath));

const titleOf = (notePath: string) => `Note ${NOTE_PATHS.indexOf(notePath)}`;
const withoutExtension = (notePath: string) => notePath.replace(/\.mdx?$/, '');
/** The other normal form of the text: a link typed on one system to a file named on another. */
const otherForm = (text: string) => (text.normalize('NFC') === text ? text.normalize('NFD') : text.normalize('NFC'));

/** A relative Markdown link from one note to a file, as GitHub or an editor writes it: each segment percent-encoded. */
function encodedLink(from: string, to: string): string {
	return path.posix
		.relative(path.posix.dirname(from), to)
		.split('/')
		.map((segment) => (segment === '..' ? segment : encodeURIComponent(segment)))
		.join('/');
}
const relativeLink = (from: string, to: string) => path.posix.relative(path.posix.dirname(from), to);

/**
 * Can the path be written as it is, in `<…>`? Not with `#` or `?`, which a URL reads as its
 * fragment or query, nor with `%41`, which reads as `A` (as a browser reads it).
 */
const writableAsIs = (file: string) => !/[#?]|%[\da-f]{2}/i.test(file);

/** The links one note writes to another: their text names the target and the form, so the test can follow each. */
function linksTo(from: string, to: string, index: number): string[] {
	const title = titleOf(to);
	const links = [`[to ${title} (md)](${encodedLink(from, to)})`];
	if (writableAsIs(to)) links.push(`[to ${title} (angle)](<${relativeLink(from, to)}>)`);
	if (!to.includes('#')) {
		const name = index % 2 === 0 ? path.posix.basename(withoutExtension(to)) : withoutExtension(to);
		links.push(`[[${index % 3 === 0 ? otherForm(name) : name}|to ${title} (wiki)]]`);
	}
	return links;
}

/** The image a note shows: by the note's number, in turn. */
const imageOf = (notePath: string) => Object.keys(IMAGES)[NOTE_PATHS.indexOf(notePath) % Object.keys(IMAGES).length];
/** An image whose path has `?` or `#`: refused (the build imports images by path), shown as a placeholder and reported. */
const isRefusedImage = (image: string) => /[?#]/.test(image);

/** How a note shows its image: by name (`![[…]]`) and by its relative path. */
function imagesOf(from: string): string[] {
	const image = imageOf(from);
	// A `#` in a wikilink starts a heading, in Obsidian too.
	const byName = image.includes('#') ? [] : [`![[${path.posix.basename(image)}]]`];
	return [...byName, writableAsIs(image) ? `![a figure](<${relativeLink(from, image)}>)` : `![a figure](${encodedLink(from, image)})`];
}

/** The article of a note's page without the notes it embeds, which their own pages show. */
function ownContent(html: string): Element {
	const article = select('article.note__body', parseHtml(html))!;
	const without = (element: Element): Element => ({
		...element,
		children: element.children.flatMap((child): ElementContent[] =>
			child.type !== 'element' ? [child] : classesOf(child).includes(EMBED_CLASS) ? [] : [without(child)],
		),
	});
	return without(article);
}

function noteText(notePath: string): string {
	const index = NOTE_PATHS.indexOf(notePath);
	const others = PUBLISHED.filter((other) => other !== notePath);
	const lines = [`---\ntitle: ${titleOf(notePath)}\n---\n`, `Text of ${titleOf(notePath)}.\n`];
	for (const [position, other] of others.entries()) lines.push(`- ${linksTo(notePath, other, position + index).join(' · ')}`);
	lines.push('', ...imagesOf(notePath).flatMap((image) => [image, '']));
	// Every other published note embeds the next one, which embeds none: no loop, no depth past one.
	const position = PUBLISHED.indexOf(notePath);
	const embedded = PUBLISHED[position + 1];
	if (position % 2 === 0 && embedded && !embedded.includes('#')) lines.push(`![[${withoutExtension(embedded)}]]`, '');
	return lines.join('\n');
}

function notesFolder(): string {
	const folder = mkdtempSync(path.join(tmpdir(), 'notes-odd-names-'));
	mkdirSync(path.join(folder, '.obsidian'));
	for (const notePath of NOTE_PATHS) {
		mkdirSync(path.dirname(path.join(folder, notePath)), { recursive: true });
		writeFileSync(path.join(folder, notePath), noteText(notePath));
	}
	for (const [image, source] of Object.entries(IMAGES)) {
		mkdirSync(path.dirname(path.join(folder, image)), { recursive: true });
		copyFileSync(fixturePath(source), path.join(folder, image));
	}
	return folder;
}

describe('notes and images with odd file and folder names, linked every way', () => {
	let site: BuiltSite;
	let server: StaticServer;
	let crawl: CrawlResult;
	/** Each crawled page, by the title of its note (its `<h1>`). */
	const pages = new Map<string, { url: string; html: string }>();

	beforeAll(async () => {
		site = builtSite(notesFolder());
		expect(site.exitCode, site.output).toBe(0);
		server = await serveDist(site.dist);
		crawl = await crawlSite(server.url);
		for (const url of crawl.pages) {
			const html = await (await fetch(url)).text();
			const title = select('main h1', parseHtml(html));
			if (title) pages.set(textOf(title), { url, html });
		}
	});
	afterAll(() => server?.close());

	test('the build reports only the notes it leaves out and the images it refuses, each with why', () => {
		const leftOut = NOTE_PATHS.filter(isUnreadableMdx).filter((notePath) => !isHidden(notePath));
		const refused = PUBLISHED.filter((notePath) => isRefusedImage(imageOf(notePath)));
		expect(leftOut.length).toBeGreaterThan(0);
		expect(refused.length).toBeGreaterThan(0);
		const refusedShown = refused.reduce((sum, notePath) => sum + imagesOf(notePath).length, 0);
		expect(site.output).toContain(`${leftOut.length + refusedShown} problems in the notes (`);
		for (const notePath of leftOut) expect(site.output).toContain(`${notePath}  file name has #, ? or \\`);
		for (const notePath of refused) expect(site.output).toMatch(new RegExp(`${escapeRegExp(notePath)}:\\d+(?::\\d+)?  .*\\n.* is named with \`\\?\` or \`#\``));
	});

	test('every note is a page, but those with a leading dot, which are skipped', () => {
		expect(PUBLISHED.length).toBeGreaterThan(20);
		for (const notePath of PUBLISHED) expect(pages.has(titleOf(notePath)), `${notePath} (${titleOf(notePath)})`).toBe(true);
		for (const notePath of NOTE_PATHS.filter(isHidden)) {
			expect(pages.has(titleOf(notePath)), notePath).toBe(false);
			expect(site.output, notePath).not.toContain(path.posix.basename(notePath));
		}
	});

	test('every link and image answers, every #fragment exists', () => {
		expect(crawl.problems, formatCrawlProblems(crawl.problems)).toEqual([]);
	});

	test('every link between the notes leads to the page of the note it names, in every form', () => {
		for (const notePath of PUBLISHED) {
			const { url, html } = pages.get(titleOf(notePath))!;
			const article = select('article.note__body', parseHtml(html))!;
			expect(selectAll(`.${BROKEN_LINK_CLASS}`, article).map(textOf), notePath).toEqual([]);
			// The note's own links; those of the note it embeds are checked on that note's page, and, below, where they lead.
			const embedded = new Set(selectAll(`.${EMBED_CLASS} a`, article));
			const links = selectAll('a', article).filter((link) => textOf(link).startsWith('to Note ') && !embedded.has(link));
			const expected = PUBLISHED.filter((other) => other !== notePath).flatMap((other, position) => linksTo(notePath, other, position).length);
			expect(links.length, notePath).toBe(expected.reduce((sum, count) => sum + count, 0));
			for (const link of [...links, ...embedded]) {
				if (!textOf(link).startsWith('to Note ')) continue;
				const target = textOf(link).replace(/^to (Note \d+) \(\w+\)$/, '$1');
				const landed = new URL(String(link.properties.href), url).href;
				expect(landed, `${notePath}: ${textOf(link)}`).toBe(pages.get(target)?.url);
			}
		}
	});

	test('every image is shown, but those refused, which show a placeholder', () => {
		for (const notePath of PUBLISHED) {
			const own = ownContent(pages.get(titleOf(notePath))!.html);
			const [shown, placeholders] = [selectAll('figure[data-figure="image"]', own), selectAll(`.${FIGURE_MISSING_CLASS}`, own)];
			expect([shown.length, placeholders.length], notePath).toEqual(isRefusedImage(imageOf(notePath)) ? [0, imagesOf(notePath).length] : [imagesOf(notePath).length, 0]);
		}
	});
});
