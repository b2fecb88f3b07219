/**
 * APIXO through the real engine, for every catalogue mode the provider-neutral scenarios do not cover
 * (they run wan2.5 text/image to video and wan2.5 text to image), asserting the body the simulator got;
 * plus the credential test, the per-model status route and the envelope-code handling.
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
