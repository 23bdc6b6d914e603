import path from 'node:path';
import { slug as githubSlug } from 'github-slugger';
import type { Catalogue, CatalogueNote } from './catalogue.ts';
import { isLocalPath, isRemoteUrl } from './assets.ts';
import { splitTopicNumber } from './headings.ts';
import { IMAGE_EXTENSIONS } from './images.ts';
import type { BrokenLinkProblem } from '../dom/link.ts';
import type { OutlineHeading } from './note-tree.ts';
import { decodeOrKeep, encodedPath, noteUrl } from '../browser-safe/url-path.ts';
import { comparable, type Wikilink } from './wikilinks.ts';
import { NOTE_EXTENSION } from './files.ts';
import { DRAWING_FILE } from './drawings.ts';
import type { LogseqBlock } from './logseq.ts';

/**
 * Where a link of a note leads, from the whole folder's catalogue: Obsidian's `[[wikilinks]]`
 * (by path, else by the one note or file of that name anywhere in the folder, else by the one note
 * with that alias) and Markdown links between notes (`../dir/other.md#anchor`, a folder's
 * `README.md` or `index.md`, MkDocs' `other/`, the page Jekyll makes of a note, `other.html#anchor`).
 * The catalogue resolves every link once (for the report, backlinks and the files to publish); the
 * Markdown plugins ask again for the link they render, and get the same answer.
 */
export type LinkTarget =
	| { kind: 'note'; note: CatalogueNote; heading?: OutlineHeading; href: string; block?: LogseqBlock }
	/** An image of the notes folder (an embed `![[chart.png]]` shows it as a figure). */
	| { kind: 'image'; relativePath: string }
	/** Any other file of the notes folder (a PDF): the site publishes it at its path. */
	| { kind: 'file'; relativePath: string; href: string }
	| { kind: 'broken'; problem: BrokenLinkProblem; message: string; hint: string }
	/** A private note (see `private.ts`): the link is plain text, an embed a placeholder that says nothing of it. */
	| { kind: 'private' };

/** Extensions of files, not of domain names: `dinos.txt` is a file, `kaggle.com` a site. */
const FILE_EXTENSION = /^(?:mdx?|txt|csv|tsv|json|ya?ml|toml|xml|py|ipynb|sh|js|ts|c|h|cpp|java|rs|go|rb|zip|tar|gz|docx?|pptx?|xlsx?|html?|png|jpe?g|gif|svg|webp|pdf|bib|tex)$/i;
const FOLDER_PAGE = /^(?:readme|index)\.mdx?$/i;
const isImage = (file: string) => (IMAGE_EXTENSIONS as readonly string[]).includes(path.posix.extname(file).toLowerCase());
/** A note's name as links write it: a drawing keeps `.excalidraw` (`[[flow.excalidraw]]` names `flow.excalidraw.md`). */
const stem = (file: string) => path.posix.basename(file).replace(/\.(?:mdx?|base|canvas)$/i, '');

/**
 * How Obsidian and a reader compare heading text: case, spacing and a topic's number left out,
 * dashes as typed (the page's smart punctuation makes them), and punctuation as spaces: Obsidian
 * drops `:`, `#`, `^`, `|` and brackets from a heading link, and vaults link
 * `## Random Access Memory (RAM)` as `[[Memory#Random Access Memory RAM]]` and
 * `## Publish/Subscribe` as `#Publish Subscribe`. Letters, digits, `-` and `.` count.
 */
const headingKey = (text: string) =>
	comparable(splitTopicNumber(text.trim())?.rest ?? text.trim())
		.replace(/[–—]/g, '-')
		.replace(/…/g, '...')
		.replace(/[^\p{L}\p{N}\p{M}\s.-]+/gu, ' ')
		.replace(/\s+/g, ' ')
		.replace(/[.\s]+$/, '')
		.trim();

/** The page a site generator (Jekyll, GitHub Pages) makes of a note: `other.html`, `folder/index.html`. */
const HTML_PAGE = /\.html?$/i;

