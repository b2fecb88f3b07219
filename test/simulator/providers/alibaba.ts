/**
 * Alibaba Cloud Model Studio (DashScope), as documented in providers.md §3 and Alibaba's API references:
 * creates under `/api/v1/services/aigc/...` (video synthesis; text2image / image2image on the legacy
 * image protocol; image-generation on the wan2.6 messages protocol), each requiring `X-DashScope-Async:
 * enable`; `GET /api/v1/tasks/{id}` with PENDING → RUNNING → SUCCEEDED | FAILED, CANCELED, and UNKNOWN
 * (HTTP 200) for a task that does not exist; `GET /api/v1/tasks` listing statuses (alibabaTaskList.ts);
 * `POST /api/v1/tasks/{id}/cancel` for PENDING tasks.
 * Errors are `{code, message, request_id}`; task failures `output.code` / `output.message` with HTTP 200.
 *
 * The models the node knows are held to their documented inputs (`MODEL_RULES`): the endpoint each is
 * served on (the kf2v models on image2video), the `input.media[]` types and combinations of Wan 2.7 and
 * Wan 3.0, reference counts, durations; anything else is refused with 400 InvalidParameter, as DashScope
 * does, and creates no task. Models it does not know (a Model ID override) are taken as they come. The
 * host is not checked: a workspace domain and the shared one are the same API on loopback.
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
import { uploadPolicy } from '../fileHosts';
import { checkBearer, classifyBy, parseJsonObject, pathId, type RouteTable } from '../http';
import { TASK_LIST_PATH, listTasks } from './alibabaTaskList';

export const ALIBABA_DEFAULT_FAILURE: TaskFailure = {
	code: 'DataInspectionFailed',
	message: 'Output data may contain inappropriate content.',
};

type Protocol = 'video' | 'legacyImage' | 'messages';

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

function record(value: unknown): Record<string, unknown> | undefined {
	return value !== null && typeof value === 'object' && !Array.isArray(value)
		? (value as Record<string, unknown>)
		: undefined;
}

/** `YYYY-MM-DD HH:mm:ss.SSS`, as DashScope writes times. */
function timestamp(epochMs: number): string {
	return new Date(epochMs).toISOString().replace('T', ' ').replace('Z', '');
}

// ---------------------------------------------------------------------------------------------------
// What DashScope accepts of each model it serves (the pages cited in nodes/shared/providers/alibaba/models.ts)

const VIDEO_PATH = '/api/v1/services/aigc/video-generation/video-synthesis';
const KF2V_PATH = '/api/v1/services/aigc/image2video/video-synthesis';
const MESSAGES_PATH = '/api/v1/services/aigc/image-generation/generation';

interface MediaEntry {
	type: string;
	url: string;
	reference_voice?: unknown;
}

interface Submitted {
	input: Record<string, unknown>;
	parameters: Record<string, unknown>;
	media: MediaEntry[];
}

/** A model's rule: the endpoint that serves it and what it refuses (a message), given the parsed body. */
interface ModelRule {
	path: string;
	refuse(body: Submitted): string | undefined;
}

const range = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, i) => from + i);

function count(media: MediaEntry[], type: string): number {
	return media.filter((entry) => entry.type === type).length;
}

/** The media types present, sorted and joined: `first_frame+last_frame`. */
function combination(media: MediaEntry[]): string {
	return [...new Set(media.map((entry) => entry.type))].sort().join('+');
}

function unknownTypes(media: MediaEntry[], allowed: readonly string[]): string | undefined {
	const unknown = media.find((entry) => !allowed.includes(entry.type));
	return unknown ? `media type ${unknown.type} is not supported by this model; allowed: ${allowed.join(', ')}` : undefined;
}

function durationRefused(parameters: Record<string, unknown>, allowed: readonly number[]): string | undefined {
	const duration = parameters.duration;
	return duration === undefined || (typeof duration === 'number' && allowed.includes(duration))
		? undefined
		: `duration ${String(duration)} is out of range`;
}

