import type { MdastContent, MdastPluginEntry } from 'satteri';
import { iconElement } from '../dom/icon.ts';
import { findIconShortcodes, iconLabel, MAY_HAVE_ICONS } from '../notes/icon-shortcodes.ts';
import { elementNode, sourceMayHold } from './satteri.ts';

/**
 * Material for MkDocs' icon shortcodes (`:material-microsoft:`) as inline SVG icons
 * (`src/dom/icon.ts`), found as the catalogue finds them (`src/notes/icon-shortcodes.ts`). A
 * shortcode no icon set has stays as written; the catalogue reports it. Code keeps its shortcodes.
 * An icon among words is decoration; an icon that is the whole of its text (all a link or a table
 * cell shows) is labelled, or the link would have no name.
 */
export function remarkIcons(): MdastPluginEntry {
	return (factory) =>
		sourceMayHold(factory.source, MAY_HAVE_ICONS) && {
			name: 'remark-icons',
			text(node, context) {
				const value = context.textContent(node);
				const found = findIconShortcodes(value).filter((each) => each.icon);
				if (found.length === 0) return;
				const alone = found.length === 1 && value.trim().length === found[0].length;
				const replacement: MdastContent[] = [];
				let last = 0;
				for (const { index, length, name, icon } of found) {
					if (index > last) replacement.push({ type: 'text', value: value.slice(last, index) });
					replacement.push(elementNode(iconElement({ ...icon!, ...(alone ? { label: iconLabel(name) } : {}) }), 'notesIcon'));
					last = index + length;
				}
				if (last < value.length) replacement.push({ type: 'text', value: value.slice(last) });
				context.replaceNode(node, replacement);
			},
		};
}
