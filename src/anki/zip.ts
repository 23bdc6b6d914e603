import { crc32, deflateRawSync } from 'node:zlib';

/**
 * A zip archive, as Anki reads an `.apkg`: each entry deflated when that makes it smaller (an
 * image, already compressed, is stored), no directories, no extra fields.
 */
export interface ZipEntry {
	name: string;
	data: Uint8Array;
}

const STORED = 0;
const DEFLATED = 8;
/** Zip 2.0: what deflate needs; bit 11 of the flags says the names are UTF-8. */
const VERSION = 20;
const UTF8_NAMES = 1 << 11;

/** The MS-DOS time and date a zip entry carries (two-second steps, from 1980). */
function dosTime(date: Date): { time: number; day: number } {
	return {
		time: (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | Math.floor(date.getUTCSeconds() / 2),
		day: ((Math.max(date.getUTCFullYear(), 1980) - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate(),
	};
}

export function zip(entries: readonly ZipEntry[], modified: Date): Uint8Array {
	const { time, day } = dosTime(modified);
	const parts: Buffer[] = [];
	const central: Buffer[] = [];
	let offset = 0;
	for (const entry of entries) {
		const name = Buffer.from(entry.name, 'utf8');
		// The fastest level: a build writes a package per deck, and the higher ones saved 6% for twice the time.
		const deflated = deflateRawSync(entry.data, { level: 1 });
		const method = deflated.length < entry.data.length ? DEFLATED : STORED;
		const body = method === DEFLATED ? deflated : Buffer.from(entry.data);
		const checksum = crc32(entry.data);
		const local = Buffer.alloc(30);
		local.writeUInt32LE(0x04034b50, 0);
		local.writeUInt16LE(VERSION, 4);
		local.writeUInt16LE(UTF8_NAMES, 6);
		local.writeUInt16LE(method, 8);
		local.writeUInt16LE(time, 10);
		local.writeUInt16LE(day, 12);
		local.writeUInt32LE(checksum, 14);
		local.writeUInt32LE(body.length, 18);
		local.writeUInt32LE(entry.data.length, 22);
		local.writeUInt16LE(name.length, 26);
		const header = Buffer.alloc(46);
		header.writeUInt32LE(0x02014b50, 0);
		header.writeUInt16LE(VERSION, 4);
		header.writeUInt16LE(VERSION, 6);
		header.writeUInt16LE(UTF8_NAMES, 8);
		header.writeUInt16LE(method, 10);
		header.writeUInt16LE(time, 12);
		header.writeUInt16LE(day, 14);
		header.writeUInt32LE(checksum, 16);
		header.writeUInt32LE(body.length, 20);
		header.writeUInt32LE(entry.data.length, 24);
		header.writeUInt16LE(name.length, 28);
		header.writeUInt32LE(offset, 42);
		parts.push(local, name, body);
		central.push(header, name);
		offset += local.length + name.length + body.length;
	}
	const directory = Buffer.concat(central);
	const end = Buffer.alloc(22);
	end.writeUInt32LE(0x06054b50, 0);
	end.writeUInt16LE(entries.length, 8);
	end.writeUInt16LE(entries.length, 10);
	end.writeUInt32LE(directory.length, 12);
	end.writeUInt32LE(offset, 16);
	return new Uint8Array(Buffer.concat([...parts, directory, end]));
}
