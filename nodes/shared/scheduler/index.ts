import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { ExecutionCanceledError, throwIfAborted } from '../cancel';
import { asWanError, withRunTasks, type WanError } from '../errors';
import type { ProviderAdapter } from '../providers/adapter';
import { runLimiters } from '../rateLimiter';
import { sendCancelRequest } from '../transport';
import type { TaskHandle } from '../types';
import { systemClock, type Clock } from './clock';
import { settle } from './outcome';
import { runPool } from './pool';
import { SharedStatusList } from './statusList';
import { callContext, track, type JobRun, type RunContext } from './task';
import type { Job, JobOutputs } from './types';

export { systemClock, type Clock } from './clock';
export type { Job, JobOutputs, JobSettings, OnTimeout, TaskReport } from './types';

export interface RunJobsOptions extends JobOutputs {
	fn: IExecuteFunctions;
	adapter: ProviderAdapter;
	baseUrl: string;
	/** The auth header: the adapter's own (`authorization`), else the Bearer header (`bearerAuthorization`). */
	authorization: Record<string, string>;
	jobs: Job[];
	maxConcurrency: number;
	continueOnFail: boolean;
	/** Default `systemClock`. */
	clock?: Clock;
}

export interface RunJobsResult {
	/** Each job's output items, in the order of `jobs`. */
	outputs: INodeExecutionData[][];
	/** The failure that stopped the run (never under continue-on-fail), naming every task of the run. */
	failure?: { error: WanError; job: Job };
}

/**
 * Submits every job, then polls all tasks together: at most `maxConcurrency` tasks in flight, one
 * request budget per provider, outputs in input order. A job that fails without continue-on-fail
 * stops the others and the run ends with its error. Throws `ExecutionCanceledError` when the
 * execution is stopped, after asking the provider to cancel the tasks it can.
 */
export async function runJobs(options: RunJobsOptions): Promise<RunJobsResult> {
	const { fn, adapter } = options;
	const clock = options.clock ?? systemClock;
	const executionSignal = fn.getExecutionCancelSignal();
	const { limiter, submitLimiter } = runLimiters(adapter.rateLimit, clock);
	const statusList = adapter.statusList && new SharedStatusList(adapter.statusList, clock);
	const ctx: RunContext = { fn, adapter, baseUrl: options.baseUrl, authorization: options.authorization, limiter, submitLimiter, clock, statusList };
	const runs = options.jobs.map((job): JobRun => ({ job }));

	const runOne = async (run: JobRun, signal: AbortSignal): Promise<INodeExecutionData[]> => {
		run.signal = signal;
		try {
			return await settle(await track(ctx, run), run.job, options, adapter.displayName, signal);
		} catch (caught) {
			// Stopped by the user, or by another item's failure: nothing to report for this item.
			if (caught instanceof ExecutionCanceledError) {
				const { handle } = run;
				const cancel = handle && executionSignal?.aborted ? adapter.buildCancel?.(handle, run.lastState) : undefined;
				if (cancel) await sendCancelRequest(callContext(ctx, run, clock.now()), cancel);
				return [];
			}
			const error = asWanError(caught, run.handle);
			if (options.continueOnFail) return options.failed(error, run.job);
			throw error;
		}
	};

	const { results, failure } = await runPool(runs, { concurrency: options.maxConcurrency, signal: executionSignal }, runOne);
	throwIfAborted(executionSignal);
	const outputs = results.map((items) => items ?? []);
	if (!failure) return { outputs };
	const taskIds = runs
		.map((run) => run.handle)
		.filter((handle): handle is TaskHandle => handle !== undefined)
		.map((handle) => handle.taskId);
	return { outputs, failure: { error: withRunTasks(asWanError(failure.error), taskIds), job: runs[failure.index].job } };
}
