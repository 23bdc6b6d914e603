import { pathToFileURL } from 'node:url';
import { satteri, type SatteriProcessorOptions } from '@astrojs/markdown-satteri';
import type { AstroConfig } from 'astro';
import type { Catalogue, CatalogueNote } from '../notes/catalogue.ts';
import type { NoteRenderer } from '../notes/rendering.ts';

/**
 * Renders a `.md` note from the catalogue's record of it, with Astro's own Sätteri renderer (its
 * highlighting and image markers) and the notes' plugins: the note's text was read and prepared
 * once, by the catalogue, and nothing renders it into Astro's content store. Each page asks for its
 * note as it renders, so no more than the pages being written hold their HTML.
 */
export async function catalogueRenderer(catalogue: () => Catalogue, pipeline: SatteriProcessorOptions, astroConfig: AstroConfig): Promise<NoteRenderer> {
	const { syntaxHighlight, shikiConfig } = astroConfig.markdown;
	const shared = { syntaxHighlight, shikiConfig, image: astroConfig.image };
	const markdown = await satteri(pipeline).createRenderer(shared);
	const bySlug = new WeakMap<Catalogue, Map<string, CatalogueNote>>();
	const noteAt = (slug: string) => {
		const current = catalogue();
		let notes = bySlug.get(current);
		if (!notes) bySlug.set(current, (notes = new Map(current.notes.map((note) => [note.slug, note]))));
		return notes.get(slug);
	};
	return {
		async render(slug) {
			const note = noteAt(slug);
			if (!note) return undefined;
			if (note.format === 'mdx') return { format: 'mdx' };
			// The plugins write what they noticed (figures, diagrams) into the front matter: a copy per render.
			const frontmatter: Record<string, unknown> = { ...note.frontmatter };
			const { code } = await markdown.render(note.source, { frontmatter, fileURL: pathToFileURL(note.file) });
			return { format: 'md', html: code, file: note.file, frontmatter };
		},
	};
}
