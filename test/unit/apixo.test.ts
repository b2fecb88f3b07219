/**
 * What only APIXO does (seed doc 002, the wan-2-5-video page, providers.md §2): its catalogue, the exact
 * provider bodies built from requests that went through the real validation path, the envelope code of a
 * 2xx answer, and result URLs inside the resultJson string. The documented bodies, unreadable answers,
 * error bodies, status requests and base URL are in the shared contract suite (contract.test.ts,
 * fixtures under test/fixtures/apixo/).
 */
import type { IDataObject } from 'n8n-workflow';

import { findModel, modelsFor } from '../../nodes/shared/catalogue';
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
	it('serves wan-2-5-video and wan-2-6-video for video, wan-2-5-image and wan-2-6-image for images', () => {
		const ids = (mode: Parameters<typeof modelsFor>[1]) => modelsFor('apixo', mode).map((spec) => `${spec.model}=${spec.modelId}`);
		expect(ids('textToVideo')).toEqual(['wan2.5=wan-2-5-video', 'wan2.6=wan-2-6-video']);
		expect(ids('imageToVideo')).toEqual(['wan2.5=wan-2-5-video', 'wan2.6=wan-2-6-video', 'wan2.6-flash=wan-2-6-video']);
		expect(ids('referenceToVideo')).toEqual(['wan2.6=wan-2-6-video', 'wan2.6-flash=wan-2-6-video']);
		expect(ids('textToImage')).toEqual(['wan2.5=wan-2-5-image', 'wan2.6=wan-2-6-image']);
		expect(ids('imageToImage')).toEqual(['wan2.5=wan-2-5-image', 'wan2.6=wan-2-6-image']);
	});

	it('never offers a WxH size for images', () => {
		for (const mode of ['textToImage', 'imageToImage'] as const) {
			for (const spec of modelsFor('apixo', mode)) expect(spec.optionalFields).not.toContain('size');
		}
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
			'reference-to-video with the references in video_urls and the size preset',
			{ kind: 'video', mode: 'referenceToVideo', model: 'wan2.6', prompt: 'character1 waves at character2', referenceUrls: 'https://example.com/ref1.mp4\nhttps://example.com/ref2.mp4, https://example.com/ref3.png', resolution: '720p', aspectRatio: '1:1', duration: 10 },
			task('wan-2-6-video', {
				request_type: 'async',
				input: {
					mode: 'reference-to-video',
					prompt: 'character1 waves at character2',
					video_urls: ['https://example.com/ref1.mp4', 'https://example.com/ref2.mp4', 'https://example.com/ref3.png'],
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
	]);

	it('sends the Model ID override in the path', () => {
		const built = apixo.buildSubmit(request({ ...t2v, resolution: '720p', options: { modelId: 'wan-2-6-video-beta' } }));
		expect(built.path).toBe('/generateTask/wan-2-6-video-beta');
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
