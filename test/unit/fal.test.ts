/**
 * What only fal does: its queue paths under the app id (not the endpoint's sub-path), the results as a
 * second request, cancel while queued, the `Key` header, and the exact input bodies per endpoint family,
 * built from requests that went through the real validation path. Documented bodies, unreadable answers,
 * error bodies, status requests and base URL are in the shared contract suite (test/fixtures/fal/).
 */
import { fal } from '../../nodes/shared/providers/fal/adapter';
import { requestPath, submitPath } from '../../nodes/shared/providers/fal/endpoint';
import { falUpload } from '../../nodes/shared/providers/fal/upload';
import { MalformedResponseError } from '../../nodes/shared/providers/adapter';
import type { TaskState } from '../../nodes/shared/types';
import { documented } from '../fixtures/documented';
import { fakeUploadRequests, itRefuses, itSends, requestsFor, thrownBy, type TestInput } from './support';

const request = requestsFor('fal');
const result = fal.result!;
const completed: TaskState = fal.parseStatus(documented('fal', 'status-completed'));

describe('fal queue paths', () => {
	it.each([
		['fal-ai/wan-25-preview/text-to-video', '/fal-ai/wan-25-preview/text-to-video', '/fal-ai/wan-25-preview/requests/r1'],
		['fal-ai/wan/v2.7/image-to-video', '/fal-ai/wan/v2.7/image-to-video', '/fal-ai/wan/requests/r1'],
		['wan/v2.6/reference-to-video/flash', '/wan/v2.6/reference-to-video/flash', '/wan/v2.6/requests/r1'],
		['fal-ai/wan/v2.2-a14b/text-to-video', '/fal-ai/wan/v2.2-a14b/text-to-video', '/fal-ai/wan/requests/r1'],
	])('submits %s with its sub-path, and finds its requests under the app id alone', (endpointId, submit, requests) => {
		expect(submitPath(endpointId)).toBe(submit);
		expect(requestPath(endpointId, 'r1')).toBe(requests);
	});

	it('builds status, result and cancel from the handle alone (Get Task resumes from an output item)', () => {
		const handle = { provider: 'fal' as const, model: 'fal-ai/wan/v2.7/reference-to-video', taskId: '80e7' };
		expect(fal.buildStatus(handle)).toStrictEqual({ method: 'GET', path: '/fal-ai/wan/requests/80e7/status' });
		expect(result.build(handle)).toStrictEqual({ method: 'GET', path: '/fal-ai/wan/requests/80e7' });
		expect(fal.buildCancel!(handle, undefined)).toStrictEqual({ method: 'PUT', path: '/fal-ai/wan/requests/80e7/cancel' });
		expect(JSON.parse(JSON.stringify(handle))).toStrictEqual(handle);
	});
});

describe('fal cancel', () => {
	const handle = { provider: 'fal' as const, model: 'wan/v2.6/text-to-video', taskId: 'r1' };
	it('asks while the request is queued (or not yet polled), never once it runs or ended', () => {
		expect(fal.buildCancel!(handle, fal.parseStatus(documented('fal', 'status-in-queue')))).toStrictEqual({ method: 'PUT', path: '/wan/v2.6/requests/r1/cancel' });
		expect(fal.buildCancel!(handle, fal.parseStatus(documented('fal', 'status-in-progress')))).toBeUndefined();
		expect(fal.buildCancel!(handle, completed)).toBeUndefined();
	});
});

describe('fal auth', () => {
	it('sends the key after "Key", not as a Bearer token', () => {
		expect(fal.authorization!({ apiKey: 'id:secret' })).toStrictEqual({ Authorization: 'Key id:secret' });
	});
});

