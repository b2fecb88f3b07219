/**
 * WaveSpeed through the real engine, for every catalogue mode: the exact body the simulator got on each
 * model's route, WaveSpeed's timings as the output's usage, the webhook as a query parameter, the result
 * route it polls, a failed prediction's words in the error, no cancel on Stop (WaveSpeed documents none), and
 * bad input refused with no request at all.
 */
import { type Simulator } from '../simulator';
import { NODE_NAME, providerSuite, startWan, until } from './support';

let sim: Simulator;
const { run, submitted, statusPaths, itSubmits } = providerSuite('wavespeed', (started) => (sim = started));

const route = (model: string) => `/wavespeed/api/v3/${model}`;
const CLIP = 'https://example.com/clip.mp4';

/** The output item carries WaveSpeed's `timings` (the simulator's task duration, 150 ms) as its usage. */
function expectUsage(result: Awaited<ReturnType<typeof run>>): void {
	for (const item of result.output(NODE_NAME)) expect(item.json.usage).toEqual({ inference: 150 });
}

describe('WaveSpeed video models', () => {
	itSubmits('video', [
		[
			'wan2.6 text to video: a size preset, audio, shot type, polled on the result route, usage in the output',
			{
				mode: 'textToVideo',
				model: 'wan2.6',
				prompt: 'A chase through a neon market',
				resolution: '1080p',
				aspectRatio: '16:9',
				duration: 10,
				options: { audioUrl: 'https://example.com/track.mp3', shotType: 'multi', promptExtend: true, seed: 9 },
			},
			{
				path: route('alibaba/wan-2.6/text-to-video'),
				body: {
					prompt: 'A chase through a neon market',
					audio: 'https://example.com/track.mp3',
					size: '1920*1080',
					duration: 10,
					shot_type: 'multi',
					enable_prompt_expansion: true,
					seed: 9,
				},
			},
			1,
			(result) => {
				const taskId = sim.tasks[0].id;
				expect(statusPaths().length).toBeGreaterThan(0);
				expect(statusPaths().every((path) => path === `/wavespeed/api/v3/predictions/${taskId}/result`)).toBe(true);
				const [item] = result.output(NODE_NAME);
				expect(item.json).toMatchObject({ provider: 'wavespeed', model: 'alibaba/wan-2.6/text-to-video', taskId, status: 'succeeded' });
				expect(item.json.urls).toEqual([`${sim.origin}/files/${taskId}/0.mp4`]);
				expectUsage(result);
			},
		],
		[
			'wan2.6 image to video: image and resolution',
			{ mode: 'imageToVideo', model: 'wan2.6', prompt: 'The cat starts to dance', imageUrl: 'https://example.com/cat.png', resolution: '720p', duration: 15 },
			{
				path: route('alibaba/wan-2.6/image-to-video'),
				body: { prompt: 'The cat starts to dance', image: 'https://example.com/cat.png', resolution: '720p', duration: 15 },
			},
			1,
			expectUsage,
		],
		[
			'wan2.6-flash image to video: enable_audio',
			{ mode: 'imageToVideo', model: 'wan2.6-flash', prompt: 'Waves roll in', imageUrl: 'https://example.com/beach.jpg', resolution: '1080p', duration: 3, options: { generateAudio: true } },
			{
				path: route('alibaba/wan-2.6/image-to-video-flash'),
				body: { prompt: 'Waves roll in', image: 'https://example.com/beach.jpg', resolution: '1080p', duration: 3, enable_audio: true },
			},
			1,
		],
		[
			'wan2.6 reference to video: two clips in videos',
			{ mode: 'referenceToVideo', model: 'wan2.6', prompt: 'character1 waves at character2', referenceUrls: `${CLIP}\nhttps://example.com/other.mp4`, resolution: '720p', aspectRatio: '9:16', duration: 10 },
			{
				path: route('alibaba/wan-2.6/reference-to-video'),
				body: { prompt: 'character1 waves at character2', videos: [CLIP, 'https://example.com/other.mp4'], size: '720*1280', duration: 10 },
			},
			1,
		],
		[
			'wan2.6-flash reference to video: images in reference_urls',
			{
				mode: 'referenceToVideo',
				model: 'wan2.6-flash',
				prompt: 'character1 dances',
				referenceUrls: 'https://example.com/a.png, https://example.com/b.jpg',
				resolution: '1080p',
				aspectRatio: '16:9',
				duration: 5,
				options: { generateAudio: false, shotType: 'single' },
			},
			{
				path: route('alibaba/wan-2.6/reference-to-video-flash'),
				body: {
					prompt: 'character1 dances',
					reference_urls: ['https://example.com/a.png', 'https://example.com/b.jpg'],
					size: '1920*1080',
					duration: 5,
					shot_type: 'single',
					enable_audio: false,
				},
			},
			1,
		],
		[
			'wan2.7 reference to video: a clip in videos and the image in image',
			{ mode: 'referenceToVideo', model: 'wan2.7', prompt: 'Video 1 walks into the scene', referenceUrls: `https://example.com/face.png\n${CLIP}`, resolution: '1080p', duration: 8, options: { negativePrompt: 'text' } },
			{
				path: route('alibaba/wan-2.7/reference-to-video'),
				body: { prompt: 'Video 1 walks into the scene', negative_prompt: 'text', videos: [CLIP], image: 'https://example.com/face.png', resolution: '1080p', duration: 8 },
			},
			1,
			expectUsage,
		],
	]);

	it('gives the webhook as a query parameter of the submit, and still waits for the result', async () => {
		const result = await run('video', {
			mode: 'textToVideo',
			model: 'wan2.6',
			prompt: 'A cat',
			resolution: '720p',
			aspectRatio: '16:9',
			duration: 5,
			options: { callbackUrl: 'https://hooks.example.com/wan?run=1' },
		});
		expect(result.status).toBe('success');
		const [submit] = sim.requests.filter((request) => request.route === 'submit');
		expect(new URL(submit.path, sim.origin).searchParams.get('webhook')).toBe('https://hooks.example.com/wan?run=1');
		expect(submitted().body).toStrictEqual({ prompt: 'A cat', size: '1280*720', duration: 5 });
	});

	it("fails a failed prediction with WaveSpeed's own words and the task id", async () => {
		sim.setBehaviour(() => ({ durationMs: 100, outcome: 'failure', failure: { code: '', message: 'Input image violates the content policy' } }));
		const result = await run('video', { mode: 'textToVideo', model: 'wan2.6', prompt: 'A cat', resolution: '720p', aspectRatio: '16:9', duration: 5 });
		expect(result.status).toBe('error');
		const error = result.nodeError(NODE_NAME)!;
		expect(error.message).toMatch(/Input image violates the content policy/);
		expect(JSON.stringify(error)).toContain(sim.tasks[0].id);
	});

	it('asks WaveSpeed to cancel nothing when the run is stopped: it documents no cancel route', async () => {
		sim.setBehaviour(() => ({ durationMs: 60_000, outcome: 'never' }));
		const started = startWan({
			sim,
			provider: 'wavespeed',
			kind: 'video',
			parameters: { mode: 'textToVideo', model: 'wan2.6', prompt: 'A cat', resolution: '720p', aspectRatio: '16:9', duration: 5, returnAs: 'url', options: { pollInterval: 0.1 } },
		});
		await until(() => sim.requests.some((request) => request.route === 'status'));
		started.cancel();
		await started.result;
		expect(sim.requests.filter((request) => request.route === 'cancel')).toHaveLength(0);
		expect(sim.tasks[0].canceled).toBe(false);
	});
});

