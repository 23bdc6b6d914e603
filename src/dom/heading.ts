import type { Element } from 'hast';
import { h } from './hast.ts';

/**
 * The heading-alias contract: where a heading's id here is not the anchor GitHub gives it (a
 * numbered heading: `## 1.1 Cloud Computing` is `#cloud-computing` here, `#11-cloud-computing` on
 * GitHub), the heading starts with an empty target of GitHub's anchor, so links made for GitHub
 * (from a README, another site, a bookmark) land on it too.
 *
 * ```html
 * <h2 id="cloud-computing"><span class="heading-alias" id="11-cloud-computing"></span>Cloud Computing</h2>
 * ```
 */
export const HEADING_ALIAS_CLASS = 'heading-alias';

export const headingAliasElement = (id: string): Element => h('span', { className: [HEADING_ALIAS_CLASS], id });
