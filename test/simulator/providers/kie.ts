/**
 * Kie.ai's market API (api.kie.ai), as its pages document it: `POST /api/v1/jobs/createTask` with
 * `{model, callBackUrl?, input}` → `{code:200, msg:'success', data:{taskId}}`; `GET /api/v1/jobs/recordInfo?taskId=`
 * → `{code:200, message:'success', data:{taskId, model, state, param, resultJson, failCode, failMsg, …}}` with
 * states `waiting` → `generating` → `success` | `fail` (https://docs.kie.ai/market/common/get-task-detail);
 * `GET /api/v1/chat/credit` for the credential test (https://docs.kie.ai/common-api/get-account-credits).
 * Each Wan model's `input` is checked field by field against its page under https://docs.kie.ai/market/wan/:
 * a field the page does not list, a missing required field, a value outside its enum or range is refused.
 * The pages give the envelope's codes (401, 402, 422, 429, 500, …) but not the HTTP status they come with:
 * the simulator answers with the same HTTP status. Kie documents no cancel route, so none is simulated.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

import { documented, documentedErrorBody } from '../../fixtures/documented';
import { acceptableCallbackUrl } from '../callbacks';
import { checkBearer, classifyMarketTask, parseJsonObject } from '../http';
import type { AuthCheck, SimContext, SimProvider, SimRequest, SimResponse, SimRoute, SimTask, TaskFailure } from '../types';
import { KIE_MODEL_RULES, inputProblem } from './kieModels';

export const KIE_DEFAULT_FAILURE: TaskFailure = {
	code: '501',
	message: 'Generation Failed - Content generation task failed',
};

/** The envelope codes' words, as Kie's pages list them. */
const CODE_WORDS: Record<number, string> = {
	401: 'Unauthorized - Authentication credentials are missing or invalid',
	402: 'Insufficient Credits - Account does not have enough credits to perform the operation',
	404: 'Not Found - The requested resource or endpoint does not exist',
	422: 'Validation Error - The request parameters failed validation checks',
	429: 'Rate Limited - Request limit has been exceeded for this resource',
	455: 'Service Unavailable - System is currently undergoing maintenance',
	500: 'Server Error - An unexpected error occurred while processing the request',
	501: 'Generation Failed - Content generation task failed',
	505: 'Feature Disabled - The requested feature is currently disabled',
};

type KieError = { code: number; msg: string; data: null };

/** Kie's error envelope for a code; the documented body where the docs give one. */
export function kieErrorBody(status: number, detail?: string): KieError {
	const documentedBody = documentedErrorBody('kie', status) as KieError | undefined;
	if (documentedBody && detail === undefined) return documentedBody;
	const words = CODE_WORDS[status] ?? `HTTP ${status}`;
	return { code: status, msg: detail ? `${words}: ${detail}` : words, data: null };
}

const SUBMIT_PATH = '/api/v1/jobs/createTask';
const STATUS_PATH = '/api/v1/jobs/recordInfo';
const CREDIT_PATH = '/api/v1/chat/credit';

function refuse(detail: string): SimResponse {
	return { status: 422, body: kieErrorBody(422, detail) };
}

