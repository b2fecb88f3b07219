import type { IDataObject } from 'n8n-workflow';

import { invalidInput } from '../../inputError';
import { arrayAt, numberAt, pathOf, stringAt, strings } from '../../json';
import { urlsOf, type GenerationRequest } from '../../request';
import type { TaskState, TaskStatus } from '../../types';
import { MalformedResponseError, submittedTask, trimBaseUrl, type ProviderAdapter } from '../adapter';
import { compact, listIfAny, requestedImageSize, usageAt } from '../body';
import { mediaFields } from './media';
import { EVOLINK_MODELS } from './models';
import { evolinkUpload } from './upload';
import { GENEROUS_RATE } from '../../rateLimiter';

const STATUSES: Record<string, TaskStatus> = {
	pending: 'queued',
	processing: 'running',
	completed: 'succeeded',
	failed: 'failed',
	cancelled: 'canceled',
};

function videoBody(request: GenerationRequest): IDataObject {
	return {
		// Wan 2.7 image to video: which of its documented input combinations this is.
		generation_mode: request.spec.providerMode,
		negative_prompt: request.negativePrompt,
		aspect_ratio: request.aspectRatio,
		quality: request.resolution,
		duration: request.duration,
		...mediaFields(request),
		generate_audio: request.generateAudio,
		keep_original_sound: request.keepSourceAudio,
		seed: request.seed,
	};
}

function imageBody(request: GenerationRequest): IDataObject {
	const size = requestedImageSize(request);
	return {
		size: size ? `${size.width}x${size.height}` : undefined,
		n: request.numberOfImages,
		image_urls: listIfAny(urlsOf(request, 'images')),
	};
}

/** EvoLink task ids and result URLs: `results[]`, or `result_data[].video_url | image_url`. */
function resultUrls(body: unknown): string[] {
	const results = strings(arrayAt(body, 'results'));
	if (results.length > 0) return results;
	return strings(
		arrayAt(body, 'result_data').map(
			(entry) => stringAt(entry, 'video_url') ?? stringAt(entry, 'image_url'),
		),
	);
}

function taskState(body: unknown): TaskState {
	const rawStatus = pathOf(body, 'status');
	if (typeof rawStatus !== 'string') {
		throw new MalformedResponseError('EvoLink task response has no status', body);
	}
	return {
		status: STATUSES[rawStatus] ?? 'unknown',
		rawStatus,
		progress: numberAt(body, 'progress'),
		urls: resultUrls(body),
		errorCode: stringAt(body, 'error', 'code'),
		errorMessage: stringAt(body, 'error', 'message'),
		estimatedSeconds: numberAt(body, 'task_info', 'estimated_time'),
		// EvoLink's own billing words (`billing_rule`, `credits_reserved`, `user_group`), as it sends them.
		usage: usageAt(body, 'usage'),
	};
}

/** What EvoLink refuses that the catalogue's ranges cannot say, before anything is sent. */
function preflight(request: GenerationRequest): void {
	// Wan 2.7 pages: seed 1–2147483647 (Wan 2.5/2.6 take no seed).
	if (request.seed === 0) throw invalidInput('Seed', 0, 'Allowed for EvoLink: 1–2147483647.');
}

export const evolink: ProviderAdapter = {
	id: 'evolink',
	displayName: 'EvoLink',
	credentialType: 'evoLinkApi',
	models: EVOLINK_MODELS,
	// EvoLink publishes no rate limit (only its 429).
	rateLimit: GENEROUS_RATE,

	binaryInput: { dataUri: {}, upload: evolinkUpload },
	baseUrl: (credentials) => trimBaseUrl(String(credentials.baseUrl || 'https://api.evolink.ai')),

	preflight,

	buildSubmit(request) {
		const specific = request.kind === 'video' ? videoBody(request) : imageBody(request);
		return {
			method: 'POST',
			path: request.kind === 'video' ? '/v1/videos/generations' : '/v1/images/generations',
			body: compact({
				model: request.modelId,
				prompt: request.prompt,
				...specific,
				prompt_extend: request.promptExtend,
				callback_url: request.callbackUrl,
			}),
		};
	},

	parseSubmit(body) {
		const taskId = stringAt(body, 'id');
		if (!taskId) throw new MalformedResponseError('EvoLink submit response has no task id', body);
		return submittedTask(taskId, body, taskState);
	},

	buildStatus: (handle) => ({
		method: 'GET',
		path: `/v1/tasks/${encodeURIComponent(handle.taskId)}`,
	}),

	parseStatus: taskState,

	// The callback body is the task query's answer (callback_url on every Wan page).
	callbackTaskId: (body) => stringAt(body, 'id'),

	parseError(body) {
		const message = stringAt(body, 'error', 'message');
		if (!message) return undefined;
		return {
			message,
			code: stringAt(body, 'error', 'type') ?? stringAt(body, 'error', 'code'),
			description: stringAt(body, 'error', 'fallback_suggestion'),
		};
	},
};
