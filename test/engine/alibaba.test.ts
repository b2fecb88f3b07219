/**
 * Alibaba Cloud Model Studio through the real engine, for every catalogue mode and model the
 * provider-neutral scenarios do not cover (they run wan2.5 text/image to video and wan2.5 text to image),
 * asserting the body the simulator got; plus the legacy image protocol's partial failures, cancel on
 * stop while the task is queued, an expired task id, and the credential test. Wan 2.7, Wan 3.0 (on a
 * workspace only) and the first-and-last-frame models: the exact body per mode, DashScope's usage in each
 * item, and input the node or DashScope refuses, refused with no request (or, at the simulator, no task).
 */
import {
	Workflow,
	type ICredentialDataDecryptedObject,
	type INode,
	type INodeParameters,
} from 'n8n-workflow';

import { AlibabaModelStudioApi } from '../../credentials/AlibabaModelStudioApi.credentials';
import { alibaba } from '../../nodes/shared/providers/alibaba/adapter';
import { HarnessCredentialsHelper, HarnessNodeTypes, runWorkflow, singleNodeWorkflow, WAN_VIDEO_NODE_TYPE } from '../harness';
import type { Simulator } from '../simulator';
import { NODE_NAME, providerSuite, startWan, until } from './support';

const VIDEO_PATH = '/alibaba/api/v1/services/aigc/video-generation/video-synthesis';
const MESSAGES_PATH = '/alibaba/api/v1/services/aigc/image-generation/generation';
const FRAMES_PATH = '/alibaba/api/v1/services/aigc/image2video/video-synthesis';
const FRAME = 'https://example.com/first.png';
const LAST = 'https://example.com/last.png';
const CLIP = 'https://example.com/clip.mp4';
const VOICE = 'https://example.com/voice.mp3';

let sim: Simulator;
const { run, itSubmits } = providerSuite('alibaba', (started) => (sim = started));

describe('Alibaba video modes and models beyond the neutral scenarios', () => {
	itSubmits('video', [
		[
			'wan2.6 reference to video: reference_urls and a W*H size',
			{ mode: 'referenceToVideo', model: 'wan2.6', prompt: 'character1 waves at character2', referenceUrls: 'https://example.com/ref1.mp4\nhttps://example.com/ref2.png', resolution: '1080p', aspectRatio: '1:1', duration: 10, options: { shotType: 'multi', negativePrompt: 'blurry' } },
			{
				path: VIDEO_PATH,
				body: {
					model: 'wan2.6-r2v',
					input: { prompt: 'character1 waves at character2', negative_prompt: 'blurry', reference_urls: ['https://example.com/ref1.mp4', 'https://example.com/ref2.png'] },
					parameters: { size: '1440*1440', duration: 10, shot_type: 'multi' },
				},
			},
			1,
			(result) => {
				const [item] = result.output(NODE_NAME);
				expect(item.json).toMatchObject({ provider: 'alibaba', model: 'wan2.6-r2v', status: 'succeeded' });
				expect(item.json.url).toMatch(/\/files\/.+\.mp4$/);
			},
		],
		[
			'wan2.6-flash reference to video with Generate Audio off',
			{ mode: 'referenceToVideo', model: 'wan2.6-flash', prompt: 'character1 dances', referenceUrls: 'https://example.com/ref1.png', resolution: '720p', aspectRatio: '9:16', duration: 2, options: { generateAudio: false } },
			{ path: VIDEO_PATH, body: { model: 'wan2.6-r2v-flash', input: { prompt: 'character1 dances', reference_urls: ['https://example.com/ref1.png'] }, parameters: { size: '720*1280', duration: 2, audio: false } } },
			1,
		],
		[
			'wan2.2 text to video',
			{ mode: 'textToVideo', model: 'wan2.2', prompt: 'Rain', resolution: '480p', aspectRatio: '9:16', duration: 5 },
			{ path: VIDEO_PATH, body: { model: 'wan2.2-t2v-plus', input: { prompt: 'Rain' }, parameters: { size: '480*832', duration: 5 } } },
			1,
		],
		[
			'wan2.6 text to video',
			{ mode: 'textToVideo', model: 'wan2.6', prompt: 'A chase', resolution: '720p', aspectRatio: '4:3', duration: 12, options: { audioUrl: 'https://example.com/track.mp3', seed: 42 } },
			{ path: VIDEO_PATH, body: { model: 'wan2.6-t2v', input: { prompt: 'A chase', audio_url: 'https://example.com/track.mp3' }, parameters: { size: '1088*832', duration: 12, seed: 42 } } },
			1,
		],
		[
			'wan2.2 image to video without a prompt',
			{ mode: 'imageToVideo', model: 'wan2.2', prompt: '', imageUrl: 'https://example.com/a.png', resolution: '1080p', duration: 5 },
			{ path: VIDEO_PATH, body: { model: 'wan2.2-i2v-plus', input: { img_url: 'https://example.com/a.png' }, parameters: { resolution: '1080P', duration: 5 } } },
			1,
		],
		[
			'wan2.6 image to video',
			{ mode: 'imageToVideo', model: 'wan2.6', prompt: 'Waves', imageUrl: 'https://example.com/beach.jpg', resolution: '1080p', duration: 15, options: { watermark: true, promptExtend: false } },
			{ path: VIDEO_PATH, body: { model: 'wan2.6-i2v', input: { prompt: 'Waves', img_url: 'https://example.com/beach.jpg' }, parameters: { resolution: '1080P', duration: 15, prompt_extend: false, watermark: true } } },
			1,
		],
		[
			'wan2.6-flash image to video',
			{ mode: 'imageToVideo', model: 'wan2.6-flash', prompt: 'Waves', imageUrl: 'https://example.com/beach.jpg', resolution: '720p', duration: 3, options: { generateAudio: true, shotType: 'single' } },
			{ path: VIDEO_PATH, body: { model: 'wan2.6-i2v-flash', input: { prompt: 'Waves', img_url: 'https://example.com/beach.jpg' }, parameters: { resolution: '720P', duration: 3, shot_type: 'single', audio: true } } },
			1,
		],
	]);
});

