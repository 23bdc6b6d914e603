/**
 * Turns mermaid's SVG output into what the page inlines. Pure string functions with no Node or DOM
 * imports, so the build and the `notes-diagram` element finish an SVG the same way:
 *
 * - every `id` in the SVG starts with the render id, and references (`url(#…)`, `href="#…"`, CSS
 *   selectors, `aria-labelledby`) follow, so two diagrams on a page never share ids or styles;
 *   mermaid's few unprefixed ids (`actor0`) and Iconify's random ones (`IconifyId1a2b…0`) are
 *   renamed in document order, so the same input gives the same bytes;
 * - the root `<svg>` gets `role="img"`, its natural `width`/`height` (the page scales it down) and
 *   loses `xmlns` (not needed inline) and mermaid's `max-width` style;
 * - `style` attributes take the form Astro gives them in MDX, so `.md` and `.mdx` agree byte for byte.
 */

export interface FinishedSvg {
	svg: string;
	/** Natural size in CSS pixels, from the `viewBox`. */
	width: number;
	height: number;
	/** The `accTitle`, when the author wrote one. */
	title?: string;
	/** The `accDescr`, when the author wrote one. */
	description?: string;
	/** Text of the diagram's labels in document order, for a fallback accessible name. */
	labels: string[];
}

const escapeRegExp = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export const decodeEntities = (value: string) =>
	value
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&nbsp;/g, ' ')
		.replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)))
		.replace(/&#(\d+);/g, (_, decimal: string) => String.fromCodePoint(Number(decimal)))
		.replace(/&amp;/g, '&');

/** Gives every id that does not already contain `rootId` a name derived from it; updates references. */
export function namespaceIds(svg: string, rootId: string): string {
	const renamed = new Map<string, string>();
	let icons = 0;
	for (const match of svg.matchAll(/\sid="([^"]+)"/g)) {
		const id = match[1];
		if (id.includes(rootId) || renamed.has(id)) continue;
		renamed.set(id, /^IconifyId/.test(id) ? `${rootId}-icon-${icons++}` : `${rootId}-${id.replace(/[^\w-]/g, '_')}`);
	}
	if (renamed.size === 0) return svg;
	const alternatives = [...renamed.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|');
	const reference = new RegExp(`(\\sid="|#)(${alternatives})(?![\\w-])`, 'g');
	return svg
		.replace(reference, (_, lead: string, id: string) => `${lead}${renamed.get(id)}`)
		.replace(/(\saria-(?:labelledby|describedby)=")([^"]*)"/g, (_, lead: string, ids: string) => {
			const mapped = ids.split(/\s+/).map((id) => renamed.get(id) ?? id);
			return `${lead}${mapped.join(' ')}"`;
		});
}

