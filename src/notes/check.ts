import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { Catalogue, CatalogueNote } from './catalogue.ts';
import { isLocalPath, isRemoteUrl, resolveNoteAsset } from './assets.ts';
import { frameSource, mediaFileKind, type AllowedFrames } from './media.ts';
import { resolveNoteImage } from './images.ts';
import { ICON_SETS } from './icon-shortcodes.ts';
import type { ImageReference, UnknownIcon } from './note-tree.ts';
import { displayPath, type NoteProblem } from './problems.ts';
import type { NoteQuery } from './queries.ts';

/** `Img/X.PNG` when the note asked for `img/x.png`: the likely fix on a case-sensitive file system. */
function differentCase(file: string): string | undefined {
	try {
		const name = path.basename(file).toLowerCase();
		return readdirSync(path.dirname(file)).find((entry) => entry.toLowerCase() === name);
	} catch {
		return undefined;
	}
}

/** What the report says of an image the site cannot show (`file` as the report names it). */
export const badImageHint = (file: string, reason: string): string => `Not an image the site can show: ${file} is ${reason}. Replace the file.`;

/** The problem with one image reference, if any. */
export function checkImage(
	reference: ImageReference,
	note: { file: string },
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
	if (mediaFileKind(reference.url)) return checkMediaFile(reference, note, notesRoot, projectRoot);
	const image = resolveNoteImage(reference.url, note.file, notesRoot);
	if ((image.kind === 'missing' || image.kind === 'outside') && isLocalPath(reference.url)) {
		return problem(
			image.kind === 'missing' ? 'missing-image' : 'image-outside',
			'A path on the computer the note was written on: no reader of the site can see it. Copy the image into the notes folder and write its path from the note (img/x.png).',
		);
	}
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
			return problem('bad-image', badImageHint(shown(image.file), image.reason));
		default:
			return undefined;
	}
}

/** The problem with a video, audio or PDF file a note shows (`![](clip.mp4)`, `<video src>`), if any. */
export function checkMediaFile(
	reference: { url: string; line?: number; column?: number },
	note: { file: string },
	notesRoot: string,
	projectRoot: string,
): NoteProblem | undefined {
	if (isRemoteUrl(reference.url)) return undefined;
	const asset = resolveNoteAsset(reference.url, note.file, notesRoot);
	if (asset.kind !== 'missing' && asset.kind !== 'outside') return undefined;
	const sibling = asset.kind === 'missing' ? differentCase(asset.file) : undefined;
	return {
		kind: 'missing-media',
		file: displayPath(note.file, projectRoot),
		line: reference.line,
		column: reference.column,
		message: reference.url,
		hint:
			asset.kind === 'missing'
				? `File not found: expected a file at ${displayPath(asset.file, projectRoot)}.${sibling ? ` A file with other letter case exists: ${sibling} (file names are case-sensitive).` : ''}`
				: `Refused: the path leaves the notes folder (${displayPath(notesRoot, projectRoot) || '.'}/), so nothing was copied. Move the file into the notes folder.`,
	};
}

/** The problems with the `<video>`, `<audio>`, `<source>` and `<iframe>` of a note's raw HTML: files not found, frames the page does not load. */
function htmlMediaProblems(note: Pick<CatalogueNote, 'file' | 'media'>, notesRoot: string, projectRoot: string, frames: AllowedFrames): NoteProblem[] {
	const problems: NoteProblem[] = [];
	for (const tag of note.media) {
		if (tag.tagName === 'iframe' && frameSource(tag.url, frames).kind === 'blocked') {
			problems.push({
				kind: 'blocked-frame',
				file: displayPath(note.file, projectRoot),
				line: tag.line,
				column: tag.column,
				message: `<iframe src="${tag.url}">`,
				hint: "The site's security policy loads frames only from the site itself, YouTube and Vimeo, so the page shows a link instead. Allow the site with the `csp` setting's frame-src if you trust it (see docs/security.md).",
			});
			continue;
		}
		const problem = tag.tagName === 'iframe' ? undefined : checkMediaFile(tag, note, notesRoot, projectRoot);
		if (problem) problems.push(problem);
	}
	return problems;
}

