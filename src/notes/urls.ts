import config from 'virtual:notes/config';

/**
 * A URL below the site's base (`/aws-notes/favicon.svg`). The base comes from the parsed settings,
 * not `import.meta.env.BASE_URL`, which a `BASE_URL` environment variable overrides in server code.
 */
export function siteHref(path = ''): string {
	return `${config.base}${path}`;
}

/** A note's URL below the site's base, with a fragment when given (`/aws-notes/vpc/#flow-logs`). */
export function noteHref(slug: string, hash = ''): string {
	return siteHref(`${slug}/${hash ? `#${hash}` : ''}`);
}
