import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { resolveNoteAsset, type ResolvedAsset } from './assets.ts';

/** File types a note may show as an image. SVG is served as it is; the others are re-encoded. */
export const IMAGE_EXTENSIONS = ['.png', '.jpg', '.jpeg', '.gif', '.webp', '.avif', '.svg'] as const;

export type ImageFormat = 'png' | 'jpeg' | 'gif' | 'webp' | 'avif' | 'svg';

export type ImageInspection = { ok: true; format: ImageFormat } | { ok: false; reason: string };

const ascii = (bytes: Uint8Array, start: number, end: number) => Buffer.from(bytes.subarray(start, end)).toString('latin1');

function inspectPng(bytes: Buffer): ImageInspection {
	// Signature, then chunks: length (4), type (4), data, CRC (4); IHDR first, IEND last.
	let offset = 8;
	let first = true;
	while (offset + 8 <= bytes.length) {
		const length = bytes.readUInt32BE(offset);
		const type = ascii(bytes, offset + 4, offset + 8);
		if (first && type !== 'IHDR') return { ok: false, reason: 'a PNG without its IHDR header chunk (corrupt)' };
		first = false;
		const end = offset + 12 + length;
		if (end > bytes.length) return { ok: false, reason: `a truncated PNG: the file ends inside its ${type} chunk` };
		if (type === 'IEND') return { ok: true, format: 'png' };
		offset = end;
	}
	return { ok: false, reason: 'a truncated PNG: the file ends before its IEND chunk' };
}

function inspectJpeg(bytes: Buffer): ImageInspection {
	// Marker segments up to the scan (SOS); the image data then runs to the EOI marker.
	let offset = 2;
	let frame = false;
	while (offset + 4 <= bytes.length) {
		if (bytes[offset] !== 0xff) return { ok: false, reason: 'a corrupt JPEG: a marker segment is broken' };
		const marker = bytes[offset + 1];
		if (marker === 0xff) {
			offset++;
			continue;
		}
		if (marker >= 0xd0 && marker <= 0xd7) {
			offset += 2;
			continue;
		}
		const length = bytes.readUInt16BE(offset + 2);
		if (offset + 2 + length > bytes.length) return { ok: false, reason: 'a truncated JPEG: the file ends inside a header segment' };
		if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) frame = true;
		if (marker === 0xda) {
			if (!frame) return { ok: false, reason: 'a corrupt JPEG: image data comes before the frame header' };
			const eoi = bytes.lastIndexOf(Buffer.from([0xff, 0xd9]));
			if (eoi < offset + 2 + length) return { ok: false, reason: 'a truncated JPEG: the file ends before its end-of-image marker' };
			return { ok: true, format: 'jpeg' };
		}
		offset += 2 + length;
	}
	return { ok: false, reason: 'a truncated JPEG: the file ends before its image data' };
}

function inspectGif(bytes: Buffer): ImageInspection {
	if (bytes.length < 14) return { ok: false, reason: 'a truncated GIF: the header is incomplete' };
	if (bytes[bytes.length - 1] !== 0x3b) return { ok: false, reason: 'a truncated GIF: the file does not end with the GIF trailer' };
	return { ok: true, format: 'gif' };
}

function inspectWebp(bytes: Buffer): ImageInspection {
	const declared = bytes.readUInt32LE(4) + 8;
	if (declared > bytes.length) return { ok: false, reason: `a truncated WebP: ${declared} bytes declared, ${bytes.length} present` };
	return { ok: true, format: 'webp' };
}

function inspectAvif(bytes: Buffer): ImageInspection {
	// ISO-BMFF: top-level boxes must tile the file exactly.
	let offset = 0;
	while (offset + 8 <= bytes.length) {
		let size = bytes.readUInt32BE(offset);
		if (size === 1) {
			if (offset + 16 > bytes.length) break;
			size = Number(bytes.readBigUInt64BE(offset + 8));
		} else if (size === 0) {
			size = bytes.length - offset;
		}
		if (size < 8) return { ok: false, reason: 'a corrupt AVIF: a box has an impossible size' };
		offset += size;
	}
	if (offset !== bytes.length) return { ok: false, reason: 'a truncated AVIF: the file ends inside a box' };
	return { ok: true, format: 'avif' };
}

