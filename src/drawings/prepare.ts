import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { drawingName, type Drawing, type DrawingScene } from '../notes/drawings.ts';
import type { LinkResolver } from '../notes/links.ts';
import { displayPath, type NoteProblem } from '../notes/problems.ts';
import type { DrawingRender, DrawingRenderer } from './renderer.ts';

/**
 * The drawings' batch pass, run before any page renders: each drawing shows the image the
 * Excalidraw plugin exported beside it, else its SVG drawn by Excalidraw's exporter, taken from the
 * disk cache or drawn now (Chromium starts only when a drawing is missing from the cache).
 */

/** Where the drawn SVGs are published, below the site's base. */
export const DRAWINGS_FOLDER = 'notes-assets/drawings/';

/** What a page shows for a drawing. */
export type ShownDrawing =
	| { ok: true; name: string; texts: string[]; src: string; darkSrc?: string; width?: number; height?: number }
	| { ok: false; name: string; texts: string[]; message: string };

/** Bump when what is stored, or how a scene is drawn, changes. */
const CACHE_FORMAT = 1;
/** The exporter's version (its package exports no `package.json`: read beside its bundle, `dist/prod/index.js`). */
const exporterVersion = (): string =>
	(JSON.parse(readFileSync(path.join(path.dirname(createRequire(import.meta.url).resolve('@excalidraw/utils')), '../../package.json'), 'utf8')) as { version: string }).version;

/** The cache of drawn drawings: `<key>.svg` and `<key>.dark.svg`, or `<key>.error.json` for a scene the exporter refused. */
export class DrawingCache {
	readonly dir: string;

	constructor(dir: string) {
		this.dir = dir;
	}

	/** The SVG file of a drawing in a theme: the name it is published under, too. */
	static svgName(key: string, theme: 'light' | 'dark'): string {
		return theme === 'light' ? `${key}.svg` : `${key}.dark.svg`;
	}

	svgFile(key: string, theme: 'light' | 'dark'): string {
		return path.join(this.dir, DrawingCache.svgName(key, theme));
	}

	read(key: string): DrawingRender | undefined {
		if (existsSync(this.svgFile(key, 'light')) && existsSync(this.svgFile(key, 'dark'))) {
			return { ok: true, light: readFileSync(this.svgFile(key, 'light'), 'utf8'), dark: readFileSync(this.svgFile(key, 'dark'), 'utf8') };
		}
		try {
			return { ok: false, message: (JSON.parse(readFileSync(path.join(this.dir, `${key}.error.json`), 'utf8')) as { message: string }).message };
		} catch {
			return undefined;
		}
	}

	/** Writes atomically, so a build that stops half-way never leaves a broken entry. */
	write(key: string, entry: DrawingRender): void {
		mkdirSync(this.dir, { recursive: true });
		const files: [string, string][] = entry.ok
			? [[this.svgFile(key, 'dark'), entry.dark], [this.svgFile(key, 'light'), entry.light]]
			: [[path.join(this.dir, `${key}.error.json`), JSON.stringify({ message: entry.message })]];
		for (const [file, content] of files) {
			const temporary = `${file}.${process.pid}.tmp`;
			writeFileSync(temporary, content);
			renameSync(temporary, file);
		}
	}
}

/** The cache key of a scene (its embedded files included) and the exporter's version. */
export const drawingKey = (scene: DrawingScene, version: string): string =>
	createHash('sha256').update(JSON.stringify({ format: CACHE_FORMAT, exporter: version, scene })).digest('hex').slice(0, 32);

/** The `width`/`height` of an SVG's root element, or of its `viewBox`. */
export function svgSize(svg: string): { width: number; height: number } | undefined {
	const root = /<svg\b[^>]*>/i.exec(svg)?.[0] ?? '';
	const attribute = (name: string) => Number(new RegExp(`\\s${name}="([\\d.]+)(?:px)?"`).exec(root)?.[1]);
	const [width, height] = [attribute('width'), attribute('height')];
	if (width > 0 && height > 0) return { width: Math.round(width), height: Math.round(height) };
	const box = /\sviewBox="[\d.-]+[\s,]+[\d.-]+[\s,]+([\d.]+)[\s,]+([\d.]+)"/.exec(root);
	return box ? { width: Math.round(Number(box[1])), height: Math.round(Number(box[2])) } : undefined;
}

/** The size of an exported image: an SVG's root, a PNG's header. */
function imageSize(file: string): { width: number; height: number } | undefined {
	const bytes = readFileSync(file);
	if (file.toLowerCase().endsWith('.svg')) return svgSize(bytes.toString('utf8'));
	return bytes.length >= 24 ? { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) } : undefined;
}

const MIME_TYPES: Record<string, string> = { '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.gif': 'image/gif', '.webp': 'image/webp', '.svg': 'image/svg+xml' };

export interface PrepareDrawingsOptions {
	cache: DrawingCache;
	resolver: LinkResolver;
	notesRoot: string;
	projectRoot: string;
	/** Starts the renderer, at most once, when a drawing is missing from the cache; undefined without a browser. */
	startRenderer?: () => Promise<DrawingRenderer>;
	onRendererError?: (error: Error) => void;
}

