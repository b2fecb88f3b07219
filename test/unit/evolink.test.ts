/**
 * The EvoLink adapter against the bodies published in EvoLink's docs (seed docs 000, 001, 004 and
 * providers.md §1): submit/status/error parsing, and the exact provider bodies built from requests
 * that went through the real validation path.
 */
import type { IDataObject } from 'n8n-workflow';

import { MalformedResponseError } from '../../nodes/shared/providers/adapter';
import { evolink } from '../../nodes/shared/providers/evolink/adapter';
import { providerAdapter, submitRequest } from '../../nodes/shared/providers';
import type { GenerationRequest } from '../../nodes/shared/request';
import { buildGenerationRequest, type GenerationInput } from '../../nodes/shared/validation';

// ---------------------------------------------------------------------------------------------
// Documented bodies, copied verbatim from the docs.
// ---------------------------------------------------------------------------------------------

/** Submit response example (seed 000 / providers.md §1.4). */
const DOC_SUBMIT_RESPONSE = {
	created: 1757169743,
	id: 'task-unified-1757169743-7cvnl5zw',
	model: 'wan2.5-text-to-video',
	object: 'video.generation.task',
	progress: 0,
	status: 'pending',
	task_info: { can_cancel: true, estimated_time: 120 },
	type: 'video',
	usage: { billing_rule: 'per_call', credits_reserved: 5, user_group: 'default' },
};

/** Task query example (seed 001, GET /v1/tasks/{task_id}). */
const DOC_QUERY_COMPLETED = {
	created: 1756817821,
	id: 'task-unified-1756817821-4x3rx6ny',
	model: 'wan2.5-text-to-video',
	object: 'video.generation.task',
	progress: 100,
	results: ['http://example.com/video.mp4'],
	status: 'completed',
	task_info: { can_cancel: false },
	type: 'video',
};

/** Task query example for images (providers.md §1.5). */
const DOC_QUERY_IMAGE = {
	created: 1756817821,
	id: 'task-unified-1756817821-4x3rx6ny',
	model: 'gpt-4o-image',
	object: 'image.generation.task',
	progress: 100,
	results: ['http://example.com/image.jpg'],
	status: 'completed',
	task_info: { can_cancel: false },
	type: 'image',
};

