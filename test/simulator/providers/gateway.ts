/**
 * A New API (QuantumNous/new-api) gateway with an Ali channel, as seed doc 003, providers.md §4 and New
 * API's own source (relay/channel/task/ali, relay/common, service/task_polling.go; research notes §4)
 * describe it: `POST /v1/video/generations` answers an OpenAI video object, `GET /v1/video/generations/{id}`
 * answers `{code:'success', message, data: TaskDto}` with statuses NOT_START → QUEUED → IN_PROGRESS →
 * SUCCESS | FAILURE and the raw DashScope poll body in `data.data` (with DashScope's `usage` on success).
 * Wan 2.5/2.6 tasks look like the build the seed documents: no `result_url`; the video URL is in
 * `fail_reason` and `data.data.output.video_url`. Wan 2.7 needs a build from May 2026 on, which answers
 * `result_url` and leaves `fail_reason` empty on success.
 *
 * What reaches DashScope (`gatewayUpstreamRequest`) is what every build read forwards: the known
 * `metadata.input` / `metadata.parameters` fields only (no `shot_type`), media entries as `{type, url}`
 * (no `reference_voice`), no `prompt_extend: false`, `seed: 0` or `duration: 0`, New API's defaults
 * (prompt_extend on, 5 s, `size` 1280*720 for t2v models, a resolution tier otherwise), and wan2.7-i2v's
 * media built from legacy image fields. DashScope's own UNKNOWN (`GATEWAY_UPSTREAM_UNKNOWN`) ends the task
 * as FAILURE "task failed", as New API maps it. Bad tokens get the auth layer's OpenAI-style 401, task
 * errors `{code, message, data: null}` (unknown id: 400 `task_not_exist`; no prompt: 400). `GET /v1/models`
 * is the OpenAI model list the credential test calls. The gateway has no cancel route.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

import type { AuthCheck, SimContext, SimProvider, SimRequest, SimResponse, SimRoute, SimTask, TaskFailure } from '../types';
import { documented, documentedErrors } from '../../fixtures/documented';
import { checkBearer, classifyBy, parseJsonObject, pathId, type RouteTable } from '../http';

/** DashScope's content-moderation failure (providers.md §3.4 `DataInspectionFailed`). */
export const GATEWAY_DEFAULT_FAILURE: TaskFailure = {
	code: 'DataInspectionFailed',
	message: 'Input data may contain inappropriate content.',
};

type Json = Record<string, unknown>;

/** What DashScope answers an image-to-video task without an image: seed doc 003's failed example. */
export const GATEWAY_MISSING_IMAGE_FAILURE: TaskFailure = (() => {
	const failed = documented<{ data: { data: { output: { code: string; message: string } } } }>('gateway', 'status-failed');
	const { code, message } = failed.data.data.output;
	return { code, message };
})();

/** A task DashScope answers with `task_status: UNKNOWN` (no code, no message): expired, or never accepted. */
export const GATEWAY_UPSTREAM_UNKNOWN: TaskFailure = { code: 'UNKNOWN', message: '' };

function upstreamUnknown(failure: TaskFailure): boolean {
	return failure.code === GATEWAY_UPSTREAM_UNKNOWN.code && failure.message === '';
}

/** The gateway's `fail_reason` for an upstream task failure. */
export function gatewayFailReason(failure: TaskFailure): string {
	return upstreamUnknown(failure) ? 'task failed' : `task failed, code: ${failure.code} , message: ${failure.message}`;
}

const SUBMIT_PATH = '/v1/video/generations';
const TASK_PATH = /^\/v1\/video\/generations\/([^/]+)$/;
const MODELS_PATH = '/v1/models';
const ROUTES: RouteTable = [
	['POST', (path) => path === SUBMIT_PATH, 'submit'],
	['GET', (path) => TASK_PATH.test(path), 'status'],
];
const SERVED_MODELS = [
	'wan2.5-t2v-preview',
	'wan2.6-t2v',
	'wan2.7-t2v',
	'wan2.5-i2v-preview',
	'wan2.6-i2v',
	'wan2.7-i2v',
	'wan2.7-r2v',
	'wan2.7-videoedit',
];

/** The Go adaptor's request structs: every other `metadata.input` / `metadata.parameters` key is dropped. */
const INPUT_FIELDS = ['img_url', 'first_frame_url', 'last_frame_url', 'audio_url', 'media', 'negative_prompt', 'template'];
const PARAMETER_FIELDS = ['resolution', 'size', 'duration', 'ratio', 'prompt_extend', 'watermark', 'audio', 'audio_setting', 'seed'];
/** Dropped when falsy by some build read (`omitempty` on a plain bool/int/string; the plugin's cleanup). */
const DROPPED_WHEN_FALSY = ['prompt_extend', 'seed', 'duration', 'size', 'resolution'];

