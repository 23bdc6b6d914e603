import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { projectRoot } from '../support/build.ts';
import { pipelineNotes, renderNote } from '../support/render.ts';

/**
 * Golden files, as remark-gfm keeps them: each `tests/plugins/golden/<case>/input.md` is rendered
 * through the site's whole Markdown pipeline as a note of the figure fixture (so its images
 * resolve), or of the fixture its `config.json` names (`{ "notesDir": "tests/fixtures/syntax-vault" }`),
 * and must give `expected.html` byte for byte. After a deliberate change to the markup,
 * `UPDATE_GOLDEN=1 npm test -- --project unit tests/plugins/golden.test.ts` rewrites them: read
 * the diff before committing it.
 */
const GOLDEN = path.join(projectRoot, 'tests/plugins/golden');
const cases = readdirSync(GOLDEN).filter((name) => existsSync(path.join(GOLDEN, name, 'input.md')));

describe('the Markdown pipeline, on golden files', () => {
	test('there are cases', () => expect(cases.length).toBeGreaterThan(5));

	test.each(cases)('%s', async (name) => {
		const input = readFileSync(path.join(GOLDEN, name, 'input.md'), 'utf8');
		// A case's front matter, which Astro would have read off the note (`tags: [flashcards]`, say).
		const frontmatterFile = path.join(GOLDEN, name, 'frontmatter.json');
		const frontmatter = existsSync(frontmatterFile) ? (JSON.parse(readFileSync(frontmatterFile, 'utf8')) as Record<string, unknown>) : {};
		const configFile = path.join(GOLDEN, name, 'config.json');
		const { notesDir } = existsSync(configFile) ? (JSON.parse(readFileSync(configFile, 'utf8')) as { notesDir?: string }) : {};
		// In a fixture it names, links resolve among its notes.
		const html = await renderNote(input, notesDir ? { notesDir, frontmatter, links: pipelineNotes(notesDir) } : { notesDir: 'tests/fixtures/figure-cases', frontmatter });
		const expectedFile = path.join(GOLDEN, name, 'expected.html');
		if (process.env.UPDATE_GOLDEN) writeFileSync(expectedFile, html);
		expect(existsSync(expectedFile), `${name}/expected.html is missing: run with UPDATE_GOLDEN=1 and review it`).toBe(true);
		expect(html).toBe(readFileSync(expectedFile, 'utf8'));
	});
});
