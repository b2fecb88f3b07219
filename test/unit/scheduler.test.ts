/**
 * The scheduler's parts on a virtual clock: the pool (concurrency, order, stop on failure), the poller
 * (first poll, interval, deadline, transient failures, returnPending), and the errors they build.
 */
import { ExecutionCanceledError } from '../../nodes/shared/cancel';
import { WanError, requestFailed, taskTimedOut, withRunTasks } from '../../nodes/shared/errors';
import { pollUntilDone, type PollerOptions } from '../../nodes/shared/scheduler/poller';
import { runPool } from '../../nodes/shared/scheduler/pool';
import type { TaskReport } from '../../nodes/shared/scheduler';
import type { TaskHandle, TaskState } from '../../nodes/shared/types';
import { VirtualClock } from '../harness/virtualClock';

const handle: TaskHandle = { provider: 'evolink', model: 'wan2.5-text-to-video', taskId: 't-1' };
const running = (progress = 50): TaskState => ({ status: 'running', rawStatus: 'processing', progress, urls: [] });
const done: TaskState = { status: 'succeeded', rawStatus: 'completed', urls: ['https://cdn.example.com/a.mp4'] };

describe('VirtualClock', () => {
	it('moves time to each sleeper’s wake-up at once, overlapping sleeps not adding up', async () => {
		const clock = new VirtualClock();
		const start = clock.now();
		const woke: number[] = [];
		const realStart = Date.now();
		await Promise.all([
			clock.sleep(60_000).then(() => woke.push(clock.now() - start)),
			clock.sleep(1_000).then(() => woke.push(clock.now() - start)),
		]);
		expect(Date.now() - realStart).toBeLessThan(1000);
		expect(woke[0]).toBeGreaterThanOrEqual(1_000);
		expect(woke[0]).toBeLessThan(60_000);
		expect(woke[1]).toBeGreaterThanOrEqual(60_000);
		expect(woke[1]).toBeLessThan(61_000);
	});

	it('ends a sleep when its signal fires, with the node’s cancel error', async () => {
		const clock = new VirtualClock();
		const controller = new AbortController();
		const sleeping = clock.sleep(10_000, controller.signal);
		controller.abort();
		await expect(sleeping).rejects.toBeInstanceOf(ExecutionCanceledError);
	});
});

describe('runPool', () => {
	it('keeps input order with at most `concurrency` calls at once', async () => {
		const clock = new VirtualClock();
		let active = 0;
		let peak = 0;
		const { results, failure } = await runPool([300, 100, 200, 50, 10], { concurrency: 2, signal: undefined }, async (ms) => {
			active++;
			peak = Math.max(peak, active);
			await clock.sleep(ms, undefined);
			active--;
			return ms * 2;
		});
		expect(failure).toBeUndefined();
		expect(results).toEqual([600, 200, 400, 100, 20]);
		expect(peak).toBe(2);
	});

	it('stops at the first failure: no new item starts, running ones are signalled', async () => {
		const clock = new VirtualClock();
		const started: number[] = [];
		const signalled: number[] = [];
		const { results, failure } = await runPool([0, 1, 2, 3], { concurrency: 2, signal: undefined }, async (item, signal) => {
			started.push(item);
			if (item === 1) throw new Error('boom');
			await clock.sleep(1000, signal).catch(() => signalled.push(item));
			return item;
		});
		expect(failure).toEqual({ error: new Error('boom'), index: 1 });
		expect(started).toEqual([0, 1]);
		expect(signalled).toEqual([0]);
		// Item 0 ended on its signal and still resolved; items 2 and 3 never started.
		expect(results).toEqual([0, undefined, undefined, undefined]);
	});

	it('starts nothing once the execution is stopped', async () => {
		const controller = new AbortController();
		controller.abort();
		const work = jest.fn(async () => 1);
		await runPool([1, 2], { concurrency: 2, signal: controller.signal }, work);
		expect(work).not.toHaveBeenCalled();
	});
});

