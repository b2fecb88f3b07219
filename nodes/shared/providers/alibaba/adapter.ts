import type { IDataObject } from 'n8n-workflow';

import { arrayAt, asRecord, pathOf, stringAt, strings } from '../../json';
import { urlOf, urlsOf, type GenerationRequest } from '../../request';
import type { ImageSize, ProviderRequest, TaskState } from '../../types';
import { MalformedResponseError, submittedTask, type ProviderAdapter } from '../adapter';
import { compact, requestedImageSize, usageAt } from '../body';
import { dashscopeVideoFields } from '../dashscope';
import { ALIBABA_MODELS } from './models';
import { refuseUnservable } from './preflight';
import { TASK_QUERIES, submitsPerModel } from './rateLimits';
import { alibabaBaseUrl } from './regions';
import { TASK_STATUSES, dashScopeTaskList } from './taskList';
import { dashScopeUpload } from './upload';

const PATHS = {
	video: '/api/v1/services/aigc/video-generation/video-synthesis',
	frames: '/api/v1/services/aigc/image2video/video-synthesis',
	textToImage: '/api/v1/services/aigc/text2image/image-synthesis',
	imageToImage: '/api/v1/services/aigc/image2image/image-synthesis',
	messages: '/api/v1/services/aigc/image-generation/generation',
};

/** Every create must ask for an asynchronous task, or DashScope refuses it (403 AccessDenied). */
const ASYNC_HEADERS = { 'X-DashScope-Async': 'enable' };

/** A create naming a temporary upload (`oss://`) must also ask DashScope to resolve it, as its upload page says. */
function submitHeaders(request: GenerationRequest): Record<string, string> {
	const uploaded = Object.values(request.media).some((entries) => entries?.some((entry) => entry.url.startsWith('oss://')));
	return uploaded ? { ...ASYNC_HEADERS, 'X-DashScope-OssResourceResolve': 'enable' } : ASYNC_HEADERS;
}

function dimensions(size: ImageSize | undefined): string | undefined {
	return size ? `${size.width}*${size.height}` : undefined;
}

/** The kf2v models' own fields: both frames by name, the shape as a resolution tier. */
function framesFields(request: GenerationRequest): { input: IDataObject; parameters: IDataObject } {
	return {
		input: compact({
			negative_prompt: request.negativePrompt,
			first_frame_url: urlOf(request, 'firstFrame'),
			last_frame_url: urlOf(request, 'lastFrame'),
		}),
		parameters: compact({
			resolution: request.resolution?.toUpperCase(),
			duration: request.duration,
			prompt_extend: request.promptExtend,
			watermark: request.watermark,
			seed: request.seed,
		}),
	};
}

function videoSubmit(request: GenerationRequest): ProviderRequest {
	const byFrames = request.spec.keyframesProtocol === true;
	const { input, parameters } = byFrames ? framesFields(request) : dashscopeVideoFields(request);
	return {
		method: 'POST',
		path: byFrames ? PATHS.frames : PATHS.video,
		headers: submitHeaders(request),
		body: { model: request.modelId, input: compact({ prompt: request.prompt, ...input }), parameters },
	};
}

function imageSubmit(request: GenerationRequest): ProviderRequest {
	const images = urlsOf(request, 'images');
	const editing = images.length > 0;
	const size = requestedImageSize(request);
	const shared = {
		size: dimensions(size),
		n: request.numberOfImages,
		prompt_extend: request.promptExtend,
		watermark: request.watermark,
		seed: request.seed,
	};
	if (request.spec.messagesProtocol) {
		return {
			method: 'POST',
			path: PATHS.messages,
			headers: submitHeaders(request),
			body: {
				model: request.modelId,
				input: { messages: [{ role: 'user', content: [{ text: request.prompt }, ...images.map((image) => ({ image }))] }] },
				parameters: compact({
					negative_prompt: request.negativePrompt,
					...shared,
					enable_sequential: request.imageSet,
				}),
			},
		};
	}
	return {
		method: 'POST',
		path: editing ? PATHS.imageToImage : PATHS.textToImage,
		headers: submitHeaders(request),
		body: {
			model: request.modelId,
			input: compact({
				prompt: request.prompt,
				negative_prompt: request.negativePrompt,
				images: editing ? images : undefined,
			}),
			parameters: compact(shared),
		},
	};
}

