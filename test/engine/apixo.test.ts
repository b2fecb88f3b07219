/**
 * APIXO through the real engine, for every catalogue mode the provider-neutral scenarios do not cover
 * (they run wan2.5 text/image to video and wan2.5 text to image), asserting the body the simulator got
 * and, for Wan 2.7, the usage (costTime) in the output; bad input refused with no request at all; what the
 * simulator refuses as APIXO documents; plus the credential test, the per-model status route and the
 * envelope-code handling.
 */
import { ApixoApi } from '../../credentials/ApixoApi.credentials';
import { resolveCredentialExpression } from '../harness';
import { mp4Bytes, type Simulator } from '../simulator';
import { NODE_NAME, providerSuite } from './support';

let sim: Simulator;
const { run, submitted, statusPaths, itSubmits } = providerSuite('apixo', (started) => (sim = started));

const VIDEO_26 = '/apixo/api/v1/generateTask/wan-2-6-video';

describe('APIXO video modes beyond the neutral scenarios', () => {
	itSubmits('video', [
		[
			'wan2.6 text to video: size preset, duration 15, polled on the wan-2-6-video status route',
			{ mode: 'textToVideo', model: 'wan2.6', prompt: 'A chase through a neon market', resolution: '1080p', aspectRatio: '4:3', duration: 15, options: { negativePrompt: 'blurry', promptExtend: false } },
			{
				path: VIDEO_26,
				body: {
					request_type: 'async',
					input: { mode: 'text-to-video', prompt: 'A chase through a neon market', negative_prompt: 'blurry', resolution: '1080p', duration: 15, size: '1632*1248', prompt_extend: false },
				},
			},
			1,
			(result) => {
				const taskId = sim.tasks[0].id;
				expect(statusPaths().every((path) => path === `/apixo/api/v1/statusTask/wan-2-6-video?taskId=${taskId}`)).toBe(true);
				const [item] = result.output(NODE_NAME);
				expect(item.json).toMatchObject({ provider: 'apixo', model: 'wan-2-6-video', taskId, status: 'succeeded' });
				expect(item.json.urls).toEqual([`${sim.origin}/files/${taskId}/0.mp4`]);
			},
		],
		[
			'wan2.6 image to video with an audio track',
			{ mode: 'imageToVideo', model: 'wan2.6', prompt: 'The cat starts to dance', imageUrl: 'https://example.com/cat.png', resolution: '720p', duration: 10, options: { audioUrl: 'https://example.com/music.mp3' } },
			{
				path: VIDEO_26,
				body: {
					request_type: 'async',
					input: { mode: 'image-to-video', prompt: 'The cat starts to dance', image_urls: ['https://example.com/cat.png'], audio_urls: ['https://example.com/music.mp3'], resolution: '720p', duration: 10 },
				},
			},
			1,
		],
		[
			'wan2.6-flash image to video: mode image-to-video-flash, Generate Audio off as sound false, file as binary',
			{ mode: 'imageToVideo', model: 'wan2.6-flash', prompt: 'Waves roll in', imageUrl: 'https://example.com/beach.jpg', resolution: '1080p', duration: 5, returnAs: 'binary', options: { generateAudio: false } },
			{
				path: VIDEO_26,
				body: {
					request_type: 'async',
					input: { mode: 'image-to-video-flash', prompt: 'Waves roll in', image_urls: ['https://example.com/beach.jpg'], resolution: '1080p', duration: 5, sound: false },
				},
			},
			1,
			async (result) => {
				const [item] = result.output(NODE_NAME);
				expect((await result.binaryBuffer(item.binary!.data)).equals(mp4Bytes())).toBe(true);
			},
		],
		[
			'wan2.6 reference to video: references in video_urls',
			{ mode: 'referenceToVideo', model: 'wan2.6', prompt: 'character1 waves at character2', referenceUrls: 'https://example.com/ref1.mp4\nhttps://example.com/ref2.mp4', resolution: '720p', aspectRatio: '9:16', duration: 10 },
			{
				path: VIDEO_26,
				body: {
					request_type: 'async',
					input: { mode: 'reference-to-video', prompt: 'character1 waves at character2', video_urls: ['https://example.com/ref1.mp4', 'https://example.com/ref2.mp4'], resolution: '720p', duration: 10, size: '720*1280' },
				},
			},
			1,
		],
		[
			'wan2.6 reference to video with an image among the references: image_urls beside video_urls',
			{ mode: 'referenceToVideo', model: 'wan2.6', prompt: 'character1 holds character2', referenceUrls: 'https://example.com/ref1.mp4, https://example.com/mug.png', resolution: '1080p', aspectRatio: '16:9', duration: 5 },
			{
				path: VIDEO_26,
				body: {
					request_type: 'async',
					input: { mode: 'reference-to-video', prompt: 'character1 holds character2', image_urls: ['https://example.com/mug.png'], video_urls: ['https://example.com/ref1.mp4'], resolution: '1080p', duration: 5, size: '1920*1080' },
				},
			},
			1,
		],
		[
			'wan2.6-flash reference to video with a callback URL: request_type callback, sound true',
			{ mode: 'referenceToVideo', model: 'wan2.6-flash', prompt: 'character1 dances', referenceUrls: 'https://example.com/ref1.mp4', resolution: '720p', aspectRatio: '16:9', duration: 2, options: { generateAudio: true, callbackUrl: 'https://your-server.com/webhooks/apixo' } },
			{
				path: VIDEO_26,
				body: {
					request_type: 'callback',
					callback_url: 'https://your-server.com/webhooks/apixo',
					input: { mode: 'reference-to-video-flash', prompt: 'character1 dances', video_urls: ['https://example.com/ref1.mp4'], resolution: '720p', duration: 2, size: '1280*720', sound: true },
				},
			},
			1,
		],
	]);

	it('Get Task for a wan2.6-flash task polls the wan-2-6-video status route', async () => {
		sim.setBehaviour(() => ({ durationMs: 300, outcome: 'success' }));
		const parameters = {
			mode: 'imageToVideo',
			model: 'wan2.6-flash',
			prompt: 'Waves roll in',
			imageUrl: 'https://example.com/beach.jpg',
			resolution: '720p',
			duration: 5,
		};
		const first = await run('video', { ...parameters, waitForCompletion: false });
		expect(first.status).toBe('success');
		const [handle] = first.output(NODE_NAME);
		expect(handle.json).toMatchObject({ model: 'wan-2-6-video', status: 'queued' });

		const fetched = await run(
			'video',
			{ operation: 'getTask', mode: 'imageToVideo', model: 'wan2.6-flash', taskId: '={{ $json.taskId }}' },
			{ items: [handle.json] },
		);
		expect(fetched.status).toBe('success');
		expect(fetched.output(NODE_NAME)[0].json).toMatchObject({ taskId: handle.json.taskId, status: 'succeeded' });
		expect(statusPaths().length).toBeGreaterThan(0);
		expect(statusPaths().every((path) => path.startsWith('/apixo/api/v1/statusTask/wan-2-6-video?'))).toBe(true);
	});

	it('Get Task with the wrong model fails with APIXO\'s 404 and the task id', async () => {
		const first = await run('video', { mode: 'textToVideo', model: 'wan2.5', prompt: 'A cat', waitForCompletion: false });
		const [handle] = first.output(NODE_NAME);
		const fetched = await run(
			'video',
			{ operation: 'getTask', mode: 'textToVideo', model: 'wan2.6', taskId: '={{ $json.taskId }}' },
			{ items: [handle.json] },
		);
		expect(fetched.status).toBe('error');
		const error = fetched.nodeError(NODE_NAME)!;
		expect(error.message).toMatch(/APIXO poll failed \(HTTP 404\): Not found: Task not found: task_/);
		expect(error.description).toContain(String(handle.json.taskId));
	});
});