describe('Alibaba image modes and models beyond the neutral scenarios', () => {
	itSubmits('image', [
		[
			'wan2.5 image to image on the legacy protocol: input.images, n always sent',
			{ mode: 'imageToImage', model: 'wan2.5', prompt: 'Put the hat on the cat', imageUrls: 'https://example.com/cat.png, https://example.com/hat.png', numberOfImages: 2, options: { seed: 5 } },
			{
				path: '/alibaba/api/v1/services/aigc/image2image/image-synthesis',
				body: { model: 'wan2.5-i2i-preview', input: { prompt: 'Put the hat on the cat', images: ['https://example.com/cat.png', 'https://example.com/hat.png'] }, parameters: { n: 2, seed: 5 } },
			},
			2,
			(result) => expect(result.output(NODE_NAME).map((item) => item.json.index)).toEqual([0, 1]),
		],
		[
			'wan2.6 text to image on the messages protocol: three images, three items',
			{ mode: 'textToImage', model: 'wan2.6', prompt: 'A lighthouse at sunset', aspectRatio: '16:9', numberOfImages: 3, options: { negativePrompt: 'text, watermark' } },
			{
				path: MESSAGES_PATH,
				body: {
					model: 'wan2.6-t2i',
					input: { messages: [{ role: 'user', content: [{ text: 'A lighthouse at sunset' }] }] },
					parameters: { negative_prompt: 'text, watermark', size: '1696*960', n: 3 },
				},
			},
			3,
			(result) => expect(new Set(result.output(NODE_NAME).map((item) => item.json.url)).size).toBe(3),
		],
		[
			'wan2.6 image to image on the messages protocol: text first, then each image',
			{ mode: 'imageToImage', model: 'wan2.6', prompt: 'Style of image 1, background of image 2', imageUrls: 'https://example.com/1.png\nhttps://example.com/2.png', numberOfImages: 1, options: { size: '1280x720', promptExtend: false } },
			{
				path: MESSAGES_PATH,
				body: {
					model: 'wan2.6-image',
					input: {
						messages: [{ role: 'user', content: [{ text: 'Style of image 1, background of image 2' }, { image: 'https://example.com/1.png' }, { image: 'https://example.com/2.png' }] }],
					},
					parameters: { size: '1280*720', n: 1, prompt_extend: false },
				},
			},
			1,
		],
	]);

	it('a partially failed image task delivers the images that worked and names the one that did not', async () => {
		sim.setBehaviour(() => ({ durationMs: 150, outcome: 'success', failedResults: [1] }));
		const result = await run('image', { mode: 'textToImage', model: 'wan2.5', prompt: 'Three cats', numberOfImages: 3 });
		expect(result.status).toBe('success');
		const items = result.output(NODE_NAME);
		expect(items).toHaveLength(2);
		for (const item of items) {
			expect(item.json.partialFailures).toEqual(['image 2: DataInspectionFailed: Output data may contain inappropriate content.']);
			expect(item.json.urls).toHaveLength(2);
		}
		expect(items.map((item) => item.json.url)).toEqual([
			expect.stringMatching(/\/0\.png$/),
			expect.stringMatching(/\/2\.png$/),
		]);
	});

	it('an image task where every image failed fails the node with the provider code', async () => {
		sim.setBehaviour(() => ({ durationMs: 150, outcome: 'success', failedResults: [0, 1] }));
		const result = await run('image', { mode: 'textToImage', model: 'wan2.5', prompt: 'Two cats', numberOfImages: 2 });
		expect(result.status).toBe('error');
		const message = result.nodeError(NODE_NAME)!.message;
		expect(message).toContain(sim.tasks[0].id);
		expect(message).toMatch(/Output data may contain inappropriate content\..*DataInspectionFailed/);
	});
});

