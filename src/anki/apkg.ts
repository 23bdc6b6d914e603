import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { htmlToHast } from 'satteri';
import { CLOZE_BLANK_CLASS, CLOZE_REVEALED_CLASS } from '../dom/card-sides.ts';
import { zip } from './zip.ts';

/**
 * Anki's package (`.apkg`): a zip holding `collection.anki2`, an SQLite database in Anki's legacy
 * layout (schema 11, which every Anki since 2.1 imports), `media`, a JSON map from each media
 * file's number to its name, and the media files named by those numbers. Importing a package again
 * updates its notes rather than adding them twice: Anki matches notes by `guid`, and the note type
 * and decks keep their ids from build to build.
 */
export interface AnkiNote {
	/** Stable across builds: the card's own id. */
	guid: string;
	/** The deck's whole name, nested with `::`. */
	deck: string;
	front: string;
	back: string;
	/** Anki-safe tags: no spaces. */
	tags: readonly string[];
}

export interface AnkiMedia {
	/** The name the notes' HTML uses (`<img src="{name}">`). */
	name: string;
	data: Uint8Array;
}

const COLLECTION_FILE = 'collection.anki2';
const MEDIA_FILE = 'media';
/** What separates a note's fields in `notes.flds`. */
export const FIELD_SEPARATOR = '\x1f';
const NOTE_TYPE_NAME = 'Study notes (front and back)';
/** Anki's own default deck, which every collection has. */
const DEFAULT_DECK_ID = 1;
const DECK_OPTIONS_ID = 1;

/** An id from a name, the same every build: above 2^40, clear of Anki's default deck (1), below 2^53. */
export function stableAnkiId(name: string): number {
	return 2 ** 40 + Number.parseInt(createHash('sha1').update(name).digest('hex').slice(0, 10), 16);
}

export const NOTE_TYPE_ID = stableAnkiId(`notes-site note type: ${NOTE_TYPE_NAME}`);

/** The schema of Anki's legacy collection (schema 11), as Anki 2.1 creates it. */
const SCHEMA = `
CREATE TABLE col (id integer primary key, crt integer not null, mod integer not null, scm integer not null, ver integer not null, dty integer not null, usn integer not null, ls integer not null, conf text not null, models text not null, decks text not null, dconf text not null, tags text not null);
CREATE TABLE notes (id integer primary key, guid text not null, mid integer not null, mod integer not null, usn integer not null, tags text not null, flds text not null, sfld integer not null, csum integer not null, flags integer not null, data text not null);
CREATE TABLE cards (id integer primary key, nid integer not null, did integer not null, ord integer not null, mod integer not null, usn integer not null, type integer not null, queue integer not null, due integer not null, ivl integer not null, factor integer not null, reps integer not null, lapses integer not null, left integer not null, odue integer not null, odid integer not null, flags integer not null, data text not null);
CREATE TABLE revlog (id integer primary key, cid integer not null, usn integer not null, ease integer not null, ivl integer not null, lastIvl integer not null, factor integer not null, time integer not null, type integer not null);
CREATE TABLE graves (usn integer not null, oid integer not null, type integer not null);
CREATE INDEX ix_notes_usn on notes (usn);
CREATE INDEX ix_cards_usn on cards (usn);
CREATE INDEX ix_revlog_usn on revlog (usn);
CREATE INDEX ix_cards_nid on cards (nid);
CREATE INDEX ix_cards_sched on cards (did, queue, due);
CREATE INDEX ix_revlog_cid on revlog (cid);
CREATE INDEX ix_notes_csum on notes (csum);
`;

/** How the cards look in Anki: the site's card, in Anki's light and night modes. */
const NOTE_TYPE_CSS = `.card { font-family: system-ui, sans-serif; font-size: 18px; line-height: 1.5; text-align: left; color: #1f2328; background: #fff; max-width: 40em; margin: 0 auto; }
.nightMode.card, .night_mode .card { color: #e6edf3; background: #0d1117; }
img { max-width: 100%; height: auto; }
mark { background: #fff3a3; color: inherit; }
.nightMode mark, .night_mode mark { background: #5c4a00; }
.${CLOZE_BLANK_CLASS} { background: #dbe7ff; }
.nightMode .${CLOZE_BLANK_CLASS}, .night_mode .${CLOZE_BLANK_CLASS} { background: #1f3a66; }
.${CLOZE_REVEALED_CLASS} { outline: 2px solid currentColor; }
pre { white-space: pre-wrap; }
`;

