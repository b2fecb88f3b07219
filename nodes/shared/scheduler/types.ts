import type { INodeExecutionData } from 'n8n-workflow';

import type { WanError } from '../errors';
import type { GenerationRequest } from '../request';
import type { TaskHandle, TaskState } from '../types';

export type OnTimeout = 'error' | 'returnPending';

/** How one item's task is waited for. What is done with the result is the caller's (`deliver`). */
export interface JobSettings {
	waitForCompletion: boolean;
	pollIntervalMs: number;
	timeoutMs: number;
	onTimeout: OnTimeout;
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

/** What the caller makes of a job's end: output items for a finished task, a pending one, a failure. */
export interface JobOutputs {
	/** Turns a finished task into output items (JSON, or downloads into binary, stopped by `signal`). */
	deliver: (report: TaskReport, job: Job, signal: AbortSignal | undefined) => Promise<INodeExecutionData[]>;
	/** Output for a task that is not finished (not waiting, or timed out with `returnPending`). */
	pending: (report: TaskReport, job: Job) => INodeExecutionData[];
	/** Output for a failed item under continue-on-fail. */
	failed: (error: WanError, job: Job) => INodeExecutionData[];
}
