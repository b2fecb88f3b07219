import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { ExecutionCanceledError, cancellableSleep, throwIfAborted } from './cancel';
import { apiError, taskHint, toNodeError, type WanNodeError } from './errors';
import { MalformedResponseError, type ProviderAdapter } from './providers/adapter';
import { submitRequest } from './providers';
import { RateLimiter } from './rateLimiter';
import type { ReturnAs } from './results';
import { isRetryable } from './retry';
import {
	ProviderCallError,
	REQUEST_TIMEOUT_MS,
	callProvider,
	sendCancelRequest,
	type CallContext,
	type HttpResponse,
} from './transport';
import type { GenerationRequest } from './request';
import { TERMINAL_STATUSES, type TaskHandle, type TaskState } from './types';

export type OnTimeout = 'error' | 'returnPending';

export interface JobSettings {
	waitForCompletion: boolean;
	pollIntervalMs: number;
	timeoutMs: number;
	onTimeout: OnTimeout;
	returnAs: ReturnAs;
	/** The binary field that receives downloaded files. */
	binaryPropertyName: string;
}

/** One input item's work: a new task to submit, or an existing task to fetch. */
export type Job = { itemIndex: number; settings: JobSettings } & (
	| { request: GenerationRequest }
	| { handle: TaskHandle }
);

/** Where a task stands when the scheduler is done with it. */
export interface TaskReport {
	handle: TaskHandle;
	state: TaskState;
	submittedAt: number;
	/** When the node saw the task finish; absent while it is still running. */
	completedAt?: number;
}

export interface RunJobsOptions {
	fn: IExecuteFunctions;
	adapter: ProviderAdapter;
	baseUrl: string;
	jobs: Job[];
	maxConcurrency: number;
	continueOnFail: boolean;
	/** Turns a finished task into output items (JSON, or downloads into binary, stopped by `signal`). */
	deliver: (report: TaskReport, job: Job, signal: AbortSignal | undefined) => Promise<INodeExecutionData[]>;
	/** Output for a task that is not finished (not waiting, or timed out with `returnPending`). */
	pending: (report: TaskReport, job: Job) => INodeExecutionData[];
	/** Output for a failed item under continue-on-fail. */
	failed: (error: WanNodeError, job: Job, handle: TaskHandle | undefined) => INodeExecutionData[];
}

const isTerminal = (state: TaskState) => TERMINAL_STATUSES.includes(state.status);

function withStatusCode(error: unknown, statusCode: number, answeredSubmit = false): unknown {
	if (error instanceof MalformedResponseError) {
		error.statusCode = statusCode;
		error.answeredSubmit = answeredSubmit;
	}
	return error;
}

function parse<T>(response: HttpResponse, parser: (body: unknown) => T, answeredSubmit = false): T {
	try {
		return parser(response.body);
	} catch (error) {
		throw withStatusCode(error, response.statusCode, answeredSubmit);
	}
}

/** A status response as a task state; a task that succeeded without a single result URL is unreadable. */
function readState(response: HttpResponse, parser: (body: unknown) => TaskState): TaskState {
	const state = parse(response, parser);
	if (state.status === 'succeeded' && state.urls.length === 0) {
		throw withStatusCode(
			new MalformedResponseError('the task finished without any result URL', response.body),
			response.statusCode,
		);
	}
	return state;
}

class TaskTimeoutError extends Error {
	constructor(
		readonly state: TaskState,
		readonly timeoutMs: number,
	) {
		super(`did not finish within ${Math.round(timeoutMs / 1000)} s`);
	}
}

/** One job as the scheduler works on it. */
interface JobRun {
	job: Job;
	/** This job's own cancel signal, fired when the run is stopped. */
	signal?: AbortSignal;
	handle?: TaskHandle;
	lastState?: TaskState;
}

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

/**
 * Submits every job, then polls all tasks together: at most `maxConcurrency` tasks in flight,
 * one request budget per provider, results in input order. A job that fails without continue-on-fail
 * stops the others and the run fails with the first error, naming every task left running.
 */