/** Every documented HTTP error body (seed 000 submit errors and seed 001 query errors). */
const DOC_ERRORS: Array<[string, unknown, { message: string; code: string; description?: string }]> = [
	[
		'400 submit',
		{ error: { code: 400, message: 'Invalid request format', type: 'invalid_request_error', param: 'model' } },
		{ message: 'Invalid request format', code: 'invalid_request_error' },
	],
	[
		'400 query',
		{ error: { code: 400, message: 'Invalid task ID format', type: 'invalid_request_error', param: 'task_id' } },
		{ message: 'Invalid task ID format', code: 'invalid_request_error' },
	],
	[
		'401 submit',
		{ error: { code: 401, message: 'Invalid authentication credentials', type: 'authentication_error' } },
		{ message: 'Invalid authentication credentials', code: 'authentication_error' },
	],
	[
		'401 query',
		{ error: { code: 401, message: 'Invalid or expired token', type: 'authentication_error' } },
		{ message: 'Invalid or expired token', code: 'authentication_error' },
	],
	[
		'402 query',
		{
			error: {
				code: 402,
				message: 'Insufficient quota',
				type: 'insufficient_quota_error',
				fallback_suggestion: 'https://evolink.ai/dashboard/billing',
			},
		},
		{
			message: 'Insufficient quota',
			code: 'insufficient_quota_error',
			description: 'https://evolink.ai/dashboard/billing',
		},
	],
	[
		'403 submit',
		{ error: { code: 403, message: 'Access denied for this model', type: 'permission_error', param: 'model' } },
		{ message: 'Access denied for this model', code: 'permission_error' },
	],
	[
		'403 query',
		{ error: { code: 403, message: 'Access denied', type: 'permission_error' } },
		{ message: 'Access denied', code: 'permission_error' },
	],
	[
		'404 submit (with fallback_suggestion)',
		{
			error: {
				code: 404,
				message: 'Specified model not found',
				type: 'not_found_error',
				param: 'model',
				fallback_suggestion: 'wan2.5-text-to-video',
			},
		},
		{ message: 'Specified model not found', code: 'not_found_error', description: 'wan2.5-text-to-video' },
	],
	[
		'404 query',
		{ error: { code: 404, message: 'Task not found or expired', type: 'not_found_error', param: 'task_id' } },
		{ message: 'Task not found or expired', code: 'not_found_error' },
	],
	[
		'429',
		{
			error: {
				code: 429,
				message: 'Rate limit exceeded',
				type: 'rate_limit_error',
				fallback_suggestion: 'retry after 60 seconds',
			},
		},
		{ message: 'Rate limit exceeded', code: 'rate_limit_error', description: 'retry after 60 seconds' },
	],
	[
		'500',
		{
			error: {
				code: 500,
				message: 'Internal server error',
				type: 'internal_server_error',
				fallback_suggestion: 'try again later',
			},
		},
		{ message: 'Internal server error', code: 'internal_server_error', description: 'try again later' },
	],
	[
		'502 submit',
		{ error: { code: 502, message: 'Bad gateway', type: 'upstream_error', fallback_suggestion: 'try again later' } },
		{ message: 'Bad gateway', code: 'upstream_error', description: 'try again later' },
	],
	[
		'502 query',
		{
			error: {
				code: 502,
				message: 'Upstream service error',
				type: 'upstream_error',
				fallback_suggestion: 'try again later',
			},
		},
		{ message: 'Upstream service error', code: 'upstream_error', description: 'try again later' },
	],
	[
		'503',
		{
			error: {
				code: 503,
				message: 'Service temporarily unavailable',
				type: 'service_unavailable_error',
				fallback_suggestion: 'retry after 30 seconds',
			},
		},
		{
			message: 'Service temporarily unavailable',
			code: 'service_unavailable_error',
			description: 'retry after 30 seconds',
		},
	],
];

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

function request(input: Partial<GenerationInput> & Pick<GenerationInput, 'kind' | 'mode' | 'model'>): GenerationRequest {
	return buildGenerationRequest({ provider: 'evolink', options: {}, ...input }, 'EvoLink');
}

function body(req: GenerationRequest): IDataObject | undefined {
	return evolink.buildSubmit(req).body;
}

// ---------------------------------------------------------------------------------------------
// Submit response
// ---------------------------------------------------------------------------------------------

describe('EvoLink parseSubmit', () => {
	it('reads the documented submit response: task id, queued, progress 0, estimate 120 s', () => {
		const submitted = evolink.parseSubmit(DOC_SUBMIT_RESPONSE);
		expect(submitted.taskId).toBe('task-unified-1757169743-7cvnl5zw');
		expect(submitted.state).toEqual({
			status: 'queued',
			rawStatus: 'pending',
			progress: 0,
			urls: [],
			errorCode: undefined,
			errorMessage: undefined,
			estimatedSeconds: 120,
		});
	});

	it('reads the documented image submit response', () => {
		const submitted = evolink.parseSubmit({
			created: 1757156493,
			id: 'task-unified-1757156493-imcg5zqt',
			model: 'wan2.5-text-to-image',
			object: 'image.generation.task',
			progress: 0,
			status: 'pending',
			task_info: { can_cancel: true },
			type: 'image',
		});
		expect(submitted.taskId).toBe('task-unified-1757156493-imcg5zqt');
		expect(submitted.state?.status).toBe('queued');
		expect(submitted.state?.estimatedSeconds).toBeUndefined();
	});

	it.each<[string, unknown]>([
		['null', null],
		['undefined', undefined],
		['an HTML string', '<html><body><h1>502 Bad Gateway</h1></body></html>'],
		['an empty object', {}],
		['an array', [DOC_SUBMIT_RESPONSE]],
		['an empty id', { ...DOC_SUBMIT_RESPONSE, id: '' }],
		['an object id', { ...DOC_SUBMIT_RESPONSE, id: { value: 'x' } }],
		['an error body with 200', { error: { code: 500, message: 'Internal server error' } }],
	])('throws MalformedResponseError (not TypeError) on %s', (_name, malformed) => {
		expect(() => evolink.parseSubmit(malformed)).toThrow(MalformedResponseError);
		try {
			evolink.parseSubmit(malformed);
		} catch (error) {
			expect((error as MalformedResponseError).body).toBe(malformed);
		}
	});
});