/** Two references, each with its own voice, told apart by type (the video first), then the first frame. */
const VOICED_REFERENCES = [
	{ type: 'reference_video', url: 'https://example.com/guest.mov', reference_voice: 'https://example.com/guest.wav' },
	{ type: 'reference_image', url: 'https://example.com/host.webp', reference_voice: 'https://example.com/host.mp3' },
	{ type: 'first_frame', url: FRAME },
];

/** The first (only) output item's usage. */
function usageOf(result: { output(name: string): Array<{ json: Record<string, unknown> }> }): unknown {
	return result.output(NODE_NAME)[0].json.usage;
}

describe('Alibaba Wan 2.7 video on the input.media[] protocol', () => {
	itSubmits('video', [
		[
			'wan2.7 text to video: input.audio_url, ratio; usage in the item as DashScope names it',
			{ mode: 'textToVideo', model: 'wan2.7', prompt: 'A cat', resolution: '1080p', aspectRatio: '9:16', duration: 12, options: { audioUrl: VOICE, seed: 0, promptExtend: false } },
			{ path: VIDEO_PATH, body: { model: 'wan2.7-t2v', input: { prompt: 'A cat', audio_url: VOICE }, parameters: { resolution: '1080P', ratio: '9:16', duration: 12, prompt_extend: false, seed: 0 } } },
			1,
			(result) => {
				expect(result.output(NODE_NAME)[0].json).toMatchObject({ model: 'wan2.7-t2v', status: 'succeeded' });
				expect(usageOf(result)).toStrictEqual({ duration: 12, input_video_duration: 0, output_video_duration: 12, video_count: 1, SR: 1080 });
			},
		],
		[
			'wan2.7 image to video: first_frame and driving_audio',
			{ mode: 'imageToVideo', model: 'wan2.7', prompt: 'She sings', imageUrl: FRAME, resolution: '720p', duration: 5, options: { audioUrl: VOICE } },
			{ path: VIDEO_PATH, body: { model: 'wan2.7-i2v', input: { prompt: 'She sings', media: [{ type: 'first_frame', url: FRAME }, { type: 'driving_audio', url: VOICE }] }, parameters: { resolution: '720P', duration: 5 } } },
			1,
		],
		[
			'wan2.7 first and last frame: first_frame, last_frame',
			{ mode: 'firstLastFrameToVideo', model: 'wan2.7', prompt: 'The door opens', imageUrl: FRAME, lastFrameUrl: LAST, resolution: '1080p', duration: 8 },
			{ path: VIDEO_PATH, body: { model: 'wan2.7-i2v', input: { prompt: 'The door opens', media: [{ type: 'first_frame', url: FRAME }, { type: 'last_frame', url: LAST }] }, parameters: { resolution: '1080P', duration: 8 } } },
			1,
		],
		[
			'wan2.7 extend video: first_clip then last_frame; the input clip counted in usage',
			{ mode: 'extendVideo', model: 'wan2.7', prompt: 'It goes on', videoUrl: CLIP, lastFrameUrl: LAST, resolution: '720p', duration: 10 },
			{ path: VIDEO_PATH, body: { model: 'wan2.7-i2v', input: { prompt: 'It goes on', media: [{ type: 'first_clip', url: CLIP }, { type: 'last_frame', url: LAST }] }, parameters: { resolution: '720P', duration: 10 } } },
			1,
			(result) => expect(usageOf(result)).toStrictEqual({ duration: 10, input_video_duration: 5, output_video_duration: 10, video_count: 1, SR: 720 }),
		],
		[
			'wan2.7 reference to video: typed references with their voices, then the first frame',
			{
				mode: 'referenceToVideo',
				model: 'wan2.7',
				prompt: 'Video 1 greets Image 1',
				referenceUrls: 'https://example.com/guest.mov\nhttps://example.com/host.webp',
				imageUrl: FRAME,
				resolution: '720p',
				aspectRatio: '16:9',
				duration: 10,
				options: { referenceVoiceUrls: 'https://example.com/guest.wav, https://example.com/host.mp3' },
			},
			{
				path: VIDEO_PATH,
				body: {
					model: 'wan2.7-r2v',
					input: {
						prompt: 'Video 1 greets Image 1',
						media: VOICED_REFERENCES,
					},
					parameters: { resolution: '720P', ratio: '16:9', duration: 10 },
				},
			},
			1,
		],
		[
			'wan2.7 edit video: video and reference_image, audio_setting origin, duration 0',
			{ mode: 'editVideo', model: 'wan2.7', prompt: 'Make it snow', videoUrl: CLIP, referenceUrls: 'https://example.com/hat.png', resolution: '1080p', duration: 0, options: { keepSourceAudio: true, watermark: true } },
			{
				path: VIDEO_PATH,
				body: {
					model: 'wan2.7-videoedit',
					input: { prompt: 'Make it snow', media: [{ type: 'video', url: CLIP }, { type: 'reference_image', url: 'https://example.com/hat.png' }] },
					parameters: { resolution: '1080P', duration: 0, audio_setting: 'origin', watermark: true },
				},
			},
			1,
		],
		[
			'wan2.2-kf2v-flash on the image2video endpoint: first_frame_url and last_frame_url',
			{ mode: 'firstLastFrameToVideo', model: 'wan2.2-flash', prompt: 'A cat looks up', imageUrl: FRAME, lastFrameUrl: LAST, resolution: '480p', duration: 5, options: { promptExtend: true } },
			{ path: FRAMES_PATH, body: { model: 'wan2.2-kf2v-flash', input: { prompt: 'A cat looks up', first_frame_url: FRAME, last_frame_url: LAST }, parameters: { resolution: '480P', duration: 5, prompt_extend: true } } },
			1,
			(result) => expect(usageOf(result)).toMatchObject({ duration: 5, video_count: 1, SR: 480 }),
		],
		[
			'wan2.1-kf2v-plus on the image2video endpoint at 720P',
			{ mode: 'firstLastFrameToVideo', model: 'wan2.1', prompt: '', imageUrl: FRAME, lastFrameUrl: LAST, resolution: '720p', duration: 5, options: { negativePrompt: 'blur' } },
			{ path: FRAMES_PATH, body: { model: 'wan2.1-kf2v-plus', input: { negative_prompt: 'blur', first_frame_url: FRAME, last_frame_url: LAST }, parameters: { resolution: '720P', duration: 5 } } },
			1,
		],
	]);
});

