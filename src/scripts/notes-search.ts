import { HIGHLIGHT_PARAM, SEARCH_TAG, SUB_RESULTS_PER_NOTE } from '../dom/search.ts';

/** The parts of Pagefind's JavaScript API this element uses. */
interface PagefindAnchor {
	element: string;
	id: string;
	text: string;
	location: number;
}
interface PagefindSubResult {
	title: string;
	url: string;
	excerpt: string;
	anchor?: PagefindAnchor;
}
interface PagefindResultData {
	url: string;
	excerpt: string;
	meta: { title?: string };
	anchors: PagefindAnchor[];
	sub_results: PagefindSubResult[];
}
interface Pagefind {
	options(options: Record<string, unknown>): Promise<void>;
	init(): Promise<void>;
	filters(): Promise<Record<string, Record<string, number>>>;
	search(
		term: string,
		options: { filters?: Record<string, string> },
	): Promise<{ results: { data(): Promise<PagefindResultData> }[] }>;
}

interface Hit {
	url: string;
	path: string[];
	excerpt: string;
}

const FILTER_LABELS: Record<string, string> = { note: 'All notes', folder: 'All folders' };
/** Notes whose sections are listed: each costs Pagefind one fragment download. */
const RESULTS_SHOWN = 6;
const MIN_QUERY_LENGTH = 2;

const capitalise = (text: string) => text.charAt(0).toLocaleUpperCase() + text.slice(1);

/** Pagefind's excerpt is text with `<mark>`: rebuild it as DOM without ever parsing note HTML. */
function excerptNodes(excerpt: string): Node[] {
	// A <textarea> decodes character references and never creates elements or runs anything.
	const decoder = document.createElement('textarea');
	const decode = (text: string) => {
		decoder.innerHTML = text;
		return decoder.value;
	};
	const nodes: Node[] = [];
	let marked = false;
	for (const part of excerpt.split(/(<\/?mark>)/)) {
		if (part === '<mark>' || part === '</mark>') {
			marked = part === '<mark>';
			continue;
		}
		if (!part) continue;
		const text = document.createTextNode(decode(part));
		if (marked) {
			const mark = document.createElement('mark');
			mark.append(text);
			nodes.push(mark);
		} else nodes.push(text);
	}
	return nodes;
}

/** A note result becomes its best-matching sections, each with its "Note › Topic › Section" path. */
function hitsOf(data: PagefindResultData): Hit[] {
	const title = data.meta.title ?? data.url;
	const topicOf = (location: number) =>
		data.anchors.filter((anchor) => anchor.element === 'h2' && anchor.location <= location).at(-1);
	const sections = data.sub_results.filter((sub) => sub.anchor && sub.url !== data.url).slice(0, SUB_RESULTS_PER_NOTE);
	if (sections.length === 0) return [{ url: data.url, path: [title], excerpt: data.excerpt }];
	return sections.map((sub) => {
		const anchor = sub.anchor!;
		const topic = anchor.element === 'h2' ? undefined : topicOf(anchor.location);
		return {
			url: sub.url,
			path: [title, ...(topic ? [topic.text] : []), capitalise(sub.title)],
			excerpt: sub.excerpt,
		};
	});
}

/**
 * `<notes-search>`: the header's search button and dialog. Pagefind loads only when search is
 * about to be used (pointer or focus on the button, or a shortcut), never on page load.
 */
class NotesSearch extends HTMLElement {
	#pagefind: Promise<Pagefind | undefined> | undefined;
	#dialog!: HTMLDialogElement;
	#input!: HTMLInputElement;
	#list!: HTMLUListElement;
	#status!: HTMLElement;
	#filters!: HTMLElement;
	#template!: HTMLTemplateElement;
	#active = -1;
	/** A search is running; `#stale` says the input changed meanwhile and it must run again. */
	#searching = false;
	#stale = false;

