import { beforeAll, describe, expect, test } from 'vitest';
import { GRAPH_CLASS } from '../../src/dom/graph.ts';
import { builtSite, fixturePath, type BuiltSite } from '../support/build.ts';
import { parseHtml, select, selectAll, selectOne, textOf } from '../support/html.ts';

/** `graph-vault` sets `graph: { depth: 2, tags: true }` in its site.yml. */
describe('the graph of a note’s neighbours', () => {
	let site: BuiltSite;
	beforeAll(() => {
		site = builtSite(fixturePath('graph-vault'), { base: '/notes/' });
		expect(site.exitCode, site.output).toBe(0);
	});
	const graphOf = (page: string) => select(`section.${GRAPH_CLASS}`, parseHtml(site.page(page)));

	test('every node is a link to its note, named by its title; the centre is the page itself', () => {
		const graph = graphOf('vpc/index.html')!;
		const nodes = selectAll('svg a', graph).map((node) => ({
			href: node.properties.href,
			title: textOf(selectOne('title', node)),
			classes: node.properties.className,
			current: node.properties.ariaCurrent,
		}));
		expect(nodes).toEqual([
			{ href: '/notes/vpc/', title: 'VPC', classes: ['graph__node', 'graph__node--centre'], current: 'page' },
			{ href: '/notes/subnets/', title: 'Subnets', classes: ['graph__node', 'graph__node--both'], current: undefined },
			{ href: '/notes/routing/', title: 'Routing', classes: ['graph__node', 'graph__node--out'], current: undefined },
			{ href: '/notes/security-groups/', title: 'Security groups', classes: ['graph__node', 'graph__node--in'], current: undefined },
			{ href: '/notes/iam/', title: 'An identity and access management note with a long title', classes: ['graph__node', 'graph__node--tag'], current: undefined },
			{ href: '/notes/cidr/', title: 'CIDR block', classes: ['graph__node', 'graph__node--second'], current: undefined },
		]);
		expect(textOf(selectOne('a[href="/notes/iam/"] text', graph))).toBe('An identity and acc…');
		expect(selectAll('svg path.graph__edge--tag', graph).map((path) => String(path.properties.d).split('M').length - 1)).toEqual([1]);
		expect(selectOne('svg', graph).properties.ariaLabelledBy).toEqual([selectOne('h2', graph).properties.id]);
	});

	test('the same notes as a list, each saying how it is linked', () => {
		const list = selectOne('details.graph__list', graphOf('vpc/index.html')!);
		expect(textOf(selectOne('summary', list))).toBe('5 linked notes as a list');
		expect(selectAll('li', list).map((item) => [selectOne('a', item).properties.href, textOf(item)])).toEqual([
			['/notes/subnets/', 'Subnets links both ways'],
			['/notes/routing/', 'Routing this note links to it'],
			['/notes/security-groups/', 'Security groups links to this note'],
			['/notes/iam/', 'An identity and access management note with a long title shares #AWS'],
			['/notes/cidr/', 'CIDR block through Subnets'],
		]);
	});

	test('a note with no links and no tags has no graph', () => {
		expect(graphOf('lonely/index.html')).toBeUndefined();
	});
});