describe('Alibaba Wan 2.7 images', () => {
	itSubmits('image', [
		[
			'wan2.7 image set of three: enable_sequential, three items, each with the usage',
			{ mode: 'textToImage', model: 'wan2.7', prompt: 'One fox, three seasons', aspectRatio: '1:1', numberOfImages: 3, options: { imageSet: true } },
			{
				path: MESSAGES_PATH,
				body: { model: 'wan2.7-image', input: { messages: [{ role: 'user', content: [{ text: 'One fox, three seasons' }] }] }, parameters: { size: '1280*1280', n: 3, enable_sequential: true } },
			},
			3,
			(result) => {
				for (const item of result.output(NODE_NAME)) expect(item.json.usage).toMatchObject({ image_count: 3 });
			},
		],
		[
			'wan2.7-pro image to image: the text, then each image',
			{ mode: 'imageToImage', model: 'wan2.7-pro', prompt: 'Merge', imageUrls: 'https://example.com/1.png, https://example.com/2.png', numberOfImages: 1, options: { seed: 4 } },
			{
				path: MESSAGES_PATH,
				body: {
					model: 'wan2.7-image-pro',
					input: { messages: [{ role: 'user', content: [{ text: 'Merge' }, { image: 'https://example.com/1.png' }, { image: 'https://example.com/2.png' }] }] },
					parameters: { n: 1, seed: 4 },
				},
			},
			1,
		],
	]);
});