// ---------------------------------------------------------------------------------------------
// Status response
// ---------------------------------------------------------------------------------------------

describe('EvoLink parseStatus', () => {
	it('reads the documented completed video task', () => {
		expect(evolink.parseStatus(DOC_QUERY_COMPLETED)).toEqual({
			status: 'succeeded',
			rawStatus: 'completed',
			progress: 100,
			urls: ['http://example.com/video.mp4'],
			errorCode: undefined,
			errorMessage: undefined,
			estimatedSeconds: undefined,
		});
	});

	it('reads the documented completed image task', () => {
		const state = evolink.parseStatus(DOC_QUERY_IMAGE);
		expect(state.status).toBe('succeeded');
		expect(state.urls).toEqual(['http://example.com/image.jpg']);
	});

	it('keeps every result, in order, for n > 1 images', () => {
		const state = evolink.parseStatus({
			...DOC_QUERY_IMAGE,
			results: ['https://cdn.example.com/1.png', 'https://cdn.example.com/2.png', 'https://cdn.example.com/3.png'],
		});
		expect(state.urls).toEqual([
			'https://cdn.example.com/1.png',
			'https://cdn.example.com/2.png',
			'https://cdn.example.com/3.png',
		]);
	});

	it('drops non-string and empty entries from results', () => {
		const state = evolink.parseStatus({ ...DOC_QUERY_COMPLETED, results: [null, '', 42, 'https://cdn.example.com/v.mp4', {}] });
		expect(state.urls).toEqual(['https://cdn.example.com/v.mp4']);
	});

	it('maps pending to queued with its progress', () => {
		const state = evolink.parseStatus({ ...DOC_QUERY_COMPLETED, status: 'pending', progress: 5, results: undefined });
		expect(state).toMatchObject({ status: 'queued', rawStatus: 'pending', progress: 5, urls: [] });
	});

	it('maps processing to running with its progress', () => {
		const state = evolink.parseStatus({ ...DOC_QUERY_COMPLETED, status: 'processing', progress: 45, results: undefined });
		expect(state).toMatchObject({ status: 'running', rawStatus: 'processing', progress: 45, urls: [] });
	});

	it('maps failed to failed with error.code and error.message', () => {
		const state = evolink.parseStatus({
			...DOC_QUERY_COMPLETED,
			status: 'failed',
			progress: 30,
			results: undefined,
			error: { code: 'content_policy_violation', message: 'The prompt was rejected by the content filter' },
		});
		expect(state).toMatchObject({
			status: 'failed',
			rawStatus: 'failed',
			errorCode: 'content_policy_violation',
			errorMessage: 'The prompt was rejected by the content filter',
			urls: [],
		});
	});

	it('keeps a numeric error.code as text', () => {
		const state = evolink.parseStatus({ status: 'failed', error: { code: 500, message: 'boom', type: 'service_error' } });
		expect(state.errorCode).toBe('500');
		expect(state.errorMessage).toBe('boom');
	});

	it('maps cancelled to canceled', () => {
		const state = evolink.parseStatus({ ...DOC_QUERY_COMPLETED, status: 'cancelled', results: undefined });
		expect(state.status).toBe('canceled');
		expect(state.rawStatus).toBe('cancelled');
	});

	it('maps an unknown status word to unknown and keeps the word', () => {
		const state = evolink.parseStatus({ ...DOC_QUERY_COMPLETED, status: 'teleporting', results: undefined });
		expect(state.status).toBe('unknown');
		expect(state.rawStatus).toBe('teleporting');
	});

	it('falls back to result_data[].video_url', () => {
		const state = evolink.parseStatus({
			...DOC_QUERY_COMPLETED,
			results: undefined,
			result_data: [{ video_url: 'https://cdn.example.com/a.mp4' }, { video_url: 'https://cdn.example.com/b.mp4' }],
		});
		expect(state.urls).toEqual(['https://cdn.example.com/a.mp4', 'https://cdn.example.com/b.mp4']);
	});

	it('falls back to result_data[].image_url', () => {
		const state = evolink.parseStatus({
			...DOC_QUERY_IMAGE,
			results: [],
			result_data: [{ image_url: 'https://cdn.example.com/a.png' }, { other: 1 }, null],
		});
		expect(state.urls).toEqual(['https://cdn.example.com/a.png']);
	});

	it('prefers results[] over result_data', () => {
		const state = evolink.parseStatus({
			...DOC_QUERY_COMPLETED,
			result_data: [{ video_url: 'https://cdn.example.com/other.mp4' }],
		});
		expect(state.urls).toEqual(['http://example.com/video.mp4']);
	});

	it('reads a progress given as a numeric string', () => {
		expect(evolink.parseStatus({ status: 'processing', progress: '60' }).progress).toBe(60);
	});

	it.each<[string, unknown]>([
		['null', null],
		['undefined', undefined],
		['an HTML string', '<!DOCTYPE html><html><head><title>Cloudflare</title></head></html>'],
		['an empty object', {}],
		['an array', [DOC_QUERY_COMPLETED]],
		['a number', 42],
		['a status that is a number', { ...DOC_QUERY_COMPLETED, status: 3 }],
		['a status that is an object', { ...DOC_QUERY_COMPLETED, status: { value: 'completed' } }],
		['a status that is null', { ...DOC_QUERY_COMPLETED, status: null }],
		['a status that is an array', { ...DOC_QUERY_COMPLETED, status: ['completed'] }],
		['a status that is a boolean', { ...DOC_QUERY_COMPLETED, status: true }],
		['an error body with 200', { error: { code: 404, message: 'Task not found or expired', type: 'not_found_error' } }],
	])('throws MalformedResponseError (not TypeError) on %s', (_name, malformed) => {
		let thrown: unknown;
		try {
			evolink.parseStatus(malformed);
		} catch (error) {
			thrown = error;
		}
		expect(thrown).toBeInstanceOf(MalformedResponseError);
		expect(thrown).not.toBeInstanceOf(TypeError);
		expect((thrown as MalformedResponseError).body).toBe(malformed);
	});
});

