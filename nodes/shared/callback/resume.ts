import type { IDataObject, IExecuteFunctions, INodeExecutionData, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import type { WanError } from '../errors';
import { toNodeError } from '../nodeErrors';
import { providerAdapter } from '../providers';
import { bearerAuthorization } from '../transport';
import { deliverResults, failedItem, withInputFields } from '../results';
import { runJobs, systemClock, type Job } from '../scheduler';
import type { MediaKind } from '../types';
import { entryInput, resumingEntry, setResumeError } from './engine';
import { parkedTask, type ParkedTask } from './parked';
import { TOKEN_PARAMETER, isOwnToken } from './resumeUrl';

/** How long the status fetch of a callback may take, retries included (providers wait 10–30 s for an answer). */
const STATUS_DEADLINE_MS = 8_000;

/** The parts of a webhook's context the scheduler and the downloads use, with no cancel signal of their own. */
function runFunctions(fn: IWebhookFunctions, continueOnFail: boolean): IExecuteFunctions {
	return {
		getCredentials: fn.getCredentials.bind(fn),
		getNode: fn.getNode.bind(fn),
		helpers: fn.helpers,
		logger: fn.logger,
		getExecutionCancelSignal: () => undefined,
		continueOnFail: () => continueOnFail,
	} as unknown as IExecuteFunctions;
}

/** What the callback made of the task: items to resume with, an error to fail with, or nothing yet. */
type Outcome = { items: INodeExecutionData[] } | { error: WanError } | { waiting: string };

/** Fetches the task's state from the provider (a callback body is never trusted) and does what polling would. */
async function settleTask(fn: IWebhookFunctions, parked: ParkedTask, kind: MediaKind, acknowledge: () => void): Promise<Outcome> {
	const adapter = providerAdapter(parked.handle.provider);
	const credentials = await fn.getCredentials(adapter.credentialType);
	const clock = systemClock;
	const runFn = runFunctions(fn, parked.continueOnFail);
	const { itemIndex } = parked;
	const job: Job = {
		itemIndex,
		handle: parked.handle,
		settings: { waitForCompletion: false, pollIntervalMs: 1000, timeoutMs: STATUS_DEADLINE_MS, onTimeout: 'error' },
	};
	const delivery = { itemIndex, returnAs: parked.returnAs, binaryPropertyName: parked.binaryPropertyName };
	let waiting: string | undefined;
	let failed: WanError | undefined;
	const { outputs, failure } = await runJobs({
		fn: runFn,
		adapter,
		baseUrl: adapter.baseUrl(credentials),
		authorization: adapter.authorization?.(credentials) ?? bearerAuthorization(credentials),
		jobs: [job],
		maxConcurrency: 1,
		continueOnFail: parked.continueOnFail,
		clock,
		deliver: async (report, _job, signal) => {
			acknowledge();
			const providerName = adapter.displayName;
			const usage = report.state.usage ?? parked.usage;
			const found = { ...report, submittedAt: parked.submittedAt, state: { ...report.state, ...(usage ? { usage } : {}) } };
			return await deliverResults(runFn, found, delivery, { kind, providerName, clock, signal });
		},
		pending: (report) => {
			waiting = report.state.rawStatus;
			return [];
		},
		failed: (error) => {
			failed = error;
			return failedItem(error, itemIndex, adapter.id, parked.handle.model);
		},
	});
	if (waiting !== undefined) return { waiting: `task is ${waiting}` };
	const error = failure?.error ?? failed;
	// The status could not be read (network, the provider's own error): the task has not ended as far as we know.
	if (error && error.kind !== 'taskFailed' && error.kind !== 'download') return { waiting: error.message };
	if (failure) return { error: failure.error };
	return { items: outputs[0] };
}

/**
 * A Wan node's webhook(): the provider's callback to the resume URL the node paused with. It resumes the
 * execution only with this execution's token, for this node's task, once the provider itself says the
 * task ended; then it outputs what polling would have (a failed task fails the node likewise). Anything
 * else is answered without resuming, so a forged, stray or early callback changes nothing.
 */
export async function resumeWanNode(fn: IWebhookFunctions, kind: MediaKind): Promise<IWebhookResponseData> {
	const response = fn.getResponseObject();
	let answered = false;
	const answer = (status: number, body: IDataObject) => {
		if (!answered) response.status(status).json(body);
		answered = true;
	};
	const ignore = (status: number, body: IDataObject): IWebhookResponseData => {
		answer(status, body);
		return { noWebhookResponse: true };
	};
	const parked = parkedTask(fn);
	if (!parked) return ignore(200, { received: true, resumed: false, reason: 'this node is not waiting for a task' });
	const adapter = providerAdapter(parked.handle.provider);
	const credentials = await fn.getCredentials(adapter.credentialType);
	if (!isOwnToken(fn, credentials, (fn.getQueryData() as IDataObject)[TOKEN_PARAMETER])) {
		return ignore(401, { error: 'Invalid token' });
	}
	const named = adapter.callbackTaskId?.(fn.getBodyData());
	if (named !== undefined && named !== parked.handle.taskId) {
		return ignore(200, { received: true, resumed: false, reason: 'callback for another task' });
	}

	const outcome = await settleTask(fn, parked, kind, () => answer(200, { received: true, resumed: true }));
	// Not ended yet, or its state unreadable now: a provider retries on 5xx, and the timeout still holds.
	if ('waiting' in outcome) return ignore(503, { received: true, resumed: false, reason: outcome.waiting });
	answer(200, { received: true, resumed: true });

	const entry = resumingEntry(fn);
	const [input] = entryInput(entry);
	if ('error' in outcome) {
		const error = toNodeError(fn.getNode(), parked.itemIndex, outcome.error);
		if (entry) setResumeError(entry, error);
		const item = failedItem(outcome.error, parked.itemIndex, adapter.id, parked.handle.model);
		return { noWebhookResponse: true, workflowData: [item] };
	}
	if (entry) setResumeError(entry, undefined);
	const items = parked.includeInputFields && input ? withInputFields(input, outcome.items) : outcome.items;
	return { noWebhookResponse: true, workflowData: [items] };
}
