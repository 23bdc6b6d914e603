import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import type { DiagramOccurrence } from '../../src/diagrams/prepare.ts';
import { diagramIconsModule } from '../../src/integration/diagrams.ts';

// Every read of a file goes through a spy, to tell whether the 8.7 MB logos pack was opened.
vi.mock('node:fs', async (importOriginal) => {
	const actual = await importOriginal<typeof import('node:fs')>();
	return { ...actual, readFileSync: vi.fn(actual.readFileSync) };
});

const PACK_FILE = createRequire(import.meta.url).resolve('@iconify-json/logos/icons.json');
interface Pack {
	prefix: string;
	icons: Record<string, { body: string }>;
	aliases?: Record<string, { parent: string }>;
	width?: number;
	height?: number;
}
const pack = JSON.parse(fs.readFileSync(PACK_FILE, 'utf8')) as Pack;
const packReads = () => vi.mocked(fs.readFileSync).mock.calls.filter(([file]) => String(file) === PACK_FILE).length;

const occurrence = (code: string): DiagramOccurrence => ({ file: 'notes/a.md', diagram: { code, origin: 'fence' }, key: code });
const architecture = (...services: string[]) =>
	['architecture-beta', '  group vpc(cloud)[VPC]', ...services.map((icon, i) => `  service s${i}(${icon})[Service ${i}] in vpc`)].join('\n');

/** What the built module's loader gives mermaid: the module's code run as the browser would. */
async function iconsOf(code: string): Promise<Pack> {
	const module = (await import(/* @vite-ignore */ `data:text/javascript,${encodeURIComponent(code)}`)) as { default: () => Promise<Pack> };
	return module.default();
}

beforeEach(() => {
	vi.mocked(fs.readFileSync).mockClear();
});

describe('diagramIconsModule, the logos icons shipped for the browser', () => {
	test('in a build, holds exactly the icons the diagrams name, with the pack\'s own data, and nothing else', async () => {
		const code = diagramIconsModule([
			occurrence(architecture('logos:aws-ec2', 'logos:aws-s3', 'database')),
			occurrence(architecture('logos:aws-s3')),
			// Any mention counts, not only architecture services: a flowchart's icon shape.
			occurrence('flowchart LR\n  A@{ icon: "logos:aws-cloudwatch", label: "Metrics" } --> B'),
			occurrence('flowchart LR\n  A --> B'),
		]);
		const icons = await iconsOf(code);
		expect(Object.keys(icons.icons).sort()).toEqual(['aws-cloudwatch', 'aws-ec2', 'aws-s3']);
		for (const name of ['aws-cloudwatch', 'aws-ec2', 'aws-s3']) expect(icons.icons[name], name).toEqual(pack.icons[name]);
		expect(icons.aliases).toEqual({});
		expect(icons).toMatchObject({ prefix: 'logos', width: pack.width, height: pack.height });
		// A few icons, not the 2,000-odd of the pack.
		expect(code.length).toBeLessThan(50_000);
	});

	test('an alias ships with the icon it points to, and only those', async () => {
		expect(pack.aliases?.tux).toEqual({ parent: 'linux-tux' });
		const icons = await iconsOf(diagramIconsModule([occurrence(architecture('logos:tux'))]));
		expect(icons.aliases).toEqual({ tux: { parent: 'linux-tux' } });
		expect(Object.keys(icons.icons)).toEqual(['linux-tux']);
		expect(icons.icons['linux-tux']).toEqual(pack.icons['linux-tux']);
	});

	test('diagrams naming no logo give an empty pack, and the logos pack file is not read', async () => {
		for (const occurrences of [
			[],
			[occurrence('flowchart LR\n  A --> B'), occurrence(architecture('cloud', 'database', 'server'))],
			// Another pack's icon is not a logo.
			[occurrence(architecture('mdi:home'))],
		]) {
			vi.mocked(fs.readFileSync).mockClear();
			const icons = await iconsOf(diagramIconsModule(occurrences));
			expect(icons).toEqual({ prefix: 'logos', icons: {}, aliases: {} });
			expect(packReads()).toBe(0);
		}
	});

	test('the pack is read when a logo is named (the spy above sees the reads it must not see)', () => {
		diagramIconsModule([occurrence(architecture('logos:aws-ec2'))]);
		expect(packReads()).toBe(1);
	});

	test('an icon the pack lacks does not throw: it is left out, and the icons that exist still ship', async () => {
		const unknown = await iconsOf(diagramIconsModule([occurrence(architecture('logos:aws-not-an-icon'))]));
		expect(unknown).toEqual({ prefix: 'logos', icons: {}, aliases: {}, width: pack.width, height: pack.height });
		const mixed = await iconsOf(diagramIconsModule([occurrence(architecture('logos:aws-not-an-icon', 'logos:aws-s3'))]));
		expect(Object.keys(mixed.icons)).toEqual(['aws-s3']);
		expect(mixed.aliases).toEqual({});
	});

	test('in dev (no occurrences), loads the whole pack lazily instead of inlining it, and reads nothing now', () => {
		const code = diagramIconsModule(undefined);
		expect(code).toContain("import('@iconify-json/logos/icons.json')");
		expect(code).not.toContain('aws-ec2');
		expect(packReads()).toBe(0);
	});
});
