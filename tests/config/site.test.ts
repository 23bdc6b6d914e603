import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { notesRootOf, parseSiteConfig, SiteConfigError } from '../../src/config/site.ts';

/** A project with no public/CNAME. */
const ROOT = mkdtempSync(path.join(tmpdir(), 'site-config-root-'));

describe('parseSiteConfig', () => {
	test('no options: every default', () => {
		expect(parseSiteConfig({}, {}, ROOT)).toEqual({
			title: 'Study notes',
			description: '',
			diagrams: 'build',
			diagramsCache: 'node_modules/.cache/notes-diagrams',
			lang: 'detect',
			notesDir: 'content',
			exclude: [],
			publish: 'all',
			strict: false,
			sidebarNotes: 40,
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
		expect(parse).toThrow(/title: .*\n.*lang: .*\n.*colour/s);
	});
});
