import type { Plugin, RunnableDevEnvironment, ViteDevServer } from 'vite';

/** The parsed site settings (`SiteConfig`). */
export const VIRTUAL_CONFIG = 'virtual:notes/config';
/** Each `.mdx` note, by slug, as a module to import. */
export const VIRTUAL_MDX = 'virtual:notes/mdx';
/** Every image of the notes folder a note can show, imported for Astro's image pipeline. */
export const VIRTUAL_IMAGES = 'virtual:notes/images';
/** The query Astro's content layer puts on a note's image import (an SVG is then an image, not a component). */
export const CONTENT_IMAGE_QUERY = 'astroContentImageFlag';
/** The logos icons the browser needs to draw diagrams. */
export const VIRTUAL_DIAGRAM_ICONS = 'virtual:notes/diagram-icons';

const resolved = (id: string) => `\0${id}`;

/** A Vite plugin serving modules whose code the integration makes: `id` → its code, asked for at each load. */
export interface VirtualModules extends Plugin {
	/**
	 * In `npm run dev`, after the notes changed: the modules whose code is now different load it
	 * again at their next import (by a page, say); the others, and what imports them, stay as they are.
	 */
	invalidateChanged(server: ViteDevServer): void;
}

export function virtualModules(modules: Record<string, () => string>): VirtualModules {
	/** The code each module was last loaded with. */
	const loaded = new Map<string, string>();
	return {
		name: 'notes-site:virtual-modules',
		resolveId: (id) => (id in modules ? resolved(id) : undefined),
		load(id) {
			const name = id.startsWith('\0') ? id.slice(1) : undefined;
			if (name === undefined || !(name in modules)) return undefined;
			const code = modules[name]();
			loaded.set(name, code);
			return code;
		},
		invalidateChanged(server) {
			for (const [id, code] of loaded) {
				if (modules[id]() === code) continue;
				loaded.delete(id);
				invalidate(server, id);
			}
		},
	};
}

const invalidate = (server: ViteDevServer, id: string) => invalidateModules(server, (graph) => [graph.getModuleById(resolved(id))]);

/** In `npm run dev`: the modules of these files (`.mdx` notes) are compiled again at their next import. */
export function invalidateFiles(server: ViteDevServer, files: string[]): void {
	if (files.length > 0) invalidateModules(server, (graph) => files.flatMap((file) => [...(graph.getModulesByFile(file) ?? [])]));
}

type ModuleGraph = ViteDevServer['environments'][string]['moduleGraph'];

function invalidateModules(server: ViteDevServer, modulesOf: (graph: ModuleGraph) => (ReturnType<ModuleGraph['getModuleById']>)[]): void {
	for (const environment of Object.values(server.environments)) {
		for (const module of modulesOf(environment.moduleGraph)) {
			if (!module) continue;
			environment.moduleGraph.invalidateModule(module);
			// Environments that run modules in this process (Astro's server-side ones) keep their own copy.
			const runner = (environment as Partial<RunnableDevEnvironment>).runner;
			const evaluated = module.id ? runner?.evaluatedModules.getModuleById(module.id) : undefined;
			if (evaluated) runner!.evaluatedModules.invalidateModule(evaluated);
		}
	}
}
