import { WanError } from '../errors';
import { TERMINAL_STATUSES, type TaskState } from '../types';
import type { Clock } from './clock';
import type { JobSettings, TaskReport } from './types';

export const isTerminal = (state: TaskState) => TERMINAL_STATUSES.includes(state.status);

/** The newer state, with the usage an earlier answer reported where it has none (EvoLink reports it on submit only). */
function keepUsage(earlier: TaskState, newer: TaskState): TaskState {
	return newer.usage || !earlier.usage ? newer : { ...newer, usage: earlier.usage };
}

export interface PollerOptions {
	clock: Clock;
	/** Stops the waiting at once. */
	signal: AbortSignal | undefined;
	settings: Pick<JobSettings, 'pollIntervalMs' | 'timeoutMs' | 'onTimeout'>;
	/** One status request, read: the task's state now. Gives up (rejects) no later than `deadline`. */
	poll(deadline: number): Promise<TaskState>;
	/** Sees every state read, the first one included. */
	onState(state: TaskState): void;
	/** The error for a task still running at its deadline. */
	timedOut(state: TaskState): WanError;
}

/**
 * Polls one task until it ends or its timeout. The first poll waits for the provider's own estimate
 * where it gives one (EvoLink's `estimated_time`), so a batch does not poll hot while nothing can be
 * done; after that, every poll interval. No sleep follows a terminal state. The timeout counts from
 * `respondedAt`, the provider's answer to the submit: a slow submit does not eat into it. At the
 * timeout the task is returned as it stands (`returnPending`) or fails with `timedOut`.
 */
export async function pollUntilDone(report: TaskReport, respondedAt: number, options: PollerOptions): Promise<TaskReport> {
	const { clock, settings } = options;
	const deadline = respondedAt + settings.timeoutMs;
	let { state } = report;
	options.onState(state);
	const timeUp = (): TaskReport => {
		if (settings.onTimeout === 'returnPending') return { ...report, state };
		throw options.timedOut(state);
	};
	let nextPollAt = respondedAt + (state.estimatedSeconds ? state.estimatedSeconds * 1000 : settings.pollIntervalMs);
	while (!isTerminal(state)) {
		const now = clock.now();
		if (now >= deadline) return timeUp();
		await clock.sleep(Math.min(nextPollAt, deadline) - now, options.signal);
		const polled = await options.poll(deadline).then(
			(read) => ({ read }),
			(error: unknown) => ({ error }),
		);
		if ('error' in polled) {
			// Transient failures that ran into the deadline: the task is still there, so this is a timeout.
			if (polled.error instanceof WanError && polled.error.transient) return timeUp();
			throw polled.error;
		}
		state = keepUsage(state, polled.read);
		nextPollAt = clock.now() + settings.pollIntervalMs;
		options.onState(state);
	}
	return { ...report, state, completedAt: clock.now() };
}
