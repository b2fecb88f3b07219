/**
 * Alibaba Cloud Model Studio (DashScope), as documented in providers.md §3 and Alibaba's API references:
 * creates under `/api/v1/services/aigc/...` (video synthesis; text2image / image2image on the legacy
 * image protocol; image-generation on the wan2.6 messages protocol), each requiring `X-DashScope-Async:
 * enable`; `GET /api/v1/tasks/{id}` with PENDING → RUNNING → SUCCEEDED | FAILED, CANCELED
 * (alibabaTaskBody.ts), and UNKNOWN (HTTP 200) for a task that does not exist; `GET /api/v1/tasks`
 * listing statuses (alibabaTaskList.ts); `POST /api/v1/tasks/{id}/cancel` for PENDING tasks.
 * Errors are `{code, message, request_id}`; task failures `output.code` / `output.message` with HTTP 200.
 *
 * The models the node knows are held to their documented inputs (`MODEL_RULES`, alibabaRules.ts): the
 * endpoint each is served on (the kf2v models on image2video), the `input.media[]` types and combinations
 * of Wan 2.7 and Wan 3.0, reference counts, durations; anything else is refused with 400 InvalidParameter,
 * as DashScope does, and creates no task. Models it does not know (a Model ID override) are taken as they
 * come. The host is not checked: a workspace domain and the shared one are the same API on loopback.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

import { asRecord } from '../../../nodes/shared/json';
import type { AuthCheck, SimContext, SimMediaKind, SimProvider, SimRequest, SimResponse, SimRoute } from '../types';
import { documented, documentedErrors } from '../../fixtures/documented';
import { uploadPolicy } from '../fileHosts';
import { checkBearer, classifyBy, parseJsonObject, pathId, type RouteTable } from '../http';
import { refusal } from './alibabaRules';
import { alibabaTaskBody, type Protocol } from './alibabaTaskBody';
import { TASK_LIST_PATH, listTasks } from './alibabaTaskList';

const SUBMIT_PATHS: Record<string, { kind: SimMediaKind; protocol: Protocol }> = {
	'/api/v1/services/aigc/video-generation/video-synthesis': { kind: 'video', protocol: 'video' },
	'/api/v1/services/aigc/image2video/video-synthesis': { kind: 'video', protocol: 'video' },
	'/api/v1/services/aigc/text2image/image-synthesis': { kind: 'image', protocol: 'legacyImage' },
	'/api/v1/services/aigc/image2image/image-synthesis': { kind: 'image', protocol: 'legacyImage' },
	'/api/v1/services/aigc/image-generation/generation': { kind: 'image', protocol: 'messages' },
};
const TASK_PATH = /^\/api\/v1\/tasks\/([^/]+)$/;
const CANCEL_PATH = /^\/api\/v1\/tasks\/([^/]+)\/cancel$/;
/** The temporary upload's policy request: https://www.alibabacloud.com/help/en/model-studio/get-temporary-file-url */
const UPLOADS_PATH = '/api/v1/uploads';

const ROUTES: RouteTable = [
	['POST', (path) => SUBMIT_PATHS[path] !== undefined, 'submit'],
	['GET', (path) => TASK_LIST_PATH.test(path), 'statusBatch'],
	['GET', (path) => TASK_PATH.test(path), 'status'],
	['POST', (path) => CANCEL_PATH.test(path), 'cancel'],
	['GET', (path) => path === UPLOADS_PATH, 'upload'],
];

/** DashScope's default number of images when `parameters.n` is absent. */
const DEFAULT_IMAGE_COUNT = 4;

const HTTP_ERRORS: Record<number, { code: string; message: string }> = {
	400: { code: 'InvalidParameter', message: 'The request is invalid.' },
	401: { code: 'InvalidApiKey', message: 'Invalid API-key provided.' },
	403: { code: 'AccessDenied', message: 'Access denied.' },
	404: { code: 'ModelNotFound', message: 'Model not exist.' },
	429: { code: 'Throttling.RateQuota', message: 'Requests rate limit exceeded, please try again later.' },
	500: {
		code: 'InternalError',
		message: 'An internal error has occured, please try again later or contact service support.',
	},
	503: { code: 'ServiceUnavailable', message: 'The service is temporarily unavailable, please try again later.' },
};

function errorOf(code: string, message: string): { code: string; message: string; request_id: string } {
	return { code, message, request_id: randomUUID() };
}

/** A documented error body (by its name in the fixtures), with a request id of its own. */
function documentedError(name: string): { code: string; message: string; request_id: string } {
	const body = documentedErrors('alibaba').find((entry) => entry.name === name)?.body as { code: string; message: string };
	return errorOf(body.code, body.message);
}

export function alibabaErrorBody(status: number): { code: string; message: string; request_id: string } {
	const known = HTTP_ERRORS[status] ?? { code: 'InternalError', message: `HTTP ${status}` };
	return errorOf(known.code, known.message);
}

/** The prompt of a create body, per protocol; `false` when the body does not have the protocol's shape. */
function promptOf(protocol: Protocol, input: Record<string, unknown>): string | undefined | false {
	if (protocol !== 'messages') {
		return input.prompt === undefined || typeof input.prompt === 'string' ? (input.prompt as string | undefined) : false;
	}
	const messages = input.messages;
	if (!Array.isArray(messages) || messages.length !== 1) return false;
	const content = asRecord(messages[0])?.content;
	if (!Array.isArray(content)) return false;
	const texts = content.map((item) => asRecord(item)?.text).filter((text) => text !== undefined);
	return texts.length === 1 && typeof texts[0] === 'string' ? texts[0] : false;
}

