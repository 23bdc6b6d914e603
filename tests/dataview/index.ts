import { parseIsoDate } from '../../src/dataview/dates.ts';
import { DataviewLink, type DataviewIndex, type DataviewObject, type DataviewPage, type DataviewTask, type DataviewValue } from '../../src/dataview/values.ts';

/** A small vault for the engine's tests: pages by path, wikilinks resolved by note name or path. */

export interface PageSpec {
	readonly path: string;
	readonly fields?: DataviewObject;
	readonly tags?: readonly string[];
	/** Note names this page links to. */
	readonly links?: readonly string[];
	readonly tasks?: readonly DataviewTask[];
	readonly ctime?: string;
}

export function date(text: string) {
	const parsed = parseIsoDate(text);
	if (!parsed) throw new Error(`not a date: ${text}`);
	return parsed;
}

export function task(text: string, completed = false, children: DataviewTask[] = [], fields: DataviewObject = {}): DataviewTask {
	return { text, completed, status: completed ? 'x' : ' ', line: 1, path: '', tags: text.match(/#[\w/]+/g) ?? [], children, ...fields };
}

function nameOf(path: string): string {
	return path.replace(/^.*\//, '').replace(/\.md$/, '');
}

export function vault(specs: readonly PageSpec[]): DataviewIndex {
	const byName = new Map(specs.map((spec) => [nameOf(spec.path).toLowerCase(), spec.path]));
	const resolve = (target: string): DataviewLink | undefined => {
		const [name, subpath] = target.split('#', 2) as [string, string | undefined];
		const path = byName.get(nameOf(name).toLowerCase());
		return path === undefined ? undefined : new DataviewLink(path, { subpath });
	};
	const inlinks = new Map<string, DataviewLink[]>();
	for (const spec of specs) {
		for (const name of spec.links ?? []) {
			const target = resolve(name);
			if (target) inlinks.set(target.path, [...(inlinks.get(target.path) ?? []), new DataviewLink(spec.path)]);
		}
	}
	const pages: DataviewPage[] = specs.map((spec) => {
		const ctime = date(spec.ctime ?? '2024-01-01T10:00');
		const name = nameOf(spec.path);
		const folder = spec.path.includes('/') ? spec.path.replace(/\/[^/]*$/, '') : '';
		const tasks = (spec.tasks ?? []).map(function withPath(each: DataviewTask): DataviewTask {
			return { ...each, path: spec.path, children: each.children.map(withPath) };
		});
		const fields: Record<string, DataviewValue> = {};
		for (const [key, value] of Object.entries(spec.fields ?? {})) fields[key] = value ?? null;
		return {
			...fields,
			file: {
				name,
				path: spec.path,
				folder,
				ext: 'md',
				link: new DataviewLink(spec.path),
				tags: spec.tags ?? [],
				etags: spec.tags ?? [],
				aliases: [],
				inlinks: inlinks.get(spec.path) ?? [],
				outlinks: (spec.links ?? []).map((link) => resolve(link) ?? new DataviewLink(link)),
				tasks,
				lists: [],
				ctime,
				mtime: ctime,
				cday: ctime,
				mday: ctime,
				day: /^\d{4}-\d{2}-\d{2}$/.test(name) ? date(name) : undefined,
				size: 100,
				frontmatter: spec.fields ?? {},
			},
		};
	});
	const byPath = new Map(pages.map((page) => [page.file.path, page]));
	return { pages, page: (link) => byPath.get(link.path), resolve: (target) => resolve(target) };
}
