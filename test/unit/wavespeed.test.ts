/**
 * What only WaveSpeed does (its model pages under https://wavespeed.ai/docs/docs-api/alibaba/, get-result,
 * how-to-use-webhooks): its catalogue, the exact bodies built from requests that went through the real
 * validation path, the webhook as a query parameter, the envelope code of a 2xx answer and an empty `error`.
 * The documented bodies, unreadable answers, error bodies, status requests and base URL are in the shared
 * contract suite (contract.test.ts, fixtures under test/fixtures/wavespeed/).
 */
import type { IDataObject } from 'n8n-workflow';

import { modelsFor } from '../../nodes/shared/catalogue';
import { MalformedResponseError } from '../../nodes/shared/providers/adapter';
import { wavespeed } from '../../nodes/shared/providers/wavespeed/adapter';
import { waveSpeedUpload } from '../../nodes/shared/providers/wavespeed/upload';
import type { ProviderRequest } from '../../nodes/shared/types';
import { documented } from '../fixtures/documented';
import { fakeUploadRequests, itRefuses, itSends, refusal, requestsFor, thrownBy, type TestInput } from './support';

const request = requestsFor('wavespeed');
const post = (model: string, body: IDataObject, qs?: Record<string, string>): ProviderRequest => ({
	method: 'POST',
	path: `/api/v3/${model}`,
	...(qs ? { qs } : {}),
	body,
});

const T2V: TestInput = { kind: 'video', mode: 'textToVideo', model: 'wan2.6', prompt: 'A cat', resolution: '720p', aspectRatio: '16:9', duration: 5 };
const I2V: TestInput = { kind: 'video', mode: 'imageToVideo', model: 'wan2.6', prompt: 'It dances', resolution: '1080p', duration: 10, imageUrl: 'https://example.com/cat.png' };
const R2V: TestInput = { kind: 'video', mode: 'referenceToVideo', model: 'wan2.6', prompt: 'character1 waves', resolution: '720p', aspectRatio: '9:16', duration: 5 };

describe('WaveSpeed catalogue', () => {
	it('serves the Wan models its pages document, each under its model id', () => {
		const ids = (mode: Parameters<typeof modelsFor>[1]) => modelsFor('wavespeed', mode).map((spec) => `${spec.model}=${spec.modelId}`);
		expect(ids('textToVideo')).toEqual(['wan2.6=alibaba/wan-2.6/text-to-video']);
		expect(ids('imageToVideo')).toEqual(['wan2.6=alibaba/wan-2.6/image-to-video', 'wan2.6-flash=alibaba/wan-2.6/image-to-video-flash']);
		expect(ids('referenceToVideo')).toEqual([
			'wan2.6=alibaba/wan-2.6/reference-to-video',
			'wan2.6-flash=alibaba/wan-2.6/reference-to-video-flash',
			'wan2.7=alibaba/wan-2.7/reference-to-video',
		]);
		expect(ids('textToImage')).toEqual(['wan2.6=alibaba/wan-2.6/text-to-image']);
		for (const mode of ['firstLastFrameToVideo', 'extendVideo', 'editVideo', 'imageToImage'] as const) expect(ids(mode)).toEqual([]);
	});

	it('offers only the landscape and portrait presets where a page lists `size`', () => {
		for (const spec of modelsFor('wavespeed', 'textToVideo')) expect(spec.aspectRatios).toEqual(['16:9', '9:16']);
		expect(modelsFor('wavespeed', 'referenceToVideo').map((spec) => spec.aspectRatios)).toEqual([['16:9', '9:16'], ['16:9', '9:16'], undefined]);
	});
});

