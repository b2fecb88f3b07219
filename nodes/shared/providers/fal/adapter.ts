import { arrayAt, asRecord, pathOf, stringAt, strings } from '../../json';
import type { ProviderError, TaskState, TaskStatus } from '../../types';
import { MalformedResponseError, submittedTask, trimBaseUrl, type ProviderAdapter } from '../adapter';
import { compact, usageAt } from '../body';
import { requestPath, submitPath } from './endpoint';
import { imageInput, videoInput } from './input';
import { FAL_MODELS } from './models';
import { falUpload } from './upload';
import { GENEROUS_RATE } from '../../rateLimiter';

/** The queue's statuses (https://docs.fal.ai/model-endpoints/queue): a request ends COMPLETED, its outcome is in its result. */
const STATUSES: Record<string, TaskStatus> = {
	IN_QUEUE: 'queued',
	IN_PROGRESS: 'running',
	COMPLETED: 'succeeded',
};

/**
 * A queue status body. COMPLETED means the run ended: its outputs, or its error, are at the result URL. A
 * status that already carries an `error` (with `error_type`) is read as the failure it reports.
 */
function taskState(body: unknown): TaskState {
	const rawStatus = pathOf(body, 'status');
	if (typeof rawStatus !== 'string') throw new MalformedResponseError('fal status response has no status', body);
	const error = stringAt(body, 'error');
	return {
		status: rawStatus === 'COMPLETED' && error ? 'failed' : (STATUSES[rawStatus] ?? 'unknown'),
		rawStatus,
		urls: [],
		errorCode: stringAt(body, 'error_type'),
		errorMessage: error,
		// fal's own figure for the run: `metrics.inference_time` (seconds), once COMPLETED.
		usage: usageAt(body, 'metrics'),
	};
}

/** A result body: `video.url`, or `images[].url`. */
function resultState(body: unknown, finished: TaskState): TaskState {
	if (!asRecord(body)) throw new MalformedResponseError('fal result is not a JSON object', body);
	const video = stringAt(body, 'video', 'url');
	const images = strings(arrayAt(body, 'images').map((image) => stringAt(image, 'url')));
	return { ...finished, urls: video ? [video] : images };
}

/**
 * fal's two error shapes (https://docs.fal.ai/errors, .../request-errors): `detail` as a list of
 * `{loc, msg, type, url}` (model and validation errors), or as a string with `error_type`.
 */
function parseError(body: unknown): ProviderError | undefined {
	const detail = pathOf(body, 'detail');
	if (typeof detail === 'string' && detail.trim() !== '') {
		return { message: detail, code: stringAt(body, 'error_type'), description: undefined };
	}
	const entries = Array.isArray(detail) ? detail.filter((entry) => typeof stringAt(entry, 'msg') === 'string') : [];
	if (entries.length === 0) return undefined;
	const where = (entry: unknown) => strings(arrayAt(entry, 'loc').map((part) => (typeof part === 'number' ? String(part) : part))).join('.');
	return {
		message: entries.map((entry) => `${stringAt(entry, 'msg')}${where(entry) ? ` (${where(entry)})` : ''}`).join('; '),
		code: stringAt(entries[0], 'type'),
		description: stringAt(entries[0], 'url'),
	};
}

export const fal: ProviderAdapter = {
	id: 'fal',
	displayName: 'fal',
	credentialType: 'falApi',
	models: FAL_MODELS,
	// fal's Wan pages take a base64 data URI wherever they take an image URL (fal-ai/wan-25-preview/image-to-video;
	// https://docs.fal.ai/documentation/model-apis/fal-cdn, "Data URIs"); 10 MB is the smallest image limit of the pages.
	binaryInput: { dataUri: { image: 10 * 1024 * 1024 }, upload: falUpload },
	// fal limits concurrent requests per account, not a request rate.
	rateLimit: GENEROUS_RATE,

	baseUrl: (credentials) => trimBaseUrl(String(credentials.baseUrl || 'https://queue.fal.run')),

	authorization: (credentials) => ({ Authorization: `Key ${String(credentials.apiKey ?? '')}` }),

	buildSubmit(request) {
		const input = request.kind === 'video' ? videoInput(request) : imageInput(request);
		return {
			method: 'POST',
			path: submitPath(request.modelId),
			// https://docs.fal.ai/model-endpoints/webhooks: the webhook is a query parameter of the submit.
			...(request.callbackUrl ? { qs: { fal_webhook: request.callbackUrl } } : {}),
			body: compact(input),
		};
	},

	parseSubmit(body) {
		const taskId = stringAt(body, 'request_id');
		if (!taskId) throw new MalformedResponseError('fal submit response has no request_id', body);
		return submittedTask(taskId, body, taskState);
	},

	buildStatus: (handle) => ({ method: 'GET', path: `${requestPath(handle.model, handle.taskId)}/status` }),

	parseStatus: taskState,

	result: {
		build: (handle) => ({ method: 'GET', path: requestPath(handle.model, handle.taskId) }),
		parse: resultState,
	},

	// "Cancels a request that has not started processing": only while it is (or may still be) queued.
	buildCancel: (handle, state) =>
		state === undefined || state.status === 'queued'
			? { method: 'PUT', path: `${requestPath(handle.model, handle.taskId)}/cancel` }
			: undefined,

	parseError,

	// The webhook's body names the queue's request (https://docs.fal.ai/model-endpoints/webhooks).
	callbackTaskId: (body) => stringAt(body, 'request_id'),
};