describe('WaveSpeed images', () => {
	itSubmits('image', [
		[
			'wan2.6 text to image: size, n, prompt_extend, watermark, one item per image, usage',
			{ mode: 'textToImage', model: 'wan2.6', prompt: 'A lighthouse at sunset', numberOfImages: 3, options: { size: '1280x1024', promptExtend: false, watermark: true } },
			{
				path: route('alibaba/wan-2.6/text-to-image'),
				body: { prompt: 'A lighthouse at sunset', size: '1280*1024', n: 3, prompt_extend: false, watermark: true },
			},
			3,
			expectUsage,
		],
	]);
});

describe('WaveSpeed bad input makes no request', () => {
	it.each([
		['a 4:3 video (no size preset)', { mode: 'textToVideo', model: 'wan2.6', prompt: 'A cat', resolution: '720p', aspectRatio: '4:3', duration: 5 }, /Aspect Ratio/],
		['an image among wan2.6 reference clips', { mode: 'referenceToVideo', model: 'wan2.6', prompt: 'character1', referenceUrls: 'https://example.com/a.png', resolution: '720p', aspectRatio: '16:9', duration: 5 }, /Reference URLs/],
		['wan2.7 references without a clip', { mode: 'referenceToVideo', model: 'wan2.7', prompt: 'Image 1', referenceUrls: 'https://example.com/a.png', resolution: '720p', duration: 5 }, /at least 1 video/],
	] as const)('%s', async (_name, parameters, message) => {
		const result = await run('video', parameters);
		expect(result.status).toBe('error');
		expect(result.nodeError(NODE_NAME)!.message).toMatch(message);
		expect(sim.requests).toEqual([]);
	});
});
