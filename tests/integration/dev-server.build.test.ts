import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { copyProject, fixturePath, projectRoot, testEnvironment } from '../support/build.ts';
import { parseHtml, selectAll, selectOne, textOf } from '../support/html.ts';
import { freePort } from '../support/serve.ts';

/** `npm run dev` on a copy of a fixture's notes, kept outside the project's folder (as NOTES_DIR may be). */
function devServer(fixture: string) {
	const folder = mkdtempSync(path.join(tmpdir(), 'notes-dev-'));
	const notes = path.join(folder, 'notes');
	let server: ChildProcess | undefined;
	const dev = { notes, origin: '', output: '' };
	beforeAll(async () => {
		cpSync(fixturePath(fixture), notes, { recursive: true });
		const { root } = copyProject(folder, notes);
		const port = await freePort();
		dev.origin = `http://127.0.0.1:${port}`;
		const started = spawn(process.execPath, [path.join(projectRoot, 'node_modules/astro/bin/astro.mjs'), 'dev', '--port', String(port), '--host', '127.0.0.1'], {
			cwd: root,
			env: { ...testEnvironment(), NOTES_DIR: notes, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' },
		});
		server = started;
		started.stdout!.on('data', (chunk) => (dev.output += chunk));
		started.stderr!.on('data', (chunk) => (dev.output += chunk));
		// Ready once the home page answers (Vite may restart once while it optimizes dependencies).
		const deadline = Date.now() + 60_000;
		while ((await fetch(`${dev.origin}/`).then((response) => response.status, () => 0)) !== 200) {
			if (Date.now() > deadline || started.exitCode !== null) throw new Error(`astro dev did not start (exit code ${started.exitCode}, ${Date.now() > deadline ? 'timed out' : 'exited'}):\n${dev.output}`);
			await new Promise((resolve) => setTimeout(resolve, 200));
		}
	});
	afterAll(() => {
		server?.kill();
		rmSync(folder, { recursive: true, force: true });
	});
	const page = async (url: string) => {
		const response = await fetch(`${dev.origin}${url}`);
		return { status: response.status, html: await response.text() };
	};
	return { dev, page };
}

describe('npm run dev: the catalogue follows the notes folder', () => {
	const { dev, page } = devServer('deploy-site');
	const notes = dev.notes;

	const titles = async () => selectAll('.note-card__title a', parseHtml((await page('/')).html)).map(textOf);

	test('an edited title shows on the note, the home page and the sidebar without a restart', async () => {
		expect(await titles()).toContain('Welcome');
		const file = path.join(notes, 'welcome.md');
		writeFileSync(file, readFileSync(file, 'utf8').replace('title: Welcome', 'title: Welcome, edited'));
		await expect.poll(titles).toContain('Welcome, edited');
		const sidebar = selectAll('#sidebar a', parseHtml((await page('/aws/networking/peering/')).html)).map(textOf);
		expect(sidebar).toContain('Welcome, edited');
	});

	test('a broken note breaks only its own page, which says why; the report is printed again', async () => {
		const reported = dev.output.length;
		writeFileSync(path.join(notes, 'broken.mdx'), '---\ntitle: Broken\n---\n\n# Broken\n\n<div>{ unclosed\n');
		await expect.poll(async () => (await page('/broken/')).html, { timeout: 15_000 }).toContain('This note could not be built');
		const broken = await page('/broken/');
		expect(broken.html).toMatch(/broken\.mdx:7:1 +MDX syntax error/);
		expect((await page('/')).status).toBe(200);
		expect((await page('/aws/networking/peering/')).status).toBe(200);
		expect(dev.output.slice(reported)).toMatch(/1 problem in the notes \(1 MDX syntax error\)/);
		rmSync(path.join(notes, 'broken.mdx'));
		await expect.poll(async () => (await page('/broken/')).status).toBe(404);

		// A note that built, broken by an edit, and mended.
		const file = path.join(notes, 'aws/explicit-tabs.mdx');
		const before = readFileSync(file, 'utf8');
		writeFileSync(file, `${before}\n<div>{ unclosed\n`);
		await expect.poll(async () => (await page('/aws/explicit-tabs/')).html, { timeout: 15_000 }).toContain('This note could not be built');
		expect((await page('/')).status).toBe(200);
		expect((await page('/aws/networking/peering/')).status).toBe(200);
		writeFileSync(file, before);
		await expect.poll(async () => (await page('/aws/explicit-tabs/')).html, { timeout: 15_000 }).not.toContain('This note could not be built');
		expect((await page('/aws/explicit-tabs/')).status).toBe(200);
	});

	test('a note that throws while its page is made shows why on its page; the report line is printed, other pages work', async () => {
		const reported = dev.output.length;
		writeFileSync(path.join(notes, 'throws.mdx'), '# Throws\n\n{[].at(0).name}\n');
		await expect.poll(async () => (await page('/throws/')).html, { timeout: 15_000 }).toContain('This note could not be rendered');
		expect((await page('/throws/')).html).toMatch(/throws\.mdx {2}the note could not be rendered \(TypeError: Cannot read properties of undefined/);
		expect((await page('/')).status).toBe(200);
		expect((await page('/cheatsheet/')).status).toBe(200);
		expect(dev.output.slice(reported)).toMatch(/1 problem in the notes \(1 note that could not be rendered\)/);
		rmSync(path.join(notes, 'throws.mdx'));
		await expect.poll(async () => (await page('/throws/')).status).toBe(404);
	});

	test('a new note gets its page and its place in the list; a deleted one goes', async () => {
		writeFileSync(path.join(notes, 'fresh.md'), '# Fresh note\n\n## 1. New topic\n\nText.\n');
		await expect.poll(async () => (await page('/fresh/')).status).toBe(200);
		expect(await titles()).toContain('Fresh note');
		rmSync(path.join(notes, 'fresh.md'));
		await expect.poll(async () => (await page('/fresh/')).status).toBe(404);
		expect(await titles()).not.toContain('Fresh note');
	});

	test("an .mdx note's link follows the note it links to: a heading renamed there breaks it", async () => {
		const target = path.join(notes, 'aws/networking/peering.md');
		writeFileSync(target, `${readFileSync(target, 'utf8')}\n\n## Old name\n\nText.\n`);
		writeFileSync(path.join(notes, 'linker.mdx'), '# Linker\n\nSee [[peering#Old name]].\n');
		// The link as the note's text shows it: a link and where it leads, or the text marked broken.
		const link = async () => {
			const article = parseHtml((await page('/linker/')).html);
			const found = selectAll('article a[href*="peering"], article .link-broken', article)[0];
			return found && (found.tagName === 'a' ? String(found.properties.href) : 'broken');
		};
		await expect.poll(link, { timeout: 15_000 }).toBe('/aws/networking/peering/#old-name');
		writeFileSync(target, readFileSync(target, 'utf8').replace('## Old name', '## New name'));
		await expect.poll(link, { timeout: 15_000 }).toBe('broken');
	});
	test('an alias added to a note in dev: a link to it leads there, the page that links rendered again', async () => {
		const target = path.join(notes, 'aws/networking/peering.md');
		writeFileSync(path.join(notes, 'nicknames.md'), '# Nicknames\n\nSee [[pcx]].\n');
		const link = async () => {
			const article = parseHtml((await page('/nicknames/')).html);
			const found = selectAll('article a[href*="peering"], article .link-broken', article)[0];
			return found && (found.tagName === 'a' ? `${textOf(found)} ${String(found.properties.href)}` : 'broken');
		};
		await expect.poll(link, { timeout: 15_000 }).toBe('broken');
		writeFileSync(target, readFileSync(target, 'utf8').replace('description: A note two folders deep.', 'description: A note two folders deep.\naliases: [pcx]'));
		await expect.poll(link, { timeout: 15_000 }).toBe('pcx /aws/networking/peering/');
	});

	test("a query's answer follows the notes it reads: another note edited, in an .md and an .mdx note", async () => {
		const target = path.join(notes, 'aws/networking/peering.md');
		writeFileSync(path.join(notes, 'asks.md'), "# Asks\n\nPeering's description: `= [[peering]].description`\n");
		writeFileSync(path.join(notes, 'asks-too.mdx'), "# Asks too\n\n```dataview\nLIST description\nFROM \"aws\"\n```\n");
		const answer = async (url: string) => {
			const found = selectOne('article .dataview', parseHtml((await page(url)).html));
			return found ? textOf(found) : '';
		};
		await expect.poll(() => answer('/asks/'), { timeout: 15_000 }).toBe('A note two folders deep.');
		await expect.poll(() => answer('/asks-too/'), { timeout: 15_000 }).toContain('A note two folders deep.');
		writeFileSync(target, readFileSync(target, 'utf8').replace('description: A note two folders deep.', 'description: Peering, described again.'));
		await expect.poll(() => answer('/asks/'), { timeout: 15_000 }).toBe('Peering, described again.');
		await expect.poll(() => answer('/asks-too/'), { timeout: 15_000 }).toContain('Peering, described again.');
	});

	test("the site's name: the notes' README heading as it is edited, then site.yml's title (the server starts again)", async () => {
		const siteTitle = async () => textOf(selectOne('header .site-title', parseHtml((await page('/')).html)));
		// No setting, no README.md, no repository around it: the notes folder's name.
		expect(await siteTitle()).toBe('notes');
		writeFileSync(path.join(notes, 'README.md'), '# Networking for the exam\n\nWelcome.\n');
		await expect.poll(siteTitle, { timeout: 15_000 }).toBe('Networking for the exam');
		writeFileSync(path.join(notes, 'site.yml'), 'title: Named in site.yml\n');
		await expect.poll(siteTitle, { timeout: 60_000 }).toBe('Named in site.yml');
	});
});

describe('npm run dev on notes without MDX: the folder is watched though no module of it is imported', () => {
	const { dev, page } = devServer('links-course');

	test('a note saved outside the project shows on its page', async () => {
		const file = path.join(dev.notes, '02-security/iam.md');
		writeFileSync(file, `${readFileSync(file, 'utf8')}\n\nAn edit made while the server runs.\n`);
		await expect.poll(async () => (await page('/02-security/iam/')).html, { timeout: 15_000 }).toContain('An edit made while the server runs.');
	});
});
