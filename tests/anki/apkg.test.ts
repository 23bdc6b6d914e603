import { readFileSync } from 'node:fs';
import type { DatabaseSync } from 'node:sqlite';
import { describe, expect, test } from 'vitest';
import { openCollection, unzip } from '../support/anki-package.ts';
import { AnkiPackager, ankiDeckPart, ankiTag, ankiText, FIELD_SEPARATOR, NOTE_TYPE_ID, stableAnkiId, type AnkiMedia, type AnkiNote } from '../../src/anki/apkg.ts';

const builtAt = new Date('2026-03-01T10:00:00Z');
/** A package made by a packager of its own, closed after. */
function ankiPackage(notes: AnkiNote[], media: AnkiMedia[], at: Date): Uint8Array {
	const packager = new AnkiPackager(at);
	try {
		return packager.package(notes, media);
	} finally {
		packager.close();
	}
}
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
