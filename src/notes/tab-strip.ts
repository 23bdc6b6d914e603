/**
 * Will a topic's tabs fit? The catalogue decides it for each topic when it reads the note: a topic
 * whose tab strip would not fit one row of the note column at 1280 px, or would take more than two
 * rows at 375 px, shows its sections stacked instead (`src/dom/tabs.ts`). The sizes below are
 * those `src/styles/tabs.css`, `topic.css` and `note.css` give the strip; the browser test
 * `tests/scripts/notes-tabs.browser.test.ts` measures the real strip and fails when they drift.
 */

/**
 * How wide each printable ASCII character (space to `~`) is in the tab labels' font, in
 * thousandths of an em: the site's `system-ui` at weight 600, measured in Chromium, where it is
 * DejaVu Sans. That is the widest of the fonts `system-ui` stands for (Segoe UI, San Francisco and
 * Roboto are 10–15% narrower), so a strip that fits here fits everywhere.
 */
const ASCII_WIDTHS = [
	348, 456, 521, 837, 695, 1001, 871, 306, 457, 457, 523, 837, 380, 415, 380, 365,
	695, 695, 695, 695, 695, 695, 695, 695, 695, 695, 400, 400, 837, 837, 837, 580,
	999, 773, 762, 733, 829, 683, 683, 820, 836, 372, 372, 774, 637, 994, 836, 849,
	732, 849, 769, 677, 703, 811, 773, 1102, 770, 724, 725, 457, 365, 457, 837, 500,
	500, 674, 715, 592, 715, 678, 405, 715, 711, 343, 343, 665, 343, 1041, 711, 686,
	715, 715, 493, 595, 478, 711, 651, 923, 645, 651, 582, 711, 365, 711, 837,
];
/** Chinese, Japanese and Korean characters, full-width forms and emoji: a full em each. */
const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{1f300}-\u{1faff}\u{20000}-\u{3fffd}]/u;
/** Any other letter (accented Latin, Greek, Cyrillic…): a little more than the average lower-case letter. */
const OTHER_WIDTH = 720;

/** The gap between tabs (`0.25rem`), in CSS pixels. */
const TAB_GAP = 4;

/**
 * The strip at a viewport width, in CSS pixels: the room it has (the note column inside a topic's
 * padding and border), each tab's side padding and the labels' font size.
 */
export interface StripWidth {
	room: number;
	tabPadding: number;
	fontSize: number;
}

/**
 * At 1280 px: the note column (the page less its 1.5rem padding, the 15rem sidebar, the 13rem
 * contents and two 2rem gaps), less the topic's 1.25rem padding and 1px border each side; tabs
 * padded 0.9rem, labels 0.95rem.
 */
export const WIDE_STRIP: StripWidth = { room: 1280 - 2 * 24 - 240 - 208 - 2 * 32 - 2 * 20 - 2, tabPadding: 14.4, fontSize: 15.2 };
/** At 375 px: the page's and the topic's 1rem padding each side, the border; tabs padded 2vw, labels 0.875rem. */
export const NARROW_STRIP: StripWidth = { room: 375 - 2 * 16 - 2 * 16 - 2, tabPadding: 7.5, fontSize: 14 };

/** A label's width in CSS pixels, in the tab font at `fontSize`. */
export function labelWidth(label: string, fontSize: number): number {
	let thousandths = 0;
	for (const character of label) {
		const code = character.codePointAt(0)!;
		thousandths += code >= 32 && code < 127 ? ASCII_WIDTHS[code - 32] : WIDE.test(character) ? 1000 : OTHER_WIDTH;
	}
	return (thousandths / 1000) * fontSize;
}

/** How many rows the tabs take, wrapped as `flex-wrap` wraps them (a tab wider than the strip takes a row of its own). */
export function tabRows(labels: readonly string[], strip: StripWidth): number {
	let rows = 0;
	let used = Infinity;
	for (const label of labels) {
		// Rounded up: kerning, which the widths leave out, may add a fraction of a pixel.
		const width = Math.ceil(labelWidth(label, strip.fontSize) + 2 * strip.tabPadding);
		if (used + TAB_GAP + width <= strip.room) used += TAB_GAP + width;
		else {
			rows++;
			used = width;
		}
	}
	return rows;
}

/**
 * The tabs with these labels fit: one row at 1280 px, and at most two at 375 px, where every tab
 * stays in sight without scrolling the strip sideways.
 */
export const tabsFit = (labels: readonly string[]): boolean => tabRows(labels, WIDE_STRIP) <= 1 && tabRows(labels, NARROW_STRIP) <= 2;
