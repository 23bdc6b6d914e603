import { createHash } from 'node:crypto';
import { SELF_TEST_ATTRIBUTE, SELF_TEST_ON, SELF_TEST_STORAGE_KEY } from '../dom/self-test-switch.ts';
import { SECTIONS_MODE_STORAGE_KEY } from '../dom/tabs.ts';
import { THEME_PREFERENCES, THEME_STORAGE_KEY } from '../dom/theme.ts';

/**
 * The one inline script of every page, run at the start of `<body>` before the first paint: the
 * reader's theme, sections choice and self-test, so nothing flashes, and the theme switch (auto → light →
 * dark, remembered), which the same resolution of a preference drives; the switch shows only where
 * this script has run (`theme.css`). Written here as text, not in the layout, because the
 * Content-Security-Policy allows it by its hash (`PAGE_BOOT_HASH`), which must be of these bytes
 * (and every page carries them: comments stay out of the string). Should the page's own script not
 * run (offline, blocked), no section stays hidden behind tabs that do nothing: module scripts have
 * run by DOMContentLoaded, so a page whose tabs are not defined by then shows its sections stacked,
 * and hides nothing for a self-test that cannot run.
 */
export const PAGE_BOOT_SCRIPT = `(function () {
	var root = document.documentElement;
	var prefs = ${JSON.stringify(THEME_PREFERENCES)};
	var dark = matchMedia('(prefers-color-scheme: dark)');
	var pref, mode, test;
	try {
		pref = localStorage.getItem(${JSON.stringify(THEME_STORAGE_KEY)});
		mode = localStorage.getItem(${JSON.stringify(SECTIONS_MODE_STORAGE_KEY)});
		test = localStorage.getItem(${JSON.stringify(SELF_TEST_STORAGE_KEY)});
	} catch (e) {}
	function theme(next) {
		pref = prefs.indexOf(next) < 0 ? 'auto' : next;
		root.dataset.themePref = pref;
		root.dataset.theme = pref === 'dark' || (pref === 'auto' && dark.matches) ? 'dark' : 'light';
		document.querySelectorAll('[data-theme-switch]').forEach(function (button) {
			button.setAttribute('aria-label', 'Theme: ' + pref);
			button.title = 'Theme: ' + pref + ' (click to change)';
		});
	}
	theme(pref);
	root.dataset.sections = mode || 'tabs';
	if (test === ${JSON.stringify(SELF_TEST_ON)}) root.setAttribute(${JSON.stringify(SELF_TEST_ATTRIBUTE)}, test);
	dark.addEventListener('change', function () {
		theme(pref);
	});
	addEventListener('click', function (event) {
		if (!event.target.closest || !event.target.closest('[data-theme-switch]')) return;
		theme(prefs[(prefs.indexOf(pref) + 1) % prefs.length]);
		try {
			localStorage.setItem(${JSON.stringify(THEME_STORAGE_KEY)}, pref);
		} catch (e) {}
	});
	addEventListener('DOMContentLoaded', function () {
		theme(pref);
		if (customElements.get('notes-tabs')) return;
		if (document.querySelector('notes-tabs')) root.dataset.sections = 'stacked';
		root.removeAttribute(${JSON.stringify(SELF_TEST_ATTRIBUTE)});
	});
})();`;

export const PAGE_BOOT_HASH = `sha256-${createHash('sha256').update(PAGE_BOOT_SCRIPT).digest('base64')}` as const;
