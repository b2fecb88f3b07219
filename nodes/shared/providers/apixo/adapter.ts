import { arrayAt, asRecord, excerpt, numberAt, parseJson, pathOf, stringAt, strings } from '../../json';
import type { TaskState, TaskStatus } from '../../types';
import { MalformedResponseError, trimBaseUrl, type ProviderAdapter } from '../adapter';
import { compact } from '../body';
import { checkImageTier } from './imageTiers';
import { imageFields, mediaFields, videoFields } from './input';
import { APIXO_MODELS } from './models';

const STATES: Record<string, TaskStatus> = {
	pending: 'queued',
	processing: 'running',
	success: 'succeeded',
	failed: 'failed',
};

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
	const costTime = numberAt(data, 'costTime');
	return {
		status: STATES[rawStatus] ?? 'unknown',
		rawStatus,
		urls: resultUrls(data, body),
		errorCode: stringAt(data, 'failCode'),
		errorMessage: stringAt(data, 'failMsg'),
		// APIXO's only cost figure: the processing time in ms, once the task has ended (response-format page).
		...(costTime === undefined ? {} : { usage: { costTime } }),
	};
}

export const apixo: ProviderAdapter = {
	id: 'apixo',
	displayName: 'APIXO',
	credentialType: 'apixoApi',
	models: APIXO_MODELS,
	// APIXO publishes no rate limit ("varies by account"); stay well below what EvoLink allows.
	rateLimit: { perSecond: 5, burst: 10 },

	baseUrl: (credentials) => trimBaseUrl(String(credentials.baseUrl || 'https://api.apixo.ai/api/v1')),

	// A Size that names no resolution tier of wan-2-7-image, refused before anything is sent.
	preflight: checkImageTier,

	buildSubmit(request) {
		const specific = request.kind === 'video' ? videoFields(request) : imageFields(request);
		return {
			method: 'POST',
			path: `/generateTask/${encodeURIComponent(request.modelId)}`,
			body: compact({
				request_type: request.callbackUrl ? 'callback' : 'async',
				callback_url: request.callbackUrl,
				input: compact({
					mode: request.spec.providerMode,
					prompt: request.prompt,
					negative_prompt: request.negativePrompt,
					...mediaFields(request),
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
