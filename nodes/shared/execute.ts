import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { KIND_DEFAULTS } from './defaults';
import { toNodeError } from './errors';
import { runJobs, type Job, type JobSettings, type OnTimeout } from './jobs';
import { providerAdapter } from './providers';
import type { ProviderAdapter } from './providers/adapter';
import { deliverResults, failedItem, pendingItem, type ReturnAs } from './results';
import type { MediaKind, ProviderId } from './types';
import { InvalidInputError } from './inputError';
import { mediaSlotsOf } from './modes';
import { buildGenerationRequest, handleModelId } from './validation';

const DEFAULT_MAX_CONCURRENCY = 20;

function positiveNumber(field: string, value: unknown, fallback: number, minimum: number): number {
	if (value === undefined || value === null || value === '') return fallback;
	const number = typeof value === 'string' ? Number(value) : value;
	if (typeof number !== 'number' || !Number.isFinite(number) || number < minimum) {
		throw new InvalidInputError(field, value, `Expected a number of at least ${minimum}.`);
	}
	return number;
}

function settingsOf(fn: IExecuteFunctions, itemIndex: number, kind: MediaKind, options: IDataObject): JobSettings {
	const defaults = KIND_DEFAULTS[kind];
	const onTimeout = options.onTimeout ?? 'error';
	if (onTimeout !== 'error' && onTimeout !== 'returnPending') {
		throw new InvalidInputError('On Timeout', onTimeout, 'Allowed: error, returnPending.');
	}
	const binaryPropertyName = String(options.binaryPropertyName ?? 'data').trim() || 'data';
	return {
		waitForCompletion: fn.getNodeParameter('waitForCompletion', itemIndex, true) as boolean,
		// Hidden (so absent) when not waiting: a task found finished then comes back as URLs.
		returnAs: fn.getNodeParameter('returnAs', itemIndex, 'url') as ReturnAs,
		binaryPropertyName,
		pollIntervalMs: positiveNumber('Poll Interval', options.pollInterval, defaults.pollIntervalSeconds, 0.1) * 1000,
		timeoutMs: positiveNumber('Timeout', options.timeout, defaults.timeoutSeconds, 1) * 1000,
		onTimeout: onTimeout as OnTimeout,
	};
}

function jobOf(fn: IExecuteFunctions, itemIndex: number, kind: MediaKind, adapter: ProviderAdapter): Job {
	const options = fn.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const settings = settingsOf(fn, itemIndex, kind, options);
	// `null` marks a parameter hidden for this mode; validation treats it as not given.
	const param = (name: string): unknown => fn.getNodeParameter(name, itemIndex, null);
	const mode = param('mode');
	const model = param('model');
	if (fn.getNodeParameter('operation', itemIndex) === 'getTask') {
		const taskId = param('taskId') ?? '';
		if (typeof taskId !== 'string' && typeof taskId !== 'number') {
			throw new InvalidInputError('Task ID', taskId, 'Expected the taskId text from an earlier output of this node.');
		}
		if (String(taskId).trim() === '') {
			throw new InvalidInputError('Task ID', taskId, 'Expected the taskId from an earlier output of this node, e.g. {{ $json.taskId }}.');
		}
		const modelId = handleModelId(adapter.id, mode, model, options.modelId);
		if (!modelId) {
			throw new InvalidInputError('Model', model, `Choose the Mode and Model the task was submitted with, or set Options → Model ID.`);
		}
		return { itemIndex, settings, handle: { provider: adapter.id, model: modelId, taskId: String(taskId).trim() } };
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
		},
		adapter.displayName,
	);
	return { itemIndex, settings, request };
}

/**
 * The whole of a Wan node's execute(): every item is checked before anything is sent, then all
 * tasks run together and come back as items in input order.
 */
export async function executeWanNode(fn: IExecuteFunctions, kind: MediaKind): Promise<INodeExecutionData[]> {
	const items = fn.getInputData();
	const adapter = providerAdapter(fn.getNodeParameter('provider', 0) as ProviderId);
	const continueOnFail = fn.continueOnFail();
	const results: INodeExecutionData[][] = new Array(items.length);
	const jobs: Job[] = [];

	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			jobs.push(jobOf(fn, itemIndex, kind, adapter));
		} catch (error) {
			const nodeError = toNodeError(fn.getNode(), itemIndex, error, adapter.displayName);
			if (!continueOnFail) throw nodeError;
			const model = fn.getNodeParameter('model', itemIndex, null);
			results[itemIndex] = failedItem(nodeError, itemIndex, adapter.id, typeof model === 'string' ? model : undefined);
		}
	}
	if (jobs.length === 0) return results.flat();

	const firstOptions = fn.getNodeParameter('options', jobs[0].itemIndex, {}) as IDataObject;
	let maxConcurrency: number;
	let baseUrl: string;
	try {
		maxConcurrency = Math.floor(
			positiveNumber('Max Concurrency', firstOptions.maxConcurrency, DEFAULT_MAX_CONCURRENCY, 1),
		);
		baseUrl = adapter.baseUrl(await fn.getCredentials(adapter.credentialType));
	} catch (error) {
		throw toNodeError(fn.getNode(), jobs[0].itemIndex, error, adapter.displayName);
	}

	const outputs = await runJobs({
		fn,
		adapter,
		baseUrl,
		jobs,
		maxConcurrency,
		continueOnFail,
		deliver: async (report, job, signal) => await deliverResults(fn, report, job, kind, signal, adapter.displayName),
		pending: pendingItem,
		failed: (error, job, handle) =>
			failedItem(error, job.itemIndex, adapter.id, 'request' in job ? job.request.modelId : job.handle.model, handle),
	});
	jobs.forEach((job, index) => {
		results[job.itemIndex] = outputs[index];
	});
	return results.flat();
}
