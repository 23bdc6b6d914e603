import { CODE_COPIED_LABEL, CODE_COPY_CLASS, CODE_COPY_LABEL } from '../dom/code.ts';
import { PREVIEW_LINKS, PREVIEWS_ATTRIBUTE } from '../dom/preview.ts';
import { HIGHLIGHT_PARAM, NOTE_BODY_SELECTOR } from '../dom/search.ts';
import { NOTE_STATES_ATTRIBUTE } from '../dom/progress.ts';
import { SELF_TEST_ATTRIBUTE, SELF_TEST_ON, SELF_TEST_SWITCH_ATTRIBUTE } from '../dom/self-test-switch.ts';
import { showProgress, storedCards } from './card-progress.ts';
import {
	SECTIONS_MODE_ATTRIBUTE,
	SECTIONS_MODE_EVENT,
	SECTIONS_MODE_STORAGE_KEY,
	type SectionsMode,
} from '../dom/tabs.ts';

/** The "All sections" and "Summaries only" switches: a page-level choice, remembered across pages and visits. */
const switches = [...document.querySelectorAll<HTMLButtonElement>('[data-sections-switch]')];
const root = document.documentElement;
const syncSwitches = () => {
	for (const button of switches) button.setAttribute('aria-pressed', String(root.getAttribute(SECTIONS_MODE_ATTRIBUTE) === button.dataset.sectionsSwitch));
};
syncSwitches();
for (const button of switches) {
	button.addEventListener('click', () => {
		const mode = button.dataset.sectionsSwitch as SectionsMode;
		const next: SectionsMode = root.getAttribute(SECTIONS_MODE_ATTRIBUTE) === mode ? 'tabs' : mode;
		root.setAttribute(SECTIONS_MODE_ATTRIBUTE, next);
		try {
			localStorage.setItem(SECTIONS_MODE_STORAGE_KEY, next);
		} catch {
			// Private mode: the choice lasts for this page only.
		}
		syncSwitches();
		document.dispatchEvent(new Event(SECTIONS_MODE_EVENT));
	});
}

/**
 * "Test yourself": its script loads when the reader turns it on, or at once when they left it on
 * (the boot script has hidden what it hides). Should it fail to load, nothing stays hidden.
 */
const selfTestSwitch = document.querySelector<HTMLButtonElement>(`[${SELF_TEST_SWITCH_ATTRIBUTE}]`);
if (selfTestSwitch) {
	const loadSelfTest = () =>
		import('./self-test.ts')
			.then(({ startSelfTest }) => startSelfTest(selfTestSwitch))
			.catch((error: unknown) => {
				root.removeAttribute(SELF_TEST_ATTRIBUTE);
				throw error;
			});
	if (root.getAttribute(SELF_TEST_ATTRIBUTE) === SELF_TEST_ON) void loadSelfTest();
	else {
		selfTestSwitch.addEventListener(
			'click',
			() => {
				root.setAttribute(SELF_TEST_ATTRIBUTE, SELF_TEST_ON);
				void loadSelfTest();
			},
			{ once: true },
		);
	}
}

showProgress();

/** The listed notes' state bars (the sidebar, a folder's notes): their script loads only once the reader has reviewed something. */
const stateKey = document.querySelector(`[${NOTE_STATES_ATTRIBUTE}]`)?.getAttribute(NOTE_STATES_ATTRIBUTE);
if (stateKey && Object.keys(storedCards(stateKey)).length > 0) void import('./note-states.ts').then(({ showNoteStates }) => showNoteStates());

/** Copy buttons on code blocks, where the clipboard is available. */
if (navigator.clipboard) {
	for (const button of document.querySelectorAll<HTMLButtonElement>(`.${CODE_COPY_CLASS}`)) {
		button.hidden = false;
		button.addEventListener('click', async () => {
			const code = button.parentElement?.querySelector('pre')?.textContent ?? '';
			await navigator.clipboard.writeText(code.replace(/\n$/, ''));
			button.textContent = CODE_COPIED_LABEL;
			setTimeout(() => (button.textContent = CODE_COPY_LABEL), 1500);
		});
	}
}

/** Opened from a search result: mark the words found (loaded only then). */
if (new URLSearchParams(location.search).has(HIGHLIGHT_PARAM)) {
	void import('./search-highlight.ts').then(({ highlightSearchHits, highlightTerms }) => {
		const body = document.querySelector<HTMLElement>(NOTE_BODY_SELECTOR);
		if (body) void highlightSearchHits(body, highlightTerms(location.search));
	});
}

/** Link previews: their script loads the first time a link to another note is pointed at, focused, pressed or keyed on. */
if (document.querySelector(`[${PREVIEWS_ATTRIBUTE}]`)) {
	const events = ['pointerover', 'focusin', 'touchstart', 'keydown'];
	// The latest event while the script loads: the key pressed on a link just focused is not lost.
	let latest: Event | undefined;
	const wake = (event: Event) => {
		// A finger's pointerover comes before its touchstart, which is the one a long press starts from.
		if ((event as PointerEvent).pointerType === 'touch' || !(event.target as Element).closest?.(PREVIEW_LINKS)) return;
		if (latest) return void (latest = event);
		latest = event;
		void import('./link-previews.ts').then(({ startLinkPreviews }) => {
			for (const type of events) document.removeEventListener(type, wake);
			startLinkPreviews(latest!);
		});
	};
	for (const type of events) document.addEventListener(type, wake, { passive: true });
}