/** A policy for one upload: its directory names the model, to which the file is bound. */
function getPolicy(req: SimRequest, ctx: SimContext): SimResponse {
	const model = req.query.get('model');
	if (req.query.get('action') !== 'getPolicy' || !model) {
		return { status: 400, body: errorOf('InvalidParameter', 'action=getPolicy and model are required.') };
	}
	const policy = uploadPolicy(ctx.origin);
	return { status: 200, body: { request_id: randomUUID(), data: { ...policy, upload_dir: `${String(policy.upload_dir)}/${model}` } } };
}

/** Why a create naming temporary uploads (`oss://`) would fail: no resolve header, or a file not uploaded for this model. */
function uploadRefusal(req: SimRequest, model: string, ctx: SimContext): string | undefined {
	const urls = req.rawBody.toString('utf8').match(/oss:\/\/[^"\\]+/g) ?? [];
	if (urls.length === 0) return undefined;
	if (req.headers['x-dashscope-ossresourceresolve'] !== 'enable') return `The oss:// URL ${urls[0]} needs the header X-DashScope-OssResourceResolve: enable.`;
	const missing = urls.find((url) => !ctx.uploaded(url)?.url.includes(`/${model}/`));
	return missing ? `The file ${missing} was not uploaded for model ${model}.` : undefined;
}

function submit(req: SimRequest, ctx: SimContext): SimResponse {
	const { kind, protocol } = SUBMIT_PATHS[req.path];
	if (req.headers['x-dashscope-async'] !== 'enable') {
		return { status: 403, body: documentedError('403 synchronous call') };
	}
	const body = parseJsonObject(req.rawBody);
	if (!body || typeof body.model !== 'string' || body.model.trim() === '') {
		return { status: 400, body: errorOf('InvalidParameter', 'Model not specified or invalid.') };
	}
	const unresolved = uploadRefusal(req, body.model, ctx);
	if (unresolved) return { status: 400, body: errorOf('InvalidParameter', unresolved) };
	const input = asRecord(body.input);
	const prompt = input ? promptOf(protocol, input) : false;
	if (!input || prompt === false) {
		return { status: 400, body: errorOf('InvalidParameter', 'The input is invalid for this API.') };
	}
	const refused = refusal(req.path, body.model, input, body.parameters);
	if (refused) return { status: 400, body: errorOf('InvalidParameter', refused) };
	const n = asRecord(body.parameters)?.n;
	let defaultResultCount = 1;
	if (kind === 'image') defaultResultCount = typeof n === 'number' && Number.isInteger(n) && n >= 1 ? n : DEFAULT_IMAGE_COUNT;
	const task = ctx.createTask('alibaba', {
		id: randomUUID(),
		model: body.model,
		kind,
		body,
		prompt,
		defaultResultCount,
	});
	// The documented create answer, with this task's id.
	const answer = documented<{ output: Record<string, unknown> }>('alibaba', 'submit-response');
	return { status: 200, body: { ...answer, output: { ...answer.output, task_id: task.id }, request_id: randomUUID() } };
}


function cancel(taskId: string, ctx: SimContext): SimResponse {
	const task = ctx.findTask('alibaba', taskId);
	if (!task || ctx.phase(task).state !== 'queued' || !ctx.cancel(task)) {
		return {
			status: 400,
			body: errorOf(
				'UnsupportedOperation',
				'Failed to cancel the task, please confirm if the task is in PENDING status.',
			),
		};
	}
	return { status: 200, body: { request_id: randomUUID() } };
}

export const alibabaProvider: SimProvider = {
	id: 'alibaba',

	classify: (method: string, path: string) =>
		classifyBy(ROUTES, method, path, (p) => pathId(CANCEL_PATH, p) ?? pathId(TASK_PATH, p)),

	authorize(headers: IncomingHttpHeaders, apiKey: string): AuthCheck {
		return checkBearer(headers, (token) => token === apiKey);
	},

	authError(check: AuthCheck): SimResponse {
		const body = check === 'missing' ? documentedError('401 no key') : errorOf('InvalidApiKey', 'Invalid API-key provided.');
		return { status: 401, body };
	},

	errorBody: alibabaErrorBody,

	handle(req: SimRequest, route: SimRoute, ctx: SimContext): SimResponse {
		if (route === 'submit') return submit(req, ctx);
		if (route === 'status') {
			const taskId = pathId(TASK_PATH, req.path) ?? '';
			const task = ctx.findTask('alibaba', taskId);
			if (!task) {
				// The documented answer for a task that does not exist (or expired): HTTP 200, UNKNOWN.
				const expired = documented<{ output: Record<string, unknown> }>('alibaba', 'status-expired');
				return { status: 200, body: { ...expired, request_id: randomUUID(), output: { ...expired.output, task_id: taskId } } };
			}
			return { status: 200, body: alibabaTaskBody(task, ctx) };
		}
		if (route === 'statusBatch') return listTasks(req, ctx);
		if (route === 'cancel') return cancel(pathId(CANCEL_PATH, req.path) ?? '', ctx);
		if (route === 'upload') return getPolicy(req, ctx);
		return { status: 404, body: errorOf('NotFound', 'The requested resource does not exist.') };
	},
};
