import type { Element } from 'hast';
import type { HastPluginEntry } from 'satteri';
import { brokenLinkElement } from '../dom/link.ts';
import { classList } from '../dom/hast.ts';
import { MEDIA_FILE_CLASS } from '../dom/media.ts';
import type { LinkResolver } from '../notes/links.ts';
import { notePathOf } from '../notes/files.ts';

export interface RehypeLinksOptions {
	/** The site's base path, starting and ending in `/` (`/aws-notes/`). Default: `/` (links stay as written). */
	base?: string;
	/** Absolute path of the notes folder. */
	notesRoot?: string;
	/** The links of the whole folder, from the notes catalogue; without it, links between notes stay as written. */
	links?: () => LinkResolver | undefined;
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
 * Every link of a note leads where its author meant, on this site: to another note by its file
 * (`../02-security/iam.md#policies`, a folder's `README.md`, MkDocs' `other/`), to a heading by our
 * id or GitHub's anchor (`#11-cloud-computing`), to a file of the notes folder; a link written
 * from the site's root gets the base path. A link that leads nowhere keeps its text, marked as
 * broken (the catalogue reports it), never a link to a 404.
 */
export function rehypeLinks(options: RehypeLinksOptions = {}): HastPluginEntry {
	const base = options.base ?? '/';
	return (factory) => {
		const resolver = options.links?.();
		const from = resolver && options.notesRoot ? notePathOf(factory.fileURL, options.notesRoot) : undefined;
		return {
			name: 'rehype-links',
			element: {
				filter: ['a'],
				visit(node: Element, context) {
					const href = node.properties?.href;
					if (typeof href !== 'string') return;
					// Footnote calls and their way back, and tags: links the pipeline made itself.
					if (node.properties.dataFootnoteRef !== undefined || node.properties.dataFootnoteBackref !== undefined || node.properties.dataTag !== undefined) return;
					// A published media file's link (`src/dom/media.ts`), made with its final URL.
					if (classList(node).includes(MEDIA_FILE_CLASS)) return;
					const target = resolver && from !== undefined ? resolver.markdown(href, from) : undefined;
					if (target?.kind === 'broken') {
						context.replaceNode(node, brokenLinkElement(node.children, href, target.problem));
						return;
					}
					if (target?.kind === 'private') {
						context.replaceNode(node, node.children);
						return;
					}
					const rewritten = target ? (target.kind === 'image' ? resolver!.fileHref(target.relativePath) : target.href) : withBase(href, base);
					if (rewritten !== href) context.setProperty(node, 'href', rewritten);
				},
			},
		};
	};
}