/**
 * The anchors other tools give a heading of this text: kramdown's (Jekyll, GitHub Pages: leading
 * non-letters dropped, then all but letters, digits, `_`, `-` and spaces, spaces as `-`) and the
 * one Jekyll's `slugify` and many editors make (each run of other characters as one `-`:
 * `#example-find-a-row-space-s-basis` for "Example: Find a Row Space's Basis").
 */
function otherToolsAnchors(text: string): string[] {
	const lowered = text.toLowerCase();
	const kramdown = lowered.replace(/^[^a-z]+/, '').replace(/[^a-z0-9_ -]/g, '').replace(/ /g, '-');
	const dashed = lowered.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '');
	return [kramdown, dashed];
}

/** Edit distance, for "did you mean". */
function distance(a: string, b: string): number {
	const row = Array.from({ length: b.length + 1 }, (_, index) => index);
	for (let i = 1; i <= a.length; i++) {
		let previous = row[0];
		row[0] = i;
		for (let j = 1; j <= b.length; j++) {
			const kept = row[j];
			row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
			previous = kept;
		}
	}
	return row[b.length];
}

/** The candidate closest to `wanted`, when it is close enough to be what the author meant. */
export function closest(wanted: string, candidates: Iterable<string>): string | undefined {
	let best: { candidate: string; score: number } | undefined;
	const key = comparable(wanted);
	const limit = Math.max(2, Math.floor(key.length / 3));
	for (const candidate of candidates) {
		// Lengths further apart than the limit are further apart than it in edits too (a folder has thousands of names and aliases).
		const other = comparable(candidate);
		if (Math.abs(other.length - key.length) > limit) continue;
		const score = distance(key, other);
		if (!best || score < best.score) best = { candidate, score };
	}
	return best && best.score <= limit ? best.candidate : undefined;
}

function addTo<V>(map: Map<string, V[]>, key: string, value: V) {
	const list = map.get(key);
	if (list) list.push(value);
	else map.set(key, [value]);
}

export class LinkResolver {
	readonly base: string;
	#notesByPath = new Map<string, CatalogueNote>();
	#notesByName = new Map<string, CatalogueNote[]>();
	#notesByAlias = new Map<string, CatalogueNote[]>();
	#assetsByPath = new Map<string, string>();
	#assetsByName = new Map<string, string[]>();
	/** A folder's `README.md` or `index.md`, by the folder (`''` for the notes folder). */
	#folderPages = new Map<string, CatalogueNote>();
	#slugs = new Set<string>();
	/** Notes left out of the site (empty, not UTF-8…): a link to one says so. */
	#excluded: string[];
	/** Private notes, by path with and without the extension, and by name. */
	#privateByPath = new Set<string>();
	#privateByName = new Set<string>();
	/** A Logseq graph's blocks with ids, over the whole graph: the first in reading order has an id two blocks share. */
	#blocks = new Map<string, { note: CatalogueNote; block: LogseqBlock }>();

	/** What it resolves in. */
	readonly catalogue: Pick<Catalogue, 'notes' | 'assets' | 'excluded'>;

