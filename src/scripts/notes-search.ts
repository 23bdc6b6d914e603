import { isSearchShortcut, SEARCH_TAG } from '../dom/search.ts';
import type { SearchResults } from './search-results.ts';

/**
 * `<notes-search>`: the header's search button and dialog: the shortcuts, opening and closing.
 * Loaded by `search-loader.ts` when search is about to be used (pointer or focus on the button, a
 * touch, a press or a shortcut, which have already opened the dialog), never on page load; it loads
 * the search itself (`search-results.ts`, then Pagefind) at once, and what is typed before the
 * search arrives is searched then.
 */
class NotesSearch extends HTMLElement {
	#results: Promise<SearchResults | undefined> | undefined;
	#dialog!: HTMLDialogElement;
	#input!: HTMLInputElement;

	connectedCallback() {
		this.#dialog = this.querySelector('dialog')!;
		this.#input = this.querySelector('input')!;
		this.querySelector('[data-search-open]')!.addEventListener('click', () => this.open());
		const close = () => this.#dialog.close();
		this.querySelector('[data-search-close]')!.addEventListener('click', close);
		this.#dialog.addEventListener('click', (event) => {
			if (event.target === this.#dialog) close();
		});
		this.#input.addEventListener('keydown', (event) => {
			// A search field's Esc would only clear the text: one Esc closes, and the text stays for next time.
			if (event.key === 'Escape') {
				event.preventDefault();
				close();
			}
		});
		document.addEventListener('keydown', (event) => {
			if (isSearchShortcut(event) && !this.#dialog.open) {
				event.preventDefault();
				this.open();
			}
		});
		this.#load();
	}

	open() {
		this.#dialog.showModal();
		this.#input.select();
		this.#load();
	}

	/** Loads the search once (again after a failure) and has it load Pagefind. */
	#load() {
		const status = this.querySelector('[data-search-status]')!;
		if (!this.#results) {
			if (!this.#input.value) status.textContent = 'Loading search…';
			// Pagefind downloads beside the search, not after it: the search imports this same module.
			const pagefind = `${this.dataset.bundle}pagefind.js`;
			import(/* @vite-ignore */ pagefind).catch(() => undefined);
		}
		this.#results ??= import('./search-results.ts').then(
			({ SearchResults }) => new SearchResults(this),
			() => {
				this.#results = undefined;
				status.textContent = 'Search could not be loaded. Check your connection and try again.';
				return undefined;
			},
		);
		void this.#results.then((results) => results?.load());
	}
}

if (!customElements.get(SEARCH_TAG)) customElements.define(SEARCH_TAG, NotesSearch);
