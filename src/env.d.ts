declare module 'virtual:notes/config' {
	const config: import('./config/site.ts').SiteConfig;
	export default config;
}
