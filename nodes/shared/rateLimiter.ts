import { systemClock, type Clock } from './scheduler/clock';

/** A token bucket shared by every request of one run to one provider. */
export class RateLimiter {
	private tokens: number;
	private updatedAt: number;
	private queue: Promise<void> = Promise.resolve();

	constructor(
		private readonly perSecond: number,
		private readonly burst: number,
		private readonly clock: Clock = systemClock,
	) {
		this.tokens = burst;
		this.updatedAt = clock.now();
	}

	/** Resolves when a request may be sent; callers are served in arrival order. */
	async take(signal?: AbortSignal): Promise<void> {
		const turn = this.queue.then(async () => await this.waitForToken(signal));
		this.queue = turn.catch(() => undefined);
		await turn;
	}

	private async waitForToken(signal?: AbortSignal): Promise<void> {
		for (;;) {
			const now = this.clock.now();
			this.tokens = Math.min(this.burst, this.tokens + ((now - this.updatedAt) / 1000) * this.perSecond);
			this.updatedAt = now;
			if (this.tokens >= 1) {
				this.tokens -= 1;
				return;
			}
			await this.clock.sleep(Math.ceil(((1 - this.tokens) / this.perSecond) * 1000), signal);
		}
	}
}