// ---------------------------------------------------------------------------------------------
// Error bodies
// ---------------------------------------------------------------------------------------------

describe('EvoLink parseError', () => {
	it.each(DOC_ERRORS)('reads the documented %s error body', (_name, errorBody, expected) => {
		const parsed = evolink.parseError(errorBody);
		expect(parsed).toEqual({
			message: expected.message,
			code: expected.code,
			description: expected.description,
		});
	});

	it('falls back to error.code when there is no type', () => {
		expect(evolink.parseError({ error: { code: 418, message: 'I am a teapot' } })).toEqual({
			message: 'I am a teapot',
			code: '418',
			description: undefined,
		});
	});

	it.each<[string, unknown]>([
		['an HTML page', '<html><body><h1>502 Bad Gateway</h1></body></html>'],
		['plain text', 'upstream connect error or disconnect/reset before headers'],
		['null', null],
		['undefined', undefined],
		['an empty object', {}],
		['an array', [{ error: { message: 'x' } }]],
		['an error without a message', { error: { code: 500, type: 'internal_server_error' } }],
		['an error that is a string', { error: 'boom' }],
	])('returns undefined for %s', (_name, notAnError) => {
		expect(evolink.parseError(notAnError)).toBeUndefined();
	});
});

// ---------------------------------------------------------------------------------------------
// Submit bodies
// ---------------------------------------------------------------------------------------------

