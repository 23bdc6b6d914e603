import { readFileSync } from 'node:fs';
import type { Element, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { markdownToHtml, type HastPluginDefinition } from 'satteri';
import { describe, expect, test } from 'vitest';
import { hastTreePlugin, MARKDOWN_FEATURES, mutableCopy, nodeId } from '../../src/plugins/satteri.ts';

/**
 * Contract tests for what `src/plugins/satteri.ts` knows of Sätteri beyond its documented API. A
 * Sätteri upgrade that changes these fails here, with a message saying what changed, rather than
 * in a plugin that silently drops tabs or headings.
 */
const installed = (JSON.parse(readFileSync(new URL('../../node_modules/satteri/package.json', import.meta.url), 'utf8')) as { version: string }).version;
const pinned = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { dependencies: Record<string, string> }).dependencies.satteri;
const upgraded = (what: string) => `Sätteri ${installed} ${what}: see src/plugins/satteri.ts, written for ${pinned}.`;

const SOURCE = '# Title\n\n## Topic\n\nSome *text*.\n\n### Section\n\n- item\n';
const render = (plugin: HastPluginDefinition | (() => HastPluginDefinition)) =>
	markdownToHtml(SOURCE, { features: MARKDOWN_FEATURES, hastPlugins: [plugin] });

describe('Sätteri, as src/plugins/satteri.ts uses it', () => {
	test('is pinned to one exact version, the one installed', () => {
		expect(pinned, 'package.json must pin satteri to an exact version').toMatch(/^\d+\.\d+\.\d+$/);
		expect(installed).toBe(pinned);
	});

	test('a node keeps one id whether a visitor matched it, it is a child stub of the root, or a copy of it', async () => {
		const seen: { visited: number; stub?: number; copied?: number }[] = [];
		await render({
			name: 'ids',
			element: {
				filter: ['h2', 'h3'],
				visit(node, context) {
					const visited = nodeId(node);
					// Asking for the parent copies the document into JavaScript: its children are copies.
					const parent = context.parent(node) as Root;
					const copy = parent.children.find((child) => child.type === 'element' && child.tagName === node.tagName);
					seen.push({ visited, copied: copy && nodeId(copy) });
				},
			},
			after(root) {
				const headings = root.children.filter((child) => child.type === 'element' && /^h[23]$/.test(child.tagName));
				headings.forEach((child, index) => (seen[index].stub = nodeId(child)));
			},
		});
		expect(seen, upgraded('visited no h2 or h3')).toHaveLength(2);
		for (const { visited, stub, copied } of seen) {
			expect(typeof visited, upgraded('gives a visited node no id')).toBe('number');
			expect(stub, upgraded('gives a child stub another id than the visited node')).toBe(visited);
			expect(copied, upgraded('gives a copied node another id than the visited node')).toBe(visited);
		}
		expect(seen[0].visited).not.toBe(seen[1].visited);
	});

	test('nodeId names the version when a node has none of the fields it reads', () => {
		expect(() => nodeId({ type: 'element' })).toThrow(/not the one the notes pipeline was built for/);
	});

	test('mutableCopy gives a plain, changeable tree that renders as the original, and Sätteri takes it back', async () => {
		const plain = markdownToHtml(SOURCE, { features: MARKDOWN_FEATURES }).html;
		let copy: Root | undefined;
		const { html } = await render(
			hastTreePlugin('copy', (root) => {
				copy = mutableCopy(root);
				const keys = JSON.stringify(copy, (key, value) => (key.startsWith('_') ? '<internal>' : value));
				expect(keys, upgraded('left internal fields in the copy')).not.toContain('<internal>');
				expect(toHtml(copy), upgraded('changed what a copied tree holds')).toBe(toHtml(JSON.parse(JSON.stringify(copy)) as Root));
				const topic = copy.children.find((child): child is Element => child.type === 'element' && child.tagName === 'h2')!;
				topic.properties.id = 'changed';
				return copy.children;
			}),
		);
		expect(toHtml(copy!).replace(' id="changed"', '')).toBe(plain.trim());
		expect(html, upgraded('ignored a replaced root')).toContain('<h2 id="changed">Topic</h2>');
	});
});
