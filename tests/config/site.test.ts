import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { notesFolderAsGiven, notesRootOf, parseSiteConfig, SiteConfigError } from '../../src/config/site.ts';
import { folderWith } from '../support/build.ts';

/** A project with no public/CNAME. */
const ROOT = mkdtempSync(path.join(tmpdir(), 'site-config-root-'));

describe('parseSiteConfig', () => {
	test('no options: every default', () => {
		expect(parseSiteConfig({}, {}, ROOT)).toEqual({
			description: '',
			diagrams: 'build',
			diagramsCache: 'node_modules/.cache/notes-diagrams',
			lang: 'detect',
			notesDir: 'content',
			exclude: [],
			publish: 'all',
			properties: true,
			strict: false,
			sidebarNotes: 40,
			graph: { depth: 1, tags: false },
			editLink: false,
			breaks: 'auto',
			csp: {},
			site: undefined,
			base: '/',
			projectRoot: ROOT,
		});
	});

	test('private notes: exclude globs and the publish mode, checked', () => {
		expect(parseSiteConfig({ exclude: ['private/**'], publish: 'marked' }, {}, ROOT)).toMatchObject({ exclude: ['private/**'], publish: 'marked' });
		expect(() => parseSiteConfig({ publish: 'some' as 'all' }, {}, ROOT)).toThrow(/publish/);
		expect(() => parseSiteConfig({ exclude: 'private/**' as unknown as string[] }, {}, ROOT)).toThrow(/exclude/);
	});

	test('properties: shown or not, or the keys to show, checked', () => {
		expect(parseSiteConfig({ properties: ['author', 'year'] }, {}, ROOT)).toMatchObject({ properties: ['author', 'year'] });
		expect(parseSiteConfig({ properties: false }, {}, ROOT)).toMatchObject({ properties: false });
		expect(() => parseSiteConfig({ properties: 'author' as unknown as string[] }, {}, ROOT)).toThrow(/properties/);
	});

	test('graph: off, or its depth and whether shared tags count, checked', () => {
		expect(parseSiteConfig({ graph: false }, {}, ROOT)).toMatchObject({ graph: false });
		expect(parseSiteConfig({ graph: { depth: 2 } }, {}, ROOT)).toMatchObject({ graph: { depth: 2, tags: false } });
		expect(parseSiteConfig({ graph: { tags: true } }, {}, ROOT)).toMatchObject({ graph: { depth: 1, tags: true } });
		const expected = / - graph: expected false, or \{ depth: 1 or 2, tags: true or false \}/;
		expect(() => parseSiteConfig({ graph: { depth: 3 as 2 } }, {}, ROOT)).toThrow(expected);
		expect(() => parseSiteConfig({ graph: true as false }, {}, ROOT)).toThrow(expected);
	});

	test('folders are relative to the project root, never to the working directory', () => {
		expect(notesRootOf(parseSiteConfig({ notesDir: 'notes' }, {}, ROOT))).toBe(path.join(ROOT, 'notes'));
		expect(notesRootOf(parseSiteConfig({}, { NOTES_DIR: '/srv/notes' }, ROOT))).toBe('/srv/notes');
	});

	test('NOTES_DIR and NOTES_STRICT override the options', () => {
		const config = parseSiteConfig({ notesDir: 'notes' }, { NOTES_DIR: 'elsewhere', NOTES_STRICT: '1' }, ROOT);
		expect(config.notesDir).toBe('elsewhere');
		expect(config.strict).toBe(true);
		expect(parseSiteConfig({ strict: true }, { NOTES_STRICT: '0' }, ROOT).strict).toBe(false);
	});

	test('SITE_URL and BASE_PATH override the options', () => {
		const options = { site: 'https://example.org/', base: '/notes/' };
		expect(parseSiteConfig(options, {}, ROOT)).toMatchObject({ site: 'https://example.org/notes/', base: '/notes/' });
		expect(parseSiteConfig(options, { SITE_URL: 'https://notes.example.com', BASE_PATH: '/' }, ROOT)).toMatchObject({
			site: 'https://notes.example.com/',
			base: '/',
		});
	});

	test('on GitHub Actions the site URL comes from GITHUB_REPOSITORY; public/CNAME is read from the project root', () => {
		const root = mkdtempSync(path.join(tmpdir(), 'site-config-'));
		const env = { GITHUB_ACTIONS: 'true', GITHUB_REPOSITORY: 'alice/aws-notes' };
		expect(parseSiteConfig({}, env, root)).toMatchObject({ site: 'https://alice.github.io/aws-notes/', base: '/aws-notes/' });
		mkdirSync(path.join(root, 'public'));
		writeFileSync(path.join(root, 'public/CNAME'), 'notes.example.com\n');
		expect(parseSiteConfig({}, env, root)).toMatchObject({ site: 'https://notes.example.com/', base: '/' });
		writeFileSync(path.join(root, 'public/CNAME'), 'https://notes.example.com\n');
		expect(() => parseSiteConfig({}, env, root)).toThrow(
			/Invalid notes site configuration:\n  - public\/CNAME:1: expected a domain name: write the domain only/,
		);
	});

	test('a bad SITE_URL or BASE_PATH names the option and the variable', () => {
		expect(() => parseSiteConfig({}, { SITE_URL: 'notes.example.com' }, ROOT)).toThrow(/ - site \(SITE_URL\): expected the site's full URL/);
		expect(() => parseSiteConfig({}, { BASE_PATH: 'https://x.example/' }, ROOT)).toThrow(/ - base \(BASE_PATH\): expected a path/);
		expect(() => parseSiteConfig({ base: '/a?b' }, {}, ROOT)).toThrow(/ - base: expected a path/);
	});

	test('one error lists every bad key by path', () => {
		const parse = () => parseSiteConfig({ title: '', lang: 3 as never, colour: 'red' } as never, {}, ROOT);
		expect(parse).toThrow(SiteConfigError);
		expect(parse).toThrow(/title: .*\n.*lang: .*\n.*colour: not a setting \(the settings: title, description, /s);
	});

	test('the notes folder as the user gave it, for messages', () => {
		expect(notesFolderAsGiven({ notesDir: 'notes' }, { NOTES_DIR: '/srv/notes' })).toBe('NOTES_DIR=/srv/notes');
		expect(notesFolderAsGiven({ notesDir: 'notes' }, {})).toBe('notesDir: "notes"');
		expect(notesFolderAsGiven({}, {})).toBe('content, the default');
	});
});

describe('site.yml, the settings beside the notes', () => {
	/** A project whose notes folder, `notes/`, holds `site.yml` with `yaml`. */
	const projectWith = (yaml: string, files: Record<string, string> = {}) => folderWith({ 'notes/site.yml': yaml, ...files }, 'site-yml-');
	const parse = (root: string, options = {}, env: NodeJS.ProcessEnv = {}) => parseSiteConfig({ notesDir: 'notes', ...options }, env, root);

	test('takes the keys notes() takes, read from the notes folder NOTES_DIR names', () => {
		const root = projectWith('title: AWS notes\ndescription: For the exam.\nlang: en\nexclude: [drafts/**]\nstrict: true\ncsp:\n  frame-src: [https://www.youtube-nocookie.com]\n');
		expect(parse(root)).toMatchObject({
			title: 'AWS notes',
			description: 'For the exam.',
			lang: 'en',
			exclude: ['drafts/**'],
			strict: true,
			csp: { 'frame-src': ['https://www.youtube-nocookie.com'] },
		});
		expect(parseSiteConfig({}, { NOTES_DIR: path.join(root, 'notes') }, ROOT).title).toBe('AWS notes');
	});

	test('precedence: environment variables, then site.yml, then notes({...})', () => {
		const root = projectWith('title: From site.yml\nstrict: true\nsite: https://notes.example.com/\n');
		const options = { title: 'From notes()', description: 'From notes()', strict: false };
		expect(parse(root, options)).toMatchObject({ title: 'From site.yml', description: 'From notes()', strict: true, site: 'https://notes.example.com/' });
		expect(parse(root, options, { NOTES_STRICT: '0', SITE_URL: 'https://elsewhere.example.org/' })).toMatchObject({
			strict: false,
			site: 'https://elsewhere.example.org/',
		});
	});

	test('an empty site.yml, or only comments, sets nothing', () => {
		expect(parse(projectWith('')).title).toBeUndefined();
		expect(parse(projectWith('# Settings: see the README.\n'), { title: 'Kept' }).title).toBe('Kept');
	});

	test('a bad value is reported with the schema\'s message, at its file and line', () => {
		const root = projectWith('# My settings\ntitle: ""\ndescription: Fine.\nsidebarNotes: many\ncolour: red\n');
		expect(() => parse(root)).toThrow(SiteConfigError);
		const issues = (() => {
			try {
				parse(root);
			} catch (error) {
				return (error as SiteConfigError).issues;
			}
		})();
		expect(issues).toEqual([
			'notes/site.yml:2: title: Too small: expected string to have >=1 characters',
			'notes/site.yml:4: sidebarNotes: Invalid input: expected number, received string',
			expect.stringMatching(/^notes\/site\.yml:5: colour: not a setting \(the settings: /),
		]);
		// The same message as from notes({...}), which names the key alone, and is checked even where site.yml overrides it.
		expect(() => parse(ROOT, { title: '' })).toThrow(/ - title: Too small: expected string to have >=1 characters/);
		expect(() => parse(projectWith('title: Mine\n'), { title: '' })).toThrow(/^Invalid notes site configuration:\n {2}- title: Too small: expected string to have >=1 characters$/);
	});

	test('editLink: true, false or an address, in site.yml as in notes({...})', () => {
		expect(parse(projectWith('editLink: https://github.com/alice/study/edit/main/notes/\n')).editLink).toBe('https://github.com/alice/study/edit/main/notes/');
		expect(parse(projectWith('editLink: true\n')).editLink).toBe(true);
		expect(() => parse(projectWith('title: Mine\neditLink: github\n'))).toThrow("notes/site.yml:2: editLink: expected true, false or an address such as https://github.com/owner/repo/edit/main/notes/");
	});

	test('nested keys keep their path; a site.yml outside the project is named by its absolute path', () => {
		const notes = folderWith({ 'site.yml': 'csp:\n  frame-src: https://www.youtube-nocookie.com\n' }, 'notes-outside-');
		expect(() => parseSiteConfig({}, { NOTES_DIR: notes }, ROOT)).toThrow(`${notes}/site.yml:1: csp: Invalid input`);
	});

	test('YAML that does not parse: its file and line', () => {
		expect(() => parse(projectWith('title: My notes\ndescription: [unclosed\n'))).toThrow(/ - notes\/site\.yml:3: not valid YAML \(/);
		expect(() => parse(projectWith('- title\n- description\n'))).toThrow(' - notes/site.yml:1: expected settings as `key: value` lines');
	});

	test('the project\'s own settings are not the notes\': notesDir and diagramsCache are refused', () => {
		expect(() => parse(projectWith('title: Mine\nnotesDir: elsewhere\ndiagramsCache: .cache\n'))).toThrow(
			'Invalid notes site configuration:\n' +
				'  - notes/site.yml:2: notesDir: not a setting of site.yml; the notes folder is chosen outside it: notesDir in astro.config.mjs, or NOTES_DIR\n' +
				'  - notes/site.yml:3: diagramsCache: not a setting of site.yml; a folder of the project: set it in astro.config.mjs, or NOTES_DIAGRAMS_CACHE',
		);
	});

	test('socialImage: a picture in the notes folder', () => {
		const root = projectWith('socialImage: img/preview.png\n', { 'notes/img/preview.png': 'a picture' });
		expect(parse(root).socialImage).toBe('img/preview.png');
		expect(() => parse(projectWith('socialImage: img/gone.png\n'))).toThrow(
			' - notes/site.yml:1: socialImage: expected a picture in the notes folder, found no file at notes/img/gone.png',
		);
		expect(() => parse(projectWith('socialImage: preview.svg\n'))).toThrow(' - notes/site.yml:1: socialImage: expected a picture: a .png, .jpg, .webp or .gif file');
	});

	test('socialImage outside the notes folder is refused: by ../, an absolute path or a link leading out', () => {
		const outside = projectWith('socialImage: ../secret.png\n', { 'secret.png': 'not the notes' });
		expect(() => parse(outside)).toThrow(' - notes/site.yml:1: socialImage: ../secret.png is outside the notes folder; only files in it are published');
		const absolute = projectWith(`socialImage: ${path.join(outside, 'secret.png')}\n`);
		expect(() => parse(absolute)).toThrow(/socialImage: .* is outside the notes folder/);
		const linked = projectWith('socialImage: img/link.png\n', { 'secret.png': 'not the notes', 'notes/img/.keep': '' });
		symlinkSync(path.join(linked, 'secret.png'), path.join(linked, 'notes/img/link.png'));
		expect(() => parse(linked)).toThrow(' - notes/site.yml:1: socialImage: img/link.png is outside the notes folder; only files in it are published');
	});

	test('a value set by an environment variable names the variable', () => {
		expect(() => parse(projectWith('diagrams: build\n'), {}, { NOTES_DIAGRAMS: 'server' })).toThrow(/ - diagrams \(NOTES_DIAGRAMS\): Invalid option/);
		expect(() => parse(projectWith('site: https://notes.example.com/sub/\nbase: /other/\n'))).toThrow(' - notes/site.yml:1: site: the path of');
	});
});
