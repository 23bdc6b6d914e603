import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { Nodes as MdastNodes } from 'mdast';
import { markdownToMdast, mdxToMdast } from 'satteri';
import { isRemoteUrl } from './assets.ts';
import type { NoteFile } from './files.ts';
import { resolveNoteImage } from './images.ts';
import { htmlImages, jsxImage, MAY_HAVE_IMAGES, positionAt, type JsxElementLike } from './image-syntax.ts';
import { displayPath, type NoteProblem } from './problems.ts';
import { walkMdast } from './mdast.ts';

export interface ImageReference {
	/** The path or URL as the author wrote it. */
	url: string;
	line?: number;
	column?: number;
	/** Set when the reference cannot be resolved before the build, whatever the file. */
	unsupported?: string;
}

/**
 * Image references in a note with their positions: `![alt](src)`, `![alt][ref]`, raw `<img src>`
 * (each tag at its own line), and in MDX `<Figure src>` / `<img src>` with a literal `src`.
 */
export function imageReferences(note: NoteFile): ImageReference[] {
	if (!MAY_HAVE_IMAGES.test(note.source)) return [];
	const mdx = note.relativePath.toLowerCase().endsWith('.mdx');
	const tree = (mdx ? mdxToMdast : markdownToMdast)(note.source) as MdastNodes;
	const definitions = new Map<string, string>();
	for (const node of walkMdast(tree)) {
		if (node.type === 'definition' && !definitions.has(node.identifier)) definitions.set(node.identifier, node.url);
	}
	const references: ImageReference[] = [];
	for (const node of walkMdast(tree)) {
		const start = node.position?.start;
		if (node.type === 'image' && node.url) {
			references.push({ url: node.url, line: start?.line, column: start?.column });
		} else if (node.type === 'imageReference') {
			const url = definitions.get(node.identifier);
			if (url) references.push({ url, line: start?.line, column: start?.column });
		} else if (node.type === 'html') {
			for (const image of htmlImages(node.value)) {
				if (typeof image.properties.src !== 'string' || image.properties.src === '') continue;
				const at = start ? positionAt(node.value, image.index, start.line, start.column) : {};
				references.push({ url: image.properties.src, ...at });
			}
		} else if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
			const image = jsxImage(node as JsxElementLike, isRemoteUrl);
			if (!image) continue;
			references.push({
				url: image.url,
				line: start?.line,
				column: start?.column,
				...(image.kind === 'unsupported' ? { unsupported: image.reason } : {}),
			});
		}
	}
	return references;
}

/** `Img/X.PNG` when the note asked for `img/x.png`: the likely fix on a case-sensitive file system. */
function differentCase(file: string): string | undefined {
	try {
		const name = path.basename(file).toLowerCase();
		return readdirSync(path.dirname(file)).find((entry) => entry.toLowerCase() === name);
	} catch {
		return undefined;
	}
}

/** The problem with one image reference, if any. */
export function checkImage(
	reference: ImageReference,
	note: NoteFile,
	notesRoot: string,
	projectRoot: string,
): NoteProblem | undefined {
	const file = displayPath(note.file, projectRoot);
	const shown = (absolute: string) => displayPath(absolute, projectRoot);
	// `file:line  path`, then what is wrong on the next line.
	const problem = (kind: NoteProblem['kind'], hint: string): NoteProblem => ({
		kind,
		file,
		line: reference.line,
		message: reference.url,
		hint,
	});
	if (reference.unsupported) return problem('bad-image', `Cannot resolve ${reference.unsupported}.`);
	const image = resolveNoteImage(reference.url, note.file, notesRoot);
	switch (image.kind) {
		case 'missing': {
			const sibling = differentCase(image.file);
			const suggestion = sibling ? ` A file with other letter case exists: ${sibling} (file names are case-sensitive).` : '';
			return problem('missing-image', `Image not found: expected a file at ${shown(image.file)}.${suggestion}`);
		}
		case 'outside':
			return problem(
				'image-outside',
				`Refused: the path leaves the notes folder (${shown(notesRoot) || '.'}/), so nothing was copied. Move the image into the notes folder.`,
			);
		case 'bad':
			return problem('bad-image', `Not an image the site can show: ${shown(image.file)} is ${image.reason}. Replace the file.`);
		default:
			return undefined;
	}
}

/** Checks what the notes refer to (images), before the build renders them. */
export function checkNotes(notes: readonly NoteFile[], notesRoot: string, projectRoot: string): NoteProblem[] {
	const problems: NoteProblem[] = [];
	for (const note of notes) {
		for (const reference of imageReferences(note)) {
			const problem = checkImage(reference, note, notesRoot, projectRoot);
			if (problem) problems.push(problem);
		}
	}
	return problems;
}