function noMedia(body: Submitted): string | undefined {
	return body.input.media === undefined ? undefined : 'this model does not take input.media';
}

function resolutionRefused(parameters: Record<string, unknown>, allowed: readonly string[]): string | undefined {
	const resolution = parameters.resolution;
	return resolution === undefined || allowed.includes(String(resolution)) ? undefined : `resolution ${String(resolution)} is not supported`;
}

function firstOf(...checks: Array<() => string | undefined>): string | undefined {
	for (const check of checks) {
		const refused = check();
		if (refused) return refused;
	}
	return undefined;
}

const HD = ['720P', '1080P'];

/** wan2.7-i2v's six combinations: a first frame (with a last frame and/or driving audio), or a clip (with a last frame). */
const I2V_COMBINATIONS = [
	'first_frame',
	'driving_audio+first_frame',
	'first_frame+last_frame',
	'driving_audio+first_frame+last_frame',
	'first_clip',
	'first_clip+last_frame',
];

const wan27TextToVideo: ModelRule = {
	path: VIDEO_PATH,
	refuse: (body) => firstOf(() => noMedia(body), () => resolutionRefused(body.parameters, HD), () => durationRefused(body.parameters, range(2, 15))),
};

const wan27ImageToVideo: ModelRule = {
	path: VIDEO_PATH,
	refuse: ({ media, parameters }) =>
		firstOf(
			() => unknownTypes(media, ['first_frame', 'last_frame', 'driving_audio', 'first_clip']),
			() => (media.every((entry) => count(media, entry.type) === 1) ? undefined : 'each media type may appear once'),
			() => (I2V_COMBINATIONS.includes(combination(media)) ? undefined : `media combination ${combination(media) || '(none)'} is not supported`),
			() => (parameters.ratio === undefined ? undefined : 'ratio is not supported: the video follows its input'),
			() => resolutionRefused(parameters, HD),
			() => durationRefused(parameters, range(2, 15)),
		),
};

const wan27ReferenceToVideo: ModelRule = {
	path: VIDEO_PATH,
	refuse: ({ media, parameters }) => {
		const references = media.filter((entry) => entry.type === 'reference_image' || entry.type === 'reference_video');
		return firstOf(
			() => unknownTypes(media, ['reference_image', 'reference_video', 'first_frame']),
			() => (references.length >= 1 && references.length <= 5 ? undefined : `expected 1 to 5 references, got ${references.length}`),
			() => (count(media, 'first_frame') <= 1 ? undefined : 'at most one first_frame'),
			() => (media.some((entry) => entry.type === 'first_frame' && entry.reference_voice !== undefined) ? 'a first_frame carries no reference_voice' : undefined),
			() => resolutionRefused(parameters, HD),
			() => durationRefused(parameters, count(media, 'reference_video') > 0 ? range(2, 10) : range(2, 15)),
		);
	},
};

const wan27VideoEdit: ModelRule = {
	path: VIDEO_PATH,
	refuse: ({ media, parameters }) =>
		firstOf(
			() => unknownTypes(media, ['video', 'reference_image']),
			() => (count(media, 'video') === 1 ? undefined : 'exactly one video is required'),
			() => (count(media, 'reference_image') <= 4 ? undefined : 'at most 4 reference images'),
			() => (parameters.audio_setting === undefined || ['auto', 'origin'].includes(String(parameters.audio_setting)) ? undefined : 'audio_setting must be auto or origin'),
			() => resolutionRefused(parameters, HD),
			() => durationRefused(parameters, [0, ...range(2, 10)]),
		),
};