describe('APIXO image modes beyond the neutral scenarios', () => {
	itSubmits('image', [
		[
			'wan2.5 image to image: image_urls, num_images, four files',
			{ mode: 'imageToImage', model: 'wan2.5', prompt: 'Put the hat from image 2 on the cat in image 1', imageUrls: 'https://example.com/cat.png, https://example.com/hat.png', numberOfImages: 4 },
			{
				path: '/apixo/api/v1/generateTask/wan-2-5-image',
				body: {
					request_type: 'async',
					input: { mode: 'image-to-image', prompt: 'Put the hat from image 2 on the cat in image 1', image_urls: ['https://example.com/cat.png', 'https://example.com/hat.png'], num_images: 4 },
				},
			},
			4,
		],
		[
			'wan2.6 text to image: aspect_ratio and num_images 1 sent explicitly',
			{ mode: 'textToImage', model: 'wan2.6', prompt: 'A fox in the snow', aspectRatio: '16:9', numberOfImages: 1, options: { negativePrompt: 'text' } },
			{
				path: '/apixo/api/v1/generateTask/wan-2-6-image',
				body: { request_type: 'async', input: { mode: 'text-to-image', prompt: 'A fox in the snow', negative_prompt: 'text', num_images: 1, aspect_ratio: '16:9' } },
			},
			1,
		],
		[
			'wan2.6 image to image',
			{ mode: 'imageToImage', model: 'wan2.6', prompt: 'Make it snow', imageUrls: 'https://example.com/street.jpg', numberOfImages: 2 },
			{
				path: '/apixo/api/v1/generateTask/wan-2-6-image',
				body: { request_type: 'async', input: { mode: 'image-to-image', prompt: 'Make it snow', image_urls: ['https://example.com/street.jpg'], num_images: 2 } },
			},
			2,
		],
	]);

	// The panel offers no Size for wan-2-5-image (test/unit/description.test.ts); n8n drops a value saved under another model.
	it('sends no Size: the model takes none', async () => {
		const result = await run('image', {
			mode: 'textToImage',
			model: 'wan2.5',
			prompt: 'A fox',
			numberOfImages: 1,
			options: { size: '1024x1024' },
		});
		expect(result.status).toBe('success');
		expect(JSON.stringify(submitted().body)).not.toContain('1024');
	});
});

