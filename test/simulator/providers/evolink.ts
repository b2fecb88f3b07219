/**
 * EvoLink (api.evolink.ai), as documented in the seed docs and providers.md §1:
 * `POST /v1/videos/generations`, `POST /v1/images/generations`, `GET /v1/tasks/{id}`, Bearer auth,
 * statuses `pending` → `processing` → `completed` | `failed`, errors `{error:{code,message,type,param?}}`.
 * EvoLink documents no cancel endpoint, so none is simulated. Bodies for the Wan 2.6 reference and the
 * Wan 2.7 models are checked against their pages (docs.evolink.ai/en/api-manual/video-series/wan2.6 and
 * .../wan2.7) and refused with a 400 naming the field, as EvoLink refuses invalid parameters.
 */
import type { IncomingHttpHeaders } from 'node:http';

import { CALLBACK_RETRY_DELAYS_MS, acceptableCallbackUrl } from '../callbacks';
import { asRecord, pathOf } from '../../../nodes/shared/json';
import type { AuthCheck, SimContext, SimProvider, SimRequest, SimResponse, SimRoute, SimTask, TaskFailure } from '../types';
import { documented, documentedErrorBody, documentedErrors } from '../../fixtures/documented';
import { checkBearer, classifyBy, parseJsonObject, pathId, type RouteTable } from '../http';

export const EVOLINK_DEFAULT_FAILURE: TaskFailure = {
	code: 'content_policy_violation',
	message: 'Content policy violation detected',
};

/** Task error codes EvoLink documents as non-retryable (the rest are service-side). */
const REQUEST_ERROR_CODES = new Set([
	'content_policy_violation',
	'invalid_parameters',
	'image_dimension_mismatch',
	'image_processing_error',
	'model_unavailable',
]);

interface EvoLinkError {
	code: number;
	message: string;
	type: string;
	param?: string;
	fallback_suggestion?: string;
}

/** Statuses EvoLink answers that its docs give no body for. */
const UNDOCUMENTED_ERRORS: Record<number, Omit<EvoLinkError, 'code'>> = {
	413: { message: 'Request payload too large', type: 'invalid_request_error' },
};

/** The documented body for an HTTP status (the submit one where the docs give two), else a made-up one. */
export function evolinkErrorBody(status: number): { error: EvoLinkError } {
	const documentedBody = documentedErrorBody('evolink', status) as { error: EvoLinkError } | undefined;
	if (documentedBody) return documentedBody;
	const known = UNDOCUMENTED_ERRORS[status] ?? { message: `HTTP ${status}`, type: 'api_error' };
	return { error: { code: status, ...known } };
}

/** The documented answer to a task id EvoLink does not know. */
function taskNotFound(): unknown {
	return documentedErrors('evolink').find((entry) => entry.name === '404 query')?.body;
}

const TASK_PATH = /^\/v1\/tasks\/([^/]+)$/;
const SUBMIT_PATHS: Record<string, 'video' | 'image'> = {
	'/v1/videos/generations': 'video',
	'/v1/images/generations': 'image',
};

const ROUTES: RouteTable = [
	['POST', (path) => SUBMIT_PATHS[path] !== undefined, 'submit'],
	['GET', (path) => TASK_PATH.test(path), 'status'],
];

function randomSuffix(length: number): string {
	const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
	let out = '';
	for (let i = 0; i < length; i++) out += alphabet[Math.floor(Math.random() * alphabet.length)];
	return out;
}

/** A refused body: the field at fault and what is wrong with it. */
type Refusal = [param: string, message: string];
type Body = Record<string, unknown>;
type Check = (body: Body) => Refusal | undefined;

const RATIOS = ['16:9', '9:16', '1:1', '4:3', '3:4'];

const count = (body: Body, field: string): number => (Array.isArray(body[field]) ? (body[field] as unknown[]).length : 0);
const given = (body: Body, field: string): boolean => body[field] !== undefined;

const required =
	(field: string): Check =>
	(body) =>
		given(body, field) ? undefined : [field, `${field} is required`];

const text =
	(field: string, maxLength: number): Check =>
	(body) => {
		const value = body[field];
		if (value === undefined) return undefined;
		return typeof value === 'string' && [...value].length <= maxLength ? undefined : [field, `${field} must be text of at most ${maxLength} characters`];
	};

const url =
	(field: string): Check =>
	(body) =>
		body[field] === undefined || (typeof body[field] === 'string' && body[field] !== '') ? undefined : [field, `${field} must be a URL`];

const oneOf =
	(field: string, values: readonly unknown[]): Check =>
	(body) =>
		body[field] === undefined || values.includes(body[field]) ? undefined : [field, `${field} must be one of ${values.join(', ')}`];

const integer =
	(field: string, min: number, max: number): Check =>
	(body) => {
		const value = body[field];
		if (value === undefined) return undefined;
		return Number.isInteger(value) && (value as number) >= min && (value as number) <= max ? undefined : [field, `${field} must be an integer from ${min} to ${max}`];
	};

const flag =
	(field: string): Check =>
	(body) =>
		body[field] === undefined || typeof body[field] === 'boolean' ? undefined : [field, `${field} must be a boolean`];

