/**
 * Virtual time for tests: real time plus an offset that only grows. A sleep does not wait: it moves
 * virtual time forward to its own wake-up time at once, so retries, backoffs and timeouts take
 * milliseconds while HTTP stays real. Sleepers wake in wake-up order, one per turn of the event loop,
 * so sleeps that overlap in time overlap here too instead of adding up.
 *
 * The node's clock (`systemClock` in nodes/shared/scheduler/clock.ts) is swapped for one with
 * `useVirtualClock()`; the simulator takes the same clock through its `clock` option.
 */
import { systemClock, type Clock } from '../../nodes/shared/scheduler/clock';
import { throwIfAborted } from '../../nodes/shared/cancel';

interface Sleeper {
	at: number;
	wake: () => void;
}

export class VirtualClock implements Clock {
	private offset = 0;
	private readonly sleepers: Sleeper[] = [];
	private ticking = false;

	now(): number {
		return Date.now() + this.offset;
	}

	/** How far virtual time is ahead of real time, in ms. */
	get aheadMs(): number {
		return this.offset;
	}

	/** As `systemClock.sleep`: ends at once when `signal` fires, and throws the node's cancel error then. */
	async sleep(ms: number, signal?: AbortSignal): Promise<void> {
		throwIfAborted(signal);
		if (ms > 0) {
			await new Promise<void>((resolve) => {
				const sleeper: Sleeper = { at: this.now() + ms, wake: resolve };
				const onAbort = () => {
					const index = this.sleepers.indexOf(sleeper);
					if (index >= 0) this.sleepers.splice(index, 1);
					resolve();
				};
				signal?.addEventListener('abort', onAbort, { once: true });
				sleeper.wake = () => {
					signal?.removeEventListener('abort', onAbort);
					resolve();
				};
				const later = this.sleepers.findIndex((other) => other.at > sleeper.at);
				this.sleepers.splice(later < 0 ? this.sleepers.length : later, 0, sleeper);
				this.tick();
			});
		}
		throwIfAborted(signal);
	}

	/** Wakes the earliest sleeper on the next turn of the event loop, virtual time moved to its wake-up. */
	private tick(): void {
		if (this.ticking) return;
		this.ticking = true;
		setImmediate(() => {
			this.ticking = false;
			const next = this.sleepers.shift();
			if (!next) return;
			this.offset = Math.max(this.offset, next.at - Date.now());
			next.wake();
			if (this.sleepers.length > 0) this.tick();
		});
	}
}

/** Runs the node on `clock` until the returned restore() is called. */
export function useVirtualClock(clock: VirtualClock): () => void {
	const now = jest.spyOn(systemClock, 'now').mockImplementation(() => clock.now());
	const sleep = jest.spyOn(systemClock, 'sleep').mockImplementation(async (ms, signal) => await clock.sleep(ms, signal));
	return () => {
		now.mockRestore();
		sleep.mockRestore();
	};
}
