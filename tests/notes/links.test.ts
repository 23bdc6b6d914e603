import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { NotesCatalogue } from '../../src/notes/catalogue.ts';
import { formatReport } from '../../src/notes/problems.ts';
import { fixturePath, folderWith, projectRoot } from '../support/build.ts';
import { parseHtml, select, selectAll, textOf } from '../support/html.ts';
import { renderNote } from '../support/render.ts';

const catalogueOf = (name: string) => new NotesCatalogue({ notesRoot: fixturePath(name), projectRoot, lang: 'en', base: '/notes/' }).build();
const vault = catalogueOf('links-vault');
const course = catalogueOf('links-course');
const hrefOf = (target: ReturnType<typeof vault.resolver.wikilink> | undefined) =>
	target && (target.kind === 'broken' ? `broken: ${target.hint}` : target.kind === 'image' ? `image: ${target.relativePath}` : target.kind === 'private' ? 'private' : target.href);

describe('wikilinks, resolved as Obsidian resolves them', () => {
	const from = 'Security/IAM.md';
	const link = (target: string, heading?: string) => hrefOf(vault.resolver.wikilink({ target, heading }, from));

	test('by path, else by the one note of that name anywhere; case does not matter; .md may be written', () => {
		expect(link('VPC Peering')).toBe('/notes/networking/vpc-peering/');
		expect(link('vpc peering')).toBe('/notes/networking/vpc-peering/');
		expect(link('Networking/VPC Peering.md')).toBe('/notes/networking/vpc-peering/');
		expect(link('IAM.md')).toBe('/notes/security/iam/');
	});

	test('two notes of one name: the one beside the linking note, else ambiguous; a path settles it', () => {
		expect(link('Overview')).toBe('/notes/security/overview/');
		expect(link('Networking/Overview')).toBe('/notes/networking/overview/');
		expect(hrefOf(vault.resolver.wikilink({ target: 'Overview' }, 'Deep/L1.md'))).toMatch(/^broken: 2 notes or files have that name \(Networking\/Overview.md, Security\/Overview.md\)/);
	});

	test('a heading by its text, a topic by its title without its number, a path of headings, a block to its note', () => {
		expect(link('VPC Peering', 'Limits')).toBe('/notes/networking/vpc-peering/#limits');
		expect(link('VPC Peering', '1. Limits')).toBe('/notes/networking/vpc-peering/#limits');
		expect(link('VPC Peering', 'Limits#concepts')).toBe('/notes/networking/vpc-peering/#limits-concepts');
		expect(link('VPC Peering', 'Routing#summary')).toBe('/notes/networking/vpc-peering/#routing-summary');
		expect(link('VPC Peering', '^abc123')).toBe('/notes/networking/vpc-peering/');
		expect(link('', 'Roles')).toBe('#roles');
	});

	test('a heading linked without its punctuation, as vaults write it: (RAM), /, ?, &', () => {
		expect(link('Memory', 'Random Access Memory RAM')).toBe('/notes/networking/memory/#random-access-memory-ram');
		expect(link('Memory', 'Publish Subscribe')).toBe('/notes/networking/memory/#publishsubscribe');
		expect(link('Memory', 'Why use Non-Volatile Storage')).toBe('/notes/networking/memory/#why-use-non-volatile-storage');
		expect(link('Memory', 'Protection Sharing')).toBe('/notes/networking/memory/#protection--sharing');
		expect(link('Memory', 'Random Access')).toMatch(/^broken: “Memory” has no heading “Random Access”\./);
	});

	test('a heading with a wikilink: by the text the page shows, and by the text Obsidian links it with', () => {
		const folder = mkdtempSync(path.join(tmpdir(), 'notes-heading-links-'));
		writeFileSync(path.join(folder, 'Memory.md'), '# Memory\n\n## Free Space in [[Volatile Memory|Main Memory]]\n\nText.\n');
		writeFileSync(path.join(folder, 'Volatile Memory.md'), '# Volatile Memory\n\nText.\n');
		const { resolver } = new NotesCatalogue({ notesRoot: folder, projectRoot, lang: 'en', base: '/' }).build();
		for (const heading of ['Free Space in Main Memory', 'Free Space in Volatile Memory Main Memory']) {
			expect(hrefOf(resolver.wikilink({ target: 'Memory', heading }, 'Volatile Memory.md')), heading).toBe('/memory/#free-space-in-main-memory');
		}
	});

	test('files anywhere in the folder, as Obsidian finds attachments', () => {
		expect(link('chart.png')).toBe('image: attachments/chart.png');
		expect(link('slides.pdf')).toBe('/notes/attachments/slides.pdf');
	});

	test('what leads nowhere says so, with the closest match', () => {
		expect(link('VPC Peerin')).toBe('broken: No note or file named “VPC Peerin” in the notes folder. Did you mean [[VPC Peering]]?');
		expect(link('VPC Peering', 'Limts')).toBe('broken: “VPC Peering” has no heading “Limts”. Did you mean [[VPC Peering#Limits]]?');
		expect(link('Quantum')).toBe('broken: No note or file named “Quantum” in the notes folder.');
	});
});