const VIDEO_27 = '/apixo/api/v1/generateTask/wan-2-7-video';
const IMAGE_27 = '/apixo/api/v1/generateTask/wan-2-7-image';
const FIRST = 'https://example.com/first.png';
const LAST = 'https://example.com/last.png';
const CLIP = 'https://example.com/clip.mp4';

/** The output item carries APIXO's costTime (the simulator's task duration, 150 ms) as its usage. */
function expectUsage(result: Awaited<ReturnType<typeof run>>): void {
	for (const item of result.output(NODE_NAME)) expect(item.json.usage).toEqual({ costTime: 150 });
}

describe('APIXO Wan 2.7 video (wan-2-7-video)', () => {
	itSubmits('video', [
		[
			'text to video: aspect_ratio, audio_urls, usage in the output',
			{ mode: 'textToVideo', model: 'wan2.7', prompt: 'a cinematic rainy night in tokyo', resolution: '1080p', aspectRatio: '16:9', duration: 5, options: { audioUrl: 'https://example.com/track.mp3', seed: 42 } },
			{
				path: VIDEO_27,
				body: {
					request_type: 'async',
					input: { mode: 'text-to-video', prompt: 'a cinematic rainy night in tokyo', audio_urls: ['https://example.com/track.mp3'], resolution: '1080p', duration: 5, aspect_ratio: '16:9', seed: 42 },
				},
			},
			1,
			(result) => {
				expectUsage(result);
				expect(result.output(NODE_NAME)[0].json).toMatchObject({ provider: 'apixo', model: 'wan-2-7-video', status: 'succeeded' });
				expect(statusPaths().every((path) => path.startsWith('/apixo/api/v1/statusTask/wan-2-7-video?'))).toBe(true);
			},
		],
		[
			'image to video: the first frame in image_urls, no aspect_ratio',
			{ mode: 'imageToVideo', model: 'wan2.7', prompt: 'She turns and smiles', imageUrl: FIRST, resolution: '720p', duration: 15 },
			{ path: VIDEO_27, body: { request_type: 'async', input: { mode: 'image-to-video', prompt: 'She turns and smiles', image_urls: [FIRST], resolution: '720p', duration: 15 } } },
			1,
			expectUsage,
		],
		[
			'first and last frame: image-to-video with image_urls [first, last] and driving audio',
			{ mode: 'firstLastFrameToVideo', model: 'wan2.7', imageUrl: FIRST, lastFrameUrl: LAST, resolution: '1080p', duration: 8, options: { audioUrl: 'https://example.com/voice.wav' } },
			{
				path: VIDEO_27,
				body: { request_type: 'async', input: { mode: 'image-to-video', image_urls: [FIRST, LAST], audio_urls: ['https://example.com/voice.wav'], resolution: '1080p', duration: 8 } },
			},
			1,
			expectUsage,
		],
		[
			'reference to video: images in image_urls, videos in video_urls, 10 s with a video',
			{ mode: 'referenceToVideo', model: 'wan2.7', prompt: 'Video 1 dances with Image 1', referenceUrls: 'https://example.com/girl.png\nhttps://example.com/dancer.mp4', resolution: '720p', aspectRatio: '9:16', duration: 10 },
			{
				path: VIDEO_27,
				body: {
					request_type: 'async',
					input: { mode: 'reference-to-video', prompt: 'Video 1 dances with Image 1', image_urls: ['https://example.com/girl.png'], video_urls: ['https://example.com/dancer.mp4'], resolution: '720p', duration: 10, aspect_ratio: '9:16' },
				},
			},
			1,
			expectUsage,
		],
		[
			'edit video: the source in video_urls, a reference image in image_urls, duration 0',
			{ mode: 'editVideo', model: 'wan2.7', prompt: 'Dress her in the coat from the image', videoUrl: CLIP, referenceUrls: 'https://example.com/coat.png', resolution: '1080p', duration: 0, options: { promptExtend: true, watermark: false } },
			{
				path: VIDEO_27,
				body: {
					request_type: 'async',
					input: { mode: 'video-edit', prompt: 'Dress her in the coat from the image', image_urls: ['https://example.com/coat.png'], video_urls: [CLIP], resolution: '1080p', duration: 0, watermark: false, prompt_extend: true },
				},
			},
			1,
			expectUsage,
		],
	]);
});

