import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Catalogue, CatalogueNote } from './catalogue.ts';
import { badImageHint } from './check.ts';
import { inspectNoteImage } from './images.ts';
import { noteMediaFiles } from './media.ts';
import type { LinkResolver, LinkTarget } from './links.ts';
import { displayPath, type NoteProblem } from './problems.ts';
import { isBlockLink, isImageName, wikilinkText } from './wikilinks.ts';
import { findBlockRefs } from './logseq.ts';

/** A note, or a topic of it, that links to another: what its "Linked from" list shows. */
export interface Backlink {
	slug: string;
	title: string;
	topic?: { id: string; text: string };
	/** The sentence around the link. */
	context?: string;
	/** The link shows the note inline (`![[Note]]`) rather than leading to it. */
	embed: boolean;
}

export interface LinkGraph {
	problems: NoteProblem[];
	/** By the slug of the note linked to, in reading order of the notes that link. */
	backlinks: Map<string, Backlink[]>;
	/** Files of the notes folder that links lead to (PDFs, an image linked rather than shown): the site publishes them. */
	files: string[];
	/** Images of the notes folder that `![[embeds]]` show, relative to the notes folder. */
	embeddedImages: string[];
	/** Links and embeds found, and how many lead somewhere. */
	links: number;
	resolved: number;
	/**
	 * By note (its path in the notes folder): a fingerprint of where its links lead and of what it
	 * embeds. A note renders again when it changes, though its own text did not (a heading it links
	 * to was renamed, a note it embeds was edited).
	 */
	stamps: Map<string, string>;
	/** By slug: the notes a note shows inside it through embeds (and they through theirs), as deep as the page shows them. */
	shown: Map<string, CatalogueNote[]>;
	/** By slug: where each of a note's wikilinks leads, in the order of `note.wikilinks`. */
	wikilinkTargets: Map<string, LinkTarget[]>;
	/** The slugs of the notes that link to, or embed, another note. */
	linking: Set<string>;
}

/** Embeds inside embeds show at most this deep. */
export const MAX_EMBED_DEPTH = 3;

/** The sentence of `context` that holds `text` (or its first), at most 240 characters. */
function sentenceAround(context: string | undefined, text: string | undefined): string | undefined {
	if (!context) return undefined;
	const sentences = context.split(/(?<=[.!?。！？])\s+/);
	const sentence = (text && sentences.find((each) => each.includes(text))) || sentences[0];
	return sentence.length > 240 ? `${sentence.slice(0, 239).trimEnd()}…` : sentence;
}

/** Text with its Logseq block references as the page shows them: the blocks' text. */
function withBlockRefsShown(text: string, resolver: LinkResolver): string {
	let shown = '';
	let last = 0;
	for (const ref of findBlockRefs(text)) {
		const target = resolver.blockRef(ref.id);
		shown += text.slice(last, ref.index) + (target.kind === 'note' && target.block ? target.block.text : '');
		last = ref.index + ref.length;
	}
	return shown + text.slice(last);
}

/** The topic of `note` that a line falls in. */
function topicAt(note: CatalogueNote, line: number | undefined) {
	if (line === undefined) return undefined;
	const topic = note.topics.findLast((each) => (each.line ?? Infinity) <= line);
	return topic && { id: topic.id, text: topic.text };
}

/**
 * Every link and embed of every note, resolved once: the problems (broken, ambiguous, embeds that
 * loop), the backlinks of each note, and the files the site must publish.
 */
