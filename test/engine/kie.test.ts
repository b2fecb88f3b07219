/**
 * Kie.ai through the real engine, for every Kie model id the provider-neutral scenarios do not cover (they
 * run wan2.5 text/image to video and Wan 2.7 Pro text to image): the exact createTask body the simulator got
 * (which checks each field against the model's page), one status route for every model, Get Task from a
 * handle, no usage where Kie reports none, and what Kie refuses coming back in Kie's words.
 */
import type { Simulator } from '../simulator';
import { NODE_NAME, providerSuite } from './support';

let sim: Simulator;
const { run, submitted, statusPaths, itSubmits } = providerSuite('kie', (started) => (sim = started));

const SUBMIT = '/kie/api/v1/jobs/createTask';
const FIRST = 'https://example.com/first.png';
const LAST = 'https://example.com/last.png';
const CLIP = 'https://example.com/clip.mp4';
const CALLBACK = 'https://your-server.com/webhooks/kie';

describe('Kie.ai video models beyond the neutral scenarios', () => {
	itSubmits('video', [
		[
			'wan2.2 text to video (wan/2-2-a14b-text-to-video-turbo), polled on recordInfo by task id alone',
			{ mode: 'textToVideo', model: 'wan2.2', prompt: 'A paper boat on a river', resolution: '480p', aspectRatio: '16:9', duration: 5, options: { promptExtend: true } },
			{ path: SUBMIT, body: { model: 'wan/2-2-a14b-text-to-video-turbo', input: { prompt: 'A paper boat on a river', resolution: '480p', aspect_ratio: '16:9', enable_prompt_expansion: true } } },
			1,
			(result) => {
				const taskId = sim.tasks[0].id;
				expect(statusPaths().every((path) => path === `/kie/api/v1/jobs/recordInfo?taskId=${taskId}`)).toBe(true);
				const [item] = result.output(NODE_NAME);
				expect(item.json).toMatchObject({ provider: 'kie', model: 'wan/2-2-a14b-text-to-video-turbo', taskId, status: 'succeeded' });
				expect(item.json.urls).toEqual([`${sim.origin}/files/${taskId}/0.mp4`]);
				// Kie's status answer reports no cost.
				expect(item.json).not.toHaveProperty('usage');
			},
		],
		[
			'wan2.2 image to video (image_url)',
			{ mode: 'imageToVideo', model: 'wan2.2', prompt: 'The boat drifts', imageUrl: FIRST, resolution: '720p', duration: 5 },
			{ path: SUBMIT, body: { model: 'wan/2-2-a14b-image-to-video-turbo', input: { prompt: 'The boat drifts', image_url: FIRST, resolution: '720p' } } },
			1,
		],
		[
			'wan2.6 image to video (image_urls, duration "10") with a callback URL at the top level',
			{ mode: 'imageToVideo', model: 'wan2.6', prompt: 'The cat dances', imageUrl: FIRST, resolution: '1080p', duration: 10, options: { callbackUrl: CALLBACK } },
			{ path: SUBMIT, body: { model: 'wan/2-6-image-to-video', callBackUrl: CALLBACK, input: { prompt: 'The cat dances', image_urls: [FIRST], duration: '10', resolution: '1080p' } } },
			1,
		],
		[
			'wan2.6 reference to video (wan/2-6-video-to-video, video_urls)',
			{ mode: 'referenceToVideo', model: 'wan2.6', prompt: 'The dancer drinks tea', referenceUrls: `${CLIP}\nhttps://example.com/two.mp4`, resolution: '720p', duration: 5 },
			{ path: SUBMIT, body: { model: 'wan/2-6-video-to-video', input: { prompt: 'The dancer drinks tea', video_urls: [CLIP, 'https://example.com/two.mp4'], duration: '5', resolution: '720p' } } },
			1,
		],
		[
			'wan2.6-flash image to video (audio false unless asked)',
			{ mode: 'imageToVideo', model: 'wan2.6-flash', prompt: 'Waves roll in', imageUrl: FIRST, resolution: '720p', duration: 15, options: { shotType: 'single' } },
			{ path: SUBMIT, body: { model: 'wan/2-6-flash-image-to-video', input: { prompt: 'Waves roll in', image_urls: [FIRST], duration: '15', resolution: '720p', audio: false, multi_shots: false } } },
			1,
		],
		[
			'wan2.6-flash reference to video with sound',
			{ mode: 'referenceToVideo', model: 'wan2.6-flash', prompt: 'The dancer sings', referenceUrls: CLIP, resolution: '1080p', duration: 10, options: { generateAudio: true } },
			{ path: SUBMIT, body: { model: 'wan/2-6-flash-video-to-video', input: { prompt: 'The dancer sings', video_urls: [CLIP], duration: '10', resolution: '1080p', audio: true } } },
			1,
		],
		[
			'wan2.7 text to video (ratio, audio_url)',
			{ mode: 'textToVideo', model: 'wan2.7', prompt: 'A neon street', resolution: '720p', aspectRatio: '3:4', duration: 12, options: { audioUrl: 'https://example.com/track.mp3', watermark: true } },
			{ path: SUBMIT, body: { model: 'wan/2-7-text-to-video', input: { prompt: 'A neon street', audio_url: 'https://example.com/track.mp3', resolution: '720p', ratio: '3:4', duration: 12, watermark: true } } },
			1,
		],
		[
			'wan2.7 first and last frame to video',
			{ mode: 'firstLastFrameToVideo', model: 'wan2.7', prompt: 'From dawn to dusk', imageUrl: FIRST, lastFrameUrl: LAST, resolution: '1080p', duration: 6 },
			{ path: SUBMIT, body: { model: 'wan/2-7-image-to-video', input: { prompt: 'From dawn to dusk', first_frame_url: FIRST, last_frame_url: LAST, resolution: '1080p', duration: 6 } } },
			1,
		],
		[
			'wan2.7 extend video (first_clip_url)',
			{ mode: 'extendVideo', model: 'wan2.7', prompt: 'The chase goes on', videoUrl: CLIP, resolution: '720p', duration: 8 },
			{ path: SUBMIT, body: { model: 'wan/2-7-image-to-video', input: { prompt: 'The chase goes on', first_clip_url: CLIP, resolution: '720p', duration: 8 } } },
			1,
		],
		[
			'wan2.7 reference to video: images and a video split by type, one voice',
			{
				mode: 'referenceToVideo',
				model: 'wan2.7',
				prompt: 'Image 1 sings beside Video 1',
				referenceUrls: `https://example.com/singer.png, ${CLIP}`,
				resolution: '720p',
				aspectRatio: '1:1',
				duration: 10,
				options: { referenceVoiceUrls: 'https://example.com/voice.mp3' },
			},
			{
				path: SUBMIT,
				body: {
					model: 'wan/2-7-r2v',
					input: { prompt: 'Image 1 sings beside Video 1', reference_image: ['https://example.com/singer.png'], reference_video: [CLIP], reference_voice: 'https://example.com/voice.mp3', resolution: '720p', aspect_ratio: '1:1', duration: 10 },
				},
			},
			1,
		],
		[
			'wan2.7 edit video: one reference image, the source’s length',
			{ mode: 'editVideo', model: 'wan2.7', prompt: 'Give him the hat', videoUrl: CLIP, referenceUrls: 'https://example.com/hat.png', resolution: '1080p', duration: 0 },
			{ path: SUBMIT, body: { model: 'wan/2-7-videoedit', input: { prompt: 'Give him the hat', video_url: CLIP, reference_image: 'https://example.com/hat.png', resolution: '1080p', duration: 0 } } },
			1,
		],
		[
			'wan3.0 text to video (resolution in capitals)',
			{ mode: 'textToVideo', model: 'wan3.0', prompt: 'A kitten on a roof', resolution: '1080p', aspectRatio: '16:9', duration: 20, options: { seed: 42 } },
			{ path: SUBMIT, body: { model: 'wan/3-0-video', input: { prompt: 'A kitten on a roof', resolution: '1080P', aspect_ratio: '16:9', duration: 20, seed: 42 } } },
			1,
		],
		[
			'wan3.0 image to video, no prompt (the ratio follows the frame)',
			{ mode: 'imageToVideo', model: 'wan3.0', imageUrl: FIRST, resolution: '720p', duration: 5 },
			{ path: SUBMIT, body: { model: 'wan/3-0-video', input: { first_frame_url: FIRST, resolution: '720P', duration: 5 } } },
			1,
		],
		[
			'wan3.0-prime first and last frame to video (wan/3-0-video-prime)',
			{ mode: 'firstLastFrameToVideo', model: 'wan3.0-prime', prompt: 'From a smile to a laugh', imageUrl: FIRST, lastFrameUrl: LAST, resolution: '1080p', duration: 8, options: { seed: 12345, generateAudio: true } },
			{ path: SUBMIT, body: { model: 'wan/3-0-video-prime', input: { prompt: 'From a smile to a laugh', first_frame_url: FIRST, last_frame_url: LAST, resolution: '1080P', duration: 8, audio: true, seed: 12345 } } },
			1,
		],
		[
			'wan3.0 reference to video with an audio reference',
			{ mode: 'referenceToVideo', model: 'wan3.0', prompt: 'Video1 passes Image1', referenceUrls: `https://example.com/mug.png\n${CLIP}`, resolution: '480p', aspectRatio: '9:16', duration: 5, options: { audioUrl: 'https://example.com/voice.mp3', generateAudio: true } },
			{
				path: SUBMIT,
				body: {
					model: 'wan/3-0-video',
					input: { prompt: 'Video1 passes Image1', reference_image_urls: ['https://example.com/mug.png'], reference_video_urls: [CLIP], reference_audio_urls: ['https://example.com/voice.mp3'], resolution: '480P', aspect_ratio: '9:16', duration: 5, audio: true },
				},
			},
			1,
		],
	]);

	it('Get Task works from the handle alone: one status route for every model', async () => {
		sim.setBehaviour(() => ({ durationMs: 300, outcome: 'success' }));
		const first = await run('video', { mode: 'extendVideo', model: 'wan2.7', prompt: 'Go on', videoUrl: CLIP, resolution: '720p', duration: 5, waitForCompletion: false });
		expect(first.status).toBe('success');
		const [handle] = first.output(NODE_NAME);
		expect(handle.json).toMatchObject({ provider: 'kie', model: 'wan/2-7-image-to-video', status: 'queued' });
		const fetched = await run('video', { operation: 'getTask', mode: 'textToVideo', model: 'wan2.5', taskId: '={{ $json.taskId }}' }, { items: [handle.json] });
		expect(fetched.status).toBe('success');
		expect(fetched.output(NODE_NAME)[0].json).toMatchObject({ taskId: handle.json.taskId, status: 'succeeded' });
		expect(statusPaths().every((path) => path === `/kie/api/v1/jobs/recordInfo?taskId=${String(handle.json.taskId)}`)).toBe(true);
	});

	it('a field the model’s page does not list comes back as Kie’s 422, in its words, and no task is made', async () => {
		const result = await run('video', { mode: 'textToVideo', model: 'wan2.6', prompt: 'A cat', resolution: '720p', duration: 5, options: { extraParameters: '{"input": {"negative_prompt": "blur"}}' } });
		expect(result.status).toBe('error');
		expect(result.nodeError(NODE_NAME)!.message).toMatch(/Validation Error - The request parameters failed validation checks: input\.negative_prompt is not a parameter of this model/);
		expect(sim.tasks).toHaveLength(0);
	});
});

