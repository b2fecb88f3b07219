/**
 * EvoLink's Wan 2.7 through the real engine (the provider-neutral scenarios run wan2.5): the exact body
 * sent per mode, EvoLink's `usage` in every output item, bad input refused before any request, and the
 * simulator refusing what EvoLink's pages refuse (a 400 naming the field).
 */
import type { INodeParameters } from 'n8n-workflow';

import type { Simulator } from '../simulator';
import { NODE_NAME, providerSuite } from './support';

const VIDEOS = '/evolink/v1/videos/generations';
/** The documented submit answer's usage, which the simulator answers for every task. */
const USAGE = { billing_rule: 'per_call', credits_reserved: 5, user_group: 'default' };

let sim: Simulator;
const { run, itSubmits, statusPaths } = providerSuite('evolink', (started) => (sim = started));

describe('EvoLink Wan 2.7 modes', () => {
	itSubmits('video', [
		[
			'text to video: driving audio as audio_urls, negative prompt, seed; usage from the submit in the output',
			{ mode: 'textToVideo', model: 'wan2.7', prompt: 'A small kitten running under the moonlight', resolution: '1080p', aspectRatio: '9:16', duration: 15, options: { audioUrl: 'https://example.com/audio.mp3', negativePrompt: 'Blurry, low quality', seed: 42, promptExtend: true } },
			{
				path: VIDEOS,
				body: {
					model: 'wan2.7-text-to-video',
					prompt: 'A small kitten running under the moonlight',
					negative_prompt: 'Blurry, low quality',
					aspect_ratio: '9:16',
					quality: '1080p',
					duration: 15,
					audio_urls: ['https://example.com/audio.mp3'],
					seed: 42,
					prompt_extend: true,
				},
			},
			1,
			(result) => {
				// The task was polled (the query answer has no usage): the submit's usage is what the item carries.
				expect(statusPaths().length).toBeGreaterThan(0);
				const [item] = result.output(NODE_NAME);
				expect(item.json).toMatchObject({ provider: 'evolink', model: 'wan2.7-text-to-video', taskId: sim.tasks[0].id, status: 'succeeded' });
				expect(item.json.usage).toStrictEqual(USAGE);
			},
		],
		[
			'image to video: generation_mode first_frame, image_start',
			{ mode: 'imageToVideo', model: 'wan2.7', prompt: 'A cat playing piano', imageUrl: 'https://example.com/first_frame.jpg', resolution: '720p', duration: 5 },
			{ path: VIDEOS, body: { model: 'wan2.7-image-to-video', generation_mode: 'first_frame', prompt: 'A cat playing piano', quality: '720p', duration: 5, image_start: 'https://example.com/first_frame.jpg' } },
			1,
			(result) => expect(result.output(NODE_NAME)[0].json.usage).toStrictEqual(USAGE),
		],
		[
			'first and last frame: first_last_frame, image_start, image_end and driving audio',
			{ mode: 'firstLastFrameToVideo', model: 'wan2.7', prompt: 'The bud opens into a flower', imageUrl: 'https://example.com/bud.png', lastFrameUrl: 'https://example.com/bloom.png', resolution: '1080p', duration: 8, options: { audioUrl: 'https://example.com/music.mp3' } },
			{
				path: VIDEOS,
				body: {
					model: 'wan2.7-image-to-video',
					generation_mode: 'first_last_frame',
					prompt: 'The bud opens into a flower',
					quality: '1080p',
					duration: 8,
					image_start: 'https://example.com/bud.png',
					image_end: 'https://example.com/bloom.png',
					audio_urls: ['https://example.com/music.mp3'],
				},
			},
			1,
		],
		[
			'extend: video_continuation, the clip in video_urls and an ending frame',
			{ mode: 'extendVideo', model: 'wan2.7', prompt: 'He opens the box', videoUrl: 'https://example.com/clip.mp4', lastFrameUrl: 'https://example.com/end.png', resolution: '720p', duration: 12 },
			{
				path: VIDEOS,
				body: { model: 'wan2.7-image-to-video', generation_mode: 'video_continuation', prompt: 'He opens the box', quality: '720p', duration: 12, video_urls: ['https://example.com/clip.mp4'], image_end: 'https://example.com/end.png' },
			},
			1,
		],
		[
			'reference to video: images and videos apart, a first frame, voices bound as image{N} / video{N}',
			{
				mode: 'referenceToVideo',
				model: 'wan2.7',
				prompt: 'Video 1 sings to Image 1 while Image 2 listens',
				referenceUrls: 'https://example.com/girl.jpg\nhttps://example.com/singer.mp4\nhttps://example.com/boy.png',
				imageUrl: 'https://example.com/first_frame.jpg',
				resolution: '720p',
				aspectRatio: '16:9',
				duration: 10,
				options: { referenceVoiceUrls: 'https://example.com/girl.mp3\nhttps://example.com/singer.wav' },
			},
			{
				path: VIDEOS,
				body: {
					model: 'wan2.7-reference-video',
					prompt: 'Video 1 sings to Image 1 while Image 2 listens',
					aspect_ratio: '16:9',
					quality: '720p',
					duration: 10,
					image_start: 'https://example.com/first_frame.jpg',
					image_urls: ['https://example.com/girl.jpg', 'https://example.com/boy.png'],
					video_urls: ['https://example.com/singer.mp4'],
					model_params: { voice_bindings: { image1: 'https://example.com/girl.mp3', video1: 'https://example.com/singer.wav' } },
				},
			},
			1,
		],
		[
			'edit: the source in video_urls, reference images, keep_original_sound, duration 0 (keep its length)',
			{ mode: 'editVideo', model: 'wan2.7', prompt: 'Convert the entire scene to a clay-style look', videoUrl: 'https://example.com/source.mp4', referenceUrls: 'https://example.com/style.png', resolution: '720p', duration: 0, options: { keepSourceAudio: true } },
			{
				path: VIDEOS,
				body: {
					model: 'wan2.7-video-edit',
					prompt: 'Convert the entire scene to a clay-style look',
					quality: '720p',
					duration: 0,
					video_urls: ['https://example.com/source.mp4'],
					image_urls: ['https://example.com/style.png'],
					keep_original_sound: true,
				},
			},
			1,
			(result) => expect(result.output(NODE_NAME)[0].json.usage).toStrictEqual(USAGE),
		],
		[
			'Wan 2.6 reference to video: references still in video_urls',
			{ mode: 'referenceToVideo', model: 'wan2.6', prompt: 'character1 waves', referenceUrls: 'https://example.com/ref1.mp4', resolution: '720p', aspectRatio: '1:1', duration: 5 },
			{ path: VIDEOS, body: { model: 'wan2.6-reference-video', prompt: 'character1 waves', aspect_ratio: '1:1', quality: '720p', duration: 5, video_urls: ['https://example.com/ref1.mp4'] } },
			1,
		],
	]);
});

