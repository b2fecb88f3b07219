/**
 * Alibaba Cloud Model Studio (DashScope), as documented in providers.md §3 and Alibaba's API references:
 * creates under `/api/v1/services/aigc/...` (video synthesis; text2image / image2image on the legacy
 * image protocol; image-generation on the wan2.6 messages protocol), each requiring `X-DashScope-Async:
 * enable`; `GET /api/v1/tasks/{id}` with PENDING → RUNNING → SUCCEEDED | FAILED, CANCELED, and UNKNOWN
 * (HTTP 200) for a task that does not exist; `POST /api/v1/tasks/{id}/cancel` for PENDING tasks.
 * Errors are `{code, message, request_id}`; task failures `output.code` / `output.message` with HTTP 200.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

import type {
	AuthCheck,
	SimContext,
	SimMediaKind,
	SimProvider,
	SimRequest,
	SimResponse,
	SimRoute,
	SimTask,
	TaskFailure,
} from '../types';
import { documented, documentedErrors } from '../../fixtures/documented';
import { checkBearer, classifyBy, parseJsonObject, pathId, type RouteTable } from '../http';

export const ALIBABA_DEFAULT_FAILURE: TaskFailure = {
	code: 'DataInspectionFailed',
	message: 'Output data may contain inappropriate content.',
};

type Protocol = 'video' | 'legacyImage' | 'messages';

const SUBMIT_PATHS: Record<string, { kind: SimMediaKind; protocol: Protocol }> = {
	'/api/v1/services/aigc/video-generation/video-synthesis': { kind: 'video', protocol: 'video' },
	'/api/v1/services/aigc/text2image/image-synthesis': { kind: 'image', protocol: 'legacyImage' },
	'/api/v1/services/aigc/image2image/image-synthesis': { kind: 'image', protocol: 'legacyImage' },
	'/api/v1/services/aigc/image-generation/generation': { kind: 'image', protocol: 'messages' },
};
const TASK_PATH = /^\/api\/v1\/tasks\/([^/]+)$/;
const CANCEL_PATH = /^\/api\/v1\/tasks\/([^/]+)\/cancel$/;
const ROUTES: RouteTable = [
	['POST', (path) => SUBMIT_PATHS[path] !== undefined, 'submit'],
	['GET', (path) => TASK_PATH.test(path), 'status'],
	['POST', (path) => CANCEL_PATH.test(path), 'cancel'],
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

function record(value: unknown): Record<string, unknown> | undefined {
	return value !== null && typeof value === 'object' && !Array.isArray(value)
		? (value as Record<string, unknown>)
		: undefined;
}

/** `YYYY-MM-DD HH:mm:ss.SSS`, as DashScope writes times. */
function timestamp(epochMs: number): string {
	return new Date(epochMs).toISOString().replace('T', ' ').replace('Z', '');
}

/** The prompt of a create body, per protocol; `false` when the body does not have the protocol's shape. */
function promptOf(protocol: Protocol, input: Record<string, unknown>): string | undefined | false {
	if (protocol !== 'messages') {
		return input.prompt === undefined || typeof input.prompt === 'string' ? (input.prompt as string | undefined) : false;
	}
	const messages = input.messages;
	if (!Array.isArray(messages) || messages.length !== 1) return false;
	const content = record(messages[0])?.content;
	if (!Array.isArray(content)) return false;
	const texts = content.map((item) => record(item)?.text).filter((text) => text !== undefined);
	return texts.length === 1 && typeof texts[0] === 'string' ? texts[0] : false;
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
	const input = record(body.input);
	const prompt = input ? promptOf(protocol, input) : false;
	if (!input || prompt === false) {
		return { status: 400, body: errorOf('InvalidParameter', 'The input is invalid for this API.') };
	}
	const n = record(body.parameters)?.n;
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

function protocolOf(task: SimTask): Protocol {
	if (task.kind === 'video') return 'video';
	return record(record(task.body)?.input)?.messages === undefined ? 'legacyImage' : 'messages';
}

/** The succeeded task's result fields, in the protocol's shape, and its usage. */
function results(task: SimTask, ctx: SimContext): { output: Record<string, unknown>; usage: Record<string, unknown> } {
	const urls = ctx.resultUrls(task);
	const protocol = protocolOf(task);
	if (protocol === 'video') {
		return {
			output: { orig_prompt: task.prompt, video_url: urls[0] },
			usage: { video_count: 1 },
		};
	}
	if (protocol === 'messages') {
		return {
			output: {
				finished: true,
				choices: urls.map((image) => ({
					finish_reason: 'stop',
					message: { role: 'assistant', content: [{ image, type: 'image' }] },
				})),
			},
			usage: { image_count: urls.length, input_tokens: 0, output_tokens: 0, total_tokens: 0 },
		};
	}
	const failure = task.behaviour.failure ?? ALIBABA_DEFAULT_FAILURE;
	const failed = new Set(task.behaviour.failedResults ?? []);
	const entries = urls.map((url, index) =>
		failed.has(index) ? { code: failure.code, message: failure.message } : { orig_prompt: task.prompt, url },
	);
	const succeeded = entries.filter((entry) => 'url' in entry).length;
	return {
		output: {
			results: entries,
			task_metrics: { TOTAL: entries.length, SUCCEEDED: succeeded, FAILED: entries.length - succeeded },
		},
		usage: { image_count: succeeded },
	};
}

/** The task query body for the task's state now. */
export function alibabaTaskBody(task: SimTask, ctx: SimContext, recordPoll = true): Record<string, unknown> {
	const phase = recordPoll ? ctx.poll(task) : ctx.phase(task);
	const output: Record<string, unknown> = {
		task_id: task.id,
		task_status: {
			queued: 'PENDING',
			running: 'RUNNING',
			succeeded: 'SUCCEEDED',
			failed: 'FAILED',
			canceled: 'CANCELED',
		}[phase.state],
		submit_time: timestamp(task.createdEpochMs),
	};
	if (phase.state !== 'queued' && phase.state !== 'canceled') {
		output.scheduled_time = timestamp(task.createdEpochMs + task.behaviour.durationMs * 0.1);
	}
	if (phase.terminal && phase.state !== 'canceled') {
		output.end_time = timestamp(task.createdEpochMs + task.behaviour.durationMs);
	}
	const body: Record<string, unknown> = { request_id: randomUUID(), output };
	const failure = task.behaviour.failure ?? ALIBABA_DEFAULT_FAILURE;
	if (phase.state === 'succeeded') {
		const finished = results(task, ctx);
		Object.assign(output, finished.output);
		body.usage = finished.usage;
		// A task succeeds when at least one image does; with none it is FAILED, counts kept.
		if (finished.usage.image_count === 0) {
			output.task_status = 'FAILED';
			delete output.results;
			delete body.usage;
		}
	}
	if (output.task_status === 'FAILED') {
		output.code = failure.code;
		output.message = failure.message;
	}
	return body;
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
		if (route === 'cancel') return cancel(pathId(CANCEL_PATH, req.path) ?? '', ctx);
		return { status: 404, body: errorOf('NotFound', 'The requested resource does not exist.') };
	},
};
