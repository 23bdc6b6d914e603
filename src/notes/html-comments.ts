const ONLY_COMMENTS = /^\s*(?:<!--[\s\S]*?-->\s*)+$/;

/** `<!-- a remark -->` and nothing else (several comments, white space between): it shows nothing. */
export function isOnlyHtmlComments(html: string): boolean {
	return ONLY_COMMENTS.test(html);
}

/** The texts of the comments of HTML that is only comments; undefined for any other HTML. */
export function htmlComments(html: string): string[] | undefined {
	if (!isOnlyHtmlComments(html)) return undefined;
	return [...html.matchAll(/<!--([\s\S]*?)-->/g)].map((match) => match[1]);
}