describe('WaveSpeed submit bodies', () => {
	itSends(wavespeed, request, [
		[
			'wan2.6 text to video: a size preset, every option the page lists',
			{
				...T2V,
				resolution: '1080p',
				aspectRatio: '9:16',
				duration: 15,
				options: { audioUrl: 'https://example.com/a.mp3', negativePrompt: 'blurry', promptExtend: true, seed: 42, shotType: 'multi' },
			},
			post('alibaba/wan-2.6/text-to-video', {
				prompt: 'A cat',
				negative_prompt: 'blurry',
				audio: 'https://example.com/a.mp3',
				size: '1080*1920',
				duration: 15,
				shot_type: 'multi',
				enable_prompt_expansion: true,
				seed: 42,
			}),
		],
		[
			'wan2.6 text to video with a webhook: in the query, not the body',
			{ ...T2V, options: { callbackUrl: 'https://hooks.example.com/wan' } },
			post('alibaba/wan-2.6/text-to-video', { prompt: 'A cat', size: '1280*720', duration: 5 }, { webhook: 'https://hooks.example.com/wan' }),
		],
		[
			'wan2.6 image to video: image and resolution',
			I2V,
			post('alibaba/wan-2.6/image-to-video', { prompt: 'It dances', image: 'https://example.com/cat.png', resolution: '1080p', duration: 10 }),
		],
		[
			'wan2.6-flash image to video: Generate Audio off as enable_audio false, a duration of 7',
			{ ...I2V, model: 'wan2.6-flash', duration: 7, options: { generateAudio: false } },
			post('alibaba/wan-2.6/image-to-video-flash', {
				prompt: 'It dances',
				image: 'https://example.com/cat.png',
				resolution: '1080p',
				duration: 7,
				enable_audio: false,
			}),
		],
		[
			'wan2.6 reference to video: clips in `videos`',
			{ ...R2V, referenceUrls: 'https://example.com/1.mp4\nhttps://example.com/2.mp4' },
			post('alibaba/wan-2.6/reference-to-video', {
				prompt: 'character1 waves',
				videos: ['https://example.com/1.mp4', 'https://example.com/2.mp4'],
				size: '720*1280',
				duration: 5,
			}),
		],
		[
			'wan2.6-flash reference to video: images in `reference_urls`',
			{ ...R2V, model: 'wan2.6-flash', duration: 10, referenceUrls: 'https://example.com/a.png', options: { seed: 7 } },
			post('alibaba/wan-2.6/reference-to-video-flash', {
				prompt: 'character1 waves',
				reference_urls: ['https://example.com/a.png'],
				size: '720*1280',
				duration: 10,
				seed: 7,
			}),
		],
		[
			'wan2.7 reference to video: clips in `videos`, the image in `image`, a resolution tier',
			{
				...R2V,
				model: 'wan2.7',
				aspectRatio: undefined,
				resolution: '1080p',
				referenceUrls: 'https://example.com/face.png, https://example.com/1.mp4',
				options: { negativePrompt: 'text', promptExtend: false },
			},
			post('alibaba/wan-2.7/reference-to-video', {
				prompt: 'character1 waves',
				negative_prompt: 'text',
				videos: ['https://example.com/1.mp4'],
				image: 'https://example.com/face.png',
				resolution: '1080p',
				duration: 5,
				enable_prompt_expansion: false,
			}),
		],
		[
			'wan2.6 text to image: size as width*height, n always sent, prompt_extend (not enable_prompt_expansion)',
			{ kind: 'image', mode: 'textToImage', model: 'wan2.6', prompt: 'A lighthouse', numberOfImages: 2, options: { size: '1024x1280', promptExtend: true, watermark: false, seed: 3 } },
			post('alibaba/wan-2.6/text-to-image', { prompt: 'A lighthouse', size: '1024*1280', n: 2, prompt_extend: true, watermark: false, seed: 3 }),
		],
		[
			'wan2.6 text to image from an aspect ratio',
			{ kind: 'image', mode: 'textToImage', model: 'wan2.6', prompt: 'A lighthouse', numberOfImages: 1, aspectRatio: '16:9' },
			post('alibaba/wan-2.6/text-to-image', { prompt: 'A lighthouse', size: '1696*960', n: 1 }),
		],
	]);

	it('encodes each segment of a raw model id, keeping its slashes', () => {
		const built = wavespeed.buildSubmit({ ...request(T2V), modelId: 'alibaba/wan 2.6/text-to-video' });
		expect(built.path).toBe('/api/v3/alibaba/wan%202.6/text-to-video');
	});
});