describe('fal status and result', () => {
	it('reads COMPLETED as succeeded without results: they are the second request', () => {
		expect(completed).toMatchObject({ status: 'succeeded', rawStatus: 'COMPLETED', urls: [], usage: { inference_time: 1.3524339199066162 } });
	});

	it('reads a COMPLETED status that carries an error as the failure it reports', () => {
		const failed = fal.parseStatus({ ...documented<Record<string, unknown>>('fal', 'status-completed'), error: 'Internal error', error_type: 'runner_server_error' });
		expect(failed).toMatchObject({ status: 'failed', rawStatus: 'COMPLETED', errorMessage: 'Internal error', errorCode: 'runner_server_error' });
	});

	it('reads the video of a result, keeping what the status said (usage)', () => {
		expect(result.parse(documented('fal', 'result-video'), completed)).toStrictEqual({ ...completed, urls: ['https://v3.fal.media/files/rabbit/output.mp4'] });
	});

	it('reads every image of a result, in order', () => {
		expect(result.parse(documented('fal', 'result-image'), completed).urls).toStrictEqual([
			'https://v3.fal.media/files/penguin/image-1.png',
			'https://v3.fal.media/files/penguin/image-2.png',
		]);
	});

	it('reads a result without outputs as one without URLs (the scheduler calls that unreadable)', () => {
		expect(result.parse({ seed: 1, video: null }, completed).urls).toStrictEqual([]);
		expect(result.parse({ images: [{ url: '' }, { file_name: 'x.png' }] }, completed).urls).toStrictEqual([]);
	});

	it.each([null, 'Internal Server Error', [{ video: { url: 'https://x/y.mp4' } }], 42])('throws MalformedResponseError on the result %j', (body) => {
		const error = thrownBy(() => result.parse(body, completed));
		expect(error).toBeInstanceOf(MalformedResponseError);
		expect((error as MalformedResponseError).body).toBe(body);
	});
});

const VIDEO: Pick<TestInput, 'kind'> = { kind: 'video' };
const IMAGE: Pick<TestInput, 'kind'> = { kind: 'image' };

