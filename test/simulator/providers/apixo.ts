/**
 * APIXO (api.apixo.ai), as documented in seed doc 002 and providers.md §2: mounted so that the base URL
 * ends in `/api/v1` like the real one; `POST /api/v1/generateTask/{modelId}` with
 * `{request_type, callback_url?, input:{mode, ...}}` → `{code:200, message:'success', data:{taskId}}`;
 * `GET /api/v1/statusTask/{modelId}?taskId=` with states `pending` → `processing` → `success` | `failed`,
 * result URLs inside the `data.resultJson` string, failures as `data.failCode`/`data.failMsg` (envelope code
 * still 200); HTTP errors `{code, message, data:{error}}`; `GET /api/v1/apikeys/current-balance` for the
 * credential test. APIXO documents no cancel endpoint, so none is simulated. Each model's modes are checked
 * against its page (media counts per field, prompt, and for wan-2-6-video references, wan-2-7-video and
 * wan-2-7-image also resolutions, ratios, durations, image counts and tiers): what a page refuses is a 400
 * with the detail in `data.error`.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

import type { AuthCheck, SimContext, SimProvider, SimRequest, SimResponse, SimRoute, SimTask, TaskFailure } from '../types';
import { documented, documentedErrorBody } from '../../fixtures/documented';
import { CALLBACK_RETRY_DELAYS_MS, acceptableCallbackUrl } from '../callbacks';
import { checkBearer, classifyMarketTask, parseJsonObject } from '../http';

export const APIXO_DEFAULT_FAILURE: TaskFailure = {
	code: 'CONTENT_VIOLATION',
	message: 'Content violates usage policy',
};

type Range = readonly [min: number, max: number];

/** What one mode of one model takes, as APIXO documents it; a media field without a range is refused. */
interface ModeRules {
	promptRequired: boolean;
	images?: Range;
	videos?: Range;
	/** `image_urls` and `video_urls` together. */
	references?: Range;
	audio?: Range;
	resolutions?: readonly string[];
	/** Whether `aspect_ratio` is taken (checked against the Wan ratios). */
	ratios?: boolean;
	durations?: readonly number[];
	/** The durations instead once `video_urls` has an entry. */
	durationsWithVideo?: readonly number[];
	/** Image models: `num_images` (and with `enable_sequential`), the `resolution` tiers. */
	numImages?: Range;
	sequentialImages?: Range;
	tiers?: readonly string[];
	/** `resolution: 4k` only without `image_urls` and `enable_sequential` (wan-2-7-image). */
	fourKTextOnly?: boolean;
}

const span = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const RATIOS = ['16:9', '9:16', '1:1', '4:3', '3:4'];
const HD = ['720p', '1080p'];
const ONE: Range = [1, 1];
const AUDIO: Range = [0, 1];

/** wan-2-6-video (https://apixo.ai/docs/models/video/wan-2-6): references 1–5, at most 3 videos (Alibaba). */
const WAN26_REFERENCE: ModeRules = { promptRequired: true, images: [0, 5], videos: [0, 3], references: [1, 5], audio: AUDIO };

/** wan-2-7-video (https://apixo.ai/docs/models/video/wan-2-7 and wan-2-7-video.md). */
const WAN27_VIDEO: Record<string, ModeRules> = {
	'text-to-video': { promptRequired: true, audio: AUDIO, resolutions: HD, ratios: true, durations: span(2, 15) },
	// "first and optional last frame": image_urls [first] or [first, last]; no aspect_ratio.
	'image-to-video': { promptRequired: false, images: [1, 2], audio: AUDIO, resolutions: HD, durations: span(2, 15) },
	'reference-to-video': {
		promptRequired: true,
		images: [0, 5],
		videos: [0, 5],
		references: [1, 5],
		resolutions: HD,
		ratios: true,
		durations: span(2, 15),
		durationsWithVideo: span(2, 10),
	},
	// The .md copy requires the prompt; the source video in video_urls, up to 4 reference images.
	'video-edit': { promptRequired: true, images: [0, 4], videos: ONE, resolutions: HD, ratios: true, durations: [0, ...span(2, 10)] },
};

