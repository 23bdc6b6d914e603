import { describe, expect, test } from 'vitest';
import { linkedFiles } from '../../src/browser-safe/linked-files.ts';

const scope = 'https://user.github.io/notes/';

describe('linkedFiles', () => {
	test("a page's styles, scripts, icons and images, inside the site; not its links to pages, nor other sites", () => {
		const html = `<link rel="stylesheet" href="/notes/_astro/Base.css"><script type="module" src="/notes/_astro/page.js"></script>
			<link rel="icon" href="/notes/favicon.svg"><a href="/notes/vault/ports/#ssh">Ports</a><a href="../other/">Other</a>
			<img src="https://example.com/cat.png"><img src="/elsewhere/x.png"><img src="img/a%20b.webp?v=1&amp;w=2#top">`;
		expect(linkedFiles(html, `${scope}aws/vpc/`, scope)).toEqual([
			`${scope}_astro/Base.css`,
			`${scope}_astro/page.js`,
			`${scope}favicon.svg`,
			`${scope}aws/vpc/img/a%20b.webp?v=1&w=2`,
		]);
	});

	test('every candidate of a srcset, which the browser picks by the screen', () => {
		const html = '<img src="/notes/_astro/d.1600.webp" srcset="/notes/_astro/d.640.webp 640w, /notes/_astro/d.1280.webp 1280w">';
		expect(linkedFiles(html, scope, scope)).toEqual([`${scope}_astro/d.1600.webp`, `${scope}_astro/d.640.webp`, `${scope}_astro/d.1280.webp`]);
	});

	test('HTML inside JSON, as the cards document carries it', () => {
		const json = String.raw`{"html":"<img alt=\"flow\" src=\"/notes/_astro/flow.webp\">"}`;
		expect(linkedFiles(json, `${scope}review/cards/`, scope)).toEqual([`${scope}_astro/flow.webp`]);
	});

	test("a built script's imports, static and dynamic, relative to the script", () => {
		const script = 'import{a as b}from"./card.js";import"./preload.js";const q=()=>import(`./qr-code.js`);export*from"./more.js";';
		expect(linkedFiles(script, `${scope}_astro/review.js`, scope)).toEqual(
			['card.js', 'preload.js', 'qr-code.js', 'more.js'].map((file) => `${scope}_astro/${file}`),
		);
	});
});
