import { decodeOrKeep } from '../browser-safe/url-path.ts';
import { VISUALLY_HIDDEN_CLASS } from '../dom/link.ts';
import {
	PREVIEW_BAR_CLASS,
	PREVIEW_BODY_CLASS,
	PREVIEW_CLASS,
	PREVIEW_CLOSE_CLASS,
	PREVIEW_DEPTH_ATTRIBUTE,
	PREVIEW_FILE,
	PREVIEW_GRACE_MS,
	PREVIEW_KEY,
	PREVIEW_LONG_PRESS_MS,
	PREVIEW_MAX_DEPTH,
	PREVIEW_PIN_CLASS,
	PREVIEW_REST_MS,
	PREVIEW_STATUS_CLASS,
	PREVIEW_TITLE_CLASS,
	previewableLink,
	type PreviewFragment,
} from '../dom/preview.ts';
import { TAB_PANEL_CLASS, tabLabel } from '../dom/tabs.ts';

/**
 * Link previews (`src/dom/preview.ts`), loaded by the note page's script the first time a link to
 * another note is pointed at, focused or pressed. A preview opens after the pointer rests on the
 * link, by Alt+ArrowDown on a focused link, or by a long press; it shows the linked note's
 * article, section or tab, taken from the note's fragment (fetched once, kept in memory).
 */

interface Preview {
	element: HTMLElement;
	/** The link it shows where it leads. */
	link: HTMLAnchorElement;
	/** The preview the link is in, if any. */
	parent?: Preview;
	depth: number;
	pinned: boolean;
	closing?: ReturnType<typeof setTimeout>;
}

const fragments = new Map<string, Promise<Document | undefined>>();
const previews: Preview[] = [];
let resting: { link: HTMLAnchorElement; timer: ReturnType<typeof setTimeout> } | undefined;
let pressing: { link: HTMLAnchorElement; timer: ReturnType<typeof setTimeout> } | undefined;
/** The link a long press opened a preview of: the click that ends the press must not follow it. */
let pressedOpen: HTMLAnchorElement | undefined;
let status: HTMLElement | undefined;
let opened = 0;

/** The note's fragment, parsed; undefined when the link leads to no note (no fragment), or when it failed to load (tried again next time). */
function fragmentOf(url: URL): Promise<Document | undefined> {
	let fragment = fragments.get(url.pathname);
	if (!fragment) {
		fragment = fetch(`${url.pathname}${PREVIEW_FILE}`)
			.then(async (response) => {
				if (!response.ok) return undefined;
				const { title, html } = (await response.json()) as PreviewFragment;
				const parsed = new DOMParser().parseFromString(html, 'text/html');
				parsed.title = title;
				return parsed;
			})
			.catch(() => {
				fragments.delete(url.pathname);
				return undefined;
			});
		fragments.set(url.pathname, fragment);
	}
	return fragment;
}

const headingLevel = (element: Element) => Number(/^H([1-6])$/.exec(element.tagName)?.[1] ?? 0);

/** A heading, or a topic's section led by one: where a heading of `level` or higher stops its section. */
function endsSection(element: Element, level: number): boolean {
	const heading = element.tagName === 'SECTION' ? element.firstElementChild : element;
	const found = heading ? headingLevel(heading) : 0;
	return found > 0 && found <= level;
}

/**
 * What a link with `hash` leads to in a note's article: the tab panel its section heads, the topic
 * its heading heads, the heading and what follows it up to the next heading as high, or the element
 * (a block); the whole article without a hash or when the hash names nothing.
 */
function previewContent(fragment: Document, hash: string): { nodes: Node[]; section?: string } | undefined {
	const article = fragment.querySelector('article');
	if (!article) return undefined;
	const id = decodeOrKeep(hash.slice(1));
	const named = id ? fragment.getElementById(id) : null;
	// A heading's other ids (an alias, GitHub's anchor) are on elements inside it.
	const target = named?.closest('h1, h2, h3, h4, h5, h6') ?? named;
	if (!target) return { nodes: [...article.childNodes] };
	const section = target.textContent?.trim();
	const container = target.parentElement;
	if (container && container.firstElementChild === target && container.classList.contains(TAB_PANEL_CLASS)) {
		return { nodes: [...container.childNodes], section: section && tabLabel(section) };
	}
	if (container && container.firstElementChild === target && container.tagName === 'SECTION') return { nodes: [...container.childNodes], section };
	const level = headingLevel(target);
	if (!level) return { nodes: [target], section };
	const nodes: Node[] = [target];
	for (let next = target.nextSibling; next && !(next instanceof Element && endsSection(next, level)); next = next.nextSibling) nodes.push(next);
	return { nodes, section };
}

const previewOf = (link: HTMLAnchorElement) => previews.find((preview) => preview.link === link);
const previewAround = (node: Node) => previews.find((preview) => preview.element.contains(node));