/** wan-2-7-image (https://apixo.ai/de/docs/models/image/wan-2-7-image). */
const WAN27_IMAGE: ModeRules = {
	promptRequired: true,
	// Optional; 1–9 when given.
	images: [0, 9],
	numImages: [1, 4],
	sequentialImages: [1, 12],
	tiers: ['1k', '2k', '4k'],
	fourKTextOnly: true,
};

/** The models the simulator serves, each mode under its `input.mode`. */
const MODEL_MODES: Record<string, Record<string, ModeRules>> = {
	'wan-2-5-video': {
		'text-to-video': { promptRequired: true, audio: AUDIO },
		'image-to-video': { promptRequired: false, images: ONE, audio: AUDIO },
	},
	'wan-2-6-video': {
		'text-to-video': { promptRequired: true, audio: AUDIO },
		'image-to-video': { promptRequired: true, images: ONE, audio: AUDIO },
		'image-to-video-flash': { promptRequired: true, images: ONE, audio: AUDIO },
		'reference-to-video': WAN26_REFERENCE,
		'reference-to-video-flash': WAN26_REFERENCE,
	},
	'wan-2-7-video': WAN27_VIDEO,
	'wan-2-5-image': {
		'text-to-image': { promptRequired: true },
		'image-to-image': { promptRequired: true, images: [1, 3] },
	},
	'wan-2-6-image': {
		'text-to-image': { promptRequired: true },
		'image-to-image': { promptRequired: true, images: [1, 3] },
	},
	'wan-2-7-image': { 'omni-image': WAN27_IMAGE, 'omni-image-pro': WAN27_IMAGE },
};

/** wan-2-5-image makes 4 images when `num_images` is omitted (providers.md §2.4); the newer models 1. */
const DEFAULT_NUM_IMAGES: Record<string, number> = { 'wan-2-5-image': 4 };

const within = (count: number, [min, max]: Range) => count >= min && count <= max;
const rangeText = ([min, max]: Range) => (min === max ? `${min}` : `${min}-${max}`);

/** The URLs of a media list, or a refusal when it is not a list of strings. */
function urlList(input: Record<string, unknown>, field: string): string[] | string {
	const value = input[field];
	if (value === undefined) return [];
	if (!Array.isArray(value) || !value.every((entry) => typeof entry === 'string' && entry !== '')) {
		return `Invalid field: input.${field} must be an array of URLs`;
	}
	return value as string[];
}

function mediaProblem(input: Record<string, unknown>, rules: ModeRules, mode: string): string | undefined {
	if (input.audio_url !== undefined) return 'Unsupported field: input.audio_url (use audio_urls)';
	const counts: Record<string, number> = {};
	for (const [field, range] of [
		['image_urls', rules.images],
		['video_urls', rules.videos],
		['audio_urls', rules.audio],
	] as const) {
		const urls = urlList(input, field);
		if (typeof urls === 'string') return urls;
		counts[field] = urls.length;
		if (urls.length === 0 && (!range || range[0] === 0)) continue;
		if (!range) return `Unsupported field: input.${field} for mode ${mode}`;
		if (!within(urls.length, range)) return `input.${field} takes ${rangeText(range)} URLs for mode ${mode}, got ${urls.length}`;
	}
	const total = counts.image_urls + counts.video_urls;
	if (rules.references && !within(total, rules.references)) {
		return `image_urls and video_urls take ${rangeText(rules.references)} references together for mode ${mode}, got ${total}`;
	}
	return undefined;
}

