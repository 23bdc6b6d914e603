import { readFileSync } from 'node:fs';
import path from 'node:path';
import sharpService from 'astro/assets/services/sharp';
import { describe, expect, test } from 'vitest';
import service from '../../src/images/service.ts';
import { projectRoot, SHIPPED_NOTES } from '../support/build.ts';

type Transform = NonNullable<typeof service.transform>;
const config = { service: { entrypoint: 'astro/assets/services/sharp', config: {} } } as unknown as Parameters<Transform>[2];
const logger = { warn() {}, info() {}, error() {}, debug() {} } as unknown as Parameters<Transform>[3];

describe('the image service', () => {
	// A screenshot of the shipped notes, 1,600 px wide: sharp's lossy WebP of it at full size is larger than the PNG.
	const source = readFileSync(path.join(projectRoot, SHIPPED_NOTES, 'img/advVPCflowlogconcepts.png'));

	test('never gives an image larger than its source, at any width of the srcset', async () => {
		const plain = await sharpService.transform(source, { src: 'x.png', width: 1600, format: 'webp' }, config, logger);
		expect(plain.data.length).toBeGreaterThan(source.length);
		for (const width of [640, 1080, 1280, 1600]) {
			const result = await service.transform!(source, { src: 'x.png', width, format: 'webp' }, config, logger);
			expect(result.format).toBe('webp');
			expect(result.data.length, `${width} px`).toBeLessThanOrEqual(source.length);
		}
	});

	test('leaves an output already smaller than its source as sharp made it', async () => {
		const plain = await sharpService.transform(source, { src: 'x.png', width: 640, format: 'webp' }, config, logger);
		const ours = await service.transform!(source, { src: 'x.png', width: 640, format: 'webp' }, config, logger);
		expect(Buffer.compare(Buffer.from(ours.data), Buffer.from(plain.data))).toBe(0);
	});
});
