import { sleep } from 'n8n-workflow';

import { throwIfAborted } from '../cancel';

/**
 * Time as the node sees it. Everything that reads the time or waits (the scheduler, the transport's
 * retries and backoff, the rate limiter) goes through one Clock, so a test can run it on virtual time.
 */
export interface Clock {
	/** Epoch milliseconds. */
	now(): number;
	/**
	 * Waits `ms`, ending at once when `signal` fires. Throws `ExecutionCanceledError` when the signal
	 * fired before or during the wait.
	 */
	sleep(ms: number, signal: AbortSignal | undefined): Promise<void>;
}

/** The real clock: `Date.now` and n8n's `sleep`. Its methods are looked up on each call. */
export const systemClock: Clock = {
	now: () => Date.now(),
	async sleep(ms, signal) {
		throwIfAborted(signal);
		// Older n8n versions ignore sleep's signal argument, so the signal is checked again after every
		// wait; sleep rejects only when the signal fires, which the check turns into ExecutionCanceledError.
		if (ms > 0) await sleep(ms, signal).catch(() => undefined);
		throwIfAborted(signal);
	},
};