function requestId(): string {
	const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
	return `${stamp}${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
}

/** The auth and rate-limit middleware's OpenAI-style body (`abortWithOpenAiMessage`). */
function openAiError(message: string, code = ''): Json {
	return { error: { message: `${message} (request id: ${requestId()})`, type: 'new_api_error', code } };
}

function taskError(code: string, message: string): Json {
	return { code, message, data: null };
}

export function gatewayErrorBody(status: number): unknown {
	switch (status) {
		case 400:
			return taskError('invalid_request', 'invalid request');
		case 401:
			return openAiError('无效的令牌');
		case 403:
			return openAiError('该令牌无权访问模型');
		case 404:
			return { error: { message: 'Invalid URL', type: 'invalid_request_error', param: '', code: '' } };
		case 429:
			return openAiError('您已达到请求数限制：1分钟内最多请求60次', 'rate_limit_exceeded');
		case 500:
			return taskError('do_request_failed', 'upstream request failed');
		case 502:
			return taskError('bad_response_status_code', 'bad response status code 502');
		case 503:
			return openAiError('当前分组 default 下对于模型 wan2.5-t2v-preview 无可用渠道', 'model_not_found');
		default:
			return taskError('fail', `HTTP ${status}`);
	}
}

/** The documented answer to a task id the gateway does not know (HTTP 400). */
function taskNotExist(): unknown {
	return documentedErrors('gateway').find((entry) => entry.name === 'task_not_exist')?.body;
}

function asObject(value: unknown): Json | undefined {
	return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : undefined;
}

function nonEmptyString(value: unknown): value is string {
	return typeof value === 'string' && value.trim() !== '';
}

/** Whether the gateway itself sees an image (then it records the task as `generate`, not `textGenerate`). */
function hasTopLevelImage(body: Json): boolean {
	return (
		nonEmptyString(body.image) ||
		nonEmptyString(body.input_reference) ||
		(Array.isArray(body.images) && body.images.some(nonEmptyString))
	);
}

/** Whether the DashScope request the gateway builds carries `input.img_url` or media. */
function reachesUpstreamWithImage(body: Json): boolean {
	const metadata = asObject(body.metadata);
	const media = gatewayUpstreamRequest(body).input.media;
	return (
		hasTopLevelImage(body) ||
		(Array.isArray(media) && media.length > 0) ||
		nonEmptyString(asObject(metadata?.input)?.img_url) ||
		nonEmptyString(metadata?.img_url) ||
		nonEmptyString(metadata?.image_url)
	);
}

function picked(source: Json | undefined, keys: string[]): Json {
	return Object.fromEntries(Object.entries(source ?? {}).filter(([key, value]) => keys.includes(key) && value !== undefined && value !== null));
}

/** Media entries as New API's `AliVideoMedia` keeps them: type and url only. */
function mediaEntries(value: unknown): Json[] | undefined {
	if (!Array.isArray(value)) return undefined;
	return value.map((entry) => ({ type: asObject(entry)?.type, url: asObject(entry)?.url }));
}

/** wan2.7-i2v: media from the legacy image and audio fields when none came, the legacy fields removed. */
function wan27I2vMedia(input: Json, body: Json): void {
	if (!Array.isArray(input.media) || input.media.length === 0) {
		const images = [body.image, ...(Array.isArray(body.images) ? body.images : []), body.input_reference].filter(nonEmptyString);
		const first = [input.first_frame_url, input.img_url, images[0]].find(nonEmptyString);
		const last = [input.last_frame_url, images[1]].find(nonEmptyString);
		input.media = [
			...(first ? [{ type: 'first_frame', url: first }] : []),
			...(last ? [{ type: 'last_frame', url: last }] : []),
			...(nonEmptyString(input.audio_url) ? [{ type: 'driving_audio', url: input.audio_url }] : []),
		];
	}
	for (const key of ['img_url', 'first_frame_url', 'last_frame_url', 'audio_url']) delete input[key];
}

/** New API's defaults: a `W*H` size for t2v models, a resolution tier for the others. */
function defaultShape(model: string): Json {
	if (model.includes('t2v')) return { size: /^wan2\.[25]/.test(model) ? '1920*1080' : '1280*720' };
	return { resolution: /^(wan2\.6|wan2\.5|wan2\.2-i2v-plus)/.test(model) ? '1080P' : '720P' };
}

/** The DashScope request the gateway sends for a submit body (see the header for which build). */
export function gatewayUpstreamRequest(body: Json): { model: string; input: Json; parameters: Json } {
	const model = String(body.model);
	const metadata = asObject(body.metadata);
	const image = [body.image, ...(Array.isArray(body.images) ? body.images : []), body.input_reference].find(nonEmptyString);
	const input: Json = { prompt: body.prompt, ...(image ? { img_url: image } : {}), ...picked(asObject(metadata?.input), INPUT_FIELDS) };
	const media = mediaEntries(input.media);
	if (media) input.media = media;
	const duration = typeof body.duration === 'number' && body.duration > 0 ? body.duration : 5;
	const parameters: Json = { prompt_extend: true, ...defaultShape(model), duration, ...picked(asObject(metadata?.parameters), PARAMETER_FIELDS) };
	for (const key of DROPPED_WHEN_FALSY) if (!parameters[key]) delete parameters[key];
	if (model.startsWith('wan2.7-i2v')) wan27I2vMedia(input, body);
	return { model, input, parameters };
}

/** What New API or DashScope refuses at submit, for a request the gateway forwards. */
function upstreamRefusal(body: Json): SimResponse | undefined {
	const { model, input } = gatewayUpstreamRequest(body);
	const media = Array.isArray(input.media) ? input.media : [];
	if (model.startsWith('wan2.7-i2v') && media.length === 0) {
		// convertToAliRequest fails while the request body is built.
		return { status: 500, body: taskError('build_request_failed', 'convert_to_ali_request_failed: wan2.7-i2v requires image, images, input_reference, or input.media') };
	}
	if (/^wan2\.7-(r2v|videoedit)/.test(model) && media.length === 0) {
		// DashScope's 400, passed on by the gateway as `ali_api_error`.
		return { status: 400, body: taskError('ali_api_error', 'InvalidParameter: Field required: input.media') };
	}
	return undefined;
}

/** Wan 2.7 models need a build that also answers `result_url`. */
function currentBuild(task: SimTask): boolean {
	return task.model.startsWith('wan2.7');
}

/** DashScope's `usage` on success: the seed's fields for Wan 2.5/2.6, the Wan 2.7 ones (New API's `AliUsage`) after. */
function upstreamUsage(task: SimTask): Json {
	const { parameters } = gatewayUpstreamRequest(asObject(task.body) ?? {});
	const seconds = typeof parameters.duration === 'number' ? parameters.duration : 5;
	if (!currentBuild(task)) {
		return { video_count: 1, video_duration: seconds, video_ratio: typeof parameters.size === 'string' ? parameters.size : '1920*1080' };
	}
	const edit = task.model.includes('videoedit');
	return {
		duration: edit ? seconds * 2 : seconds,
		...(edit ? { input_video_duration: seconds } : {}),
		output_video_duration: seconds,
		video_count: 1,
		SR: parameters.resolution === '1080P' ? 1080 : 720,
	};
}

/** DashScope's timestamps, China time: `2025-12-10 09:06:19.749`. */
function dashScopeTime(epochMs: number): string {
	return new Date(epochMs + 8 * 3600_000).toISOString().replace('T', ' ').slice(0, 23);
}

function submit(req: SimRequest, ctx: SimContext): SimResponse {
	const body = parseJsonObject(req.rawBody);
	if (!body) return { status: 400, body: taskError('invalid_json', 'invalid character in request body') };
	if (!nonEmptyString(body.model)) {
		return { status: 400, body: taskError('missing_model', 'model field is required') };
	}
	if (!nonEmptyString(body.prompt)) {
		return { status: 400, body: taskError('invalid_request', 'prompt is required') };
	}
	const refused = upstreamRefusal(body);
	if (refused) return refused;
	const task = ctx.createTask('gateway', {
		// Gateway builds that pass the upstream id through return DashScope's UUID.
		id: randomUUID(),
		model: body.model,
		kind: 'video',
		body,
		prompt: body.prompt,
		defaultResultCount: 1,
	});
	if (body.model.includes('i2v') && !reachesUpstreamWithImage(body)) {
		// DashScope accepts the task and fails it, as in the seed's failed example.
		task.behaviour.outcome = 'failure';
		task.behaviour.failure = GATEWAY_MISSING_IMAGE_FAILURE;
		task.doneAt = task.createdAt + task.behaviour.durationMs;
	}
	// The documented answer of current builds (providers.md §4.3), with this task's fields.
	return {
		status: 200,
		body: {
			...documented<Json>('gateway', 'submit-response-current'),
			id: task.id,
			task_id: task.id,
			model: task.model,
			created_at: Math.floor(task.createdEpochMs / 1000),
		},
	};
}

/** The upstream DashScope poll body the gateway stored last (`data.data`), as in seed doc 003. */
function upstreamBody(task: SimTask, ctx: SimContext, state: string): Json {
	const { durationMs } = task.behaviour;
	const created = task.createdEpochMs;
	const output: Json = { task_id: task.id };
	if (state !== 'NOT_START') output.submit_time = dashScopeTime(created);
	if (state === 'IN_PROGRESS' || state === 'SUCCESS' || state === 'FAILURE') {
		output.scheduled_time = dashScopeTime(created + durationMs * 0.1);
	}
	const body: Json = { output, request_id: randomUUID() };
	if (state === 'NOT_START' || state === 'QUEUED') output.task_status = 'PENDING';
	if (state === 'IN_PROGRESS') output.task_status = 'RUNNING';
	if (state === 'SUCCESS') {
		Object.assign(output, {
			actual_prompt: task.prompt,
			end_time: dashScopeTime(created + durationMs),
			orig_prompt: task.prompt,
			task_status: 'SUCCEEDED',
			video_url: ctx.resultUrls(task)[0],
		});
		body.usage = upstreamUsage(task);
	}
	if (state === 'FAILURE') {
		const failure = task.behaviour.failure ?? GATEWAY_DEFAULT_FAILURE;
		if (upstreamUnknown(failure)) {
			output.task_status = 'UNKNOWN';
			delete output.submit_time;
			delete output.scheduled_time;
			return body;
		}
		Object.assign(output, {
			code: failure.code,
			end_time: dashScopeTime(created + durationMs),
			message: failure.message,
			task_status: 'FAILED',
		});
	}
	return body;
}

/** The `data` TaskDto of a poll, for the task's state now. */
export function gatewayTaskBody(task: SimTask, ctx: SimContext, record = true): Json {
	const phase = record ? ctx.poll(task) : ctx.phase(task);
	const { durationMs } = task.behaviour;
	let status: string;
	if (phase.state === 'queued') {
		status = ctx.now() - task.createdAt < durationMs * 0.05 ? 'NOT_START' : 'QUEUED';
	} else if (phase.state === 'running') status = 'IN_PROGRESS';
	else if (phase.state === 'succeeded') status = 'SUCCESS';
	else status = 'FAILURE';

	const second = (epochMs: number) => Math.floor(epochMs / 1000);
	const created = task.createdEpochMs;
	let failReason = '';
	if (status === 'SUCCESS' && !currentBuild(task)) failReason = ctx.resultUrls(task)[0];
	if (status === 'FAILURE') failReason = gatewayFailReason(task.behaviour.failure ?? GATEWAY_DEFAULT_FAILURE);
	return {
		task_id: task.id,
		action: hasTopLevelImage(asObject(task.body) ?? {}) ? 'generate' : 'textGenerate',
		status,
		fail_reason: failReason,
		...(currentBuild(task) ? { result_url: status === 'SUCCESS' ? ctx.resultUrls(task)[0] : '' } : {}),
		submit_time: second(created),
		start_time: phase.state === 'queued' ? 0 : second(created + durationMs * 0.1),
		finish_time: phase.terminal ? second(created + durationMs) : 0,
		progress: `${phase.terminal ? 100 : phase.progress}%`,
		data: upstreamBody(task, ctx, status),
	};
}

function modelList(): Json {
	return {
		data: SERVED_MODELS.map((id) => ({ id, object: 'model', created: 1626777600, owned_by: 'ali' })),
		object: 'list',
		success: true,
	};
}

export const gatewayProvider: SimProvider = {
	id: 'gateway',

	classify: (method: string, path: string) => classifyBy(ROUTES, method, path, (p) => pathId(TASK_PATH, p)),

	/** New API strips `Bearer ` and then an optional `sk-` from the token it looks up. */
	authorize(headers: IncomingHttpHeaders, apiKey: string): AuthCheck {
		// New API accepts tokens with or without their `sk-` prefix.
		const unprefixed = (token: string) => token.replace(/^sk-/, '');
		return checkBearer(headers, (token) => unprefixed(token) === unprefixed(apiKey));
	},

	authError(check: AuthCheck): SimResponse {
		return { status: 401, body: openAiError(check === 'missing' ? '未提供令牌' : '无效的令牌') };
	},

	errorBody: gatewayErrorBody,

	handle(req: SimRequest, route: SimRoute, ctx: SimContext): SimResponse {
		if (route === 'submit') return submit(req, ctx);
		if (route === 'status') {
			const task = ctx.findTask('gateway', pathId(TASK_PATH, req.path) ?? '');
			if (!task) return { status: 400, body: taskNotExist() };
			return { status: 200, body: { ...documented<Json>('gateway', 'status-processing'), data: gatewayTaskBody(task, ctx) } };
		}
		if (req.method === 'GET' && req.path === MODELS_PATH) return { status: 200, body: modelList() };
		return {
			status: 404,
			body: { error: { message: `Invalid URL (${req.method} ${req.path})`, type: 'invalid_request_error', param: '', code: '' } },
		};
	},
};
