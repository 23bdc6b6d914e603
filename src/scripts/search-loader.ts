import { isSearchShortcut, SEARCH_READY_ATTRIBUTE, SEARCH_TAG } from '../dom/search.ts';

/**
 * The header's search until it is first wanted: every page loads only this. The search element
 * (`notes-search.ts`) loads when a pointer comes over it, it takes the focus or a touch; a press of
 * its button or a shortcut also opens the dialog at once, so that what is typed next is in its
 * field while the element and the search arrive. Once the element is defined, it answers itself.
 */
const search = document.querySelector<HTMLElement>(SEARCH_TAG);
if (search && !customElements.get(SEARCH_TAG)) {
	if (/Mac|iPhone|iPad/.test(navigator.platform)) search.querySelector('[data-search-shortcut]')!.textContent = '⌘ K';
	search.setAttribute(SEARCH_READY_ATTRIBUTE, '');
	const load = () => void import('./notes-search.ts');
	const open = (event: Event) => {
		event.preventDefault();
		const dialog = search.querySelector('dialog')!;
		if (!dialog.open) dialog.showModal();
		search.querySelector('input')!.select();
		load();
	};
	const onClick = (event: Event) => {
		if ((event.target as Element).closest('[data-search-open]')) open(event);
	};
	const onKey = (event: KeyboardEvent) => {
		if (isSearchShortcut(event)) open(event);
	};
	for (const type of ['pointerover', 'focusin', 'touchstart']) search.addEventListener(type, load, { once: true, passive: true });
	search.addEventListener('click', onClick);
	document.addEventListener('keydown', onKey);
	void customElements.whenDefined(SEARCH_TAG).then(() => {
		search.removeEventListener('click', onClick);
		document.removeEventListener('keydown', onKey);
	});
}