describe('EvoLink buildSubmit', () => {
	const t2v25 = {
		kind: 'video' as const,
		mode: 'textToVideo',
		model: 'wan2.5',
		prompt: 'A cat playing piano',
		resolution: '720p',
		aspectRatio: '16:9',
		duration: 5,
	};

	it('builds the documented wan2.5 text-to-video body, optional fields absent', () => {
		const built = evolink.buildSubmit(request(t2v25));
		expect(built.method).toBe('POST');
		expect(built.path).toBe('/v1/videos/generations');
		expect(built.body).toStrictEqual({
			model: 'wan2.5-text-to-video',
			prompt: 'A cat playing piano',
			aspect_ratio: '16:9',
			quality: '720p',
			duration: 5,
		});
		expect(Object.keys(built.body ?? {}).sort()).toEqual(['aspect_ratio', 'duration', 'model', 'prompt', 'quality']);
	});

	it('sends prompt_extend false and callback_url when set', () => {
		const built = body(
			request({
				...t2v25,
				resolution: '1080p',
				aspectRatio: '4:3',
				duration: 10,
				options: {
					promptExtend: false,
					callbackUrl: 'https://your-domain.com/webhooks/video-task-completed',
				},
			}),
		);
		expect(built).toStrictEqual({
			model: 'wan2.5-text-to-video',
			prompt: 'A cat playing piano',
			aspect_ratio: '4:3',
			quality: '1080p',
			duration: 10,
			prompt_extend: false,
			callback_url: 'https://your-domain.com/webhooks/video-task-completed',
		});
	});

	it('builds wan2.5 image-to-video with one image_urls entry and no aspect_ratio', () => {
		const built = evolink.buildSubmit(
			request({
				kind: 'video',
				mode: 'imageToVideo',
				model: 'wan2.5',
				prompt: 'The cat starts to dance',
				imageUrl: ' https://cdn.example.com/cat.png ',
				resolution: '480p',
				aspectRatio: '4:3',
				duration: 10,
			}),
		);
		expect(built.path).toBe('/v1/videos/generations');
		expect(built.body).toStrictEqual({
			model: 'wan2.5-image-to-video',
			prompt: 'The cat starts to dance',
			quality: '480p',
			duration: 10,
			image_urls: ['https://cdn.example.com/cat.png'],
		});
	});

	it('builds wan2.6 text-to-video with model_params.shot_type and audio_url', () => {
		const built = body(
			request({
				kind: 'video',
				mode: 'textToVideo',
				model: 'wan2.6',
				prompt: 'A chase through a neon market',
				resolution: '1080p',
				aspectRatio: '9:16',
				duration: 12,
				options: { shotType: 'multi', audioUrl: 'https://cdn.example.com/track.mp3', promptExtend: true },
			}),
		);
		expect(built).toStrictEqual({
			model: 'wan2.6-text-to-video',
			prompt: 'A chase through a neon market',
			aspect_ratio: '9:16',
			quality: '1080p',
			duration: 12,
			audio_url: 'https://cdn.example.com/track.mp3',
			model_params: { shot_type: 'multi' },
			prompt_extend: true,
		});
	});

	it('builds wan2.6-flash image-to-video with generate_audio false', () => {
		const built = body(
			request({
				kind: 'video',
				mode: 'imageToVideo',
				model: 'wan2.6-flash',
				prompt: 'Waves roll in',
				imageUrl: 'https://cdn.example.com/beach.jpg',
				resolution: '720p',
				duration: 2,
				options: { generateAudio: false },
			}),
		);
		expect(built).toStrictEqual({
			model: 'wan2.6-image-to-video-flash',
			prompt: 'Waves roll in',
			quality: '720p',
			duration: 2,
			image_urls: ['https://cdn.example.com/beach.jpg'],
			generate_audio: false,
		});
	});

	it('builds wan2.6 reference-to-video with video_urls', () => {
		const built = body(
			request({
				kind: 'video',
				mode: 'referenceToVideo',
				model: 'wan2.6',
				prompt: 'character1 waves at the camera',
				referenceUrls: 'https://cdn.example.com/ref1.mp4\nhttps://cdn.example.com/ref2.mov',
				resolution: '720p',
				aspectRatio: '1:1',
				duration: 10,
				options: { shotType: 'single' },
			}),
		);
		expect(built).toStrictEqual({
			model: 'wan2.6-reference-video',
			prompt: 'character1 waves at the camera',
			aspect_ratio: '1:1',
			quality: '720p',
			duration: 10,
			video_urls: ['https://cdn.example.com/ref1.mp4', 'https://cdn.example.com/ref2.mov'],
			model_params: { shot_type: 'single' },
		});
		expect(built).not.toHaveProperty('image_urls');
	});

	it('builds text-to-image with size from aspect ratio 1:1 and n', () => {
		const built = evolink.buildSubmit(
			request({
				kind: 'image',
				mode: 'textToImage',
				model: 'wan2.5',
				prompt: 'A peaceful lake reflecting the beautiful sunset',
				aspectRatio: '1:1',
				numberOfImages: 1,
			}),
		);
		expect(built.method).toBe('POST');
		expect(built.path).toBe('/v1/images/generations');
		expect(built.body).toStrictEqual({
			model: 'wan2.5-text-to-image',
			prompt: 'A peaceful lake reflecting the beautiful sunset',
			size: '1280x1280',
			n: 1,
		});
	});

	it.each([
		['16:9', '1696x960'],
		['9:16', '960x1696'],
		['4:3', '1472x1104'],
		['3:4', '1104x1472'],
	])('maps image aspect ratio %s to size %s within the documented pixel range', (aspectRatio, size) => {
		const built = body(
			request({ kind: 'image', mode: 'textToImage', model: 'wan2.5', prompt: 'x', aspectRatio, numberOfImages: 4 }),
		);
		expect(built?.size).toBe(size);
		expect(built?.n).toBe(4);
		const [width, height] = size.split('x').map(Number);
		expect(width * height).toBeGreaterThanOrEqual(768 * 768);
		expect(width * height).toBeLessThanOrEqual(1440 * 1440);
	});

	it('uses an explicit size option (1024x768 = 786,432 px, inside [768², 1440²]) instead of the aspect ratio', () => {
		expect(1024 * 768).toBeGreaterThanOrEqual(768 * 768);
		const built = body(
			request({
				kind: 'image',
				mode: 'textToImage',
				model: 'wan2.5',
				prompt: 'A lighthouse',
				aspectRatio: '9:16',
				numberOfImages: 2,
				options: { size: '1024x768', promptExtend: false },
			}),
		);
		expect(built).toStrictEqual({
			model: 'wan2.5-text-to-image',
			prompt: 'A lighthouse',
			size: '1024x768',
			n: 2,
			prompt_extend: false,
		});
	});

	it('normalises a size written with * or × to lowercase x', () => {
		const built = body(
			request({
				kind: 'image',
				mode: 'textToImage',
				model: 'wan2.5',
				prompt: 'A lighthouse',
				numberOfImages: 1,
				options: { size: '1440 × 1024' },
			}),
		);
		expect(built?.size).toBe('1440x1024');
	});

	it('builds image-to-image with 2 image_urls and no size', () => {
		const built = evolink.buildSubmit(
			request({
				kind: 'image',
				mode: 'imageToImage',
				model: 'wan2.5',
				prompt: 'Put the hat from image 2 on the cat in image 1',
				imageUrls: 'https://cdn.example.com/cat.png, https://cdn.example.com/hat.png',
				numberOfImages: 3,
			}),
		);
		expect(built.path).toBe('/v1/images/generations');
		expect(built.body).toStrictEqual({
			model: 'wan2.5-image-to-image',
			prompt: 'Put the hat from image 2 on the cat in image 1',
			n: 3,
			image_urls: ['https://cdn.example.com/cat.png', 'https://cdn.example.com/hat.png'],
		});
	});

	it('sends the Model ID override as model', () => {
		const built = body(request({ ...t2v25, options: { modelId: 'wan2.5-t2v-preview' } }));
		expect(built?.model).toBe('wan2.5-t2v-preview');
	});
});