describe('Alibaba Wan 3.0: workspace domains only', () => {
	const wan30: INodeParameters = { mode: 'referenceToVideo', model: 'wan3.0', prompt: 'Image 1 meets Video 1', referenceUrls: 'https://example.com/a.png, https://example.com/b.mp4', resolution: '720p', aspectRatio: '1:1', duration: -1, options: { pollInterval: 0.1, audioUrl: VOICE } };

	async function runWith(credential: Record<string, string>, parameters: INodeParameters = wan30) {
		const workflow = singleNodeWorkflow({
			type: WAN_VIDEO_NODE_TYPE,
			name: NODE_NAME,
			parameters: { provider: 'alibaba', returnAs: 'url', ...parameters },
			credentials: { alibabaModelStudioApi: { id: '1', name: 'alibaba (simulator)' } },
		});
		return await runWorkflow(workflow, { credentials: { alibabaModelStudioApi: { apiKey: sim.apiKey, ...credential } } });
	}

	it('is refused with no request when the credential has no workspace, naming the credential and the fix', async () => {
		const result = await runWith({ region: 'intl', baseUrl: sim.baseUrl('alibaba') });
		expect(result.status).toBe('error');
		const message = result.nodeError(NODE_NAME)!.message;
		expect(message).toContain('Invalid Credential Workspace ID');
		expect(message).toContain(sim.baseUrl('alibaba'));
		expect(message).toMatch(/wan3\.0-video is served only on a Model Studio workspace domain.*Enter the Workspace ID/);
		expect(sim.requests).toHaveLength(0);
	});

	it('runs with a Workspace ID (the simulator standing in for the workspace domain): the exact body, usage in the item', async () => {
		const result = await runWith({ region: 'intl', workspaceId: 'llm-sim', baseUrl: sim.baseUrl('alibaba') });
		expect(result.status).toBe('success');
		const submits = sim.requests.filter((request) => request.route === 'submit');
		expect(submits.map((request) => request.path)).toEqual([VIDEO_PATH]);
		expect(sim.tasks[0].body).toStrictEqual({
			model: 'wan3.0-video',
			input: {
				prompt: 'Image 1 meets Video 1',
				media: [
					{ type: 'reference_image', url: 'https://example.com/a.png' },
					{ type: 'reference_video', url: 'https://example.com/b.mp4' },
					{ type: 'reference_audio', url: VOICE },
				],
			},
			parameters: { resolution: '720P', ratio: '1:1', duration: -1 },
		});
		expect(result.output(NODE_NAME)[0].json).toMatchObject({ model: 'wan3.0-video', status: 'succeeded' });
		expect(usageOf(result)).toStrictEqual({ duration: 5, input_video_duration: 5, output_video_duration: 5, video_count: 1, SR: 720 });
	});

	it('wan3.0-prime first and last frame runs on a Base URL that is a workspace domain form (here: the simulator with a Workspace ID)', async () => {
		const result = await runWith(
			{ region: 'de', workspaceId: 'llm-sim', baseUrl: sim.baseUrl('alibaba') },
			{ mode: 'firstLastFrameToVideo', model: 'wan3.0-prime', imageUrl: FRAME, lastFrameUrl: LAST, resolution: '480p', duration: 30, options: { pollInterval: 0.1, generateAudio: true } },
		);
		expect(result.status).toBe('success');
		expect(sim.tasks[0].body).toStrictEqual({
			model: 'wan3.0-video-prime',
			input: { media: [{ type: 'first_frame', url: FRAME }, { type: 'last_frame', url: LAST }] },
			parameters: { resolution: '480P', duration: 30, audio: true },
		});
	});

	it('a Frankfurt credential without a Workspace ID or Base URL is refused with no request, for any model', async () => {
		const result = await runWith({ region: 'de' }, { mode: 'textToVideo', model: 'wan2.7', prompt: 'x', resolution: '720p', aspectRatio: '16:9', duration: 5 });
		expect(result.status).toBe('error');
		expect(result.nodeError(NODE_NAME)!.message).toMatch(/Invalid Credential Workspace ID: empty\. Germany \(Frankfurt\) is served only on workspace domains/);
		expect(sim.requests).toHaveLength(0);
	});
});

describe('Alibaba bad input for the new models: refused with no request', () => {
	it.each<[string, INodeParameters, RegExp]>([
		['six references into wan2.7', { mode: 'referenceToVideo', model: 'wan2.7', prompt: 'x', referenceUrls: [1, 2, 3, 4, 5, 6].map((i) => `https://example.com/${i}.png`).join(','), resolution: '720p', aspectRatio: '16:9', duration: 5 }, /Reference URLs.*Expected 1–5 URLs, got 6/],
		['four reference videos into wan2.6', { mode: 'referenceToVideo', model: 'wan2.6', prompt: 'x', referenceUrls: [1, 2, 3, 4].map((i) => `https://example.com/${i}.mp4`).join(','), resolution: '720p', aspectRatio: '16:9', duration: 5 }, /Reference URLs.*At most 3 videos, got 4/],
		['two voices for one reference', { mode: 'referenceToVideo', model: 'wan2.7', prompt: 'x', referenceUrls: 'https://example.com/a.png', resolution: '720p', aspectRatio: '16:9', duration: 5, options: { referenceVoiceUrls: `${VOICE}, ${VOICE}` } }, /Reference Voice URLs.*at most 1 here/],
		['15 s with a reference video on wan2.7', { mode: 'referenceToVideo', model: 'wan2.7', prompt: 'x', referenceUrls: CLIP, resolution: '720p', aspectRatio: '16:9', duration: 15 }, /Duration.*with a reference video: 2–10 seconds/],
		['an edit without a source video', { mode: 'editVideo', model: 'wan2.7', prompt: 'x', resolution: '720p', duration: 0 }, /Video URL/],
		['1080p on wan2.1-kf2v-plus', { mode: 'firstLastFrameToVideo', model: 'wan2.1', imageUrl: FRAME, lastFrameUrl: LAST, resolution: '1080p', duration: 5 }, /Resolution.*720p/],
		['a first and last frame video without its last frame', { mode: 'firstLastFrameToVideo', model: 'wan2.7', imageUrl: FRAME, resolution: '720p', duration: 5 }, /Last Frame URL/],
		['31 s on wan3.0', { mode: 'textToVideo', model: 'wan3.0', prompt: 'x', resolution: '720p', aspectRatio: '16:9', duration: 31 }, /Duration.*-1 \(the model chooses\) or 2–30 seconds/],
	])('%s', async (_title, parameters, message) => {
		const result = await run('video', parameters);
		expect(result.status).toBe('error');
		expect(result.nodeError(NODE_NAME)!.message).toMatch(message);
		expect(sim.requests).toHaveLength(0);
	});

	it('13 images in a wan2.7 image set', async () => {
		const result = await run('image', { mode: 'textToImage', model: 'wan2.7', prompt: 'x', aspectRatio: '1:1', numberOfImages: 13, options: { imageSet: true } });
		expect(result.status).toBe('error');
		expect(result.nodeError(NODE_NAME)!.message).toMatch(/Number of Images.*as an image set: 1–12/);
		expect(sim.requests).toHaveLength(0);
	});
});

