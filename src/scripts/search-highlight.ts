import { HIGHLIGHT_PARAM, SEARCH_HIT_CLASS } from '../dom/search.ts';
import { TAB_LIST_CLASS, TAB_PANEL_CLASS, TABS_TAG } from '../dom/tabs.ts';
import { decodeOrKeep } from '../browser-safe/url-path.ts';

/** Words to highlight, from the `highlight` parameter Pagefind adds to result URLs. */
export function highlightTerms(search: string): string[] {
	const terms = new URLSearchParams(search).getAll(HIGHLIGHT_PARAM).flatMap((value) => value.split(/\s+/));
	return [...new Set(terms.map((term) => term.trim()).filter((term) => term.length > 1))];
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Marks the searched words in the note and brings the first one into view, selecting the tab that
 * holds it and unfolding the callout it is in. When the URL names a section (a result's), the
 * first word in that section; if the words are all elsewhere, the page stays on the section.
 */
export async function highlightSearchHits(root: HTMLElement, terms: string[]) {
	if (terms.length === 0) return;
	const source = `(${terms.map(escapeRegExp).join('|')})`;
	const pattern = new RegExp(source, 'giu');
	const contains = new RegExp(source, 'iu');
	const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
		acceptNode: (node) =>
			node.parentElement?.closest(`script, style, button, .${TAB_LIST_CLASS}`) || !contains.test(node.nodeValue ?? '')
				? NodeFilter.FILTER_REJECT
				: NodeFilter.FILTER_ACCEPT,
	});
	const textNodes: Text[] = [];
	while (walker.nextNode()) textNodes.push(walker.currentNode as Text);
	const marks: HTMLElement[] = [];
	for (const node of textNodes) {
		const parts = (node.nodeValue ?? '').split(pattern);
		const replacement = parts.map((part, index) => {
			if (index % 2 === 0) return document.createTextNode(part);
			const mark = document.createElement('mark');
			mark.className = SEARCH_HIT_CLASS;
			mark.textContent = part;
			marks.push(mark);
			return mark;
		});
		node.replaceWith(...replacement);
	}
	const section = location.hash ? document.getElementById(decodeOrKeep(location.hash.slice(1))) : null;
	const scope = section?.closest(`.${TAB_PANEL_CLASS}, section`) ?? null;
	const first = scope ? marks.find((mark) => scope.contains(mark)) : marks[0];
	if (!first) return;
	await customElements.whenDefined(TABS_TAG);
	// Every tab group and folded callout around the word opens, the outermost too.
	for (let around = first.parentElement; around; around = around.parentElement) {
		if (around instanceof HTMLDetailsElement) around.open = true;
		else if (around.localName === TABS_TAG) (around as HTMLElement & { reveal(element: Element): boolean }).reveal(first);
	}
	first.scrollIntoView({ block: 'center' });
}
