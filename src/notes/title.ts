/** `aws/vpc-peering_notes.md` → "Vpc peering notes". */
export function titleFromFileName(relativePath: string): string {
	const name = relativePath.split('/').pop()!.replace(/\.mdx?$/i, '').replace(/[-_]+/g, ' ').trim();
	return name.charAt(0).toLocaleUpperCase() + name.slice(1);
}

/**
 * Front matter `title`, else the note's first `#` heading with text (which the headings plugin
 * lifts into the rendered front matter), else the file name.
 */
export function noteTitle(title: string | undefined, liftedTitle: unknown, relativePath: string): string {
	return title ?? (typeof liftedTitle === 'string' && liftedTitle ? liftedTitle : titleFromFileName(relativePath));
}
