/**
 * How pages reach the notes catalogue's renderer. The integration renders a `.md` note from the
 * catalogue's record of it (its text, read once); pages run in the same process (Astro's
 * prerenderer in a build, Vite's module runner in dev) but from their own bundle, so the renderer
 * is shared through a global rather than an import. This module holds no more than that: a page
 * bundle that imports it pulls in nothing of the pipeline.
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

export interface NoteRenderer {
	/** The note at this slug, rendered now; an `.mdx` note (Astro compiles it as a module) answers `{ format: 'mdx' }`. */
	render(slug: string): Promise<RenderedMarkdown | { format: 'mdx' } | undefined>;
}

const SHARED = Symbol.for('notes-site:renderer');
type WithRenderer = typeof globalThis & { [SHARED]?: NoteRenderer };

export function shareNoteRenderer(renderer: NoteRenderer): void {
	(globalThis as WithRenderer)[SHARED] = renderer;
}

export function sharedNoteRenderer(): NoteRenderer {
	const renderer = (globalThis as WithRenderer)[SHARED];
	if (!renderer) throw new Error('The notes renderer is not set up: pages render only inside `astro build` or `astro dev` with the notes() integration.');
	return renderer;
}
