import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { listenForBuildDownloads } from './remote-probe.ts';

/**
 * One folder per test run for the sites the build and browser tests build (`builtSite()` in
 * `build.ts`), shared by every project and worker through `NOTES_TEST_RUN` (a folder given there is
 * used as it is, and kept), and the remote probe the figure fixture points at, on a port of its own.
 */
export default async function setup() {
	const given = process.env.NOTES_TEST_RUN;
	const folder = given ?? mkdtempSync(path.join(tmpdir(), 'notes-test-run-'));
	process.env.NOTES_TEST_RUN = folder;
	const probe = await listenForBuildDownloads(folder);
	return async () => {
		await new Promise((resolve) => probe.close(resolve));
		if (given) return;
		rmSync(folder, { recursive: true, force: true });
		delete process.env.NOTES_TEST_RUN;
	};
}
