import { copyFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';

/**
 * The link-preview picture (Open Graph `og:image`) a shared link shows: made from the site's
 * title and description, unless the settings name a picture of the user's own (`socialImage`).
 */

/** The size link previews expect (Open Graph's recommended 1.91:1). */
export const PREVIEW_WIDTH = 1200;
export const PREVIEW_HEIGHT = 630;

/** The site's accent in its light theme (`--accent` in src/styles/base.css). */
export const PREVIEW_ACCENT = '#2f5bd3';

/** The file the generated picture is published as, below the site's base. */
export const GENERATED_PREVIEW = 'social.png';

const TEXT = '#1b1f27';
const MUTED = '#5b6472';
// Whichever of these the build machine has (librsvg draws with the system's fonts); CJK titles need a CJK font.
const FONT = "'DejaVu Sans', 'Liberation Sans', Arial, Helvetica, 'Noto Sans CJK SC', 'Noto Sans CJK JP', 'Noto Sans CJK KR', sans-serif";
const MARGIN = 96;
const TEXT_WIDTH = PREVIEW_WIDTH - 2 * MARGIN;

/** The picture's path below the base: the generated one, or the user's, under the same name with its own extension. */
export function previewImagePath(socialImage: string | undefined): string {
	return socialImage === undefined ? GENERATED_PREVIEW : `social${path.extname(socialImage).toLowerCase()}`;
}

/** Roughly how wide a character is, in ems, in a sans-serif font: enough to break lines before the edge. */
function characterWidth(character: string): number {
	if (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(character)) return 1;
	if (/[iIjl.,:;'!|()[\]\s]/.test(character)) return 0.33;
	if (/[mwMW@%]/.test(character)) return 0.95;
	if (/[A-Z]/.test(character)) return 0.72;
	return 0.6;
}

const textWidth = (text: string, size: number) => [...text].reduce((sum, character) => sum + characterWidth(character), 0) * size;

/**
 * `text` broken into lines no wider than `width` at `size` px, at most `maxLines` of them (the
 * last cut with `…`). Breaks between words, and inside a word (or CJK text) too long for a line.
 */
export function wrapText(text: string, size: number, width: number, maxLines: number): string[] {
	const lines: string[] = [];
	let line = '';
	const push = () => {
		lines.push(line.trim());
		line = '';
	};
	for (const word of text.trim().split(/(?<=\s)/)) {
		if (textWidth(line + word.trimEnd(), size) <= width) {
			line += word;
			continue;
		}
		if (line.trim()) push();
		for (const character of word) {
			if (textWidth(line + character, size) > width && line.trim()) push();
			line += character;
		}
	}
	if (line.trim()) push();
	if (lines.length <= maxLines) return lines;
	const kept = lines.slice(0, maxLines);
	let last = kept[maxLines - 1];
	while (last && textWidth(`${last}…`, size) > width) last = [...last].slice(0, -1).join('');
	kept[maxLines - 1] = `${last.trimEnd()}…`;
	return kept;
}

const escapeXml = (text: string) => text.replace(/[&<>"']/g, (character) => `&#${character.codePointAt(0)};`);

/** The title's size: large for a short title, smaller as it needs more lines. */
function titleSize(title: string): number {
	for (const size of [88, 72, 60]) if (wrapText(title, size, TEXT_WIDTH, 3).length <= 2) return size;
	return 52;
}

/** The generated picture, as SVG: the site's mark, its title, its description, and a band of the accent colour. */
export function previewImageSvg({ title, description }: { title: string; description: string }): string {
	const size = titleSize(title);
	const titleLines = wrapText(title, size, TEXT_WIDTH, 3);
	const descriptionSize = 36;
	const descriptionLines = description ? wrapText(description, descriptionSize, TEXT_WIDTH, titleLines.length > 2 ? 2 : 3) : [];
	const titleLineHeight = Math.round(size * 1.15);
	const descriptionLineHeight = Math.round(descriptionSize * 1.4);
	const titleTop = 250 + size * 0.8;
	const descriptionTop = titleTop + (titleLines.length - 1) * titleLineHeight + 40 + descriptionSize;
	const tspans = (lines: string[], top: number, lineHeight: number) =>
		lines.map((line, index) => `<tspan x="${MARGIN}" y="${Math.round(top + index * lineHeight)}">${escapeXml(line)}</tspan>`).join('');
	return [
		`<svg xmlns="http://www.w3.org/2000/svg" width="${PREVIEW_WIDTH}" height="${PREVIEW_HEIGHT}" viewBox="0 0 ${PREVIEW_WIDTH} ${PREVIEW_HEIGHT}">`,
		`<rect width="${PREVIEW_WIDTH}" height="${PREVIEW_HEIGHT}" fill="#fbfbfd"/>`,
		`<rect width="${PREVIEW_WIDTH}" height="16" fill="${PREVIEW_ACCENT}"/>`,
		// The favicon's mark (public/favicon.svg), at 96 px.
		`<g transform="translate(${MARGIN} 96) scale(3)"><rect width="32" height="32" rx="7" fill="${PREVIEW_ACCENT}"/><path d="M9 8h11l3 3v13H9z" fill="#fff"/><path d="M12 14h8M12 18h8M12 22h5" stroke="${PREVIEW_ACCENT}" stroke-width="2"/></g>`,
		`<text font-family="${FONT}" font-size="${size}" font-weight="bold" fill="${TEXT}">${tspans(titleLines, titleTop, titleLineHeight)}</text>`,
		descriptionLines.length > 0
			? `<text font-family="${FONT}" font-size="${descriptionSize}" fill="${MUTED}">${tspans(descriptionLines, descriptionTop, descriptionLineHeight)}</text>`
			: '',
		'</svg>',
	].join('');
}

/** Writes the site's link-preview picture into the built site, at `previewImagePath`. */
export async function writePreviewImage(
	dist: string,
	settings: { title: string; description: string; socialImage?: string; notesRoot: string },
): Promise<void> {
	const file = path.join(dist, previewImagePath(settings.socialImage));
	if (settings.socialImage !== undefined) {
		copyFileSync(path.resolve(settings.notesRoot, settings.socialImage), file);
		return;
	}
	writeFileSync(file, await sharp(Buffer.from(previewImageSvg(settings))).png().toBuffer());
}