describe('WaveSpeed refusals before anything is sent', () => {
	itRefuses(request, [
		['1:1 (no size preset)', { ...T2V, aspectRatio: '1:1' }, /Aspect Ratio.*16:9, 9:16/],
		['a duration of 7 on wan2.6 text to video', { ...T2V, duration: 7 }, /Duration.*5, 10, 15 seconds/],
		['a duration of 15 on a reference model', { ...R2V, duration: 15, referenceUrls: 'https://example.com/1.mp4' }, /Duration/],
		['an image reference on wan2.6 (videos only)', { ...R2V, referenceUrls: 'https://example.com/a.png' }, /Reference URLs/],
		['three reference clips on wan2.6', { ...R2V, referenceUrls: [1, 2, 3].map((n) => `https://example.com/${n}.mp4`).join('\n') }, /Reference URLs/],
		['a blank prompt on wan2.6 image to video', { ...I2V, prompt: ' ' }, /Prompt/],
		['a seed on wan2.6 reference to video (its page lists none)', { ...R2V, referenceUrls: 'https://example.com/1.mp4', options: { seed: 1 } }, /Seed.*not supported by WaveSpeed/],
		['wan2.7 references of images only (its `videos` is required)', { ...R2V, model: 'wan2.7', aspectRatio: undefined, referenceUrls: 'https://example.com/face.png' }, /Reference URLs.*face\.png.*at least 1 video/],
		['five images', { kind: 'image', mode: 'textToImage', model: 'wan2.6', prompt: 'A lighthouse', numberOfImages: 5, aspectRatio: '1:1' }, /Number of Images/],
	]);
});

describe('WaveSpeed answers', () => {
	const completed = documented<{ data: Record<string, unknown> }>('wavespeed', 'status-completed');

	it('reads an empty `error` (the field table: empty when nothing went wrong) as no error', () => {
		const state = wavespeed.parseStatus({ ...completed, data: { ...completed.data, error: '', has_nsfw_contents: [false] } });
		expect(state).toMatchObject({ status: 'succeeded', errorMessage: undefined, urls: ['https://cdn.wavespeed.ai/generated/image123.png'] });
	});

	it('keeps every output of a multi-image task, in order', () => {
		const outputs = ['https://cdn.wavespeed.ai/a.png', 'https://cdn.wavespeed.ai/b.png'];
		expect(wavespeed.parseStatus({ ...completed, data: { ...completed.data, outputs } }).urls).toEqual(outputs);
	});

	it('reports a 2xx whose envelope code is not 200 as unreadable, with the envelope words', () => {
		const error = thrownBy(() => wavespeed.parseSubmit({ code: 400, message: 'prompt is required', data: null }));
		expect(error).toBeInstanceOf(MalformedResponseError);
		expect((error as Error).message).toBe('WaveSpeed submit response has code 400: prompt is required');
	});

	it('reads the first state from the submit answer', () => {
		expect(wavespeed.parseSubmit(documented('wavespeed', 'submit-response')).state?.status).toBe('queued');
	});
});

describe('WaveSpeed media upload', () => {
	const file = { fileName: 'image.png', mimeType: 'image/png', bytes: 1024000, type: 'image' as const };
	it('posts the file alone to the media upload on the API host and uses the documented data.download_url', async () => {
		const { asked, requests } = fakeUploadRequests({ multipart: documented('wavespeed', 'upload-response') });
		await expect(waveSpeedUpload.upload(file, requests, { credentials: {}, modelId: 'alibaba/wan-2.6/image-to-video' })).resolves.toBe('https://...');
		expect(asked.multipart).toEqual([expect.objectContaining({ url: 'https://api.wavespeed.ai/api/v3/media/upload/binary', fields: [], withKey: true })]);
	});

	it.each<[string, unknown, RegExp]>([
		['an envelope with an error code', { code: 413, message: 'File too large', data: null }, /has code 413: File too large/],
		['an answer without data.download_url', { code: 200, message: 'success', data: { type: 'image' } }, /no data\.download_url/],
	])('throws MalformedResponseError on %s', async (_case, body, message) => {
		const upload = waveSpeedUpload.upload(file, fakeUploadRequests({ multipart: body }).requests, { credentials: {}, modelId: 'm' });
		await expect(upload).rejects.toThrow(MalformedResponseError);
		await expect(upload).rejects.toThrow(message);
	});
});
