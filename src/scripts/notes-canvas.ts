import { CANVAS_AS_LIST_CLASS, CANVAS_BOARD_CLASS, CANVAS_TAG, CANVAS_VIEWPORT_CLASS, CANVAS_ZOOM_ATTRIBUTE, type CanvasZoom } from '../dom/canvas.ts';

const MIN_SCALE = 0.1;
const MAX_SCALE = 4;
const BUTTON_STEP = 1.25;
const KEY_PAN = 60;
/** What a pointer may press without panning the board: the cards' links and controls. */
const INTERACTIVE = 'a, button, input, select, textarea, summary, video, audio, iframe, dialog';

/**
 * `<notes-canvas>`: pans and zooms the board in its viewport, with a `transform` on the board.
 * Drag (or arrow keys) pans; the wheel, a pinch, + and − zoom about the pointer or the middle; Fit
 * (or 0) shows the whole board. While "Show as a list" is checked, the CSS lays the cards out as a
 * list and the element does nothing.
 */
class NotesCanvas extends HTMLElement {
	#viewport!: HTMLElement;
	#board!: HTMLElement;
	#asList!: HTMLInputElement;
	#scale = 1;
	#x = 0;
	#y = 0;
	#pointers = new Map<number, { x: number; y: number }>();

	connectedCallback() {
		const viewport = this.querySelector<HTMLElement>(`.${CANVAS_VIEWPORT_CLASS}`);
		const board = this.querySelector<HTMLElement>(`.${CANVAS_BOARD_CLASS}`);
		const asList = this.querySelector<HTMLInputElement>(`.${CANVAS_AS_LIST_CLASS}`);
		if (!viewport || !board || !asList || this.dataset.enhanced !== undefined) return;
		this.#viewport = viewport;
		this.#board = board;
		this.#asList = asList;
		this.dataset.enhanced = '';
		for (const button of this.querySelectorAll<HTMLButtonElement>(`[${CANVAS_ZOOM_ATTRIBUTE}]`)) {
			button.hidden = false;
			button.addEventListener('click', () => this.#zoomBy(button.getAttribute(CANVAS_ZOOM_ATTRIBUTE) as CanvasZoom));
		}
		viewport.addEventListener('pointerdown', (event) => this.#pointerDown(event));
		viewport.addEventListener('pointermove', (event) => this.#pointerMove(event));
		for (const type of ['pointerup', 'pointercancel'] as const) viewport.addEventListener(type, (event) => this.#pointerUp(event));
		viewport.addEventListener('wheel', (event) => this.#wheel(event), { passive: false });
		viewport.addEventListener('keydown', (event) => this.#key(event));
		asList.addEventListener('change', () => {
			if (!asList.checked) this.#fit();
		});
		this.#fit();
	}

	#apply() {
		this.#board.style.transform = `translate(${this.#x}px, ${this.#y}px) scale(${this.#scale})`;
	}

	/** Zooms to `scale`, keeping the board's point under (`atX`, `atY`) of the viewport where it is. */
	#zoomTo(scale: number, atX = this.#viewport.clientWidth / 2, atY = this.#viewport.clientHeight / 2) {
		const next = Math.min(MAX_SCALE, Math.max(MIN_SCALE, scale));
		this.#x = atX - ((atX - this.#x) * next) / this.#scale;
		this.#y = atY - ((atY - this.#y) * next) / this.#scale;
		this.#scale = next;
		this.#apply();
	}

	#zoomBy(zoom: CanvasZoom) {
		if (zoom === 'fit') this.#fit();
		else this.#zoomTo(this.#scale * (zoom === 'in' ? BUTTON_STEP : 1 / BUTTON_STEP));
	}

	/** The whole board in view, centred, never larger than its own size. */
	#fit() {
		const width = Number(this.dataset.canvasWidth) || 1;
		const height = Number(this.dataset.canvasHeight) || 1;
		const { clientWidth, clientHeight } = this.#viewport;
		this.#scale = Math.max(MIN_SCALE, Math.min(1, clientWidth / width, clientHeight / height));
		this.#x = (clientWidth - width * this.#scale) / 2;
		this.#y = (clientHeight - height * this.#scale) / 2;
		this.#apply();
	}

	#local(event: { clientX: number; clientY: number }) {
		const rectangle = this.#viewport.getBoundingClientRect();
		return { x: event.clientX - rectangle.left, y: event.clientY - rectangle.top };
	}

	#pointerDown(event: PointerEvent) {
		if (this.#asList.checked || (event.target as Element).closest(INTERACTIVE)) return;
		this.#pointers.set(event.pointerId, this.#local(event));
		this.#viewport.setPointerCapture(event.pointerId);
		this.#viewport.dataset.panning = '';
	}

	#pointerMove(event: PointerEvent) {
		const last = this.#pointers.get(event.pointerId);
		if (!last) return;
		const point = this.#local(event);
		const other = [...this.#pointers].find(([id]) => id !== event.pointerId)?.[1];
		if (other) {
			// A pinch: zoom by how far the two pointers moved apart, about their middle.
			const before = Math.hypot(last.x - other.x, last.y - other.y);
			const after = Math.hypot(point.x - other.x, point.y - other.y);
			if (before > 0) this.#zoomTo((this.#scale * after) / before, (point.x + other.x) / 2, (point.y + other.y) / 2);
		} else {
			this.#x += point.x - last.x;
			this.#y += point.y - last.y;
			this.#apply();
		}
		this.#pointers.set(event.pointerId, point);
	}

	#pointerUp(event: PointerEvent) {
		this.#pointers.delete(event.pointerId);
		if (this.#pointers.size === 0) delete this.#viewport.dataset.panning;
	}

	#wheel(event: WheelEvent) {
		if (this.#asList.checked) return;
		event.preventDefault();
		const { x, y } = this.#local(event);
		this.#zoomTo(this.#scale * Math.exp(-event.deltaY * (event.deltaMode === 1 ? 0.05 : 0.002)), x, y);
	}

	#key(event: KeyboardEvent) {
		if (this.#asList.checked || event.target !== this.#viewport) return;
		const pans: Record<string, [number, number]> = { ArrowLeft: [KEY_PAN, 0], ArrowRight: [-KEY_PAN, 0], ArrowUp: [0, KEY_PAN], ArrowDown: [0, -KEY_PAN] };
		const zooms: Record<string, CanvasZoom> = { '+': 'in', '=': 'in', '-': 'out', '0': 'fit' };
		if (event.key in pans) {
			this.#x += pans[event.key][0];
			this.#y += pans[event.key][1];
			this.#apply();
		} else if (event.key in zooms) this.#zoomBy(zooms[event.key]);
		else return;
		event.preventDefault();
	}
}

if (!customElements.get(CANVAS_TAG)) customElements.define(CANVAS_TAG, NotesCanvas);
