import path from 'node:path';
import { toHtml } from 'hast-util-to-html';
import { blockRefElement, brokenLinkElement, EMBED_MARKER, privateEmbedElement } from '../dom/link.ts';
import { text } from '../dom/hast.ts';
import type { Element } from 'hast';
import { drawingOf } from './drawings.ts';
import type { CatalogueNote } from './catalogue.ts';
import { isRemoteUrl } from './assets.ts';
import { decodeOrKeep, encodedPath } from '../browser-safe/url-path.ts';
import { MAX_EMBED_DEPTH } from './link-graph.ts';
import { mediaFileKind } from './media.ts';
import type { LinkResolver, LinkTarget } from './links.ts';
import type { OutlineHeading } from './note-tree.ts';
import type { LogseqBlock } from './logseq.ts';
import { imageEmbedOptions, isBlockLink, wikilinkText } from './wikilinks.ts';

/**
 * `![[Note]]` and `![[Note#Heading]]`: the Markdown that shows the note, or its section, inside the
 * note that embeds it, as a quote headed by where it comes from. Built from the embedded note's
 * source and its catalogue record (what stands where), not from a second parse: its own links and
 * embeds are written out as plain Markdown (embeds inside embeds down to three deep, a loop cut at
 * the repeat), and its relative images and links are rooted at the notes folder, so they resolve
 * from any note.
 */
export interface EmbedContext {
	resolver: LinkResolver;
	/** A note's source, as on disk. */
	source: (note: CatalogueNote) => string;
	/** The figure of the Excalidraw drawing at this path (`src/dom/drawing.ts`); without it, an embedded drawing is a link. */
	drawing?: (relativePath: string) => Element;
}

const FRONTMATTER = /^---\r?\n[\s\S]*?\r?\n---[ \t]*(?:\r?\n|$)/;
/** A link's destination: `<in brackets>`, or up to a space or an unbalanced `)` (`n3(1).md` is one). */
const DESTINATION = String.raw`(<[^>\n]*>|(?:\\.|[^\s()\\]|\((?:\\.|[^\s()\\])*\))+)`;
const IMAGE_AT = new RegExp(String.raw`^!\[(?:\\.|[^\\\]\n])*\]\(\s*` + DESTINATION);
const LINK_AT = new RegExp(String.raw`^\[(?:\\.|[^\\\]\n])*\]\(\s*` + DESTINATION);