describe('wikilinks to an alias, as to a name', () => {
	const folder = folderWith({
		'Artificial Intelligence.md': '---\naliases: [AI, Machine minds]\n---\n# Artificial Intelligence\n\n## History\n\nText.\n',
		'Dog.md': '---\nalias: Doggo\n---\n# Dog\n\nText.\n',
		// Another note's name is no alias of this one: [[Dog]] leads to Dog.md.
		'Cat.md': '---\naliases: [Dog, Kitty]\n---\n# Cat\n\nText.\n',
		'Security/Roles.md': '---\naliases: [Access]\n---\n# Roles\n\nText.\n',
		'Networking/Routes.md': '---\naliases: [Access]\n---\n# Routes\n\nText.\n',
		'Security/IAM.md': '# IAM\n\nSee [[AI]], [[ai#History]] and [[Machine minds|thinking machines]]; ask [[Access]].\n',
		'Reading.md': '# Reading\n\nAbout [[Doggo]], [[Dog]], [[Kitty]] and [[Access]]; [[Machine mind]].\n',
	});
	const catalogue = new NotesCatalogue({ notesRoot: folder, projectRoot, lang: 'en', base: '/' }).build();
	const link = (target: string, from = 'Reading.md', heading?: string) => hrefOf(catalogue.resolver.wikilink({ target, heading }, from));

	test('an alias leads to its note, any letter case, to a heading too; `alias:` as well as `aliases:`', () => {
		expect(link('AI')).toBe('/artificial-intelligence/');
		expect(link('machine MINDS')).toBe('/artificial-intelligence/');
		expect(link('AI', 'Reading.md', 'History')).toBe('/artificial-intelligence/#history');
		expect(link('Doggo')).toBe('/dog/');
		expect(link('Kitty')).toBe('/cat/');
	});

	test('a name leads to its own note though another note has it as an alias, as in Obsidian', () => {
		expect(link('Dog')).toBe('/dog/');
	});

	test('two notes with one alias: the one beside the linking note, else ambiguous', () => {
		expect(link('Access', 'Security/IAM.md')).toBe('/security/roles/');
		expect(link('Access')).toBe(
			'broken: 2 notes have the alias “Access” (Networking/Routes.md, Security/Roles.md): link one by its name, e.g. [[Networking/Routes|Access]].',
		);
	});

	test('the report: an ambiguous alias, and an alias as the closest match of a link that leads nowhere', () => {
		const report = formatReport(catalogue.links.problems);
		expect(report.split('\n')[0]).toBe('2 problems in the notes (1 ambiguous link, 1 broken link):');
		expect(report).toContain(`${folder}/Reading.md:3:41  [[Access]]\n    2 notes have the alias “Access”`);
		expect(report).toContain('[[Machine mind]]\n    No note or file named “Machine mind” in the notes folder. Did you mean [[Machine minds]]?');
	});

	test('"Linked from" counts a link to an alias', () => {
		expect(catalogue.links.backlinks.get('artificial-intelligence')?.map((each) => each.slug)).toEqual(['security/iam']);
		expect(catalogue.links.backlinks.get('dog')?.map((each) => each.slug)).toEqual(['reading']);
	});

	test('the page shows the alias as written, or the text after |', async () => {
		const source = readFileSync(path.join(folder, 'Security/IAM.md'), 'utf8');
		const html = parseHtml(
			await renderNote(source, { notesDir: path.relative(projectRoot, folder), name: 'Security/IAM.md', links: { links: () => catalogue.resolver, source: () => '', vault: false } }),
			{ fragment: true },
		);
		expect(selectAll('a', html).map((a) => [textOf(a), a.properties.href])).toEqual([
			['AI', '/artificial-intelligence/'],
			['ai › History', '/artificial-intelligence/#history'],
			['thinking machines', '/artificial-intelligence/'],
			['Access', '/security/roles/'],
		]);
	});

	test('an alias added changes where links lead, and the stamp of the note that links (in dev, its page renders again)', () => {
		const edited = folderWith({ 'Dog.md': '# Dog\n\nText.\n', 'Reading.md': '# Reading\n\nAbout [[Doggo]].\n' });
		const builder = new NotesCatalogue({ notesRoot: edited, projectRoot, lang: 'en', base: '/' });
		const before = builder.build();
		expect(hrefOf(before.resolver.wikilink({ target: 'Doggo' }, 'Reading.md'))).toMatch(/^broken: /);
		writeFileSync(path.join(edited, 'Dog.md'), '---\naliases: [Doggo]\n---\n# Dog\n\nText.\n');
		const after = builder.build();
		expect(hrefOf(after.resolver.wikilink({ target: 'Doggo' }, 'Reading.md'))).toBe('/dog/');
		expect(after.links.problems).toEqual([]);
		expect(after.links.stamps.get('Reading.md')).not.toBe(before.links.stamps.get('Reading.md'));
	});
});

