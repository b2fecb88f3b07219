import { arrayAt, pathOf, stringAt, strings } from '../../json';
import type { TaskState, TaskStatus } from '../../types';
import { MalformedResponseError, submittedTask, type ProviderAdapter } from '../adapter';
import { compact, usageAt } from '../body';
import { envelopeData, waveSpeedBaseUrl } from './api';
import { imageFields, videoFields } from './input';
import { waveSpeedUpload } from './upload';
import { WAVESPEED_MODELS } from './models';
import { GENEROUS_RATE } from '../../rateLimiter';

/** https://wavespeed.ai/docs/get-result: `created` → `processing` → `completed` | `failed`. */
const STATUSES: Record<string, TaskStatus> = {
	created: 'queued',
	processing: 'running',
	completed: 'succeeded',
	failed: 'failed',
};

/** A prediction (https://wavespeed.ai/docs/shared/submit-response): `status`, `outputs[]`, `error`, `timings`. */
function prediction(data: unknown, body: unknown): TaskState {
	const rawStatus = pathOf(data, 'status');
	if (typeof rawStatus !== 'string') {
		throw new MalformedResponseError('WaveSpeed prediction has no data.status', body);
	}
	const error = stringAt(data, 'error');
	return {
		status: STATUSES[rawStatus] ?? 'unknown',
		rawStatus,
		urls: strings(arrayAt(data, 'outputs')),
		// `error` is an empty string while nothing went wrong.
		errorMessage: error || undefined,
		// WaveSpeed's only figure for what a task took: `timings.inference`, in ms.
		usage: usageAt(data, 'timings'),
	};
}

const taskState = (body: unknown): TaskState => prediction(envelopeData(body, 'prediction'), body);

/** The path of a model id below `/api/v3/`: each segment encoded, its slashes kept. */
function modelPath(modelId: string): string {
	return modelId.split('/').map(encodeURIComponent).join('/');
}

export const wavespeed: ProviderAdapter = {
	id: 'wavespeed',
	displayName: 'WaveSpeed',
	credentialType: 'waveSpeedApi',
	models: WAVESPEED_MODELS,
	binaryInput: { dataUri: {}, upload: waveSpeedUpload },
	// WaveSpeed publishes no rate limit.
	rateLimit: GENEROUS_RATE,

	baseUrl: waveSpeedBaseUrl,

	buildSubmit(request) {
		const specific = request.kind === 'video' ? videoFields(request) : imageFields(request);
		return {
			method: 'POST',
			path: `/api/v3/${modelPath(request.modelId)}`,
			// The webhook is a query parameter of the submit (https://wavespeed.ai/docs/how-to-use-webhooks).
			...(request.callbackUrl ? { qs: { webhook: request.callbackUrl } } : {}),
			body: compact({
				prompt: request.prompt,
				negative_prompt: request.negativePrompt,
				...specific,
				seed: request.seed,
			}),
		};
	},

	parseSubmit(body) {
		const data = envelopeData(body, 'submit response');
		const taskId = stringAt(data, 'id');
		if (!taskId) throw new MalformedResponseError('WaveSpeed submit response has no data.id', body);
		return submittedTask(taskId, data, (answer) => prediction(answer, body));
	},

	// The result route every model page and the submit answer's `urls.get` name.
	buildStatus: (handle) => ({
		method: 'GET',
		path: `/api/v3/predictions/${encodeURIComponent(handle.taskId)}/result`,
	}),

	parseStatus: taskState,

	// The webhook posts the prediction without its envelope (https://wavespeed.ai/docs/how-to-use-webhooks).
	callbackTaskId: (body) => stringAt(body, 'id') ?? stringAt(body, 'data', 'id'),

	parseError(body) {
		const message = stringAt(body, 'message') ?? stringAt(body, 'error');
		if (!message) return undefined;
		const code = pathOf(body, 'code');
		return { message, code: typeof code === 'number' || typeof code === 'string' ? String(code) : undefined };
	},
};
