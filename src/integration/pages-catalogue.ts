import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { satteri, type SatteriProcessorOptions } from '@astrojs/markdown-satteri';
import type { AstroConfig } from 'astro';
import { pageNote, type Catalogue, type CatalogueNote, type PageNote } from '../notes/catalogue.ts';
import { noteSlug } from '../notes/files.ts';
import { displayPath, formatProblem, renderErrorProblem, type NoteProblem } from '../notes/problems.ts';
import type { LeftOutNote, SharedCatalogue } from '../notes/shared-catalogue.ts';

/** What pages read of one version of the catalogue, made when a page first asks. */
interface PagesView {
	notes: PageNote[];
	bySlug: Map<string, CatalogueNote>;
	leftOut: LeftOutNote[];
}

/**
 * The catalogue as pages read it (`src/notes/shared-catalogue.ts`): its notes in reading order,
 * and each `.md` note rendered from the catalogue's record of it, with Astro's own Sätteri
 * renderer (its highlighting and image markers) and the notes' plugins. The note's text was read
 * and prepared once, by the catalogue; nothing renders it into Astro's content store. Each page
 * asks for its note as it renders, so no more than the pages being written hold their HTML.
 * `catalogue` gives the catalogue as it is now (in dev, after the last edit).
 */
export async function pagesCatalogue(
	catalogue: () => Catalogue,
	options: {
		pipeline: SatteriProcessorOptions;
		astroConfig: AstroConfig;
		projectRoot: string;
		dev: boolean;
		/** A note threw while it rendered (its page shows the report's line instead of the note). */
		onRenderError: (problem: NoteProblem) => void;
	},
): Promise<SharedCatalogue> {
	const { syntaxHighlight, shikiConfig } = options.astroConfig.markdown;
	const markdown = await satteri(options.pipeline).createRenderer({ syntaxHighlight, shikiConfig, image: options.astroConfig.image });
	const views = new WeakMap<Catalogue, PagesView>();
	const view = () => {
		const current = catalogue();
		let made = views.get(current);
		if (!made) {
			made = {
				notes: current.notes.map((note) => pageNote(note, current)),
				bySlug: new Map(current.notes.map((note) => [note.slug, note])),
				// Only in dev: a note that would not build answers at its URL with why.
				leftOut: options.dev ? leftOutNotes(current, options.projectRoot) : [],
			};
			views.set(current, made);
		}
		return made;
	};
	return {
		lang: () => catalogue().lang,
		notes: () => view().notes,
		leftOut: () => view().leftOut,
		async render(slug) {
			const note = view().bySlug.get(slug);
			if (!note) return undefined;
			if (note.format === 'mdx') return { format: 'mdx' };
			// The plugins write what they noticed (figures, diagrams) into the front matter: a copy per render.
			const frontmatter: Record<string, unknown> = { ...note.frontmatter };
			const { code } = await markdown.render(note.source, { frontmatter, fileURL: pathToFileURL(note.file) });
			return { format: 'md', html: code, file: note.file, frontmatter };
		},
		renderFailed(slug, error) {
			const note = view().bySlug.get(slug);
			if (!note) throw new Error(`The note ${slug || '(home)'} is not in the notes catalogue.`, { cause: error });
			const problem = renderErrorProblem({
				file: displayPath(note.file, options.projectRoot),
				error,
				mdx: note.format === 'mdx',
				outcome: 'its page says so',
			});
			options.onRenderError(problem);
			return formatProblem(problem);
		},
	};
}

function leftOutNotes(catalogue: Catalogue, projectRoot: string): LeftOutNote[] {
	return catalogue.excluded.flatMap((relativePath) => {
		const file = displayPath(path.join(catalogue.notesRoot, relativePath), projectRoot);
		const problem = catalogue.problems.find((each) => each.file === file);
		return problem ? [{ slug: noteSlug(relativePath), file, problem: formatProblem(problem) }] : [];
	});
}