describe('Markdown links between notes', () => {
	const link = (href: string, from = '02-security/iam.md') => hrefOf(course.resolver.markdown(href, from));

	test('to a file of a note, a folder\'s README, a folder, and MkDocs\' paths without .md', () => {
		expect(link('../01-cloud/README.md')).toBe('/notes/01-cloud/');
		expect(link('../01-cloud/')).toBe('/notes/01-cloud/');
		expect(link('../01-cloud')).toBe('/notes/01-cloud/');
		expect(link('notes')).toBe('/notes/02-security/notes/');
		expect(link('../README.md')).toBe('/notes/');
		expect(link('iam%2Emd')).toBe('/notes/02-security/iam/');
	});

	test('to an .mdx note, a path with %20 for a space, and one in <angle brackets>: the page under the base, with the anchor', async () => {
		const inVault = (href: string, from: string) => hrefOf(vault.resolver.markdown(href, from));
		expect(inVault('same-mdx.mdx', 'Same/same-md.md')).toBe('/notes/same/same-mdx/');
		expect(inVault('same-mdx.mdx#links', 'Same/same-md.md')).toBe('/notes/same/same-mdx/#links');
		expect(inVault('VPC%20Peering.md#limits', 'Networking/Overview.md')).toBe('/notes/networking/vpc-peering/#limits');
		expect(inVault('../Networking/VPC%20Peering.md#routing', 'Security/IAM.md')).toBe('/notes/networking/vpc-peering/#routing');
		// As Obsidian writes a Markdown link: the heading's text, its spaces as %20 too.
		expect(inVault('VPC%20Peering.md#1.%20Limits', 'Networking/Overview.md')).toBe('/notes/networking/vpc-peering/#limits');
		// `<…>` is Markdown's, not the link's: the catalogue reads the path inside as written (a space),
		// the page's links have it as %20 by the time they are rewritten.
		expect(inVault('VPC Peering.md#limits', 'Networking/Overview.md')).toBe('/notes/networking/vpc-peering/#limits');
		// Through the real pipeline, as a page renders them.
		const html = parseHtml(
			await renderNote('[a](<VPC Peering.md#limits>), [b](VPC%20Peering.md#limits), [c](<../Same/same-mdx.mdx#links>) and [d](../Same/same-mdx.mdx#links).', {
				notesDir: 'tests/fixtures/links-vault',
				name: 'Networking/Overview.md',
				links: { links: () => vault.resolver, source: () => '', vault: true },
			}),
			{ fragment: true },
		);
		expect(selectAll('a', html).map((a) => [textOf(a), a.properties.href])).toEqual([
			['a', '/notes/networking/vpc-peering/#limits'],
			['b', '/notes/networking/vpc-peering/#limits'],
			['c', '/notes/same/same-mdx/#links'],
			['d', '/notes/same/same-mdx/#links'],
		]);
		expect(select('.link-broken', html)).toBeUndefined();
	});

	test('other.mdx, my%20note.md and <my note.md#anchor> in a folder of their own: resolved for the page, the report and "Linked from" alike', async () => {
		const folder = mkdtempSync(path.join(tmpdir(), 'notes-markdown-links-'));
		writeFileSync(path.join(folder, 'my note.md'), '# My note\n\n## Anchor\n\nText.\n');
		writeFileSync(path.join(folder, 'other.mdx'), '# Other\n\n## Anchor\n\nText.\n');
		const source = 'See [the other](other.mdx#anchor), [mine](my%20note.md#anchor) and [mine again](<my note.md#anchor>).\n';
		writeFileSync(path.join(folder, 'from.md'), `# From\n\n${source}`);
		const catalogue = new NotesCatalogue({ notesRoot: folder, projectRoot, lang: 'en', base: '/notes/' }).build();
		for (const href of ['other.mdx#anchor', 'my%20note.md#anchor', 'my note.md#anchor']) {
			expect(hrefOf(catalogue.resolver.markdown(href, 'from.md')), href).toBe(`/notes/${href.startsWith('other') ? 'other' : 'my-note'}/#anchor`);
		}
		expect(formatReport(catalogue.links.problems)).toBe('No problems found in the notes.');
		expect(catalogue.links).toMatchObject({ links: 3, resolved: 3 });
		expect(catalogue.links.backlinks.get('my-note')?.map((each) => each.slug)).toEqual(['from']);
		expect(catalogue.links.backlinks.get('other')?.map((each) => each.slug)).toEqual(['from']);
		const html = parseHtml(await renderNote(source, { notesDir: path.relative(projectRoot, folder), name: 'from.md', links: { links: () => catalogue.resolver, source: () => '', vault: false } }), { fragment: true });
		expect(selectAll('a', html).map((a) => a.properties.href)).toEqual(['/notes/other/#anchor', '/notes/my-note/#anchor', '/notes/my-note/#anchor']);
	});

	test('an anchor: our id, the one GitHub gives the heading, or its text', () => {
		expect(link('../01-cloud/README.md#cloud-computing-fundamentals')).toBe('/notes/01-cloud/#cloud-computing-fundamentals');
		expect(link('../01-cloud/README.md#11-cloud-computing-fundamentals')).toBe('/notes/01-cloud/#cloud-computing-fundamentals');
		// In the same note, the fragment alone.
		expect(link('#11-cloud-computing-fundamentals', '01-cloud/README.md')).toBe('#cloud-computing-fundamentals');
		// GitHub makes its anchors from the text as typed (`--`), not as the page shows it (`–`).
		expect(link('#13-costs----and-limits', '01-cloud/README.md')).toBe('#costs--and-limits');
		// The anchor of the title: the top of the page.
		expect(link('../01-cloud/README.md#chapter-1-the-cloud')).toBe('/notes/01-cloud/');
	});

	test('a page Jekyll makes of a note (other.html, folder/index.html, README.html) is the note\'s page; one no note makes is left as written', () => {
		expect(link('iam.html#policies', '02-security/notes.md')).toBe('/notes/02-security/iam/#policies');
		expect(link('../01-cloud/index.html')).toBe('/notes/01-cloud/');
		expect(link('../01-cloud/README.html')).toBe('/notes/01-cloud/');
		expect(link('/02-security/iam.html')).toBe('/notes/02-security/iam/');
		expect(link('../index.html')).toBe('/notes/');
		for (const href of ['search.html', '../03-networking/vpc.html#peering', '/feed.html']) expect(course.resolver.markdown(href, '02-security/iam.md'), href).toBeUndefined();
	});

	test('an anchor as kramdown (Jekyll) or an editor made it leads to the heading: from its text as typed, number and maths included', () => {
		const folder = mkdtempSync(path.join(tmpdir(), 'notes-kramdown-anchors-'));
		const headings = ["## \\#Example Find a Row Space's Basis", '## 1.3 Costs -- and limits', '## \\#Theorem Solutions to $A\\vec{x}=\\vec{b}$'];
		writeFileSync(path.join(folder, '3.5 Subspaces.md'), `# Subspaces\n\n${headings.map((heading) => `${heading}\n\nText.\n`).join('\n')}`);
		writeFileSync(path.join(folder, 'index.md'), '# Index\n\nText.\n');
		const { resolver, links } = new NotesCatalogue({ notesRoot: folder, projectRoot, lang: 'en', base: '/' }).build();
		const from = (href: string) => hrefOf(resolver.markdown(href, 'index.md'));
		// kramdown: leading non-letters dropped, other punctuation dropped, spaces as `-`.
		expect(from('3.5%20Subspaces.html#example-find-a-row-spaces-basis')).toBe('/35-subspaces/#example-find-a-row-spaces-basis');
		expect(from('3.5%20Subspaces.html#costs----and-limits')).toBe('/35-subspaces/#costs--and-limits');
		// Each run of other characters as one `-`, maths as typed.
		expect(from('3.5%20Subspaces.md#example-find-a-row-space-s-basis')).toBe('/35-subspaces/#example-find-a-row-spaces-basis');
		expect(from('3.5%20Subspaces.md#1-3-costs-and-limits')).toBe('/35-subspaces/#costs--and-limits');
		expect(from('3.5%20Subspaces.md#theorem-solutions-to-a-vec-x-vec-b')).toMatch(/^\/35-subspaces\/#theorem-solutions-to-/);
		expect(from('3.5%20Subspaces.html#example-find-a-basis')).toMatch(/^broken: “Subspaces” has no heading with the anchor #example-find-a-basis\./);
		expect(links.problems).toEqual([]);
	});

	test('a path on the author\'s computer is broken, as a link to a file on that computer, with a hint; a copy in the notes folder is suggested', () => {
		for (const href of ['/home/dale/course/setup.sh', '/Users/dale/Desktop/notes.pdf', 'C:\\Users\\dale\\setup.sh', 'file:///home/dale/setup.sh', '~/setup.sh', '/mnt/c/notes/iam.md']) {
			const target = course.resolver.markdown(href, '02-security/iam.md');
			expect(target, href).toMatchObject({ kind: 'broken', problem: 'local-link', message: href });
			expect(hrefOf(target), href).toMatch(/^broken: A path on the computer the note was written on: no reader of the site can open it\./);
		}
		expect(link('/mnt/c/notes/iam.md')).toBe('broken: A path on the computer the note was written on: no reader of the site can open it. Link the copy in the notes folder instead: 02-security/iam.md.');
		expect(link('/home/dale/course/01-cloud/img/diagram.png')).toMatch(/Link the copy in the notes folder instead: 01-cloud\/img\/diagram\.png\.$/);
	});

	test('other sites, and paths of the site that are not a note\'s, are left as written', () => {
		for (const href of ['https://docs.aws.amazon.com/', 'mailto:a@example.com', '/about/', '../notes/', '?q=1']) {
			expect(course.resolver.markdown(href, '02-security/iam.md'), href).toBeUndefined();
		}
		// A path of the site that is a note's gets the base.
		expect(link('/01-cloud/')).toBe('/notes/01-cloud/');
	});

	test('a missing note, heading, or a path out of the notes folder is broken', () => {
		expect(link('../03-networking/vpc.md')).toBe('broken: No note or file at 03-networking/vpc.md in the notes folder.');
		expect(link('../01-cloud/README.md#13-pricing')).toMatch(/^broken: “Chapter 1: The Cloud” has no heading with the anchor #13-pricing\./);
		expect(link('../../../src/code.py')).toBe('broken: The link leaves the notes folder: nothing outside it is published.');
		expect(link('console.aws.amazon.com')).toBe('broken: No note or file at 02-security/console.aws.amazon.com in the notes folder. Did you mean https://console.aws.amazon.com?');
	});
});

describe('a folder with notes named with `?` and with é composed or decomposed, and an embedded image that is none', () => {
	const notesRoot = folderWith({
		'what?.md': '# What\n',
		// As macOS writes names: decomposed.
		'Re\u0301seaux/re\u0301sume\u0301.md': '# Résumé\n',
		'été.md': '# Été\n',
		'index.md': '# Home\n\n![[not-a-picture.png]]\n',
		'not-a-picture.png': 'text',
	});
	const { resolver, links } = new NotesCatalogue({ notesRoot, projectRoot, lang: 'en', base: '/' }).build();
	const markdown = (href: string) => hrefOf(resolver.markdown(href, 'index.md'));
	const wikilink = (target: string) => hrefOf(resolver.wikilink({ target }, 'index.md'));

	test('`%3F` is part of the name; a `?` as written starts the query', () => {
		expect(markdown('what%3F.md')).toBe('/what/');
		expect(markdown('what%3F.md?plain=1')).toBe('/what/');
	});

	test('a name typed in the other Unicode form finds the note, by wikilink and Markdown link', () => {
		expect(wikilink('résumé')).toBe('/réseaux/résumé/');
		expect(wikilink('Réseaux/résumé')).toBe('/réseaux/résumé/');
		expect(wikilink('e\u0301te\u0301')).toBe('/été/');
		expect(markdown('R%C3%A9seaux/r%C3%A9sum%C3%A9.md')).toBe('/réseaux/résumé/');
	});

	test('an image embed the site cannot show is reported where it stands, and not published', () => {
		expect(links.problems).toEqual([
			expect.objectContaining({ kind: 'bad-image', line: 3, message: '![[not-a-picture.png]]', hint: expect.stringContaining('not-a-picture.png is text, not an image') }),
		]);
		expect(links.embeddedImages).toEqual([]);
	});
});

describe('the link graph of a folder', () => {
	test('reports every broken link, ambiguous link and looping embed with file and line, nothing else', () => {
		const report = formatReport(vault.links.problems);
		expect(report.split('\n')[0]).toBe('11 problems in the notes (3 embeds that loop or nest too deep, 6 broken links, 1 missing image, 1 ambiguous link):');
		expect(report).toContain('tests/fixtures/links-vault/Security/IAM.md:35:3  [[VPC Peerin]]\n    No note or file named “VPC Peerin” in the notes folder. Did you mean [[VPC Peering]]?');
		expect(report).toContain('tests/fixtures/links-vault/Security/IAM.md:36:3  ![[missing-image.png]]');
		expect(report).toContain('tests/fixtures/links-vault/Loops/A.md:3:1  ![[B]]\n    The embeds loop (A → B → A)');
		expect(report).toContain('tests/fixtures/links-vault/Deep/L1.md:5:1  ![[L2]]\n    Embeds inside embeds show 3 deep at most');
		expect(report).toContain(
			'tests/fixtures/links-vault/Study/Exam plan.md:3:11  [[Overview]]\n    2 notes or files have that name (Networking/Overview.md, Security/Overview.md): write the folder too, e.g. [[Networking/Overview]].',
		);
		expect(vault.links.problems.filter((problem) => problem.kind === 'ambiguous-link').map((problem) => problem.file)).toEqual(['tests/fixtures/links-vault/Study/Exam plan.md']);
		expect(formatReport(course.links.problems).split('\n')[0]).toBe('4 problems in the notes (3 broken links, 1 link to a file on the author\'s computer):');
		expect(vault.links).toMatchObject({ links: 36, resolved: 28 });
	});

	test('backlinks: each note and topic that links, with the sentence around the link', () => {
		expect(vault.links.backlinks.get('networking/vpc-peering')).toEqual([
			{ slug: 'networking/overview', title: 'Overview', topic: { id: 'networking-overview', text: 'Networking overview' }, context: 'Start with VPC Peering, then see the security overview.', embed: false },
			{ slug: 'same/same-md', title: 'same-md', topic: { id: 'links', text: 'Links' }, context: 'to the limits and Missing note', embed: false },
			{ slug: 'same/same-mdx', title: 'same-mdx', topic: { id: 'links', text: 'Links' }, context: 'to the limits and Missing note', embed: false },
			{ slug: 'security/iam', title: 'IAM', topic: { id: 'policies', text: 'Policies' }, context: 'a policy allows or denies actions; see VPC Peering for the network side', embed: false },
			{ slug: 'security/iam', title: 'IAM', topic: { id: 'roles', text: 'Roles' }, context: 'VPC Peering › Limits', embed: true },
		]);
		expect(course.links.backlinks.get('02-security/iam')?.map((each) => [each.slug, each.context])).toEqual([
			['', 'IAM policies'],
			['01-cloud', 'Identity comes in chapter 2.'],
			['02-security', '2.1 IAM policies'],
			// `iam.html#policies`, written for the course's Jekyll site.
			['02-security/notes', 'Links written for the course’s Jekyll site: the policies, the limits and the first chapter.'],
		]);
	});

	test('publishes the files links lead to, and only those', () => {
		expect(vault.links.files).toEqual(['attachments/slides.pdf']);
	});

	test('a note\'s stamp changes when a link of its leads elsewhere, though its text does not', () => {
		const folder = mkdtempSync(path.join(tmpdir(), 'links-'));
		cpSync(fixturePath('links-vault'), folder, { recursive: true });
		const builder = new NotesCatalogue({ notesRoot: folder, projectRoot, lang: 'en', base: '/notes/' });
		const before = builder.build();
		const peering = path.join(folder, 'Networking/VPC Peering.md');
		writeFileSync(peering, readFileSync(peering, 'utf8').replace('## 1. Limits', '## 1. Boundaries'));
		const after = builder.build();
		const iam = (catalogue: typeof before) => catalogue.notes.find((note) => note.slug === 'security/iam')!;
		expect(iam(after).hash).toBe(iam(before).hash);
		expect(after.links.stamps.get('Security/IAM.md')).not.toBe(before.links.stamps.get('Security/IAM.md'));
		expect(after.links.stamps.get('Security/Overview.md')).toBe(before.links.stamps.get('Security/Overview.md'));
	});
});

describe('titles that name the note', () => {
	test('in a vault, the file name; a generic file name takes its folder\'s; two notes of a folder never share one', () => {
		expect(vault.notes.map((note) => note.title)).toContain('VPC Peering');
		expect(course.notes.map((note) => [note.slug, note.title])).toEqual([
			['', 'Cloud Course'],
			['01-cloud', 'Chapter 1: The Cloud'],
			// A folder's README first: the folder's page.
			['02-security', 'Chapter 2: Security'],
			['02-security/notes', '02 security'],
			['02-security/iam', 'IAM'],
		]);
	});
});
