import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import {
	CACHE_FORMAT,
	DiagramCache,
	diagramBaseId,
	diagramKey,
	renderSettings,
	settingsDigest,
	type DiagramEntry,
} from '../../src/diagrams/cache.ts';

const settings = renderSettings();
const digest = settingsDigest(settings);

describe('diagram cache keys', () => {
	test('the settings name the installed mermaid and logos versions, the format and both themes', () => {
		expect(settings.mermaid).toMatch(/^12\./);
		expect(settings.icons).toMatch(/^\d+\.\d+\.\d+/);
		expect(settings.format).toBe(CACHE_FORMAT);
		expect(Object.keys(settings.themes)).toEqual(['light', 'dark']);
	});

	test('the same code gives the same key; any change of code or settings gives another', () => {
		const key = diagramKey('flowchart LR\n  A --> B', digest);
		expect(key).toMatch(/^[0-9a-f]{64}$/);
		expect(diagramKey('flowchart LR\n  A --> B', digest)).toBe(key);
		expect(diagramKey('flowchart LR\n  A --> C', digest)).not.toBe(key);
		expect(diagramKey('flowchart LR\n  A --> B', settingsDigest({ ...settings, mermaid: '12.99.0' }))).not.toBe(key);
		expect(diagramKey('flowchart LR\n  A --> B', settingsDigest({ ...settings, icons: '0.0.1' }))).not.toBe(key);
		const darker = structuredClone(settings);
		Object.assign(darker.themes.dark.themeVariables, { background: '#000000' });
		expect(diagramKey('flowchart LR\n  A --> B', settingsDigest(darker))).not.toBe(key);
	});

	test('the base id is a short, stable prefix of the key', () => {
		const key = diagramKey('pie', digest);
		expect(diagramBaseId(key)).toBe(`dg-${key.slice(0, 10)}`);
	});
});

describe('DiagramCache', () => {
	const temporary = () => path.join(mkdtempSync(path.join(tmpdir(), 'diagram-cache-')), 'nested', 'cache');

	test('writes entries atomically and reads them back', () => {
		const cache = new DiagramCache(temporary());
		const entry: DiagramEntry = { status: 'error', message: 'Parse error on line 1', line: 1 };
		expect(cache.read('abc')).toBeUndefined();
		cache.write('abc', entry);
		expect(cache.read('abc')).toEqual(entry);
		expect(readdirSync(cache.dir)).toEqual(['abc.json']);
	});

	test('a damaged entry counts as missing, so the diagram is rendered again', () => {
		const cache = new DiagramCache(temporary());
		cache.write('k', { status: 'error', message: 'x' });
		writeFileSync(cache.file('k'), '{"status": "rend');
		expect(cache.read('k')).toBeUndefined();
		writeFileSync(cache.file('k'), '{"status": "other"}');
		expect(cache.read('k')).toBeUndefined();
	});
});
