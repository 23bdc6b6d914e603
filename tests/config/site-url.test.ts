import { describe, expect, test } from 'vitest';
import {
	domainFromCname,
	githubPagesUrl,
	normalizeBase,
	resolveSiteLocation,
	SiteLocationError,
} from '../../src/config/site-url.ts';

const actions = (repository: string, extra: Record<string, string> = {}) => ({
	GITHUB_ACTIONS: 'true',
	GITHUB_REPOSITORY: repository,
	GITHUB_SERVER_URL: 'https://github.com',
	...extra,
});
const cname = (text: string) => ({ file: 'public/CNAME', text });

describe('resolveSiteLocation', () => {
	test('nothing known: served at the root, URL unknown', () => {
		expect(resolveSiteLocation({ env: {} })).toEqual({ site: undefined, base: '/' });
	});

	test('GitHub Actions, owner/repo: https://owner.github.io/repo/', () => {
		expect(resolveSiteLocation({ env: actions('alice/aws-notes') })).toEqual({
			site: 'https://alice.github.io/aws-notes/',
			base: '/aws-notes/',
		});
	});

	test('GitHub Actions, owner/owner.github.io (any case): the root of https://owner.github.io/', () => {
		for (const repository of ['alice/alice.github.io', 'Alice/Alice.GitHub.io', 'alice/ALICE.github.io']) {
			expect(resolveSiteLocation({ env: actions(repository) }), repository).toEqual({
				site: 'https://alice.github.io/',
				base: '/',
			});
		}
	});

	test('the host is the owner in lower case; the repository keeps its case in the path', () => {
		expect(resolveSiteLocation({ env: actions('Alice-Org/AWS.Notes_2') })).toEqual({
			site: 'https://alice-org.github.io/AWS.Notes_2/',
			base: '/AWS.Notes_2/',
		});
	});

	test('GITHUB_REPOSITORY alone, outside GitHub Actions, or on GitHub Enterprise Server: no derivation', () => {
		expect(resolveSiteLocation({ env: { GITHUB_REPOSITORY: 'alice/aws-notes' } })).toEqual({ site: undefined, base: '/' });
		expect(
			resolveSiteLocation({ env: actions('alice/aws-notes', { GITHUB_SERVER_URL: 'https://git.example.com' }) }),
		).toEqual({ site: undefined, base: '/' });
	});

	test('public/CNAME: the custom domain at the root, before GITHUB_REPOSITORY', () => {
		expect(resolveSiteLocation({ env: actions('alice/aws-notes'), cname: cname('notes.example.com\n') })).toEqual({
			site: 'https://notes.example.com/',
			base: '/',
		});
		expect(resolveSiteLocation({ env: {}, cname: cname('  Notes.Example.com  \r\n\r\n') }).site).toBe('https://notes.example.com/');
	});

	test('site (SITE_URL) wins over public/CNAME and GitHub Actions; its path is the base', () => {
		const inputs = { env: actions('alice/aws-notes'), cname: cname('notes.example.com') };
		expect(resolveSiteLocation({ ...inputs, site: 'https://example.org' })).toEqual({ site: 'https://example.org/', base: '/' });
		expect(resolveSiteLocation({ ...inputs, site: 'https://example.org/study/notes' })).toEqual({
			site: 'https://example.org/study/notes/',
			base: '/study/notes/',
		});
	});

	test('base (BASE_PATH) alone moves the derived URL below that path', () => {
		expect(resolveSiteLocation({ env: actions('alice/aws-notes'), base: 'notes' })).toEqual({
			site: 'https://alice.github.io/notes/',
			base: '/notes/',
		});
		expect(resolveSiteLocation({ env: actions('alice/aws-notes'), base: '/' })).toEqual({
			site: 'https://alice.github.io/',
			base: '/',
		});
		expect(resolveSiteLocation({ env: {}, base: '/docs' })).toEqual({ site: undefined, base: '/docs/' });
	});

	test('site and base together must agree, or the site has no path', () => {
		expect(resolveSiteLocation({ env: {}, site: 'https://example.org/', base: '/notes/' })).toEqual({
			site: 'https://example.org/notes/',
			base: '/notes/',
		});
		expect(resolveSiteLocation({ env: {}, site: 'https://example.org/notes', base: 'notes' }).base).toBe('/notes/');
		expect(() => resolveSiteLocation({ env: {}, site: 'https://example.org/a/', base: '/b/' })).toThrow(
			'site: the path of https://example.org/a/ does not match base /b/',
		);
	});

	test('a site that is not an http(s) URL, or has a query, is refused', () => {
		for (const site of ['example.org', 'ftp://example.org/', 'https://example.org/?x=1', 'https://example.org/#top']) {
			expect(() => resolveSiteLocation({ env: {}, site }), site).toThrow(SiteLocationError);
		}
		expect(() => resolveSiteLocation({ env: {}, site: 'example.org' })).toThrow(
			'site: expected the site\'s full URL such as https://notes.example.com/, found "example.org"',
		);
	});
});

describe('normalizeBase', () => {
	test.each([
		['aws-notes', '/aws-notes/'],
		['/aws-notes', '/aws-notes/'],
		['/aws-notes/', '/aws-notes/'],
		['/study/aws', '/study/aws/'],
		['', '/'],
		['/', '/'],
	])('%j → %j', (input, expected) => {
		expect(normalizeBase(input, 'base')).toBe(expected);
	});

	test('refuses a URL, a query or spaces', () => {
		for (const input of ['https://example.org/x/', '/a?b', '/a b/', '//host/x']) {
			expect(() => normalizeBase(input, 'BASE_PATH'), input).toThrow(/^BASE_PATH: expected a path such as \/aws-notes\/, found/);
		}
	});
});

describe('domainFromCname', () => {
	test('reads the one domain GitHub Pages expects', () => {
		expect(domainFromCname(cname('\uFEFFnotes.example.com\n'))).toBe('notes.example.com');
	});

	test('an empty file, a URL or two domains: an error naming the file and line', () => {
		const message = (text: string) => {
			try {
				domainFromCname(cname(text));
			} catch (error) {
				return (error as Error).message;
			}
		};
		expect(message('\n  \n')).toBe(
			'public/CNAME:1: the file is empty: write your custom domain in it (notes.example.com), or delete the file',
		);
		expect(message('\nhttps://notes.example.com/\n')).toBe(
			'public/CNAME:2: expected a domain name: write the domain only, without https:// or a path (notes.example.com); found "https://notes.example.com/"',
		);
		expect(message('a.example.com\nb.example.com')).toBe(
			'public/CNAME:2: expected one domain name on one line, found a second line "b.example.com"',
		);
		expect(message('localhost')).toBe('public/CNAME:1: expected a domain name such as notes.example.com; found "localhost"');
	});
});

describe('githubPagesUrl', () => {
	test('a malformed GITHUB_REPOSITORY is an error naming the variable', () => {
		expect(() => githubPagesUrl(actions('aws-notes'))).toThrow('GITHUB_REPOSITORY: expected owner/repository, found "aws-notes"');
	});
});