const markdownText = (value: string) => value.replace(/([\\[\]*_`<])/g, '\\$1');
const markdownLink = (label: string, href: string) => `[${markdownText(label)}](<${href}>)`;

/** Offsets of the start of each line (1-based lines: `starts[line - 1]`). */
function lineStarts(source: string): number[] {
	const starts = [0];
	for (let index = source.indexOf('\n'); index !== -1; index = source.indexOf('\n', index + 1)) starts.push(index + 1);
	return starts;
}

/** The part of a note an embed shows: a Logseq block, the section below a heading, down to the next heading as high, or the whole body. */
function embedRange(note: CatalogueNote, source: string, starts: number[], heading: OutlineHeading | undefined, block: LogseqBlock | undefined): [number, number] {
	const at = (line: number | undefined) => (line === undefined ? source.length : (starts[line - 1] ?? source.length));
	if (block) return [at(block.line), at(block.endLine + 1)];
	if (!heading) return [FRONTMATTER.exec(source)?.[0].length ?? 0, source.length];
	const index = note.headings.indexOf(heading);
	const next = note.headings.slice(index + 1).find((each) => each.depth <= heading.depth);
	return [at(heading.line), next ? at(next.line) : source.length];
}

/**
 * A relative URL of `note`, rooted at the notes folder (`/aws/img/my%20x.png`): it resolves the
 * same from any note. Its path is read as the resolver reads it (query and fragment apart, then
 * decoded), joined to the note's folder, and encoded again: the folder's name may hold `%` or `#`.
 */
function rooted(url: string, note: CatalogueNote): string | undefined {
	if (url.startsWith('<')) url = url.slice(1, -1);
	if (!url || url.startsWith('/') || url.startsWith('#') || isRemoteUrl(url)) return undefined;
	const [, written, rest] = /^([^?#]*)(.*)$/s.exec(url)!;
	return `/${encodedPath(path.posix.join(path.posix.dirname(note.relativePath), decodeOrKeep(written)))}${rest}`;
}

export function embedMarkdown(target: Extract<LinkTarget, { kind: 'note' }>, context: EmbedContext, chain: string[] = []): string {
	const { note, heading, block } = target;
	// A canvas's board needs a page's width: its embed is a card that leads there.
	if (note.canvas) return canvasEmbedMarkdown(target, note.canvas.cards);
	const source = context.source(note);
	const starts = lineStarts(source);
	const [start, end] = embedRange(note, source, starts, heading, block);
	const edits: { at: number; length: number; value: string }[] = [];
	const inRange = (offset: number | undefined) => offset !== undefined && offset >= start && offset < end;

	for (const link of note.wikilinks) {
		if (!inRange(link.offset)) continue;
		const resolved = context.resolver.wikilink(link, note.relativePath);
		const label = wikilinkText(link);
		const drawing = link.embed && context.drawing ? drawingOf(resolved) : undefined;
		let value: string;
		if (resolved.kind === 'broken') value = toHtml(brokenLinkElement([text(label)], source.slice(link.offset, link.offset + link.length), resolved.problem));
		else if (resolved.kind === 'private') value = link.embed ? toHtml(privateEmbedElement()) : markdownText(label);
		// One line of HTML: a blank line (a text of several lines) would end its block.
		else if (drawing && context.drawing) value = `\n${toHtml(context.drawing(drawing)).replace(/\n/g, '&#10;')}\n`;
		else if (resolved.kind === 'image' && link.embed) {
			const { width, height, alt } = imageEmbedOptions(link.alias);
			const src = `/${encodedPath(resolved.relativePath)}`;
			value = width
				? `<img src="${src}" alt="${alt.replace(/"/g, '&quot;')}" width="${width}"${height ? ` height="${height}"` : ''}>`
				: `![${markdownText(alt)}](<${src}>)`;
		} else if (resolved.kind === 'image') value = markdownLink(label, context.resolver.fileHref(resolved.relativePath));
		else if (resolved.kind === 'file' && link.embed && mediaFileKind(resolved.relativePath)) {
			// As an image, rooted at the notes folder: the host's media plugin shows its player, sized as written.
			const { width, height, alt } = imageEmbedOptions(link.alias);
			const size = width ? `|${width}${height ? `x${height}` : ''}` : '';
			value = `![${markdownText(alt)}${size}](</${encodedPath(resolved.relativePath)}${link.heading ? `#${link.heading}` : ''}>)`;
		}
		else if (resolved.kind === 'file') value = markdownLink(label, resolved.href);
		else if (link.embed && !isBlockLink(link) && chain.length < MAX_EMBED_DEPTH && !chain.includes(resolved.note.slug) && resolved.note !== note) {
			value = `\n${embedMarkdown(resolved, context, [...chain, note.slug])}\n`;
		} else value = markdownLink(label, resolved.href);
		edits.push({ at: link.offset, length: link.length, value });
	}
	// Its Logseq block references and embeds: links to where the blocks are, showing their text.
	for (const ref of note.blockRefs) {
		if (!inRange(ref.offset)) continue;
		const resolved = context.resolver.blockRef(ref.id);
		const written = source.slice(ref.offset, ref.offset + ref.length);
		const value =
			resolved.kind === 'note' && resolved.block
				? toHtml(blockRefElement([text(resolved.block.text)], resolved.href))
				: toHtml(brokenLinkElement([text(written.replace(/^!/, ''))], written));
		edits.push({ at: ref.offset, length: ref.length, value });
	}
	for (const [references, pattern] of [[note.images, IMAGE_AT], [note.links, LINK_AT]] as const) {
		for (const reference of references) {
			if (!inRange(reference.offset)) continue;
			const match = pattern.exec(source.slice(reference.offset!, end));
			const url = match && rooted(match[1], note);
			if (!match || !url) continue;
			edits.push({ at: reference.offset! + match[0].length - match[1].length, length: match[1].length, value: `<${url}>` });
		}
	}
	// The host's parse sees no source for what it embeds, so cannot tell prose dollars from maths: they come escaped.
	for (const { offset, length } of note.proseDollars) {
		if (inRange(offset)) edits.push({ at: offset, length, value: source.slice(offset, offset + length).replace(/\$/g, '\\$') });
	}
	// Headings inside a quote would join the page's outline, with ids that may clash: shown in bold
	// instead, and those the note's own page leaves out (a lone `#`) left out here too.
	for (const [key, decision] of note.pageHeadings) {
		const line = Number(key.split(':')[0]);
		const at = starts[line - 1];
		if (at === undefined || !inRange(at)) continue;
		const lineEnd = (index: number) => (starts[index] ?? source.length) - (source.charAt((starts[index] ?? source.length) - 1) === '\n' ? 1 : 0);
		const written = source.slice(at, lineEnd(line));
		const atx = /^ {0,3}#{1,6}(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/.exec(written);
		// A setext heading: its text, then a line of `=` or `-`.
		const setext = !atx && /^ {0,3}(?:=+|-+)[ \t]*$/.test(source.slice(starts[line] ?? source.length, lineEnd(line + 1)));
		if (!atx && !setext) continue;
		const shown = (atx ? (atx[1] ?? '') : written).trim();
		const length = (setext ? lineEnd(line + 1) : lineEnd(line)) - at;
		edits.push({ at, length, value: decision.drop && shown === '' ? '' : `**${shown}**` });
	}
	let body = source.slice(start, end);
	for (const edit of edits.sort((a, b) => b.at - a.at)) {
		body = body.slice(0, edit.at - start) + edit.value + body.slice(edit.at - start + edit.length);
	}
	const name = heading ? `${note.title} › ${heading.text}` : note.title;
	// A block's lines, as deep as its first: its list starts at the quote's left.
	const dedent = (line: string) => (!block ? line : line.startsWith(block.indent) ? line.slice(block.indent.length) : line.trimStart());
	const lines = [`${EMBED_MARKER} ${markdownLink(name, target.href)}`, '', ...body.trimEnd().split(/\r?\n/).map(dedent)];
	return quoted(lines);
}

const quoted = (lines: string[]) => lines.map((line) => (line ? `> ${line}` : '>')).join('\n');

function canvasEmbedMarkdown(target: Extract<LinkTarget, { kind: 'note' }>, cards: number): string {
	return quoted([`${EMBED_MARKER} ${markdownLink(target.note.title, target.href)}`, '', `Canvas, ${cards} ${cards === 1 ? 'card' : 'cards'}: open it to see its board.`]);
}