describe('Alibaba simulator refuses what DashScope refuses, creating no task', () => {
	async function create(path: string, body: object): Promise<{ status: number; body: { code?: string; message?: string } }> {
		const response = await fetch(`${sim.baseUrl('alibaba')}${path}`, {
			method: 'POST',
			headers: { Authorization: `Bearer ${sim.apiKey}`, 'Content-Type': 'application/json', 'X-DashScope-Async': 'enable' },
			body: JSON.stringify(body),
		});
		return { status: response.status, body: (await response.json()) as { code?: string; message?: string } };
	}
	const video = '/api/v1/services/aigc/video-generation/video-synthesis';
	const frames = '/api/v1/services/aigc/image2video/video-synthesis';
	const media = (...entries: Array<[string, string]>) => entries.map(([type, url]) => ({ type, url }));

	it.each<[string, string, object, RegExp]>([
		['a clip with driving audio on wan2.7-i2v', video, { model: 'wan2.7-i2v', input: { media: media(['first_clip', CLIP], ['driving_audio', VOICE]) }, parameters: {} }, /combination/],
		['a last frame alone on wan2.7-i2v', video, { model: 'wan2.7-i2v', input: { media: media(['last_frame', LAST]) }, parameters: {} }, /combination/],
		['a ratio on wan2.7-i2v', video, { model: 'wan2.7-i2v', input: { media: media(['first_frame', FRAME]) }, parameters: { ratio: '16:9' } }, /ratio/],
		['a reference type wan2.7-i2v does not take', video, { model: 'wan2.7-i2v', input: { media: media(['reference_image', FRAME]) }, parameters: {} }, /reference_image is not supported/],
		['six references on wan2.7-r2v', video, { model: 'wan2.7-r2v', input: { prompt: 'x', media: media(...Array.from({ length: 6 }, (): [string, string] => ['reference_image', FRAME])) }, parameters: {} }, /1 to 5 references, got 6/],
		['15 s with a reference video on wan2.7-r2v', video, { model: 'wan2.7-r2v', input: { prompt: 'x', media: media(['reference_video', CLIP]) }, parameters: { duration: 15 } }, /duration 15/],
		['an edit without its video', video, { model: 'wan2.7-videoedit', input: { prompt: 'x', media: media(['reference_image', FRAME]) }, parameters: {} }, /exactly one video/],
		['frames mixed with references on wan3.0', video, { model: 'wan3.0-video', input: { media: media(['first_frame', FRAME], ['reference_image', FRAME]) }, parameters: {} }, /cannot be mixed/],
		['prompt_extend on wan3.0', video, { model: 'wan3.0-video', input: { prompt: 'x' }, parameters: { prompt_extend: true } }, /prompt_extend/],
		['a negative prompt on wan3.0', video, { model: 'wan3.0-video', input: { prompt: 'x', negative_prompt: 'y' }, parameters: {} }, /negative_prompt/],
		['a kf2v model on the video-synthesis endpoint', video, { model: 'wan2.2-kf2v-flash', input: { first_frame_url: FRAME, last_frame_url: LAST }, parameters: {} }, /not served on/],
		['a kf2v task without its last frame', frames, { model: 'wan2.2-kf2v-flash', input: { first_frame_url: FRAME }, parameters: {} }, /last_frame_url is required/],
		['1080P on wan2.1-kf2v-plus', frames, { model: 'wan2.1-kf2v-plus', input: { first_frame_url: FRAME, last_frame_url: LAST }, parameters: { resolution: '1080P' } }, /resolution 1080P/],
		['a 4K image set on wan2.7-image-pro', '/api/v1/services/aigc/image-generation/generation', { model: 'wan2.7-image-pro', input: { messages: [{ role: 'user', content: [{ text: 'x' }] }] }, parameters: { size: '4096*4096', n: 2, enable_sequential: true } }, /size 4096\*4096 is too large/],
		['4K on wan2.7-image', '/api/v1/services/aigc/image-generation/generation', { model: 'wan2.7-image', input: { messages: [{ role: 'user', content: [{ text: 'x' }] }] }, parameters: { size: '4K' } }, /size 4K is too large/],
		['five images without an image set on wan2.7-image', '/api/v1/services/aigc/image-generation/generation', { model: 'wan2.7-image', input: { messages: [{ role: 'user', content: [{ text: 'x' }] }] }, parameters: { n: 5 } }, /n must be 1 to 4/],
		['four reference videos on wan2.6-r2v', video, { model: 'wan2.6-r2v', input: { prompt: 'x', reference_urls: [1, 2, 3, 4].map((i) => `https://example.com/${i}.mp4`) }, parameters: {} }, /at most 3 reference videos, got 4/],
	])('%s', async (_title, path, body, message) => {
		const answer = await create(path, body);
		expect(answer.status).toBe(400);
		expect(answer.body.code).toBe('InvalidParameter');
		expect(answer.body.message).toMatch(message);
		expect(sim.tasks).toHaveLength(0);
	});
});

