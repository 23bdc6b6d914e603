// Runs one Astro build in its own process: `node run-build.ts '<json options>'`.
import { build } from 'astro';

const { root, outDir, cacheDir, base, site } = JSON.parse(process.argv[2]) as Record<string, string | undefined>;
try {
	await build({ root, outDir, cacheDir, base, site, logLevel: 'info' });
} catch (error) {
	console.error(error instanceof Error ? `${error.name}: ${error.message}` : String(error));
	process.exit(1);
}
