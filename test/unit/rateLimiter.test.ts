/**
 * The run's pace on virtual time: requests are spaced at the rate, a 429 slows everyone (to just below what
 * the provider admitted in the last second, or half) and holds every request for its Retry-After, answers
 * bring the rate back slowly (slower still past the limit shown), and 429s of one burst count once; after
 * a 429 requests are evenly spaced.
 */
import { alibaba } from '../../nodes/shared/providers/alibaba/adapter';
import { evolink } from '../../nodes/shared/providers/evolink/adapter';
import { RateLimiter, runLimiters } from '../../nodes/shared/rateLimiter';
import { VirtualClock } from '../harness/virtualClock';

/** When each of `count` requests, queued at once, was let through (ms after the first). */
async function sendTimes(limiter: RateLimiter, clock: VirtualClock, count: number): Promise<number[]> {
	const start = clock.now();
	const times: number[] = [];
	await Promise.all(
		Array.from({ length: count }, async () => {
			await limiter.take();
			times.push(clock.now() - start);
		}),
	);
	return times.sort((a, b) => a - b);
}

/** `count` answers from the provider, one every `ms`. */
async function answerEvery(limiter: RateLimiter, clock: VirtualClock, count: number, ms: number): Promise<void> {
	for (let i = 0; i < count; i++) {
		await clock.sleep(ms);
		limiter.answered();
	}
}

describe('RateLimiter', () => {
	it('lets a burst through at once, then one request per 1 / rate seconds', async () => {
		const clock = new VirtualClock();
		const times = await sendTimes(new RateLimiter(10, 3, clock), clock, 6);
		expect(times.slice(0, 3).every((t) => t < 20)).toBe(true);
		expect(times[3]).toBeGreaterThanOrEqual(95);
		expect(times[5]).toBeGreaterThanOrEqual(295);
		expect(times[5]).toBeLessThan(400);
	});

	it('halves the rate on a 429 with no answers to measure, and holds every request until Retry-After has passed', async () => {
		const clock = new VirtualClock();
		const limiter = new RateLimiter(10, 1, clock);
		await limiter.take();
		limiter.throttled(2000);
		expect(limiter.rate).toBe(5);
		const times = await sendTimes(limiter, clock, 3);
		expect(times[0]).toBeGreaterThanOrEqual(2000);
		// Then one every 200 ms, the halved pace.
		expect(times[2] - times[0]).toBeGreaterThanOrEqual(395);
	});

	it('falls just below the rate the provider answered in the last second', async () => {
		const clock = new VirtualClock();
		const limiter = new RateLimiter(100, 100, clock);
		await answerEvery(limiter, clock, 12, 50);
		// 12 answers in 600 ms, all within the last second: 95% of that.
		limiter.throttled(1000);
		expect(limiter.rate).toBeCloseTo(11.4, 10);
	});

	it('grows back ten times slower once it reaches the limit the provider showed', async () => {
		const clock = new VirtualClock();
		const limiter = new RateLimiter(100, 100, clock);
		await answerEvery(limiter, clock, 20, 40);
		limiter.throttled(1000);
		expect(limiter.rate).toBeCloseTo(19, 1);
		// A second of answers at about 19 a second: a hundredth of a request per second, not a tenth.
		const before = limiter.rate;
		for (let i = 0; i < 19; i++) limiter.answered();
		expect(limiter.rate - before).toBeGreaterThan(0.009);
		expect(limiter.rate - before).toBeLessThan(0.011);
	});

	it('counts the 429s of requests sent together as one, and never goes below half a request a second', async () => {
		const clock = new VirtualClock();
		const limiter = new RateLimiter(100, 100, clock);
		for (let i = 0; i < 50; i++) limiter.throttled(undefined);
		expect(limiter.rate).toBe(50);
		for (let second = 0; second < 20; second++) {
			await clock.sleep(1000);
			limiter.throttled(undefined);
		}
		expect(limiter.rate).toBe(0.5);
	});

	it('grows back by a tenth of a request per second each second of answers below the limit shown, up to where it started', () => {
		const clock = new VirtualClock();
		const limiter = new RateLimiter(20, 20, clock);
		limiter.throttled(undefined);
		expect(limiter.rate).toBe(10);
		// At 10 per second, ten answers (one second's worth) add about a tenth of a request per second.
		for (let i = 0; i < 10; i++) limiter.answered();
		expect(limiter.rate).toBeGreaterThan(10.09);
		expect(limiter.rate).toBeLessThan(10.11);
		for (let i = 0; i < 100_000; i++) limiter.answered();
		expect(limiter.rate).toBe(20);
	});
});

describe('runLimiters', () => {
	it("gives Alibaba's submits their own documented pace per model (2.5–2.7: 5/s, 2.2: 2/s), apart from its 20 task queries/s", async () => {
		const clock = new VirtualClock();
		const { limiter, submitLimiter } = runLimiters(alibaba.rateLimit, clock);
		expect(submitLimiter('wan2.6-t2v')).toBe(submitLimiter('wan2.6-t2v'));
		expect(submitLimiter('wan2.6-t2v')).not.toBe(limiter);
		const [submits26, submits22, queries] = await Promise.all([
			sendTimes(submitLimiter('wan2.6-t2v'), clock, 15),
			sendTimes(submitLimiter('wan2.2-t2v-plus'), clock, 6),
			sendTimes(limiter, clock, 60),
		]);
		// A burst of the rate, then one per 1 / rate seconds: the 15th of 5/s goes at 2 s, the 6th of 2/s at 2 s, the 60th of 20/s at 2 s.
		expect(submits26[14]).toBeGreaterThanOrEqual(1990);
		expect(submits26[14]).toBeLessThan(2100);
		expect(submits22[5]).toBeGreaterThanOrEqual(1990);
		expect(submits22[5]).toBeLessThan(2100);
		expect(queries[59]).toBeGreaterThanOrEqual(1990);
		expect(queries[59]).toBeLessThan(2100);
	});

	it('shares one budget between submits and the rest where the provider sets no submit limit', () => {
		const { limiter, submitLimiter } = runLimiters(evolink.rateLimit, new VirtualClock());
		expect(submitLimiter('wan2.6-text-to-video')).toBe(limiter);
	});
});