describe('Alibaba task lifecycle', () => {
	const textToVideo = { mode: 'textToVideo', model: 'wan2.5', prompt: 'A cat playing the piano' };

	it('stopping the execution while the task is PENDING cancels it with exactly one request', async () => {
		// PENDING for the first tenth of the task's duration: 6 s.
		sim.setBehaviour(() => ({ durationMs: 60_000, outcome: 'success' }));
		const started = startWan({ sim, provider: 'alibaba', kind: 'video', parameters: { ...textToVideo, options: { pollInterval: 0.2 } } });
		// A second poll is sent only after the first answer (RUNNING) was read: the node knows it is running.
		await until(() => sim.requests.filter((request) => request.route === 'status' && request.status === 200).length >= 2);
		const canceledAt = performance.now();
		started.cancel();
		const result = await started.result;
		expect(result.status).toBe('canceled');
		await until(() => sim.requests.some((request) => request.route === 'cancel'));
		await new Promise((resolve) => setTimeout(resolve, 500));
		const after = sim.requests.filter((request) => request.at > canceledAt);
		expect(after).toHaveLength(1);
		expect(after[0]).toMatchObject({
			route: 'cancel',
			method: 'POST',
			status: 200,
			taskId: sim.tasks[0].id,
			path: `/alibaba/api/v1/tasks/${sim.tasks[0].id}/cancel`,
			authorization: 'ok',
		});
		expect(sim.tasks[0].canceled).toBe(true);
	});

	it('stopping the execution while the task is RUNNING sends no cancel (DashScope cancels only queued tasks)', async () => {
		sim.setBehaviour(() => ({ durationMs: 0, outcome: 'never' }));
		const started = startWan({ sim, provider: 'alibaba', kind: 'video', parameters: { ...textToVideo, options: { pollInterval: 0.2 } } });
		// A second poll is sent only after the first answer (RUNNING) was read: the node knows it is running.
		await until(() => sim.requests.filter((request) => request.route === 'status' && request.status === 200).length >= 2);
		const canceledAt = performance.now();
		started.cancel();
		expect((await started.result).status).toBe('canceled');
		await new Promise((resolve) => setTimeout(resolve, 500));
		expect(sim.requests.filter((request) => request.at > canceledAt)).toEqual([]);
		expect(sim.tasks[0].canceled).toBe(false);
	});

	it('Get Task on an expired or unknown id fails at the first poll, saying the task is gone', async () => {
		const result = await run('video', {
			operation: 'getTask',
			mode: 'textToVideo',
			model: 'wan2.5',
			taskId: '502a00b1-19d9-4839-a82f-xxxxxx',
			options: { timeout: 60 },
		});
		expect(result.status).toBe('error');
		const error = result.nodeError(NODE_NAME)!;
		expect(error.message).toContain('502a00b1-19d9-4839-a82f-xxxxxx');
		expect(error.message).toMatch(/failed: task not found or expired/);
		expect(sim.requests).toHaveLength(1);
		expect(sim.requests[0]).toMatchObject({ route: 'status', status: 200 });
	});
});