/** A refusal before any request: the field, words of the message, and nothing sent. */
type Refused = [title: string, parameters: INodeParameters, field: string, allowed: RegExp];

describe('EvoLink bad input makes no request', () => {
	const r2v = { mode: 'referenceToVideo', model: 'wan2.7', prompt: 'Image 1 waves', resolution: '720p', aspectRatio: '16:9', duration: 5 };
	const refs = (count: number, extension: string) => Array.from({ length: count }, (_, i) => `https://example.com/ref${i + 1}.${extension}`).join('\n');

	it.each<Refused>([
		['a last frame on a model without one (Wan 2.6)', { mode: 'firstLastFrameToVideo', model: 'wan2.6', imageUrl: 'https://example.com/a.png', lastFrameUrl: 'https://example.com/b.png', resolution: '720p', duration: 5 }, 'Model', /Allowed for EvoLink First and Last Frame to Video: Wan 2\.7\./],
		['first and last frame without the last frame', { mode: 'firstLastFrameToVideo', model: 'wan2.7', imageUrl: 'https://example.com/a.png', lastFrameUrl: '', resolution: '720p', duration: 5 }, 'Last Frame URL', /Expected 1 URL, got 0/],
		['an edit without a source video', { mode: 'editVideo', model: 'wan2.7', prompt: 'Make it clay', videoUrl: '', resolution: '720p', duration: 0 }, 'Video URL', /Expected 1 URL, got 0/],
		['six references on Wan 2.7', { ...r2v, referenceUrls: refs(6, 'png') }, 'Reference URLs', /Expected 1–5 URLs, got 6/],
		['four references on Wan 2.6', { ...r2v, model: 'wan2.6', referenceUrls: refs(4, 'mp4') }, 'Reference URLs', /Expected 1–3 URLs, got 4/],
		['an image reference on Wan 2.6 (videos only)', { ...r2v, model: 'wan2.6', referenceUrls: 'https://example.com/ref1.mp4\nhttps://example.com/ref2.png' }, 'Reference URLs', /This model takes no images here/],
		['five reference images on an edit', { mode: 'editVideo', model: 'wan2.7', videoUrl: 'https://example.com/source.mp4', referenceUrls: refs(5, 'png'), resolution: '720p', duration: 0 }, 'Reference URLs', /Expected 0–4 URLs, got 5/],
		['more voices than references', { ...r2v, referenceUrls: refs(1, 'png'), options: { referenceVoiceUrls: refs(2, 'mp3') } }, 'Reference Voice URLs', /One voice per reference, in the same order: at most 1 here \(1 reference\), got 2/],
		['seed 0 on Wan 2.7', { mode: 'textToVideo', model: 'wan2.7', prompt: 'Rain', resolution: '720p', aspectRatio: '16:9', duration: 5, options: { seed: 0 } }, 'Seed', /Allowed for EvoLink: 1–2147483647/],
		['15 s with a reference video', { ...r2v, referenceUrls: refs(1, 'mp4'), duration: 15 }, 'Duration', /with a reference video: 2–10 seconds/],
	])('%s', async (_title, parameters, field, allowed) => {
		const result = await run('video', parameters);
		expect(result.status).toBe('error');
		const error = result.nodeError(NODE_NAME)!;
		expect(error.message).toContain(`Invalid ${field}: `);
		expect(error.message).toMatch(allowed);
		expect(error.description).toMatch(/Nothing was sent/);
		expect(sim.requests).toEqual([]);
	});
});

