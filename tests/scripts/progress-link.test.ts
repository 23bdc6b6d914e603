import { describe, expect, test } from 'vitest';
import { PROGRESS_FRAGMENT, progressLink, progressOfFragment } from '../../src/scripts/progress-link.ts';
import type { ReviewStore } from '../../src/scripts/review-store.ts';

const store: ReviewStore = {
	version: 1,
	cards: {
		'abcdefghijkl': { due: '2026-12-10T08:00:00.000Z', state: 2, last_review: '2026-12-06T08:00:00.000Z', stability: 4.93, note: 'vault/ports', folder: 'vault' },
		'Mnopqrstu-_1': { due: '2026-12-07T08:00:00.000Z', state: 1, last_review: '2026-12-06T09:00:00.000Z', note: 'aws/vpc', folder: 'aws' },
	},
	dues: [1],
};

describe('the "move to another device" link', () => {
	test("carries the cards' progress in the fragment, compressed, in base64url; the home page's counts stay behind", async () => {
		const link = await progressLink('https://user.github.io/notes/review/', store);
		expect(link).toMatch(/^https:\/\/user\.github\.io\/notes\/review\/#progress=[\w-]+$/);
		expect(await progressOfFragment(new URL(link).hash)).toEqual({ version: 1, cards: store.cards });
	});

	test('compresses: many similar cards take far fewer characters than their JSON', async () => {
		const cards = Object.fromEntries(Array.from({ length: 50 }, (_, index) => [`card${String(index).padStart(8, '0')}`, { ...store.cards.abcdefghijkl! }]));
		const link = await progressLink('/review/', { version: 1, cards });
		expect(link.length).toBeLessThan(JSON.stringify(cards).length / 5);
	});

	test('a fragment that is not progress carries none', async () => {
		expect(await progressOfFragment('')).toBeUndefined();
		expect(await progressOfFragment('#flow-logs')).toBeUndefined();
		expect(await progressOfFragment(`${PROGRESS_FRAGMENT}not-deflate`)).toBeUndefined();
		const notProgress = await progressLink('', { version: 2, cards: {} } as unknown as ReviewStore);
		expect(await progressOfFragment(notProgress)).toBeUndefined();
	});
});
