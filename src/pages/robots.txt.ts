import type { APIRoute } from 'astro';
import config from 'virtual:notes/config';

/**
 * `robots.txt`: everything may be crawled, and the sitemap is here (when the site's URL is known:
 * a sitemap needs absolute URLs).
 */
export const GET: APIRoute = () => {
	const lines = ['User-agent: *', 'Allow: /'];
	if (config.site) lines.push('', `Sitemap: ${config.site}sitemap-index.xml`);
	return new Response(`${lines.join('\n')}\n`, { headers: { 'content-type': 'text/plain; charset=utf-8' } });
};
