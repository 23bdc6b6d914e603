import { filterLabel, filterSelectLabel, HIGHLIGHT_PARAM, SUB_RESULTS_PER_NOTE } from '../dom/search.ts';

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
		term: string | null,
		options: { filters?: Record<string, string> },
	): Promise<{ results: { data(): Promise<PagefindResultData> }[] }>;
}

interface Hit {
	url: string;
	path: string[];
	excerpt: string;
}

/** Notes whose sections are listed: each costs Pagefind one fragment download. */
const RESULTS_SHOWN = 6;
const MIN_QUERY_LENGTH = 2;
/**
 * Shorter than this, the text is searched as a whole word (`s3`, `az`): as a prefix, two letters
 * match a large part of the index, which costs the most and helps the least.
 */
const PREFIX_QUERY_LENGTH = 3;

const capitalise = (text: string) => text.charAt(0).toLocaleUpperCase() + text.slice(1);

/** Pagefind's excerpt is text with `<mark>`: rebuild it as DOM without ever parsing note HTML. */
function excerptNodes(excerpt: string): Node[] {
	// A <textarea> decodes character references and never creates elements or runs anything.
	const decoder = document.createElement('textarea');
	const decode = (text: string) => {
		if (!text.includes('&')) return text;
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
 * The search in `<notes-search>`'s dialog: Pagefind, the results as the reader types, the filters
 * and the keyboard in the list. Loaded by the element (`notes-search.ts`) when search is about to
 * be used, never with the page; what was typed before it arrived is searched at once.
 */
export class SearchResults {
	#element: HTMLElement;
	#pagefind: Promise<Pagefind | undefined> | undefined;
	#dialog: HTMLDialogElement;
	#input: HTMLInputElement;
	#list: HTMLUListElement;
	#status: HTMLElement;
	#filters: HTMLElement;
	#template: HTMLTemplateElement;
	#active = -1;
	/** A search is running: it runs again until what it searched is what the reader asks now. */
	#searching = false;
	/** Loads and shows the filters, once: after the first results, or after the warm-up when nobody has typed. */
	#showFilters: (() => void) | undefined;

	constructor(element: HTMLElement) {
		this.#element = element;
		this.#dialog = element.querySelector('dialog')!;
		this.#input = element.querySelector('input')!;
		this.#list = element.querySelector('[role="listbox"]')!;
		this.#status = element.querySelector('[data-search-status]')!;
		this.#filters = element.querySelector('[data-search-filters]')!;
		this.#template = element.querySelector('template[data-search-result]')!;
		// A count is only ever said of the query it was found for: a new query clears it.
		const queryChanged = () => {
			this.#setStatus('');
			void this.#search();
		};
		this.#input.addEventListener('input', queryChanged);
		this.#input.addEventListener('keydown', (event) => this.#onKey(event));
		this.#filters.addEventListener('change', queryChanged);
		this.#list.addEventListener('click', (event) => {
			if ((event.target as Element).closest('a')) this.#dialog.close();
		});
		// Typed while this module loaded (a shortcut, then the query at once).
		if (this.#input.value) queryChanged();
	}

	/** Loads Pagefind, once (again after a failure): on the first use, and whenever search is about to be used. */
	load(): Promise<Pagefind | undefined> {
		this.#pagefind ??= (async () => {
			if (!this.#input.value) this.#setStatus('Loading search…');
			try {
				const url = `${this.#element.dataset.bundle!}pagefind.js`;
				const pagefind = (await import(/* @vite-ignore */ url)) as Pagefind;
				// In the page, not a worker: a search takes tens of milliseconds, and Pagefind's worker
				// costs its own download and a message per search and per result (slower on two cores).
				await pagefind.options({ baseUrl: this.#element.dataset.base, highlightParam: HIGHLIGHT_PARAM, excerptLength: 22, noWorker: true });
				await pagefind.init();
				// Pagefind's first search costs twice a later one. If the reader has not typed yet, a
				// filter-only search (it downloads nothing) pays for it now; once there is text, the
				// real search pays it instead of waiting behind a warm-up. The filters load their own
				// data on the same thread: after the first results, or after the warm-up, never beside
				// the first search. Both are extras: search works without them.
				this.#showFilters = () => {
					this.#showFilters = undefined;
					void this.#renderFilters(pagefind).catch(() => undefined);
				};
				if (!this.#input.value.trim())
					void pagefind
						.search(null, {})
						.catch(() => undefined)
						.then(() => (this.#searching ? undefined : this.#showFilters?.()));
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
		const selects = Object.entries(filters).flatMap(([name, values]) => {
			const options = Object.keys(values).sort((a, b) => a.localeCompare(b));
			if (options.length < 2) return [];
			const select = document.createElement('select');
			select.name = name;
			select.setAttribute('aria-label', filterSelectLabel(name));
			select.append(new Option(filterLabel(name), ''));
			for (const option of options) select.append(new Option(option, option));
			return [select];
		});
		// In place of the page's disabled stand-ins (src/dom/search.ts).
		this.#filters.replaceChildren(...selects);
		this.#filters.hidden = selects.length === 0;
	}

	/**
	 * Searches as the reader types, without a timer: the first keystroke searches at once, and
	 * keystrokes that arrive while a search runs are folded into one more search for the latest text.
	 */
	async #search() {
		if (this.#searching) return;
		this.#searching = true;
		try {
			let searched: string | undefined;
			do searched = await this.#searchOnce();
			while (searched !== undefined && searched !== this.#query().key);
		} finally {
			this.#searching = false;
			this.#showFilters?.();
		}
	}

	/** The text and filters the dialog asks for now. */
	#query() {
		const term = this.#input.value.trim();
		const filters: Record<string, string> = {};
		for (const select of this.#filters.querySelectorAll('select')) if (select.value) filters[select.name] = select.value;
		return { term, filters, key: JSON.stringify([term, filters]), filtersKey: JSON.stringify(filters) };
	}

	/** Runs one search and lists its results; returns the query's key, or nothing when search is unavailable. */
	async #searchOnce(): Promise<string | undefined> {
		const pagefind = await this.load();
		if (!pagefind) return undefined;
		// Read after loading: what was typed while Pagefind loaded is searched once, not letter by letter.
		const { term, filters, key, filtersKey } = this.#query();
		// One letter matches half the index: wait for the second.
		if (term.length < MIN_QUERY_LENGTH) {
			this.#show([]);
			this.#setStatus('');
			return key;
		}
		const wholeWord = term.length < PREFIX_QUERY_LENGTH && !/["\s]/.test(term);
		const { results } = await pagefind.search(wholeWord ? `"${term}"` : term, { filters });
		// Each note's data is a download. The best note's comes first, alone: if the reader has typed
		// on meanwhile, the others are not worth fetching. Each note shows as soon as it and the
		// better-ranked ones have arrived.
		const pending = results.slice(0, 1).map((result) => result.data());
		const hits: Hit[] = [];
		for (let rank = 0; rank < Math.min(results.length, RESULTS_SHOWN); rank++) {
			const noteHits = hitsOf(await pending[rank]);
			hits.push(...noteHits);
			const now = this.#query();
			if (now.key !== key) {
				// Typed on meanwhile: #search runs again. Until then, the best note for the start of
				// the text fills an empty list, so results appear while the reader is still typing.
				const typedOn = now.filtersKey === filtersKey && now.term.startsWith(term);
				if (typedOn && rank === 0 && this.#list.children.length === 0) this.#show(noteHits);
				return key;
			}
			this.#show(noteHits, rank > 0);
			if (rank === 0) pending.push(...results.slice(1, RESULTS_SHOWN).map((result) => result.data()));
		}
		if (this.#query().key !== key) return key;
		if (results.length === 0) this.#show([]);
		// Two letters that are no word are most likely the start of one: no "No results" yet.
		const noResults = wholeWord ? '' : `No results for “${term}”.`;
		this.#setStatus(hits.length === 0 ? noResults : `${hits.length} ${hits.length === 1 ? 'result' : 'results'}`);
		return key;
	}

	/** Lists the hits; with `more`, below the ones listed, and the active option stays. */
	#show(hits: Hit[], more = false) {
		const first = more ? this.#list.children.length : 0;
		const items = hits.map((hit, offset) => {
			const index = first + offset;
			const item = this.#template.content.firstElementChild!.cloneNode(true) as HTMLLIElement;
			const option = item.querySelector('a')!;
			option.id = `search-result-${index}`;
			option.href = hit.url;
			option.querySelector('.search__path')!.textContent = hit.path.join(' › ');
			option.querySelector('.search__excerpt')!.append(...excerptNodes(hit.excerpt));
			option.addEventListener('pointermove', () => this.#activate(index, false));
			return item;
		});
		if (more) {
			this.#list.append(...items);
			return;
		}
		this.#list.replaceChildren(...items);
		this.#list.scrollTop = 0;
		this.#input.setAttribute('aria-expanded', String(items.length > 0));
		this.#activate(items.length > 0 ? 0 : -1, false);
	}

	/** Marks an option active; `scroll` brings it into view (for the keyboard: the pointer is on it already). */
	#activate(index: number, scroll = true) {
		const items = [...this.#list.querySelectorAll<HTMLElement>('[role="option"]')];
		this.#active = index;
		for (const [i, item] of items.entries()) item.setAttribute('aria-selected', String(i === index));
		if (index >= 0) {
			this.#input.setAttribute('aria-activedescendant', items[index].id);
			if (scroll) items[index].scrollIntoView({ block: 'nearest' });
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