describe('APIXO Wan 2.7 images (wan-2-7-image)', () => {
	itSubmits('image', [
		[
			'wan2.7 text to image: omni-image, no aspect_ratio',
			{ mode: 'textToImage', model: 'wan2.7', prompt: 'a cinematic panda walking through snow', numberOfImages: 2 },
			{ path: IMAGE_27, body: { request_type: 'async', input: { mode: 'omni-image', prompt: 'a cinematic panda walking through snow', num_images: 2 } } },
			2,
			expectUsage,
		],
		[
			'wan2.7-pro text to image at 4K: omni-image-pro, resolution 4k',
			{ mode: 'textToImage', model: 'wan2.7-pro', prompt: 'a lighthouse in a storm', numberOfImages: 1, options: { size: '4096x4096' } },
			{ path: IMAGE_27, body: { request_type: 'async', input: { mode: 'omni-image-pro', prompt: 'a lighthouse in a storm', num_images: 1, resolution: '4k' } } },
			1,
			expectUsage,
		],
		[
			'an image set of 12: enable_sequential, twelve files',
			{ mode: 'textToImage', model: 'wan2.7', prompt: 'one fox through twelve months', numberOfImages: 12, options: { imageSet: true } },
			{ path: IMAGE_27, body: { request_type: 'async', input: { mode: 'omni-image', prompt: 'one fox through twelve months', num_images: 12, enable_sequential: true } } },
			12,
		],
		[
			'wan2.7-pro editing with 3 images at 2K',
			{ mode: 'imageToImage', model: 'wan2.7-pro', prompt: 'Put the hat from image 2 on the cat in image 1, lit as in image 3', imageUrls: 'https://example.com/cat.png, https://example.com/hat.png, https://example.com/light.jpg', numberOfImages: 1, options: { size: '2048x2048' } },
			{
				path: IMAGE_27,
				body: {
					request_type: 'async',
					input: {
						mode: 'omni-image-pro',
						prompt: 'Put the hat from image 2 on the cat in image 1, lit as in image 3',
						image_urls: ['https://example.com/cat.png', 'https://example.com/hat.png', 'https://example.com/light.jpg'],
						num_images: 1,
						resolution: '2k',
					},
				},
			},
			1,
		],
	]);
});

