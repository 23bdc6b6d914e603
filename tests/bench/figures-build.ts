// Benchmark: how much images add to a build, and that a shared image is processed once.
// `node tests/bench/figures-build.ts [notes=200]`: builds a synthetic notes folder twice, without
// and with images, and prints the times and the number of image files as JSON.
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { buildSite } from '../support/build.ts';

const notes = Number(process.argv[2] ?? 200);
const SHARED = 10;
const UNIQUE_EVERY = 10;

async function diagram(label: string, width: number, height: number): Promise<Buffer> {
	const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="#f4f6fb"/><rect x="80" y="120" width="${width / 3}" height="${height / 2}" rx="16" fill="#2f5bd3"/><circle cx="${width * 0.7}" cy="${height / 2}" r="${height / 4}" fill="#333"/><text x="80" y="80" font-size="48" font-family="DejaVu Sans">${label}</text></svg>`;
	return sharp(Buffer.from(svg)).png({ palette: true }).toBuffer();
}

async function notesFolder(withImages: boolean): Promise<string> {
	const root = mkdtempSync(path.join(tmpdir(), `notes-bench-${withImages ? 'images' : 'text'}-`));
	mkdirSync(path.join(root, 'img'));
	if (withImages) {
		for (let index = 0; index < SHARED; index++) {
			writeFileSync(path.join(root, `img/shared-${index}.png`), await diagram(`shared ${index}`, 1600, 900));
		}
	}
	for (let index = 0; index < notes; index++) {
		const lines = [`# Note ${index}`, '', '## 1. Topic', '', '### summary', '', `- point ${index}`, '- another point', ''];
		if (withImages) {
			lines.push(`![Shared ${index % SHARED}](img/shared-${index % SHARED}.png "Shared figure")`, '');
			lines.push(`- see ![Shared ${(index + 1) % SHARED}](img/shared-${(index + 1) % SHARED}.png)`, '');
			if (index % UNIQUE_EVERY === 0) {
				writeFileSync(path.join(root, `img/own-${index}.png`), await diagram(`own ${index}`, 1200, 700));
				lines.push(`![Own ${index}](img/own-${index}.png)`, '');
			}
		}
		writeFileSync(path.join(root, `note-${index}.md`), lines.join('\n'));
	}
	return root;
}

const results: Record<string, unknown> = { notes, sharedImages: SHARED, uniqueImages: Math.ceil(notes / UNIQUE_EVERY) };
for (const withImages of [false, true]) {
	const folder = await notesFolder(withImages);
	const started = performance.now();
	const site = buildSite(folder);
	const seconds = (performance.now() - started) / 1000;
	if (site.exitCode !== 0) throw new Error(site.output);
	const files = readdirSync(path.join(site.dist, '_astro')).filter((name) => /\.(webp|svg|png|jpe?g)$/.test(name));
	results[withImages ? 'withImages' : 'textOnly'] = {
		seconds: Number(seconds.toFixed(1)),
		imageFiles: files.length,
		sharedImageFiles: files.filter((name) => name.startsWith('shared-')).length,
	};
}
console.log(JSON.stringify(results, null, 2));
