import { MEDIA_PLACEHOLDER_CLASS, MEDIA_TAG } from '../dom/media.ts';

/**
 * `<notes-media>`: a video of another site, loaded when the reader asks. Until then the page holds
 * a link to it and an inert `<template>` with its frame; a click on the link (or Enter on it) puts
 * the frame in the link's place, focused, and only then does the browser fetch from that site.
 */
class NotesMedia extends HTMLElement {
	connectedCallback() {
		const placeholder = this.querySelector<HTMLAnchorElement>(`:scope > .${MEDIA_PLACEHOLDER_CLASS}`);
		const template = this.querySelector<HTMLTemplateElement>(':scope > template');
		if (!placeholder || !template) return;
		placeholder.addEventListener('click', (event) => {
			// A click that asks for a new tab or window keeps the link's meaning.
			if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
			event.preventDefault();
			const frame = template.content.firstElementChild?.cloneNode(true);
			if (!(frame instanceof HTMLIFrameElement)) return;
			placeholder.replaceWith(frame);
			template.remove();
			frame.focus();
		});
	}
}

if (!customElements.get(MEDIA_TAG)) customElements.define(MEDIA_TAG, NotesMedia);
