import type { IExecuteFunctions } from 'n8n-workflow';

import { WanError, taskTimedOut, unreadableResponse } from '../errors';
import { submitRequest } from '../providers';
import { MalformedResponseError, type ProviderAdapter, type ResultStep } from '../providers/adapter';
import type { RateLimiter } from '../rateLimiter';
import { REQUEST_TIMEOUT_MS, callProvider, type CallContext, type HttpResponse } from '../transport';
import type { TaskHandle, TaskState } from '../types';
import type { Clock } from './clock';
import { isTerminal, pollUntilDone } from './poller';
import type { SharedStatusList } from './statusList';
import { logSubmitted } from './submitLog';
import type { Job, TaskReport } from './types';

/** What every job of one run shares. */
export interface RunContext {
	fn: IExecuteFunctions;
	adapter: ProviderAdapter;
	baseUrl: string;
	authorization: Record<string, string>;
	/** One request budget per provider and run. */
	limiter: RateLimiter;
	/** The budget a submit for this model takes from: its own where the provider limits submits per model, else `limiter`. */
	submitLimiter(modelId: string): RateLimiter;
	clock: Clock;
	/** Where the provider lists many tasks' statuses in one request: the run's polls share it. */
	statusList?: SharedStatusList;
}

/** One job as the scheduler works on it. */
export interface JobRun {
	job: Job;
	/** This job's own cancel signal, fired when the run is stopped. */
	signal?: AbortSignal;
	/** The task, once it exists. */
	handle?: TaskHandle;
	/** The task's last state read, for a cancel request on the way out. */
	lastState?: TaskState;
}

export function callContext(ctx: RunContext, run: JobRun, deadline: number, requestTimeoutMs = REQUEST_TIMEOUT_MS): CallContext {
	return { ...ctx, signal: run.signal, deadline, requestTimeoutMs, task: run.handle };
}

/** How long a poll waits for its answer: one slower than a few poll intervals is treated as lost and asked again. */
export function pollRequestTimeoutMs(pollIntervalMs: number): number {
	return Math.min(REQUEST_TIMEOUT_MS / 2, Math.max(2000, pollIntervalMs * 3));
}

function pollContext(ctx: RunContext, run: JobRun, deadline: number): CallContext {
	return callContext(ctx, run, deadline, pollRequestTimeoutMs(run.job.settings.pollIntervalMs));
}

/** A parser's failure as the provider's error, naming the task if there is one (a submit's answer has none yet). */
function unreadable(ctx: RunContext, response: HttpResponse, error: unknown, task: TaskHandle | undefined): unknown {
	if (!(error instanceof MalformedResponseError)) return error;
	const providerName = ctx.adapter.displayName;
	return unreadableResponse({ providerName, reason: error, httpStatus: response.statusCode, answeredSubmit: task === undefined, task });
}

/** A 2xx body read by `parser`; one it cannot read is the provider's error. */
function parse<T>(ctx: RunContext, response: HttpResponse, parser: (body: unknown) => T, task: TaskHandle | undefined): T {
	try {
		return parser(response.body);
	} catch (error) {
		throw unreadable(ctx, response, error, task);
	}
}

/** A status or result answer as a task state; a task that succeeded without a single result URL is unreadable. */
function readState(ctx: RunContext, response: HttpResponse, task: TaskHandle, parser: (body: unknown) => TaskState): TaskState {
	const state = parse(ctx, response, parser, task);
	if (state.status === 'succeeded' && state.urls.length === 0) {
		throw unreadable(ctx, response, new MalformedResponseError('the task finished without any result URL', response.body), task);
	}
	return state;
}

/** A run whose results the provider answers with an error (fal): the task failed, in the provider's words. */
function failedRun(error: WanError, finished: TaskState): TaskState {
	return {
		...finished,
		status: 'failed',
		urls: [],
		errorCode: error.providerCode ?? (error.httpStatus === undefined ? undefined : `HTTP ${error.httpStatus}`),
		errorMessage: error.providerMessage ?? error.message,
	};
}