describe('pollUntilDone', () => {
	function poller(clock: VirtualClock, answers: (TaskState | WanError)[], overrides: Partial<PollerOptions> = {}) {
		const polls: number[] = [];
		const options: PollerOptions = {
			clock,
			signal: undefined,
			settings: { pollIntervalMs: 1000, timeoutMs: 10_000, onTimeout: 'error' },
			poll: async () => {
				polls.push(clock.now());
				const answer = answers.shift() ?? running();
				if (answer instanceof WanError) throw answer;
				return answer;
			},
			onState: () => undefined,
			timedOut: (state) => taskTimedOut('EvoLink', handle, state, 10_000),
			...overrides,
		};
		return { options, polls };
	}
	const report = (state: TaskState): TaskReport => ({ handle, state, submittedAt: 0 });

	it('polls first at the provider’s estimate, then every interval, and stops at the terminal state', async () => {
		const clock = new VirtualClock();
		const respondedAt = clock.now();
		const { options, polls } = poller(clock, [running(), running(), done]);
		const finished = await pollUntilDone(report({ ...running(0), estimatedSeconds: 5 }), respondedAt, options);
		expect(finished.state).toBe(done);
		expect(finished.completedAt).toBeGreaterThanOrEqual(polls[2]);
		const offsets = polls.map((at) => at - respondedAt);
		expect(offsets[0]).toBeGreaterThanOrEqual(5000);
		expect(offsets[1] - offsets[0]).toBeGreaterThanOrEqual(1000);
		expect(offsets[2] - offsets[1]).toBeGreaterThanOrEqual(1000);
		expect(offsets[2]).toBeLessThan(7500);
	});

	it('keeps the usage an earlier answer reported while later ones have none; a later usage wins', async () => {
		const clock = new VirtualClock();
		const reserved = { billing_rule: 'per_call', credits_reserved: 5 };
		const carried = await pollUntilDone(report({ ...running(0), usage: reserved }), clock.now(), poller(clock, [running(), done]).options);
		expect(carried.state).toStrictEqual({ ...done, usage: reserved });
		const charged = { credits_used: 4 };
		const replaced = await pollUntilDone(report({ ...running(0), usage: reserved }), clock.now(), poller(clock, [{ ...done, usage: charged }]).options);
		expect(replaced.state.usage).toBe(charged);
	});

	it('times out at the deadline counted from the submit’s answer, with the last state', async () => {
		const clock = new VirtualClock();
		const respondedAt = clock.now() - 3000;
		const { options, polls } = poller(clock, []);
		const failed = pollUntilDone(report(running(0)), respondedAt, options);
		await expect(failed).rejects.toMatchObject({ kind: 'timeout', taskStatus: 'running', task: handle });
		expect(polls.length).toBeGreaterThanOrEqual(6);
		expect(polls.length).toBeLessThanOrEqual(8);
		expect(clock.now() - respondedAt).toBeGreaterThanOrEqual(10_000);
	});

	it('returns the pending task at the deadline with On Timeout "Return Pending Task"', async () => {
		const clock = new VirtualClock();
		const { options } = poller(clock, []);
		options.settings = { ...options.settings, onTimeout: 'returnPending' };
		const pending = await pollUntilDone(report(running(0)), clock.now(), options);
		expect(pending.state.status).toBe('running');
		expect(pending.completedAt).toBeUndefined();
	});

	it('treats a transient failure that ran into the deadline as a timeout, any other failure as itself', async () => {
		const failure = (transient: boolean) =>
			requestFailed({
				providerName: 'EvoLink',
				purpose: 'poll',
				outcome: { statusCode: transient ? 503 : 404 },
				providerError: undefined,
				bodyExcerpt: undefined,
				transient,
				task: handle,
			});
		const clock = new VirtualClock();
		await expect(pollUntilDone(report(running()), clock.now(), poller(clock, [failure(true)]).options)).rejects.toMatchObject({
			kind: 'timeout',
		});
		await expect(pollUntilDone(report(running()), clock.now(), poller(clock, [failure(false)]).options)).rejects.toMatchObject({
			kind: 'http',
			httpStatus: 404,
			message: 'EvoLink poll failed (HTTP 404): HTTP 404',
		});
	});
});

describe('WanError', () => {
	it('a submit that may have created a task says so; one refused plainly does not', () => {
		const args = { providerName: 'EvoLink', purpose: 'submit' as const, providerError: undefined, bodyExcerpt: undefined, transient: false, task: undefined };
		const reset = requestFailed({ ...args, outcome: { networkCode: 'ECONNRESET' } });
		expect(reset).toMatchObject({ kind: 'network', taskMayExist: true, message: 'EvoLink submit failed: Network error: the connection was reset' });
		expect(reset.description).toMatch(/may have created a task/);
		const refused = requestFailed({ ...args, outcome: { statusCode: 429 }, providerError: { message: 'Slow down', code: 'rate_limit' } });
		expect(refused).toMatchObject({ kind: 'http', httpStatus: 429, providerCode: 'rate_limit', taskMayExist: false });
		expect(refused.message).toBe('EvoLink submit failed (HTTP 429): Slow down [rate_limit]');
		expect(refused.description).toBeUndefined();
	});

	it('names every task of a failed run in a new error, leaving the first one as it was', () => {
		const timeout = taskTimedOut('EvoLink', handle, running(40), 5000);
		const named = withRunTasks(timeout, ['t-1', 't-2']);
		expect(named).not.toBe(timeout);
		expect(named.description).toBe(`${timeout.description} Tasks of this run at the provider: t-1, t-2.`);
		expect(named.message).toBe('EvoLink task t-1 did not finish within 5 s (last status "processing", 40%)');
		expect(withRunTasks(timeout, ['t-1'])).toBe(timeout);
	});
});