describe('APIXO bad input makes no request', () => {
	const six = [1, 2, 3, 4, 5, 6].map((n) => `https://example.com/ref-${n}.${n % 2 ? 'png' : 'mp4'}`).join('\n');
	test.each([
		[
			'more references than wan-2-7-video takes',
			'video',
			{ mode: 'referenceToVideo', model: 'wan2.7', prompt: 'Image 1 waves', referenceUrls: six, resolution: '720p', aspectRatio: '16:9', duration: 5 },
			/^Invalid Reference URLs: [^]*Expected 1–5 URLs, got 6\./,
		],
		[
			'more reference videos than wan-2-6-video takes',
			'video',
			{ mode: 'referenceToVideo', model: 'wan2.6', prompt: 'character1 waves', referenceUrls: [1, 2, 3, 4].map((n) => `https://example.com/${n}.mp4`).join(','), resolution: '720p', aspectRatio: '16:9', duration: 5 },
			/^Invalid Reference URLs: .*At most 3 videos, got 4\./,
		],
		[
			'a reference video with 12 s',
			'video',
			{ mode: 'referenceToVideo', model: 'wan2.7', prompt: 'Video 1 runs', referenceUrls: 'https://example.com/run.mp4', resolution: '720p', aspectRatio: '16:9', duration: 12 },
			/^Invalid Duration: 12\. Allowed for Wan 2.7 \(wan-2-7-video\) with a reference video: 2–10 seconds\./,
		],
		[
			'an edit without a source video',
			'video',
			{ mode: 'editVideo', model: 'wan2.7', prompt: 'Make it clay', videoUrl: '', resolution: '720p', duration: 0 },
			/^Invalid Video URL: empty\. Expected 1 URL, got 0\./,
		],
		[
			'an image set larger than wan-2-6-image makes (it has no image set: n8n drops the option)',
			'image',
			{ mode: 'textToImage', model: 'wan2.6', prompt: 'a fox', aspectRatio: '1:1', numberOfImages: 6, options: { imageSet: true } },
			/^Invalid Number of Images: 6\. Allowed for Wan 2.6 \(wan-2-6-image\): 1–3\./,
		],
		[
			'an image set over 12',
			'image',
			{ mode: 'textToImage', model: 'wan2.7', prompt: 'a fox', numberOfImages: 13, options: { imageSet: true } },
			/^Invalid Number of Images: 13\. Allowed for Wan 2.7 \(wan-2-7-image\) as an image set: 1–12\./,
		],
		[
			'a Size that is no resolution tier (refused by the preflight)',
			'image',
			{ mode: 'textToImage', model: 'wan2.7', prompt: 'a fox', numberOfImages: 1, options: { size: '1280x1280' } },
			/^Invalid Size: "1280x1280"\. APIXO takes a resolution tier, not an exact size; allowed here: 1024x1024 \(1K\), 2048x2048 \(2K\)\./,
		],
		[
			'4K in an image set',
			'image',
			{ mode: 'textToImage', model: 'wan2.7-pro', prompt: 'a fox', numberOfImages: 4, options: { size: '4096x4096', imageSet: true } },
			/^Invalid Size: "4096x4096"\. .*\(4K takes no image set\)\./,
		],
	] as const)('%s', async (_title, kind, parameters, message) => {
		const result = await run(kind, parameters);
		expect(result.status).toBe('error');
		const error = result.nodeError(NODE_NAME)!;
		expect(error.message).toMatch(message);
		expect(error.description).toMatch(/Nothing was sent/);
		expect(sim.requests).toEqual([]);
	});
});

