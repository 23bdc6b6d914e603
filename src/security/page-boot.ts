import { createHash } from 'node:crypto';
import { SECTIONS_MODE_STORAGE_KEY } from '../dom/tabs.ts';
import { THEME_STORAGE_KEY } from '../dom/theme.ts';

/**
 * The one inline script of every page, run in `<head>` before the first paint: the reader's theme
 * and sections choice, so nothing flashes. Written here as text, not in the layout, because the
 * Content-Security-Policy allows it by its hash (`PAGE_BOOT_HASH`), which must be of these bytes
 * (and every page carries them: comments stay out of the string). Should the page's own script not
 * run (offline, blocked), no section stays hidden behind tabs that do nothing: module scripts have
 * run by DOMContentLoaded, so a page whose tabs are not defined by then shows its sections stacked.
 */
export const PAGE_BOOT_SCRIPT = `(function () {
	var root = document.documentElement;
	var pref = 'auto';
	var mode = 'tabs';
	try {
		pref = localStorage.getItem(${JSON.stringify(THEME_STORAGE_KEY)}) || 'auto';
		mode = localStorage.getItem(${JSON.stringify(SECTIONS_MODE_STORAGE_KEY)}) || 'tabs';
	} catch (e) {}
	var dark = pref === 'dark' || (pref === 'auto' && matchMedia('(prefers-color-scheme: dark)').matches);
	root.dataset.themePref = pref;
	root.dataset.theme = dark ? 'dark' : 'light';
	root.dataset.sections = mode;
	addEventListener('DOMContentLoaded', function () {
		if (document.querySelector('notes-tabs') && !customElements.get('notes-tabs')) root.dataset.sections = 'stacked';
	});
})();`;

export const PAGE_BOOT_HASH = `sha256-${createHash('sha256').update(PAGE_BOOT_SCRIPT).digest('base64')}` as const;
