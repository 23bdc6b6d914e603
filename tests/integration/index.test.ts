import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';
import { describe, expect, test } from 'vitest';
import notes from '../../src/integration/index.ts';
import { fixturePath, projectRoot, SHIPPED_NOTES } from '../support/build.ts';

type SetupOptions = Parameters<NonNullable<AstroIntegration['hooks']['astro:config:setup']>>[0];

/** A project with no public/CNAME. */
const ROOT = mkdtempSync(path.join(tmpdir(), 'integration-root-'));

/**
 * What `notes()` asks Astro for in `astro:config:setup`, for a project of its own whose notes
 * folder is the shipped notes' copy (or `NOTES_DIR` in `env`): none of the user's settings in the
 * environment count.
 */
function configured(options: Parameters<typeof notes>[0], env: Record<string, string | undefined> = {}) {
	const userSettings = Object.fromEntries(Object.keys(process.env).filter((name) => name.startsWith('NOTES_')).map((name) => [name, undefined]));
	const variables = { ...userSettings, SITE_URL: undefined, BASE_PATH: undefined, GITHUB_ACTIONS: undefined, NOTES_DIR: path.join(projectRoot, SHIPPED_NOTES), ...env };
	const saved = Object.fromEntries(Object.keys(variables).map((key) => [key, process.env[key]]));
	const set = (values: Record<string, string | undefined>) => {
		for (const [key, value] of Object.entries(values)) {
			if (value === undefined) delete process.env[key];
			else process.env[key] = value;
		}
	};
	set(variables);
	try {
		const updates: Record<string, unknown>[] = [];
		const hook = notes(options).hooks['astro:config:setup']!;
		void hook({
			config: { root: pathToFileURL(`${ROOT}/`) },
			command: 'build',
			updateConfig: (update: Record<string, unknown>) => updates.push(update),
			addWatchFile: () => {},
		} as unknown as SetupOptions);
		return Object.assign({}, ...updates) as {
			site?: string;
			base: string;
			integrations: { name: string }[];
			markdown: { processor: { name: string; options: { mdastPlugins: { name: string }[]; hastPlugins: unknown[] } } };
		};
	} finally {
		set(saved);
	}
}

describe('notes(), the one integration', () => {
	test('adds MDX, installs the Sätteri processor with the notes plugins, and no sitemap without a site URL', () => {
		const update = configured({ title: 'My notes' });
		expect(update.integrations.map((integration) => integration.name)).toEqual(['@astrojs/mdx']);
		expect(update.markdown.processor.name).toBe('satteri');
		const { mdastPlugins, hastPlugins } = update.markdown.processor.options;
		// Line breaks only in an Obsidian vault: the shipped notes are not one.
		expect(mdastPlugins).toHaveLength(11);
		// Before the fence languages, which give the highlighter what the diagrams left.
		expect(mdastPlugins.at(-2)?.name).toBe('remark-diagrams');
		expect(hastPlugins).toHaveLength(9);
		expect(update).toMatchObject({ site: undefined, base: '/' });
	});

	test('in an Obsidian vault, a newline is a line break: one Markdown plugin more', () => {
		const { mdastPlugins } = configured({}, { NOTES_DIR: fixturePath('syntax-vault') }).markdown.processor.options;
		expect(mdastPlugins).toHaveLength(12);
		expect(mdastPlugins.map((plugin) => plugin.name)).toContain('remark-line-breaks');
	});

	test('with a site URL: the sitemap too, and the base from its path', () => {
		const update = configured({}, { SITE_URL: 'https://alice.github.io/aws-notes/' });
		expect(update.integrations.map((integration) => integration.name)).toEqual(['@astrojs/mdx', '@astrojs/sitemap']);
		expect(update).toMatchObject({ site: 'https://alice.github.io', base: '/aws-notes/' });
	});

	test('a bad setting stops at once, naming every bad key', () => {
		expect(() => configured({ title: '', colour: 'red' } as never)).toThrow(/title: .*\n.*colour/s);
	});

	test('astro.config.mjs is the user\'s settings and the integration: at most 20 lines of code', () => {
		const code = readFileSync(new URL('../../astro.config.mjs', import.meta.url), 'utf8')
			.split('\n')
			.filter((line) => line.trim() && !/^\s*(\/\/|\/\*|\*)/.test(line));
		expect(code.length).toBeLessThanOrEqual(20);
		// The settings live with the notes, in site.yml.
		expect(code.join('\n')).toMatch(/integrations: \[\s*notes\(\)/);
	});
});
