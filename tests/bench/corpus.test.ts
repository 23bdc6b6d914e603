import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { writeCorpus } from './corpus.ts';

async function corpus(options: Parameters<typeof writeCorpus>[1]) {
	const folder = mkdtempSync(path.join(tmpdir(), 'notes-corpus-'));
	await writeCorpus(folder, options);
	const files = readdirSync(folder).filter((file) => file.endsWith('.md')).sort();
	return files.map((file) => readFileSync(path.join(folder, file), 'utf8'));
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
});