describe('the APIXO simulator refuses what APIXO documents as invalid', () => {
	async function submitTo(model: string, input: Record<string, unknown>): Promise<{ status: number; error?: string }> {
		const response = await fetch(`${sim.baseUrl('apixo')}/generateTask/${model}`, {
			method: 'POST',
			headers: { Authorization: `Bearer ${sim.apiKey}`, 'Content-Type': 'application/json' },
			body: JSON.stringify({ request_type: 'async', input }),
		});
		const body = (await response.json()) as { data?: { error?: string } };
		return { status: response.status, error: body.data?.error };
	}
	const v27 = (input: Record<string, unknown>) => submitTo('wan-2-7-video', input);
	const i27 = (input: Record<string, unknown>) => submitTo('wan-2-7-image', input);

	test.each([
		['an aspect_ratio on image-to-video', () => v27({ mode: 'image-to-video', image_urls: [FIRST], aspect_ratio: '16:9' }), /aspect_ratio/],
		['three frames on image-to-video', () => v27({ mode: 'image-to-video', image_urls: [FIRST, LAST, FIRST] }), /image_urls takes 1-2/],
		['audio_url instead of audio_urls', () => v27({ mode: 'text-to-video', prompt: 'x', audio_url: 'https://example.com/a.mp3' }), /use audio_urls/],
		['six references', () => v27({ mode: 'reference-to-video', prompt: 'x', image_urls: [FIRST, LAST, FIRST], video_urls: [CLIP, CLIP, CLIP] }), /take 1-5 references/],
		['12 s with a reference video', () => v27({ mode: 'reference-to-video', prompt: 'x', video_urls: [CLIP], duration: 12 }), /duration 12 .*with a reference video/],
		['an edit without video_urls', () => v27({ mode: 'video-edit', prompt: 'x', image_urls: [FIRST] }), /video_urls takes 1 URLs/],
		['an edit without a prompt', () => v27({ mode: 'video-edit', video_urls: [CLIP] }), /input\.prompt/],
		['an edit of 11 s', () => v27({ mode: 'video-edit', prompt: 'x', video_urls: [CLIP], duration: 11 }), /duration 11/],
		['480p', () => v27({ mode: 'text-to-video', prompt: 'x', resolution: '480p' }), /720p, 1080p/],
		['4k on omni-image', () => i27({ mode: 'omni-image', prompt: 'x', resolution: '4k' }), /4k is only available/],
		['4k when editing on omni-image-pro', () => i27({ mode: 'omni-image-pro', prompt: 'x', image_urls: [FIRST], resolution: '4k' }), /4k is only available/],
		['5 images without enable_sequential', () => i27({ mode: 'omni-image', prompt: 'x', num_images: 5 }), /num_images must be 1-4/],
		['13 images in a set', () => i27({ mode: 'omni-image', prompt: 'x', num_images: 13, enable_sequential: true }), /1-12 with enable_sequential/],
		['10 input images', () => i27({ mode: 'omni-image', prompt: 'x', image_urls: Array(10).fill(FIRST) }), /image_urls takes 0-9/],
		['an unknown mode', () => i27({ mode: 'text-to-image', prompt: 'x' }), /input\.mode/],
	])('%s', async (_title, send, detail) => {
		const answer = await send();
		expect(answer.status).toBe(400);
		expect(answer.error).toMatch(detail);
		expect(sim.tasks).toHaveLength(0);
	});

	test('accepts 12 images in a set, 4k text to image on omni-image-pro, and a 15 s image-only reference video', async () => {
		expect((await i27({ mode: 'omni-image', prompt: 'x', num_images: 12, enable_sequential: true })).status).toBe(200);
		expect((await i27({ mode: 'omni-image-pro', prompt: 'x', resolution: '4k' })).status).toBe(200);
		expect((await v27({ mode: 'reference-to-video', prompt: 'x', image_urls: [FIRST], duration: 15 })).status).toBe(200);
		expect(sim.tasks).toHaveLength(3);
	});
});

