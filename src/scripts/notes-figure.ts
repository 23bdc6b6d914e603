import { FIGURE_DIALOG_CLASS, FIGURE_TAG, FIGURE_ZOOM_CLASS } from '../dom/figure.ts';

/**
 * `<notes-figure>`: makes a figure's image zoomable. It shows the server-rendered zoom button
 * that covers the image; a click, Enter or Space opens the figure's `<dialog>` as a modal (the
 * browser keeps focus inside it and closes it on Esc), a click anywhere in it closes it, and focus
 * goes back to the image.
 */
class NotesFigure extends HTMLElement {
	connectedCallback() {
		const button = this.querySelector<HTMLButtonElement>(`:scope > .${FIGURE_ZOOM_CLASS}`);
		const dialog = this.querySelector<HTMLDialogElement>(`:scope > .${FIGURE_DIALOG_CLASS}`);
		if (!button || !dialog || typeof dialog.showModal !== 'function' || !button.hidden) return;
		button.hidden = false;
		button.addEventListener('click', () => {
			if (!dialog.open) dialog.showModal();
		});
		dialog.addEventListener('click', () => dialog.close());
		dialog.addEventListener('close', () => button.focus());
	}
}

if (!customElements.get(FIGURE_TAG)) customElements.define(FIGURE_TAG, NotesFigure);
