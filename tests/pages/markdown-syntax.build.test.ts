import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { MATH_STYLESHEET } from '../../src/math/stylesheet.ts';
import { builtSite, fixturePath } from '../support/build.ts';
import { parseHtml, select, selectAll, selectOne, textOf } from '../support/html.ts';
import { readSearchIndex } from '../support/pagefind-index.ts';

/** Syntax that must never reach a reader as text. */
const RAW_SYNTAX = [/\[!\w/, /==\S/, /%%/, /\^\[/, /\$\\/, /^!!!|^\?\?\?|^===/m, /\{ ?#[\w-]+/, /\\\(|\\\[/];

const article = (html: string) => selectOne('article.note__body', parseHtml(html));

/** Every file below `folder`, for a text nothing built may hold. */
function filesBelow(folder: string): string[] {
	return readdirSync(folder).flatMap((name) => {
		const file = path.join(folder, name);
		return statSync(file).isDirectory() ? filesBelow(file) : [file];
	});
}

describe('an Obsidian vault, written as Obsidian shows it', () => {
	const site = () => builtSite(fixturePath('syntax-vault'));
	const page = () => article(site().page('obsidian-syntax/index.html'));

	test('builds, reporting the one invalid formula with file and line', () => {
		expect(site().exitCode, site().output).toBe(0);
		expect(site().output).toContain('1 problem in the notes (1 invalid formula):');
		expect(site().output).toContain('tests/fixtures/syntax-vault/Maths.md:15:19  invalid TeX:');
	});

	test('no syntax shows as text', () => {
		for (const file of ['obsidian-syntax/index.html', 'maths/index.html']) {
			// What the note shows as written on purpose: code, a comparison, the invalid formula.
			const text = textOf(article(site().page(file))).replace(/==not in code==|a == b|\$\\frac\{a\$/g, '');
			for (const syntax of RAW_SYNTAX) expect(text, `${file}: ${syntax}`).not.toMatch(syntax);
		}
	});

	test('callouts: types, custom titles, folding as <details>, nesting, no repeated title', () => {
		const callouts = selectAll('.callout', page());
		expect(callouts.map((callout) => `${callout.tagName}:${callout.properties.dataCallout}`)).toEqual([
			'div:note', 'div:tip', 'details:warning', 'details:example', 'div:bug', 'div:tip', 'div:note',
		]);
		expect(callouts.map((callout) => textOf(select('.callout__title', callout)!))).toEqual([
			'Note', 'Remember this one', 'Folded until you open it', 'Open, and can be folded', 'Bug', 'Important', 'Mnemonic',
		]);
		expect(callouts[2].properties.open).toBeUndefined();
		expect(callouts[3].properties.open).toBe(true);
		expect(textOf(callouts[5])).toBe('Important The title is not repeated.');
	});

	test('a note of front matter alone is a page of its properties, in search, its links leading to the notes they name', () => {
		const body = article(site().page('thinking-fast-and-slow/index.html'));
		const values = (item: ReturnType<typeof selectOne>) => (select('li', item) ? selectAll('li', item).map(textOf) : [textOf(selectOne('dd', item))]);
		expect(selectAll('.properties__item', body).map((item) => [textOf(selectOne('dt', item)), ...values(item)])).toEqual([
			['author', 'Kept heading'],
			['year', '2011'],
			['status', 'reading'],
			['started', '2024-03-01'],
			['genres', 'psychology', 'maths'],
		]);
		expect(selectAll('.properties time', body).map((time) => time.properties.dateTime)).toEqual(['2024-03-01']);
		expect(selectAll('.properties a', body).map((link) => link.properties.href)).toEqual(['/kept-heading/', '/maths/']);
		const indexed = readSearchIndex(site().dist).find((entry) => entry.url.endsWith('/thinking-fast-and-slow/'));
		expect(indexed?.content).toContain('reading');
	});

	test('a note with text shows its properties under its title: numbers, yes/no, dates and links drawn as such, the site\'s own keys left out', () => {
		const html = parseHtml(site().page('reading-log/index.html'));
		const properties = selectOne('.note__body > .properties', html);
		expect(selectAll('dt', properties).map(textOf)).toEqual(['author', 'pages', 'owned', 'lent', 'finished']);
		expect(selectOne('a', properties).properties.href).toBe('/kept-heading/');
		expect(selectOne('data', properties).properties.value).toBe('499');
		expect(selectAll('input[type="checkbox"]', properties).map((box) => [box.properties.ariaLabel, box.properties.checked ?? false, box.properties.disabled])).toEqual([
			['owned', true, true],
			['lent', false, true],
		]);
		expect(selectOne('time', properties).properties.dateTime).toBe('2024-03-01');
	});

	test('Dataview fields are keys and values, never raw text: lines, [key:: value] in text, (key:: value) with its key hidden', () => {
		const body = article(site().page('reading-log/index.html'));
		const fields = selectAll('.property', body).map((field) => [field.properties.dataProperty, textOf(field)]);
		expect(fields).toEqual([
			['up', 'up Thinking, Fast and Slow'],
			['Due Date', 'Due Date 2024-04-01'],
			['Rating', 'Rating 9'],
			['sleep', 'sleep 7 hours'],
			['mood', 'rested'],
			['source', 'source Maths (p. 3)'],
			['due', 'due 2024-03-08'],
		]);
		expect(selectAll('.property a', body).map((link) => link.properties.href)).toEqual(['/thinking-fast-and-slow/', '/maths/']);
		expect(select('.property[data-property="mood"] .property__key', body)).toBeUndefined();
		expect(textOf(body).replace('[code:: x]', '')).not.toContain('::');
		const indexed = readSearchIndex(site().dist).find((entry) => entry.url.endsWith('/reading-log/'));
		expect(indexed?.content).toContain('7 hours');
	});

	test('folded text is in the page and in the search index', () => {
		expect(textOf(select('details.callout', page())!)).toContain('FOLDED-SECRET-ANSWER');
		const indexed = readSearchIndex(site().dist).find((entry) => entry.url.endsWith('/obsidian-syntax/'));
		expect(indexed?.content).toContain('FOLDED-SECRET-ANSWER');
	});

	test('%%comments%% are nowhere: not in a page, the search index or the content store', () => {
		const built = path.dirname(site().dist);
		const files = [...filesBelow(site().dist), ...filesBelow(path.join(built, 'cache'))];
		expect(files.some((file) => file.endsWith('.html'))).toBe(true);
		for (const file of files) {
			const bytes = readFileSync(file);
			const text = file.endsWith('.pf_fragment') ? '' : bytes.toString('utf8');
			expect(text.includes('PRIVATE-REMARK'), file).toBe(false);
		}
		for (const entry of readSearchIndex(site().dist)) expect(entry.content).not.toContain('PRIVATE-REMARK');
	});

	test('highlights, inline footnotes numbered with the others and with back-links, single newlines as breaks', () => {
		const body = page();
		expect(selectAll('mark', body).map(textOf)).toEqual(['highlighted words here']);
		expect(selectAll('[data-footnote-ref]', body).map(textOf)).toEqual(['1', '2']);
		expect(selectAll('.footnotes li', body).map(textOf)).toEqual(['Inline footnotes are numbered with the others. ↩', 'The normal footnote. ↩']);
		expect(selectAll('[data-footnote-backref]', body)).toHaveLength(2);
		// The footnotes close the note, outside its last topic's tabs.
		expect(select('.topic .footnotes', body)).toBeUndefined();
		expect(select('p:first-child br', body)).toBeDefined();
	});

	test('tags: front matter and inline, shown as links, a page per tag and its parents, a search filter', () => {
		const notePage = parseHtml(site().page('obsidian-syntax/index.html'));
		expect(selectAll('.note__header .tag', notePage).map(textOf)).toEqual(['#exam', '#networking', '#aws/vpc']);
		expect(selectAll('.tag', page()).map((link) => link.properties.href)).toEqual(['/tags/aws/vpc/', '/tags/exam/']);
		expect(textOf(selectOne('main', parseHtml(site().page('tags/aws/index.html'))))).toContain('Obsidian syntax');
		expect(selectAll('.tag-cloud .tag', parseHtml(site().page('tags/index.html'))).map(textOf)).toEqual([
			'#aws', '#aws/vpc', '#exam', '#networking',
		]);
		const indexed = readSearchIndex(site().dist).find((entry) => entry.url.endsWith('/obsidian-syntax/'));
		expect(indexed?.filters.tag?.sort()).toEqual(['aws/vpc', 'exam', 'networking']);
		expect(textOf(page())).toContain('Not tags: #123, C#, #linked');
		// The home page counts them, a space either side of its separator.
		expect(textOf(selectOne('.home__count', parseHtml(site().page('index.html'))))).toMatch(/^\d+ notes? · 4 tags$/);
	});

	test('an empty section whose heading says something keeps its heading; [_DEMO_] keeps its brackets', () => {
		const body = page();
		expect(select('h3[id="topic-osi-layer-7---dns-dig-trace"] code', body)).toBeDefined();
		expect(select('h3[id="topic-architecture"]', body)).toBeDefined();
		expect(textOf(body)).toContain('See [DEMO] for the demo.');
	});

	test('maths: MathML at build time, prose dollars kept, the stylesheet only where there is maths', () => {
		const maths = parseHtml(site().page('maths/index.html'));
		const body = selectOne('article.note__body', maths);
		expect(selectAll('math', body).length).toBe(6);
		expect(textOf(body)).toContain('Text after the formulas is prose.');
		expect(textOf(body)).toContain('A coffee costs $5 or $10, and $ x $ is not maths either.');
		expect(textOf(select('code.math-error', body)!)).toBe('$\\frac{a$');
		expect(selectAll('link[rel="stylesheet"]', maths).some((link) => String(link.properties.href).endsWith(MATH_STYLESHEET))).toBe(true);
		expect(readFileSync(path.join(site().dist, MATH_STYLESHEET), 'utf8')).toContain('math');
		const other = parseHtml(site().page('obsidian-syntax/index.html'));
		expect(selectAll('link[rel="stylesheet"]', other).some((link) => String(link.properties.href).includes('notes-assets/math'))).toBe(false);
		expect(selectAll('script', maths).filter((script) => String(script.properties.src ?? '').includes('math'))).toEqual([]);
	});

	test('a note that embeds others shows their callouts, highlights, tags and maths as they show on their own pages', () => {
		const revision = parseHtml(site().page('revision/index.html'));
		const body = selectOne('article.note__body', revision);
		const text = textOf(body).replace(/==not in code==|a == b|\$\\frac\{a\$/g, '');
		for (const syntax of RAW_SYNTAX) expect(text, `revision: ${syntax}`).not.toMatch(syntax);
		expect(selectAll('.callout', body).length).toBe(selectAll('.callout', page()).length + selectAll('.callout', article(site().page('maths/index.html'))).length);
		expect(select('mark', body)).toBeDefined();
		expect(select('a.tag', body)).toBeDefined();
		const maths = article(site().page('maths/index.html'));
		expect(selectAll('math', body).length).toBe(selectAll('math', maths).length);
		expect(selectAll('.math-error', body).length).toBe(selectAll('.math-error', maths).length);
		expect(textOf(body)).toContain('A coffee costs $5 or $10, and $ x $ is not maths either.');
		expect(selectAll('link[rel="stylesheet"]', revision).some((link) => String(link.properties.href).endsWith(MATH_STYLESHEET))).toBe(true);
	});

	test('a first heading that repeats the file name is the title, shown once; any other stays in the body', () => {
		const lifted = parseHtml(site().page('lifted-title/index.html'));
		expect(selectAll('h1', lifted).map(textOf)).toEqual(['Lifted Title', 'A later heading stays']);
		const kept = parseHtml(site().page('kept-heading/index.html'));
		expect(selectAll('h1', kept).map(textOf)).toEqual(['Kept heading', 'Something else']);
	});

	test('headings holding a highlight, a footnote call or an embed: the page, its contents and the links of other notes agree on their ids', () => {
		const whole = parseHtml(site().page('headings/index.html'));
		const ids = ['a-marked-heading', 'a-footnote-in-a-heading', 'where-maths-is-linked', 'embeds-and-rules'];
		expect(selectAll('article h2:not(.sr-only)', whole).map((heading) => heading.properties.id)).toEqual(ids);
		expect(selectAll('.toc a', whole).map((link) => [link.properties.href, textOf(link)])).toEqual([
			['#a-marked-heading', 'A marked heading'],
			['#a-footnote-in-a-heading', 'A footnote in a heading'],
			['#where-maths-is-linked', 'Where Maths is linked'],
			['#embeds-and-rules', 'Embeds and rules'],
		]);
		const kept = article(site().page('kept-heading/index.html'));
		expect(selectAll('a[href^="/headings/"]', kept).map((link) => link.properties.href)).toEqual(ids.slice(0, 3).map((id) => `/headings/#${id}`));
	});

	test('an embed alone on its line, then ---: the embed, then a rule', () => {
		const section = selectOne('section:has(> #embeds-and-rules)', article(site().page('headings/index.html')));
		expect(section.children.flatMap((node) => (node.type === 'element' ? [node.tagName] : []))).toEqual(['h2', 'blockquote', 'hr', 'p']);
	});

	test('the maths is in the search index as text', () => {
		const indexed = readSearchIndex(site().dist).find((entry) => entry.url.endsWith('/maths/'));
		expect(indexed?.content).toContain('mc2');
	});
});

describe('MkDocs Material notes', () => {
	const site = () => builtSite(fixturePath('syntax-mkdocs'));
	const page = () => article(site().page('admonitions/index.html'));

	test('builds, with reports on the lines as written (the blank lines put in to end blocks are taken out)', () => {
		expect(site().exitCode, site().output).toBe(0);
		expect(site().output).toContain('tests/fixtures/syntax-mkdocs/admonitions.md:26:1  missing-note.md');
	});

	test('no syntax shows as text, and no admonition body became a code block', () => {
		const text = textOf(page());
		for (const syntax of RAW_SYNTAX) expect(text, String(syntax)).not.toMatch(syntax);
		expect(selectAll('pre', page())).toHaveLength(1);
	});

	test('admonitions: titles, "" for none, ??? folded, ???+ open, bodies as Markdown', () => {
		const callouts = selectAll('.callout', page());
		expect(callouts.map((callout) => `${callout.tagName}:${callout.properties.dataCallout}:${callout.properties.open ?? ''}`)).toEqual([
			'div:tip:', 'details:info:', 'details:warning:true', 'div:note:',
		]);
		expect(select('li', callouts[0])).toBeDefined();
		expect(select('.callout__title', callouts[3])).toBeUndefined();
	});

	test('content tabs, with no blank line between them, are one tab group with deep-link ids', () => {
		const tabs = selectAll('notes-tabs', page());
		expect(tabs).toHaveLength(1);
		expect(selectAll('.tabs__list > button', tabs[0]).map(textOf)).toEqual(['EXEC Mode', 'Config Mode', 'Interface Mode']);
		expect(selectAll('.tabs__label', tabs[0]).map((label) => label.properties.id)).toEqual(['tab-exec-mode', 'tab-config-mode', 'tab-interface-mode']);
		expect(select('[data-sections-switch]', parseHtml(site().page('admonitions/index.html')))).toBeDefined();
	});

	test('heading attributes give the id and class, leave the text, and the table of contents shows the label', () => {
		const whole = parseHtml(site().page('admonitions/index.html'));
		const heading = selectOne('h2#oob-management', whole);
		expect(textOf(heading)).toBe('Out-of-band management');
		expect(heading.properties.className).toContain('wide');
		expect(selectAll('.toc a', whole).map(textOf)).toEqual(['OOB', 'Inline maths']);
	});

	test('admonitions without the space after the marker, and one indented deep under a list item, are callouts', () => {
		const material = article(site().page('material/index.html'));
		const callouts = selectAll('.callout', material);
		expect(callouts.map((callout) => `${callout.tagName}:${callout.properties.dataCallout}:${textOf(select('.callout__title', callout)!)}`)).toEqual([
			'div:info:Important', 'details:tip:Tip', 'div:warning:Removing unwritten data may result in data loss.',
		]);
		const items = selectAll('li', material);
		expect(select('.callout', items[1])).toBeDefined();
		expect(textOf(items[1])).not.toContain('[!warning]');
		expect(textOf(material)).not.toMatch(/!!!|\?\?\?/);
	});

	test('Material icon shortcodes are inline SVG icons; one alone in a link names it; unknown ones and emoji stay as written, reported once', () => {
		const material = article(site().page('material/index.html'));
		const icons = selectAll('svg.icon', material);
		expect(icons.map((icon) => icon.properties.dataIcon)).toEqual([
			'material-microsoft', 'fontawesome-brands-github', 'octicons-mark-github-16', 'simple-amazonwebservices', 'material-microsoft',
		]);
		expect(icons.slice(0, 4).every((icon) => icon.properties.ariaHidden === 'true' && icon.properties.height === '1em')).toBe(true);
		expect(icons[3].properties.className).toEqual(['icon', 'lg', 'middle']);
		expect(icons[4].properties).toMatchObject({ role: 'img', ariaLabel: 'microsoft' });
		expect(textOf(material)).toContain('An icon no set has, :material-no-such-icon:, stays as written, and so does an emoji, :smile:.');
		expect(textOf(material)).not.toMatch(/:(?:material|fontawesome|octicons|simple)-(?!no-such-icon)/);
		expect(site().output).toContain('tests/fixtures/syntax-mkdocs/material.md:7:21  unknown icon shortcode :material-no-such-icon: (Material Design Icons has no icon "no-such-icon")');
	});

	test('fence languages in any letter case are highlighted; unknown ones are counted in one line of the build log', () => {
		const material = article(site().page('material/index.html'));
		expect(selectAll('pre', material).map((pre) => pre.properties.dataLanguage)).toEqual(['php', 'go', 'plaintext']);
		expect(selectAll('pre', material).map((pre) => selectAll('span[style]', pre).length > 0)).toEqual([true, true, false]);
		expect(site().output).not.toContain('[Shiki]');
		expect(site().output).toContain('Code blocks in a language the highlighter does not know, shown as plain text: 1 (nosuchlang ×1 (material.md)).');
	});

	test('LaTeX delimiters render as maths, and a title with maths reads as text', () => {
		expect(selectAll('math', page()).map((math) => math.properties.display ?? 'inline')).toEqual(['inline', 'block']);
		const vectors = parseHtml(site().page('algebra/vectors/index.html'));
		expect(textOf(selectOne('main h1', vectors))).toBe('Vectors in ℝⁿ');
		expect(textOf(selectOne('title', vectors))).toMatch(/^Vectors in ℝⁿ/);
	});
});
