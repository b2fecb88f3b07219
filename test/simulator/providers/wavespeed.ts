/**
 * WaveSpeed (api.wavespeed.ai), as its docs describe it: `POST /api/v3/{model id}` with the model's own fields
 * (https://wavespeed.ai/docs/submit-task; the webhook as `?webhook=`, https://wavespeed.ai/docs/how-to-use-webhooks)
 * → `{code:200, message:'success', data:{id, model, status:'created', urls:{get}, created_at}}`;
 * `GET /api/v3/predictions/{id}/result` with statuses `created` → `processing` → `completed` | `failed`
 * (https://wavespeed.ai/docs/get-result; a failed task still answers 200, its words in `data.error`); errors as
 * `{code, message}`; `GET /api/v3/balance` for the credential test. WaveSpeed documents no cancel route, so
 * none is simulated. Each Wan model's body is checked against its page (fields, required ones, presets,
 * durations, media counts); what a page does not list is refused with a 400 naming the field.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

import { pathOf } from '../../../nodes/shared/json';

import type { AuthCheck, SimContext, SimProvider, SimRequest, SimResponse, SimRoute, SimTask, TaskFailure } from '../types';
import { documented, documentedErrorBody } from '../../fixtures/documented';
import { acceptableCallbackUrl } from '../callbacks';
import { checkBearer, classifyBy, parseJsonObject, pathId, type RouteTable } from '../http';

/** The failed result's words on https://wavespeed.ai/docs/get-result (WaveSpeed gives failures no code). */
export const WAVESPEED_DEFAULT_FAILURE: TaskFailure = { code: '', message: 'Error message here' };

type Range = readonly [min: number, max: number];

/** What one model's page lists: every field it takes, which are required, and their allowed values. */
interface ModelRules {
	kind: 'video' | 'image';
	fields: readonly string[];
	required: readonly string[];
	sizes?: readonly string[];
	resolutions?: readonly string[];
	durations?: readonly number[];
	/** Media lists and how many URLs each takes. */
	lists?: Record<string, Range>;
	numImages?: Range;
}

const span = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const PRESETS = ['1280*720', '720*1280', '1920*1080', '1080*1920'];
const HD = ['720p', '1080p'];
const WAN26_VIDEO = ['prompt', 'negative_prompt', 'audio', 'duration', 'shot_type', 'enable_prompt_expansion', 'seed'];

/** The Wan models of https://wavespeed.ai/docs/docs-api/alibaba/ (see nodes/shared/providers/wavespeed/models.ts). */
const MODELS: Record<string, ModelRules> = {
	'alibaba/wan-2.6/text-to-video': { kind: 'video', fields: [...WAN26_VIDEO, 'size'], required: ['prompt'], sizes: PRESETS, durations: [5, 10, 15] },
	'alibaba/wan-2.6/image-to-video': {
		kind: 'video',
		fields: [...WAN26_VIDEO, 'image', 'resolution'],
		required: ['prompt', 'image'],
		resolutions: HD,
		durations: [5, 10, 15],
	},
	'alibaba/wan-2.6/image-to-video-flash': {
		kind: 'video',
		fields: [...WAN26_VIDEO, 'image', 'resolution', 'enable_audio'],
		required: ['prompt', 'image'],
		resolutions: HD,
		durations: span(2, 15),
	},
	'alibaba/wan-2.6/reference-to-video': {
		kind: 'video',
		fields: ['prompt', 'videos', 'negative_prompt', 'audio', 'size', 'duration', 'shot_type', 'enable_prompt_expansion'],
		required: ['prompt', 'videos'],
		sizes: PRESETS,
		durations: [5, 10],
		lists: { videos: [1, 2] },
	},
	'alibaba/wan-2.6/reference-to-video-flash': {
		kind: 'video',
		fields: [...WAN26_VIDEO, 'reference_urls', 'size', 'enable_audio'],
		required: ['prompt', 'reference_urls'],
		sizes: PRESETS,
		durations: [5, 10],
		lists: { reference_urls: [1, 5] },
	},
	'alibaba/wan-2.7/reference-to-video': {
		kind: 'video',
		fields: ['prompt', 'videos', 'image', 'negative_prompt', 'resolution', 'duration', 'enable_prompt_expansion'],
		required: ['prompt', 'videos'],
		resolutions: HD,
		durations: span(2, 10),
		lists: { videos: [1, 5] },
	},
	'alibaba/wan-2.6/text-to-image': {
		kind: 'image',
		fields: ['prompt', 'negative_prompt', 'size', 'n', 'prompt_extend', 'watermark', 'seed'],
		required: ['prompt'],
		numImages: [1, 4],
	},
};

