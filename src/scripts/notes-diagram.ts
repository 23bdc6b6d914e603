import loadIcons from 'virtual:notes/diagram-icons';
import { diagramLabel, finishSvg } from '../diagrams/svg.ts';
import { mermaidConfig, type DiagramTheme } from '../diagrams/theme.ts';
import {
	DIAGRAM_CLASS,
	DIAGRAM_ERROR_CLASS,
	DIAGRAM_ID_ATTRIBUTE,
	DIAGRAM_READY_ATTRIBUTE,
	DIAGRAM_RENDER_ATTRIBUTE,
	DIAGRAM_SOURCE_CLASS,
	DIAGRAM_TAG,
	DIAGRAM_THEME_ATTRIBUTE,
	DIAGRAM_TYPE_ATTRIBUTE,
	DIAGRAM_ERROR_MESSAGE_CLASS,
	DIAGRAM_ERROR_TITLE,
} from '../dom/diagram.ts';
import { summarizeMermaidError } from '../diagrams/errors.ts';
import { oneAtATime } from '../diagrams/one-at-a-time.ts';

type Mermaid = typeof import('mermaid').default;

let mermaidPromise: Promise<Mermaid> | undefined;
/** Mermaid, served by the site (see `DiagramScript.astro`), loaded once, when the first diagram needs it. */
function loadMermaid(): Promise<Mermaid> {
	const url = document.querySelector<HTMLTemplateElement>('template[data-notes-mermaid]')?.dataset.notesMermaid;
	mermaidPromise ??= (import(/* @vite-ignore */ url!) as Promise<{ default: Mermaid }>).then(({ default: mermaid }) => {
		mermaid.registerIconPacks([{ name: 'logos', loader: loadIcons }]);
		return mermaid;
	});
	return mermaidPromise;
}

const inTurn = oneAtATime();
function render(code: string, id: string, theme: DiagramTheme) {
	return inTurn(async () => {
		const mermaid = await loadMermaid();
		mermaid.initialize(mermaidConfig(theme) as Parameters<Mermaid['initialize']>[0]);
		try {
			return await mermaid.render(id, code);
		} finally {
			document.getElementById(`d${id}`)?.remove();
		}
	});
}

const currentTheme = (): DiagramTheme => (document.documentElement.dataset.theme === 'dark' ? 'dark' : 'light');

/**
 * `<notes-diagram>`: draws the mermaid source it holds when it nears the viewport, in the current
 * theme, and again in the other theme the first time the reader switches; CSS then shows the
 * variant that matches, exactly as for diagrams drawn at build time.
 */
class NotesDiagram extends HTMLElement {
	#observer?: IntersectionObserver;
	#drawn = new Set<DiagramTheme>();
	#failed = false;
	#onTheme = new MutationObserver(() => {
		if (this.#drawn.size > 0) void this.#draw(currentTheme());
	});

	connectedCallback() {
		this.#observer = new IntersectionObserver(
			(entries) => {
				if (!entries.some((entry) => entry.isIntersecting)) return;
				this.#observer?.disconnect();
				void this.#draw(currentTheme());
			},
			{ rootMargin: '400px 0px' },
		);
		this.#observer.observe(this);
		this.#onTheme.observe(document.documentElement, { attributeFilter: ['data-theme'] });
	}

	disconnectedCallback() {
		this.#observer?.disconnect();
		this.#onTheme.disconnect();
	}

	async #draw(theme: DiagramTheme) {
		if (this.#drawn.has(theme) || this.#failed) return;
		this.#drawn.add(theme);
		const code = this.querySelector(`.${DIAGRAM_SOURCE_CLASS}`)?.textContent ?? '';
		const id = `${this.getAttribute(DIAGRAM_ID_ATTRIBUTE) ?? 'dg-page'}-${theme}`;
		const figure = this.closest(`.${DIAGRAM_CLASS}`);
		try {
			const { svg, diagramType } = await render(code, id, theme);
			const finished = finishSvg(svg, id);
			const template = document.createElement('template');
			template.innerHTML = finished.svg;
			const element = template.content.firstElementChild;
			if (!element) return;
			const label = diagramLabel(diagramType, finished);
			if (!finished.title) element.setAttribute('aria-label', label);
			element.setAttribute(DIAGRAM_THEME_ATTRIBUTE, theme);
			this.append(element);
			this.setAttribute('aria-label', label);
			figure?.setAttribute(DIAGRAM_TYPE_ATTRIBUTE, diagramType);
			this.toggleAttribute(DIAGRAM_READY_ATTRIBUTE, true);
		} catch (error) {
			this.#failed = true;
			const caption = document.createElement('figcaption');
			caption.className = DIAGRAM_ERROR_MESSAGE_CLASS;
			const title = document.createElement('strong');
			title.textContent = DIAGRAM_ERROR_TITLE;
			caption.append(title, ` ${summarizeMermaidError(error instanceof Error ? error.message : String(error))}`);
			figure?.prepend(caption);
			figure?.classList.add(DIAGRAM_ERROR_CLASS);
			figure?.setAttribute(DIAGRAM_RENDER_ATTRIBUTE, 'error');
		}
	}
}

if (!customElements.get(DIAGRAM_TAG)) customElements.define(DIAGRAM_TAG, NotesDiagram);