/** `output.results[]` of the legacy image protocol: URLs, and sub-images that failed with a code instead. */
function legacyImageResults(results: unknown[]): { urls: string[]; failures: string[]; firstCode?: string } {
	const urls: string[] = [];
	const failures: string[] = [];
	let firstCode: string | undefined;
	results.forEach((entry, index) => {
		const [url] = strings([pathOf(entry, 'url')]);
		if (url) {
			urls.push(url);
			return;
		}
		const code = stringAt(entry, 'code');
		const message = stringAt(entry, 'message');
		if (code === undefined && message === undefined) return;
		firstCode ??= code;
		failures.push(`image ${index + 1}: ${[code, message].filter(Boolean).join(': ')}`);
	});
	return { urls, failures, firstCode };
}

/** `output.choices[].message.content[].image` of the messages protocol (wan2.6 images). */
function messageImages(output: unknown): string[] {
	return strings(
		arrayAt(output, 'choices').flatMap((choice) =>
			arrayAt(choice, 'message', 'content').map((item) => pathOf(item, 'image')),
		),
	);
}

function taskState(body: unknown): TaskState {
	const output = asRecord(pathOf(body, 'output'));
	const rawStatus = output?.task_status;
	if (typeof rawStatus !== 'string') {
		throw new MalformedResponseError('Alibaba Cloud Model Studio task response has no output.task_status', body);
	}
	const video = strings([pathOf(output, 'video_url')]);
	const legacy = legacyImageResults(arrayAt(output, 'results'));
	const urls = video.length > 0 ? video : legacy.urls.length > 0 ? legacy.urls : messageImages(output);
	// DashScope's `usage` (seconds, video and image counts, size, …), as DashScope names it.
	const usage = usageAt(body, 'usage');
	const state: TaskState = {
		status: TASK_STATUSES[rawStatus] ?? 'unknown',
		rawStatus,
		urls,
		errorCode: stringAt(output, 'code'),
		errorMessage:
			stringAt(output, 'message') ??
			(rawStatus === 'UNKNOWN' ? 'task not found or expired (task ids are kept for 24 hours)' : undefined),
		...(usage ? { usage } : {}),
	};
	if (state.status === 'succeeded' && urls.length === 0 && legacy.failures.length > 0) {
		return {
			...state,
			status: 'failed',
			errorCode: state.errorCode ?? legacy.firstCode,
			errorMessage: state.errorMessage ?? `every image failed (${legacy.failures.join('; ')})`,
		};
	}
	return legacy.failures.length > 0 ? { ...state, partialFailures: legacy.failures } : state;
}

export const alibaba: ProviderAdapter = {
	id: 'alibaba',
	displayName: 'Alibaba Cloud Model Studio',
	credentialType: 'alibabaModelStudioApi',
	models: ALIBABA_MODELS,
	// `data:` URIs of images up to 10 MB (image-to-video API reference, `img_url`; image editing, `image`);
	// video and audio through the temporary upload.
	binaryInput: { dataUri: { image: 10 * 1024 * 1024 }, upload: dashScopeUpload },
	rateLimit: { ...TASK_QUERIES, submitsPerModel },

	baseUrl: alibabaBaseUrl,

	preflight: refuseUnservable,

	buildSubmit: (request) => (request.kind === 'video' ? videoSubmit(request) : imageSubmit(request)),

	parseSubmit(body) {
		const taskId = stringAt(body, 'output', 'task_id');
		if (!taskId) {
			throw new MalformedResponseError('Alibaba Cloud Model Studio submit response has no output.task_id', body);
		}
		return submittedTask(taskId, body, taskState);
	},

	buildStatus: (handle) => ({
		method: 'GET',
		path: `/api/v1/tasks/${encodeURIComponent(handle.taskId)}`,
	}),

	parseStatus: taskState,

	statusList: dashScopeTaskList,

	// DashScope cancels only queued (PENDING) tasks; a running one would answer an error.
	buildCancel(handle, state) {
		if (state !== undefined && state.status !== 'queued') return undefined;
		return { method: 'POST', path: `/api/v1/tasks/${encodeURIComponent(handle.taskId)}/cancel` };
	},

	parseError(body) {
		const message = stringAt(body, 'message');
		if (!message) return undefined;
		const requestId = stringAt(body, 'request_id');
		return {
			message,
			code: stringAt(body, 'code'),
			description: requestId ? `Request ID ${requestId}` : undefined,
		};
	},
};