function noteType(mod: number, deckId: number) {
	const field = (name: string, ord: number) => ({ name, ord, font: 'Arial', media: [], rtl: false, size: 20, sticky: false });
	return {
		id: NOTE_TYPE_ID,
		name: NOTE_TYPE_NAME,
		type: 0,
		mod,
		usn: -1,
		sortf: 0,
		did: deckId,
		tmpls: [{ name: 'Card 1', ord: 0, qfmt: '{{Front}}', afmt: '{{FrontSide}}\n\n<hr id=answer>\n\n{{Back}}', bqfmt: '', bafmt: '', did: null }],
		flds: [field('Front', 0), field('Back', 1)],
		css: NOTE_TYPE_CSS,
		latexPre: '\\documentclass[12pt]{article}\n\\special{papersize=3in,5in}\n\\usepackage{amssymb,amsmath}\n\\pagestyle{empty}\n\\setlength{\\parindent}{0in}\n\\begin{document}\n',
		latexPost: '\\end{document}',
		// Card 1 needs the Front field.
		req: [[0, 'all', [0]]],
		tags: [],
		vers: [],
	};
}

const deck = (id: number, name: string, mod: number) => ({
	id,
	name,
	mod,
	usn: -1,
	conf: DECK_OPTIONS_ID,
	desc: '',
	dyn: 0,
	collapsed: false,
	extendNew: 10,
	extendRev: 50,
	newToday: [0, 0],
	revToday: [0, 0],
	lrnToday: [0, 0],
	timeToday: [0, 0],
});

/** Anki's default deck options. */
const deckOptions = () => ({
	id: DECK_OPTIONS_ID,
	name: 'Default',
	mod: 0,
	usn: 0,
	maxTaken: 60,
	autoplay: true,
	timer: 0,
	replayq: true,
	new: { bury: true, delays: [1, 10], initialFactor: 2500, ints: [1, 4, 7], order: 1, perDay: 20, separate: true },
	rev: { bury: true, ease4: 1.3, fuzz: 0.05, ivlFct: 1, maxIvl: 36500, minSpace: 1, perDay: 200 },
	lapse: { delays: [10], leechAction: 1, leechFails: 8, minInt: 1, mult: 0 },
});

/** Every deck a name nests in (`A`, `A::B` for `A::B::C`), and itself. */
const deckAncestry = (name: string): string[] => name.split('::').map((_, index, parts) => parts.slice(0, index + 1).join('::'));

/** A field as Anki sorts and checks it for duplicates: its text, without HTML. */
const plainText = (html: string) => toString(htmlToHast(html, { fragment: true }) as Root).replace(/\s+/g, ' ').trim();
/** Anki's checksum of a note's first field: the first 8 hex digits of the SHA-1 of its text. */
const fieldChecksum = (text: string) => Number.parseInt(createHash('sha1').update(text).digest('hex').slice(0, 8), 16);