function submit(req: SimRequest, ctx: SimContext): SimResponse {
	const body = parseJsonObject(req.rawBody);
	if (!body) return refuse('request body must be a JSON object');
	const model = typeof body.model === 'string' ? body.model : '';
	const rules = KIE_MODEL_RULES[model];
	if (!rules) return refuse(`model ${model || '(missing)'} is not supported`);
	if (body.callBackUrl !== undefined && (typeof body.callBackUrl !== 'string' || !/^https?:\/\//.test(body.callBackUrl))) {
		return refuse('callBackUrl must be a URL');
	}
	const input = body.input;
	if (typeof input !== 'object' || input === null || Array.isArray(input)) return refuse('input is required');
	const fields = input as Record<string, unknown>;
	const problem = inputProblem(rules, fields);
	if (problem) return refuse(problem);
	const task = ctx.createTask('kie', {
		id: `task_wan_${Date.now()}${randomBytes(3).toString('hex')}`,
		model,
		kind: rules.kind,
		body,
		prompt: typeof fields.prompt === 'string' ? fields.prompt : undefined,
		defaultResultCount: rules.kind === 'image' ? (typeof fields.n === 'number' ? fields.n : fields.enable_sequential === true ? 12 : 4) : 1,
	});
	if (acceptableCallbackUrl(body.callBackUrl)) ctx.requestCallback(task, body.callBackUrl);
	return { status: 200, body: { ...documented<Record<string, unknown>>('kie', 'submit-response'), data: { taskId: task.id } } };
}

/** The recordInfo body, in the documented shape, for the task's state now. */
export function kieTaskBody(task: SimTask, ctx: SimContext, record = true): Record<string, unknown> {
	const phase = record ? ctx.poll(task) : ctx.phase(task);
	const createTime = Math.round(task.createdEpochMs);
	const data: Record<string, unknown> = {
		taskId: task.id,
		model: task.model,
		state: 'waiting',
		param: JSON.stringify(task.body),
		resultJson: '',
		failCode: '',
		failMsg: '',
		completeTime: null,
		createTime,
		updateTime: createTime,
	};
	const doneTime = createTime + Math.round(task.behaviour.durationMs);
	if (phase.state === 'running') data.state = 'generating';
	else if (phase.state === 'succeeded') {
		Object.assign(data, { state: 'success', resultJson: JSON.stringify({ resultUrls: ctx.resultUrls(task) }) });
		Object.assign(data, { completeTime: doneTime, updateTime: doneTime });
	} else if (phase.state === 'failed' || phase.state === 'canceled') {
		// Kie has no canceled state; a canceled task (not reachable without a cancel route) reads as failed.
		const failure = phase.state === 'failed' ? (task.behaviour.failure ?? KIE_DEFAULT_FAILURE) : { code: 'CANCELED', message: 'Task canceled' };
		Object.assign(data, { state: 'fail', failCode: failure.code, failMsg: failure.message, completeTime: doneTime, updateTime: doneTime });
	}
	return { ...documented<Record<string, unknown>>('kie', 'status-succeeded'), data };
}

function status(req: SimRequest, ctx: SimContext): SimResponse {
	const taskId = req.query.get('taskId');
	if (!taskId) return refuse('taskId is required');
	const task = ctx.findTask('kie', taskId);
	if (!task) return { status: 404, body: kieErrorBody(404, `task ${taskId}`) };
	return { status: 200, body: kieTaskBody(task, ctx) };
}

export const kieProvider: SimProvider = {
	id: 'kie',

	classify: classifyMarketTask((path) => path === SUBMIT_PATH, (path) => path === STATUS_PATH),

	credentialFields: (origin: string) => ({ filesBaseUrl: `${origin}/kie-files` }),

	authorize(headers: IncomingHttpHeaders, apiKey: string): AuthCheck {
		return checkBearer(headers, (token) => token === apiKey);
	},

	authError(): SimResponse {
		return { status: 401, body: kieErrorBody(401) };
	},

	// Kie posts the task's status and results when it ends; its shape is not on the Wan pages, so the
	// simulator sends the recordInfo answer. Retries are not documented: EvoLink's schedule (the default).
	callbackBody: (task, ctx) => kieTaskBody(task, ctx, false),

	errorBody: (status: number) => kieErrorBody(status),

	handle(req: SimRequest, route: SimRoute, ctx: SimContext): SimResponse {
		if (route === 'submit') return submit(req, ctx);
		if (route === 'status') return status(req, ctx);
		if (req.method === 'GET' && req.path === CREDIT_PATH) return { status: 200, body: documented('kie', 'credits') };
		return { status: 404, body: kieErrorBody(404, req.path) };
	},
};
