import { describe, expect, test } from 'vitest';
import { weakestTopics } from '../../src/scripts/weak-topics.ts';

describe('the weakest topics', () => {
	test('cards of a topic count together; never forgotten is not weak; most forgotten first, then least likely recalled', () => {
		const card = (href: string, forgotten: number, retrievability: number) => ({ href, title: href, forgotten, retrievability });
		const topics = weakestTopics([card('a/#x', 1, 0.9), card('a/#x', 1, 0.5), card('b/', 2, 0.8), card('c/#y', 0, 0.1), card('d/#z', 2, 0.3)]);
		expect(topics.map(({ href, forgotten, retrievability }) => [href, forgotten, retrievability])).toEqual([
			['d/#z', 2, 0.3],
			['a/#x', 2, 0.5],
			['b/', 2, 0.8],
		]);
		expect(weakestTopics([card('a/', 1, 1), card('b/', 1, 1)], 1)).toHaveLength(1);
	});
});
