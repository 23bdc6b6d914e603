declare module 'virtual:notes/config' {
	const config: import('./config/site.ts').SiteConfig;
	export default config;
}

declare module 'virtual:notes/excluded' {
	/** Notes left out of the site (paths relative to the notes folder), from the integration's scan. */
	const excluded: string[];
	export default excluded;
}

declare module 'virtual:notes/diagram-icons' {
	/** Loads the logos icons the site's diagrams use (see `src/integration/diagrams.ts`). */
	const load: import('mermaid').AsyncIconLoader['loader'];
	export default load;
}
