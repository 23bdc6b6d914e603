import type { LocalImageService } from 'astro';
import sharpService from 'astro/assets/services/sharp';

/**
 * Astro's sharp service, with one promise more: an optimised image is never larger than its source.
 * A screenshot or diagram saved as PNG often comes out larger as lossy WebP at full size (70 kB to
 * 92 kB, measured on the shipped notes): such an output is encoded again, lossless, then at lower
 * qualities, and the first one no larger than the source is kept (else the smallest).
 */
const WEBP_RETRIES = [{ lossless: true }, { quality: 60 }, { quality: 40 }];

type Transform = NonNullable<LocalImageService['transform']>;

const service: LocalImageService = {
	...sharpService,
	async transform(...[inputBuffer, transform, config, logger]: Parameters<Transform>) {
		const first = await sharpService.transform(inputBuffer, transform, config, logger);
		if (first.format !== 'webp' || first.data.length <= inputBuffer.length || transform.quality !== undefined) return first;
		let smallest = first;
		for (const webp of WEBP_RETRIES) {
			const serviceConfig = { ...config.service.config, webp: { ...config.service.config.webp, ...webp } };
			const next = await sharpService.transform(inputBuffer, transform, { ...config, service: { ...config.service, config: serviceConfig } }, logger);
			if (next.data.length < smallest.data.length) smallest = next;
			if (next.data.length <= inputBuffer.length) break;
		}
		return smallest;
	},
};

export default service;
