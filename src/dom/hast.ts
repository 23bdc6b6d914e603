import type { Element, ElementContent, Properties, Text } from 'hast';

/** Builds a hast element; the one helper every DOM contract uses. */
export function h(tagName: string, properties: Properties = {}, children: ElementContent[] = []): Element {
	return { type: 'element', tagName, properties, children };
}

export function text(value: string): Text {
	return { type: 'text', value };
}

/** True for whitespace-only text and comments: content that renders as nothing. */
export function isBlank(node: ElementContent): boolean {
	return (node.type === 'text' && node.value.trim() === '') || node.type === 'comment';
}

export function classList(element: Element): string[] {
	const value: unknown = element.properties?.className;
	if (Array.isArray(value)) return value.map(String);
	return typeof value === 'string' ? value.split(/\s+/) : [];
}

/** `data-figure-kind` → `dataFigureKind`: the hast property name of an HTML attribute. */
export function propertyName(attribute: string): string {
	return attribute.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
}

/** A node's text, as `textContent` reads it. */
export function textOf(node: ElementContent): string {
	if (node.type === 'text') return node.value;
	return node.type === 'element' ? node.children.map(textOf).join('') : '';
}