const wan30: ModelRule = {
	path: VIDEO_PATH,
	refuse: ({ input, media, parameters }) => {
		const frames = count(media, 'first_frame') + count(media, 'last_frame');
		const references = media.length - frames;
		return firstOf(
			() => unknownTypes(media, ['first_frame', 'last_frame', 'reference_image', 'reference_video', 'reference_audio']),
			() => (frames > 0 && references > 0 ? 'frames and references cannot be mixed' : undefined),
			() => (count(media, 'first_frame') <= 1 && count(media, 'last_frame') <= 1 ? undefined : 'at most one first_frame and one last_frame'),
			() => (count(media, 'last_frame') === 1 && count(media, 'first_frame') === 0 ? 'a last_frame needs a first_frame' : undefined),
			() => (count(media, 'reference_image') <= 10 && count(media, 'reference_video') <= 5 && count(media, 'reference_audio') <= 5 ? undefined : 'too many references'),
			() => (input.negative_prompt === undefined ? undefined : 'negative_prompt is not supported by this model'),
			() => (parameters.prompt_extend === undefined ? undefined : 'prompt_extend is not supported by this model'),
			() => resolutionRefused(parameters, ['480P', ...HD]),
			() => durationRefused(parameters, [-1, ...range(2, 30)]),
		);
	},
};

function kf2v(resolutions: readonly string[]): ModelRule {
	return {
		path: KF2V_PATH,
		refuse: ({ input, parameters, ...body }) =>
			firstOf(
				() => noMedia({ input, parameters, ...body }),
				() => (typeof input.first_frame_url === 'string' && input.first_frame_url !== '' ? undefined : 'input.first_frame_url is required'),
				() => (typeof input.last_frame_url === 'string' && input.last_frame_url !== '' ? undefined : 'input.last_frame_url is required'),
				() => resolutionRefused(parameters, resolutions),
				() => durationRefused(parameters, [5]),
			),
	};
}

/** wan2.6-r2v and -flash: one to five reference_urls, at most three of them videos. */
const wan26ReferenceToVideo: ModelRule = {
	path: VIDEO_PATH,
	refuse: ({ input }) => {
		const urls = Array.isArray(input.reference_urls) ? input.reference_urls.map(String) : [];
		const videos = urls.filter((url) => /\.(mp4|mov)(\?|$)/i.test(url)).length;
		if (urls.length < 1 || urls.length > 5) return `expected 1 to 5 reference_urls, got ${urls.length}`;
		return videos > 3 ? `at most 3 reference videos, got ${videos}` : undefined;
	},
};

/** Pixels of a `W*H` size or a 1K/2K/4K tier; undefined when absent or unreadable. */
function pixelsOf(size: unknown): number | undefined {
	const tier = { '1K': 1024, '2K': 2048, '4K': 4096 }[String(size).toUpperCase()];
	if (tier) return tier * tier;
	const match = /^(\d+)\*(\d+)$/.exec(String(size));
	return match ? Number(match[1]) * Number(match[2]) : undefined;
}

/**
 * wan2.7 images: one text and up to nine images; n 1–4, or 1–12 in an image set; sizes up to 2K, 4K only
 * for wan2.7-image-pro text to image outside an image set.
 */
function wan27Image(pro: boolean): ModelRule {
	return {
		path: MESSAGES_PATH,
		refuse: ({ input, parameters }) => {
			const content = record(Array.isArray(input.messages) ? input.messages[0] : undefined)?.content;
			const images = Array.isArray(content) ? content.filter((item) => record(item)?.image !== undefined).length : 0;
			const sequential = parameters.enable_sequential === true;
			const most = sequential ? 12 : 4;
			const n = parameters.n;
			const largest = (pro && images === 0 && !sequential ? 4096 : 2048) ** 2;
			const pixels = pixelsOf(parameters.size);
			if (images > 9) return `at most 9 images, got ${images}`;
			if (pixels !== undefined && pixels > largest) return `size ${String(parameters.size)} is too large here`;
			return n === undefined || (typeof n === 'number' && n >= 1 && n <= most) ? undefined : `n must be 1 to ${most}`;
		},
	};
}

