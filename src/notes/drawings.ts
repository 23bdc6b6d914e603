import path from 'node:path';
import LZString from 'lz-string';
import type { LinkTarget } from './links.ts';

/**
 * Excalidraw drawings in the notes folder: `.excalidraw` files (Excalidraw's JSON) and the
 * `.excalidraw.md` notes Obsidian's Excalidraw plugin writes (Markdown, then the scene as a
 * ```` ```json ```` or ```` ```compressed-json ```` block under `# Drawing`, with the drawing's
 * texts under `## Text Elements` and the vault files it shows under `## Embedded Files`).
 */

/** `.excalidraw.md` notes and `.excalidraw` files. */
export const DRAWING_NOTE = /\.excalidraw\.md$/i;
export const DRAWING_FILE = /\.excalidraw$/i;

/** The scene, as Excalidraw's exporter takes it. */
export interface DrawingScene {
	elements: unknown[];
	appState: Record<string, unknown>;
	/** Images a `.excalidraw` file carries itself, by file id. */
	files: Record<string, unknown>;
}

/** A vault file the drawing shows: `id: [[image.png]]` under `## Embedded Files`. */
export interface EmbeddedFile {
	id: string;
	target: string;
	line: number;
}

export type DrawingRead =
	| { ok: true; scene: DrawingScene; texts: string[]; embedded: EmbeddedFile[] }
	/** `line`: where the drawing's data starts (1-based), when the file has such a place. */
	| { ok: false; message: string; line?: number };

/** What an `.excalidraw.md` note is made of: its Markdown (front matter, what is written above the data) and its drawing. */
export interface DrawingNote {
	/** Front matter, then the Markdown above the data; the plugin's warning line blanked. Lines are the file's. */
	markdown: string;
	drawing: DrawingRead;
}

/** Where the plugin's data starts: a `%%` comment, or the headings it writes. */
const DATA_START = /^(?:%%\s*$|#\s+Excalidraw Data\s*$|#\s+Text Elements\s*$|#{1,2}\s+Drawing\s*$)/;
/** The plugin's notice to open the file in its view, written above the data. */
const PLUGIN_NOTICE = /^==⚠\s+Switch to EXCALIDRAW VIEW.*$/;
const FRONTMATTER = /^---\r?\n[\s\S]*?\r?\n---[ \t]*(?:\r?\n|$)/;

const sceneTexts = (elements: unknown[]): string[] =>
	elements.flatMap((element) => {
		const { type, isDeleted, originalText, text } = element as { type?: unknown; isDeleted?: unknown; originalText?: unknown; text?: unknown };
		const shown = typeof originalText === 'string' ? originalText : text;
		return type === 'text' && isDeleted !== true && typeof shown === 'string' && shown.trim() ? [shown.trim()] : [];
	});

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Excalidraw's JSON (a `.excalidraw` file, or the plugin's block), checked for what the exporter needs. */
function sceneOf(json: string, line: number | undefined): { ok: true; scene: DrawingScene } | { ok: false; message: string; line?: number } {
	let parsed: unknown;
	try {
		parsed = JSON.parse(json);
	} catch (error) {
		return { ok: false, message: `the drawing's JSON does not parse (${(error as Error).message})`, line };
	}
	if (!isRecord(parsed) || !Array.isArray(parsed.elements)) {
		return { ok: false, message: 'the drawing\'s JSON is not an Excalidraw scene: it has no "elements" list', line };
	}
	return {
		ok: true,
		scene: {
			elements: parsed.elements,
			appState: isRecord(parsed.appState) ? parsed.appState : {},
			files: isRecord(parsed.files) ? parsed.files : {},
		},
	};
}

/** A `.excalidraw` file: Excalidraw's JSON; its texts are the scene's. */
export function readDrawingFile(source: string): DrawingRead {
	const read = sceneOf(source, undefined);
	return read.ok ? { ...read, texts: sceneTexts(read.scene.elements), embedded: [] } : read;
}

