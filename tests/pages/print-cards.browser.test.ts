import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { PRINT_CARD_ATTRIBUTE, PRINT_CLASSES, PRINT_SIDE_ATTRIBUTE } from '../../src/dom/print-cards.ts';
import { launchChromium } from '../support/browser.ts';
import { builtSite, fixturePath } from '../support/build.ts';
import { axeViolations, describeInBrowser, watchPage } from '../support/page-checks.ts';
import { serveDist, type StaticServer } from '../support/serve.ts';

interface Box {
	left: number;
	right: number;
	top: number;
	width: number;
	height: number;
}
interface MeasuredSheet {
	side: string;
	box: Box;
	cards: { id: string; box: Box }[];
}

/** Every sheet of the page, in order, with its side and where each of its cards stands. */
function measureSheets(page: Page): Promise<MeasuredSheet[]> {
	return page.evaluate(
		({ sheetClass, side, card }) => {
			const box = (element: Element) => {
				const { left, right, top, width, height } = element.getBoundingClientRect();
				return { left, right, top, width, height };
			};
			return [...document.querySelectorAll(`.${sheetClass}`)].map((sheet) => ({
				side: sheet.getAttribute(side)!,
				box: box(sheet),
				cards: [...sheet.querySelectorAll(`[${card}]`)].map((each) => ({ id: each.getAttribute(card)!, box: box(each) })),
			}));
		},
		{ sheetClass: PRINT_CLASSES.sheet, side: PRINT_SIDE_ATTRIBUTE, card: PRINT_CARD_ATTRIBUTE },
	);
}

/** Pages of a PDF Chromium printed: its page objects. */
const pdfPages = (pdf: Buffer) => pdf.toString('latin1').match(/\/Type\s*\/Page\b/g)?.length ?? 0;

const MM = 96 / 25.4;

describeInBrowser('printable flashcards in Chromium', (chromiumPath) => {
	let browser: Browser;
	let server: StaticServer;

	beforeAll(async () => {
		const site = builtSite(fixturePath('study-cards'));
		expect(site.exitCode, site.output).toBe(0);
		server = await serveDist(site.dist);
		browser = await launchChromium(chromiumPath);
	});
	afterAll(async () => {
		await browser?.close();
		await server?.close();
	});

	test('printed, fronts and backs alternate a page each, and each back stands behind its front on a two-sided print', async () => {
		// A4's printable width at 10 mm margins: what the page lays out in when printed.
		const page = await browser.newPage({ viewport: { width: Math.round(190 * MM), height: Math.round(277 * MM) } });
		const problems = watchPage(page, new URL(server.url).origin);
		await page.goto(`${server.url}review/print/`);
		await page.emulateMedia({ media: 'print' });
		const sheets = await measureSheets(page);
		// Three notes: 1 card, 2, then 8 (two of them asked both ways and a cloze of two marks), each from a new sheet.
		expect(sheets.map((sheet) => [sheet.side, sheet.cards.length])).toEqual([
			['front', 1],
			['back', 1],
			['front', 2],
			['back', 2],
			['front', 8],
			['back', 8],
		]);
		const pageWidth = await page.evaluate(() => document.documentElement.clientWidth);
		for (let index = 0; index < sheets.length; index += 2) {
			const [fronts, backs] = [sheets[index], sheets[index + 1]];
			expect(backs.cards.map((card) => card.id).sort()).toEqual(fronts.cards.map((card) => card.id).sort());
			for (const sheet of [fronts, backs]) {
				// 190 × 256 mm, centred: the same on A4 and Letter, and its mirror image lands on it.
				expect(sheet.box.width).toBeCloseTo(190 * MM, 0);
				expect(sheet.box.height).toBeCloseTo(256 * MM, 0);
				expect(sheet.box.left + sheet.box.width / 2).toBeCloseTo(pageWidth / 2, 0);
			}
			for (const front of fronts.cards) {
				const back = backs.cards.find((card) => card.id === front.id)!;
				expect(back.box.top - backs.box.top, front.id).toBeCloseTo(front.box.top - fronts.box.top, 0);
				expect(back.box.left - backs.box.left, front.id).toBeCloseTo(fronts.box.right - front.box.right, 0);
				expect(back.box.width).toBeCloseTo(front.box.width, 0);
				expect(back.box.height).toBeCloseTo(front.box.height, 0);
			}
		}
		// The first note's one card: front on the left, back on the right.
		expect(sheets[0].cards[0].box.left).toBeCloseTo(sheets[0].box.left, 0);
		expect(sheets[1].cards[0].box.right).toBeCloseTo(sheets[1].box.right, 0);
		const pdf = await page.pdf({ format: 'A4' });
		expect(pdfPages(pdf)).toBe(sheets.length);
		const letter = await page.pdf({ format: 'Letter' });
		expect(pdfPages(letter)).toBe(sheets.length);
		expect(problems).toEqual([]);
		await page.close();
	});

	test('on screen: the instructions, each sheet labelled, nothing hidden, no accessibility problems', async () => {
		const page = await browser.newPage({ viewport: { width: 375, height: 800 } });
		await page.goto(`${server.url}review/print/folder/vault/`);
		expect(await page.locator('h1').textContent()).toBe('Print cards: vault/');
		expect(await page.locator(`.${PRINT_CLASSES.sheetLabel}`).allTextContents()).toEqual(['Sheet 1: questions', 'Sheet 1, other side: answers, each row mirrored']);
		// A phone shows each card whole.
		const clipped = await page.locator(`.${PRINT_CLASSES.content}`).evaluateAll((contents) => contents.filter((content) => content.scrollHeight > content.clientHeight + 1).length);
		expect(clipped).toBe(0);
		expect(await axeViolations(page)).toEqual([]);
		await page.close();
	});
});