const MODEL_RULES: Record<string, ModelRule> = {
	'wan2.7-t2v': wan27TextToVideo,
	'wan2.7-i2v': wan27ImageToVideo,
	'wan2.7-r2v': wan27ReferenceToVideo,
	'wan2.7-videoedit': wan27VideoEdit,
	'wan3.0-video': wan30,
	'wan3.0-video-prime': wan30,
	'wan2.2-kf2v-flash': kf2v(['480P', ...HD]),
	'wan2.1-kf2v-plus': kf2v(['720P']),
	'wan2.6-r2v': wan26ReferenceToVideo,
	'wan2.6-r2v-flash': wan26ReferenceToVideo,
	'wan2.7-image': wan27Image(false),
	'wan2.7-image-pro': wan27Image(true),
};

function mediaOf(input: Record<string, unknown>): MediaEntry[] | undefined {
	if (input.media === undefined) return [];
	if (!Array.isArray(input.media)) return undefined;
	const entries = input.media.map((item) => record(item));
	return entries.every((entry) => entry && typeof entry.type === 'string' && typeof entry.url === 'string' && entry.url !== '')
		? (entries as unknown as MediaEntry[])
		: undefined;
}

/** Why DashScope would refuse this create for a model it knows (undefined: it accepts it, or does not know the model). */
function refusal(path: string, model: string, input: Record<string, unknown>, parameters: unknown): string | undefined {
	const rule = MODEL_RULES[model];
	if (!rule) return undefined;
	if (rule.path !== path) return `Model ${model} is not served on ${path}.`;
	const media = mediaOf(input);
	if (!media) return 'input.media must be a list of {type, url} entries.';
	return rule.refuse({ input, parameters: record(parameters) ?? {}, media });
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
	const input = record(body.input);
	const prompt = input ? promptOf(protocol, input) : false;
	if (!input || prompt === false) {
		return { status: 400, body: errorOf('InvalidParameter', 'The input is invalid for this API.') };
	}
	const refused = refusal(req.path, body.model, input, body.parameters);
	if (refused) return { status: 400, body: errorOf('InvalidParameter', refused) };
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

/** Seconds each input video is taken to last (the simulator does not read the files). */
const INPUT_VIDEO_SECONDS = 5;

/**
 * The `usage` of a finished video task, in the documented shape (status-succeeded.json): the seconds
 * asked for (a length the model chose, or the source's for an edit, counted as 5), the input videos'
 * seconds, the output's, the count and the resolution tier.
 */
function videoUsage(task: SimTask): Record<string, unknown> {
	const body = record(task.body);
	const parameters = record(body?.parameters) ?? {};
	const media = record(body?.input)?.media;
	const inputVideos = Array.isArray(media)
		? media.filter((entry) => ['reference_video', 'first_clip', 'video'].includes(String(record(entry)?.type))).length
		: 0;
	const asked = typeof parameters.duration === 'number' && parameters.duration > 0 ? parameters.duration : 5;
	const tier = /^(\d+)P$/i.exec(String(parameters.resolution ?? ''))?.[1];
	return {
		duration: asked,
		input_video_duration: inputVideos * INPUT_VIDEO_SECONDS,
		output_video_duration: asked,
		video_count: 1,
		...(tier ? { SR: Number(tier) } : {}),
	};
}

/** The succeeded task's result fields, in the protocol's shape, and its usage. */
function results(task: SimTask, ctx: SimContext): { output: Record<string, unknown>; usage: Record<string, unknown> } {
	const urls = ctx.resultUrls(task);
	const protocol = protocolOf(task);
	if (protocol === 'video') {
		return { output: { orig_prompt: task.prompt, video_url: urls[0] }, usage: videoUsage(task) };
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
		if (route === 'statusBatch') return listTasks(req, ctx);
		if (route === 'cancel') return cancel(pathId(CANCEL_PATH, req.path) ?? '', ctx);
		if (route === 'upload') return getPolicy(req, ctx);
		return { status: 404, body: errorOf('NotFound', 'The requested resource does not exist.') };
	},
};