	constructor(catalogue: Pick<Catalogue, 'notes' | 'assets' | 'excluded'> & Partial<Pick<Catalogue, 'private'>>, base: string) {
		this.base = base;
		this.catalogue = catalogue;
		this.#excluded = catalogue.excluded;
		for (const { relativePath } of catalogue.private ?? []) {
			this.#privateByPath.add(comparable(relativePath)).add(comparable(relativePath.replace(NOTE_EXTENSION, '')));
			this.#privateByName.add(comparable(stem(relativePath)));
		}
		for (const note of catalogue.notes) {
			this.#notesByPath.set(comparable(note.relativePath), note);
			this.#notesByPath.set(comparable(note.relativePath.replace(NOTE_EXTENSION, '')), note);
			addTo(this.#notesByName, comparable(stem(note.relativePath)), note);
			for (const alias of note.aliases) addTo(this.#notesByAlias, comparable(alias), note);
			this.#slugs.add(note.slug);
			if (FOLDER_PAGE.test(path.posix.basename(note.relativePath))) this.#folderPages.set(comparable(note.group), note);
			for (const block of note.blocks) if (!this.#blocks.has(block.id)) this.#blocks.set(block.id, { note, block });
		}
		for (const asset of catalogue.assets) {
			this.#assetsByPath.set(comparable(asset), asset);
			addTo(this.#assetsByName, comparable(path.posix.basename(asset)), asset);
		}
	}

	noteAt(relativePath: string): CatalogueNote | undefined {
		return this.#notesByPath.get(comparable(relativePath));
	}

	/** The page of a note, below the base: `/notes/aws/vpc/#flow-logs`. */
	noteHref(note: CatalogueNote, heading?: OutlineHeading): string {
		return noteUrl(this.base, note.slug, heading?.id);
	}

	fileHref(relativePath: string): string {
		return `${this.base}${encodedPath(relativePath)}`;
	}

	/** `[[Note]]`, `[[folder/Note#Heading|text]]`, `![[image.png]]`, `[[#Heading]]`, written in the note at `from`. */
	wikilink(link: Pick<Wikilink, 'target' | 'heading'> & { embed?: boolean }, from: string): LinkTarget {
		const fromFolder = path.posix.dirname(from);
		const written = `${link.embed ? '!' : ''}[[${link.target}${link.heading ? `#${link.heading}` : ''}]]`;
		if (link.target === '') {
			const self = this.noteAt(from);
			if (!self) return this.#broken(written, 'The note is not in the site.', '');
			const target = this.#withHeading(self, link.heading, written);
			// On the same page, the fragment alone: the tab opens without a reload.
			return target.kind === 'note' && target.heading ? { ...target, href: `#${target.heading.id}` } : target;
		}
		const target = link.target.replace(/\\/g, '/').replace(/^\.\//, '');
		const findNotes = (name: string) => this.#find(name, fromFolder, this.#notesByPath, this.#notesByName, (note) => note.relativePath, stem);
		const bare = target.replace(NOTE_EXTENSION, '');
		const either = (first: CatalogueNote[], second: () => CatalogueNote[]) => (first.length > 0 ? first : second());
		// `[[flow.excalidraw]]` is the drawing (`flow.excalidraw.md` or `flow.excalidraw`), not a note `flow`;
		// `[[flow]]` finds the drawing when no note is named `flow`, as Obsidian finds it.
		const notes = DRAWING_FILE.test(target) ? either(findNotes(target), () => findNotes(bare)) : either(findNotes(bare), () => findNotes(`${bare}.excalidraw`));
		if (notes.length === 1) return this.#withHeading(notes[0], link.heading, written);
		const files = notes.length === 0 ? this.#find(target, fromFolder, this.#assetsByPath, this.#assetsByName, (file) => file, path.posix.basename) : [];
		if (files.length === 1) return this.#file(files[0]);
		const candidates = notes.length > 1 ? notes.map((note) => note.relativePath) : files;
		if (candidates.length > 1) {
			return {
				kind: 'broken',
				problem: 'ambiguous-link',
				message: written,
				hint: `${candidates.length} notes or files have that name (${candidates.join(', ')}): write the folder too, e.g. [[${candidates[0].replace(NOTE_EXTENSION, '')}]].`,
			};
		}
		if (this.#isPrivate(target, fromFolder) || (!target.includes('/') && this.#privateByName.has(comparable(stem(target))))) return { kind: 'private' };
		// Only what no note or file is named: in Obsidian a name always leads to its own note, whatever the aliases.
		const aliased = this.#besideIfMany(this.#notesByAlias.get(comparable(target)) ?? [], fromFolder, (note) => note.relativePath);
		if (aliased.length === 1) return this.#withHeading(aliased[0], link.heading, written);
		if (aliased.length > 1) {
			const paths = aliased.map((note) => note.relativePath);
			return {
				kind: 'broken',
				problem: 'ambiguous-link',
				message: written,
				hint: `${paths.length} notes have the alias “${target}” (${paths.join(', ')}): link one by its name, e.g. [[${paths[0].replace(NOTE_EXTENSION, '')}|${target}]].`,
			};
		}
		const left = this.#excluded.find((each) => comparable(stem(each)) === comparable(stem(target)));
		if (left) return this.#broken(written, `${left} is left out of the site: see its own problem in this report.`, '');
		const name = stem(target);
		const names = [...this.#notesByName.values()].map((named) => stem(named[0].relativePath));
		const suggestion = closest(name, [...names, ...this.catalogue.notes.flatMap((note) => note.aliases)]);
		return this.#broken(written, `No note or file named “${name}” in the notes folder.`, suggestion ? ` Did you mean [[${suggestion}${link.heading ? `#${link.heading}` : ''}]]?` : '');
	}

	/** A Logseq block reference, `((uuid))`: the block, on its page, or a broken link when no block of the graph has the id. */
	blockRef(id: string): LinkTarget {
		const found = this.#blocks.get(comparable(id));
		if (found) return { kind: 'note', note: found.note, block: found.block, href: this.noteHref(found.note) };
		return this.#broken(`((${id}))`, `No block of the graph has the id ${id} (\`id:: ${id}\` under it): it was deleted, or its page is not in the notes folder.`, '');
	}

	/**
	 * A Markdown link's `href` in the note at `from`: a note (`other.md#x`, `../dir/`, `#x` in the
	 * same note), a file of the notes folder, or a broken link; undefined for what is not the notes'
	 * (another site, `mailto:`, a path of the site like `/aws/vpc/`).
	 */
	markdown(href: string, from: string): LinkTarget | undefined {
		if (href === '' || isRemoteUrl(href) || href.startsWith('?')) return undefined;
		const hash = href.indexOf('#');
		// The query goes before decoding: `what%3F.md` names `what?.md`.
		const pathPart = decodeOrKeep((hash === -1 ? href : href.slice(0, hash)).replace(/\?.*$/, ''));
		const fragment = hash === -1 ? undefined : decodeOrKeep(href.slice(hash + 1));
		if (pathPart === '') {
			const self = this.noteAt(from);
			if (!self || !fragment) return undefined;
			const target = this.#withFragment(self, fragment, href);
			// On the same page, the fragment alone: the tab opens without a reload.
			return target.kind === 'note' && target.heading ? { ...target, href: `#${target.heading.id}` } : target;
		}
		const rooted = pathPart.startsWith('/');
		const joined = rooted ? path.posix.normalize(pathPart.slice(1)) : path.posix.join(path.posix.dirname(from), pathPart);
		const bare = joined.replace(/\/$/, '').replace(/^\.$/, '');
		const inside = bare !== '..' && !bare.startsWith('../');
		// A path the author wrote from the notes folder's top (`CH10/README.md` in `CH03/README.md`) is taken too.
		const fromTop = !rooted && !pathPart.startsWith('.') ? path.posix.normalize(pathPart).replace(/\/$/, '') : undefined;
		const noteAt = (at: string) => this.noteAt(at) ?? this.#folderPages.get(comparable(at)) ?? (HTML_PAGE.test(at) ? this.#noteOfPage(at) : undefined);
		const note = (inside ? noteAt(bare) : undefined) ?? (fromTop ? noteAt(fromTop) : undefined);
		if (note) return fragment ? this.#withFragment(note, fragment, href) : { kind: 'note', note, href: this.noteHref(note) };
		const file = (inside ? this.#assetsByPath.get(comparable(bare)) : undefined) ?? (fromTop ? this.#assetsByPath.get(comparable(fromTop)) : undefined);
		if (file) return this.#file(file);
		if (isLocalPath(pathPart) && !(rooted && this.#slugs.has(bare))) return this.#localPath(href, pathPart);
		// A page no note makes may be a page of the site the notes are part of.
		if (HTML_PAGE.test(bare)) return undefined;
		if (!NOTE_EXTENSION.test(bare)) {
			// A path of the site, from its root (`/aws/vpc/`) or from the page (`../aws/vpc/`), is the author's own and works as written.
			if (rooted) return undefined;
			const page = this.noteAt(from);
			const fromPage = new URL(pathPart, `http://site/${page?.slug ? `${page.slug}/` : ''}`).pathname.slice(1).replace(/\/$/, '');
			if (this.#slugs.has(fromPage)) return undefined;
		}
		if (!inside) return this.#broken(href, 'The link leaves the notes folder: nothing outside it is published.', '');
		if (this.#isPrivate(bare, '') || (fromTop !== undefined && this.#isPrivate(fromTop, ''))) return { kind: 'private' };
		const left = this.#excluded.find((each) => comparable(each) === comparable(bare) || comparable(each.replace(NOTE_EXTENSION, '')) === comparable(bare));
		if (left) return this.#broken(href, `${left} is left out of the site: see its own problem in this report.`, '');
		// `kaggle.com`, `github.com/x`: a site, written without `https://`.
		const host = /^([a-z\d-]+(?:\.[a-z\d-]+)*)\.([a-z]{2,})(?:\/|$)/i.exec(pathPart);
		if (host && !FILE_EXTENSION.test(host[2])) {
			return this.#broken(href, `No note or file at ${bare} in the notes folder.`, ` Did you mean https://${pathPart}?`);
		}
		const suggestion = closest(stem(bare), [...this.#notesByPath.values()].map((each) => each.relativePath));
		return this.#broken(href, `No note or file at ${bare || '.'} in the notes folder.`, suggestion ? ` Did you mean ${suggestion}?` : '');
	}

	/** Notes (or files) a wikilink target names: its path from the notes folder or the note's folder, else its name anywhere. */
	#find<T>(target: string, fromFolder: string, byPath: Map<string, T>, byName: Map<string, T[]>, pathOf: (item: T) => string, nameOf: (file: string) => string): T[] {
		const key = comparable(target);
		const exact = byPath.get(key) ?? byPath.get(comparable(path.posix.join(fromFolder, target)));
		if (exact) return [exact];
		const named = byName.get(comparable(nameOf(target))) ?? [];
		const matching = target.includes('/') ? named.filter((item) => comparable(pathOf(item)).replace(NOTE_EXTENSION, '').endsWith(`/${key}`)) : named;
		return this.#besideIfMany(matching, fromFolder, pathOf);
	}

	/** Of several notes (or files) a link names, the one beside the linking note, as Obsidian takes it; else all of them. */
	#besideIfMany<T>(matching: T[], fromFolder: string, pathOf: (item: T) => string): T[] {
		if (matching.length <= 1) return matching;
		const beside = matching.filter((item) => path.posix.dirname(pathOf(item)) === fromFolder);
		return beside.length === 1 ? beside : matching;
	}

	/** A private note at `target`, from the notes folder or from `fromFolder`. */
	#isPrivate(target: string, fromFolder: string): boolean {
		const paths = [target, path.posix.join(fromFolder, target)].map((each) => comparable(each.replace(NOTE_EXTENSION, '')));
		return paths.some((each) => this.#privateByPath.has(each) || this.#privateByPath.has(`${each}/readme`) || this.#privateByPath.has(`${each}/index`));
	}

	/** The note Jekyll makes `page` of (`other.html` of `other.md`, `folder/index.html` of the folder's README or index). */
	#noteOfPage(page: string): CatalogueNote | undefined {
		const bare = page.replace(HTML_PAGE, '');
		const folder = path.posix.dirname(bare);
		return this.noteAt(bare) ?? (comparable(path.posix.basename(bare)) === 'index' ? this.#folderPages.get(comparable(folder === '.' ? '' : folder)) : undefined);
	}

	/** A link to a path on the author's computer; a note or file of that name is suggested. */
	#localPath(href: string, pathPart: string): LinkTarget {
		const name = comparable(pathPart.split(/[\\/]/).at(-1) ?? '');
		const found = this.#notesByName.get(name.replace(NOTE_EXTENSION, ''))?.[0]?.relativePath ?? this.#assetsByName.get(name)?.[0];
		return {
			kind: 'broken',
			problem: 'local-link',
			message: href,
			hint: `A path on the computer the note was written on: no reader of the site can open it. ${
				found ? `Link the copy in the notes folder instead: ${found}.` : 'Copy the file into the notes folder and link it from the note (files/setup.sh), or link to where it is published.'
			}`,
		};
	}

	#file(relativePath: string): LinkTarget {
		return isImage(relativePath) ? { kind: 'image', relativePath } : { kind: 'file', relativePath, href: this.fileHref(relativePath) };
	}

	#broken(message: string, hint: string, suggestion: string): LinkTarget {
		return { kind: 'broken', problem: 'broken-link', message, hint: `${hint}${suggestion}` };
	}

	/** `Topic#Section`: each heading after the one before; `^block` (a block id) leads to the note. */
	#withHeading(note: CatalogueNote, headingPath: string | undefined, written: string): LinkTarget {
		const parts = headingPath?.split('#').map((part) => part.trim()).filter(Boolean) ?? [];
		if (parts.length === 0 || parts[0].startsWith('^')) return { kind: 'note', note, href: this.noteHref(note) };
		let from = 0;
		let found: OutlineHeading | undefined;
		for (const part of parts) {
			const key = headingKey(part);
			const index = note.headings.findIndex(
				(heading, at) => at >= from && (headingKey(heading.text) === key || (heading.written !== undefined && headingKey(heading.written) === key)),
			);
			// The heading the page shows as the note's title: the link leads to the top of the page.
			if (index === -1 && parts.length === 1 && headingKey(note.title) === headingKey(part)) return { kind: 'note', note, href: this.noteHref(note) };
			if (index === -1) {
				const suggestion = closest(part, note.headings.map((heading) => heading.text));
				return this.#broken(written, `“${note.title}” has no heading “${part}”.`, suggestion ? ` Did you mean [[${stem(note.relativePath)}#${suggestion}]]?` : '');
			}
			found = note.headings[index];
			from = index + 1;
		}
		return { kind: 'note', note, heading: found, href: this.noteHref(note, found) };
	}

	/** `#fragment` of a Markdown link: our id, the anchor GitHub gives the heading, its text, or the anchor another tool gives it. */
	#withFragment(note: CatalogueNote, fragment: string, written: string): LinkTarget {
		const slugged = githubSlug(fragment);
		const lowered = fragment.toLowerCase();
		const heading =
			note.headings.find((each) => each.id === fragment) ??
			note.headings.find((each) => each.githubId === fragment) ??
			note.headings.find((each) => each.id === slugged || each.githubId === slugged || headingKey(each.text) === headingKey(fragment)) ??
			note.headings.find((each) => [each.text, each.written].some((text) => text !== undefined && otherToolsAnchors(text).includes(lowered)));
		if (heading) return { kind: 'note', note, heading, href: this.noteHref(note, heading) };
		// The anchor of the heading the page shows as the note's title: the top of the page.
		if (slugged === githubSlug(note.title) || fragment === githubSlug(note.title)) return { kind: 'note', note, href: this.noteHref(note) };
		const suggestion = closest(fragment, note.headings.map((each) => each.githubId ?? each.id));
		return this.#broken(written, `“${note.title}” has no heading with the anchor #${fragment}.`, suggestion ? ` Did you mean #${suggestion}?` : '');
	}
}
