declare module 'virtual:notes/config' {
	const config: import('./config/site.ts').PagesConfig;
	export default config;
}

declare module 'virtual:notes/mdx' {
	/** Each `.mdx` note of the catalogue, by slug, compiled by @astrojs/mdx (see `src/integration/index.ts`). */
	const notes: Record<string, () => Promise<{ default: (props: { components?: Record<string, unknown> }) => unknown; frontmatter: Record<string, unknown> }>>;
	export default notes;
}

declare module 'virtual:notes/diagram-icons' {
	/** Loads the logos icons the site's diagrams use (see `src/integration/diagrams.ts`). */
	const load: import('mermaid').AsyncIconLoader['loader'];
	export default load;
}

declare module 'virtual:notes/images' {
	/** Every image of the notes folder a `.md` note can show, imported for Astro's image pipeline, by absolute path. */
	const images: Map<string, import('astro').ImageMetadata>;
	export default images;
}
