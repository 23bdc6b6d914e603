declare module 'virtual:notes/config' {
	const config: import('./config/site.ts').SiteConfig;
	export default config;
}

declare module 'virtual:notes/diagram-icons' {
	/** Loads the logos icons the site's diagrams use (see `src/integration/diagrams.ts`). */
	const load: import('mermaid').AsyncIconLoader['loader'];
	export default load;
}