function videoProblem(input: Record<string, unknown>, rules: ModeRules, mode: string): string | undefined {
	if (rules.resolutions && input.resolution !== undefined && !rules.resolutions.includes(String(input.resolution))) {
		return `Invalid field: input.resolution must be one of ${rules.resolutions.join(', ')}`;
	}
	if (input.aspect_ratio !== undefined && rules.resolutions) {
		if (!rules.ratios) return `Unsupported field: input.aspect_ratio for mode ${mode}`;
		if (!RATIOS.includes(String(input.aspect_ratio))) return `Invalid field: input.aspect_ratio must be one of ${RATIOS.join(', ')}`;
	}
	const withVideo = Array.isArray(input.video_urls) && input.video_urls.length > 0 && rules.durationsWithVideo;
	const durations = withVideo || rules.durations;
	if (durations && input.duration !== undefined && !durations.includes(input.duration as number)) {
		return `Invalid field: input.duration ${String(input.duration)} for mode ${mode}${withVideo ? ' with a reference video' : ''}`;
	}
	return undefined;
}

function imageProblem(input: Record<string, unknown>, rules: ModeRules): string | undefined {
	const sequential = input.enable_sequential === true;
	const range = sequential ? rules.sequentialImages : rules.numImages;
	if (range && input.num_images !== undefined && !(Number.isInteger(input.num_images) && within(input.num_images as number, range))) {
		return `Invalid field: input.num_images must be ${rangeText(range)}${sequential ? ' with enable_sequential' : ''}`;
	}
	if (rules.tiers && input.resolution !== undefined && !rules.tiers.includes(String(input.resolution))) {
		return `Invalid field: input.resolution must be one of ${rules.tiers.join(', ')}`;
	}
	if (rules.fourKTextOnly && input.resolution === '4k') {
		const withImages = Array.isArray(input.image_urls) && input.image_urls.length > 0;
		if (input.mode !== 'omni-image-pro' || withImages || sequential) {
			return '4k is only available with mode omni-image-pro, no image_urls and enable_sequential false';
		}
	}
	return undefined;
}

/** The first thing APIXO would refuse in `input` for this model's mode, as a 400 detail. */
function inputProblem(model: string, input: Record<string, unknown>, rules: ModeRules): string | undefined {
	const mode = String(input.mode);
	const prompt = typeof input.prompt === 'string' ? input.prompt : undefined;
	if (!prompt?.trim() && rules.promptRequired) return 'Missing required field: input.prompt';
	return mediaProblem(input, rules, mode) ?? (model.endsWith('-image') ? imageProblem(input, rules) : videoProblem(input, rules, mode));
}

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
	if (requestType === 'callback' && !acceptableCallbackUrl(body.callback_url)) {
		return bad('callback_url is required when request_type is callback');
	}
	const input = body.input;
	if (typeof input !== 'object' || input === null || Array.isArray(input)) return bad('Missing required field: input');
	const fields = input as Record<string, unknown>;
	const rules = typeof fields.mode === 'string' ? modes[fields.mode] : undefined;
	if (!rules) return bad('Invalid field: input.mode');
	const problem = inputProblem(model, fields, rules);
	if (problem) return bad(problem);
	const kind = model.endsWith('-image') ? 'image' : 'video';
	const numImages = fields.num_images;
	const task = ctx.createTask('apixo', {
		id: `task_${randomBytes(6).toString('hex')}`,
		model,
		kind,
		body,
		prompt: typeof fields.prompt === 'string' ? fields.prompt : undefined,
		defaultResultCount:
			kind === 'image' ? (typeof numImages === 'number' && Number.isInteger(numImages) && numImages >= 1 ? numImages : (DEFAULT_NUM_IMAGES[model] ?? 1)) : 1,
	});
	if (requestType === 'callback' && acceptableCallbackUrl(body.callback_url)) ctx.requestCallback(task, body.callback_url);
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

	classify: classifyMarketTask((path) => SUBMIT_PATH.test(path), (path) => STATUS_PATH.test(path)),

	authorize(headers: IncomingHttpHeaders, apiKey: string): AuthCheck {
		return checkBearer(headers, (token) => token === apiKey);
	},

	authError(): SimResponse {
		return { status: 401, body: apixoErrorBody(401) };
	},

	errorBody: (status: number) => apixoErrorBody(status),

	// The webhook payload is the status envelope (api-reference/webhooks).
	callbackBody: (task, ctx) => apixoTaskBody(task, ctx, false),
	callbackRetryDelaysMs: CALLBACK_RETRY_DELAYS_MS.apixo,

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
