/**
 * Where the site is served: its public URL and the base path below the host. Pure functions over
 * the environment and the contents of `public/CNAME`; `parseSiteConfig()` (site.ts) calls them
 * once, while it parses the rest of the settings.
 */

/** Where the site will be served. */
export interface SiteLocation {
	/** Public URL of the home page, ending in `/` (`https://alice.github.io/aws-notes/`); unknown: `undefined`. */
	site?: string;
	/** Path of the home page below the host, starting and ending in `/` (`/aws-notes/`, or `/`). */
	base: string;
}

/** What decides the location, highest precedence first. */
export interface SiteLocationInputs {
	/** `SITE_URL` or the `site` option: the public URL of the home page. */
	site?: string;
	/** `BASE_PATH` or the `base` option: the path of the home page below the host. */
	base?: string;
	/** `public/CNAME`, when the project has one: a custom domain served at the root. */
	cname?: { file: string; text: string };
	/** The environment the build runs in: GitHub Actions sets `GITHUB_ACTIONS` and `GITHUB_REPOSITORY`. */
	env: NodeJS.ProcessEnv;
}

/** A setting that cannot be used, and where it came from (`public/CNAME:1`, `SITE_URL`). */
export interface SiteLocationIssue {
	where: string;
	message: string;
}

export class SiteLocationError extends Error {
	readonly issue: SiteLocationIssue;

	constructor(issue: SiteLocationIssue) {
		super(`${issue.where}: ${issue.message}`);
		this.name = 'SiteLocationError';
		this.issue = issue;
	}
}

const HOSTNAME = /^(?=.{1,253}$)[a-z\d](?:[a-z\d-]{0,61}[a-z\d])?(?:\.[a-z\d](?:[a-z\d-]{0,61}[a-z\d])?)+$/i;

/** `/aws-notes/` from `aws-notes`, `/aws-notes` or `/aws-notes/`; `/` from `` or `/`. */
export function normalizeBase(base: string, where: string): string {
	const trimmed = base.trim();
	if (/[?#\\\s]|^[a-z][a-z\d+.-]*:/i.test(trimmed) || trimmed.startsWith('//')) {
		throw new SiteLocationError({
			where,
			message: `expected a path such as /aws-notes/, found ${JSON.stringify(base)}`,
		});
	}
	const inner = trimmed.replace(/^\/+|\/+$/g, '');
	return inner ? `/${inner}/` : '/';
}

/** An absolute http(s) URL of the home page, ending in `/`. */
export function normalizeSiteUrl(site: string, where: string): URL {
	let url: URL;
	try {
		url = new URL(site.trim());
	} catch {
		throw new SiteLocationError({
			where,
			message: `expected the site's full URL such as https://notes.example.com/, found ${JSON.stringify(site)}`,
		});
	}
	if (!/^https?:$/.test(url.protocol) || url.search || url.hash) {
		throw new SiteLocationError({
			where,
			message: `expected an http(s) URL without ?query or #fragment such as https://notes.example.com/, found ${JSON.stringify(site)}`,
		});
	}
	if (!url.pathname.endsWith('/')) url.pathname += '/';
	return url;
}

/**
 * The custom domain in a `CNAME` file, as GitHub Pages reads it: one domain name on the first
 * line (`notes.example.com`), nothing else.
 */
export function domainFromCname(cname: { file: string; text: string }): string {
	const lines = cname.text.replace(/^\uFEFF/, '').split(/\r?\n/);
	const filled = lines.map((text, index) => ({ text: text.trim(), line: index + 1 })).filter(({ text }) => text);
	if (filled.length === 0) {
		throw new SiteLocationError({
			where: `${cname.file}:1`,
			message: 'the file is empty: write your custom domain in it (notes.example.com), or delete the file',
		});
	}
	const [first, second] = filled;
	if (second) {
		throw new SiteLocationError({
			where: `${cname.file}:${second.line}`,
			message: `expected one domain name on one line, found a second line ${JSON.stringify(second.text)}`,
		});
	}
	if (!HOSTNAME.test(first.text)) {
		const hint = /^[a-z][a-z\d+.-]*:\/\/|\//i.test(first.text)
			? ': write the domain only, without https:// or a path (notes.example.com)'
			: ' such as notes.example.com';
		throw new SiteLocationError({
			where: `${cname.file}:${first.line}`,
			message: `expected a domain name${hint}; found ${JSON.stringify(first.text)}`,
		});
	}
	return first.text.toLowerCase();
}

/**
 * The GitHub Pages URL of the repository a GitHub Actions run builds: `owner/repo` is served at
 * `https://owner.github.io/repo/`, a repository named `owner.github.io` at `https://owner.github.io/`.
 * Undefined outside GitHub Actions, and on GitHub Enterprise Server (whose Pages host differs).
 */
export function githubPagesUrl(env: NodeJS.ProcessEnv): URL | undefined {
	if (env.GITHUB_ACTIONS !== 'true' || !env.GITHUB_REPOSITORY) return undefined;
	if (env.GITHUB_SERVER_URL && !/^https:\/\/github\.com\/?$/i.test(env.GITHUB_SERVER_URL)) return undefined;
	const match = /^([A-Za-z\d](?:[A-Za-z\d-]*[A-Za-z\d])?)\/([\w.-]+)$/.exec(env.GITHUB_REPOSITORY);
	if (!match) {
		throw new SiteLocationError({
			where: 'GITHUB_REPOSITORY',
			message: `expected owner/repository, found ${JSON.stringify(env.GITHUB_REPOSITORY)}`,
		});
	}
	const owner = match[1].toLowerCase();
	const repository = match[2];
	const host = `${owner}.github.io`;
	return new URL(repository.toLowerCase() === host ? `https://${host}/` : `https://${host}/${repository}/`);
}

/**
 * Where the site is served. In order: `site` / `base` (from `SITE_URL` / `BASE_PATH` or the
 * options), then `public/CNAME` (a custom domain, at the root), then the repository's GitHub Pages
 * URL on GitHub Actions; with none of them the URL is unknown and the base is `/`.
 * A `site` with a path implies that base; `site` and `base` given together must agree.
 */
export function resolveSiteLocation(inputs: SiteLocationInputs): SiteLocation {
	const base = inputs.base === undefined ? undefined : normalizeBase(inputs.base, 'base');
	if (inputs.site !== undefined) {
		const site = normalizeSiteUrl(inputs.site, 'site');
		if (base !== undefined && site.pathname !== '/' && site.pathname !== base) {
			throw new SiteLocationError({
				where: 'site',
				message: `the path of ${site.href} does not match base ${base}: give the same path to both, or only one of them`,
			});
		}
		site.pathname = base ?? site.pathname;
		return { site: site.href, base: site.pathname };
	}
	const derived = inputs.cname ? new URL(`https://${domainFromCname(inputs.cname)}/`) : githubPagesUrl(inputs.env);
	if (!derived) return { site: undefined, base: base ?? '/' };
	if (base !== undefined) derived.pathname = base;
	return { site: derived.href, base: derived.pathname };
}
