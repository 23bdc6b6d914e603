// Browser-safe (github-slugger only): the ids of an MDX `<Tabs>` group's sections, shared by the catalogue and the tabs DOM contract.
import GithubSlugger from 'github-slugger';

/**
 * The section ids of one MDX `<Tabs>` group: `{topic}-{label}` inside a topic, `{label}` outside,
 * de-duplicated within the group. The `<Tabs>` component and the catalogue both use it.
 */
export function tabSectionIds(labels: readonly string[], topic: string | undefined): string[] {
	const slugger = new GithubSlugger();
	return labels.map((label) => slugger.slug(topic ? `${topic} ${label}` : label));
}
