import { describe, expect, test } from 'vitest';
import { noteAliases } from '../../src/notes/aliases.ts';
import { readFrontmatter } from '../../src/notes/files.ts';

/** The aliases of a note whose front matter is `yaml`, read as the site reads front matter. */
function aliasesOf(yaml: string): string[] {
	return noteAliases(readFrontmatter(`---\n${yaml}\n---\n\nText.\n`).data);
}

describe('a note\'s aliases, as Obsidian reads its front matter', () => {
	test.each([
		['a YAML list', 'aliases:\n  - Doggo\n  - Woofer', ['Doggo', 'Woofer']],
		['a list in brackets', 'aliases: [Doggo, "Woofer"]', ['Doggo', 'Woofer']],
		['one text', 'aliases: Doggo', ['Doggo']],
		['one text, commas between names', 'aliases: Doggo, Woofer,Yapper', ['Doggo', 'Woofer', 'Yapper']],
		['the older key, a text', 'alias: Doggo', ['Doggo']],
		['the older key, a list', 'alias: [Doggo, Woofer]', ['Doggo', 'Woofer']],
		['both keys, any letter case', 'Aliases: [Doggo]\nalias: Woofer', ['Doggo', 'Woofer']],
		['names to link, quoted as Obsidian writes them', 'aliases:\n  - "[[Doggo]]"\n  - "[[Woofer]]"', ['Doggo', 'Woofer']],
		['names to link, unquoted (lists inside lists for YAML)', 'aliases:\n  - [[Doggo]]\nalias: [[Woofer]]', ['Doggo', 'Woofer']],
		['quotes inside a text', 'aliases: Doggo, "Good boy", \'Woofer\'', ['Doggo', 'Good boy', 'Woofer']],
		['numbers and dates', 'aliases:\n  - 2024\n  - 2024-05-01', ['2024', '2024-05-01']],
		['a reserved sign, not YAML but read by Obsidian', 'aliases:\n- @kepano\n- `Steph`', ['@kepano', '`Steph`']],
		['repeats in either Unicode form (one note, not two to choose from)', 'aliases: [Caf\u00e9, Cafe\u0301]', ['Caf\u00e9']],
		['repeats, letter case aside', 'aliases: [Doggo, doggo, Woofer]', ['Doggo', 'Woofer']],
	])('%s', (_, yaml, expected) => {
		expect(aliasesOf(yaml)).toEqual(expected);
	});

	test.each([
		['no key', 'title: Dog'],
		['an empty key', 'aliases:'],
		['empty items, as templates leave them', 'aliases:\n  - \n  -'],
		['an empty text', 'aliases: ""'],
		['a mapping, not a name', 'aliases:\n  - T4: Task Tree Time Totaler'],
		['a key that only looks like it', 'aliased: Doggo\nmy-aliases: [Woofer]'],
	])('none: %s', (_, yaml) => {
		expect(aliasesOf(yaml)).toEqual([]);
	});
});
