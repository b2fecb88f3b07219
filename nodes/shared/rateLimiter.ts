import { systemClock, type Clock } from './scheduler/clock';

/** The slowest pace a run falls back to, however often the provider answers 429. */
const MIN_PER_SECOND = 0.5;
/** 429s answering requests sent together are one signal: the pace drops at most once in this window. */
const DECREASE_WINDOW_MS = 1000;
/**
 * How fast the pace grows back, in requests per second gained per second of answers. Slow, because each
 * probe past the account's limit costs a Retry-After pause for the whole run.
 */
const RECOVERY_PER_SECOND = 0.1;
/**
 * Where the pace settles under a limit the provider showed: a little below it, since a pace right at a
 * limit counted over a sliding second trips it on the smallest jitter, and each 429 holds the whole run.
 */
const BELOW_LIMIT = 0.95;
/** Past the limit last shown, the pace grows this many times slower: probing it again costs a Retry-After. */
const PAST_LIMIT_SLOWDOWN = 10;

/** A pace of requests: sustained per second, and the burst allowed before the first 429. */
export interface RateLimit {
	perSecond: number;
	burst: number;
}

/** A provider's pace for one run; where it limits submits apart from the rest (per model), their own. */
export interface ProviderRateLimit extends RateLimit {
	submitsPerModel?(modelId: string): RateLimit;
}

/**
 * Where a provider publishes no limit: fast enough for a few hundred tasks in seconds, and slowed to the
 * account's real limit by its first 429s.
 */
export const GENEROUS_RATE: RateLimit = { perSecond: 100, burst: 100 };

/**
 * The pace of one run's requests to one provider, shared by all its tasks, callers served in arrival order
 * (so neither submits nor polls can starve the other). It starts at the provider's rate and finds the
 * account's real limit: a 429 sets the whole run's rate just below what the provider answered in the last
 * second (half the rate when that says nothing; once for 429s sent together) and holds every request until
 * its Retry-After has passed; answers then bring it back by a tenth of a request per second each second,
 * ten times slower past the limit the provider showed, up to the starting rate.
 */
export class RateLimiter {
	private perSecond: number;
	private tokens: number;
	private updatedAt: number;
	private heldUntil = 0;
	private decreasedAt = -Infinity;
	/** The pace the provider last refused: what it admitted in the second before (or the pace then). */
	private limitShown = Infinity;
	/** When the provider answered, over the last second. */
	private answers: number[] = [];
	private queue: Promise<void> = Promise.resolve();

	constructor(
		private readonly ceiling: number,
		private readonly burst: number,
		private readonly clock: Clock = systemClock,
	) {
		this.perSecond = ceiling;
		this.tokens = burst;
		this.updatedAt = clock.now();
	}

	/** Requests per second allowed now. */
	get rate(): number {
		return this.perSecond;
	}

	/** Resolves when a request may be sent. */
	async take(signal?: AbortSignal): Promise<void> {
		const turn = this.queue.then(async () => await this.waitForToken(signal));
		this.queue = turn.catch(() => undefined);
		await turn;
	}

	/** The provider answered 429: slow the whole run down, and send nothing before `retryAfterMs` has passed. */
	throttled(retryAfterMs: number | undefined): void {
		const now = this.clock.now();
		this.refill();
		if (now - this.decreasedAt >= DECREASE_WINDOW_MS) {
			const admitted = this.recentAnswers(now);
			const measured = admitted > 0 && admitted < this.perSecond;
			this.limitShown = measured ? admitted : this.perSecond;
			this.perSecond = Math.max(MIN_PER_SECOND, measured ? admitted * BELOW_LIMIT : this.perSecond / 2);
			this.decreasedAt = now;
		}
		this.tokens = Math.min(this.tokens, 0);
		this.heldUntil = Math.max(this.heldUntil, now + (retryAfterMs ?? 0));
	}

	/** The provider answered (anything but 429): the pace may grow again. */
	answered(): void {
		const now = this.clock.now();
		this.answers.push(now);
		this.recentAnswers(now);
		const slowdown = this.perSecond >= this.limitShown * BELOW_LIMIT ? PAST_LIMIT_SLOWDOWN : 1;
		this.perSecond = Math.min(this.ceiling, this.perSecond + RECOVERY_PER_SECOND / slowdown / this.perSecond);
	}

	/** How many answers came in the second before `now` (older ones are forgotten). */
	private recentAnswers(now: number): number {
		while (this.answers.length > 0 && now - this.answers[0] >= 1000) this.answers.shift();
		return this.answers.length;
	}

	/** Bursts are allowed until the provider first says no; from then on requests are evenly spaced. */
	private refill(): void {
		const now = this.clock.now();
		const burst = this.decreasedAt === -Infinity ? this.burst : 1;
		this.tokens = Math.min(burst, this.tokens + ((now - this.updatedAt) / 1000) * this.perSecond);
		this.updatedAt = now;
	}

	private async waitForToken(signal?: AbortSignal): Promise<void> {
		for (;;) {
			const held = this.heldUntil - this.clock.now();
			if (held > 0) {
				await this.clock.sleep(held, signal);
				this.updatedAt = Math.max(this.updatedAt, this.clock.now());
				continue;
			}
			this.refill();
			if (this.tokens >= 1) {
				this.tokens -= 1;
				return;
			}
			await this.clock.sleep(Math.ceil(((1 - this.tokens) / this.perSecond) * 1000), signal);
		}
	}
}

/**
 * One run's budgets: the provider's shared one, and where it limits submits per model, one per model
 * for those (a submit then takes only from its model's).
 */
export function runLimiters(rateLimit: ProviderRateLimit, clock: Clock) {
	const limiter = new RateLimiter(rateLimit.perSecond, rateLimit.burst, clock);
	const perModel = new Map<string, RateLimiter>();
	const submitLimiter = (modelId: string): RateLimiter => {
		const limit = rateLimit.submitsPerModel?.(modelId);
		if (!limit) return limiter;
		const own = perModel.get(modelId) ?? new RateLimiter(limit.perSecond, limit.burst, clock);
		perModel.set(modelId, own);
		return own;
	};
	return { limiter, submitLimiter };
}
