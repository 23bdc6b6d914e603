import config from 'virtual:notes/config';
import { noteUrl } from '../browser-safe/url-path.ts';

/**
 * A URL below the site's base (`/aws-notes/favicon.svg`). The base comes from the parsed settings,
 * not `import.meta.env.BASE_URL`, which a `BASE_URL` environment variable overrides in server code.
 */
export function siteHref(path = ''): string {
	return `${config.base}${path}`;
}

/** A note's URL below the site's base, with a fragment when given (`/aws-notes/vpc/#flow-logs`); `''` is the home page. */
export function noteHref(slug: string, hash = ''): string {
	return noteUrl(config.base, slug, hash);
}