export async function runJobs(options: RunJobsOptions): Promise<INodeExecutionData[][]> {
	const { fn, adapter } = options;
	const executionSignal = fn.getExecutionCancelSignal();
	const stopOthers = new AbortController();
	const runSignal = executionSignal ? AbortSignal.any([executionSignal, stopOthers.signal]) : stopOthers.signal;
	const signals = new SignalFanOut(runSignal);
	const limiter = new RateLimiter(adapter.rateLimit.perSecond, adapter.rateLimit.burst);
	const runs = options.jobs.map((job): JobRun => ({ job }));
	const results: INodeExecutionData[][] = new Array(options.jobs.length);
	let firstFailure: WanNodeError | undefined;

	const context = (run: JobRun, deadline: number, requestTimeoutMs = REQUEST_TIMEOUT_MS): CallContext => ({
		fn,
		adapter,
		baseUrl: options.baseUrl,
		limiter,
		signal: run.signal,
		deadline,
		requestTimeoutMs,
	});
	// A poll answer slower than a few poll intervals is treated as lost and asked again.
	const pollContext = (run: JobRun, deadline: number) =>
		context(run, deadline, Math.min(REQUEST_TIMEOUT_MS / 2, Math.max(2000, run.job.settings.pollIntervalMs * 3)));

	/**
	 * Polls one task until it ends or its timeout. The first poll waits for the provider's own estimate
	 * where it gives one (EvoLink's `estimated_time`), so a batch does not poll hot while nothing can be
	 * done; after that, every poll interval. No sleep follows a terminal state.
	 */
	async function waitForTask(run: JobRun, report: TaskReport, respondedAt: number): Promise<TaskReport> {
		const { pollIntervalMs, timeoutMs, onTimeout } = run.job.settings;
		// The timeout counts from the provider's answer: a slow submit does not eat into it.
		const deadline = respondedAt + timeoutMs;
		let { state } = report;
		run.lastState = state;
		let nextPollAt = respondedAt + (state.estimatedSeconds ? state.estimatedSeconds * 1000 : pollIntervalMs);
		while (!isTerminal(state)) {
			const now = Date.now();
			if (now >= deadline) {
				if (onTimeout === 'returnPending') return { ...report, state };
				throw new TaskTimeoutError(state, timeoutMs);
			}
			await cancellableSleep(Math.min(nextPollAt, deadline) - now, run.signal);
			const polled = await callProvider(pollContext(run, deadline), adapter.buildStatus(report.handle), 'poll').then(
				(response) => ({ response }),
				(error: unknown) => ({ error }),
			);
			if ('error' in polled) {
				// Transient failures that ran into the deadline: the task is still there, so this is a timeout.
				const transient = polled.error instanceof ProviderCallError && isRetryable('poll', polled.error.outcome);
				if (!transient) throw polled.error;
				if (onTimeout === 'returnPending') return { ...report, state };
				throw new TaskTimeoutError(state, timeoutMs);
			}
			const { response } = polled;
			nextPollAt = Date.now() + pollIntervalMs;
			state = readState(response, adapter.parseStatus);
			run.lastState = state;
		}
		return { ...report, state, completedAt: Date.now() };
	}

	async function track(run: JobRun): Promise<TaskReport> {
		const { job } = run;
		const startedAt = Date.now();
		const deadline = startedAt + job.settings.timeoutMs;
		if ('request' in job) {
			const response = await callProvider(context(run, deadline), submitRequest(adapter, job.request), 'submit');
			const submitted = parse(response, adapter.parseSubmit, true);
			run.handle = { provider: adapter.id, model: job.request.modelId, taskId: submitted.taskId };
			const state = submitted.state ?? { status: 'queued', rawStatus: 'submitted', urls: [] };
			const report: TaskReport = { handle: run.handle, state, submittedAt: startedAt };
			if (!job.settings.waitForCompletion) return report;
			return await waitForTask(run, report, Date.now());
		}
		run.handle = job.handle;
		const response = await callProvider(pollContext(run, deadline), adapter.buildStatus(job.handle), 'poll');
		const report: TaskReport = {
			handle: job.handle,
			state: readState(response, adapter.parseStatus),
			submittedAt: startedAt,
		};
		if (isTerminal(report.state)) return { ...report, completedAt: Date.now() };
		if (!job.settings.waitForCompletion) return report;
		return await waitForTask(run, report, Date.now());
	}

	async function outcomeOf(run: JobRun, report: TaskReport): Promise<INodeExecutionData[]> {
		const { state, handle } = report;
		if (state.status === 'succeeded') return await options.deliver(report, run.job, run.signal);
		if (state.status === 'failed' || state.status === 'canceled') {
			const code = state.errorCode ? ` [${state.errorCode}]` : '';
			throw apiError(fn.getNode(), run.job.itemIndex, {
				message: `${adapter.displayName} task ${handle.taskId} ${state.status === 'failed' ? 'failed' : 'was canceled'}: ${state.errorMessage ?? state.rawStatus}${code}`,
				description: `Provider status "${state.rawStatus}". Model ${handle.model}.`,
				errorCode: state.errorCode,
				status: state.status,
			});
		}
		return options.pending(report, run.job);
	}

	function describeTimeout(job: Job, error: TaskTimeoutError, handle: TaskHandle): WanNodeError {
		const progress = error.state.progress === undefined ? '' : `, ${error.state.progress}%`;
		return apiError(fn.getNode(), job.itemIndex, {
			message: `${adapter.displayName} task ${handle.taskId} ${error.message} (last status "${error.state.rawStatus}"${progress})`,
			description: `${taskHint(handle)} To get the handle instead of an error, set Options → On Timeout to "Return Pending Task", or raise Options → Timeout.`,
			status: error.state.status,
		});
	}

	async function runOne(run: JobRun): Promise<INodeExecutionData[]> {
		const { job } = run;
		const lease = signals.lease();
		run.signal = lease.signal;
		try {
			return await outcomeOf(run, await track(run));
		} catch (error) {
			const { handle } = run;
			// Stopped by the user, or by another item's failure: nothing to report for this item.
			if (error instanceof ExecutionCanceledError) {
				const cancel = handle && executionSignal?.aborted ? adapter.buildCancel?.(handle, run.lastState) : undefined;
				if (cancel) await sendCancelRequest(context(run, Date.now()), cancel);
				return [];
			}
			const nodeError =
				error instanceof TaskTimeoutError && handle
					? describeTimeout(job, error, handle)
					: toNodeError(fn.getNode(), job.itemIndex, error, adapter.displayName, handle);
			if (options.continueOnFail) return options.failed(nodeError, job, handle);
			firstFailure ??= nodeError;
			stopOthers.abort();
			return [];
		} finally {
			lease.release();
		}
	}

	let next = 0;
	const worker = async () => {
		while (next < runs.length && !runSignal.aborted) {
			const index = next++;
			results[index] = await runOne(runs[index]);
		}
	};
	await Promise.all(Array.from({ length: Math.min(options.maxConcurrency, options.jobs.length) }, worker));
	throwIfAborted(executionSignal);

	if (firstFailure) {
		const unfinished = runs
			.map((run) => run.handle)
			.filter((handle): handle is TaskHandle => handle !== undefined)
			.map((handle) => handle.taskId);
		if (unfinished.length > 1) {
			firstFailure.description = `${firstFailure.description ?? ''} Tasks of this run at the provider: ${unfinished.join(', ')}.`.trim();
		}
		throw firstFailure;
	}
	return results;
}
