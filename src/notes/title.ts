/** The first `# heading` with text, outside code fences; the same heading the headings plugin lifts. */
export function firstHeadingTitle(body: string): string | undefined {
	let fence: string | undefined;
	for (const line of body.split(/\r?\n/)) {
		const fenceMatch = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
		if (fenceMatch) {
			if (!fence) fence = fenceMatch[1][0];
			else if (fenceMatch[1][0] === fence) fence = undefined;
			continue;
		}
		if (fence) continue;
		const heading = /^\s{0,3}#(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/.exec(line);
		const title = heading?.[1]?.replace(/[*_`]/g, '').trim();
		if (title) return title;
	}
	return undefined;
}

/** `aws/vpc-peering_notes.md` → "Vpc peering notes". */
export function titleFromFileName(relativePath: string): string {
	const name = relativePath.split('/').pop()!.replace(/\.mdx?$/i, '').replace(/[-_]+/g, ' ').trim();
	return name.charAt(0).toLocaleUpperCase() + name.slice(1);
}

/** Front matter `title`, else the first `#` heading with text, else the file name. */
export function noteTitle(frontmatterTitle: string | undefined, body: string, relativePath: string): string {
	return frontmatterTitle ?? firstHeadingTitle(body) ?? titleFromFileName(relativePath);
}
