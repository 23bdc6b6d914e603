// Build-time cost of the notes' graphs: every note's neighbours chosen and laid out, as the pages
// of a build of `count` notes do, at depth 1 (the default) and at depth 2 with shared tags.
//   node tests/bench/graph-layout.ts [count]        (default 1000)
// Prints the processor time of each and the nodes drawn per note.
import { localGraph, neighbourIndex, type GraphSettings } from '../../src/notes/local-graph.ts';
import { random } from '../support/random.ts';

const count = Number(process.argv[2] ?? 1000);
const pick = random(1000);
const notes = Array.from({ length: count }, (_, index) => ({
	slug: `folder-${index % 25}/note-${index}`,
	title: `Note ${index} on ${pick.pick(['routing', 'subnets', 'peering', 'endpoints', 'identity and access management'])}`,
	tags: [`topic-${index % 30}`],
	backlinks: [] as { slug: string; title: string; embed: boolean }[],
}));
// Links as study notes have them: a few each, most to the notes nearby, some to a few much-linked hubs.
for (const [index, note] of notes.entries()) {
	for (let link = 0; link < 1 + pick.int(8); link++) {
		const target = pick.next() < 0.2 ? notes[pick.int(20)] : notes[(index + 1 + pick.int(40)) % count];
		if (target !== note) target.backlinks.push({ slug: note.slug, title: note.title, embed: false });
	}
}

const settings: GraphSettings[] = [
	{ depth: 1, tags: false },
	{ depth: 2, tags: true },
];
for (const setting of settings) {
	const before = process.cpuUsage();
	const index = neighbourIndex(notes);
	let nodes = 0;
	for (const note of notes) nodes += localGraph(note.slug, index, setting)?.nodes.length ?? 0;
	const { user, system } = process.cpuUsage(before);
	console.log(`depth ${setting.depth}, tags ${setting.tags}: ${((user + system) / 1000).toFixed(0)} ms for ${count} notes, ${(nodes / count).toFixed(1)} nodes a graph`);
}
