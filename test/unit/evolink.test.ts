/**
 * What only EvoLink does (seed docs 000, 001, 004 and providers.md §1): its result lists and progress,
 * its task errors, and the exact provider bodies built from requests that went through the real
 * validation path. The documented bodies, unreadable answers, error bodies, status requests and base URL
 * are in the shared contract suite (contract.test.ts, fixtures under test/fixtures/evolink/).
 */
import type { IDataObject } from 'n8n-workflow';

import { evolink } from '../../nodes/shared/providers/evolink/adapter';
import type { GenerationRequest } from '../../nodes/shared/request';
import type { ProviderRequest } from '../../nodes/shared/types';
import { documented } from '../fixtures/documented';
import { itSends, requestsFor, type TestInput } from './support';

const DOC_QUERY_COMPLETED = documented('evolink', 'status-succeeded');
const DOC_QUERY_IMAGE = documented('evolink', 'status-succeeded-image');

const request = requestsFor('evolink');

function body(req: GenerationRequest): IDataObject | undefined {
	return evolink.buildSubmit(req).body;
}

describe('EvoLink parseStatus', () => {
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

	it('reads the progress of a pending and of a processing task', () => {
		const pending = evolink.parseStatus({ ...DOC_QUERY_COMPLETED, status: 'pending', progress: 5, results: undefined });
		expect(pending).toMatchObject({ status: 'queued', rawStatus: 'pending', progress: 5, urls: [] });
		const processing = evolink.parseStatus({ ...DOC_QUERY_COMPLETED, status: 'processing', progress: 45, results: undefined });
		expect(processing).toMatchObject({ status: 'running', rawStatus: 'processing', progress: 45, urls: [] });
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
});

/** EvoLink takes every video at POST /v1/videos/generations and every image at POST /v1/images/generations. */
const videos = (body: IDataObject): ProviderRequest => ({ method: 'POST', path: '/v1/videos/generations', body });
const images = (body: IDataObject): ProviderRequest => ({ method: 'POST', path: '/v1/images/generations', body });

describe('EvoLink submit, video', () => {
	const t2v25 = { kind: 'video' as const, mode: 'textToVideo', model: 'wan2.5', prompt: 'A cat playing piano', resolution: '720p', aspectRatio: '16:9', duration: 5 };
	const t2v26 = { kind: 'video' as const, mode: 'textToVideo', model: 'wan2.6', prompt: 'A chase', resolution: '720p', aspectRatio: '16:9', duration: 5 };

	itSends<TestInput>(evolink, request, [
		[
			'the documented wan2.5 text-to-video body, optional fields absent',
			t2v25,
			videos({ model: 'wan2.5-text-to-video', prompt: 'A cat playing piano', aspect_ratio: '16:9', quality: '720p', duration: 5 }),
		],
		[
			'prompt_extend false and callback_url when set',
			{ ...t2v25, resolution: '1080p', aspectRatio: '4:3', duration: 10, options: { promptExtend: false, callbackUrl: 'https://your-domain.com/webhooks/video-task-completed' } },
			videos({
				model: 'wan2.5-text-to-video',
				prompt: 'A cat playing piano',
				aspect_ratio: '4:3',
				quality: '1080p',
				duration: 10,
				prompt_extend: false,
				callback_url: 'https://your-domain.com/webhooks/video-task-completed',
			}),
		],
		[
			'wan2.5 image-to-video with one image_urls entry and no aspect_ratio',
			{ kind: 'video', mode: 'imageToVideo', model: 'wan2.5', prompt: 'The cat starts to dance', imageUrl: ' https://cdn.example.com/cat.png ', resolution: '480p', aspectRatio: '4:3', duration: 10 },
			videos({ model: 'wan2.5-image-to-video', prompt: 'The cat starts to dance', quality: '480p', duration: 10, image_urls: ['https://cdn.example.com/cat.png'] }),
		],
		[
			'wan2.6 text-to-video with model_params.shot_type and audio_url',
			{ kind: 'video', mode: 'textToVideo', model: 'wan2.6', prompt: 'A chase through a neon market', resolution: '1080p', aspectRatio: '9:16', duration: 12, options: { shotType: 'multi', audioUrl: 'https://cdn.example.com/track.mp3', promptExtend: true } },
			videos({
				model: 'wan2.6-text-to-video',
				prompt: 'A chase through a neon market',
				aspect_ratio: '9:16',
				quality: '1080p',
				duration: 12,
				audio_url: 'https://cdn.example.com/track.mp3',
				model_params: { shot_type: 'multi' },
				prompt_extend: true,
			}),
		],
		[
			'wan2.6-flash image-to-video with generate_audio false',
			{ kind: 'video', mode: 'imageToVideo', model: 'wan2.6-flash', prompt: 'Waves roll in', imageUrl: 'https://cdn.example.com/beach.jpg', resolution: '720p', duration: 2, options: { generateAudio: false } },
			videos({ model: 'wan2.6-image-to-video-flash', prompt: 'Waves roll in', quality: '720p', duration: 2, image_urls: ['https://cdn.example.com/beach.jpg'], generate_audio: false }),
		],
		[
			'wan2.6 reference-to-video with video_urls (no image_urls)',
			{ kind: 'video', mode: 'referenceToVideo', model: 'wan2.6', prompt: 'character1 waves at the camera', referenceUrls: 'https://cdn.example.com/ref1.mp4\nhttps://cdn.example.com/ref2.mov', resolution: '720p', aspectRatio: '1:1', duration: 10, options: { shotType: 'single' } },
			videos({
				model: 'wan2.6-reference-video',
				prompt: 'character1 waves at the camera',
				aspect_ratio: '1:1',
				quality: '720p',
				duration: 10,
				video_urls: ['https://cdn.example.com/ref1.mp4', 'https://cdn.example.com/ref2.mov'],
				model_params: { shot_type: 'single' },
			}),
		],
		[
			'the Model ID override as model',
			{ ...t2v25, options: { modelId: 'wan2.5-t2v-preview' } },
			videos({ model: 'wan2.5-t2v-preview', prompt: 'A cat playing piano', aspect_ratio: '16:9', quality: '720p', duration: 5 }),
		],
		[
			'Extra Parameters merged into nested objects key by key, keeping shot_type',
			{ ...t2v26, options: { shotType: 'multi', extraParameters: '{"model_params":{"foo":1}}' } },
			videos({ model: 'wan2.6-text-to-video', prompt: 'A chase', aspect_ratio: '16:9', quality: '720p', duration: 5, model_params: { shot_type: 'multi', foo: 1 } }),
		],
		[
			'Extra Parameters replacing scalars and adding new fields',
			{ ...t2v26, options: { extraParameters: { duration: 7, seed: 42, model_params: { shot_type: 'single' } } } },
			videos({ model: 'wan2.6-text-to-video', prompt: 'A chase', aspect_ratio: '16:9', quality: '720p', duration: 7, seed: 42, model_params: { shot_type: 'single' } }),
		],
	]);
});

describe('EvoLink submit, images', () => {
	itSends<TestInput>(evolink, request, [
		[
			'text-to-image with size from aspect ratio 1:1 and n',
			{ kind: 'image', mode: 'textToImage', model: 'wan2.5', prompt: 'A peaceful lake reflecting the beautiful sunset', aspectRatio: '1:1', numberOfImages: 1 },
			images({ model: 'wan2.5-text-to-image', prompt: 'A peaceful lake reflecting the beautiful sunset', size: '1280x1280', n: 1 }),
		],
		[
			'an explicit size option (1024x768 = 786,432 px, inside [768², 1440²]) instead of the aspect ratio',
			{ kind: 'image', mode: 'textToImage', model: 'wan2.5', prompt: 'A lighthouse', aspectRatio: '9:16', numberOfImages: 2, options: { size: '1024x768', promptExtend: false } },
			images({ model: 'wan2.5-text-to-image', prompt: 'A lighthouse', size: '1024x768', n: 2, prompt_extend: false }),
		],
		[
			'image-to-image with 2 image_urls and no size',
			{ kind: 'image', mode: 'imageToImage', model: 'wan2.5', prompt: 'Put the hat from image 2 on the cat in image 1', imageUrls: 'https://cdn.example.com/cat.png, https://cdn.example.com/hat.png', numberOfImages: 3 },
			images({ model: 'wan2.5-image-to-image', prompt: 'Put the hat from image 2 on the cat in image 1', n: 3, image_urls: ['https://cdn.example.com/cat.png', 'https://cdn.example.com/hat.png'] }),
		],
	]);

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

	it('takes 1024x768 as inside the documented pixel range', () => {
		expect(1024 * 768).toBeGreaterThanOrEqual(768 * 768);
	});

	it('normalises a size written with * or × to lowercase x', () => {
		const built = body(request({ kind: 'image', mode: 'textToImage', model: 'wan2.5', prompt: 'A lighthouse', numberOfImages: 1, options: { size: '1440 × 1024' } }));
		expect(built?.size).toBe('1440x1024');
	});
});
