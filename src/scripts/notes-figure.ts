import { FIGURE_CLOSE_CLASS, FIGURE_DIALOG_CLASS, FIGURE_TAG, FIGURE_ZOOM_CLASS, FIGURE_ZOOM_TARGET_ATTRIBUTE } from '../dom/figure.ts';

/**
 * `<notes-figure>`: makes a figure's image zoomable. It shows the server-rendered zoom button
 * that covers the image; a click, Enter or Space opens the figure's `<dialog>` as a modal. The
 * browser closes it on Esc; a click anywhere in it closes it too. Tab stays on the close button,
 * the dialog's one control, and focus goes back to the image when the dialog closes.
 */
class NotesFigure extends HTMLElement {
	connectedCallback() {
		const button = this.querySelector<HTMLButtonElement>(`:scope > .${FIGURE_ZOOM_CLASS}`);
		const dialog = this.querySelector<HTMLDialogElement>(`:scope > .${FIGURE_DIALOG_CLASS}`);
		const close = dialog?.querySelector<HTMLButtonElement>(`.${FIGURE_CLOSE_CLASS}`);
		if (!button || !dialog || !close || typeof dialog.showModal !== 'function' || !button.hidden) return;
		// A diagram is shown in the dialog itself (moved in while it is open, then put back): one copy on the page.
		const target = this.querySelector<HTMLElement>(`:scope > [${FIGURE_ZOOM_TARGET_ATTRIBUTE}]`);
		button.hidden = false;
		button.addEventListener('click', () => {
			if (dialog.open) return;
			if (target) dialog.append(target);
			dialog.showModal();
		});
		dialog.addEventListener('click', (event) => {
			// Inside a moved diagram a click may be a scroll or a pan: only the backdrop closes.
			if (!target || !target.contains(event.target as Node)) dialog.close();
		});
		dialog.addEventListener('close', () => {
			if (target) this.prepend(target);
		});
		dialog.addEventListener('keydown', (event) => {
			if (event.key !== 'Tab') return;
			event.preventDefault();
			close.focus();
		});
		dialog.addEventListener('close', () => button.focus());
	}
}

if (!customElements.get(FIGURE_TAG)) customElements.define(FIGURE_TAG, NotesFigure);
