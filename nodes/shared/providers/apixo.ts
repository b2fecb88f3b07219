import type { IDataObject } from 'n8n-workflow';

import { arrayAt, asRecord, excerpt, numberAt, parseJson, pathOf, stringAt, strings } from '../json';
import type { GenerationMode, GenerationRequest, TaskState, TaskStatus } from '../types';
import { MalformedResponseError, trimBaseUrl, type ProviderAdapter } from './adapter';
import { compact, videoSizeText } from './body';

const STATES: Record<string, TaskStatus> = {
	pending: 'queued',
	processing: 'running',
	success: 'succeeded',
	failed: 'failed',
};

const MODES: Record<GenerationMode, string> = {
	textToVideo: 'text-to-video',
	imageToVideo: 'image-to-video',
	referenceToVideo: 'reference-to-video',
	textToImage: 'text-to-image',
	imageToImage: 'image-to-image',
};

/** wan-2-6-video serves the flash variants as modes of the same model id: `image-to-video-flash`, … */
function apixoMode(request: GenerationRequest): string {
	return request.model.endsWith('-flash') ? `${MODES[request.mode]}-flash` : MODES[request.mode];
}

const listIfAny = (urls: string[]) => (urls.length > 0 ? urls : undefined);

/**
 * Wan 2.5 takes `aspect_ratio`; Wan 2.6 documents explicit `size` presets (`1280*720`, …) for its text and
 * reference modes, which are exactly the Wan output sizes for the chosen resolution and aspect ratio.
 */
function videoFrame(request: GenerationRequest): IDataObject {
	if (!request.aspectRatio || !request.resolution) return {};
	if (request.model === 'wan2.5') return { aspect_ratio: request.aspectRatio };
	return { size: videoSizeText(request) };
}

function videoInput(request: GenerationRequest): IDataObject {
	return {
		video_urls: listIfAny(request.referenceUrls),
		audio_urls: request.audioUrl ? [request.audioUrl] : undefined,
		resolution: request.resolution,
		duration: request.duration,
		...videoFrame(request),
		sound: request.generateAudio,
		watermark: request.watermark,
		seed: request.seed,
	};
}

function imageInput(request: GenerationRequest): IDataObject {
	// Always sent: APIXO's wan-2-5-image makes 4 images when `num_images` is omitted.
	return { num_images: request.numberOfImages, aspect_ratio: request.aspectRatio };
}

/**
 * The `data` of an APIXO envelope `{code, message, data}`. A 2xx response whose envelope code is not 200 did
 * not do what was asked; it is reported as unreadable (with the envelope's words) rather than as a failed
 * task, because the task may well still exist and be fetchable later.
 */
function envelopeData(body: unknown, what: string): unknown {
	if (!asRecord(body)) throw new MalformedResponseError(`APIXO ${what} is not a JSON object`, body);
	const code = pathOf(body, 'code');
	if (code !== undefined && numberAt(body, 'code') !== 200) {
		const message = stringAt(body, 'message') ?? 'no message';
		const detail = stringAt(body, 'data', 'error');
		throw new MalformedResponseError(
			`APIXO ${what} has code ${excerpt(code, 40)}: ${message}${detail ? ` (${detail})` : ''}`,
			body,
		);
	}
	return pathOf(body, 'data');
}

/** `data.resultJson` is a JSON string: `{"resultUrls": [...]}`. */
function resultUrls(data: unknown, body: unknown): string[] {
	const raw = pathOf(data, 'resultJson');
	if (raw === undefined || raw === null || raw === '') return [];
	const parsed = typeof raw === 'string' ? parseJson(raw) : raw;
	if (!asRecord(parsed)) {
		throw new MalformedResponseError(`APIXO resultJson is not a JSON object: ${excerpt(raw, 80)}`, body);
	}
	return strings(arrayAt(parsed, 'resultUrls'));
}

function taskState(body: unknown): TaskState {
	const data = envelopeData(body, 'status response');
	const rawStatus = pathOf(data, 'state');
	if (typeof rawStatus !== 'string') {
		throw new MalformedResponseError('APIXO status response has no data.state', body);
	}
	return {
		status: STATES[rawStatus] ?? 'unknown',
		rawStatus,
		urls: resultUrls(data, body),
		errorCode: stringAt(data, 'failCode'),
		errorMessage: stringAt(data, 'failMsg'),
	};
}

export const apixo: ProviderAdapter = {
	id: 'apixo',
	displayName: 'APIXO',
	credentialType: 'apixoApi',
	// APIXO publishes no rate limit ("varies by account"); stay well below what EvoLink allows.
	rateLimit: { perSecond: 5, burst: 10 },

	baseUrl: (credentials) => trimBaseUrl(String(credentials.baseUrl || 'https://api.apixo.ai/api/v1')),

	buildSubmit(request) {
		const specific = request.kind === 'video' ? videoInput(request) : imageInput(request);
		return {
			method: 'POST',
			path: `/generateTask/${encodeURIComponent(request.modelId)}`,
			body: compact({
				request_type: request.callbackUrl ? 'callback' : 'async',
				callback_url: request.callbackUrl,
				input: compact({
					mode: apixoMode(request),
					prompt: request.prompt,
					negative_prompt: request.negativePrompt,
					image_urls: listIfAny(request.imageUrls),
					...specific,
					prompt_extend: request.promptExtend,
				}),
			}),
		};
	},

	parseSubmit(body) {
		const taskId = stringAt(envelopeData(body, 'submit response'), 'taskId');
		if (!taskId) throw new MalformedResponseError('APIXO submit response has no data.taskId', body);
		return { taskId };
	},

	// The status route is per model: the handle's model is the APIXO model id the task was submitted to.
	buildStatus: (handle) => ({
		method: 'GET',
		path: `/statusTask/${encodeURIComponent(handle.model)}`,
		qs: { taskId: handle.taskId },
	}),

	parseStatus: taskState,

	parseError(body) {
		const message = stringAt(body, 'message');
		const detail = stringAt(body, 'data', 'error');
		if (!message && !detail) return undefined;
		return {
			message: message && detail && detail !== message ? `${message}: ${detail}` : (detail ?? message ?? ''),
			code: stringAt(body, 'code'),
		};
	},
};
