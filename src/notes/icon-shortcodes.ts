import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { getIconData, iconToSVG } from '@iconify/utils';
import type { ElementContent, Root } from 'hast';
import { htmlToHast } from 'satteri';
import type { Icon } from '../dom/icon.ts';

/**
 * Material for MkDocs' icon shortcodes (`:material-microsoft:`, `:fontawesome-brands-github:`,
 * `:octicons-mark-github-16:`, `:simple-amazonwebservices:`), drawn from the same icon sets in
 * their Iconify packages. The catalogue finds them (and reports those no set has); the Markdown
 * plugin draws them (`src/dom/icon.ts`). A set is read when a note first uses it, once per build.
 * Emoji shortcodes (`:smile:`) are not icons: they stay text.
 */

/** Each shortcode prefix Material for MkDocs has, its Iconify set, and the set's name for a report. */
export const ICON_SETS = {
	material: { set: 'mdi', title: 'Material Design Icons' },
	'fontawesome-brands': { set: 'fa6-brands', title: 'Font Awesome 6 Brands' },
	'fontawesome-solid': { set: 'fa6-solid', title: 'Font Awesome 6 Solid' },
	'fontawesome-regular': { set: 'fa6-regular', title: 'Font Awesome 6 Regular' },
	octicons: { set: 'octicon', title: 'Octicons' },
	simple: { set: 'simple-icons', title: 'Simple Icons' },
} as const;

export type IconPrefix = keyof typeof ICON_SETS;

/** `:prefix-name:`, and the attribute list MkDocs lets follow it (`{ .lg .middle }`). */
const SHORTCODE = /:(material|fontawesome-(?:brands|solid|regular)|octicons|simple)-([a-z0-9]+(?:-[a-z0-9]+)*):(?:\{([^{}\n]*)\})?/g;

/** A shortcode in a text: where it is, and its icon when its set has one. */
export interface IconShortcode {
	index: number;
	length: number;
	prefix: IconPrefix;
	/** The icon's name in its set: `microsoft`. */
	name: string;
	/** What the author wrote, without the attribute list: `:material-microsoft:`. */
	shortcode: string;
	icon: Icon | undefined;
}

type IconSet = Parameters<typeof getIconData>[0];

const sets = new Map<string, IconSet>();
const icons = new Map<string, Omit<Icon, 'classes' | 'label'> | null>();

function iconSet(set: string): IconSet {
	let loaded = sets.get(set);
	if (!loaded) {
		const file = createRequire(import.meta.url).resolve(`@iconify-json/${set}/icons.json`);
		loaded = JSON.parse(readFileSync(file, 'utf8')) as IconSet;
		sets.set(set, loaded);
	}
	return loaded;
}

/** The icon `name` of the set behind `prefix`, drawn once per build; `undefined` when the set has none of that name. */
function findIcon(prefix: IconPrefix, name: string): Omit<Icon, 'classes' | 'label'> | undefined {
	const key = `${prefix}-${name}`;
	let icon = icons.get(key);
	if (icon === undefined) {
		const data = getIconData(iconSet(ICON_SETS[prefix].set), name);
		if (data) {
			const { attributes, body } = iconToSVG(data, { height: '1em' });
			const svg = htmlToHast(`<svg>${body}</svg>`, { fragment: true }) as Root;
			const shapes = svg.children.find((node) => node.type === 'element')?.children ?? [];
			icon = { name: key, viewBox: attributes.viewBox, width: attributes.width ?? '1em', height: attributes.height ?? '1em', body: shapes as ElementContent[] };
		} else icon = null;
		icons.set(key, icon);
	}
	return icon ?? undefined;
}

/** The icon shortcodes in a text, each with its icon, or `undefined` for a name its set does not have. */
export function findIconShortcodes(text: string): IconShortcode[] {
	if (!text.includes(':')) return [];
	return [...text.matchAll(SHORTCODE)].map((match) => {
		const prefix = match[1] as IconPrefix;
		const found = findIcon(prefix, match[2]);
		const classes = [...(match[3] ?? '').matchAll(/(?:^|\s)\.([\w-]+)/g)].map((each) => each[1]);
		const shortcode = `:${prefix}-${match[2]}:`;
		return {
			index: match.index,
			length: match[0].length,
			prefix,
			name: match[2],
			shortcode,
			icon: found && { ...found, ...(classes.length > 0 ? { classes } : {}) },
		};
	});
}

/** A text with the icons that shortcodes draw taken out (they have no text): for headings and contexts, as the page reads them. */
export function withoutIcons(text: string): string {
	let shown = '';
	let last = 0;
	for (const found of findIconShortcodes(text)) {
		if (!found.icon) continue;
		shown += text.slice(last, found.index);
		last = found.index + found.length;
	}
	return shown + text.slice(last);
}

/** What a screen reader says for an icon that is all a link shows: its name in words (`mark-github-16` → `mark github`). */
export const iconLabel = (name: string): string => name.replace(/-\d+$/, '').replace(/-/g, ' ');

/** A look at a note's source before its texts are read for icons. */
export const MAY_HAVE_ICONS = /:(?:material|fontawesome|octicons|simple)-/;
