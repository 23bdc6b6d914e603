import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** mermaid's own architecture icons, usable without a pack prefix. */
export const BUILT_IN_ICONS = ['cloud', 'database', 'disk', 'internet', 'server', 'blank'];
/** The Iconify pack the site registers with mermaid, in the build and in the browser. */
export const ICON_PACK = 'logos';

/** Icons an `architecture-beta` diagram names: `service db(logos:aws-s3)[…]`, `group vpc(cloud)[…]`. */
export function iconReferences(code: string): string[] {
	if (!/^\s*architecture/.test(code.replace(/^(?:\s*%%.*\n|\s*---\n[\s\S]*?\n---\n)*/, ''))) return [];
	const icons = new Set<string>();
	for (const match of code.matchAll(/^\s*(?:service|group|junction)\s+[\w-]+\s*\(([^)\s]+)\)/gm)) icons.add(match[1]);
	return [...icons];
}

let logosNames: Set<string> | undefined;

/** Every icon name in the installed `@iconify-json/logos`, aliases included. Read once, on first use. */
function logos(): Set<string> {
	if (!logosNames) {
		const file = createRequire(import.meta.url).resolve('@iconify-json/logos/icons.json');
		const pack = JSON.parse(readFileSync(file, 'utf8')) as { icons: object; aliases?: object };
		logosNames = new Set([...Object.keys(pack.icons), ...Object.keys(pack.aliases ?? {})]);
	}
	return logosNames;
}

/** The icons of `code` that neither mermaid nor the logos pack has. */
export function unknownIcons(code: string): string[] {
	return iconReferences(code).filter((icon) => {
		const [prefix, name] = icon.includes(':') ? icon.split(':', 2) : [undefined, icon];
		if (prefix === undefined) return !BUILT_IN_ICONS.includes(name);
		return prefix !== ICON_PACK || !logos().has(name);
	});
}

interface IconifyPack {
	prefix: string;
	icons: Record<string, unknown>;
	aliases?: Record<string, { parent: string }>;
	width?: number;
	height?: number;
}

/** The part of the logos pack that `names` need (aliases with their parents), for the browser. */
export function logosSubset(names: Iterable<string>): IconifyPack {
	const wanted = [...names];
	// The pack is a large file: a site whose diagrams name no logo does not read it.
	if (wanted.length === 0) return { prefix: ICON_PACK, icons: {}, aliases: {} };
	const file = createRequire(import.meta.url).resolve('@iconify-json/logos/icons.json');
	const pack = JSON.parse(readFileSync(file, 'utf8')) as IconifyPack;
	const subset: IconifyPack = { prefix: pack.prefix, icons: {}, aliases: {}, width: pack.width, height: pack.height };
	for (const name of wanted) {
		let current: string | undefined = name;
		while (current && !(current in subset.icons)) {
			const alias: { parent: string } | undefined = pack.aliases?.[current];
			if (alias) {
				subset.aliases![current] = alias;
				current = alias.parent;
			} else {
				if (pack.icons[current]) subset.icons[current] = pack.icons[current];
				current = undefined;
			}
		}
	}
	return subset;
}

/** The logos icons (without prefix) that some diagrams name. */
export function logosNamesIn(codes: Iterable<string>): string[] {
	const names = new Set<string>();
	for (const code of codes) {
		// Any mention counts: architecture services, flowchart icon shapes (`@{ icon: "logos:…" }`)…
		for (const match of code.matchAll(/\blogos:([a-z0-9-]+)/g)) names.add(match[1]);
	}
	return [...names].sort();
}
