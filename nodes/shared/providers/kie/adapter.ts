import { trimBaseUrl, type ProviderAdapter } from '../adapter';
import { compact } from '../body';
import { imageTierCheck } from '../imageTiers';
import { callbackTaskId, marketError, marketTaskState, submittedTaskId, type MarketProtocol } from '../marketTask';
import { inputFields } from './input';
import { KIE_MODELS } from './models';
import { kieUpload } from './upload';
import { GENEROUS_RATE } from '../../rateLimiter';

/** The market API's state words (https://docs.kie.ai/market/common/get-task-detail, "Task States"). */
const PROTOCOL: MarketProtocol = {
	name: 'Kie.ai',
	states: { waiting: 'queued', queuing: 'queued', generating: 'running', success: 'succeeded', fail: 'failed' },
};

export const kie: ProviderAdapter = {
	id: 'kie',
	displayName: 'Kie.ai',
	credentialType: 'kieApi',
	models: KIE_MODELS,
	binaryInput: { dataUri: {}, upload: kieUpload },
	// Kie documents no rate limit for the market API (its error list has 429).
	rateLimit: GENEROUS_RATE,

	baseUrl: (credentials) => trimBaseUrl(String(credentials.baseUrl || 'https://api.kie.ai')),

	// A Size that names no resolution tier of wan/2-7-image-pro, refused before anything is sent.
	preflight: imageTierCheck('Kie.ai'),

	// One route for every model, the model id in the body (every page under https://docs.kie.ai/market/wan/).
	buildSubmit: (request) => ({
		method: 'POST',
		path: '/api/v1/jobs/createTask',
		body: compact({
			model: request.modelId,
			callBackUrl: request.callbackUrl,
			input: compact(inputFields(request)),
		}),
	}),

	parseSubmit: (body) => ({ taskId: submittedTaskId(PROTOCOL, body) }),

	// One status route for every market model, by task id alone.
	buildStatus: (handle) => ({ method: 'GET', path: '/api/v1/jobs/recordInfo', qs: { taskId: handle.taskId } }),

	parseStatus: (body) => marketTaskState(PROTOCOL, body),

	parseError: marketError,

	callbackTaskId,
};
