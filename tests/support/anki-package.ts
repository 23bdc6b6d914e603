import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { inflateRawSync } from 'node:zlib';

/** Reading an Anki package as Anki does, with nothing of the code that wrote it. */

/** The entries of a zip, read from its central directory, each inflated or copied as its method says. */
export function unzip(archive: Uint8Array): Map<string, Buffer> {
	const bytes = Buffer.from(archive);
	const end = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
	const count = bytes.readUInt16LE(end + 10);
	let at = bytes.readUInt32LE(end + 16);
	const entries = new Map<string, Buffer>();
	for (let index = 0; index < count; index++) {
		if (bytes.readUInt32LE(at) !== 0x02014b50) throw new Error(`No central directory entry at ${at}.`);
		const method = bytes.readUInt16LE(at + 10);
		const compressed = bytes.readUInt32LE(at + 20);
		const size = bytes.readUInt32LE(at + 24);
		const nameLength = bytes.readUInt16LE(at + 28);
		const local = bytes.readUInt32LE(at + 42);
		const name = bytes.toString('utf8', at + 46, at + 46 + nameLength);
		const dataStart = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
		const raw = bytes.subarray(dataStart, dataStart + compressed);
		const data = method === 8 ? inflateRawSync(raw) : Buffer.from(raw);
		if (data.length !== size) throw new Error(`${name}: ${data.length} bytes, not the ${size} its header says.`);
		entries.set(name, data);
		at += 46 + nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
	}
	return entries;
}

/** The collection of a package, opened with SQLite from a file of its own. */
export function openCollection(entries: Map<string, Buffer>): DatabaseSync {
	const file = path.join(mkdtempSync(path.join(tmpdir(), 'anki-test-')), 'collection.anki2');
	writeFileSync(file, entries.get('collection.anki2')!);
	return new DatabaseSync(file, { readOnly: true });
}