describe('APIXO errors', () => {
	const t2v = { mode: 'textToVideo', model: 'wan2.5', prompt: 'A cat playing the piano' };

	it('an HTTP 400 on submit shows message and data.error, and is not retried', async () => {
		sim.inject({
			provider: 'apixo',
			route: 'submit',
			status: 400,
			body: { code: 400, message: 'Invalid request', data: { error: 'Missing required field: input.prompt' } },
		});
		const result = await run('video', t2v);
		expect(result.status).toBe('error');
		const error = result.nodeError(NODE_NAME)!;
		expect(error.message).toBe('APIXO submit failed (HTTP 400): Invalid request: Missing required field: input.prompt [400]');
		expect(sim.requests.filter((request) => request.route === 'submit')).toHaveLength(1);
		expect(sim.tasks).toHaveLength(0);
	});

	it('a 200 whose envelope code is 402 fails with the envelope message', async () => {
		sim.inject({ provider: 'apixo', route: 'submit', kind: 'malformed', body: { code: 402, message: 'Insufficient balance', data: null } });
		const result = await run('video', t2v);
		expect(result.status).toBe('error');
		expect(result.nodeError(NODE_NAME)!.message).toMatch(/APIXO sent a response that could not be read \(HTTP 200\): APIXO submit response has code 402: Insufficient balance/);
	});

	it('a resultJson that is not JSON fails as an unreadable response naming the task', async () => {
		sim.inject({
			provider: 'apixo',
			route: 'status',
			kind: 'malformed',
			body: { code: 200, message: 'success', data: { taskId: 'x', state: 'success', resultJson: '{"resultUrls":[' } },
		});
		const result = await run('video', t2v);
		expect(result.status).toBe('error');
		const error = result.nodeError(NODE_NAME)!;
		expect(error.message).toMatch(/could not be read \(HTTP 200\): APIXO resultJson is not a JSON object/);
		expect(error.description).toContain(sim.tasks[0].id);
	});

	it('a task failure passes on failCode and failMsg', async () => {
		sim.setBehaviour(() => ({ durationMs: 100, outcome: 'failure', failure: { code: 'INVALID_IMAGE_URL', message: 'A reference image URL could not be fetched' } }));
		const result = await run('video', t2v);
		expect(result.status).toBe('error');
		expect(result.nodeError(NODE_NAME)!.message).toBe(
			`APIXO task ${sim.tasks[0].id} failed: A reference image URL could not be fetched [INVALID_IMAGE_URL]`,
		);
	});
});

describe('APIXO credential test against the simulator', () => {
	const credential = new ApixoApi();

	async function credentialTest(apiKey: string): Promise<number> {
		const { request } = credential.test;
		const values = { apiKey, baseUrl: sim.baseUrl('apixo') };
		const baseURL = resolveCredentialExpression(request.baseURL, values) as string;
		const headers = credential.test.request.headers as Record<string, string>;
		const authorization = resolveCredentialExpression(headers.Authorization, values) as string;
		const response = await fetch(`${baseURL}${request.url}`, { method: request.method, headers: { Authorization: authorization } });
		await response.arrayBuffer();
		return response.status;
	}

	it('answers 200 for the right key and 401 for a wrong one, on GET <base>/apikeys/current-balance', async () => {
		expect(sim.baseUrl('apixo')).toMatch(/\/apixo\/api\/v1$/);
		expect(await credentialTest(sim.apiKey)).toBe(200);
		expect(await credentialTest('wrong-key')).toBe(401);
		expect(sim.requests.map((request) => request.path)).toEqual([
			'/apixo/api/v1/apikeys/current-balance',
			'/apixo/api/v1/apikeys/current-balance',
		]);
		expect(credential.test.request.ignoreHttpStatusErrors).toBeUndefined();
	});
});
