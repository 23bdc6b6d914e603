import { load } from 'js-yaml';

/** YAML read: its value, or why it is not YAML and the line (0-based) where that was found. */
export type YamlRead = { ok: true; value: unknown } | { ok: false; reason: string; line?: number };

/** A line of a comment, or blank. */
const NOTHING_WRITTEN = /^\s*(?:#.*)?$/;

/** Reads YAML text (front matter, `site.yml`); text with nothing but comments is an empty mapping. */
export function readYaml(yaml: string): YamlRead {
	// js-yaml refuses text with no document in it.
	if (yaml.split('\n').every((line) => NOTHING_WRITTEN.test(line))) return { ok: true, value: {} };
	try {
		return { ok: true, value: load(yaml) ?? {} };
	} catch (error) {
		const mark = (error as { mark?: { line: number } }).mark;
		return { ok: false, reason: (error as { reason?: string }).reason ?? String(error), line: mark?.line };
	}
}

export const isMapping = (value: unknown): value is Record<string, unknown> => Boolean(value) && typeof value === 'object' && !Array.isArray(value);
