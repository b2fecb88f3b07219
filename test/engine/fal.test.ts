/**
 * fal through the real engine: the exact input sent per mode, the queue paths (status and results under the
 * app id, the results fetched once COMPLETED), Get Task from an output item's handle, fal's `metrics` as
 * `usage`, a failed run in fal's words, cancel while queued, and what fal refuses when a run starts.
 */
import type { Simulator } from '../simulator';
import { NODE_NAME, providerSuite, startWan, until } from './support';

let sim: Simulator;
const { run, itSubmits, statusPaths } = providerSuite('fal', (started) => (sim = started));

const resultPaths = () => sim.requests.filter((request) => request.route === 'result').map((request) => request.path);

describe('fal modes', () => {
	itSubmits('video', [
		[
			'Wan 2.5 text to video: duration as a string; status and results under the app id, results fetched once',
			{ mode: 'textToVideo', model: 'wan2.5', prompt: 'A cat playing the piano', resolution: '720p', aspectRatio: '16:9', duration: 10, options: { seed: 42 } },
			{ path: '/fal/fal-ai/wan-25-preview/text-to-video', body: { prompt: 'A cat playing the piano', resolution: '720p', aspect_ratio: '16:9', duration: '10', seed: 42 } },
			1,
			(result) => {
				const [item] = result.output(NODE_NAME);
				expect(item.json).toMatchObject({ provider: 'fal', model: 'fal-ai/wan-25-preview/text-to-video', taskId: sim.tasks[0].id, status: 'succeeded' });
				expect(item.json.url).toBe(`${sim.origin}/files/${sim.tasks[0].id}/0.mp4`);
				expect(item.json.usage).toStrictEqual({ inference_time: 0.15 });
				expect(statusPaths().every((path) => path === `/fal/fal-ai/wan-25-preview/requests/${sim.tasks[0].id}/status`)).toBe(true);
				expect(resultPaths()).toStrictEqual([`/fal/fal-ai/wan-25-preview/requests/${sim.tasks[0].id}`]);
			},
		],
		[
			'Wan 2.2 image to video: no duration (a frame count)',
			{ mode: 'imageToVideo', model: 'wan2.2', prompt: 'It runs', imageUrl: 'https://example.com/cat.png', resolution: '480p', duration: 5 },
			{ path: '/fal/fal-ai/wan/v2.2-a14b/image-to-video', body: { prompt: 'It runs', image_url: 'https://example.com/cat.png', resolution: '480p' } },
			1,
		],
		[
			'Wan 2.6 text to video: multi-shot, audio',
			{ mode: 'textToVideo', model: 'wan2.6', prompt: 'A chase', resolution: '1080p', aspectRatio: '3:4', duration: 15, options: { shotType: 'multi', audioUrl: 'https://example.com/a.mp3' } },
			{ path: '/fal/wan/v2.6/text-to-video', body: { prompt: 'A chase', audio_url: 'https://example.com/a.mp3', resolution: '1080p', aspect_ratio: '3:4', duration: '15', multi_shots: true } },
			1,
		],
		[
			'Wan 2.6 Flash reference to video: videos then images, enable_audio',
			{ mode: 'referenceToVideo', model: 'wan2.6-flash', prompt: 'Character1 sings', referenceUrls: 'https://example.com/p.png\nhttps://example.com/v.mp4', resolution: '720p', aspectRatio: '16:9', duration: 5, options: { generateAudio: true } },
			{
				path: '/fal/wan/v2.6/reference-to-video/flash',
				body: { prompt: 'Character1 sings', video_urls: ['https://example.com/v.mp4'], image_urls: ['https://example.com/p.png'], resolution: '720p', aspect_ratio: '16:9', duration: '5', enable_audio: true },
			},
			1,
			() => expect(statusPaths()[0]).toMatch(/^\/fal\/wan\/v2\.6\/requests\/[^/]+\/status$/),
		],
		[
			'Wan 2.7 first and last frame: integer duration, end_image_url; requests under fal-ai/wan',
			{ mode: 'firstLastFrameToVideo', model: 'wan2.7', imageUrl: 'https://example.com/a.png', lastFrameUrl: 'https://example.com/b.png', resolution: '1080p', duration: 6, options: { negativePrompt: 'blur' } },
			{ path: '/fal/fal-ai/wan/v2.7/image-to-video', body: { negative_prompt: 'blur', image_url: 'https://example.com/a.png', end_image_url: 'https://example.com/b.png', resolution: '1080p', duration: 6 } },
			1,
			() => expect(resultPaths()).toStrictEqual([`/fal/fal-ai/wan/requests/${sim.tasks[0].id}`]),
		],
		[
			'Wan 2.7 extend video',
			{ mode: 'extendVideo', model: 'wan2.7', prompt: 'It goes on', videoUrl: 'https://example.com/clip.mp4', resolution: '720p', duration: 10 },
			{ path: '/fal/fal-ai/wan/v2.7/image-to-video', body: { prompt: 'It goes on', video_url: 'https://example.com/clip.mp4', resolution: '720p', duration: 10 } },
			1,
		],
		[
			'Wan 2.7 reference to video',
			{ mode: 'referenceToVideo', model: 'wan2.7', prompt: 'Video 1 waves at Image 1', referenceUrls: 'https://example.com/a.png, https://example.com/b.mp4', resolution: '720p', aspectRatio: '9:16', duration: 5 },
			{
				path: '/fal/fal-ai/wan/v2.7/reference-to-video',
				body: { prompt: 'Video 1 waves at Image 1', reference_video_urls: ['https://example.com/b.mp4'], reference_image_urls: ['https://example.com/a.png'], resolution: '720p', aspect_ratio: '9:16', duration: 5 },
			},
			1,
		],
	]);

	itSubmits('image', [
		[
			'Wan 2.5 text to image: three images, one item each',
			{ mode: 'textToImage', model: 'wan2.5', prompt: 'A lighthouse at sunset', aspectRatio: '16:9', numberOfImages: 3 },
			{ path: '/fal/fal-ai/wan-25-preview/text-to-image', body: { prompt: 'A lighthouse at sunset', image_size: { width: 1696, height: 960 }, num_images: 3 } },
			3,
		],
		[
			'Wan 2.6 image to image',
			{ mode: 'imageToImage', model: 'wan2.6', prompt: 'image 1 at night', imageUrls: 'https://example.com/a.png', numberOfImages: 1 },
			{ path: '/fal/wan/v2.6/image-to-image', body: { prompt: 'image 1 at night', image_urls: ['https://example.com/a.png'], num_images: 1 } },
			1,
		],
	]);
});

