import path from 'node:path';
import type { Nodes as MdastNodes } from 'mdast';
import { markdownToMdast, mdxToMdast } from 'satteri';
import { resolveNoteAsset } from './assets.ts';
import type { NoteFile } from './files.ts';
import type { NoteProblem } from './problems.ts';

function* walk(node: MdastNodes): Generator<MdastNodes> {
	yield node;
	if ('children' in node) for (const child of node.children) yield* walk(child as MdastNodes);
}

/** Image references in a note with their positions: `![alt](src)` and raw `<img src>`. */
export function imageReferences(note: NoteFile): { url: string; line?: number; column?: number }[] {
	const parse = note.relativePath.toLowerCase().endsWith('.mdx') ? mdxToMdast : markdownToMdast;
	const tree = parse(note.source) as MdastNodes;
	const references: { url: string; line?: number; column?: number }[] = [];
	for (const node of walk(tree)) {
		const start = node.position?.start;
		if (node.type === 'image' && node.url) {
			references.push({ url: node.url, line: start?.line, column: start?.column });
		} else if (node.type === 'html') {
			for (const match of node.value.matchAll(/<img\b[^>]*?\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)')/gi)) {
				references.push({ url: match[1] ?? match[2], line: start?.line, column: start?.column });
			}
		}
	}
	return references;
}

/** Checks what the notes refer to (images), before the build renders them. */
export function checkNotes(notes: readonly NoteFile[], notesRoot: string, projectRoot: string): NoteProblem[] {
	const problems: NoteProblem[] = [];
	for (const note of notes) {
		const shown = path.relative(projectRoot, note.file).split(path.sep).join('/');
		for (const reference of imageReferences(note)) {
			const asset = resolveNoteAsset(reference.url, note.file, notesRoot);
			if (asset.kind === 'missing') {
				problems.push({
					kind: 'missing-image',
					file: shown,
					line: reference.line,
					column: reference.column,
					message: `image not found: ${reference.url}`,
					hint: `Expected a file at ${path.relative(projectRoot, asset.file)}.`,
				});
			} else if (asset.kind === 'outside') {
				problems.push({
					kind: 'missing-image',
					file: shown,
					line: reference.line,
					column: reference.column,
					message: `image path leaves the notes folder: ${reference.url}`,
					hint: 'Images must live inside the notes folder; nothing outside it is copied.',
				});
			}
		}
	}
	return problems;
}