function hold(preview: Preview | undefined) {
	for (let each = preview; each; each = each.parent) clearTimeout(each.closing);
}

function release(preview: Preview | undefined) {
	for (let each = preview; each; each = each.parent) {
		const closing = each;
		clearTimeout(closing.closing);
		if (!closing.pinned) closing.closing = setTimeout(() => close(closing), PREVIEW_GRACE_MS);
	}
}

function close(preview: Preview) {
	for (const child of previews.filter((each) => each.parent === preview)) close(child);
	const index = previews.indexOf(preview);
	if (index === -1) return;
	previews.splice(index, 1);
	clearTimeout(preview.closing);
	const hadFocus = preview.element.contains(document.activeElement);
	preview.element.remove();
	if (hadFocus) preview.link.focus();
}

function pin(preview: Preview, pinned: boolean) {
	preview.pinned = pinned;
	hold(preview);
	preview.element.querySelector(`.${PREVIEW_PIN_CLASS}`)?.setAttribute('aria-pressed', String(pinned));
}

function button(className: string, label: string, text: string): HTMLButtonElement {
	const element = document.createElement('button');
	element.type = 'button';
	element.className = className;
	element.setAttribute('aria-label', label);
	element.textContent = text;
	return element;
}

function previewElement(link: HTMLAnchorElement, title: string, content: NonNullable<ReturnType<typeof previewContent>>, depth: number): HTMLElement {
	const element = document.createElement('div');
	const titleId = `preview-title-${++opened}`;
	element.className = PREVIEW_CLASS;
	element.setAttribute('role', 'dialog');
	element.setAttribute('aria-labelledby', titleId);
	element.setAttribute(PREVIEW_DEPTH_ATTRIBUTE, String(depth));
	const bar = document.createElement('div');
	bar.className = PREVIEW_BAR_CLASS;
	const heading = document.createElement('a');
	heading.className = PREVIEW_TITLE_CLASS;
	heading.id = titleId;
	heading.href = link.getAttribute('href')!;
	heading.textContent = content.section && content.section !== title ? `${title} › ${content.section}` : title;
	const pinButton = button(PREVIEW_PIN_CLASS, 'Pin preview', 'Pin');
	pinButton.setAttribute('aria-pressed', 'false');
	bar.append(heading, pinButton, button(PREVIEW_CLOSE_CLASS, 'Close preview', '×'));
	const body = document.createElement('div');
	body.className = `${PREVIEW_BODY_CLASS} note__body`;
	body.append(...content.nodes.map((node) => document.importNode(node, true)));
	ownIds(body, `preview-${opened}-`, new URL(link.href).pathname);
	element.append(bar, body);
	return element;
}

/**
 * The ids in a preview made its own (the page may have a section of the same name), with the
 * references to them; a link to a section of the previewed note leads to that note.
 */
function ownIds(body: HTMLElement, prefix: string, notePath: string) {
	for (const element of body.querySelectorAll('[id]')) element.id = `${prefix}${element.id}`;
	for (const element of body.querySelectorAll('[aria-labelledby]')) {
		element.setAttribute('aria-labelledby', element.getAttribute('aria-labelledby')!.replace(/\S+/g, (id) => `${prefix}${id}`));
	}
	for (const link of body.querySelectorAll<HTMLAnchorElement>('a[href^="#"]')) link.setAttribute('href', `${notePath}${link.getAttribute('href')}`);
}

/** Below the link (above it when there is more room there), inside the viewport's width. */
function place(element: HTMLElement, link: HTMLAnchorElement) {
	const lines = link.getClientRects();
	const first = lines[0] ?? link.getBoundingClientRect();
	const last = lines[lines.length - 1] ?? first;
	const gap = 6;
	const { offsetWidth: width, offsetHeight: height } = element;
	const below = innerHeight - last.bottom >= height + gap || innerHeight - last.bottom >= first.top;
	const top = below ? last.bottom + gap : Math.max(gap, first.top - height - gap);
	const left = Math.min(Math.max(gap, first.left), document.documentElement.clientWidth - width - gap);
	element.style.top = `${top + scrollY}px`;
	element.style.left = `${Math.max(gap, left) + scrollX}px`;
}

function announce(text: string) {
	if (!status) {
		status = document.createElement('p');
		status.className = `${PREVIEW_STATUS_CLASS} ${VISUALLY_HIDDEN_CLASS}`;
		status.setAttribute('role', 'status');
		document.body.append(status);
	}
	status.textContent = text;
}