describe('fal submit bodies', () => {
	itSends(fal, request, [
		[
			'Wan 2.2 text to video (no duration: a frame count fal defaults)',
			{ ...VIDEO, mode: 'textToVideo', model: 'wan2.2', prompt: 'A cat', resolution: '480p', aspectRatio: '9:16', duration: 5, options: { seed: 7 } },
			{ method: 'POST', path: '/fal-ai/wan/v2.2-a14b/text-to-video', body: { prompt: 'A cat', resolution: '480p', aspect_ratio: '9:16', seed: 7 } },
		],
		[
			'Wan 2.2 image to video',
			{ ...VIDEO, mode: 'imageToVideo', model: 'wan2.2', prompt: 'It runs', imageUrl: 'https://example.com/a.png', resolution: '720p', duration: 5 },
			{ method: 'POST', path: '/fal-ai/wan/v2.2-a14b/image-to-video', body: { prompt: 'It runs', image_url: 'https://example.com/a.png', resolution: '720p' } },
		],
		[
			'Wan 2.5 text to video, duration as the string fal types, audio, webhook',
			{
				...VIDEO,
				mode: 'textToVideo',
				model: 'wan2.5',
				prompt: 'A cat',
				resolution: '1080p',
				aspectRatio: '1:1',
				duration: 10,
				options: { audioUrl: 'https://example.com/a.mp3', negativePrompt: 'blur', promptExtend: false, callbackUrl: 'https://example.com/hook' },
			},
			{
				method: 'POST',
				path: '/fal-ai/wan-25-preview/text-to-video',
				qs: { fal_webhook: 'https://example.com/hook' },
				body: {
					prompt: 'A cat',
					negative_prompt: 'blur',
					audio_url: 'https://example.com/a.mp3',
					resolution: '1080p',
					aspect_ratio: '1:1',
					duration: '10',
					enable_prompt_expansion: false,
				},
			},
		],
		[
			'Wan 2.5 image to video',
			{ ...VIDEO, mode: 'imageToVideo', model: 'wan2.5', prompt: 'It dances', imageUrl: 'https://example.com/cat.png', resolution: '720p', duration: 5 },
			{ method: 'POST', path: '/fal-ai/wan-25-preview/image-to-video', body: { prompt: 'It dances', image_url: 'https://example.com/cat.png', resolution: '720p', duration: '5' } },
		],
		[
			'Wan 2.6 text to video, multi-shot',
			{ ...VIDEO, mode: 'textToVideo', model: 'wan2.6', prompt: 'A chase', resolution: '720p', aspectRatio: '4:3', duration: 15, options: { shotType: 'multi' } },
			{ method: 'POST', path: '/wan/v2.6/text-to-video', body: { prompt: 'A chase', resolution: '720p', aspect_ratio: '4:3', duration: '15', multi_shots: true } },
		],
		[
			'Wan 2.6 image to video, single shot',
			{ ...VIDEO, mode: 'imageToVideo', model: 'wan2.6', imageUrl: 'https://example.com/a.png', resolution: '1080p', duration: 5, options: { shotType: 'single' } },
			{ method: 'POST', path: '/wan/v2.6/image-to-video', body: { image_url: 'https://example.com/a.png', resolution: '1080p', duration: '5', multi_shots: false } },
		],
		[
			'Wan 2.6 reference to video (videos only)',
			{ ...VIDEO, mode: 'referenceToVideo', model: 'wan2.6', prompt: '@Video1 waves', referenceUrls: 'https://example.com/1.mp4\nhttps://example.com/2.mov', resolution: '720p', aspectRatio: '16:9', duration: 10 },
			{
				method: 'POST',
				path: '/wan/v2.6/reference-to-video',
				body: { prompt: '@Video1 waves', video_urls: ['https://example.com/1.mp4', 'https://example.com/2.mov'], resolution: '720p', aspect_ratio: '16:9', duration: '10' },
			},
		],
		[
			'Wan 2.6 Flash reference to video: videos, then images, and audio off',
			{
				...VIDEO,
				mode: 'referenceToVideo',
				model: 'wan2.6-flash',
				prompt: 'Character1 and Character2',
				referenceUrls: 'https://example.com/p.png, https://example.com/v.mp4',
				resolution: '1080p',
				aspectRatio: '9:16',
				duration: 5,
				options: { generateAudio: false },
			},
			{
				method: 'POST',
				path: '/wan/v2.6/reference-to-video/flash',
				body: {
					prompt: 'Character1 and Character2',
					video_urls: ['https://example.com/v.mp4'],
					image_urls: ['https://example.com/p.png'],
					resolution: '1080p',
					aspect_ratio: '9:16',
					duration: '5',
					enable_audio: false,
				},
			},
		],
		[
			'Wan 2.7 text to video, duration as an integer',
			{ ...VIDEO, mode: 'textToVideo', model: 'wan2.7', prompt: 'A storm', resolution: '1080p', aspectRatio: '16:9', duration: 12, options: { seed: 0 } },
			{ method: 'POST', path: '/fal-ai/wan/v2.7/text-to-video', body: { prompt: 'A storm', resolution: '1080p', aspect_ratio: '16:9', duration: 12, seed: 0 } },
		],
		[
			'Wan 2.7 image to video with a driving audio',
			{ ...VIDEO, mode: 'imageToVideo', model: 'wan2.7', imageUrl: 'https://example.com/a.png', resolution: '720p', duration: 4, options: { audioUrl: 'https://example.com/v.wav' } },
			{ method: 'POST', path: '/fal-ai/wan/v2.7/image-to-video', body: { image_url: 'https://example.com/a.png', audio_url: 'https://example.com/v.wav', resolution: '720p', duration: 4 } },
		],
		[
			'Wan 2.7 first and last frame',
			{ ...VIDEO, mode: 'firstLastFrameToVideo', model: 'wan2.7', prompt: 'Morph', imageUrl: 'https://example.com/a.png', lastFrameUrl: 'https://example.com/b.png', resolution: '1080p', duration: 5 },
			{
				method: 'POST',
				path: '/fal-ai/wan/v2.7/image-to-video',
				body: { prompt: 'Morph', image_url: 'https://example.com/a.png', end_image_url: 'https://example.com/b.png', resolution: '1080p', duration: 5 },
			},
		],
		[
			'Wan 2.7 extend video (the clip, no first frame)',
			{ ...VIDEO, mode: 'extendVideo', model: 'wan2.7', videoUrl: 'https://example.com/clip.mp4', resolution: '720p', duration: 10 },
			{ method: 'POST', path: '/fal-ai/wan/v2.7/image-to-video', body: { video_url: 'https://example.com/clip.mp4', resolution: '720p', duration: 10 } },
		],
		[
			'Wan 2.7 reference to video: reference_video_urls and reference_image_urls',
			{
				...VIDEO,
				mode: 'referenceToVideo',
				model: 'wan2.7',
				prompt: 'Image 1 meets Video 1',
				referenceUrls: 'https://example.com/1.png, https://example.com/1.mp4',
				resolution: '720p',
				aspectRatio: '1:1',
				duration: 8,
			},
			{
				method: 'POST',
				path: '/fal-ai/wan/v2.7/reference-to-video',
				body: {
					prompt: 'Image 1 meets Video 1',
					reference_video_urls: ['https://example.com/1.mp4'],
					reference_image_urls: ['https://example.com/1.png'],
					resolution: '720p',
					aspect_ratio: '1:1',
					duration: 8,
				},
			},
		],
		[
			'Wan 2.5 text to image: image_size {width, height} for the ratio, num_images',
			{ ...IMAGE, mode: 'textToImage', model: 'wan2.5', prompt: 'A lighthouse', aspectRatio: '1:1', numberOfImages: 2 },
			{ method: 'POST', path: '/fal-ai/wan-25-preview/text-to-image', body: { prompt: 'A lighthouse', image_size: { width: 1280, height: 1280 }, num_images: 2 } },
		],
		[
			'Wan 2.5 image to image with a Size',
			{ ...IMAGE, mode: 'imageToImage', model: 'wan2.5', prompt: 'Make it blue', imageUrls: 'https://example.com/a.png', numberOfImages: 1, options: { size: '1280x960' } },
			{
				method: 'POST',
				path: '/fal-ai/wan-25-preview/image-to-image',
				body: { prompt: 'Make it blue', image_urls: ['https://example.com/a.png'], image_size: { width: 1280, height: 960 }, num_images: 1 },
			},
		],
		[
			'Wan 2.6 image to image, three inputs',
			{ ...IMAGE, mode: 'imageToImage', model: 'wan2.6', prompt: 'image 1 in image 2', imageUrls: 'https://example.com/1.png, https://example.com/2.png, https://example.com/3.png', numberOfImages: 4 },
			{
				method: 'POST',
				path: '/wan/v2.6/image-to-image',
				body: { prompt: 'image 1 in image 2', image_urls: ['https://example.com/1.png', 'https://example.com/2.png', 'https://example.com/3.png'], num_images: 4 },
			},
		],
	]);
});