/** Words for statuses the docs give no body for; the documented body where they give one. */
const MESSAGES: Record<number, string> = {
	400: 'Invalid request',
	401: 'Invalid API key',
	404: 'Not found',
	413: 'File too large',
	429: 'Too many requests',
	500: 'Internal server error',
	503: 'Service unavailable',
};

type WaveSpeedError = { code: number; message: string };

export function wavespeedErrorBody(status: number, message?: string): WaveSpeedError {
	const documentedBody = documentedErrorBody('wavespeed', status) as WaveSpeedError | undefined;
	if (documentedBody && message === undefined) return documentedBody;
	return { code: status, message: message ?? MESSAGES[status] ?? `HTTP ${status}` };
}

const bad = (message: string): SimResponse => ({ status: 400, body: wavespeedErrorBody(400, message) });

const isUrl = (value: unknown) => typeof value === 'string' && /^https?:\/\//.test(value);

/** The first thing the model's page would refuse in `body`. */
function bodyProblem(body: Record<string, unknown>, rules: ModelRules): string | undefined {
	const unknown = Object.keys(body).find((field) => !rules.fields.includes(field));
	if (unknown) return `Unknown field: ${unknown}`;
	const missing = rules.required.find((field) => body[field] === undefined || body[field] === '');
	if (missing) return `Missing required field: ${missing}`;
	for (const field of ['image', 'audio']) {
		if (body[field] !== undefined && !isUrl(body[field])) return `Invalid field: ${field} must be a URL`;
	}
	for (const [field, [min, max]] of Object.entries(rules.lists ?? {})) {
		const urls = body[field];
		if (urls === undefined) continue;
		if (!Array.isArray(urls) || !urls.every(isUrl)) return `Invalid field: ${field} must be an array of URLs`;
		if (urls.length < min || urls.length > max) return `${field} takes ${min}-${max} items, got ${urls.length}`;
	}
	if (body.size !== undefined && rules.sizes && !rules.sizes.includes(String(body.size))) {
		return `Invalid field: size must be one of ${rules.sizes.join(', ')}`;
	}
	if (rules.kind === 'image' && body.size !== undefined && !/^\d+\*\d+$/.test(String(body.size))) return 'Invalid field: size must be width*height';
	if (body.resolution !== undefined && !rules.resolutions?.includes(String(body.resolution))) {
		return `Invalid field: resolution must be one of ${(rules.resolutions ?? []).join(', ')}`;
	}
	if (body.duration !== undefined && !rules.durations?.includes(body.duration as number)) return `Invalid field: duration ${String(body.duration)}`;
	if (body.shot_type !== undefined && body.shot_type !== 'single' && body.shot_type !== 'multi') return 'Invalid field: shot_type';
	const n = body.n;
	if (rules.numImages && n !== undefined && !(Number.isInteger(n) && (n as number) >= rules.numImages[0] && (n as number) <= rules.numImages[1])) {
		return 'Invalid field: n must be 1-4';
	}
	return undefined;
}

/** The documented envelope around `data`. */
function envelope(data: Record<string, unknown>): Record<string, unknown> {
	const { code, message } = documented<{ code: number; message: string }>('wavespeed', 'submit-response');
	return { code, message, data };
}

const PREFIX = '/api/v3/';
const RESULT_PATH = /^\/api\/v3\/predictions\/([^/]+)\/result$/;
const BALANCE_PATH = '/api/v3/balance';

function createdAt(task: SimTask): string {
	return new Date(task.createdEpochMs).toISOString();
}