function inspectSvg(bytes: Buffer): ImageInspection {
	let text: string;
	try {
		text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		return { ok: false, reason: 'in no known image format' };
	}
	// Past a BOM, XML declaration, comments and doctype, the root element must be <svg>.
	const prologue = /^\uFEFF?\s*(?:<\?xml[\s\S]*?\?>\s*)?(?:(?:<!--[\s\S]*?-->|<!DOCTYPE[^>[]*(?:\[[\s\S]*?\])?\s*>)\s*)*/i;
	const rest = text.replace(prologue, '');
	if (!/^<svg[\s>/]/i.test(rest)) return { ok: false, reason: 'text, not an image' };
	if (!/<\/svg\s*>\s*$/i.test(rest) && !/^<svg\b[^>]*\/>\s*$/i.test(rest)) {
		return { ok: false, reason: 'a truncated SVG: the file ends before </svg>' };
	}
	return { ok: true, format: 'svg' };
}

/**
 * Checks, from its bytes, that a file is an image the build can show: a known format whose
 * structure is complete (a PNG down to its IEND chunk, a JPEG to its end marker, …). A text file
 * named `.png` or a truncated download is caught here, before the image pipeline sees it.
 */
export function inspectImageBytes(bytes: Buffer): ImageInspection {
	if (bytes.length === 0) return { ok: false, reason: 'an empty file' };
	if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) {
		return inspectPng(bytes);
	}
	if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return inspectJpeg(bytes);
	if (bytes.length >= 6 && /^GIF8[79]a$/.test(ascii(bytes, 0, 6))) return inspectGif(bytes);
	if (bytes.length >= 12 && ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return inspectWebp(bytes);
	if (bytes.length >= 12 && ascii(bytes, 4, 8) === 'ftyp' && /^(avif|avis|mif1|msf1)$/.test(ascii(bytes, 8, 12))) {
		return inspectAvif(bytes);
	}
	return inspectSvg(bytes);
}

/** Inspections by file, reused while the file's size and modification time stay the same. */
const inspections = new Map<string, { stamp: string; inspection: ImageInspection }>();

/** {@link inspectImageBytes} for a file on disk; the result is remembered until the file changes. */
export function inspectImage(file: string): ImageInspection {
	let stamp: string;
	try {
		const stats = statSync(file);
		if (!stats.isFile()) return { ok: false, reason: 'a folder, not a file' };
		stamp = `${stats.size}:${stats.mtimeMs}`;
	} catch (error) {
		return { ok: false, reason: `unreadable (${(error as NodeJS.ErrnoException).code ?? String(error)})` };
	}
	const known = inspections.get(file);
	if (known?.stamp === stamp) return known.inspection;
	let inspection: ImageInspection;
	try {
		inspection = inspectImageBytes(readFileSync(file));
	} catch (error) {
		inspection = { ok: false, reason: `unreadable (${(error as NodeJS.ErrnoException).code ?? String(error)})` };
	}
	inspections.set(file, { stamp, inspection });
	return inspection;
}

/**
 * {@link inspectImage} for an image of the notes folder, which the build imports by its path: a
 * `?` or `#` in it (the file's name or a folder's) would be read as a query or fragment.
 */
export function inspectNoteImage(file: string, notesRoot: string): ImageInspection {
	if (/[?#]/.test(path.relative(notesRoot, file))) {
		return { ok: false, reason: 'named with `?` or `#` (the file or a folder above it), which the site cannot import an image from; rename it' };
	}
	return inspectImage(file);
}

export type ResolvedImage =
	| Exclude<ResolvedAsset, { kind: 'local' }>
	/** A readable image inside the notes folder. */
	| { kind: 'local'; file: string; format: ImageFormat }
	/** A file inside the notes folder that is not an image the site can show. */
	| { kind: 'bad'; file: string; reason: string };

/**
 * Resolves an image a note refers to (relative to the note; a leading `/` is the notes folder)
 * and checks that the file is a usable image: the one decision both the notes check (which
 * reports) and the image plugin (which shows a placeholder) rely on.
 */
export function resolveNoteImage(url: string, noteFile: string, notesRoot: string): ResolvedImage {
	const asset = resolveNoteAsset(url, noteFile, notesRoot);
	if (asset.kind !== 'local') return asset;
	const extension = path.extname(asset.file).toLowerCase();
	if (!(IMAGE_EXTENSIONS as readonly string[]).includes(extension)) {
		return {
			kind: 'bad',
			file: asset.file,
			reason: `a ${extension || 'extension-less'} file: images must be ${IMAGE_EXTENSIONS.join(' ')}`,
		};
	}
	const inspection = inspectNoteImage(asset.file, notesRoot);
	if (!inspection.ok) return { kind: 'bad', file: asset.file, reason: inspection.reason };
	return { kind: 'local', file: asset.file, format: inspection.format };
}

/**
 * The URL a note's image gets in the page source, relative to the note: `./img/my%20slide.png`.
 * Astro's image pipeline decodes it (`decodeURI`) back to the path it imports. `#` and `?` are
 * escaped too, so that the URL names the file (which the site then refuses, see `inspectNoteImage`).
 */
export function noteImageUrl(file: string, noteFile: string): string {
	let relative = path.relative(path.dirname(noteFile), file).split(path.sep).join('/');
	if (!relative.startsWith('../')) relative = `./${relative}`;
	return encodeURI(relative).replace(/#/g, '%23').replace(/\?/g, '%3F');
}