describe('fal tasks', () => {
	it('passes a failed run on in fal\'s words, naming the task', async () => {
		sim.setBehaviour(() => ({ durationMs: 100, outcome: 'failure' }));
		const result = await run('video', { mode: 'textToVideo', model: 'wan2.7', prompt: 'x', resolution: '720p', aspectRatio: '16:9', duration: 5 });
		expect(result.status).toBe('error');
		const error = result.nodeError(NODE_NAME)!;
		expect(error.message).toBe(
			`fal task ${sim.tasks[0].id} failed: The content could not be processed because it contained material flagged by a content checker. (body.prompt) [content_policy_violation]`,
		);
	});

	it('reports what fal refuses when the run starts (an input its page does not allow, sent as Extra Parameters)', async () => {
		const result = await run('video', { mode: 'textToVideo', model: 'wan2.5', prompt: 'x', resolution: '720p', aspectRatio: '16:9', duration: 5, options: { extraParameters: '{"duration": "7"}' } });
		expect(result.status).toBe('error');
		expect(result.nodeError(NODE_NAME)!.message).toMatch(/^fal task \S+ failed: Input should be "5", "10" \(body\.duration\) \[value_error\]$/);
	});

	it('resumes from an output item\'s handle (Get Task): status, then results, under the app id', async () => {
		const first = await run('video', { mode: 'referenceToVideo', model: 'wan2.6', prompt: '@Video1 dances', referenceUrls: 'https://example.com/v.mp4', resolution: '720p', aspectRatio: '16:9', duration: 5, waitForCompletion: false });
		const handle = first.output(NODE_NAME)[0].json;
		expect(handle).toMatchObject({ provider: 'fal', model: 'wan/v2.6/reference-to-video', status: 'queued' });
		await new Promise((resolve) => setTimeout(resolve, 200));
		const fetched = await run('video', { operation: 'getTask', mode: 'referenceToVideo', model: 'wan2.6', taskId: handle.taskId as string });
		expect(fetched.status).toBe('success');
		expect(fetched.output(NODE_NAME)[0].json).toMatchObject({ taskId: handle.taskId, status: 'succeeded', url: `${sim.origin}/files/${String(handle.taskId)}/0.mp4` });
		expect(resultPaths()).toStrictEqual([`/fal/wan/v2.6/requests/${String(handle.taskId)}`]);
	});

	it('asks fal to cancel a queued request when the execution is stopped (PUT …/cancel under the app id)', async () => {
		sim.setBehaviour(() => ({ durationMs: 60_000, outcome: 'success' }));
		const started = startWan({ sim, provider: 'fal', kind: 'video', parameters: { mode: 'textToVideo', model: 'wan2.7', prompt: 'x', resolution: '720p', aspectRatio: '16:9', duration: 5, options: { pollInterval: 0.1 } } });
		await until(() => sim.requests.some((request) => request.route === 'status'));
		started.cancel();
		expect((await started.result).status).toBe('canceled');
		await until(() => sim.requests.some((request) => request.route === 'cancel'));
		const cancels = sim.requests.filter((request) => request.route === 'cancel');
		expect(cancels).toMatchObject([{ method: 'PUT', path: `/fal/fal-ai/wan/requests/${sim.tasks[0].id}/cancel`, status: 202 }]);
		expect(sim.tasks[0].canceled).toBe(true);
	});

	it('asks for the results again after a gateway error (502), and fails the task on the run\'s own error answer (500)', async () => {
		const t2v = { mode: 'textToVideo', model: 'wan2.5', prompt: 'x', resolution: '720p', aspectRatio: '16:9', duration: 5 };
		sim.inject({ provider: 'fal', route: 'result', status: 502, headers: { 'Retry-After': '0' } });
		const retried = await run('video', t2v);
		expect(retried.status).toBe('success');
		expect(resultPaths()).toHaveLength(2);

		sim.reset();
		sim.setBehaviour(() => ({ durationMs: 100, outcome: 'success' }));
		sim.inject({ provider: 'fal', route: 'result', status: 500, body: { detail: 'Runner crashed', error_type: 'runner_server_error' } });
		const failed = await run('video', t2v);
		expect(failed.status).toBe('error');
		expect(failed.nodeError(NODE_NAME)!.message).toBe(`fal task ${sim.tasks[0].id} failed: Runner crashed [runner_server_error]`);
		expect(resultPaths()).toHaveLength(1);
	});

	it('sends the key as "Authorization: Key …" (the simulator refuses a Bearer token)', async () => {
		await run('video', { mode: 'textToVideo', model: 'wan2.5', prompt: 'x', resolution: '720p', aspectRatio: '16:9', duration: 5 });
		expect(sim.requests.filter((request) => request.route !== 'download').every((request) => request.authorization === 'ok')).toBe(true);
	});
});
