declare module 'virtual:notes/config' {
	const config: import('./config/site.ts').SiteConfig;
	export default config;
}

declare module 'virtual:notes/collection' {
	/** What the content collection reads of the notes catalogue (see `src/integration/index.ts`). */
	const collection: {
		/** The notes folder, absolute. */
		notesRoot: string;
		/** Glob patterns (escaped, relative to the notes folder) of what the site leaves out: notes that cannot be built, symbolic links not followed. */
		excluded: string[];
		/** Some notes that build are `.mdx`: without any, the collection loads nothing (and says nothing). */
		hasMdxNotes: boolean;
		/** Changes when a file that is not a note changes. */
		assetsStamp: string;
		/** By a note's content hash: a stamp of where its links lead, and of what it embeds. */
		linkStamps: Record<string, string>;
	};
	export default collection;
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
