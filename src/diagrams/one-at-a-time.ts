/**
 * A queue that runs the tasks it is given one after the other, in order. A task that fails rejects
 * its own promise and does not stop the next. Browser-safe: the build's renderer and the
 * `notes-diagram` element both draw one diagram at a time with it (each sets mermaid's global
 * configuration for its theme first).
 */
export function oneAtATime(): <T>(task: () => Promise<T>) => Promise<T> {
	let queue: Promise<unknown> = Promise.resolve();
	return (task) => {
		const run = queue.then(task);
		queue = run.catch(() => undefined);
		return run;
	};
}
