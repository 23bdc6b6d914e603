import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { listenForBuildDownloads } from './remote-probe.ts';

/**
 * One folder per test run for the sites the build and browser tests build (`builtSite()` in
 * `build.ts`), shared by every project and worker through `NOTES_TEST_RUN`, and the remote probe
 * the figure fixture points at; both go at the end of the run.
 */
export default async function setup() {
	if (process.env.NOTES_TEST_RUN) return undefined;
	const folder = mkdtempSync(path.join(tmpdir(), 'notes-test-run-'));
	process.env.NOTES_TEST_RUN = folder;
	const probe = await listenForBuildDownloads(folder);
	return async () => {
		await new Promise((resolve) => probe.close(resolve));
		rmSync(folder, { recursive: true, force: true });
		delete process.env.NOTES_TEST_RUN;
	};
}
