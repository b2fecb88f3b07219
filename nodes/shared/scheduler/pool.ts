/**
 * Gives every job its own cancel signal behind a single listener on the run's signal: a batch of
 * dozens of waiting tasks would otherwise stack one listener each on one signal, and Node warns of a
 * leak past ten.
 */
class SignalFanOut {
	private readonly leased = new Set<AbortController>();

	constructor(private readonly parent: AbortSignal) {
		parent.addEventListener('abort', () => this.leased.forEach((controller) => controller.abort()), { once: true });
	}

	lease(): { signal: AbortSignal; release: () => void } {
		const controller = new AbortController();
		if (this.parent.aborted) controller.abort();
		this.leased.add(controller);
		return { signal: controller.signal, release: () => this.leased.delete(controller) };
	}
}

export interface PoolResult<R> {
	/** Each item's result, in input order; `undefined` for items that failed or never started. */
	results: (R | undefined)[];
	/** The first failure, which stopped the pool. */
	failure?: { error: unknown; index: number };
}

/**
 * Runs `work` over `items`, at most `concurrency` at once, results in input order. Each call gets its
 * own stop signal, fired when `signal` (the execution's) fires or another call failed. The first call
 * that rejects stops the pool: no further item starts, and the running ones are signalled to stop.
 * Work that must not stop the others (continue-on-fail) resolves with its failure instead.
 */
export async function runPool<T, R>(
	items: readonly T[],
	options: { concurrency: number; signal: AbortSignal | undefined },
	work: (item: T, signal: AbortSignal) => Promise<R>,
): Promise<PoolResult<R>> {
	const stopOthers = new AbortController();
	const runSignal = options.signal ? AbortSignal.any([options.signal, stopOthers.signal]) : stopOthers.signal;
	const signals = new SignalFanOut(runSignal);
	const outcome: PoolResult<R> = { results: new Array<R | undefined>(items.length) };

	let next = 0;
	const worker = async () => {
		while (next < items.length && !runSignal.aborted) {
			const index = next++;
			const lease = signals.lease();
			try {
				outcome.results[index] = await work(items[index], lease.signal);
			} catch (error) {
				outcome.failure ??= { error, index };
				stopOthers.abort();
			} finally {
				lease.release();
			}
		}
	};
	await Promise.all(Array.from({ length: Math.min(options.concurrency, items.length) }, worker));
	return outcome;
}
