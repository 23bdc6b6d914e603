import type { ElementContent, Root, RootContent } from 'hast';
import GithubSlugger from 'github-slugger';
import type { HastPluginEntry } from 'satteri';
import { isBlank, textOf } from '../dom/hast.ts';
import { contentTabsElement } from '../dom/tabs.ts';
import { isTabMarker, readQuoteMarker } from './quote-marker.ts';
import { hastTreePlugin, mutableCopy, sourceMayHold } from './satteri.ts';

type Tab = { label: string; id: string; content: ElementContent[] };

/** Every id the tree already has (headings'), so that a tab's id takes none of them. */
function collectIds(nodes: readonly RootContent[], slugger: GithubSlugger) {
	for (const node of nodes) {
		if (node.type !== 'element') continue;
		if (typeof node.properties.id === 'string') slugger.slug(node.properties.id);
		collectIds(node.children, slugger);
	}
}

/**
 * A list of children with each run of adjacent `> [!tab] Label` quotes (blank text between them
 * allowed) as one tab group; `[!tab-group]` starts a new group. Goes down into every element, tab
 * panels included, so groups nest.
 */
function regroup(children: RootContent[], slugger: GithubSlugger): RootContent[] {
	const output: RootContent[] = [];
	let group: Tab[] | undefined;
	let pendingBlank: RootContent[] = [];
	const close = () => {
		if (group) output.push(contentTabsElement(group));
		group = undefined;
		output.push(...pendingBlank);
		pendingBlank = [];
	};
	for (const node of children) {
		if (node.type === 'element') node.children = regroup(node.children, slugger) as ElementContent[];
		const marker = node.type === 'element' ? readQuoteMarker(node) : undefined;
		if (marker && isTabMarker(marker.type)) {
			if (marker.type.toLowerCase() === 'tab-group') close();
			const label = marker.line.map(textOf).join('').trim() || 'Tab';
			(group ??= []).push({ label, id: slugger.slug(`tab-${label}`), content: marker.content });
			pendingBlank = [];
		} else if (group && (node.type === 'comment' || (node.type === 'text' && isBlank(node)))) {
			pendingBlank.push(node);
		} else {
			close();
			output.push(node);
		}
	}
	close();
	return output;
}

/**
 * MkDocs' content tabs, which the source preparation turned into `> [!tab] Label` quotes, drawn
 * with the tabs contract (`src/dom/tabs.ts`): the same keyboard, deep links (`#tab-label`) and
 * stacked sections without JavaScript as a topic's tabs. Notes without `[!tab` are left alone.
 */
export function rehypeQuoteTabs(): HastPluginEntry {
	return (factory) =>
		sourceMayHold(factory.source, /\[!tab/i) &&
		hastTreePlugin('rehype-quote-tabs', (root: Root) => {
			const children = mutableCopy(root.children);
			const slugger = new GithubSlugger();
			collectIds(children, slugger);
			return regroup(children, slugger);
		});
}
