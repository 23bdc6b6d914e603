import type { PageNote } from './catalogue.ts';

/**
 * How pages reach the notes catalogue. The integration reads the notes once, before any page
 * renders (and again after each edit in `npm run dev`); pages run in the same process (Astro's
 * prerenderer in a build, Vite's module runner in dev) but from their own bundle, so the catalogue
 * is shared through a global rather than an import or a generated module, which Vite would have to
 * parse again, megabytes of it, whenever a note changes. This module holds no more than that: a
 * page bundle that imports it pulls in nothing of the notes code.
 */

/** A `.md` note rendered by the site's Markdown pipeline. */
export interface RenderedMarkdown {
	format: 'md';
	/** The note's HTML; its optimisable images still carry Astro's image markers (`__ASTRO_IMAGE_`). */
	html: string;
	/** The note's file, absolute: its images' paths are relative to it. */
	file: string;
	/** What the plugins noted about the note (figures, diagrams drawn in the browser), as Astro's `remarkPluginFrontmatter`. */
	frontmatter: Record<string, unknown>;
}

/** A note left out of the site (it would not build): in `npm run dev` its URL says why. */
export interface LeftOutNote {
	slug: string;
	file: string;
	problem: string;
}

export interface SharedCatalogue {
	/** The site's language (`Catalogue.lang`): the `lang` setting, or the one the notes are written in. */
	lang(): string;
	/** The notes that build, in reading order, as pages read them; the same array until the notes change. */
	notes(): readonly PageNote[];
	/** In `npm run dev`, the notes left out and the report's line on each; none in a build. */
	leftOut(): readonly LeftOutNote[];
	/** The note at this slug, rendered now; an `.mdx` note (Astro compiles it as a module) answers `{ format: 'mdx' }`. */
	render(slug: string): Promise<RenderedMarkdown | { format: 'mdx' } | undefined>;
	/** The note at this slug threw while it rendered: it goes into the build's report; the report's line on it, for its page. */
	renderFailed(slug: string, error: unknown): string;
}

const SHARED = Symbol.for('notes-site:catalogue');
type WithCatalogue = typeof globalThis & { [SHARED]?: SharedCatalogue };

export function shareCatalogue(catalogue: SharedCatalogue): void {
	(globalThis as WithCatalogue)[SHARED] = catalogue;
}

export function sharedCatalogue(): SharedCatalogue {
	const catalogue = (globalThis as WithCatalogue)[SHARED];
	if (!catalogue) throw new Error('The notes catalogue is not shared: pages render only inside `astro build` or `astro dev` with the notes() integration.');
	return catalogue;
}