describe('fal refusals (before anything is sent)', () => {
	itRefuses(request, [
		['Wan 2.5 at 4:3 (fal serves 16:9, 9:16, 1:1)', { ...VIDEO, mode: 'textToVideo', model: 'wan2.5', prompt: 'x', aspectRatio: '4:3', resolution: '720p', duration: 5 }, /Aspect Ratio.*16:9, 9:16, 1:1/],
		['Wan 2.6 for 7 s', { ...VIDEO, mode: 'textToVideo', model: 'wan2.6', prompt: 'x', aspectRatio: '16:9', resolution: '720p', duration: 7 }, /Duration.*5, 10, 15 seconds/],
		['Wan 2.6 reference to video for 15 s', { ...VIDEO, mode: 'referenceToVideo', model: 'wan2.6', prompt: 'x', referenceUrls: 'https://example.com/1.mp4', aspectRatio: '16:9', resolution: '720p', duration: 15 }, /Duration.*5, 10 seconds/],
		['a Wan 2.6 prompt over 800 characters (fal\'s schema)', { ...VIDEO, mode: 'textToVideo', model: 'wan2.6', prompt: 'p'.repeat(801), aspectRatio: '16:9', resolution: '720p', duration: 5 }, /Prompt.*At most 800 characters/],
		['Wan 2.2 at 1080p', { ...VIDEO, mode: 'textToVideo', model: 'wan2.2', prompt: 'x', aspectRatio: '16:9', resolution: '1080p', duration: 5 }, /Resolution.*480p, 720p/],
		['a watermark (no fal page takes one)', { ...VIDEO, mode: 'textToVideo', model: 'wan2.7', prompt: 'x', aspectRatio: '16:9', resolution: '720p', duration: 5, options: { watermark: true } }, /Watermark/],
		['Wan 2.5 image to video without a prompt (fal requires it)', { ...VIDEO, mode: 'imageToVideo', model: 'wan2.5', imageUrl: 'https://example.com/a.png', resolution: '720p', duration: 5 }, /Prompt/],
		['three inputs to Wan 2.5 image to image', { ...IMAGE, mode: 'imageToImage', model: 'wan2.5', prompt: 'x', imageUrls: 'https://example.com/1.png,https://example.com/2.png,https://example.com/3.png', numberOfImages: 1 }, /Image URLs/],
		['an image reference to Wan 2.6 reference to video (videos only)', { ...VIDEO, mode: 'referenceToVideo', model: 'wan2.6', prompt: 'x', referenceUrls: 'https://example.com/1.png', aspectRatio: '16:9', resolution: '720p', duration: 5 }, /Reference URLs/],
		['a fourth video to Wan 2.6 Flash', { ...VIDEO, mode: 'referenceToVideo', model: 'wan2.6-flash', prompt: 'x', referenceUrls: [1, 2, 3, 4].map((n) => `https://example.com/${n}.mp4`).join(','), aspectRatio: '16:9', resolution: '720p', duration: 5 }, /Reference URLs/],
	]);
});

