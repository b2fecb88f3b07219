import type { ICredentialDataDecryptedObject, IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { submitAndPause } from './callback/park';
import type { WaitMethod } from './callback/options';
import { chosenWaitMethod } from './callback/waitMethod';
import { KIND_DEFAULTS } from './defaults';
import { invalidInput } from './inputError';
import { itemError, toNodeError } from './nodeErrors';
import { mediaSlotsOf } from './modes';
import { providerAdapter } from './providers';
import type { ProviderAdapter } from './providers/adapter';
import { binaryFieldsOf } from './binaryMedia';
import { prepareRequest } from './prepare';
import { deliverResults, failedItem, pendingItem, withInputFields, type Delivery, type ReturnAs } from './results';
import { runJobs, systemClock, type Job, type JobSettings, type OnTimeout, type TaskReport } from './scheduler';
import { bearerAuthorization } from './transport';
import type { MediaKind, ProviderId } from './types';
import { buildGenerationRequest, handleModelId } from './validation';

const DEFAULT_MAX_CONCURRENCY = 20;

function positiveNumber(field: string, value: unknown, fallback: number, minimum: number): number {
	if (value === undefined || value === null || value === '') return fallback;
	const number = typeof value === 'string' ? Number(value) : value;
	if (typeof number !== 'number' || !Number.isFinite(number) || number < minimum) {
		throw invalidInput(field, value, `Expected a number of at least ${minimum}.`);
	}
	return number;
}

/** One item's settings: how its task is waited for, and what is done with the result. */
function settingsOf(
	fn: IExecuteFunctions,
	itemIndex: number,
	kind: MediaKind,
	options: IDataObject,
): { settings: JobSettings; delivery: Delivery } {
	const defaults = KIND_DEFAULTS[kind];
	const onTimeout = options.onTimeout ?? 'error';
	if (onTimeout !== 'error' && onTimeout !== 'returnPending') {
		throw invalidInput('On Timeout', onTimeout, 'Allowed: error, returnPending.');
	}
	const binaryPropertyName = String(options.binaryPropertyName ?? 'data').trim() || 'data';
	const waitForCompletion = fn.getNodeParameter('waitForCompletion', itemIndex, true) as boolean;
	// Hidden (so absent) when not waiting: a task found finished then comes back as URLs.
	const returnAs = fn.getNodeParameter('returnAs', itemIndex, 'url') as ReturnAs;
	return {
		settings: {
			waitForCompletion,
			pollIntervalMs: positiveNumber('Poll Interval', options.pollInterval, defaults.pollIntervalSeconds, 0.1) * 1000,
			timeoutMs: positiveNumber('Timeout', options.timeout, defaults.timeoutSeconds, 1) * 1000,
			onTimeout: onTimeout as OnTimeout,
		},
		delivery: { itemIndex, returnAs, binaryPropertyName },
	};
}

type ItemWork = { job: Job; delivery: Delivery };

function workOf(fn: IExecuteFunctions, itemIndex: number, kind: MediaKind, adapter: ProviderAdapter): ItemWork {
	const options = fn.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const { settings, delivery } = settingsOf(fn, itemIndex, kind, options);
	// `null` marks a parameter hidden for this mode; validation treats it as not given.
	const param = (name: string): unknown => fn.getNodeParameter(name, itemIndex, null);
	const mode = param('mode');
	const model = param('model');
	if (fn.getNodeParameter('operation', itemIndex) === 'getTask') {
		const taskId = param('taskId') ?? '';
		if (typeof taskId !== 'string' && typeof taskId !== 'number') {
			throw invalidInput('Task ID', taskId, 'Expected the taskId text from an earlier output of this node.');
		}
		if (String(taskId).trim() === '') {
			throw invalidInput('Task ID', taskId, 'Expected the taskId from an earlier output of this node, e.g. {{ $json.taskId }}.');
		}
		const modelId = handleModelId(adapter.id, mode, model, options.modelId);
		if (!modelId) {
			throw invalidInput('Model', model, `Choose the Mode and Model the task was submitted with, or set Options → Model ID.`);
		}
		const handle = { provider: adapter.id, model: modelId, taskId: String(taskId).trim() };
		return { job: { itemIndex, settings, handle }, delivery };
	}
	const mediaParameters = mediaSlotsOf(kind)
		.filter((slot) => !slot.inOptions)
		.map((slot) => [slot.parameter, param(slot.parameter)]);
	const request = buildGenerationRequest(
		{
			...Object.fromEntries(mediaParameters),
			provider: adapter.id,
			kind,
			mode,
			model,
			prompt: param('prompt'),
			resolution: param('resolution'),
			aspectRatio: param('aspectRatio'),
			duration: param('duration'),
			numberOfImages: param('numberOfImages'),
			options,
			binaryFields: binaryFieldsOf(fn.getInputData()[itemIndex]?.binary),
		},
		adapter.displayName,
	);
	return { job: { itemIndex, settings, request }, delivery };
}

/**
 * The whole of a Wan node's execute(): every item is checked before anything is sent, then all
 * tasks run together and come back as items in input order.
 */
export async function executeWanNode(fn: IExecuteFunctions, kind: MediaKind): Promise<INodeExecutionData[]> {
	const items = fn.getInputData();
	const adapter = providerAdapter(fn.getNodeParameter('provider', 0) as ProviderId);
	const providerName = adapter.displayName;
	const continueOnFail = fn.continueOnFail();
	const results: INodeExecutionData[][] = new Array(items.length);
	const jobs: Job[] = [];
	const deliveries = new Map<number, Delivery>();
	const withInputFieldsIfAsked = (outputsOfItem: INodeExecutionData[], itemIndex: number) =>
		fn.getNodeParameter('options.includeInputFields', itemIndex, false) === true
			? withInputFields(items[itemIndex], outputsOfItem)
			: outputsOfItem;

	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const { job, delivery } = workOf(fn, itemIndex, kind, adapter);
			jobs.push(job);
			deliveries.set(itemIndex, delivery);
		} catch (caught) {
			const error = itemError(caught, providerName);
			if (!continueOnFail) throw toNodeError(fn.getNode(), itemIndex, error);
			const model = fn.getNodeParameter('model', itemIndex, null);
			results[itemIndex] = failedItem(error, itemIndex, adapter.id, typeof model === 'string' ? model : undefined);
		}
	}
	if (jobs.length === 0) return results.flatMap(withInputFieldsIfAsked);

	const firstOptions = fn.getNodeParameter('options', jobs[0].itemIndex, {}) as IDataObject;
	let maxConcurrency: number;
	let baseUrl: string;
	let authorization: Record<string, string>;
	let credentials: ICredentialDataDecryptedObject;
	let waitMethod: WaitMethod;
	try {
		maxConcurrency = Math.floor(
			positiveNumber('Max Concurrency', firstOptions.maxConcurrency, DEFAULT_MAX_CONCURRENCY, 1),
		);
		credentials = await fn.getCredentials(adapter.credentialType);
		baseUrl = adapter.baseUrl(credentials);
		authorization = adapter.authorization?.(credentials) ?? bearerAuthorization(credentials);
		waitMethod = chosenWaitMethod(fn, adapter, jobs, baseUrl);
	} catch (caught) {
		throw toNodeError(fn.getNode(), jobs[0].itemIndex, itemError(caught, providerName));
	}

	const clock = systemClock;
	const preparing = { fn, adapter, credentials, authorization, clock, signal: fn.getExecutionCancelSignal?.() };
	const ready: Job[] = [];
	for (const job of jobs) {
		try {
			ready.push('request' in job ? { ...job, request: await prepareRequest(preparing, job.itemIndex, job.request) } : job);
		} catch (caught) {
			const error = itemError(caught, providerName);
			if (!continueOnFail) throw toNodeError(fn.getNode(), job.itemIndex, error);
			results[job.itemIndex] = failedItem(error, job.itemIndex, adapter.id, 'request' in job ? job.request.modelId : undefined);
		}
	}
	if (ready.length === 0) return results.flatMap(withInputFieldsIfAsked);

	const run = async (runJobsOf: Job[], onPending?: (report: TaskReport) => void) => {
		const { outputs, failure } = await runJobs({
			fn,
			adapter,
			baseUrl,
			authorization,
			jobs: runJobsOf,
			maxConcurrency,
			continueOnFail,
			clock,
			deliver: async (report, job, signal) =>
				await deliverResults(fn, report, deliveries.get(job.itemIndex)!, { kind, providerName, clock, signal }),
			pending: (report, job) => {
				onPending?.(report);
				return pendingItem(report, job.itemIndex);
			},
			failed: (error, job) =>
				failedItem(error, job.itemIndex, adapter.id, 'request' in job ? job.request.modelId : job.handle.model),
		});
		if (failure) throw toNodeError(fn.getNode(), failure.job.itemIndex, failure.error);
		return outputs;
	};

	const [only] = ready;
	if (waitMethod === 'callback' && 'request' in only) {
		const paused = await submitAndPause({
			fn,
			adapter,
			credentials,
			job: only,
			delivery: deliveries.get(only.itemIndex)!,
			clock,
			runOne: async (job, onPending) => (await run([job], onPending))[0],
			withInputFields: (outputs) => withInputFieldsIfAsked(outputs, only.itemIndex),
		});
		if (paused) return paused;
	}
	const outputs = await run(ready);
	ready.forEach((job, index) => {
		results[job.itemIndex] = outputs[index];
	});
	return results.flatMap(withInputFieldsIfAsked);
}
