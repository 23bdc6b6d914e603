// Runs one Astro build in its own process: `node run-build.ts '<json options>'`.
// Where the site is served comes from the project's config (BASE_PATH, SITE_URL... in the environment).
import { build } from 'astro';

const { root, outDir, cacheDir } = JSON.parse(process.argv[2]) as Record<string, string | undefined>;
try {
	await build({ root, outDir, cacheDir, logLevel: 'info' });
} catch (error) {
	console.error(error instanceof Error ? `${error.name}: ${error.message}` : String(error));
	process.exit(1);
}