/** Anki's collection with `notes` (one card each, new), written to `file` (emptied first). */
function writeCollection(file: string, notes: readonly AnkiNote[], builtAt: Date, sortField: (front: string) => string): void {
	writeFileSync(file, '');
	const database = new DatabaseSync(file);
	const millis = builtAt.getTime();
	const seconds = Math.floor(millis / 1000);
	const deckNames = [...new Set(notes.flatMap((note) => deckAncestry(note.deck)))].sort();
	const decks = Object.fromEntries([
		[String(DEFAULT_DECK_ID), deck(DEFAULT_DECK_ID, 'Default', seconds)],
		...deckNames.map((name) => [String(stableAnkiId(name)), deck(stableAnkiId(name), name, seconds)]),
	]);
	const firstDeck = notes[0] ? stableAnkiId(notes[0].deck) : DEFAULT_DECK_ID;
	const conf = { activeDecks: [DEFAULT_DECK_ID], curDeck: DEFAULT_DECK_ID, newSpread: 0, collapseTime: 1200, timeLim: 0, estTimes: true, dueCounts: true, curModel: String(NOTE_TYPE_ID), nextPos: notes.length + 1, sortType: 'noteFld', sortBackwards: false, addToCur: true };
	// A file written once and zipped: no journal, no waiting for the disk, small pages (most decks are small).
	database.exec('PRAGMA page_size = 1024; PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; BEGIN');
	database.exec(SCHEMA);
	database
		.prepare('INSERT INTO col VALUES (1, ?, ?, ?, 11, 0, 0, 0, ?, ?, ?, ?, ?)')
		.run(
			Math.floor(new Date(builtAt).setUTCHours(4, 0, 0, 0) / 1000),
			millis,
			millis,
			JSON.stringify(conf),
			JSON.stringify({ [String(NOTE_TYPE_ID)]: noteType(seconds, firstDeck) }),
			JSON.stringify(decks),
			JSON.stringify({ [String(DECK_OPTIONS_ID)]: deckOptions() }),
			'{}',
		);
	const insertNote = database.prepare('INSERT INTO notes VALUES (?, ?, ?, ?, -1, ?, ?, ?, ?, 0, ?)');
	const insertCard = database.prepare('INSERT INTO cards VALUES (?, ?, ?, 0, ?, -1, 0, 0, ?, 0, 0, 0, 0, 0, 0, 0, 0, ?)');
	notes.forEach((note, index) => {
		// Ids are creation times in Anki: the build's, one millisecond apart.
		const id = millis + index;
		const sortText = sortField(note.front);
		const tags = note.tags.length > 0 ? ` ${note.tags.join(' ')} ` : '';
		insertNote.run(id, note.guid, NOTE_TYPE_ID, seconds, tags, `${note.front}${FIELD_SEPARATOR}${note.back}`, sortText, fieldChecksum(sortText), '');
		insertCard.run(id, id, stableAnkiId(note.deck), seconds, index + 1, '');
	});
	database.exec('COMMIT');
	database.close();
}

/**
 * Makes packages, one after another, through one scratch database file (a file per package, made
 * and removed, cost a thousand notes' build seconds); `close` removes it.
 */
export class AnkiPackager {
	#folder = mkdtempSync(path.join(tmpdir(), 'notes-anki-'));
	#builtAt: Date;
	/** A card's front as text, by its HTML: a card is in several decks' packages, its text worked out once. */
	#sortFields = new Map<string, string>();

	/** `builtAt`: the notes' and decks' modification time. */
	constructor(builtAt: Date) {
		this.#builtAt = builtAt;
	}

	/** The `.apkg` of `notes`, with the media their HTML names. */
	package(notes: readonly AnkiNote[], media: readonly AnkiMedia[]): Uint8Array {
		const collection = path.join(this.#folder, COLLECTION_FILE);
		writeCollection(collection, notes, this.#builtAt, (front) => {
			let text = this.#sortFields.get(front);
			if (text === undefined) this.#sortFields.set(front, (text = plainText(front)));
			return text;
		});
		const mediaMap = Object.fromEntries(media.map((file, index) => [String(index), file.name]));
		return zip(
			[
				{ name: COLLECTION_FILE, data: readFileSync(collection) },
				{ name: MEDIA_FILE, data: Buffer.from(JSON.stringify(mediaMap)) },
				...media.map((file, index) => ({ name: String(index), data: file.data })),
			],
			this.#builtAt,
		);
	}

	close(): void {
		rmSync(this.#folder, { recursive: true, force: true });
	}
}

/** A field of Anki's text format: quoted when it holds a tab, a newline or a quote (a quote doubled). */
const textField = (value: string) => (/[\t\n\r"]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/**
 * The same notes in Anki's text format (File › Import of a `.txt`), for when a package will not
 * do: its header lines say how to read it, the columns are front, back, deck, tags and guid.
 */
export function ankiText(notes: readonly AnkiNote[]): string {
	const header = ['#separator:tab', '#html:true', `#notetype:Basic`, '#deck column:3', '#tags column:4', '#guid column:5'];
	const rows = notes.map((note) => [note.front, note.back, note.deck, note.tags.join(' '), note.guid].map(textField).join('\t'));
	return `${[...header, ...rows].join('\n')}\n`;
}

/** A tag as Anki keeps it: no spaces, and `/` nesting as Anki's `::`. */
export const ankiTag = (tag: string) => tag.trim().replace(/\s+/g, '_').replace(/\//g, '::');

/** A deck name's part: `::` nests decks in Anki, so a title's own becomes `:`. */
export const ankiDeckPart = (name: string) => name.replace(/:{2,}/g, ':').trim() || '-';