/** The lines under a `#`/`##` heading of this name, with the line number of the first (1-based). */
function section(lines: string[], name: string): { lines: string[]; first: number } | undefined {
	const start = lines.findIndex((line) => new RegExp(`^#{1,2}\\s+${name}\\s*$`, 'i').test(line));
	if (start === -1) return undefined;
	const after = lines.slice(start + 1);
	const end = after.findIndex((line) => /^#{1,2}\s/.test(line) || /^%%\s*$/.test(line));
	return { lines: end === -1 ? after : after.slice(0, end), first: start + 2 };
}

/** `## Text Elements`: each text, its lines up to the one that ends with ` ^id`. */
function textElements(lines: string[]): string[] {
	const texts: string[] = [];
	let current: string[] = [];
	for (const line of lines) {
		const end = /^(.*?)\s*\^[\w-]+\s*$/.exec(line);
		if (end) {
			const text = [...current, end[1]].join('\n').trim();
			if (text) texts.push(text);
			current = [];
		} else if (line.trim() || current.length > 0) current.push(line);
	}
	return texts;
}

/** `## Embedded Files`: `id: [[image.png]]` lines (an equation, `id: $$…$$`, or a URL is no vault file). */
function embeddedFiles(found: { lines: string[]; first: number } | undefined): EmbeddedFile[] {
	if (!found) return [];
	return found.lines.flatMap((line, index) => {
		const match = /^([\w-]+):\s*!?\[\[([^\]|#]+)(?:[#|][^\]]*)?\]\]\s*$/.exec(line);
		return match ? [{ id: match[1], target: match[2].trim(), line: found.first + index }] : [];
	});
}

/** The scene block under `# Drawing`: ```` ```json ```` as it is, ```` ```compressed-json ```` as LZString's base64. */
function drawingBlock(lines: string[]): DrawingRead | { ok: true; scene: DrawingScene } {
	const heading = lines.findIndex((line) => /^#{1,2}\s+Drawing\s*$/.test(line));
	if (heading === -1) return { ok: false, message: 'no `# Drawing` section with the drawing\'s JSON: this is not a drawing the Excalidraw plugin saved' };
	const open = lines.findIndex((line, index) => index > heading && /^```/.test(line));
	const language = open === -1 ? '' : lines[open].slice(3).trim();
	if (open === -1 || (language !== 'json' && language !== 'compressed-json')) {
		return { ok: false, message: 'the `# Drawing` section has no ```json or ```compressed-json block', line: heading + 1 };
	}
	const close = lines.findIndex((line, index) => index > open && /^```\s*$/.test(line));
	const body = lines.slice(open + 1, close === -1 ? undefined : close).join('\n');
	const line = open + 2;
	if (language === 'json') return sceneOf(body, line);
	const json = LZString.decompressFromBase64(body.replace(/\s+/g, ''));
	if (!json) return { ok: false, message: 'the drawing\'s compressed-json block does not decompress (it is not LZString base64)', line };
	return sceneOf(json, line);
}

/** Reads an `.excalidraw.md` note: its Markdown, and the drawing its data sections hold. */
export function readDrawingNote(source: string): DrawingNote {
	const frontmatter = FRONTMATTER.exec(source)?.[0] ?? '';
	const lines = source.split(/\r?\n/);
	const bodyStart = frontmatter.split('\n').length - 1;
	const dataStart = lines.findIndex((line, index) => index >= bodyStart && DATA_START.test(line));
	const markdownLines = (dataStart === -1 ? lines : lines.slice(0, dataStart)).map((line, index) => (index >= bodyStart && PLUGIN_NOTICE.test(line) ? '' : line));
	const markdown = markdownLines.join('\n').replace(/\s*$/, '\n');
	const scene = drawingBlock(lines);
	if (!scene.ok) return { markdown, drawing: scene };
	const texts = section(lines, 'Text Elements');
	return {
		markdown,
		drawing: {
			ok: true,
			scene: scene.scene,
			texts: texts ? textElements(texts.lines) : sceneTexts(scene.scene.elements),
			embedded: embeddedFiles(section(lines, 'Embedded Files')),
		},
	};
}

/**
 * The images Obsidian's Excalidraw plugin exports beside a drawing (`drawing.excalidraw.md`):
 * `drawing.excalidraw.svg` (or `.png`), or without the `.excalidraw` (the plugin's "keep the
 * filename" setting off), and with `.light`/`.dark` before the extension when it exports both
 * themes. SVG before PNG; the light image is the drawing, the dark one, when there is one, its
 * dark theme.
 */
export function drawingExports(relativePath: string, assets: ReadonlySet<string>): { light: string; dark?: string } | undefined {
	const withName = relativePath.replace(/\.md$/i, '');
	const stems = [withName, withName.replace(DRAWING_FILE, '')];
	const find = (variant: string) => {
		for (const extension of ['svg', 'png']) {
			for (const stem of stems) {
				const candidate = `${stem}${variant}.${extension}`;
				if (assets.has(candidate)) return candidate;
			}
		}
		return undefined;
	};
	const light = find('') ?? find('.light');
	return light ? { light, ...(find('.dark') ? { dark: find('.dark') } : {}) } : undefined;
}

/** A drawing's name, as a reader would call it: `aws/flow.excalidraw.md` → "flow". */
export const drawingName = (relativePath: string): string => path.posix.basename(relativePath).replace(/\.md$/i, '').replace(DRAWING_FILE, '');

/** A drawing of the notes folder, read once by the catalogue. */
export interface Drawing {
	/** Path relative to the notes folder: `aws/flow.excalidraw.md`, `flow.excalidraw`. */
	relativePath: string;
	/** Absolute path of the file. */
	file: string;
	read: DrawingRead;
	/** The images the plugin exported beside it, when it did. */
	exports?: { light: string; dark?: string };
}

/** Every drawing of the notes folder (the `.excalidraw.md` and `.excalidraw` notes), with the exports beside them. */
export function catalogueDrawings(notes: readonly { relativePath: string; file: string; drawing?: DrawingRead }[], assets: readonly string[]): Map<string, Drawing> {
	const assetSet = new Set(assets);
	const drawings = new Map<string, Drawing>();
	for (const { relativePath, file, drawing } of notes) {
		if (!drawing) continue;
		const exports = drawingExports(relativePath, assetSet);
		drawings.set(relativePath, { relativePath, file, read: drawing, ...(exports ? { exports } : {}) });
	}
	return drawings;
}

/** The drawing an embed leads to, by its path: an `.excalidraw.md` or `.excalidraw` note, whole. */
export function drawingOf(target: LinkTarget): string | undefined {
	return target.kind === 'note' && target.note.drawing && !target.heading && !target.block ? target.note.relativePath : undefined;
}