/** Each shortcode no icon set has, once per note: where it first stands, and how often the note writes it. */
function unknownIconProblems(note: Pick<Catalogue['notes'][number], 'file' | 'unknownIcons'>, projectRoot: string): NoteProblem[] {
	const byShortcode = new Map<string, { first: UnknownIcon; count: number }>();
	for (const icon of note.unknownIcons) {
		const seen = byShortcode.get(icon.shortcode);
		if (seen) seen.count++;
		else byShortcode.set(icon.shortcode, { first: icon, count: 1 });
	}
	return [...byShortcode.values()].map(({ first, count }) => {
		const { set, title } = ICON_SETS[first.prefix];
		return {
			kind: 'unknown-icon-shortcode',
			file: displayPath(note.file, projectRoot),
			line: first.line,
			column: first.column,
			message: `unknown icon shortcode ${first.shortcode}${count > 1 ? `, ${count} times in the note` : ''} (${title} has no icon "${first.name}"), shown as written`,
			hint: `Find the icon's name at https://icon-sets.iconify.design/${set}/ (the set Material for MkDocs draws ${first.prefix}- icons from).`,
		};
	});
}

/**
 * Checks what the notes refer to (the images the catalogue found), the TeX it could not render and
 * the icons no set has, before the build renders them.
 */
export function checkNotes(
	catalogue: { notesRoot: string; notes: readonly Pick<Catalogue['notes'][number], 'file' | 'images' | 'media' | 'texErrors' | 'controlCharacters' | 'unknownIcons' | 'queries'>[] },
	projectRoot: string,
	/** Frames of other sites the `csp` setting allows (`allowedFrames`): not reported. */
	frames: AllowedFrames = [],
): NoteProblem[] {
	const problems: NoteProblem[] = [];
	for (const note of catalogue.notes) {
		for (const reference of note.images) {
			const problem = checkImage(reference, note, catalogue.notesRoot, projectRoot);
			if (problem) problems.push(problem);
		}
		if (note.controlCharacters) {
			const { line, column, count } = note.controlCharacters;
			problems.push({
				kind: 'control-characters',
				file: displayPath(note.file, projectRoot),
				line,
				column,
				message: `${count === 1 ? 'a control character' : `${count} control characters`} (NUL and the like, invisible in an editor) taken out of the note`,
				hint: 'They usually come from a copy and paste or a broken export: delete them, or re-save the file as plain text.',
			});
		}
		for (const error of note.texErrors) {
			problems.push({
				kind: 'invalid-math',
				file: displayPath(note.file, projectRoot),
				line: error.line,
				column: error.column,
				message: `invalid TeX: ${error.message}`,
				hint: `The page shows the formula as written (${error.tex.length > 60 ? `${error.tex.slice(0, 59)}…` : error.tex}); fix the TeX, or escape a dollar sign that is not maths as \\$.`,
			});
		}
		problems.push(...unknownIconProblems(note, projectRoot));
		problems.push(...codeNotRunProblems(note, projectRoot));
		problems.push(...htmlMediaProblems(note, catalogue.notesRoot, projectRoot, frames));
	}
	return problems;
}

const CODE_NOT_RUN: Record<NoteQuery['kind'], { name: string; hint: string } | undefined> = {
	dataviewjs: { name: 'a `dataviewjs` block', hint: 'Write it as a ```dataview query (DQL), which the site answers when it builds; the page shows the code, folded.' },
	'inline-js': { name: 'an inline `$=` query', hint: 'Write it as an inline DQL query (`= this.field`), which the site answers when it builds.' },
	templater: { name: 'a Templater command', hint: 'Templater fills a note in as Obsidian creates it: run it there, or take the command out; the page shows it as written.' },
	dataview: undefined,
	tasks: undefined,
	base: undefined,
	inline: undefined,
};

/** Code in a note (`dataviewjs`, `$=`, Templater) is never run: each piece is reported where it stands. */
function codeNotRunProblems(note: Pick<CatalogueNote, 'file' | 'queries'>, projectRoot: string): NoteProblem[] {
	return note.queries.flatMap((query) => {
		const code = CODE_NOT_RUN[query.kind];
		if (!code) return [];
		const shown = query.source.length > 60 ? `${query.source.slice(0, 59)}…` : query.source;
		return [{
			kind: 'code-not-run',
			file: displayPath(note.file, projectRoot),
			line: query.line,
			message: `${code.name} is not run (${shown.replace(/\s+/g, ' ')}): notes are not code, and the site runs none of theirs`,
			hint: code.hint,
		}];
	});
}
