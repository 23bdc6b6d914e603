import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { writeCorpus } from './corpus.ts';

async function corpusFiles(options: Parameters<typeof writeCorpus>[1]) {
	const folder = mkdtempSync(path.join(tmpdir(), 'notes-corpus-'));
	await writeCorpus(folder, options);
	const files = readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.md'));
	return { folder, files: files.sort((a, b) => path.basename(a).localeCompare(path.basename(b))) };
}

/** The notes' texts, in the order of their names. */
async function corpus(options: Parameters<typeof writeCorpus>[1]) {
	const { folder, files } = await corpusFiles(options);
	return files.map((file) => readFileSync(path.join(folder, file), 'utf8'));
}

const count = (notes: string[], pattern: RegExp) => notes.reduce((total, note) => total + (note.match(pattern)?.length ?? 0), 0);

/** `shorter`'s lines all stand in `longer`, in their order: `longer` only adds lines, or text at the end of a line. */
function keepsEveryLine(shorter: string, longer: string): boolean {
	const lines = longer.split('\n');
	let at = 0;
	for (const line of shorter.split('\n')) {
		while (at < lines.length && !lines[at].startsWith(line)) at++;
		if (at++ === lines.length) return false;
	}
	return true;
}

const withWord = (notes: string[], word: string) => notes.filter((note) => new RegExp(`\\b${word}\\b`).test(note)).length;

describe('benchmark corpus', () => {
	test('is the same from the same seed, and has the real notes\' shape', async () => {
		const [first, second] = await Promise.all([corpus({ notes: 16 }), corpus({ notes: 16 })]);
		expect(first).toEqual(second);
		expect(first[0]).toMatch(/^## 1\. .+\n\n#\n\n### summary\n\n- .+\n/m);
		expect(first[0]).toContain('### concepts');
		expect(first[0]).toContain('### architecture');
		expect(first[0].match(/^## \d\. /gm)).toHaveLength(5);
	});

	test('notes keep to their subject: a networking term is in the networking notes only', async () => {
		const notes = await corpus({ notes: 80 });
		expect(withWord(notes, 'route')).toBe(10);
		expect(withWord(notes, 'the')).toBe(80);
	});

	test('the uniform vocabulary, search\'s worst case, puts the same terms in nearly every note', async () => {
		const notes = await corpus({ notes: 40, vocabulary: 'uniform' });
		expect(withWord(notes, 'route')).toBeGreaterThanOrEqual(38);
		expect(withWord(notes, 'the')).toBe(0);
	});

	test('a vault keeps each subject in its folder, tagged, with two tasks a note, and no data layer', async () => {
		const { folder, files } = await corpusFiles({ notes: 16, vault: 'plain' });
		expect(existsSync(path.join(folder, '.obsidian'))).toBe(true);
		expect(files[0]).toBe(path.join('networking', 'note-0000.md'));
		expect(files[8]).toBe(path.join('networking', 'note-0008.md'));
		const notes = files.map((file) => readFileSync(path.join(folder, file), 'utf8'));
		expect(notes[1]).toMatch(/^---\ntitle: Synthetic note 1\ntags: \[security\]\n---\n/);
		expect(count(notes, /^- \[[ x]\] /gm)).toBe(32);
		expect(count(notes, /::/g)).toBe(0);
		expect(count(notes, /```dataview|`= /g)).toBe(0);
	});

	test('the data vault has the same notes with 5 properties and 5 fields a note, and a query in every tenth', async () => {
		const [plain, data] = await Promise.all([corpus({ notes: 1000, vault: 'plain' }), corpus({ notes: 1000, vault: 'data' })]);
		expect(data.every((note, index) => keepsEveryLine(plain[index], note))).toBe(true);
		expect(count(data, /^(?:status|rating|author|created|up): /gm)).toBe(5000);
		expect(count(data, /^[a-z]+:: /gm)).toBe(3000);
		expect(count(data, /\[[a-z]+:: [^\]]+\]/g)).toBe(2000);
		expect(count(data, /^```dataview$/gm)).toBe(80);
		expect(count(data, /`= [^`]+`/g)).toBe(20);
		expect(count(data, /^(?:TABLE|LIST|TASK)\b/gm)).toBe(80);
		expect(count(data, /^GROUP BY /gm)).toBe(10);
		expect(count(data, /^FROM \[\[note-\d{4}\]\]$/gm)).toBe(10);
		expect(data[0]).toContain('difficulty:: ');
		expect(data[1]).not.toContain('```dataview');
	});
});
