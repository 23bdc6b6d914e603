import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { inflateRawSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { ankiDeckPart, ankiPackage, ankiTag, ankiText, FIELD_SEPARATOR, NOTE_TYPE_ID, stableAnkiId, type AnkiNote } from '../../src/anki/apkg.ts';

/** The entries of a zip, read from its central directory, each inflated or copied as its method says. */
function unzip(archive: Uint8Array): Map<string, Buffer> {
	const bytes = Buffer.from(archive);
	const end = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
	const count = bytes.readUInt16LE(end + 10);
	let at = bytes.readUInt32LE(end + 16);
	const entries = new Map<string, Buffer>();
	for (let index = 0; index < count; index++) {
		expect(bytes.readUInt32LE(at)).toBe(0x02014b50);
		const method = bytes.readUInt16LE(at + 10);
		const compressed = bytes.readUInt32LE(at + 20);
		const size = bytes.readUInt32LE(at + 24);
		const nameLength = bytes.readUInt16LE(at + 28);
		const local = bytes.readUInt32LE(at + 42);
		const name = bytes.toString('utf8', at + 46, at + 46 + nameLength);
		const dataStart = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
		const raw = bytes.subarray(dataStart, dataStart + compressed);
		const data = method === 8 ? inflateRawSync(raw) : Buffer.from(raw);
		expect(data.length, name).toBe(size);
		entries.set(name, data);
		at += 46 + nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
	}
	return entries;
}

/** The collection of a package, opened with SQLite from a file of its own. */
function openCollection(entries: Map<string, Buffer>): DatabaseSync {
	const file = path.join(mkdtempSync(path.join(tmpdir(), 'anki-test-')), 'collection.anki2');
	writeFileSync(file, entries.get('collection.anki2')!);
	return new DatabaseSync(file, { readOnly: true });
}

const builtAt = new Date('2026-03-01T10:00:00Z');
const png = readFileSync(new URL('../fixtures/study-cards/aws/img/diagram.png', import.meta.url));
const deck: AnkiNote[] = [
	{ guid: 'TWqILxJIP2zG', deck: 'Notes::vault::Ports', front: '<p>Port of SSH</p>', back: '<p>22</p>', tags: ['flashcards::networking', 'exam_week'] },
	{ guid: 'KpBci0Mz9DQz', deck: 'Notes::aws::VPC', front: '<p>VPC Flow Logs</p>', back: '<ul><li>metadata <img src="diagram.png" alt=""></li></ul>', tags: [] },
];

describe('an Anki package', () => {
	const entries = unzip(ankiPackage(deck, [{ name: 'diagram.png', data: png }], builtAt));

	test('holds the collection, the media map and the media files, named by number', () => {
		expect([...entries.keys()]).toEqual(['collection.anki2', 'media', '0']);
		expect(JSON.parse(entries.get('media')!.toString())).toEqual({ '0': 'diagram.png' });
		expect(entries.get('0')!.equals(png)).toBe(true);
	});

	test("the collection is Anki's legacy schema, with one note type of two fields and the decks, nested", () => {
		const database = openCollection(entries);
		const tables = database.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all().map((row) => row.name);
		expect(tables).toEqual(['cards', 'col', 'graves', 'notes', 'revlog']);
		const col = database.prepare('SELECT * FROM col').get()!;
		expect(col.ver).toBe(11);
		const models = JSON.parse(String(col.models)) as Record<string, { id: number; type: number; flds: { name: string; ord: number }[]; tmpls: { qfmt: string; afmt: string; ord: number }[] }>;
		expect(Object.keys(models)).toEqual([String(NOTE_TYPE_ID)]);
		const model = models[String(NOTE_TYPE_ID)];
		expect(model.type).toBe(0);
		expect(model.flds.map((field) => [field.name, field.ord])).toEqual([['Front', 0], ['Back', 1]]);
		expect(model.tmpls).toMatchObject([{ ord: 0, qfmt: '{{Front}}' }]);
		expect(model.tmpls[0].afmt).toContain('{{Back}}');
		const decks = JSON.parse(String(col.decks)) as Record<string, { id: number; name: string }>;
		expect(Object.values(decks).map((each) => each.name).sort()).toEqual(['Default', 'Notes', 'Notes::aws', 'Notes::aws::VPC', 'Notes::vault', 'Notes::vault::Ports']);
		for (const [key, each] of Object.entries(decks)) expect(key).toBe(String(each.id));
		expect(Object.keys(JSON.parse(String(col.dconf)))).toEqual(['1']);
	});

	test('each card is a note (front and back as fields, its guid, its tags) with one new card in its deck', () => {
		const database = openCollection(entries);
		const notes = database.prepare('SELECT * FROM notes ORDER BY id').all();
		expect(notes.map((note) => note.guid)).toEqual(['TWqILxJIP2zG', 'KpBci0Mz9DQz']);
		expect(notes.map((note) => String(note.flds).split(FIELD_SEPARATOR))).toEqual(deck.map((note) => [note.front, note.back]));
		expect(notes.map((note) => note.tags)).toEqual([' flashcards::networking exam_week ', '']);
		expect(notes.map((note) => note.sfld)).toEqual(['Port of SSH', 'VPC Flow Logs']);
		expect(new Set(notes.map((note) => note.mid))).toEqual(new Set([NOTE_TYPE_ID]));
		const cards = database.prepare('SELECT nid, did, ord, type, queue FROM cards ORDER BY id').all();
		expect(cards).toEqual([
			{ nid: notes[0].id, did: stableAnkiId('Notes::vault::Ports'), ord: 0, type: 0, queue: 0 },
			{ nid: notes[1].id, did: stableAnkiId('Notes::aws::VPC'), ord: 0, type: 0, queue: 0 },
		]);
	});

	test('a later export of the same deck keeps its guids, note type and decks: Anki updates the notes', () => {
		const later = openCollection(unzip(ankiPackage(deck, [], new Date('2026-04-01T10:00:00Z'))));
		const first = openCollection(entries);
		const ids = (database: DatabaseSync) => database.prepare('SELECT notes.guid, notes.mid, cards.did FROM notes JOIN cards ON cards.nid = notes.id ORDER BY notes.guid').all();
		expect(ids(later)).toEqual(ids(first));
		expect(later.prepare('SELECT mod FROM notes').get()!.mod).toBeGreaterThan(Number(first.prepare('SELECT mod FROM notes').get()!.mod));
	});
});

describe("Anki's text format", () => {
	test('header lines, then front, back, deck, tags and guid; a field with a tab, newline or quote is quoted', () => {
		const text = ankiText([...deck, { guid: 'q', deck: 'Notes::x', front: '<pre>a\n"b"</pre>', back: 'c', tags: [] }]);
		expect(text).toBe(
			[
				'#separator:tab',
				'#html:true',
				'#notetype:Basic',
				'#deck column:3',
				'#tags column:4',
				'#guid column:5',
				'<p>Port of SSH</p>\t<p>22</p>\tNotes::vault::Ports\tflashcards::networking exam_week\tTWqILxJIP2zG',
				'<p>VPC Flow Logs</p>\t"<ul><li>metadata <img src=""diagram.png"" alt=""""></li></ul>"\tNotes::aws::VPC\t\tKpBci0Mz9DQz',
				'"<pre>a\n""b""</pre>"\tc\tNotes::x\t\tq',
				'',
			].join('\n'),
		);
	});
});

describe('names for Anki', () => {
	test('a tag has no spaces and nests with ::; a deck part has no :: of its own', () => {
		expect(ankiTag('flashcards/aws')).toBe('flashcards::aws');
		expect(ankiTag('exam week')).toBe('exam_week');
		expect(ankiDeckPart('C++ std::vector')).toBe('C++ std:vector');
	});
});
