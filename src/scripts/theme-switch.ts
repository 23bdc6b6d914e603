import { THEME_PREFERENCES as PREFERENCES, THEME_STORAGE_KEY, type ThemePreference as Preference } from '../dom/theme.ts';

/** The header's theme button: auto → light → dark, remembered in localStorage. */
const root = document.documentElement;
const darkQuery = matchMedia('(prefers-color-scheme: dark)');

function apply(preference: Preference) {
	root.dataset.themePref = preference;
	root.dataset.theme = preference === 'dark' || (preference === 'auto' && darkQuery.matches) ? 'dark' : 'light';
	for (const button of document.querySelectorAll<HTMLButtonElement>('[data-theme-switch]')) {
		button.setAttribute('aria-label', `Theme: ${preference}`);
		button.title = `Theme: ${preference} (click to change)`;
	}
}

const current = (): Preference => {
	const value = root.dataset.themePref as Preference;
	return PREFERENCES.includes(value) ? value : 'auto';
};

for (const button of document.querySelectorAll<HTMLButtonElement>('[data-theme-switch]')) {
	button.addEventListener('click', () => {
		const next = PREFERENCES[(PREFERENCES.indexOf(current()) + 1) % PREFERENCES.length];
		try {
			localStorage.setItem(THEME_STORAGE_KEY, next);
		} catch {
			// Private mode: the choice lasts for this page only.
		}
		apply(next);
	});
}
darkQuery.addEventListener('change', () => apply(current()));
apply(current());