function submit(req: SimRequest, ctx: SimContext): SimResponse {
	const model = decodeURIComponent(req.path.slice(PREFIX.length));
	const rules = MODELS[model];
	if (!rules) return { status: 404, body: wavespeedErrorBody(404, `Model not found: ${model}`) };
	const webhook = req.query.get('webhook');
	if (webhook !== null && !acceptableCallbackUrl(webhook)) return bad('webhook must be a public HTTPS URL');
	const body = parseJsonObject(req.rawBody);
	if (!body) return bad('Request body must be a JSON object');
	const problem = bodyProblem(body, rules);
	if (problem) return bad(problem);
	const task = ctx.createTask('wavespeed', {
		id: randomBytes(16).toString('hex'),
		model,
		kind: rules.kind,
		body,
		prompt: typeof body.prompt === 'string' ? body.prompt : undefined,
		defaultResultCount: rules.kind === 'image' && typeof body.n === 'number' ? body.n : 1,
	});
	if (webhook !== null) ctx.requestCallback(task, webhook);
	return {
		status: 200,
		body: envelope({
			id: task.id,
			model,
			status: 'created',
			urls: { get: `${ctx.origin}/wavespeed/api/v3/predictions/${task.id}/result` },
			created_at: createdAt(task),
		}),
	};
}

/** The result body, in the documented shape, for the task's state now. */
export function wavespeedTaskBody(task: SimTask, ctx: SimContext, record = true): Record<string, unknown> {
	const phase = record ? ctx.poll(task) : ctx.phase(task);
	const data: Record<string, unknown> = { id: task.id, model: task.model, created_at: createdAt(task) };
	if (phase.state === 'queued' || phase.state === 'running') {
		return envelope({ ...data, status: phase.state === 'queued' ? 'created' : 'processing', outputs: [] });
	}
	if (phase.state === 'succeeded') {
		const outputs = ctx.resultUrls(task);
		return envelope({
			...data,
			status: 'completed',
			outputs,
			has_nsfw_contents: outputs.map(() => false),
			error: '',
			timings: { inference: Math.round(task.behaviour.durationMs) },
		});
	}
	// No canceled state is documented (nor reachable without a cancel route): a canceled task reads as failed.
	const failure = phase.state === 'failed' ? (task.behaviour.failure ?? WAVESPEED_DEFAULT_FAILURE) : { message: 'Task canceled' };
	return envelope({ ...data, status: 'failed', error: failure.message });
}

const ROUTES: RouteTable = [
	['POST', (path) => path.startsWith(PREFIX) && !path.startsWith(`${PREFIX}predictions`), 'submit'],
	['GET', (path) => RESULT_PATH.test(path), 'status'],
];

export const wavespeedProvider: SimProvider = {
	id: 'wavespeed',

	classify: (method: string, path: string) => classifyBy(ROUTES, method, path, (p) => pathId(RESULT_PATH, p)),

	authorize(headers: IncomingHttpHeaders, apiKey: string): AuthCheck {
		return checkBearer(headers, (token) => token === apiKey);
	},

	authError(): SimResponse {
		return { status: 401, body: wavespeedErrorBody(401) };
	},

	errorBody: (status: number) => wavespeedErrorBody(status),

	// The webhook posts the prediction without its envelope (how-to-use-webhooks).
	callbackBody: (task, ctx) => pathOf(wavespeedTaskBody(task, ctx, false), 'data'),

	handle(req: SimRequest, route: SimRoute, ctx: SimContext): SimResponse {
		if (route === 'submit') return submit(req, ctx);
		if (route === 'status') {
			const id = pathId(RESULT_PATH, req.path);
			const task = id === undefined ? undefined : ctx.findTask('wavespeed', id);
			if (!task) return { status: 404, body: wavespeedErrorBody(404, `Prediction not found: ${id}`) };
			return { status: 200, body: wavespeedTaskBody(task, ctx) };
		}
		if (req.method === 'GET' && req.path === BALANCE_PATH) return { status: 200, body: envelope({ balance: 100 }) };
		return { status: 404, body: wavespeedErrorBody(404, `Not found: ${req.path}`) };
	},
};