/** A URL array of `min`–`max` entries, when given. */
const urls =
	(field: string, min: number, max: number): Check =>
	(body) => {
		const value = body[field];
		if (value === undefined) return undefined;
		const ok = Array.isArray(value) && value.every((entry) => typeof entry === 'string' && entry !== '');
		return ok && value.length >= min && value.length <= max ? undefined : [field, `${field} must hold ${min === max ? min : `${min} to ${max}`} URL${max === 1 ? '' : 's'}`];
	};

/** Which inputs each `generation_mode` of wan2.7-image-to-video needs and refuses. */
const GENERATION_MODES: Record<string, { needs: string[]; refuses: string[] }> = {
	first_frame: { needs: ['image_start'], refuses: ['image_end', 'video_urls'] },
	first_last_frame: { needs: ['image_start', 'image_end'], refuses: ['video_urls'] },
	video_continuation: { needs: ['video_urls'], refuses: ['image_start', 'audio_urls'] },
};

/** The six documented input combinations; a body without a mode gets the one its inputs suggest. */
const generationMode: Check = (body) => {
	const inferred = given(body, 'video_urls') ? 'video_continuation' : given(body, 'image_end') ? 'first_last_frame' : 'first_frame';
	const mode = body.generation_mode ?? inferred;
	const rule = typeof mode === 'string' ? GENERATION_MODES[mode] : undefined;
	if (!rule) return ['generation_mode', `generation_mode must be one of ${Object.keys(GENERATION_MODES).join(', ')}`];
	const missing = rule.needs.find((field) => !given(body, field));
	if (missing) return [missing, `${missing} is required in ${String(mode)} mode`];
	const refused = rule.refuses.find((field) => given(body, field));
	return refused ? [refused, `${refused} is not accepted in ${String(mode)} mode`] : undefined;
};

/** At least one reference, at most 5 images and videos together; 2–10 s once a video is among them. */
const references: Check = (body) => {
	const total = count(body, 'image_urls') + count(body, 'video_urls');
	if (total === 0) return ['image_urls', 'at least one of image_urls / video_urls is required'];
	if (total > 5) return ['image_urls', 'image_urls + video_urls must hold at most 5 references'];
	const duration = body.duration;
	if (count(body, 'video_urls') > 0 && typeof duration === 'number' && duration > 10) {
		return ['duration', 'duration must be 2 to 10 when video_urls is given'];
	}
	return undefined;
};

/** `model_params.voice_bindings`: `image{N}` / `video{N}` keys within the references given, ≤ 5, URL values. */
const voiceBindings: Check = (body) => {
	const value = pathOf(body, 'model_params', 'voice_bindings');
	if (value === undefined) return undefined;
	const param = 'model_params.voice_bindings';
	const bindings = asRecord(value);
	if (!bindings) return [param, 'voice_bindings must be an object'];
	const entries = Object.entries(bindings);
	if (entries.length > 5) return [param, 'voice_bindings holds more than 5 bindings'];
	for (const [key, voice] of entries) {
		const match = /^(image|video)([1-9]\d*)$/.exec(key);
		if (!match) return [param, `voice_bindings key "${key}" invalid`];
		if (Number(match[2]) > count(body, `${match[1]}_urls`)) return [param, `voice_bindings.${key} out of range`];
		if (typeof voice !== 'string' || voice === '') return [param, `voice_bindings.${key} is empty`];
	}
	return undefined;
};

const editDuration: Check = (body) => {
	const value = body.duration;
	return value === undefined || value === 0 || integer('duration', 2, 10)(body) === undefined ? undefined : ['duration', 'duration must be 0 or an integer from 2 to 10'];
};

const WAN26_REFERENCE: Check[] = [required('video_urls'), urls('video_urls', 1, 3), (body) => (given(body, 'image_urls') ? ['image_urls', 'image_urls is not accepted'] : undefined)];
const WAN27: Check[] = [text('prompt', 5000), text('negative_prompt', 500), oneOf('quality', ['720p', '1080p']), integer('seed', 1, 2147483647), flag('prompt_extend')];

/** What each model's page allows; bodies for other models are taken as they come. */
const MODEL_CHECKS: Record<string, Check[]> = {
	'wan2.6-reference-video': WAN26_REFERENCE,
	'wan2.6-reference-video-flash': WAN26_REFERENCE,
	'wan2.7-text-to-video': [...WAN27, required('prompt'), oneOf('aspect_ratio', RATIOS), integer('duration', 2, 15), urls('audio_urls', 1, 1)],
	'wan2.7-image-to-video': [
		...WAN27,
		url('image_start'),
		url('image_end'),
		urls('video_urls', 1, 1),
		urls('audio_urls', 1, 1),
		integer('duration', 2, 15),
		generationMode,
	],
	'wan2.7-reference-video': [
		...WAN27,
		required('prompt'),
		url('image_start'),
		urls('image_urls', 1, 5),
		urls('video_urls', 1, 5),
		oneOf('aspect_ratio', RATIOS),
		integer('duration', 2, 15),
		references,
		voiceBindings,
	],
	'wan2.7-video-edit': [
		...WAN27,
		required('video_urls'),
		urls('video_urls', 1, 1),
		urls('image_urls', 1, 4),
		oneOf('aspect_ratio', RATIOS),
		editDuration,
		flag('keep_original_sound'),
	],
};

