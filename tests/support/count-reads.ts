// Preloaded into a build (`node --import`): counts how often each file below NOTES_READS_ROOT is
// opened or read, by any of Node's file APIs, and writes the counts to NOTES_READS_LOG on exit.
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import path from 'node:path';

const root = path.resolve(process.env.NOTES_READS_ROOT ?? '');
const log = process.env.NOTES_READS_LOG ?? '';
const reads = new Map<string, number>();

function count(file: unknown) {
	const name = typeof file === 'string' ? file : file instanceof URL ? file.pathname : Buffer.isBuffer(file) ? file.toString() : undefined;
	if (name === undefined) return;
	const relative = path.relative(root, path.resolve(name));
	if (relative.startsWith('..') || path.isAbsolute(relative)) return;
	reads.set(relative, (reads.get(relative) ?? 0) + 1);
}

type Counted = (file: unknown, ...rest: unknown[]) => unknown;
/** Inside a counted call: `readFileSync` opens the file with `openSync`, which is the same read. */
let inside = false;
function counted<T extends object>(owner: T, name: keyof T) {
	const original = owner[name] as unknown as Counted;
	(owner as Record<keyof T, unknown>)[name] = function (this: unknown, file: unknown, ...rest: unknown[]) {
		if (inside) return original.call(this, file, ...rest);
		count(file);
		inside = true;
		try {
			return original.call(this, file, ...rest);
		} finally {
			inside = false;
		}
	};
}

for (const name of ['readFileSync', 'readFile', 'openSync', 'open', 'createReadStream'] as const) counted(fs, name);
for (const name of ['readFile', 'open'] as const) counted(fs.promises, name);
syncBuiltinESMExports();

process.on('exit', () => fs.writeFileSync(log, JSON.stringify(Object.fromEntries(reads))));