export interface PreparedDrawings {
	shown: Map<string, ShownDrawing>;
	problems: NoteProblem[];
	/** Exported images the pages show, relative to the notes folder: published at their paths. */
	exports: string[];
	/** Keys of the drawn SVGs the pages show: published in `DRAWINGS_FOLDER`. */
	drawn: string[];
	/** Drawings drawn now, and left without an image because no browser could draw them. */
	rendered: number;
	undrawn: number;
}

/** The scene with the vault files it shows (`## Embedded Files`) as data URLs, and the problems of those it cannot. */
function sceneWithFiles(drawing: Drawing, scene: DrawingScene, options: PrepareDrawingsOptions, problem: (line: number | undefined, message: string, hint: string) => void): DrawingScene {
	if (!drawing.read.ok) return scene;
	const files: Record<string, unknown> = { ...scene.files };
	for (const embedded of drawing.read.embedded) {
		const target = options.resolver.wikilink({ target: embedded.target, embed: true }, drawing.relativePath);
		const mimeType = target.kind === 'image' ? MIME_TYPES[path.extname(target.relativePath).toLowerCase()] : undefined;
		if ((target.kind !== 'image' && target.kind !== 'file') || !mimeType) {
			problem(embedded.line, `the drawing's embedded file [[${embedded.target}]] is not an image of the notes folder; the drawing is shown without it`, 'Put the image in the notes folder, or fix its name under `## Embedded Files`.');
			continue;
		}
		const bytes = readFileSync(path.join(options.notesRoot, target.relativePath));
		files[embedded.id] = { id: embedded.id, mimeType, dataURL: `data:${mimeType};base64,${bytes.toString('base64')}`, created: 0 };
	}
	return { ...scene, files };
}

/** Decides what every drawing the pages show looks like, drawing what the cache lacks. */
export async function prepareDrawings(drawings: Iterable<Drawing>, options: PrepareDrawingsOptions): Promise<PreparedDrawings> {
	const prepared: PreparedDrawings = { shown: new Map(), problems: [], exports: [], drawn: [], rendered: 0, undrawn: 0 };
	const toDraw: { drawing: Drawing; key: string; scene: DrawingScene }[] = [];
	const version = exporterVersion();
	for (const drawing of drawings) {
		const name = drawingName(drawing.relativePath);
		const texts = drawing.read.ok ? drawing.read.texts : [];
		const problem = (line: number | undefined, message: string, hint: string) =>
			prepared.problems.push({ kind: 'invalid-drawing', file: displayPath(drawing.file, options.projectRoot), ...(line ? { line } : {}), message, hint });
		if (drawing.exports) {
			const { light, dark } = drawing.exports;
			prepared.exports.push(light, ...(dark ? [dark] : []));
			const size = imageSize(path.join(options.notesRoot, light));
			prepared.shown.set(drawing.relativePath, { ok: true, name, texts, src: options.resolver.fileHref(light), ...(dark ? { darkSrc: options.resolver.fileHref(dark) } : {}), ...size });
			continue;
		}
		if (!drawing.read.ok) {
			problem(drawing.read.line, `${drawing.read.message}; the page shows a placeholder`, 'Open the drawing in Obsidian\'s Excalidraw plugin and save it again, or let the plugin export an SVG beside it.');
			prepared.shown.set(drawing.relativePath, { ok: false, name, texts, message: drawing.read.message });
			continue;
		}
		const scene = sceneWithFiles(drawing, drawing.read.scene, options, problem);
		toDraw.push({ drawing, key: drawingKey(scene, version), scene });
	}

	const missing = toDraw.filter(({ key }) => !options.cache.read(key));
	if (missing.length > 0 && options.startRenderer) {
		let renderer: DrawingRenderer | undefined;
		try {
			renderer = await options.startRenderer();
			for (const { key, scene } of missing) {
				options.cache.write(key, await renderer.render(scene));
				prepared.rendered++;
			}
		} catch (error) {
			options.onRendererError?.(error instanceof Error ? error : new Error(String(error)));
		} finally {
			await renderer?.close().catch(() => undefined);
		}
	}

	for (const { drawing, key } of toDraw) {
		const name = drawingName(drawing.relativePath);
		const texts = drawing.read.ok ? drawing.read.texts : [];
		const entry = options.cache.read(key);
		if (entry?.ok) {
			prepared.drawn.push(key);
			const url = (theme: 'light' | 'dark') => `${options.resolver.base}${DRAWINGS_FOLDER}${DrawingCache.svgName(key, theme)}`;
			prepared.shown.set(drawing.relativePath, { ok: true, name, texts, src: url('light'), darkSrc: url('dark'), ...svgSize(entry.light) });
			continue;
		}
		if (entry) {
			prepared.problems.push({
				kind: 'invalid-drawing',
				file: displayPath(drawing.file, options.projectRoot),
				message: `Excalidraw could not draw the drawing (${entry.message}); the page shows a placeholder`,
				hint: 'Open the drawing in Obsidian\'s Excalidraw plugin and save it again, or let the plugin export an SVG beside it.',
			});
		} else prepared.undrawn++;
		prepared.shown.set(drawing.relativePath, { ok: false, name, texts, message: entry ? 'Excalidraw could not draw it' : 'it is drawn when the site is built with Chromium' });
	}
	return prepared;
}