describe('fal storage upload', () => {
	const file = { fileName: 'clip.mp4', mimeType: 'video/mp4', bytes: 4096, type: 'video' as const };
	const INITIATED = { upload_url: 'https://storage.example/put/abc?signature=s', file_url: 'https://v3.fal.media/files/abc/clip.mp4' };

	it('asks its storage for an upload with the key, PUTs the bytes to the signed URL, and names the file by file_url', async () => {
		const { asked, requests } = fakeUploadRequests({ api: INITIATED });
		await expect(falUpload.upload(file, requests, { credentials: {}, modelId: 'fal-ai/wan/v2.7/image-to-video' })).resolves.toBe(INITIATED.file_url);
		expect(asked.api).toEqual([
			{
				method: 'POST',
				url: 'https://rest.fal.ai/storage/upload/initiate',
				qs: { storage_type: 'fal-cdn-v3' },
				body: { content_type: 'video/mp4', file_name: 'clip.mp4' },
			},
		]);
		expect(asked.put).toEqual([{ url: INITIATED.upload_url, contentType: 'video/mp4' }]);
	});

	it('throws MalformedResponseError, before any PUT, on an answer without both URLs', async () => {
		const { asked, requests } = fakeUploadRequests({ api: { file_url: INITIATED.file_url } });
		await expect(falUpload.upload(file, requests, { credentials: {}, modelId: 'm' })).rejects.toThrow(MalformedResponseError);
		expect(asked.put).toHaveLength(0);
	});
});