describe('Kie.ai images', () => {
	itSubmits('image', [
		[
			'wan2.7-pro image to image: input_urls, n, two files',
			{ mode: 'imageToImage', model: 'wan2.7-pro', prompt: 'Swap the chili for peppers', imageUrls: 'https://example.com/bowl.jpg', numberOfImages: 2 },
			{ path: SUBMIT, body: { model: 'wan/2-7-image-pro', input: { prompt: 'Swap the chili for peppers', input_urls: ['https://example.com/bowl.jpg'], n: 2 } } },
			2,
		],
		[
			'wan2.7-pro text to image at 4K (Size 4096x4096)',
			{ mode: 'textToImage', model: 'wan2.7-pro', prompt: 'A poster', aspectRatio: '16:9', numberOfImages: 1, options: { size: '4096x4096' } },
			{ path: SUBMIT, body: { model: 'wan/2-7-image-pro', input: { prompt: 'A poster', n: 1, resolution: '4K' } } },
			1,
		],
	]);

	it('an image set sends enable_sequential and makes as many files as asked', async () => {
		const result = await run('image', { mode: 'textToImage', model: 'wan2.7-pro', prompt: 'A comic strip', aspectRatio: '1:1', numberOfImages: 6, options: { imageSet: true } });
		expect(result.status).toBe('success');
		expect(submitted().body).toStrictEqual({ model: 'wan/2-7-image-pro', input: { prompt: 'A comic strip', aspect_ratio: '1:1', enable_sequential: true, n: 6 } });
		expect(result.output(NODE_NAME)).toHaveLength(6);
	});
});