describe('EvoLink buildStatus, baseUrl and registry', () => {
	it('polls GET /v1/tasks/<id>', () => {
		expect(
			evolink.buildStatus({ provider: 'evolink', model: 'wan2.5-text-to-video', taskId: 'task-unified-1757169743-7cvnl5zw' }),
		).toEqual({ method: 'GET', path: '/v1/tasks/task-unified-1757169743-7cvnl5zw' });
	});

	it('URL-encodes the task id', () => {
		const built = evolink.buildStatus({ provider: 'evolink', model: 'm', taskId: 'a/b?c#d e' });
		expect(built.path).toBe('/v1/tasks/a%2Fb%3Fc%23d%20e');
	});

	it('defaults the base URL and strips a trailing slash', () => {
		expect(evolink.baseUrl({})).toBe('https://api.evolink.ai');
		expect(evolink.baseUrl({ baseUrl: 'https://proxy.example.com/evo/' })).toBe('https://proxy.example.com/evo');
	});

	it('is registered as the evolink provider', () => {
		expect(providerAdapter('evolink')).toBe(evolink);
		expect(() => providerAdapter('apixo-nope' as never)).toThrow('Unknown provider');
	});
});

describe('submitRequest with Extra Parameters', () => {
	const t2v26 = {
		kind: 'video' as const,
		mode: 'textToVideo',
		model: 'wan2.6',
		prompt: 'A chase',
		resolution: '720p',
		aspectRatio: '16:9',
		duration: 5,
	};

	it('merges nested objects key by key, keeping shot_type', () => {
		const req = request({ ...t2v26, options: { shotType: 'multi', extraParameters: '{"model_params":{"foo":1}}' } });
		const built = submitRequest(evolink, req);
		expect(built.path).toBe('/v1/videos/generations');
		expect(built.body?.model_params).toStrictEqual({ shot_type: 'multi', foo: 1 });
		expect(built.body?.model).toBe('wan2.6-text-to-video');
		expect(built.body?.duration).toBe(5);
	});

	it('replaces scalars and adds new fields', () => {
		const req = request({
			...t2v26,
			options: { extraParameters: { duration: 7, seed: 42, model_params: { shot_type: 'single' } } },
		});
		const built = submitRequest(evolink, req);
		expect(built.body).toStrictEqual({
			model: 'wan2.6-text-to-video',
			prompt: 'A chase',
			aspect_ratio: '16:9',
			quality: '720p',
			duration: 7,
			seed: 42,
			model_params: { shot_type: 'single' },
		});
	});

	it('returns the adapter body unchanged without Extra Parameters', () => {
		const req = request({ ...t2v26, options: { shotType: 'multi' } });
		expect(submitRequest(evolink, req)).toStrictEqual(evolink.buildSubmit(req));
	});
});

describe('EvoLink parseSubmit on a terse answer', () => {
	it('keeps the task id when the body has no status (the task exists and is paid for)', () => {
		expect(evolink.parseSubmit({ id: 'task-unified-1' })).toStrictEqual({ taskId: 'task-unified-1' });
	});
});
