/**
 * APIXO (api.apixo.ai), as documented in seed doc 002 and providers.md §2: mounted so that the base URL
 * ends in `/api/v1` like the real one; `POST /api/v1/generateTask/{modelId}` with
 * `{request_type, callback_url?, input:{mode, ...}}` → `{code:200, message:'success', data:{taskId}}`;
 * `GET /api/v1/statusTask/{modelId}?taskId=` with states `pending` → `processing` → `success` | `failed`,
 * result URLs inside the `data.resultJson` string, failures as `data.failCode`/`data.failMsg` (envelope code
 * still 200); HTTP errors `{code, message, data:{error}}`; `GET /api/v1/apikeys/current-balance` for the
 * credential test. APIXO documents no cancel endpoint, so none is simulated.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

import type { AuthCheck, SimContext, SimProvider, SimRequest, SimResponse, SimRoute, SimTask, TaskFailure } from '../types';
import { documented, documentedErrorBody } from '../../fixtures/documented';
import { checkBearer, parseJsonObject } from '../http';

export const APIXO_DEFAULT_FAILURE: TaskFailure = {
	code: 'CONTENT_VIOLATION',
	message: 'Content violates usage policy',
};

/** The models the simulator serves and the `input.mode` values each accepts. */
const MODEL_MODES: Record<string, readonly string[]> = {
	'wan-2-5-video': ['text-to-video', 'image-to-video'],
	'wan-2-6-video': [
		'text-to-video',
		'image-to-video',
		'image-to-video-flash',
		'reference-to-video',
		'reference-to-video-flash',
	],
	'wan-2-5-image': ['text-to-image', 'image-to-image'],
	'wan-2-6-image': ['text-to-image', 'image-to-image'],
};

/** Modes whose prompt may be empty (wan-2-5-video image-to-video). */
const PROMPT_OPTIONAL = new Set(['wan-2-5-video image-to-video']);

/** wan-2-5-image makes 4 images when `num_images` is omitted (providers.md §2.4). */
const DEFAULT_NUM_IMAGES = 4;

const HTTP_ERRORS: Record<number, [string, string]> = {
	400: ['Invalid request', 'Invalid request body, mode, parameter, or media URL shape'],
	401: ['Unauthorized', 'Missing or invalid API key'],
	402: ['Payment required', 'Insufficient balance or quota'],
	403: ['Forbidden', 'Key or account cannot access the model'],
	404: ['Not found', 'Model or task not found'],
	429: ['Too many requests', 'Rate limit or concurrency limit reached'],
	500: ['Internal server error', 'Server error'],
	502: ['Bad gateway', 'Third-party model service error'],
	503: ['Service unavailable', 'Model unavailable'],
	504: ['Gateway timeout', 'Third-party model timeout'],
};

type ApixoError = { code: number; message: string; data: { error: string } };

/** APIXO's error envelope; without a detail, the documented body where the docs give one. */
export function apixoErrorBody(status: number, error?: string): ApixoError {
	const documentedBody = documentedErrorBody('apixo', status) as ApixoError | undefined;
	if (documentedBody && error === undefined) return documentedBody;
	const [message, detail] = HTTP_ERRORS[status] ?? [`HTTP ${status}`, `HTTP ${status}`];
	return { code: status, message: documentedBody?.message ?? message, data: { error: error ?? detail } };
}

/** The documented success envelope around `data`. */
function envelope(data: Record<string, unknown>): Record<string, unknown> {
	return { ...documented('apixo', 'submit-response'), data };
}

const PREFIX = '/api/v1';
const SUBMIT_PATH = /^\/api\/v1\/generateTask\/([^/]+)$/;
const STATUS_PATH = /^\/api\/v1\/statusTask\/([^/]+)$/;
const BALANCE_PATH = `${PREFIX}/apikeys/current-balance`;

function bad(error: string): SimResponse {
	return { status: 400, body: apixoErrorBody(400, error) };
}