function parseAttributes(tag: string): [string, string][] {
	return [...tag.matchAll(/([^\s=<>/"]+)\s*=\s*"([^"]*)"/g)].map((m) => [m[1], m[2]]);
}

const textOf = (fragment: string) => decodeEntities(fragment.replace(/<[^>]*>/g, ' ')).replace(/\s+/g, ' ').trim();

/**
 * `stroke-width: 1; fill: red;` → `stroke-width:1;fill:red`: the form Astro writes for a style in
 * MDX, so a diagram is byte-identical in `.md` and `.mdx` notes. Undefined when nothing is left.
 */
export function canonicalStyle(style: string): string | undefined {
	const declarations = style
		.split(';')
		.map((declaration) => declaration.trim())
		.filter(Boolean)
		.map((declaration) => {
			const colon = declaration.indexOf(':');
			return colon === -1 ? declaration : `${declaration.slice(0, colon).trim()}:${declaration.slice(colon + 1).trim()}`;
		});
	return declarations.length ? declarations.join(';') : undefined;
}

/** Finishes one rendered SVG whose root has the id `rootId` (see the module comment). */
export function finishSvg(raw: string, rootId: string): FinishedSvg {
	let svg = raw.replace(/\sxmlns(?::\w+)?="[^"]*"/g, '').replace(/\sxlink:href=/g, ' href=');
	svg = namespaceIds(svg, rootId);
	svg = svg.replace(/\sstyle="([^"]*)"/g, (_, style: string) => {
		const canonical = canonicalStyle(style);
		return canonical ? ` style="${canonical}"` : '';
	});

	const rootTag = /^<svg\b[^>]*>/.exec(svg.trimStart());
	if (!rootTag) throw new Error(`mermaid returned no <svg> element (got ${JSON.stringify(svg.slice(0, 80))})`);
	svg = svg.trimStart();
	const attributes = new Map(parseAttributes(rootTag[0]));
	const viewBox = (attributes.get('viewBox') ?? '').split(/[\s,]+/).map(Number);
	const width = Math.ceil(viewBox[2] || Number.parseFloat(attributes.get('width') ?? '') || 300);
	const height = Math.ceil(viewBox[3] || Number.parseFloat(attributes.get('height') ?? '') || 150);

	const style = canonicalStyle(
		(attributes.get('style') ?? '')
			.split(';')
			.filter((declaration) => !/^\s*max-width\s*:/i.test(declaration))
			.join(';'),
	);
	attributes.delete('style');
	attributes.delete('aria-roledescription');
	attributes.set('width', String(width));
	attributes.set('height', String(height));
	attributes.set('role', 'img');
	if (style) attributes.set('style', style);
	const root = `<svg ${[...attributes].map(([name, value]) => `${name}="${value}"`).join(' ')}>`;
	svg = root + svg.slice(rootTag[0].length);

	const title = /<title\b[^>]*>([\s\S]*?)<\/title>/.exec(svg);
	const description = /<desc\b[^>]*>([\s\S]*?)<\/desc>/.exec(svg);
	const labels: string[] = [];
	for (const match of svg.matchAll(/<text\b[^>]*>([\s\S]*?)<\/text>/g)) {
		const label = textOf(match[1]);
		if (label && !labels.includes(label)) labels.push(label);
	}
	return {
		svg,
		width,
		height,
		...(title && textOf(title[1]) ? { title: textOf(title[1]) } : {}),
		...(description && textOf(description[1]) ? { description: textOf(description[1]) } : {}),
		labels,
	};
}

const TYPE_LABELS: Record<string, string> = {
	flowchart: 'Flowchart',
	'flowchart-v2': 'Flowchart',
	'flowchart-elk': 'Flowchart',
	graph: 'Flowchart',
	sequence: 'Sequence diagram',
	architecture: 'Architecture diagram',
	class: 'Class diagram',
	classDiagram: 'Class diagram',
	state: 'State diagram',
	stateDiagram: 'State diagram',
	er: 'Entity relationship diagram',
	gantt: 'Gantt chart',
	pie: 'Pie chart',
	mindmap: 'Mind map',
	timeline: 'Timeline',
	gitGraph: 'Git graph',
	journey: 'User journey',
	block: 'Block diagram',
	packet: 'Packet diagram',
	sankey: 'Sankey diagram',
	xychart: 'XY chart',
	quadrantChart: 'Quadrant chart',
	requirement: 'Requirement diagram',
	c4: 'C4 diagram',
	kanban: 'Kanban board',
	radar: 'Radar chart',
	treemap: 'Treemap',
};

/** "Architecture diagram" for mermaid's `architecture` type; "Diagram" for a type it does not know. */
export function diagramTypeLabel(type: string | undefined): string {
	return (type && TYPE_LABELS[type]) || 'Diagram';
}

/**
 * The accessible name: the author's `accTitle`, else the type and the first labels
 * ("Flowchart: Start, Is it?, OK").
 */
export function diagramLabel(type: string | undefined, finished: Pick<FinishedSvg, 'title' | 'labels'>): string {
	if (finished.title) return finished.title;
	const kind = diagramTypeLabel(type);
	let label = kind;
	for (const [index, text] of finished.labels.entries()) {
		const next = `${label}${index === 0 ? ': ' : ', '}${text}`;
		if (next.length > 120) return `${label}…`;
		label = next;
		if (index === 5) break;
	}
	return label;
}