async function show(link: HTMLAnchorElement, { pinned = false, focus = false } = {}) {
	const parent = previewAround(link);
	const depth = (parent?.depth ?? 0) + 1;
	if (depth > PREVIEW_MAX_DEPTH) return;
	const known = previewOf(link);
	if (known) {
		if (pinned) pin(known, true);
		hold(known);
		if (focus) known.element.querySelector<HTMLElement>(`.${PREVIEW_TITLE_CLASS}`)?.focus();
		return;
	}
	const url = new URL(link.href);
	const fragment = await fragmentOf(url);
	const content = fragment && previewContent(fragment, url.hash);
	if (!fragment || !content || !link.isConnected) return;
	for (const other of [...previews]) if (other.depth >= depth && !other.pinned) close(other);
	const preview: Preview = { element: previewElement(link, fragment.title, content, depth), link, parent, depth, pinned: false };
	previews.push(preview);
	const { element } = preview;
	document.body.append(element);
	place(element, link);
	element.addEventListener('pointerenter', () => hold(preview));
	element.addEventListener('pointerleave', (event) => {
		if (event.pointerType !== 'touch') release(preview);
	});
	element.querySelector(`.${PREVIEW_PIN_CLASS}`)!.addEventListener('click', () => pin(preview, !preview.pinned));
	element.querySelector(`.${PREVIEW_CLOSE_CLASS}`)!.addEventListener('click', () => close(preview));
	if (pinned) pin(preview, true);
	announce(`Preview: ${element.querySelector(`.${PREVIEW_TITLE_CLASS}`)!.textContent}. Escape closes it.`);
	if (focus) element.querySelector<HTMLElement>(`.${PREVIEW_TITLE_CLASS}`)!.focus();
}

function rest(link: HTMLAnchorElement) {
	const open = previewOf(link);
	if (open) return hold(open);
	if (resting?.link === link) return;
	clearTimeout(resting?.timer);
	void fragmentOf(new URL(link.href));
	resting = { link, timer: setTimeout(() => void show(link), PREVIEW_REST_MS) };
}

function press(link: HTMLAnchorElement, since: number) {
	clearTimeout(pressing?.timer);
	pressedOpen = undefined;
	void fragmentOf(new URL(link.href));
	const timer = setTimeout(() => {
		pressedOpen = link;
		void show(link, { pinned: true });
	}, Math.max(0, PREVIEW_LONG_PRESS_MS - (performance.now() - since)));
	pressing = { link, timer };
}

function endPress() {
	clearTimeout(pressing?.timer);
	pressing = undefined;
}

function onPointerOver(event: PointerEvent) {
	if (event.pointerType === 'touch') return;
	const link = previewableLink(event.target);
	if (link) rest(link);
}

function onPointerOut(event: PointerEvent) {
	const link = previewableLink(event.target);
	if (!link || (event.relatedTarget instanceof Node && link.contains(event.relatedTarget))) return;
	if (resting?.link === link) {
		clearTimeout(resting.timer);
		resting = undefined;
	}
	if (event.pointerType !== 'touch') release(previewOf(link));
}

function onKeyDown(event: KeyboardEvent) {
	if (event.key === 'Escape' && previews.length > 0) {
		const around = document.activeElement && previewAround(document.activeElement);
		close(around ?? previews[previews.length - 1]);
		return;
	}
	if (event.key !== PREVIEW_KEY.key || event.altKey !== PREVIEW_KEY.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
	const link = previewableLink(event.target);
	if (!link) return;
	event.preventDefault();
	void show(link, { pinned: true, focus: true });
}

/** The press that opened a preview neither follows the link nor opens the browser's menu. */
function stopPressedLink(event: Event) {
	const link = previewableLink(event.target);
	if (link && (link === pressedOpen || (event.type === 'contextmenu' && link === pressing?.link))) event.preventDefault();
	if (event.type === 'click') pressedOpen = undefined;
}

/** Installs the listeners and handles the event that loaded this module (a pointer over a link, a key, a touch). */
export function startLinkPreviews(first: Event) {
	document.addEventListener('pointerover', onPointerOver);
	document.addEventListener('pointerout', onPointerOut);
	document.addEventListener('keydown', onKeyDown);
	document.addEventListener('touchstart', (event) => {
		const link = previewableLink(event.target);
		if (link && event.touches.length === 1) press(link, performance.now());
		else endPress();
	}, { passive: true });
	document.addEventListener('touchmove', endPress, { passive: true });
	document.addEventListener('touchcancel', endPress);
	document.addEventListener('touchend', (event) => {
		endPress();
		stopPressedLink(event);
	});
	document.addEventListener('contextmenu', stopPressedLink);
	document.addEventListener('click', stopPressedLink);

	const link = previewableLink(first.target);
	if (!link) return;
	if (first.type === 'pointerover' && link.matches(':hover')) onPointerOver(first as PointerEvent);
	else if (first.type === 'keydown') onKeyDown(first as KeyboardEvent);
	else if (first.type === 'touchstart') press(link, first.timeStamp);
}