	connectedCallback() {
		this.#dialog = this.querySelector('dialog')!;
		this.#input = this.querySelector('input')!;
		this.#list = this.querySelector('[role="listbox"]')!;
		this.#status = this.querySelector('[data-search-status]')!;
		this.#filters = this.querySelector('[data-search-filters]')!;
		this.#template = this.querySelector('template[data-search-result]')!;
		const open = this.querySelector<HTMLButtonElement>('[data-search-open]')!;
		if (/Mac|iPhone|iPad/.test(navigator.platform)) {
			this.querySelector('[data-search-shortcut]')!.textContent = '⌘ K';
		}
		open.addEventListener('click', () => this.open());
		for (const event of ['pointerenter', 'focus', 'touchstart']) {
			open.addEventListener(event, () => void this.#load(), { once: true, passive: true });
		}
		this.querySelector('[data-search-close]')!.addEventListener('click', () => this.#dialog.close());
		this.#dialog.addEventListener('click', (event) => {
			if (event.target === this.#dialog) this.#dialog.close();
		});
		this.#input.addEventListener('input', () => void this.#search());
		this.#input.addEventListener('keydown', (event) => this.#onKey(event));
		this.#filters.addEventListener('change', () => void this.#search());
		this.#list.addEventListener('click', (event) => {
			if ((event.target as Element).closest('a')) this.#dialog.close();
		});
		document.addEventListener('keydown', (event) => {
			const typing = (event.target as HTMLElement).closest('input, textarea, select, [contenteditable]');
			const shortcut = (event.key === 'k' && (event.metaKey || event.ctrlKey)) || (event.key === '/' && !typing);
			if (shortcut && !this.#dialog.open) {
				event.preventDefault();
				this.open();
			}
		});
	}

	open() {
		this.#dialog.showModal();
		this.#input.select();
		void this.#load();
	}

	#load(): Promise<Pagefind | undefined> {
		this.#pagefind ??= (async () => {
			if (!this.#input.value) this.#setStatus('Loading search…');
			try {
				const bundle = this.dataset.bundle!;
				const pagefind = (await import(/* @vite-ignore */ `${bundle}pagefind.js`)) as Pagefind;
				await pagefind.options({ baseUrl: this.dataset.base, highlightParam: HIGHLIGHT_PARAM, excerptLength: 22 });
				await pagefind.init();
				// The filters load their own data: they must not hold up the first results.
				void this.#renderFilters(pagefind);
				if (!this.#input.value) this.#setStatus('');
				return pagefind;
			} catch {
				this.#setStatus(
					import.meta.env.DEV
						? 'No search index yet: run `npm run build` once; the dev server then searches the last build.'
						: 'Search could not be loaded. Check your connection and try again.',
				);
				this.#pagefind = undefined;
				return undefined;
			}
		})();
		return this.#pagefind;
	}

	async #renderFilters(pagefind: Pagefind) {
		const filters = await pagefind.filters();
		for (const [name, values] of Object.entries(filters)) {
			const options = Object.keys(values).sort((a, b) => a.localeCompare(b));
			if (options.length < 2) continue;
			const select = document.createElement('select');
			select.name = name;
			select.setAttribute('aria-label', `Filter by ${name}`);
			select.append(new Option(FILTER_LABELS[name] ?? `All (${name})`, ''));
			for (const option of options) select.append(new Option(option, option));
			this.#filters.append(select);
			this.#filters.hidden = false;
		}
	}

	/**
	 * Searches as the reader types, without a timer: the first keystroke searches at once, and
	 * keystrokes that arrive while a search runs are folded into one more search for the latest text.
	 */
	async #search() {
		if (this.#searching) {
			this.#stale = true;
			return;
		}
		this.#searching = true;
		try {
			do {
				this.#stale = false;
				await this.#searchOnce();
			} while (this.#stale);
		} finally {
			this.#searching = false;
		}
	}

	async #searchOnce() {
		const term = this.#input.value.trim();
		const pagefind = await this.#load();
		if (!pagefind) return;
		// One letter matches half the index: wait for the second.
		if (term.length < MIN_QUERY_LENGTH) {
			this.#show([]);
			this.#setStatus('');
			return;
		}
		const filters: Record<string, string> = {};
		for (const select of this.#filters.querySelectorAll('select')) if (select.value) filters[select.name] = select.value;
		const search = await pagefind.search(term, { filters });
		const data = await Promise.all(search.results.slice(0, RESULTS_SHOWN).map((result) => result.data()));
		// Typed on meanwhile: the loop in #search runs again with the new text.
		if (this.#input.value.trim() !== term) return;
		const hits = data.flatMap(hitsOf);
		this.#show(hits);
		this.#setStatus(hits.length === 0 ? `No results for “${term}”.` : `${hits.length} ${hits.length === 1 ? 'result' : 'results'}`);
	}

	#show(hits: Hit[]) {
		const items = hits.map((hit, index) => {
			const item = this.#template.content.firstElementChild!.cloneNode(true) as HTMLLIElement;
			const option = item.querySelector('a')!;
			option.id = `search-result-${index}`;
			option.href = hit.url;
			option.querySelector('.search__path')!.textContent = hit.path.join(' › ');
			option.querySelector('.search__excerpt')!.append(...excerptNodes(hit.excerpt));
			option.addEventListener('pointermove', () => this.#activate(index));
			return item;
		});
		this.#list.replaceChildren(...items);
		this.#input.setAttribute('aria-expanded', String(items.length > 0));
		this.#activate(items.length > 0 ? 0 : -1);
	}

	#activate(index: number) {
		const items = [...this.#list.querySelectorAll<HTMLElement>('[role="option"]')];
		this.#active = index;
		for (const [i, item] of items.entries()) item.setAttribute('aria-selected', String(i === index));
		if (index >= 0) {
			this.#input.setAttribute('aria-activedescendant', items[index].id);
			items[index].scrollIntoView({ block: 'nearest' });
		} else this.#input.removeAttribute('aria-activedescendant');
	}

	#onKey(event: KeyboardEvent) {
		const count = this.#list.children.length;
		if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
			event.preventDefault();
			if (count === 0) return;
			const step = event.key === 'ArrowDown' ? 1 : -1;
			this.#activate((this.#active + step + count) % count);
		} else if (event.key === 'Enter' && this.#active >= 0) {
			event.preventDefault();
			this.#list.querySelectorAll<HTMLElement>('[role="option"]')[this.#active].click();
		}
	}

	#setStatus(text: string) {
		this.#status.textContent = text;
	}
}

if (!customElements.get(SEARCH_TAG)) customElements.define(SEARCH_TAG, NotesSearch);
