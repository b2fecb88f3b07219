/**
 * What only APIXO does (seed doc 002, the wan-2-5-video page, providers.md §2): its catalogue, the exact
 * provider bodies built from requests that went through the real validation path, the envelope code of a
 * 2xx answer, and result URLs inside the resultJson string. The documented bodies, unreadable answers,
 * error bodies, status requests and base URL are in the shared contract suite (contract.test.ts,
 * fixtures under test/fixtures/apixo/).
 */
import type { IDataObject } from 'n8n-workflow';

import { findModel, modelsFor } from '../../nodes/shared/catalogue';
import { InvalidInputError } from '../../nodes/shared/inputError';
import { MalformedResponseError } from '../../nodes/shared/providers/adapter';
import { apixo } from '../../nodes/shared/providers/apixo/adapter';
import type { GenerationRequest } from '../../nodes/shared/request';
import type { ProviderRequest } from '../../nodes/shared/types';
import { documented } from '../fixtures/documented';
import { DASHSCOPE_VIDEO_SIZES, itRefuses, itSends, requestsFor, thrownBy, type TestInput } from './support';

const DOC_SUCCESS = documented<{ data: Record<string, unknown> }>('apixo', 'status-succeeded');
const DOC_IMAGE_SUCCESS = documented<{ data: Record<string, unknown> }>('apixo', 'status-succeeded-image');

const request = requestsFor('apixo');

function body(req: GenerationRequest): IDataObject | undefined {
	return apixo.buildSubmit(req).body;
}


// ---------------------------------------------------------------------------------------------
// Catalogue
// ---------------------------------------------------------------------------------------------