/** The results of a task whose status says it finished, where they are a second request (`adapter.result`). */
async function fetchResult(ctx: RunContext, run: JobRun, handle: TaskHandle, step: ResultStep, finished: TaskState, deadline: number): Promise<TaskState> {
	const answer = await callProvider(pollContext(ctx, run, deadline), step.build(handle), 'result').then(
		(response) => ({ response }),
		(error: unknown) => ({ error }),
	);
	if ('response' in answer) return readState(ctx, answer.response, handle, (body) => step.parse(body, finished));
	if (answer.error instanceof WanError && answer.error.kind === 'http' && !answer.error.transient) return failedRun(answer.error, finished);
	throw answer.error;
}

/** The task's state from the run's shared status list, read within half a poll interval, if it is still running there. */
async function listedRunning(ctx: RunContext, run: JobRun, handle: TaskHandle, deadline: number): Promise<TaskState | undefined> {
	const freshSince = ctx.clock.now() - run.job.settings.pollIntervalMs / 2;
	return await ctx.statusList?.running(handle.taskId, freshSince, async (request) => {
		return (await callProvider(pollContext(ctx, run, deadline), request, 'poll')).body;
	});
}

async function poll(ctx: RunContext, run: JobRun, handle: TaskHandle, deadline: number): Promise<TaskState> {
	const listed = await listedRunning(ctx, run, handle, deadline);
	if (listed) return listed;
	const response = await callProvider(pollContext(ctx, run, deadline), ctx.adapter.buildStatus(handle), 'poll');
	const step = ctx.adapter.result;
	const state = parse(ctx, response, ctx.adapter.parseStatus, handle);
	if (step && state.status === 'succeeded' && state.urls.length === 0) {
		return await fetchResult(ctx, run, handle, step, state, deadline);
	}
	return readState(ctx, response, handle, () => state);
}

/** Waits for the task where the job says to, from the provider's answer `respondedAt`. */
async function waitIfAsked(ctx: RunContext, run: JobRun, report: TaskReport, respondedAt: number): Promise<TaskReport> {
	const { settings } = run.job;
	if (!settings.waitForCompletion) return report;
	return await pollUntilDone(report, respondedAt, {
		clock: ctx.clock,
		signal: run.signal,
		settings,
		poll: async (deadline) => await poll(ctx, run, report.handle, deadline),
		onState: (state) => {
			run.lastState = state;
		},
		timedOut: (state) => taskTimedOut(ctx.adapter.displayName, report.handle, state, settings.timeoutMs),
	});
}

/**
 * Takes one job as far as it goes: submits its request (or fetches its existing task), then waits
 * for the task where the job says to. Records the task's handle on `run` as soon as it exists.
 */
export async function track(ctx: RunContext, run: JobRun): Promise<TaskReport> {
	const { adapter, clock } = ctx;
	const startedAt = clock.now();
	const deadline = startedAt + run.job.settings.timeoutMs;
	if ('request' in run.job) {
		const { request } = run.job;
		const submitContext = { ...callContext(ctx, run, deadline), limiter: ctx.submitLimiter(request.modelId) };
		const response = await callProvider(submitContext, submitRequest(adapter, request), 'submit');
		const submitted = parse(ctx, response, adapter.parseSubmit, undefined);
		run.handle = { provider: adapter.id, model: request.modelId, taskId: submitted.taskId };
		logSubmitted(ctx.fn, run.handle, run.job.itemIndex);
		const state = submitted.state ?? { status: 'queued', rawStatus: 'submitted', urls: [] };
		const stopWaiting = ctx.statusList?.wait(run.handle, startedAt);
		try {
			return await waitIfAsked(ctx, run, { handle: run.handle, state, submittedAt: startedAt }, clock.now());
		} finally {
			stopWaiting?.();
		}
	}
	const { handle } = run.job;
	run.handle = handle;
	const state = await poll(ctx, run, handle, deadline);
	const report: TaskReport = { handle, state, submittedAt: startedAt };
	if (isTerminal(state)) return { ...report, completedAt: clock.now() };
	return await waitIfAsked(ctx, run, report, clock.now());
}