describe('Alibaba credential and protocol checks against the simulator', () => {
	const credential = new AlibabaModelStudioApi();
	const helper = new HarnessCredentialsHelper({}, { alibabaModelStudioApi: credential });
	const node: INode = {
		id: '1',
		name: NODE_NAME,
		type: 'n8n-nodes-wan.wanVideo',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	};
	const workflow = new Workflow({ id: 'w', nodes: [node], connections: {}, active: false, nodeTypes: new HarnessNodeTypes() });

	/** The test request's base URL, resolved by the harness helper with n8n's expression engine. */
	function testBaseUrl(credentials: ICredentialDataDecryptedObject): string {
		return String(helper['resolveValue'](credential.test.request.baseURL, credentials, workflow, node));
	}

	async function callCredentialTest(apiKey: string): Promise<{ status: number; body: unknown }> {
		const credentials = { apiKey, region: 'intl', baseUrl: sim.baseUrl('alibaba') };
		const headers = credential.test.request.headers as Record<string, string>;
		const authorization = String(helper['resolveValue'](headers.Authorization, credentials, workflow, node));
		const response = await fetch(`${testBaseUrl(credentials)}${credential.test.request.url}`, {
			method: credential.test.request.method,
			headers: { Authorization: authorization },
		});
		return { status: response.status, body: await response.json() };
	}

	it.each([
		['intl', 'https://dashscope-intl.aliyuncs.com'],
		['cn', 'https://dashscope.aliyuncs.com'],
		['us', 'https://dashscope-us.aliyuncs.com'],
	])('the test request goes to the %s region when no Base URL is set', (region, url) => {
		expect(testBaseUrl({ apiKey: 'k', region, baseUrl: '' })).toBe(url);
	});

	it.each<[string, Record<string, string>, string]>([
		['Singapore with a Workspace ID', { region: 'intl', workspaceId: 'llm-ws1' }, 'https://llm-ws1.ap-southeast-1.maas.aliyuncs.com'],
		['Beijing with a Workspace ID (spaces trimmed)', { region: 'cn', workspaceId: ' llm-ws1 ' }, 'https://llm-ws1.cn-beijing.maas.aliyuncs.com'],
		['Frankfurt with a Workspace ID', { region: 'de', workspaceId: 'llm-ws1' }, 'https://llm-ws1.eu-central-1.maas.aliyuncs.com'],
		['Hong Kong with a Workspace ID', { region: 'hk', workspaceId: 'llm-ws1' }, 'https://llm-ws1.cn-hongkong.maas.aliyuncs.com'],
		['Virginia with a Workspace ID', { region: 'us', workspaceId: 'llm-ws1' }, 'https://llm-ws1.us-east-1.maas.aliyuncs.com'],
		['Virginia without one', { region: 'us', workspaceId: '' }, 'https://dashscope-us.aliyuncs.com'],
		['Singapore with an empty Workspace ID', { region: 'intl', workspaceId: '' }, 'https://dashscope-intl.aliyuncs.com'],
		['Hong Kong without a Workspace ID (its shared domain)', { region: 'hk' }, 'https://cn-hongkong.dashscope.aliyuncs.com'],
		['a saved credential without a region', {}, 'https://dashscope-intl.aliyuncs.com'],
	])('the test request goes where the node does: %s', (_title, fields, url) => {
		const credentials = { apiKey: 'k', baseUrl: '', ...fields };
		expect(testBaseUrl(credentials)).toBe(url);
		expect(alibaba.baseUrl(credentials)).toBe(url);
	});

	it('the test request goes to the Base URL override when set', () => {
		expect(testBaseUrl({ apiKey: 'k', region: 'cn', baseUrl: 'https://ws-1.cn-beijing.maas.aliyuncs.com' })).toBe(
			'https://ws-1.cn-beijing.maas.aliyuncs.com',
		);
	});

	it('a right key passes the credential test (200, task UNKNOWN)', async () => {
		const { status, body } = await callCredentialTest(sim.apiKey);
		expect(status).toBe(200);
		expect(body).toMatchObject({ output: { task_id: 'credential-check', task_status: 'UNKNOWN' } });
	});

	it('a wrong key fails the credential test (401 InvalidApiKey)', async () => {
		const { status, body } = await callCredentialTest('sk-wrong');
		expect(status).toBe(401);
		expect(body).toMatchObject({ code: 'InvalidApiKey', message: 'Invalid API-key provided.' });
	});

	it('a create without X-DashScope-Async is refused with 403 AccessDenied and creates no task', async () => {
		const response = await fetch(`${sim.baseUrl('alibaba')}/api/v1/services/aigc/video-generation/video-synthesis`, {
			method: 'POST',
			headers: { Authorization: `Bearer ${sim.apiKey}`, 'Content-Type': 'application/json' },
			body: JSON.stringify({ model: 'wan2.5-t2v-preview', input: { prompt: 'x' }, parameters: {} }),
		});
		expect(response.status).toBe(403);
		expect(await response.json()).toMatchObject({
			code: 'AccessDenied',
			message: 'current user api does not support synchronous calls',
		});
		expect(sim.tasks).toHaveLength(0);
	});
});
