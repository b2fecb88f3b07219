/**
 * What only EvoLink does (seed docs 000, 001, 004 and providers.md §1): its result lists and progress,
 * its task errors, and the exact provider bodies built from requests that went through the real
 * validation path, and its file upload. The documented bodies, unreadable answers, error bodies, status requests and base URL
 * are in the shared contract suite (contract.test.ts, fixtures under test/fixtures/evolink/).
 */
import type { IDataObject } from 'n8n-workflow';

import { InvalidInputError } from '../../nodes/shared/inputError';
import { MalformedResponseError, UploadRefusedError } from '../../nodes/shared/providers/adapter';
import { evolink } from '../../nodes/shared/providers/evolink/adapter';
import { evolinkUpload } from '../../nodes/shared/providers/evolink/upload';
import type { GenerationRequest } from '../../nodes/shared/request';
import type { ProviderRequest } from '../../nodes/shared/types';
import { documented } from '../fixtures/documented';
import { fakeUploadRequests, itRefuses, itSends, requestsFor, thrownBy, type TestInput } from './support';

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

	it('keeps a usage object as EvoLink words it, and nothing that is not an object', () => {
		const usage = { billing_rule: 'per_second', credits_reserved: 50, user_group: 'default' };
		expect(evolink.parseStatus({ ...DOC_QUERY_COMPLETED, usage }).usage).toStrictEqual(usage);
		expect(evolink.parseStatus({ ...DOC_QUERY_COMPLETED, usage: 'five credits' }).usage).toBeUndefined();
		expect(evolink.parseStatus({ ...DOC_QUERY_COMPLETED, usage: [1] }).usage).toBeUndefined();
		expect(evolink.parseStatus(DOC_QUERY_COMPLETED).usage).toBeUndefined();
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

/**
 * Wan 2.7 on EvoLink, against its pages (docs.evolink.ai/en/api-manual/video-series/wan2.7/…): text to video
 * with `audio_urls`, one image-to-video model with three `generation_mode`s, references split into
 * `image_urls` / `video_urls` with voices in `model_params.voice_bindings`, and video edit.
 */
describe('EvoLink submit, Wan 2.7 video', () => {
	const t2v = { kind: 'video' as const, mode: 'textToVideo', model: 'wan2.7', prompt: 'A small kitten running under the moonlight', resolution: '720p', aspectRatio: '16:9', duration: 5 };
	const i2v = { kind: 'video' as const, model: 'wan2.7', resolution: '720p', duration: 5 };
	const r2v = { kind: 'video' as const, mode: 'referenceToVideo', model: 'wan2.7', resolution: '720p', aspectRatio: '16:9', duration: 5 };
	const edit = { kind: 'video' as const, mode: 'editVideo', model: 'wan2.7', resolution: '720p', duration: 0 };

	itSends<TestInput>(evolink, request, [
		[
			'text to video: the documented minimal body',
			t2v,
			videos({ model: 'wan2.7-text-to-video', prompt: 'A small kitten running under the moonlight', aspect_ratio: '16:9', quality: '720p', duration: 5 }),
		],
		[
			'text to video with driving audio as audio_urls, negative prompt, seed and prompt_extend',
			{ ...t2v, resolution: '1080p', aspectRatio: '3:4', duration: 15, options: { audioUrl: 'https://example.com/audio.mp3', negativePrompt: 'Blurry, low quality', seed: 42, promptExtend: true, callbackUrl: 'https://example.com/hook' } },
			videos({
				model: 'wan2.7-text-to-video',
				prompt: 'A small kitten running under the moonlight',
				negative_prompt: 'Blurry, low quality',
				aspect_ratio: '3:4',
				quality: '1080p',
				duration: 15,
				audio_urls: ['https://example.com/audio.mp3'],
				seed: 42,
				prompt_extend: true,
				callback_url: 'https://example.com/hook',
			}),
		],
		[
			'image to video: generation_mode first_frame and image_start, no aspect ratio',
			{ ...i2v, mode: 'imageToVideo', prompt: 'A cat playing piano', imageUrl: 'https://example.com/first_frame.jpg', aspectRatio: '16:9' },
			videos({ model: 'wan2.7-image-to-video', generation_mode: 'first_frame', prompt: 'A cat playing piano', quality: '720p', duration: 5, image_start: 'https://example.com/first_frame.jpg' }),
		],
		[
			'image to video with driving audio, without a prompt',
			{ ...i2v, mode: 'imageToVideo', imageUrl: 'https://example.com/first_frame.jpg', duration: 2, options: { audioUrl: 'https://example.com/voice.wav' } },
			videos({ model: 'wan2.7-image-to-video', generation_mode: 'first_frame', quality: '720p', duration: 2, image_start: 'https://example.com/first_frame.jpg', audio_urls: ['https://example.com/voice.wav'] }),
		],
		[
			'first and last frame: first_last_frame, image_start and image_end, with driving audio',
			{ ...i2v, mode: 'firstLastFrameToVideo', prompt: 'The flower opens', imageUrl: 'https://example.com/bud.png', lastFrameUrl: 'https://example.com/bloom.png', resolution: '1080p', duration: 10, options: { audioUrl: 'https://example.com/music.mp3' } },
			videos({
				model: 'wan2.7-image-to-video',
				generation_mode: 'first_last_frame',
				prompt: 'The flower opens',
				quality: '1080p',
				duration: 10,
				image_start: 'https://example.com/bud.png',
				image_end: 'https://example.com/bloom.png',
				audio_urls: ['https://example.com/music.mp3'],
			}),
		],
		[
			'extend: video_continuation with the clip in video_urls',
			{ ...i2v, mode: 'extendVideo', prompt: 'He opens the box', videoUrl: 'https://example.com/clip.mp4', duration: 15 },
			videos({ model: 'wan2.7-image-to-video', generation_mode: 'video_continuation', prompt: 'He opens the box', quality: '720p', duration: 15, video_urls: ['https://example.com/clip.mp4'] }),
		],
		[
			'extend towards an ending frame: video_urls and image_end',
			{ ...i2v, mode: 'extendVideo', videoUrl: 'https://example.com/clip.mov', lastFrameUrl: 'https://example.com/end.webp', duration: 12 },
			videos({ model: 'wan2.7-image-to-video', generation_mode: 'video_continuation', quality: '720p', duration: 12, video_urls: ['https://example.com/clip.mov'], image_end: 'https://example.com/end.webp' }),
		],
		[
			'references split by type, a first frame, and each voice bound to its reference as image{N} / video{N}',
			{
				...r2v,
				prompt: 'Video 1 holds Image 2 and sings to Image 1',
				referenceUrls: 'https://example.com/ref1.jpg\nhttps://example.com/singer.mp4\nhttps://example.com/ref2.png',
				imageUrl: 'https://example.com/first_frame.jpg',
				duration: 10,
				options: { referenceVoiceUrls: 'https://example.com/voice_a.mp3, https://example.com/voice_v.mp3, https://example.com/voice_b.wav' },
			},
			videos({
				model: 'wan2.7-reference-video',
				prompt: 'Video 1 holds Image 2 and sings to Image 1',
				aspect_ratio: '16:9',
				quality: '720p',
				duration: 10,
				image_start: 'https://example.com/first_frame.jpg',
				image_urls: ['https://example.com/ref1.jpg', 'https://example.com/ref2.png'],
				video_urls: ['https://example.com/singer.mp4'],
				model_params: {
					voice_bindings: {
						image1: 'https://example.com/voice_a.mp3',
						video1: 'https://example.com/voice_v.mp3',
						image2: 'https://example.com/voice_b.wav',
					},
				},
			}),
		],
		[
			'references: fewer voices than references bind the first ones; images only allow 15 s',
			{ ...r2v, prompt: 'Image 1 meets Image 2', referenceUrls: 'https://example.com/a.png, https://example.com/b.png', duration: 15, options: { referenceVoiceUrls: 'https://example.com/a.mp3' } },
			videos({
				model: 'wan2.7-reference-video',
				prompt: 'Image 1 meets Image 2',
				aspect_ratio: '16:9',
				quality: '720p',
				duration: 15,
				image_urls: ['https://example.com/a.png', 'https://example.com/b.png'],
				model_params: { voice_bindings: { image1: 'https://example.com/a.mp3' } },
			}),
		],
		[
			'edit: the source in video_urls, references in image_urls, keep_original_sound, duration 0 kept',
			{ ...edit, prompt: 'Dress the character in flashy clothes and put on the hat from the reference image', videoUrl: 'https://example.com/source.mp4', referenceUrls: 'https://example.com/ref.jpg', options: { keepSourceAudio: true } },
			videos({
				model: 'wan2.7-video-edit',
				prompt: 'Dress the character in flashy clothes and put on the hat from the reference image',
				quality: '720p',
				duration: 0,
				video_urls: ['https://example.com/source.mp4'],
				image_urls: ['https://example.com/ref.jpg'],
				keep_original_sound: true,
			}),
		],
		[
			'edit without references or prompt, cut to 10 s, keep_original_sound false',
			{ ...edit, resolution: '1080p', duration: 10, videoUrl: 'https://example.com/source.mov', options: { keepSourceAudio: false } },
			videos({ model: 'wan2.7-video-edit', quality: '1080p', duration: 10, video_urls: ['https://example.com/source.mov'], keep_original_sound: false }),
		],
	]);

	const refs = (count: number, extension = 'png') => Array.from({ length: count }, (_, i) => `https://example.com/ref${i + 1}.${extension}`).join('\n');

	itRefuses<TestInput>(request, [
		['a prompt over 5000 characters', { ...t2v, prompt: 'a'.repeat(5001) }, /At most 5000 characters for Wan 2\.7 \(wan2\.7-text-to-video\)/],
		['480p, which Wan 2.7 does not make', { ...t2v, resolution: '480p' }, /Invalid Resolution: "480p"\. Allowed for Wan 2\.7 \(wan2\.7-text-to-video\): 720p, 1080p/],
		['16 s', { ...t2v, duration: 16 }, /Invalid Duration: 16\. .*2–15 seconds/],
		['Shot Type (multi-shot is prompt wording on 2.7)', { ...t2v, options: { shotType: 'multi' } }, /Invalid Shot Type: "multi"\. This option is not supported by EvoLink Wan 2\.7/],
		['Watermark, which EvoLink does not document for 2.7', { ...t2v, options: { watermark: false } }, /Invalid Watermark/],
		['a first and last frame without the last frame', { ...i2v, mode: 'firstLastFrameToVideo', imageUrl: 'https://example.com/a.png', lastFrameUrl: '' }, /Invalid Last Frame URL: empty\. Expected 1 URL, got 0/],
		['a last frame that is a video', { ...i2v, mode: 'firstLastFrameToVideo', imageUrl: 'https://example.com/a.png', lastFrameUrl: 'https://example.com/b.mp4' }, /Invalid Last Frame URL: "https:\/\/example\.com\/b\.mp4"\. This is video; allowed here: image/],
		['first and last frame on Wan 2.6, which has none', { ...i2v, model: 'wan2.6', mode: 'firstLastFrameToVideo', imageUrl: 'https://example.com/a.png', lastFrameUrl: 'https://example.com/b.png' }, /Invalid Model: "Wan 2\.6"\. Allowed for EvoLink First and Last Frame to Video: Wan 2\.7\./],
		['extending without a clip', { ...i2v, mode: 'extendVideo', videoUrl: '' }, /Invalid Video URL: empty\. Expected 1 URL, got 0/],
		['six references', { ...r2v, prompt: 'x', referenceUrls: refs(6) }, /Invalid Reference URLs: [\s\S]* Expected 1–5 URLs, got 6/],
		['15 s with a reference video', { ...r2v, prompt: 'x', referenceUrls: 'https://example.com/a.mp4', duration: 15 }, /Invalid Duration: 15\. Allowed for Wan 2\.7 \(wan2\.7-reference-video\) with a reference video: 2–10 seconds/],
		['an Audio URL on references (EvoLink takes voices there)', { ...r2v, prompt: 'x', referenceUrls: refs(1), options: { audioUrl: 'https://example.com/a.mp3' } }, /Invalid Audio URL: .* not supported by EvoLink Wan 2\.7 \(wan2\.7-reference-video\)/],
		['six voices', { ...r2v, prompt: 'x', referenceUrls: refs(5), options: { referenceVoiceUrls: refs(6, 'mp3') } }, /Invalid Reference Voice URLs: [\s\S]* Expected 0–5 URLs, got 6/],
		['an image reference on Wan 2.6 (video_urls only)', { ...r2v, model: 'wan2.6', prompt: 'character1 waves', referenceUrls: 'https://example.com/a.mp4\nhttps://example.com/b.png' }, /Invalid Reference URLs: "https:\/\/example\.com\/b\.png"\. This model takes no images here/],
		['an image reference on Wan 2.6 Flash', { ...r2v, model: 'wan2.6-flash', prompt: 'character1 waves', referenceUrls: 'https://example.com/b.jpg' }, /This model takes no images here/],
		['four Wan 2.6 reference videos', { ...r2v, model: 'wan2.6', prompt: 'x', referenceUrls: refs(4, 'mp4') }, /Expected 1–3 URLs, got 4/],
		['an edit without a source video', { ...edit, videoUrl: '' }, /Invalid Video URL: empty\. Expected 1 URL, got 0/],
		['five edit references', { ...edit, videoUrl: 'https://example.com/s.mp4', referenceUrls: refs(5) }, /Invalid Reference URLs: [\s\S]* Expected 0–4 URLs, got 5/],
		['a video among edit references', { ...edit, videoUrl: 'https://example.com/s.mp4', referenceUrls: 'https://example.com/r.mp4' }, /This is video; allowed here: image/],
		['an edit of 1 s', { ...edit, videoUrl: 'https://example.com/s.mp4', duration: 1 }, /Invalid Duration: 1\. Allowed for Wan 2\.7 \(wan2\.7-video-edit\): 0 \(keep the source video's length\) or 2–10 seconds/],
		['Keep Source Audio outside an edit', { ...t2v, options: { keepSourceAudio: true } }, /Invalid Keep Source Audio: true\. This option is not supported/],
		['a negative prompt on Wan 2.6', { kind: 'video', mode: 'textToVideo', model: 'wan2.6', prompt: 'x', resolution: '720p', aspectRatio: '16:9', duration: 5, options: { negativePrompt: 'blur' } }, /Invalid Negative Prompt: "blur"\. This option is not supported/],
	]);
});

describe('EvoLink preflight', () => {
	const preflight = (input: TestInput) => thrownBy(() => evolink.preflight?.(request(input), {}));
	const r2v = { kind: 'video' as const, mode: 'referenceToVideo', model: 'wan2.7', prompt: 'x', resolution: '720p', aspectRatio: '16:9', duration: 5 };

	it('refuses seed 0: Wan 2.7 on EvoLink takes 1–2147483647', () => {
		const error = preflight({ kind: 'video', mode: 'textToVideo', model: 'wan2.7', prompt: 'x', resolution: '720p', aspectRatio: '16:9', duration: 5, options: { seed: 0 } });
		expect(error).toBeInstanceOf(InvalidInputError);
		expect((error as Error).message).toBe('Invalid Seed: 0. Allowed for EvoLink: 1–2147483647.');
	});

	it('lets a voice per reference and seed 1 through', () => {
		expect(preflight({ ...r2v, referenceUrls: 'https://example.com/a.png', options: { referenceVoiceUrls: 'https://example.com/1.mp3', seed: 1 } })).toBeUndefined();
	});
});

describe('EvoLink file upload', () => {
	const file = { fileName: 'photo.png', mimeType: 'image/png', bytes: 2048, type: 'image' as const };
	const pick = ({ url, fields, withKey }: { url: string; fields: unknown; withKey: boolean }) => ({ url, fields, withKey });

	it('streams the file to the documented host with its name, and uses the documented data.file_url', async () => {
		const { asked, requests } = fakeUploadRequests({ multipart: documented('evolink', 'upload-response') });
		await expect(evolinkUpload.upload(file, requests, { credentials: { apiKey: 'k' }, modelId: 'wan2.7-image-to-video' })).resolves.toBe(
			'https://files.evolink.ai/photos/photo.png',
		);
		expect(asked.multipart.map(pick)).toEqual([
			{ url: 'https://files-api.evolink.ai/api/v1/files/upload/stream', fields: [['file_name', expect.stringMatching(/^[a-z0-9]+-[a-z0-9]+-photo\.png$/)]], withKey: true },
		]);
	});

	it('goes to the credential’s Files Base URL when it has one', async () => {
		const { asked, requests } = fakeUploadRequests({ multipart: documented('evolink', 'upload-response') });
		await evolinkUpload.upload(file, requests, { credentials: { filesBaseUrl: 'http://127.0.0.1:9/files/' }, modelId: 'm' });
		expect(asked.multipart).toEqual([expect.objectContaining({ url: 'http://127.0.0.1:9/files/api/v1/files/upload/stream' })]);
	});

	it.each<[string, unknown, new (...args: never[]) => Error, RegExp]>([
		['a refusal in a 200 answer', { success: false, code: 403, msg: 'quota exhausted' }, UploadRefusedError, /refused it: quota exhausted$/],
		['an answer without data.file_url', { success: true, code: 200, data: {} }, MalformedResponseError, /without data\.file_url/],
		['an answer that is not JSON', '<html>bad gateway</html>', MalformedResponseError, /without data\.file_url/],
	])('throws on %s', async (_case, body, errorClass, message) => {
		const { requests } = fakeUploadRequests({ multipart: body });
		const upload = evolinkUpload.upload(file, requests, { credentials: {}, modelId: 'm' });
		await expect(upload).rejects.toThrow(errorClass);
		await expect(upload).rejects.toThrow(message);
	});
});
