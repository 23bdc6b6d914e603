import type { HastPluginDefinition } from 'satteri';

export interface RehypeBaseLinksOptions {
	/** The site's base path, starting and ending in `/` (`/aws-notes/`). Default: `/` (links stay as written). */
	base?: string;
}

/**
 * A link written from the site's root (`/aws/vpc/`) pointed below the base (`/aws-notes/aws/vpc/`).
 * Relative links, `#fragments`, other sites (`https://`, `//host`) and links that already start
 * with the base are kept as written.
 */
export function withBase(href: string, base: string): string {
	if (base === '/' || !href.startsWith('/') || href.startsWith('//')) return href;
	const bare = base.slice(0, -1);
	if (href.startsWith(base) || (href.startsWith(bare) && /^(?:$|[?#])/.test(href.slice(bare.length)))) return href;
	return `${base}${href.slice(1)}`;
}

/**
 * Keeps the links a note writes from the site's root working when the site is served below a base
 * path (a GitHub Pages project site: `https://alice.github.io/aws-notes/`).
 */
export function rehypeBaseLinks(options: RehypeBaseLinksOptions = {}): HastPluginDefinition {
	const base = options.base ?? '/';
	return {
		name: 'rehype-base-links',
		element: {
			filter: ['a'],
			visit(node, context) {
				const href = node.properties?.href;
				if (typeof href !== 'string') return;
				const rewritten = withBase(href, base);
				if (rewritten !== href) context.setProperty(node, 'href', rewritten);
			},
		},
	};
}
