import { describe, expect, test } from 'vitest';
import { isSummaryHeading } from '../../src/dom/card.ts';
import { noteCards, type NoteCard } from '../../src/notes/cards.ts';
import { readNoteContents } from '../../src/notes/note-tree.ts';
import { prepareNote } from '../../src/notes/prepare-source.ts';

/** A note's cards as the catalogue lists them: kind and line, and ids where a test needs them. */
function cardsOf(markdown: string, { tags = ['flashcards'], path = 'deck.md' } = {}): NoteCard[] {
	const source = prepareNote(markdown).text;
	const contents = readNoteContents(source, 'md', { liftTitle: true });
	return noteCards(path, contents.topics, contents.cardSources, [...tags, ...contents.inlineTags]);
}
const kinds = (markdown: string, options?: Parameters<typeof cardsOf>[1]) => cardsOf(markdown, options).map(({ kind, line }) => `${kind}@${line}`);

describe('cards from the spaced-repetition syntax', () => {
	test('Question::Answer is one card; Question:::Answer two, one each way', () => {
		expect(kinds('What is a VPC?::A virtual network\n\nCapital of France:::Paris\n')).toEqual(['forward@1', 'forward@3', 'reverse@3']);
	});

	test('each `::` line of a paragraph is a card of its own; the other lines stay prose', () => {
		expect(kinds('Some prose first\nSSH::22\nHTTPS::443\nmore prose\n')).toEqual(['forward@2', 'forward@3']);
	});

	test('a card in a list item, or a callout, is a card', () => {
		expect(kinds('- plain item\n- Port of SSH::22\n\n> [!note]\n> TTL::time to live\n')).toEqual(['forward@2', 'forward@5']);
	});

	test("in a callout, the callout's marker is not part of the card: the callout is drawn around it", () => {
		expect(kinds('> [!faq] How to create a user?\n> ?\n> `useradd name`\n\n>[!faq] Which file holds users?::`/etc/passwd`\n')).toEqual(['forward@1', 'forward@5']);
	});

	test('multi-line: question lines, `?`, answer lines (a list right under it too) up to a blank line; `??` both ways', () => {
		expect(kinds('Why are flow logs\nnot realtime?\n?\nThey are batched\n- every 10 minutes\n\nNot part of it\n')).toEqual(['forward@1']);
		expect(kinds('Front\n??\nBack\n')).toEqual(['forward@1', 'reverse@1']);
		expect(kinds('?\nno question\n')).toEqual([]);
		expect(kinds('A question with nothing after\n?\n\nA paragraph\n')).toEqual([]);
	});

	test('code, inline code and maths are not cards; neither are IPv6 addresses', () => {
		expect(kinds('```cpp\nstd::vector<int> v;\n```\n\nUse `std::move` here\n\n$a::b$\n\nThe gateway is fe80::1 and ::1 is loopback; 2001:db8::/32 too\n')).toEqual([]);
		expect(kinds('    indented::code\n')).toEqual([]);
		expect(kinds('lst[\\:\\:-1] reverses a list\n')).toEqual([]);
	});

	test('an empty side is not a card', () => {
		expect(kinds('::answer only\n\nquestion only::\n')).toEqual([]);
	});

	test('cloze: each ==highlight== of a paragraph is a card', () => {
		expect(kinds('The ==VPC router== is at ==.1== of the subnet.\n')).toEqual(['cloze@1', 'cloze@1']);
	});

	test('only a note tagged #flashcards (front matter or inline, nested tags too) has cards in the plugin\'s syntax, as the plugin wants', () => {
		const note = 'Port of SSH::22\n\nThe ==VPC router== is at ==.1==.\n\nUse String::from and std::vector here.\n';
		expect(kinds(note, { tags: [] })).toEqual([]);
		expect(kinds(note, { tags: ['flashcardsish'] })).toEqual([]);
		expect(kinds(`#flashcards/aws\n\n${note}`, { tags: [] })).toEqual(['forward@3', 'cloze@5', 'cloze@5', 'forward@7']);
		// Summaries are cards in every note.
		expect(kinds('## 1. Topic\n\n### summary\n\n- a\n', { tags: [] })).toEqual(['summary@1']);
	});

	test("the plugin's scheduling comments are removed: the same card, whatever Obsidian wrote after it", () => {
		const [plain] = cardsOf('Port of SSH::22\n');
		const [scheduled] = cardsOf('Port of SSH::22 <!--SR:!2024-01-05,3,250-->\n');
		expect(scheduled.id).toBe(plain.id);
		expect(prepareNote('Q::A\n<!--SR:!2024-01-05,3,250-->\n').text).toBe('Q::A\n\n');
		// In code, it is code.
		expect(prepareNote('```\n<!--SR:x-->\n```\n').text).toContain('<!--SR:x-->');
	});
});

describe('card ids', () => {
	test('a card keeps its id when it moves within its note; another text or note gives another id', () => {
		const [before] = cardsOf('Port of SSH::22\n');
		const moved = cardsOf('# Intro\n\nSome text first.\n\n- Port of SSH::22\n');
		expect(moved.map((card) => card.id)).toEqual([before.id]);
		expect(cardsOf('Port of SSH::2222\n')[0].id).not.toBe(before.id);
		expect(cardsOf('Port of SSH::22\n', { path: 'other.md' })[0].id).not.toBe(before.id);
	});

	test('the same card twice in a note, and the two ways of a reversed card, get distinct ids', () => {
		const ids = cardsOf('SSH::22\n\nSSH::22\n\nHTTPS:::443\n').map((card) => card.id);
		expect(new Set(ids).size).toBe(4);
	});
});

describe('cards from the house format', () => {
	const note = '## 1. VPC Flow Logs\n\n#\n\n### summary\n\n- monitors traffic\n\n### concepts\n\n- metadata only\n- Levels?::VPC, subnet, interface\n\n## 2. Egress-Only Gateway\n\n### concepts\n\n- no summary here\n';

	test('a topic with a summary section is a card; its flashcards belong to it', () => {
		expect(cardsOf(note).map(({ kind, topic }) => `${kind} ${topic}`)).toEqual(['summary vpc-flow-logs', 'forward vpc-flow-logs']);
	});

	test('summary headings as people write them', () => {
		for (const heading of ['summary', 'Summary', 'SUMMARY:', 'TL;DR', 'Key points']) expect(isSummaryHeading(heading), heading).toBe(true);
		for (const heading of ['concepts', 'summary of costs', 'architecture']) expect(isSummaryHeading(heading), heading).toBe(false);
	});
});
