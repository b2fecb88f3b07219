import type { ICredentialDataDecryptedObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { taskTimedOut } from '../errors';
import { toNodeError } from '../nodeErrors';
import type { ProviderAdapter } from '../providers/adapter';
import type { GenerationRequest } from '../request';
import type { Delivery } from '../results';
import type { Job, TaskReport } from '../scheduler';
import type { Clock } from '../scheduler/clock';
import { canShapeResume, shapeTimeout } from './engine';
import { recordParkedTask, reserveParkedTask } from './parked';
import { callbackUrl } from './resumeUrl';

/** One job through the scheduler; `onPending` sees the report of a task that has not ended. */
export type RunOne = (job: Job, onPending: (report: TaskReport) => void) => Promise<INodeExecutionData[]>;

export interface PauseOptions {
	fn: IExecuteFunctions;
	adapter: ProviderAdapter;
	credentials: ICredentialDataDecryptedObject;
	job: Extract<Job, { request: GenerationRequest }>;
	delivery: Delivery;
	clock: Clock;
	runOne: RunOne;
	/** The input item's fields under the outputs' own, where the user asked for them. */
	withInputFields: (outputs: INodeExecutionData[]) => INodeExecutionData[];
}

/**
 * Submits the job with this node's resume URL as the provider's callback, checks the task once (a fast
 * provider may already be done, and its callback would have found the execution still running), and
 * pauses the execution until the callback or the timeout. A task that ended by then gives its items at
 * once, as polling would. Returns the node's items (the pending handle while paused), or undefined
 * when this execution cannot record the task, before anything is sent: the caller then polls.
 */
export async function submitAndPause(options: PauseOptions): Promise<INodeExecutionData[] | undefined> {
	const { fn, job, clock, runOne } = options;
	if (!reserveParkedTask(fn)) return undefined;
	const settings = { ...job.settings, waitForCompletion: false };
	const request = { ...job.request, callbackUrl: callbackUrl(fn, options.credentials) };
	const submittedRun: { report?: TaskReport } = {};
	const submitted = await runOne({ ...job, settings, request }, (report) => (submittedRun.report = report));
	const submittedAt = clock.now();
	const first = submittedRun.report;
	if (!first) return options.withInputFields(submitted);

	const checkedRun: { report?: TaskReport } = {};
	const checked = await runOne({ itemIndex: job.itemIndex, settings, handle: first.handle }, (report) => (checkedRun.report = report));
	const { report } = checkedRun;
	if (!report) return options.withInputFields(checked.map((item) => withUsage(withSubmitTime(item, first), first)));

	const pending = options.withInputFields(checked.map((item) => withUsage(item, first)));
	recordParkedTask(fn, {
		handle: first.handle,
		itemIndex: job.itemIndex,
		submittedAt: first.submittedAt,
		returnAs: options.delivery.returnAs,
		binaryPropertyName: options.delivery.binaryPropertyName,
		continueOnFail: fn.continueOnFail(),
		includeInputFields: fn.getNodeParameter('options.includeInputFields', job.itemIndex, false) === true,
		usage: report.state.usage ?? first.state.usage,
	});
	const timedOut = job.settings.onTimeout === 'error' && canShapeResume(fn)
		? toNodeError(fn.getNode(), job.itemIndex, taskTimedOut(options.adapter.displayName, first.handle, report.state, job.settings.timeoutMs))
		: undefined;
	shapeTimeout(fn, pending, timedOut);
	await fn.putExecutionToWait(new Date(submittedAt + job.settings.timeoutMs));
	return pending;
}

/** The submit's usage on an item of a later answer that reports none (EvoLink reports it on submit only), as polling keeps it. */
function withUsage(item: INodeExecutionData, first: TaskReport): INodeExecutionData {
	if (item.json.usage !== undefined || !first.state.usage || item.json.error !== undefined) return item;
	return { ...item, json: { ...item.json, usage: first.state.usage } };
}

/** A result found by the check after the submit: its times count from the submit, as polling's do. */
function withSubmitTime(item: INodeExecutionData, first: TaskReport): INodeExecutionData {
	if (typeof item.json.completedAt !== 'string') return item;
	const completedAt = Date.parse(item.json.completedAt);
	return {
		...item,
		json: { ...item.json, submittedAt: new Date(first.submittedAt).toISOString(), elapsedMs: completedAt - first.submittedAt },
	};
}