/** The first problem EvoLink would name in this body, if any. */
function refusalOf(body: Body): Refusal | undefined {
	for (const check of MODEL_CHECKS[String(body.model)] ?? []) {
		const refusal = check(body);
		if (refusal) return refusal;
	}
	return undefined;
}

function submit(req: SimRequest, ctx: SimContext): SimResponse {
	const kind = SUBMIT_PATHS[req.path];
	const body = parseJsonObject(req.rawBody);
	if (!body || typeof body.model !== 'string' || body.model.trim() === '') {
		return { status: 400, body: { error: { ...evolinkErrorBody(400).error, param: 'model' } } };
	}
	const refusal = refusalOf(body);
	if (refusal) {
		const [param, message] = refusal;
		return { status: 400, body: { error: { code: 'invalid_parameters', message, type: 'invalid_request_error', param } } };
	}
	let defaultResultCount = 1;
	if (kind === 'image' && typeof body.n === 'number' && Number.isInteger(body.n) && body.n >= 1) {
		defaultResultCount = body.n;
	}
	const epoch = Math.floor(Date.now() / 1000);
	const task = ctx.createTask('evolink', {
		id: `task-unified-${epoch}-${randomSuffix(8)}`,
		model: body.model,
		kind,
		body,
		prompt: typeof body.prompt === 'string' ? body.prompt : undefined,
		defaultResultCount,
	});
	if (acceptableCallbackUrl(body.callback_url)) ctx.requestCallback(task, body.callback_url);
	const duration = task.behaviour.durationMs;
	// The documented answer (usage and all), with this task's fields.
	const answer = documented('evolink', 'submit-response');
	return {
		status: 200,
		body: {
			...answer,
			created: Math.floor(task.createdEpochMs / 1000),
			id: task.id,
			model: task.model,
			object: `${kind}.generation.task`,
			progress: 0,
			status: 'pending',
			task_info: { can_cancel: true, estimated_time: Number.isFinite(duration) ? Math.ceil(duration / 1000) : 0 },
			type: kind,
		},
	};
}

/** The task query body, as in the doc example, for the task's state now. */
export function evolinkTaskBody(task: SimTask, ctx: SimContext, record = true): Record<string, unknown> {
	const phase = record ? ctx.poll(task) : ctx.phase(task);
	const status = {
		queued: 'pending',
		running: 'processing',
		succeeded: 'completed',
		failed: 'failed',
		canceled: 'cancelled',
	}[phase.state];
	// The documented task query, without its results, with this task's fields.
	const { results: _documentedResults, ...template } = documented('evolink', 'status-succeeded');
	const body: Record<string, unknown> = {
		...template,
		created: Math.floor(task.createdEpochMs / 1000),
		id: task.id,
		model: task.model,
		object: `${task.kind}.generation.task`,
		progress: phase.progress,
	};
	if (phase.state === 'succeeded') body.results = ctx.resultUrls(task);
	body.status = status;
	body.task_info = { can_cancel: !phase.terminal };
	body.type = task.kind;
	if (phase.state === 'failed') {
		const failure = task.behaviour.failure ?? EVOLINK_DEFAULT_FAILURE;
		body.error = {
			code: failure.code,
			message: failure.message,
			type: failure.type ?? (REQUEST_ERROR_CODES.has(failure.code) ? 'invalid_request_error' : 'upstream_error'),
		};
	}
	return body;
}

export const evolinkProvider: SimProvider = {
	id: 'evolink',

	classify: (method: string, path: string) => classifyBy(ROUTES, method, path, (p) => pathId(TASK_PATH, p)),

	credentialFields: (origin: string) => ({ filesBaseUrl: `${origin}/evolink-files` }),

	authorize(headers: IncomingHttpHeaders, apiKey: string): AuthCheck {
		return checkBearer(headers, (token) => token === apiKey);
	},

	authError(): SimResponse {
		return { status: 401, body: evolinkErrorBody(401) };
	},

	errorBody: evolinkErrorBody,

	// The callback's payload is the task query's answer.
	callbackBody: (task, ctx) => evolinkTaskBody(task, ctx, false),
	callbackRetryDelaysMs: CALLBACK_RETRY_DELAYS_MS.evolink,

	handle(req: SimRequest, route: SimRoute, ctx: SimContext): SimResponse {
		if (route === 'submit') return submit(req, ctx);
		if (route === 'status') {
			const id = pathId(TASK_PATH, req.path);
			const task = id === undefined ? undefined : ctx.findTask('evolink', id);
			if (!task) return { status: 404, body: taskNotFound() };
			return { status: 200, body: evolinkTaskBody(task, ctx) };
		}
		return { status: 404, body: { error: { code: 404, message: 'Not found', type: 'not_found_error' } } };
	},
};