function submit(req: SimRequest, ctx: SimContext): SimResponse {
	const model = decodeURIComponent(SUBMIT_PATH.exec(req.path)?.[1] ?? '');
	const modes = MODEL_MODES[model];
	if (!modes) return { status: 404, body: apixoErrorBody(404, `Model not found: ${model}`) };
	const body = parseJsonObject(req.rawBody);
	if (!body) return bad('Request body must be a JSON object');
	const requestType = body.request_type ?? 'async';
	if (requestType !== 'async' && requestType !== 'callback') return bad('Invalid field: request_type');
	if (requestType === 'callback' && (typeof body.callback_url !== 'string' || !body.callback_url.startsWith('https://'))) {
		return bad('callback_url is required when request_type is callback');
	}
	const input = body.input;
	if (typeof input !== 'object' || input === null || Array.isArray(input)) return bad('Missing required field: input');
	const fields = input as Record<string, unknown>;
	if (typeof fields.mode !== 'string' || !modes.includes(fields.mode)) return bad('Invalid field: input.mode');
	const prompt = typeof fields.prompt === 'string' ? fields.prompt : undefined;
	if (!prompt?.trim() && !PROMPT_OPTIONAL.has(`${model} ${fields.mode}`)) {
		return bad('Missing required field: input.prompt');
	}
	const kind = model.endsWith('-image') ? 'image' : 'video';
	const numImages = fields.num_images;
	const task = ctx.createTask('apixo', {
		id: `task_${randomBytes(6).toString('hex')}`,
		model,
		kind,
		body,
		prompt,
		defaultResultCount:
			kind === 'image' ? (typeof numImages === 'number' && Number.isInteger(numImages) && numImages >= 1 ? numImages : DEFAULT_NUM_IMAGES) : 1,
	});
	return { status: 200, body: envelope({ taskId: task.id }) };
}

/** The status body, as in the doc examples, for the task's state now. */
export function apixoTaskBody(task: SimTask, ctx: SimContext, record = true): Record<string, unknown> {
	const phase = record ? ctx.poll(task) : ctx.phase(task);
	const createTime = Math.round(task.createdEpochMs);
	const data: Record<string, unknown> = { taskId: task.id };
	if (phase.state === 'queued' || phase.state === 'running') {
		data.state = phase.state === 'queued' ? 'pending' : 'processing';
		data.createTime = createTime;
	} else if (phase.state === 'succeeded') {
		const costTime = Math.round(task.behaviour.durationMs);
		data.state = 'success';
		data.resultJson = JSON.stringify({ resultUrls: ctx.resultUrls(task) });
		data.createTime = createTime;
		data.completeTime = createTime + costTime;
		data.costTime = costTime;
	} else {
		// APIXO has no canceled state; a canceled task (not reachable without a cancel route) reads as failed.
		const failure = phase.state === 'failed' ? (task.behaviour.failure ?? APIXO_DEFAULT_FAILURE) : { code: 'CANCELED', message: 'Task canceled' };
		data.state = 'failed';
		data.failCode = failure.code;
		data.failMsg = failure.message;
		data.createTime = createTime;
		data.completeTime = createTime + Math.round(task.behaviour.durationMs);
	}
	return envelope(data);
}

function status(req: SimRequest, ctx: SimContext): SimResponse {
	const model = decodeURIComponent(STATUS_PATH.exec(req.path)?.[1] ?? '');
	const taskId = req.query.get('taskId');
	if (!taskId) return bad('Missing required query parameter: taskId');
	const task = ctx.findTask('apixo', taskId);
	// The model in the path must be the one the task was submitted to.
	if (!task || task.model !== model) {
		return { status: 404, body: apixoErrorBody(404, `Task not found: ${taskId}`) };
	}
	return { status: 200, body: apixoTaskBody(task, ctx) };
}

export const apixoProvider: SimProvider = {
	id: 'apixo',
	baseUrlSuffix: PREFIX,

	classify(method: string, path: string, query: URLSearchParams): { route: SimRoute; taskId?: string } {
		if (method === 'POST' && SUBMIT_PATH.test(path)) return { route: 'submit' };
		if (method === 'GET' && STATUS_PATH.test(path)) {
			const taskId = query.get('taskId');
			return taskId ? { route: 'status', taskId } : { route: 'status' };
		}
		return { route: 'other' };
	},

	authorize(headers: IncomingHttpHeaders, apiKey: string): AuthCheck {
		return checkBearer(headers, (token) => token === apiKey);
	},

	authError(): SimResponse {
		return { status: 401, body: apixoErrorBody(401) };
	},

	errorBody: (status: number) => apixoErrorBody(status),

	handle(req: SimRequest, route: SimRoute, ctx: SimContext): SimResponse {
		if (route === 'submit') return submit(req, ctx);
		if (route === 'status') return status(req, ctx);
		if (req.method === 'GET' && req.path === BALANCE_PATH) {
			// The balance body's shape is not documented; the credential test only needs the 200.
			return { status: 200, body: envelope({ balance: 100 }) };
		}
		return { status: 404, body: apixoErrorBody(404, `Not found: ${req.path}`) };
	},
};