describe('APIXO catalogue', () => {
	it('serves wan-2-5/2-6/2-7-video for video, wan-2-5/2-6/2-7-image for images, each mode under its input.mode', () => {
		const ids = (mode: Parameters<typeof modelsFor>[1]) =>
			modelsFor('apixo', mode).map((spec) => `${spec.model}=${spec.modelId}/${spec.providerMode}`);
		expect(ids('textToVideo')).toEqual(['wan2.5=wan-2-5-video/text-to-video', 'wan2.6=wan-2-6-video/text-to-video', 'wan2.7=wan-2-7-video/text-to-video']);
		expect(ids('imageToVideo')).toEqual([
			'wan2.5=wan-2-5-video/image-to-video',
			'wan2.6=wan-2-6-video/image-to-video',
			'wan2.6-flash=wan-2-6-video/image-to-video-flash',
			'wan2.7=wan-2-7-video/image-to-video',
		]);
		expect(ids('firstLastFrameToVideo')).toEqual(['wan2.7=wan-2-7-video/image-to-video']);
		expect(ids('referenceToVideo')).toEqual([
			'wan2.6=wan-2-6-video/reference-to-video',
			'wan2.6-flash=wan-2-6-video/reference-to-video-flash',
			'wan2.7=wan-2-7-video/reference-to-video',
		]);
		expect(ids('editVideo')).toEqual(['wan2.7=wan-2-7-video/video-edit']);
		// Continuing a clip is not documented for wan-2-7-video (its image-to-video is "first and optional last frame").
		expect(ids('extendVideo')).toEqual([]);
		expect(ids('textToImage')).toEqual([
			'wan2.5=wan-2-5-image/text-to-image',
			'wan2.6=wan-2-6-image/text-to-image',
			'wan2.7=wan-2-7-image/omni-image',
			'wan2.7-pro=wan-2-7-image/omni-image-pro',
		]);
		expect(ids('imageToImage')).toEqual([
			'wan2.5=wan-2-5-image/image-to-image',
			'wan2.6=wan-2-6-image/image-to-image',
			'wan2.7=wan-2-7-image/omni-image',
			'wan2.7-pro=wan-2-7-image/omni-image-pro',
		]);
	});

	it('offers a Size (a resolution tier) and Image Set only on wan-2-7-image, and no aspect ratio there', () => {
		for (const mode of ['textToImage', 'imageToImage'] as const) {
			for (const spec of modelsFor('apixo', mode)) {
				const wan27 = spec.modelId === 'wan-2-7-image';
				expect(spec.optionalFields.includes('size')).toBe(wan27);
				expect(spec.optionalFields.includes('imageSet')).toBe(wan27);
				if (wan27) expect(spec.aspectRatios).toBeUndefined();
			}
		}
	});

	it('takes 2–10 s on wan-2-7-video reference to video once a reference is a video, and 0 or 2–10 s for edits', () => {
		expect(findModel('apixo', 'referenceToVideo', 'wan2.7')?.durations).toEqual(Array.from({ length: 14 }, (_, i) => i + 2));
		expect(findModel('apixo', 'referenceToVideo', 'wan2.7')?.durationsWithReferenceVideo).toEqual(Array.from({ length: 9 }, (_, i) => i + 2));
		expect(findModel('apixo', 'editVideo', 'wan2.7')?.durations).toEqual([0, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
	});

	it('offers Generate Audio (sound) only on the flash modes', () => {
		const withSound = modelsFor('apixo', 'imageToVideo')
			.concat(modelsFor('apixo', 'referenceToVideo'), modelsFor('apixo', 'textToVideo'))
			.filter((spec) => spec.optionalFields.includes('generateAudio'))
			.map((spec) => `${spec.model} ${spec.mode}`);
		expect(withSound.sort()).toEqual(['wan2.6-flash imageToVideo', 'wan2.6-flash referenceToVideo']);
	});
});

// ---------------------------------------------------------------------------------------------
// Submit requests: POST /generateTask/<model id>, the mode and its fields under input
// ---------------------------------------------------------------------------------------------

const task = (modelId: string, body: IDataObject): ProviderRequest => ({ method: 'POST', path: `/generateTask/${modelId}`, body });
const CALLBACK = 'https://your-server.com/webhooks/apixo';

describe('APIXO submit, wan-2-5-video', () => {
	itSends<TestInput>(apixo, request, [
		[
			'the documented text-to-video body (seed 002 "Text-to-video")',
			{ kind: 'video', mode: 'textToVideo', model: 'wan2.5', prompt: 'a serene mountain landscape with moving clouds and gentle breeze', resolution: '480p', aspectRatio: '1:1', duration: 5, options: { audioUrl: 'https://example.com/music.mp3', promptExtend: true, negativePrompt: 'low quality, blurry', watermark: false, seed: 20260413 } },
			task('wan-2-5-video', {
				request_type: 'async',
				input: {
					mode: 'text-to-video',
					prompt: 'a serene mountain landscape with moving clouds and gentle breeze',
					audio_urls: ['https://example.com/music.mp3'],
					resolution: '480p',
					duration: 5,
					aspect_ratio: '1:1',
					prompt_extend: true,
					negative_prompt: 'low quality, blurry',
					watermark: false,
					seed: 20260413,
				},
			}),
		],
		[
			'the documented quickstart body (720p, 16:9)',
			{ kind: 'video', mode: 'textToVideo', model: 'wan2.5', prompt: 'a cinematic shot of clouds drifting over a quiet mountain lake', resolution: '720p', aspectRatio: '16:9', duration: 5, options: { audioUrl: 'https://example.com/music.mp3', promptExtend: true } },
			task('wan-2-5-video', {
				request_type: 'async',
				input: { mode: 'text-to-video', prompt: 'a cinematic shot of clouds drifting over a quiet mountain lake', audio_urls: ['https://example.com/music.mp3'], resolution: '720p', duration: 5, aspect_ratio: '16:9', prompt_extend: true },
			}),
		],
		[
			'the documented callback body (request_type callback, optional fields absent)',
			{ kind: 'video', mode: 'textToVideo', model: 'wan2.5', prompt: 'a polished product demo video with gentle camera movement', resolution: '720p', aspectRatio: '16:9', duration: 5, options: { callbackUrl: CALLBACK } },
			task('wan-2-5-video', {
				request_type: 'callback',
				callback_url: CALLBACK,
				input: { mode: 'text-to-video', prompt: 'a polished product demo video with gentle camera movement', resolution: '720p', duration: 5, aspect_ratio: '16:9' },
			}),
		],
		[
			'the documented image-to-video body (seed 002 "Image-to-video"), no aspect_ratio',
			{ kind: 'video', mode: 'imageToVideo', model: 'wan2.5', imageUrl: 'https://example.com/reference.png', prompt: 'turn this photo into a smooth cinematic shot with a slow push-in camera move', resolution: '1080p', aspectRatio: '16:9', duration: 10, options: { audioUrl: 'https://example.com/music.mp3', callbackUrl: CALLBACK } },
			task('wan-2-5-video', {
				request_type: 'callback',
				callback_url: CALLBACK,
				input: {
					mode: 'image-to-video',
					image_urls: ['https://example.com/reference.png'],
					prompt: 'turn this photo into a smooth cinematic shot with a slow push-in camera move',
					audio_urls: ['https://example.com/music.mp3'],
					resolution: '1080p',
					duration: 10,
				},
			}),
		],
		[
			'no prompt for image-to-video without one',
			{ kind: 'video', mode: 'imageToVideo', model: 'wan2.5', imageUrl: 'https://example.com/reference.png', resolution: '720p', duration: 5 },
			task('wan-2-5-video', { request_type: 'async', input: { mode: 'image-to-video', image_urls: ['https://example.com/reference.png'], resolution: '720p', duration: 5 } }),
		],
	]);

	const t2v = { kind: 'video' as const, mode: 'textToVideo', model: 'wan2.5', prompt: 'x', resolution: '720p', aspectRatio: '16:9', duration: 5 };
	itRefuses<TestInput>(request, [
		['4:3 at 480p, as the doc says 480p has only 16:9, 9:16 and 1:1', { ...t2v, resolution: '480p', aspectRatio: '4:3' }, /Aspect Ratio.*16:9, 9:16, 1:1\./],
		['a duration other than 5 and 10', { ...t2v, duration: 7 }, /Allowed for Wan 2.5 \(wan-2-5-video\): 5, 10 seconds/],
		['a prompt over 1500 characters', { ...t2v, prompt: 'x'.repeat(1501) }, /At most 1500 characters/],
		['Generate Audio, which wan-2-5-video does not document', { ...t2v, options: { generateAudio: true } }, /Generate Audio.*not supported by APIXO Wan 2.5 \(wan-2-5-video\)/],
		['Shot Type, which wan-2-5-video does not document', { ...t2v, options: { shotType: 'multi' } }, /Shot Type.*not supported/],
	]);
});

describe('APIXO submit, wan-2-6-video', () => {
	itSends<TestInput>(apixo, request, [
		[
			'text-to-video with resolution, the size preset and prompt_extend',
			{ kind: 'video', mode: 'textToVideo', model: 'wan2.6', prompt: 'A chase through a neon market', resolution: '1080p', aspectRatio: '9:16', duration: 15, options: { promptExtend: false, negativePrompt: 'blurry', audioUrl: 'https://example.com/track.mp3' } },
			task('wan-2-6-video', {
				request_type: 'async',
				input: {
					mode: 'text-to-video',
					prompt: 'A chase through a neon market',
					negative_prompt: 'blurry',
					audio_urls: ['https://example.com/track.mp3'],
					resolution: '1080p',
					duration: 15,
					size: '1080*1920',
					prompt_extend: false,
				},
			}),
		],
		[
			'image-to-video with one image_urls entry, no size',
			{ kind: 'video', mode: 'imageToVideo', model: 'wan2.6', prompt: 'The cat starts to dance', imageUrl: 'https://example.com/cat.png', resolution: '720p', aspectRatio: '16:9', duration: 2 },
			task('wan-2-6-video', { request_type: 'async', input: { mode: 'image-to-video', prompt: 'The cat starts to dance', image_urls: ['https://example.com/cat.png'], resolution: '720p', duration: 2 } }),
		],
		[
			'wan2.6-flash image-to-video as mode image-to-video-flash with sound from Generate Audio',
			{ kind: 'video', mode: 'imageToVideo', model: 'wan2.6-flash', prompt: 'Waves roll in', imageUrl: 'https://example.com/beach.jpg', resolution: '1080p', duration: 15, options: { generateAudio: false } },
			task('wan-2-6-video', {
				request_type: 'async',
				input: { mode: 'image-to-video-flash', prompt: 'Waves roll in', image_urls: ['https://example.com/beach.jpg'], resolution: '1080p', duration: 15, sound: false },
			}),
		],
		[
			'reference-to-video with the reference videos in video_urls, the images in image_urls, and the size preset',
			{ kind: 'video', mode: 'referenceToVideo', model: 'wan2.6', prompt: 'character1 waves at character2', referenceUrls: 'https://example.com/ref1.mp4\nhttps://example.com/ref2.mp4, https://example.com/ref3.png', resolution: '720p', aspectRatio: '1:1', duration: 10 },
			task('wan-2-6-video', {
				request_type: 'async',
				input: {
					mode: 'reference-to-video',
					prompt: 'character1 waves at character2',
					image_urls: ['https://example.com/ref3.png'],
					video_urls: ['https://example.com/ref1.mp4', 'https://example.com/ref2.mp4'],
					resolution: '720p',
					duration: 10,
					size: '960*960',
				},
			}),
		],
		[
			'wan2.6-flash reference-to-video as mode reference-to-video-flash with sound',
			{ kind: 'video', mode: 'referenceToVideo', model: 'wan2.6-flash', prompt: 'character1 dances', referenceUrls: 'https://example.com/ref1.mp4', resolution: '1080p', aspectRatio: '16:9', duration: 2, options: { generateAudio: true, callbackUrl: CALLBACK } },
			task('wan-2-6-video', {
				request_type: 'callback',
				callback_url: CALLBACK,
				input: { mode: 'reference-to-video-flash', prompt: 'character1 dances', video_urls: ['https://example.com/ref1.mp4'], resolution: '1080p', duration: 2, size: '1920*1080', sound: true },
			}),
		],
	]);

	it.each(DASHSCOPE_VIDEO_SIZES.filter(([resolution]) => resolution !== '480p'))('maps %s %s to the documented size preset %s', (resolution, aspectRatio, size) => {
		const input = body(
			request({ kind: 'video', mode: 'textToVideo', model: 'wan2.6', prompt: 'x', resolution, aspectRatio, duration: 5 }),
		)?.input as IDataObject;
		expect(input.size).toBe(size);
		expect(input).not.toHaveProperty('aspect_ratio');
	});

	const t2v = { kind: 'video' as const, mode: 'textToVideo', model: 'wan2.6', prompt: 'x', aspectRatio: '16:9', duration: 5 };
	const r2v = { kind: 'video' as const, mode: 'referenceToVideo', model: 'wan2.6', prompt: 'x', resolution: '720p', aspectRatio: '16:9' };
	const six = Array.from({ length: 6 }, (_, i) => `https://example.com/${i}.mp4`).join(',');
	itRefuses<TestInput>(request, [
		['480p', { ...t2v, resolution: '480p' }, /Resolution.*720p, 1080p/],
		['sound outside flash', { ...t2v, resolution: '720p', options: { generateAudio: true } }, /Generate Audio.*not supported/],
		['a seed', { ...t2v, resolution: '720p', options: { seed: 1 } }, /Seed.*not supported/],
		['reference durations over 10 s', { ...r2v, referenceUrls: 'https://example.com/a.mp4', duration: 11 }, /2–10 seconds/],
		['more than 5 references', { ...r2v, referenceUrls: six, duration: 5 }, /Expected 1–5 URLs, got 6/],
		['more than 3 reference videos (Alibaba\'s wan2.6-r2v cap)', { ...r2v, referenceUrls: six.split(',').slice(0, 4).join(','), duration: 5 }, /Reference URLs.*At most 3 videos, got 4/],
	]);

	it('sends the Model ID override in the path', () => {
		const built = apixo.buildSubmit(request({ ...t2v, resolution: '720p', options: { modelId: 'wan-2-6-video-beta' } }));
		expect(built.path).toBe('/generateTask/wan-2-6-video-beta');
	});
});

const V27 = 'wan-2-7-video';
const FIRST = 'https://example.com/first.png';
const LAST = 'https://example.com/last.png';
const CLIP = 'https://example.com/clip.mp4';

describe('APIXO submit, wan-2-7-video (apixo.ai/docs/models/video/wan-2-7 and wan-2-7-video.md)', () => {
	itSends<TestInput>(apixo, request, [
		[
			'text-to-video: aspect_ratio (no size), a 15 s duration, audio in audio_urls, the Wan 2.7 options',
			{ kind: 'video', mode: 'textToVideo', model: 'wan2.7', prompt: 'a cinematic rainy night in tokyo', resolution: '1080p', aspectRatio: '9:16', duration: 15, options: { audioUrl: 'https://example.com/track.mp3', negativePrompt: 'blurry', promptExtend: false, seed: 7, watermark: true } },
			task(V27, {
				request_type: 'async',
				input: {
					mode: 'text-to-video',
					prompt: 'a cinematic rainy night in tokyo',
					negative_prompt: 'blurry',
					audio_urls: ['https://example.com/track.mp3'],
					resolution: '1080p',
					duration: 15,
					aspect_ratio: '9:16',
					watermark: true,
					seed: 7,
					prompt_extend: false,
				},
			}),
		],
		[
			'image-to-video: the first frame alone in image_urls, driving audio, no aspect_ratio, no prompt',
			{ kind: 'video', mode: 'imageToVideo', model: 'wan2.7', imageUrl: FIRST, resolution: '720p', duration: 2, options: { audioUrl: 'https://example.com/voice.wav' } },
			task(V27, { request_type: 'async', input: { mode: 'image-to-video', image_urls: [FIRST], audio_urls: ['https://example.com/voice.wav'], resolution: '720p', duration: 2 } }),
		],
		[
			'first and last frame: image-to-video with image_urls [first, last]',
			{ kind: 'video', mode: 'firstLastFrameToVideo', model: 'wan2.7', prompt: 'The bud opens into a flower', imageUrl: FIRST, lastFrameUrl: LAST, resolution: '1080p', duration: 5 },
			task(V27, { request_type: 'async', input: { mode: 'image-to-video', prompt: 'The bud opens into a flower', image_urls: [FIRST, LAST], resolution: '1080p', duration: 5 } }),
		],
		[
			'reference-to-video: images in image_urls, videos in video_urls, each in the order given, aspect_ratio',
			{ kind: 'video', mode: 'referenceToVideo', model: 'wan2.7', prompt: 'Video 1 hands Image 2 to Image 1', referenceUrls: 'https://example.com/girl.png, https://example.com/dancer.mp4\nhttps://example.com/cup.webp', resolution: '720p', aspectRatio: '1:1', duration: 10, options: { callbackUrl: CALLBACK } },
			task(V27, {
				request_type: 'callback',
				callback_url: CALLBACK,
				input: {
					mode: 'reference-to-video',
					prompt: 'Video 1 hands Image 2 to Image 1',
					image_urls: ['https://example.com/girl.png', 'https://example.com/cup.webp'],
					video_urls: ['https://example.com/dancer.mp4'],
					resolution: '720p',
					duration: 10,
					aspect_ratio: '1:1',
				},
			}),
		],
		[
			'reference-to-video with images only: 15 s allowed, no video_urls',
			{ kind: 'video', mode: 'referenceToVideo', model: 'wan2.7', prompt: 'Image 1 walks in the rain', referenceUrls: 'https://example.com/girl.png', resolution: '1080p', aspectRatio: '16:9', duration: 15 },
			task(V27, { request_type: 'async', input: { mode: 'reference-to-video', prompt: 'Image 1 walks in the rain', image_urls: ['https://example.com/girl.png'], resolution: '1080p', duration: 15, aspect_ratio: '16:9' } }),
		],
		[
			'video-edit: the source in video_urls, reference images in image_urls, duration 0 keeps its length',
			{ kind: 'video', mode: 'editVideo', model: 'wan2.7', prompt: 'Dress her in the coat from the image', videoUrl: CLIP, referenceUrls: 'https://example.com/coat.png', resolution: '720p', duration: 0 },
			task(V27, {
				request_type: 'async',
				input: { mode: 'video-edit', prompt: 'Dress her in the coat from the image', image_urls: ['https://example.com/coat.png'], video_urls: [CLIP], resolution: '720p', duration: 0 },
			}),
		],
		[
			'video-edit without references, cut to 4 s',
			{ kind: 'video', mode: 'editVideo', model: 'wan2.7', prompt: 'Turn the scene into clay', videoUrl: CLIP, resolution: '1080p', duration: 4 },
			task(V27, { request_type: 'async', input: { mode: 'video-edit', prompt: 'Turn the scene into clay', video_urls: [CLIP], resolution: '1080p', duration: 4 } }),
		],
	]);

	const r2v = { kind: 'video' as const, mode: 'referenceToVideo', model: 'wan2.7', prompt: 'x', resolution: '720p', aspectRatio: '16:9', duration: 5 };
	const edit = { kind: 'video' as const, mode: 'editVideo', model: 'wan2.7', prompt: 'x', videoUrl: CLIP, resolution: '720p', duration: 0 };
	const urls = (count: number, extension: string) => Array.from({ length: count }, (_, i) => `https://example.com/${i}.${extension}`).join(',');
	itRefuses<TestInput>(request, [
		['more than 5 references', { ...r2v, referenceUrls: `${urls(3, 'png')},${urls(3, 'mp4')}` }, /Reference URLs.*Expected 1–5 URLs, got 6/],
		['12 s with a reference video', { ...r2v, referenceUrls: 'https://example.com/a.png,https://example.com/b.mp4', duration: 12 }, /Duration.*with a reference video: 2–10 seconds/],
		['an edit without a source video', { ...edit, videoUrl: '' }, /Video URL.*Expected 1 URL, got 0/],
		['an edit without an instruction (the .md copy requires it)', { ...edit, prompt: '' }, /Prompt.*A prompt is required for Edit Video/],
		['an edit of 11 s', { ...edit, duration: 11 }, /Allowed for Wan 2.7 \(wan-2-7-video\): 0 \(keep the source video's length\) or 2–10 seconds/],
		['more than 4 edit references', { ...edit, referenceUrls: urls(5, 'png') }, /Reference URLs.*Expected 0–4 URLs, got 5/],
		['a video among the edit references', { ...edit, referenceUrls: 'https://example.com/style.mp4' }, /Reference URLs.*This is video; allowed here: image/],
		['a first and last frame without the last frame', { kind: 'video', mode: 'firstLastFrameToVideo', model: 'wan2.7', imageUrl: FIRST, resolution: '720p', duration: 5 }, /Last Frame URL.*Expected 1 URL, got 0/],
		['480p', { kind: 'video', mode: 'textToVideo', model: 'wan2.7', prompt: 'x', resolution: '480p', aspectRatio: '16:9', duration: 5 }, /Resolution.*720p, 1080p/],
		['a prompt over 5000 characters', { kind: 'video', mode: 'textToVideo', model: 'wan2.7', prompt: 'x'.repeat(5001), resolution: '720p', aspectRatio: '16:9', duration: 5 }, /At most 5000 characters/],
		['Generate Audio (sound), which wan-2-7-video does not document', { kind: 'video', mode: 'textToVideo', model: 'wan2.7', prompt: 'x', resolution: '720p', aspectRatio: '16:9', duration: 5, options: { generateAudio: true } }, /Generate Audio.*not supported by APIXO Wan 2.7 \(wan-2-7-video\)/],
		['a reference voice, which APIXO does not document', { ...r2v, referenceUrls: 'https://example.com/a.png', options: { referenceVoiceUrls: 'https://example.com/v.mp3' } }, /Reference Voice URLs.*not supported/],
	]);
});

const I27 = 'wan-2-7-image';
const PHOTOS = Array.from({ length: 9 }, (_, i) => `https://example.com/photo-${i + 1}.png`);

describe('APIXO submit, wan-2-7-image (apixo.ai/de/docs/models/image/wan-2-7-image)', () => {
	itSends<TestInput>(apixo, request, [
		[
			'wan2.7 text to image: mode omni-image, num_images, no aspect_ratio or resolution unless asked',
			{ kind: 'image', mode: 'textToImage', model: 'wan2.7', prompt: 'a cinematic panda walking through snow', numberOfImages: 2 },
			task(I27, { request_type: 'async', input: { mode: 'omni-image', prompt: 'a cinematic panda walking through snow', num_images: 2 } }),
		],
		[
			'wan2.7-pro text to image at 4K: mode omni-image-pro, resolution 4k',
			{ kind: 'image', mode: 'textToImage', model: 'wan2.7-pro', prompt: 'a cinematic panda walking through snow', numberOfImages: 1, options: { size: '4096x4096', seed: 5, watermark: false } },
			task(I27, { request_type: 'async', input: { mode: 'omni-image-pro', prompt: 'a cinematic panda walking through snow', num_images: 1, resolution: '4k', watermark: false, seed: 5 } }),
		],
		[
			'an image set of 12: enable_sequential true, num_images 12, resolution 2k',
			{ kind: 'image', mode: 'textToImage', model: 'wan2.7', prompt: 'one fox, twelve seasons', numberOfImages: 12, options: { imageSet: true, size: '2048x2048' } },
			task(I27, { request_type: 'async', input: { mode: 'omni-image', prompt: 'one fox, twelve seasons', num_images: 12, enable_sequential: true, resolution: '2k' } }),
		],
		[
			'wan2.7 editing with 9 images in image_urls, in order, at 1K',
			{ kind: 'image', mode: 'imageToImage', model: 'wan2.7', prompt: 'Combine them into one poster', imageUrls: PHOTOS.join('\n'), numberOfImages: 4, options: { size: '1024x1024' } },
			task(I27, { request_type: 'async', input: { mode: 'omni-image', prompt: 'Combine them into one poster', image_urls: PHOTOS, num_images: 4, resolution: '1k' } }),
		],
		[
			'wan2.7-pro editing: mode omni-image-pro',
			{ kind: 'image', mode: 'imageToImage', model: 'wan2.7-pro', prompt: 'Make it night', imageUrls: PHOTOS[0], numberOfImages: 1, options: { imageSet: false } },
			task(I27, { request_type: 'async', input: { mode: 'omni-image-pro', prompt: 'Make it night', image_urls: [PHOTOS[0]], num_images: 1, enable_sequential: false } }),
		],
	]);

	const t2i = { kind: 'image' as const, mode: 'textToImage', prompt: 'x', numberOfImages: 1 };
	itRefuses<TestInput>(request, [
		['an image set on wan-2-6-image, which has none', { ...t2i, model: 'wan2.6', aspectRatio: '1:1', options: { imageSet: true } }, /Image Set.*not supported by APIXO Wan 2.6 \(wan-2-6-image\)/],
		['5 images without an image set', { ...t2i, model: 'wan2.7', numberOfImages: 5 }, /Number of Images.*Allowed for Wan 2.7 \(wan-2-7-image\): 1–4\./],
		['13 images in an image set', { ...t2i, model: 'wan2.7', numberOfImages: 13, options: { imageSet: true } }, /Allowed for Wan 2.7 \(wan-2-7-image\) as an image set: 1–12/],
		['10 input images', { kind: 'image', mode: 'imageToImage', model: 'wan2.7', prompt: 'x', numberOfImages: 1, imageUrls: [...PHOTOS, 'https://example.com/10.png'].join(',') }, /Image URLs.*Expected 1–9 URLs, got 10/],
		['4K on wan2.7 (omni-image)', { ...t2i, model: 'wan2.7', options: { size: '4096x4096' } }, /Size.*1024×1024 to 2048×2048/],
		['4K when editing, even on wan2.7-pro', { kind: 'image', mode: 'imageToImage', model: 'wan2.7-pro', prompt: 'x', numberOfImages: 1, imageUrls: PHOTOS[0], options: { size: '4096x4096' } }, /Size.*1024×1024 to 2048×2048/],
		['a prompt over 5000 characters', { ...t2i, model: 'wan2.7', prompt: 'x'.repeat(5001) }, /At most 5000 characters/],
	]);

	describe('preflight: the Size must name a resolution tier', () => {
		const refusal = (input: TestInput) => thrownBy(() => apixo.preflight?.(request(input), {}));
		it('accepts each tier the model has, and any request without a Size', () => {
			expect(refusal({ ...t2i, model: 'wan2.7-pro', options: { size: '4096x4096' } })).toBeUndefined();
			expect(refusal({ ...t2i, model: 'wan2.7', options: { size: '1024x1024' } })).toBeUndefined();
			expect(refusal({ ...t2i, model: 'wan2.7' })).toBeUndefined();
			expect(refusal({ kind: 'video', mode: 'textToVideo', model: 'wan2.7', prompt: 'x', resolution: '720p', aspectRatio: '16:9', duration: 5 })).toBeUndefined();
		});
		it('refuses a size between tiers, naming the value and the tiers allowed', () => {
			const error = refusal({ ...t2i, model: 'wan2.7', options: { size: '1280x1280' } });
			expect(error).toBeInstanceOf(InvalidInputError);
			expect((error as Error).message).toBe(
				'Invalid Size: "1280x1280". APIXO takes a resolution tier, not an exact size; allowed here: 1024x1024 (1K), 2048x2048 (2K).',
			);
		});
		it('refuses 4K in an image set, as APIXO allows 4k only without enable_sequential', () => {
			const error = refusal({ ...t2i, model: 'wan2.7-pro', numberOfImages: 6, options: { size: '4096x4096', imageSet: true } });
			expect((error as Error).message).toBe(
				'Invalid Size: "4096x4096". APIXO takes a resolution tier, not an exact size; allowed here: 1024x1024 (1K), 2048x2048 (2K) (4K takes no image set).',
			);
		});
	});
});

describe('APIXO submit, images', () => {
	itSends<TestInput>(apixo, request, [
		[
			'wan-2-5-image text-to-image with num_images always sent and aspect_ratio',
			{ kind: 'image', mode: 'textToImage', model: 'wan2.5', prompt: 'A lighthouse at sunset', aspectRatio: '9:16', numberOfImages: 1, options: { negativePrompt: 'text, watermark' } },
			task('wan-2-5-image', { request_type: 'async', input: { mode: 'text-to-image', prompt: 'A lighthouse at sunset', negative_prompt: 'text, watermark', num_images: 1, aspect_ratio: '9:16' } }),
		],
		[
			'wan-2-5-image image-to-image with 3 image_urls and no aspect_ratio',
			{ kind: 'image', mode: 'imageToImage', model: 'wan2.5', prompt: 'Put the hat from image 2 on the cat in image 1, in the style of image 3', imageUrls: 'https://example.com/cat.png, https://example.com/hat.png\nhttps://example.com/style.png', aspectRatio: '1:1', numberOfImages: 4 },
			task('wan-2-5-image', {
				request_type: 'async',
				input: {
					mode: 'image-to-image',
					prompt: 'Put the hat from image 2 on the cat in image 1, in the style of image 3',
					image_urls: ['https://example.com/cat.png', 'https://example.com/hat.png', 'https://example.com/style.png'],
					num_images: 4,
				},
			}),
		],
		[
			'wan-2-6-image text-to-image',
			{ kind: 'image', mode: 'textToImage', model: 'wan2.6', prompt: 'A fox', aspectRatio: '4:3', numberOfImages: 3 },
			task('wan-2-6-image', { request_type: 'async', input: { mode: 'text-to-image', prompt: 'A fox', num_images: 3, aspect_ratio: '4:3' } }),
		],
		[
			'wan-2-6-image image-to-image',
			{ kind: 'image', mode: 'imageToImage', model: 'wan2.6', prompt: 'Make it snow', imageUrls: 'https://example.com/street.jpg', numberOfImages: 2, options: { callbackUrl: CALLBACK } },
			task('wan-2-6-image', { request_type: 'callback', callback_url: CALLBACK, input: { mode: 'image-to-image', prompt: 'Make it snow', image_urls: ['https://example.com/street.jpg'], num_images: 2 } }),
		],
		[
			'Extra Parameters merged into input key by key (e.g. the i2i aspect_ratio APIXO also documents)',
			{ kind: 'image', mode: 'imageToImage', model: 'wan2.5', prompt: 'Make it snow', imageUrls: 'https://example.com/street.jpg', numberOfImages: 1, options: { extraParameters: '{"input":{"aspect_ratio":"21:9"},"provider":"official"}' } },
			task('wan-2-5-image', {
				request_type: 'async',
				provider: 'official',
				input: { mode: 'image-to-image', prompt: 'Make it snow', image_urls: ['https://example.com/street.jpg'], num_images: 1, aspect_ratio: '21:9' },
			}),
		],
	]);

	const t2i = { kind: 'image' as const, mode: 'textToImage', aspectRatio: '1:1', prompt: 'x' };
	const four = 'https://example.com/1.png,https://example.com/2.png,https://example.com/3.png,https://example.com/4.png';
	itRefuses<TestInput>(request, [
		['a WxH size', { ...t2i, model: 'wan2.5', numberOfImages: 1, options: { size: '1024x1024' } }, /Size.*not supported by APIXO Wan 2.5 \(wan-2-5-image\)/],
		['4 images on wan-2-6-image', { ...t2i, model: 'wan2.6', numberOfImages: 4 }, /Allowed for Wan 2.6 \(wan-2-6-image\): 1–3/],
		['4 input images', { kind: 'image', mode: 'imageToImage', model: 'wan2.5', prompt: 'x', imageUrls: four, numberOfImages: 1 }, /Expected 1–3 URLs, got 4/],
	]);
});

describe('APIXO parseSubmit', () => {
	it('turns a 2xx body whose envelope code is not 200 into MalformedResponseError with the envelope words', () => {
		const refused = { code: 402, message: 'Insufficient balance', data: { error: 'Add balance before retrying' } };
		const error = thrownBy(() => apixo.parseSubmit(refused));
		expect(error).toBeInstanceOf(MalformedResponseError);
		expect((error as Error).message).toBe(
			'APIXO submit response has code 402: Insufficient balance (Add balance before retrying)',
		);
		expect((error as MalformedResponseError).body).toBe(refused);
	});
});

describe('APIXO parseStatus', () => {
	it('keeps every image URL, in order, and drops empty and non-string entries', () => {
		const state = apixo.parseStatus({
			...DOC_IMAGE_SUCCESS,
			data: {
				...DOC_IMAGE_SUCCESS.data,
				resultJson: JSON.stringify({ resultUrls: ['https://cdn.apixo.ai/1.png', '', null, 'https://cdn.apixo.ai/2.png', 7] }),
			},
		});
		expect(state.urls).toEqual(['https://cdn.apixo.ai/1.png', 'https://cdn.apixo.ai/2.png']);
	});

	it('accepts a resultJson that is already an object', () => {
		const state = apixo.parseStatus({
			...DOC_SUCCESS,
			data: { ...DOC_SUCCESS.data, resultJson: { resultUrls: ['https://file.apixo.ai/video.mp4'] } },
		});
		expect(state.urls).toEqual(['https://file.apixo.ai/video.mp4']);
	});

	it('reads a success without resultJson as no URLs (the scheduler reports that)', () => {
		const { resultJson: _omitted, ...data } = DOC_SUCCESS.data;
		expect(apixo.parseStatus({ ...DOC_SUCCESS, data }).urls).toEqual([]);
		expect(apixo.parseStatus({ ...DOC_SUCCESS, data: { ...data, resultJson: '' } }).urls).toEqual([]);
	});
	it('reports costTime as usage under APIXO\'s own name, and no usage while it is absent', () => {
		expect(apixo.parseStatus(DOC_SUCCESS).usage).toEqual({ costTime: 141388 });
		expect(apixo.parseStatus(documented('apixo', 'status-processing')).usage).toBeUndefined();
		expect(apixo.parseStatus({ ...DOC_SUCCESS, data: { ...DOC_SUCCESS.data, costTime: 'soon' } }).usage).toBeUndefined();
	});

	it('turns a 2xx body whose envelope code is not 200 into MalformedResponseError', () => {
		const notFound = { code: 404, message: 'Task not found', data: null };
		const error = thrownBy(() => apixo.parseStatus(notFound));
		expect(error).toBeInstanceOf(MalformedResponseError);
		expect((error as Error).message).toBe('APIXO status response has code 404: Task not found');
	});

});

describe('APIXO model ids', () => {
	it('uses the same model id for every mode of a model, so Get Task finds it from mode and model', () => {
		expect(findModel('apixo', 'imageToVideo', 'wan2.6-flash')?.modelId).toBe('wan-2-6-video');
		expect(findModel('apixo', 'referenceToVideo', 'wan2.6')?.modelId).toBe('wan-2-6-video');
	});
});
