import {
	panelId,
	SECTIONS_MODE_ATTRIBUTE,
	SECTIONS_MODE_EVENT,
	TAB_LIST_CLASS,
	TAB_PANEL_CLASS,
	tabId,
	TABS_TAG,
	type SectionsMode,
} from '../dom/tabs.ts';
import { decodeOrKeep } from '../browser-safe/url-path.ts';

/** A panel's section id: its first child is the section's heading. */
const sectionIdOf = (panel: Element | undefined) => panel?.firstElementChild?.id;

const sectionsMode = (): SectionsMode =>
	document.documentElement.getAttribute(SECTIONS_MODE_ATTRIBUTE) === 'stacked' ? 'stacked' : 'tabs';

/**
 * `<notes-tabs>`: upgrades the server's stacked sections into WAI-ARIA tabs. It adds the roles and
 * the ids that tie each tab to its panel, then only toggles attributes: the tab list's `hidden`,
 * `aria-selected`, roving `tabindex` (the shown panel is the one Tab stop among the panels), and
 * `hidden="until-found"` on unselected panels, so find-in-page still reaches them.
 */
class NotesTabs extends HTMLElement {
	#tabs: HTMLButtonElement[] = [];
	#panels: HTMLElement[] = [];
	#list: HTMLElement | null = null;
	#onMode = () => this.#render();

	connectedCallback() {
		this.#list = this.querySelector(`:scope > .${TAB_LIST_CLASS}`);
		this.#tabs = [...(this.#list?.querySelectorAll<HTMLButtonElement>(':scope > button') ?? [])];
		this.#panels = [...this.querySelectorAll<HTMLElement>(`:scope > .${TAB_PANEL_CLASS}`)];
		this.#addRoles();
		this.#list?.addEventListener('click', (event) => {
			const tab = (event.target as Element).closest<HTMLButtonElement>('[role="tab"]');
			if (tab) this.select(this.#tabs.indexOf(tab), { updateHash: true });
		});
		this.#list?.addEventListener('keydown', (event) => this.#onKey(event));
		for (const [index, panel] of this.#panels.entries()) {
			panel.addEventListener('beforematch', () => this.select(index));
		}
		document.addEventListener(SECTIONS_MODE_EVENT, this.#onMode);
		this.#render();
	}

	disconnectedCallback() {
		document.removeEventListener(SECTIONS_MODE_EVENT, this.#onMode);
	}

	get selectedIndex(): number {
		return Math.max(0, this.#tabs.findIndex((tab) => tab.getAttribute('aria-selected') === 'true'));
	}

	/** Selects a tab; with `updateHash`, the URL points at its section without a new history entry. */
	select(index: number, { focus = false, updateHash = false } = {}) {
		const tab = this.#tabs[index];
		if (!tab) return;
		for (const [i, each] of this.#tabs.entries()) {
			each.setAttribute('aria-selected', String(i === index));
			each.tabIndex = i === index ? 0 : -1;
		}
		this.#render();
		if (focus) tab.focus();
		if (updateHash) {
			const sectionId = sectionIdOf(this.#panels[index]);
			if (sectionId) history.replaceState(history.state, '', `#${sectionId}`);
		}
	}

	/** Selects the tab holding `element`, if any; returns whether it did. */
	reveal(element: Element): boolean {
		const index = this.#panels.findIndex((panel) => panel.contains(element));
		if (index === -1) return false;
		this.select(index);
		return true;
	}

	/** The tab list is named by its topic's heading; each tab and panel by the section's heading id. */
	#addRoles() {
		const topicHeading = this.parentElement?.querySelector(':scope > h2[id]');
		this.#list?.setAttribute('role', 'tablist');
		if (topicHeading) this.#list?.setAttribute('aria-labelledby', topicHeading.id);
		else this.#list?.setAttribute('aria-label', 'Sections');
		for (const [index, tab] of this.#tabs.entries()) {
			const panel = this.#panels[index];
			const sectionId = sectionIdOf(panel);
			tab.setAttribute('role', 'tab');
			tab.setAttribute('aria-selected', String(index === 0));
			tab.tabIndex = index === 0 ? 0 : -1;
			if (!panel) continue;
			panel.setAttribute('role', 'tabpanel');
			if (!sectionId) continue;
			tab.id = tabId(sectionId);
			panel.id = panelId(sectionId);
			tab.setAttribute('aria-controls', panel.id);
			panel.setAttribute('aria-labelledby', tab.id);
		}
	}

	#render() {
		const stacked = sectionsMode() === 'stacked';
		if (this.#list) this.#list.hidden = stacked;
		const selected = this.selectedIndex;
		for (const [index, panel] of this.#panels.entries()) {
			const shown = stacked || index === selected;
			if (shown) panel.removeAttribute('hidden');
			else panel.setAttribute('hidden', 'until-found');
			// The shown panel is a Tab stop after its tab list (WAI-ARIA tabs); a hidden one, laid out
			// at no size by `until-found`, would be a stop nobody can see; stacked, a panel is a section.
			if (shown && !stacked) panel.tabIndex = 0;
			else panel.removeAttribute('tabindex');
		}
		this.toggleAttribute('data-ready', true);
	}

	#onKey(event: KeyboardEvent) {
		const last = this.#tabs.length - 1;
		const current = this.#tabs.indexOf(document.activeElement as HTMLButtonElement);
		const target = {
			ArrowRight: current === last ? 0 : current + 1,
			ArrowLeft: current === 0 ? last : current - 1,
			Home: 0,
			End: last,
		}[event.key];
		if (target === undefined || current === -1) return;
		event.preventDefault();
		this.select(target, { focus: true, updateHash: true });
	}
}

/** Opens the tab that holds the URL's target and scrolls to it. */
function revealHashTarget() {
	const id = decodeOrKeep(location.hash.slice(1));
	const target = id && document.getElementById(id);
	if (!target) return;
	const panel = target.closest(`.${TAB_PANEL_CLASS}`);
	const tabs = panel?.closest<NotesTabs>(TABS_TAG);
	if (!panel || !tabs || !tabs.reveal(target)) return;
	target.scrollIntoView({ block: 'start' });
}

if (!customElements.get(TABS_TAG)) {
	customElements.define(TABS_TAG, NotesTabs);
	addEventListener('hashchange', revealHashTarget);
	revealHashTarget();
}
