import { trimBaseUrl, type ProviderAdapter } from '../adapter';
import { compact } from '../body';
import { imageTierCheck } from '../imageTiers';
import { callbackTaskId, marketError, marketTaskState, submittedTaskId, type MarketProtocol } from '../marketTask';
import { imageFields, mediaFields, videoFields } from './input';
import { APIXO_MODELS } from './models';
import { GENEROUS_RATE } from '../../rateLimiter';

/** APIXO's market-task protocol: its state words (response-format page). */
const PROTOCOL: MarketProtocol = {
	name: 'APIXO',
	states: { pending: 'queued', processing: 'running', success: 'succeeded', failed: 'failed' },
};

export const apixo: ProviderAdapter = {
	id: 'apixo',
	displayName: 'APIXO',
	credentialType: 'apixoApi',
	models: APIXO_MODELS,
	// APIXO publishes no rate limit ("varies by account").
	rateLimit: GENEROUS_RATE,

	baseUrl: (credentials) => trimBaseUrl(String(credentials.baseUrl || 'https://api.apixo.ai/api/v1')),

	// A Size that names no resolution tier of wan-2-7-image, refused before anything is sent.
	preflight: imageTierCheck('APIXO'),

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

	parseSubmit: (body) => ({ taskId: submittedTaskId(PROTOCOL, body) }),

	// The status route is per model: the handle's model is the APIXO model id the task was submitted to.
	buildStatus: (handle) => ({
		method: 'GET',
		path: `/statusTask/${encodeURIComponent(handle.model)}`,
		qs: { taskId: handle.taskId },
	}),

	parseStatus: (body) => marketTaskState(PROTOCOL, body),

	parseError: marketError,

	callbackTaskId,
};
