import { describe, expect, test } from 'vitest';
import { NotesCatalogue } from '../../src/notes/catalogue.ts';
import { privacyRules, privateByFrontmatter, privateByPath, privateSummary, type PrivacySettings } from '../../src/notes/private.ts';
import { fixturePath, folderWith, projectRoot } from '../support/build.ts';

const fixture = fixturePath('private-vault');
const catalogueOf = (notesRoot: string, privacy: PrivacySettings) => new NotesCatalogue({ notesRoot, projectRoot, lang: 'en', base: '/', privacy }).build();

describe('which notes are private', () => {
	test('the vault’s templates folders (core Templates and Templater) and Logseq’s backups, by path', () => {
		const rules = privacyRules(fixture, { exclude: [], publish: 'all' });
		expect(rules.folders).toEqual([
			{ folder: 'logseq/bak', reason: 'Logseq backup' },
			{ folder: 'Templates', reason: 'templates folder' },
			{ folder: 'Meta/Templater', reason: 'templates folder' },
		]);
		expect(privateByPath('Templates/Daily template.md', rules)).toBe('templates folder');
		expect(privateByPath('templates/daily.md', rules)).toBe('templates folder');
		expect(privateByPath('Templates.md', rules)).toBeUndefined();
		expect(privateByPath('Meta/Templater/Review.md', rules)).toBe('templates folder');
		expect(privateByPath('Meta/Other.md', rules)).toBeUndefined();
	});

	test('a folder without the vault’s settings, or with settings that are not JSON, has only Logseq’s backups', () => {
		const folder = folderWith({ '.obsidian/templates.json': '{ not json', 'note.md': 'x' });
		expect(privacyRules(folder, { exclude: [], publish: 'all' }).folders).toEqual([{ folder: 'logseq/bak', reason: 'Logseq backup' }]);
		// A setting that would lead out of the folder is no folder of it.
		const outside = folderWith({ '.obsidian/templates.json': '{"folder": "../elsewhere"}' });
		expect(privacyRules(outside, { exclude: [], publish: 'all' }).folders).toHaveLength(1);
	});

	test('the exclude setting’s globs', () => {
		const rules = privacyRules(fixture, { exclude: ['Private/**', '**/*.draft.md'], publish: 'all' });
		expect(privateByPath('Private/Journal.md', rules)).toBe('exclude setting');
		expect(privateByPath('a/b/idea.draft.md', rules)).toBe('exclude setting');
		expect(privateByPath('Public/Journal.md', rules)).toBeUndefined();
	});

	test('front matter: publish: false and draft: true, as written by hand or quoted; publish: true only, when asked', () => {
		expect(privateByFrontmatter({ publish: false }, { publish: 'all' })).toBe('publish: false');
		expect(privateByFrontmatter({ publish: 'false' }, { publish: 'all' })).toBe('publish: false');
		expect(privateByFrontmatter({ draft: true }, { publish: 'all' })).toBe('draft: true');
		expect(privateByFrontmatter({ draft: 'yes' }, { publish: 'all' })).toBe('draft: true');
		expect(privateByFrontmatter({ draft: false, publish: true }, { publish: 'all' })).toBeUndefined();
		expect(privateByFrontmatter({}, { publish: 'all' })).toBeUndefined();
		expect(privateByFrontmatter({}, { publish: 'marked' })).toBe('not marked publish: true');
		expect(privateByFrontmatter({ publish: 'true' }, { publish: 'marked' })).toBeUndefined();
		expect(privateByFrontmatter({ publish: true, draft: true }, { publish: 'marked' })).toBe('draft: true');
	});

	test('the build log counts them by reason, in one order, never naming one', () => {
		expect(privateSummary([])).toBeUndefined();
		expect(privateSummary(['exclude setting', 'publish: false', 'exclude setting'])).toBe('Private notes left out: 3 (publish: false 1, exclude setting 2).');
	});
});

describe('the catalogue of a vault with private notes', () => {
	test('leaves them out, and nothing reports them', () => {
		const catalogue = catalogueOf(fixture, { exclude: ['Private/**'], publish: 'all' });
		expect(catalogue.notes.map((note) => note.relativePath)).toEqual(['Home.md', 'Kept.md']);
		expect(catalogue.private.map((note) => note.relativePath).sort()).toEqual(
			['Diary.md', 'Draft.md', 'Meta/Templater/Review.md', 'Private/Journal.md', 'Templates/Daily template.md', 'logseq/bak/pages/Backup.md'].sort(),
		);
		expect(catalogue.problems.map((problem) => problem.file)).toEqual(['tests/fixtures/private-vault/Kept.md']);
		expect(catalogue.links.problems).toEqual([]);
		// Nothing a private note links to or shows is published through it; no backlink comes from one.
		expect(catalogue.links.files).toEqual([]);
		expect(catalogue.links.embeddedImages).toEqual(['attachments/shared.png']);
		expect(catalogue.links.backlinks.get('home')?.map((backlink) => backlink.slug)).toEqual(['kept']);
	});

	test('resolves a link to a private note, by name or path, to a private target, never to its page', () => {
		const { resolver } = catalogueOf(fixture, { exclude: ['Private/**'], publish: 'all' });
		expect(resolver.wikilink({ target: 'Diary' }, 'Home.md')).toEqual({ kind: 'private' });
		expect(resolver.wikilink({ target: 'Templates/Daily template' }, 'Home.md')).toEqual({ kind: 'private' });
		expect(resolver.wikilink({ target: 'Backup', embed: true }, 'Home.md')).toEqual({ kind: 'private' });
		expect(resolver.markdown('Private/Journal.md', 'Home.md')).toEqual({ kind: 'private' });
		expect(resolver.markdown('Diary.md#feelings', 'Home.md')).toEqual({ kind: 'private' });
		expect(resolver.wikilink({ target: 'Kept' }, 'Home.md')).toMatchObject({ kind: 'note', href: '/kept/' });
	});

	test('publishes only the notes marked publish: true, when asked', () => {
		const catalogue = catalogueOf(fixture, { exclude: [], publish: 'marked' });
		expect(catalogue.notes.map((note) => note.relativePath)).toEqual(['Kept.md']);
		expect(catalogue.private.find((note) => note.relativePath === 'Home.md')?.reason).toBe('not marked publish: true');
	});
});