export function linkGraph(catalogue: Pick<Catalogue, 'notes' | 'notesRoot'>, resolver: LinkResolver, projectRoot: string): LinkGraph {
	const graph: LinkGraph = { problems: [], backlinks: new Map(), files: [], embeddedImages: [], links: 0, resolved: 0, stamps: new Map(), shown: new Map(), wikilinkTargets: new Map(), linking: new Set() };
	/** What each note's links came to, for its stamp. */
	const outcomes = new Map<CatalogueNote, string[]>();
	const files = new Set<string>();
	const embeddedImages = new Set<string>();
	const seenBacklinks = new Set<string>();
	/** Notes each note embeds, with where. */
	const embeds = new Map<string, { target: CatalogueNote; line?: number; column?: number; written: string }[]>();

	const record = (
		note: CatalogueNote,
		target: LinkTarget,
		at: { line?: number; column?: number },
		link: { embed: boolean; image?: boolean; text?: string; context?: string; written: string },
	) => {
		graph.links++;
		const outcome =
			target.kind === 'broken'
				? `broken:${target.message}`
				: target.kind === 'image'
					? `image:${target.relativePath}`
					: target.kind === 'private'
						? 'private'
						: `${target.kind}:${target.href}${target.kind === 'note' && target.block ? `:${target.block.text}` : ''}`;
		outcomes.get(note)?.push(outcome) ?? outcomes.set(note, [outcome]);
		if (target.kind === 'broken') {
			const kind = link.image ? 'missing-image' : target.problem;
			graph.problems.push({ kind, file: displayPath(note.file, projectRoot), line: at.line, column: at.column, message: target.message, hint: target.hint });
			return;
		}
		graph.resolved++;
		if (target.kind === 'private') return;
		if (target.kind === 'file' || (target.kind === 'image' && !link.embed)) files.add(target.relativePath);
		else if (target.kind === 'image') {
			// Shown only when the site can show it; the page shows a placeholder, the report says why.
			const file = path.join(catalogue.notesRoot, target.relativePath);
			const image = inspectNoteImage(file, catalogue.notesRoot);
			if (image.ok) embeddedImages.add(target.relativePath);
			else {
				const hint = badImageHint(displayPath(file, projectRoot), image.reason);
				graph.problems.push({ kind: 'bad-image', file: displayPath(note.file, projectRoot), line: at.line, column: at.column, message: link.written, hint });
			}
		}
		if (target.kind !== 'note' || target.note === note) return;
		graph.linking.add(note.slug);
		const topic = topicAt(note, at.line);
		const key = `${target.note.slug}\0${note.slug}\0${topic?.id ?? ''}`;
		if (seenBacklinks.has(key)) return;
		seenBacklinks.add(key);
		const backlink: Backlink = { slug: note.slug, title: note.title, topic, context: sentenceAround(link.context && withBlockRefsShown(link.context, resolver), link.text), embed: link.embed };
		const list = graph.backlinks.get(target.note.slug);
		if (list) list.push(backlink);
		else graph.backlinks.set(target.note.slug, [backlink]);
	};

	for (const note of catalogue.notes) {
		const wikilinkTargets: LinkTarget[] = [];
		graph.wikilinkTargets.set(note.slug, wikilinkTargets);
		for (const link of note.wikilinks) {
			const target = resolver.wikilink(link, note.relativePath);
			wikilinkTargets.push(target);
			const written = `${link.embed ? '!' : ''}[[${link.target}${link.heading ? `#${link.heading}` : ''}]]`;
			record(note, target, link, { embed: link.embed, image: link.embed && isImageName(link.target), text: wikilinkText(link), context: link.context, written });
			// Embeds of a note's own sections, and of blocks (shown as links), cannot loop.
			if (link.embed && target.kind === 'note' && target.note !== note && !isBlockLink(link)) {
				const list = embeds.get(note.slug) ?? [];
				list.push({ target: target.note, line: link.line, column: link.column, written });
				embeds.set(note.slug, list);
			}
		}
		for (const link of note.links) {
			const target = resolver.markdown(link.url, note.relativePath);
			if (target) record(note, target, link, { embed: false, text: link.text, context: link.context, written: link.url });
		}
		for (const ref of note.blockRefs) {
			const target = resolver.blockRef(ref.id);
			record(note, target, ref, { embed: ref.embed, text: target.kind === 'note' ? target.block?.text : undefined, context: ref.context, written: `((${ref.id}))` });
		}
		for (const file of noteMediaFiles(note, catalogue.notesRoot)) files.add(file);
	}

	// An embed whose notes embed each other in a loop, or deeper than the site shows, is reported where it starts.
	const depthBelow = (slug: string, chain: string[]): { loop?: string[]; depth: number } => {
		let deepest = 0;
		for (const embed of embeds.get(slug) ?? []) {
			if (chain.includes(embed.target.slug)) return { loop: [...chain, embed.target.slug], depth: Infinity };
			const below = depthBelow(embed.target.slug, [...chain, embed.target.slug]);
			if (below.loop) return below;
			deepest = Math.max(deepest, below.depth + 1);
			if (deepest > MAX_EMBED_DEPTH) break;
		}
		return { depth: deepest };
	};
	for (const note of catalogue.notes) {
		for (const embed of embeds.get(note.slug) ?? []) {
			const below = depthBelow(embed.target.slug, [note.slug, embed.target.slug]);
			if (!below.loop && below.depth + 1 <= MAX_EMBED_DEPTH) continue;
			const titles = (slugs: string[]) => slugs.map((slug) => catalogue.notes.find((each) => each.slug === slug)?.title ?? slug).join(' → ');
			graph.problems.push({
				kind: 'embed-loop',
				file: displayPath(note.file, projectRoot),
				line: embed.line,
				column: embed.column,
				message: embed.written,
				hint: below.loop
					? `The embeds loop (${titles(below.loop)}): the page shows the note up to the repeat, then a link.`
					: `Embeds inside embeds show ${MAX_EMBED_DEPTH} deep at most; below that the page shows a link.`,
			});
		}
	}
	graph.files = [...files].sort();
	graph.embeddedImages = [...embeddedImages].sort();
	// What a note shows of the notes it embeds (and they of theirs) is part of it.
	const embedded = (slug: string, chain: string[]): CatalogueNote[] =>
		(embeds.get(slug) ?? []).flatMap(({ target }) => (chain.includes(target.slug) || chain.length > MAX_EMBED_DEPTH ? [] : [target, ...embedded(target.slug, [...chain, target.slug])]));
	for (const [note, list] of outcomes) {
		const shown = embedded(note.slug, [note.slug]);
		if (shown.length > 0) graph.shown.set(note.slug, shown);
		graph.stamps.set(note.relativePath, createHash('sha1').update([...list, ...shown.map((each) => each.hash)].join('\n')).digest('hex'));
	}
	return graph;
}