describe('EvoLink refuses (simulated) what its pages refuse, and the node passes its words on', () => {
	it.each<[string, INodeParameters, RegExp]>([
		[
			'driving audio while continuing a clip',
			{ mode: 'extendVideo', model: 'wan2.7', videoUrl: 'https://example.com/clip.mp4', resolution: '720p', duration: 10, options: { extraParameters: '{"audio_urls": ["https://example.com/a.mp3"]}' } },
			/HTTP 400\): audio_urls is not accepted in video_continuation mode/,
		],
		[
			'a voice bound past the references',
			{ mode: 'referenceToVideo', model: 'wan2.7', prompt: 'Image 1 waves', referenceUrls: 'https://example.com/a.png', resolution: '720p', aspectRatio: '16:9', duration: 5, options: { extraParameters: { model_params: { voice_bindings: { image5: 'https://example.com/v.mp3' } } } } },
			/HTTP 400\): voice_bindings\.image5 out of range/,
		],
		[
			'an edit cut to 1 s',
			{ mode: 'editVideo', model: 'wan2.7', videoUrl: 'https://example.com/s.mp4', resolution: '720p', duration: 0, options: { extraParameters: { duration: 1 } } },
			/HTTP 400\): duration must be 0 or an integer from 2 to 10/,
		],
	])('%s', async (_title, parameters, message) => {
		const result = await run('video', parameters);
		expect(result.status).toBe('error');
		expect(result.nodeError(NODE_NAME)!.message).toMatch(message);
		expect(sim.requests.filter((request) => request.route === 'submit').map((request) => request.status)).toEqual([400]);
		expect(sim.tasks).toEqual([]);
	});
});
