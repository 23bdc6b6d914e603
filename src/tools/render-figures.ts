/**
 * Renders the figures drawn for the shipped notes, `content/img/src/*.svg`, to the PNGs the notes
 * show, `content/img/*.png`: `npm run figures`. The SVG files are the sources (written by hand);
 * run this after changing one and commit both. `npm run figures -- --check` only verifies that
 * every PNG is up to date.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
const FIGURES_SOURCE = path.join(projectRoot, 'content/img/src');
const FIGURES_OUTPUT = path.join(projectRoot, 'content/img');
/** Pixel width of the PNGs: twice the 46rem content column, so they stay sharp on high-density screens. */
export const FIGURE_WIDTH = 1600;

/** The SVG sources in `sourceFolder`, by file name. */
export function figureSources(sourceFolder: string): string[] {
	return readdirSync(sourceFolder)
		.filter((name) => name.toLowerCase().endsWith('.svg'))
		.sort();
}

/** The PNG for one SVG source: `FIGURE_WIDTH` pixels wide, white behind any transparency. */
export async function renderFigure(svgFile: string): Promise<Buffer> {
	const svg = readFileSync(svgFile);
	const viewBox = /viewBox="\s*[\d.-]+\s+[\d.-]+\s+([\d.]+)\s+([\d.]+)\s*"/.exec(svg.toString('utf8'));
	if (!viewBox) throw new Error(`${svgFile}: the <svg> element needs a viewBox="0 0 width height"`);
	const density = (72 * FIGURE_WIDTH) / Number(viewBox[1]);
	return sharp(svg, { density })
		.resize({ width: FIGURE_WIDTH })
		.flatten({ background: '#ffffff' })
		.png({ compressionLevel: 9, palette: true, quality: 95, effort: 10 })
		.toBuffer();
}

/** Mean absolute difference of two images' pixels, 0 (same) to 1. */
export async function pixelDifference(a: Buffer, b: Buffer): Promise<number> {
	const [left, right] = await Promise.all(
		[a, b].map((image) => sharp(image).removeAlpha().raw().toBuffer({ resolveWithObject: true })),
	);
	if (left.info.width !== right.info.width || left.info.height !== right.info.height) return 1;
	let sum = 0;
	for (let index = 0; index < left.data.length; index++) sum += Math.abs(left.data[index] - right.data[index]);
	return sum / left.data.length / 255;
}

async function main(check: boolean) {
	let stale = 0;
	for (const name of figureSources(FIGURES_SOURCE)) {
		const output = path.join(FIGURES_OUTPUT, name.replace(/\.svg$/i, '.png'));
		const png = await renderFigure(path.join(FIGURES_SOURCE, name));
		if (check) {
			let difference = 1;
			try {
				difference = await pixelDifference(png, readFileSync(output));
			} catch {
				// A missing or unreadable PNG is stale.
			}
			if (difference > 0.01) {
				stale++;
				console.error(`stale: ${path.relative(projectRoot, output)} (run npm run figures)`);
			}
			continue;
		}
		writeFileSync(output, png);
		console.log(`${path.relative(projectRoot, output)}  ${(png.length / 1024).toFixed(0)} KB`);
	}
	if (stale > 0) process.exitCode = 1;
}

if (import.meta.main) await main(process.argv.includes('--check'));
