/**
 * What only Kie.ai does (its pages under https://docs.kie.ai/market/wan/ and get-task-detail): its catalogue,
 * the exact createTask bodies (the pages' own examples rebuilt from node input, and one body per model
 * family), what its models refuse before anything is sent, and its envelope and state words. The documented
 * answers, unreadable answers, error bodies, status requests and base URL are in the shared contract suite
 * (contract.test.ts, fixtures under test/fixtures/kie/).
 */
import type { IDataObject } from 'n8n-workflow';

import { findModel, modelsFor } from '../../nodes/shared/catalogue';
import { MalformedResponseError, UploadRefusedError } from '../../nodes/shared/providers/adapter';
import { kie } from '../../nodes/shared/providers/kie/adapter';
import { kieUpload } from '../../nodes/shared/providers/kie/upload';
import type { ProviderRequest } from '../../nodes/shared/types';
import { documented } from '../fixtures/documented';
import { fakeUploadRequests, itRefuses, itSends, requestsFor, thrownBy, type TestInput } from './support';

const request = requestsFor('kie');
const CALLBACK = 'https://your-domain.com/api/callback';
const task = (body: IDataObject): ProviderRequest => ({ method: 'POST', path: '/api/v1/jobs/createTask', body });

/** A documented request example (test/fixtures/kie/request-*.json). */
const example = (name: string) => documented<{ model: string; callBackUrl?: string; input: IDataObject }>('kie', `request-${name}`);

describe('Kie.ai catalogue', () => {
	it('serves one Kie model id per model and mode, from Wan 2.2 Turbo to Wan 3.0', () => {
		const ids = (mode: Parameters<typeof modelsFor>[1]) => modelsFor('kie', mode).map((spec) => `${spec.model}=${spec.modelId}`);
		expect(ids('textToVideo')).toEqual([
			'wan2.2=wan/2-2-a14b-text-to-video-turbo',
			'wan2.5=wan/2-5-text-to-video',
			'wan2.6=wan/2-6-text-to-video',
			'wan2.7=wan/2-7-text-to-video',
			'wan3.0=wan/3-0-video',
			'wan3.0-prime=wan/3-0-video-prime',
		]);
		expect(ids('imageToVideo')).toEqual([
			'wan2.2=wan/2-2-a14b-image-to-video-turbo',
			'wan2.5=wan/2-5-image-to-video',
			'wan2.6=wan/2-6-image-to-video',
			'wan2.6-flash=wan/2-6-flash-image-to-video',
			'wan2.7=wan/2-7-image-to-video',
			'wan3.0=wan/3-0-video',
			'wan3.0-prime=wan/3-0-video-prime',
		]);
		expect(ids('firstLastFrameToVideo')).toEqual(['wan2.7=wan/2-7-image-to-video', 'wan3.0=wan/3-0-video', 'wan3.0-prime=wan/3-0-video-prime']);
		expect(ids('extendVideo')).toEqual(['wan2.7=wan/2-7-image-to-video']);
		expect(ids('referenceToVideo')).toEqual([
			'wan2.6=wan/2-6-video-to-video',
			'wan2.6-flash=wan/2-6-flash-video-to-video',
			'wan2.7=wan/2-7-r2v',
			'wan3.0=wan/3-0-video',
			'wan3.0-prime=wan/3-0-video-prime',
		]);
		expect(ids('editVideo')).toEqual(['wan2.7=wan/2-7-videoedit']);
		expect(ids('textToImage')).toEqual(['wan2.7-pro=wan/2-7-image-pro']);
		expect(ids('imageToImage')).toEqual(['wan2.7-pro=wan/2-7-image-pro']);
	});

	it('keeps the limits Kie documents where they differ from Wan’s', () => {
		expect(findModel('kie', 'textToVideo', 'wan2.5')).toMatchObject({ prompt: { maxLength: 800 }, resolutions: ['720p', '1080p'], aspectRatios: ['16:9', '9:16', '1:1'], durations: [5, 10] });
		expect(findModel('kie', 'textToVideo', 'wan2.6')).toMatchObject({ durations: [5, 10, 15], aspectRatios: undefined });
		expect(findModel('kie', 'referenceToVideo', 'wan2.6')?.durations).toEqual([5, 10]);
		expect(findModel('kie', 'referenceToVideo', 'wan2.7')).toMatchObject({ durations: [2, 3, 4, 5, 6, 7, 8, 9, 10], durationsWithReferenceVideo: undefined });
		expect(findModel('kie', 'imageToVideo', 'wan2.6-flash')?.prompt.maxLength).toBe(1500);
		expect(findModel('kie', 'textToVideo', 'wan3.0')).toMatchObject({ prompt: { maxLength: 20_000 }, resolutions: ['480p', '720p', '1080p'] });
	});
});

describe('Kie.ai createTask: the pages’ own examples, rebuilt from node input', () => {
	const t2v = example('wan-2-7-text-to-video');
	const flf = example('wan-2-7-image-to-video-first-last');
	const frame = example('wan-2-7-image-to-video-first-frame');
	const clip = example('wan-2-7-image-to-video-continuation');
	const r2v = example('wan-2-7-r2v');
	const edit = example('wan-2-7-videoedit');
	const t2v26 = example('wan-2-6-text-to-video');
	const v2v26 = example('wan-2-6-video-to-video');
	const i2vOptions = { negativePrompt: flf.input.negative_prompt, promptExtend: true, watermark: false, seed: 123456, callbackUrl: CALLBACK };
	// The edit example also sets aspect_ratio, which the node does not offer for edits (the output keeps its
	// source's shape): everything else is rebuilt.
	const { aspect_ratio: _editRatio, ...editInput } = edit.input;

	itSends<TestInput>(kie, request, [
		[
			'wan/2-7-text-to-video (its example)',
			{ kind: 'video', mode: 'textToVideo', model: 'wan2.7', prompt: t2v.input.prompt, resolution: '1080p', aspectRatio: '16:9', duration: 5, options: { ...i2vOptions, negativePrompt: t2v.input.negative_prompt, audioUrl: t2v.input.audio_url } },
			task(t2v),
		],
		[
			'wan/2-7-image-to-video, first and last frame (its example 1)',
			{ kind: 'video', mode: 'firstLastFrameToVideo', model: 'wan2.7', prompt: flf.input.prompt, imageUrl: flf.input.first_frame_url, lastFrameUrl: flf.input.last_frame_url, resolution: '1080p', duration: 5, options: i2vOptions },
			task(flf),
		],
		[
			'wan/2-7-image-to-video, first frame with driving audio (its example 2)',
			{ kind: 'video', mode: 'imageToVideo', model: 'wan2.7', prompt: frame.input.prompt, imageUrl: frame.input.first_frame_url, resolution: '1080p', duration: 5, options: { ...i2vOptions, audioUrl: frame.input.driving_audio_url } },
			task(frame),
		],
		[
			'wan/2-7-image-to-video, continuing a clip (its example 3)',
			{ kind: 'video', mode: 'extendVideo', model: 'wan2.7', prompt: clip.input.prompt, videoUrl: clip.input.first_clip_url, resolution: '1080p', duration: 5, options: i2vOptions },
			task(clip),
		],
		[
			'wan/2-7-r2v (its example: two images, a video, a first frame, a voice)',
			{
				kind: 'video',
				mode: 'referenceToVideo',
				model: 'wan2.7',
				prompt: r2v.input.prompt,
				referenceUrls: [...(r2v.input.reference_image as string[]), ...(r2v.input.reference_video as string[])].join('\n'),
				imageUrl: r2v.input.first_frame,
				resolution: '1080p',
				aspectRatio: '16:9',
				duration: 5,
				options: { negativePrompt: r2v.input.negative_prompt, referenceVoiceUrls: r2v.input.reference_voice, promptExtend: true, watermark: false, seed: 0, callbackUrl: CALLBACK },
			},
			task(r2v),
		],
		[
			'wan/2-7-videoedit (its example, but for the ratio)',
			{
				kind: 'video',
				mode: 'editVideo',
				model: 'wan2.7',
				prompt: edit.input.prompt,
				videoUrl: edit.input.video_url,
				referenceUrls: edit.input.reference_image,
				resolution: '1080p',
				duration: 0,
				options: { negativePrompt: edit.input.negative_prompt, keepSourceAudio: false, promptExtend: true, watermark: false, seed: 0, callbackUrl: CALLBACK },
			},
			task({ ...edit, input: editInput }),
		],
		[
			'wan/2-6-text-to-video (its example: duration as a string)',
			{ kind: 'video', mode: 'textToVideo', model: 'wan2.6', prompt: t2v26.input.prompt, resolution: '1080p', duration: 5, options: { callbackUrl: CALLBACK } },
			task(t2v26),
		],
		[
			'wan/2-6-video-to-video (its example: a reference video)',
			{ kind: 'video', mode: 'referenceToVideo', model: 'wan2.6', prompt: v2v26.input.prompt, referenceUrls: (v2v26.input.video_urls as string[])[0], resolution: '1080p', duration: 5, options: { callbackUrl: CALLBACK } },
			task(v2v26),
		],
	]);
});

describe('Kie.ai createTask: one body per model family', () => {
	const image = 'https://example.com/cat.png';
	itSends<TestInput>(kie, request, [
		[
			'wan/2-2-a14b-text-to-video-turbo: no duration field',
			{ kind: 'video', mode: 'textToVideo', model: 'wan2.2', prompt: 'A cat', resolution: '480p', aspectRatio: '9:16', duration: 5, options: { promptExtend: false, seed: 7 } },
			task({ model: 'wan/2-2-a14b-text-to-video-turbo', input: { prompt: 'A cat', resolution: '480p', aspect_ratio: '9:16', enable_prompt_expansion: false, seed: 7 } }),
		],
		[
			'wan/2-2-a14b-image-to-video-turbo: image_url, no ratio (Kie’s "auto")',
			{ kind: 'video', mode: 'imageToVideo', model: 'wan2.2', prompt: 'It runs', imageUrl: image, resolution: '720p', duration: 5 },
			task({ model: 'wan/2-2-a14b-image-to-video-turbo', input: { prompt: 'It runs', image_url: image, resolution: '720p' } }),
		],
		[
			'wan/2-5-text-to-video: duration "10", aspect_ratio, enable_prompt_expansion',
			{ kind: 'video', mode: 'textToVideo', model: 'wan2.5', prompt: 'A cat', resolution: '720p', aspectRatio: '1:1', duration: 10, options: { negativePrompt: 'blur', promptExtend: true, seed: 1 } },
			task({ model: 'wan/2-5-text-to-video', input: { prompt: 'A cat', duration: '10', aspect_ratio: '1:1', resolution: '720p', negative_prompt: 'blur', enable_prompt_expansion: true, seed: 1 } }),
		],
		[
			'wan/2-5-image-to-video: image_url',
			{ kind: 'video', mode: 'imageToVideo', model: 'wan2.5', prompt: 'It dances', imageUrl: image, resolution: '1080p', duration: 5 },
			task({ model: 'wan/2-5-image-to-video', input: { prompt: 'It dances', image_url: image, duration: '5', resolution: '1080p' } }),
		],
		[
			'wan/2-6-image-to-video: the frame as a one-entry image_urls, "15" s',
			{ kind: 'video', mode: 'imageToVideo', model: 'wan2.6', prompt: 'It dances', imageUrl: image, resolution: '720p', duration: 15 },
			task({ model: 'wan/2-6-image-to-video', input: { prompt: 'It dances', image_urls: [image], duration: '15', resolution: '720p' } }),
		],
		[
			'wan/2-6-flash-image-to-video: audio (required) false unless asked',
			{ kind: 'video', mode: 'imageToVideo', model: 'wan2.6-flash', prompt: 'It dances', imageUrl: image, resolution: '1080p', duration: 5 },
			task({ model: 'wan/2-6-flash-image-to-video', input: { prompt: 'It dances', image_urls: [image], duration: '5', resolution: '1080p', audio: false } }),
		],
		[
			'wan/2-6-flash-video-to-video: Generate Audio and a multi-shot Shot Type',
			{ kind: 'video', mode: 'referenceToVideo', model: 'wan2.6-flash', prompt: 'It sings', referenceUrls: 'https://example.com/a.mp4, https://example.com/b.mp4', resolution: '720p', duration: 10, options: { generateAudio: true, shotType: 'multi' } },
			task({ model: 'wan/2-6-flash-video-to-video', input: { prompt: 'It sings', video_urls: ['https://example.com/a.mp4', 'https://example.com/b.mp4'], duration: '10', resolution: '720p', audio: true, multi_shots: true } }),
		],
		[
			'wan/2-7-videoedit: Keep Source Audio as audio_setting origin',
			{ kind: 'video', mode: 'editVideo', model: 'wan2.7', videoUrl: 'https://example.com/in.mp4', resolution: '720p', duration: 4, options: { keepSourceAudio: true } },
			task({ model: 'wan/2-7-videoedit', input: { video_url: 'https://example.com/in.mp4', resolution: '720p', duration: 4, audio_setting: 'origin' } }),
		],
		[
			'wan/2-7-image-pro, text to image: n always, aspect_ratio',
			{ kind: 'image', mode: 'textToImage', model: 'wan2.7-pro', prompt: 'A lighthouse', aspectRatio: '16:9', numberOfImages: 1, options: { watermark: true } },
			task({ model: 'wan/2-7-image-pro', input: { prompt: 'A lighthouse', aspect_ratio: '16:9', n: 1, watermark: true } }),
		],
		[
			'wan/2-7-image-pro, editing: input_urls, an image set of 8',
			{ kind: 'image', mode: 'imageToImage', model: 'wan2.7-pro', prompt: 'Make it blue', imageUrls: 'https://example.com/a.png\nhttps://example.com/b.png', numberOfImages: 8, options: { imageSet: true, seed: 3 } },
			task({ model: 'wan/2-7-image-pro', input: { prompt: 'Make it blue', input_urls: ['https://example.com/a.png', 'https://example.com/b.png'], enable_sequential: true, n: 8, seed: 3 } }),
		],
		[
			'wan/2-7-image-pro, text to image at 4K: Size 4096x4096 as resolution 4K',
			{ kind: 'image', mode: 'textToImage', model: 'wan2.7-pro', prompt: 'A poster', aspectRatio: '1:1', numberOfImages: 1, options: { size: '4096x4096' } },
			task({ model: 'wan/2-7-image-pro', input: { prompt: 'A poster', n: 1, resolution: '4K' } }),
		],
		[
			'wan/3-0-video, text to video: resolution in capitals, -1 (the model picks the length), audio off',
			{ kind: 'video', mode: 'textToVideo', model: 'wan3.0', prompt: 'A cat', resolution: '480p', aspectRatio: '16:9', duration: -1, options: { generateAudio: false } },
			task({ model: 'wan/3-0-video', input: { prompt: 'A cat', resolution: '480P', aspect_ratio: '16:9', duration: -1, audio: false } }),
		],
		[
			'wan/3-0-video, first and last frame',
			{ kind: 'video', mode: 'firstLastFrameToVideo', model: 'wan3.0', imageUrl: image, lastFrameUrl: 'https://example.com/end.png', resolution: '1080p', duration: 8 },
			task({ model: 'wan/3-0-video', input: { first_frame_url: image, last_frame_url: 'https://example.com/end.png', resolution: '1080P', duration: 8 } }),
		],
		[
			'wan/3-0-video, references: images, a video and an audio clip',
			{ kind: 'video', mode: 'referenceToVideo', model: 'wan3.0', prompt: 'Video1 holds Image1', referenceUrls: 'https://example.com/a.png\nhttps://example.com/r.mp4', resolution: '720p', aspectRatio: '9:16', duration: 5, options: { audioUrl: 'https://example.com/v.mp3' } },
			task({ model: 'wan/3-0-video', input: { prompt: 'Video1 holds Image1', reference_image_urls: ['https://example.com/a.png'], reference_video_urls: ['https://example.com/r.mp4'], reference_audio_urls: ['https://example.com/v.mp3'], resolution: '720P', aspect_ratio: '9:16', duration: 5 } }),
		],
		[
			'Extra Parameters merged into input key by key (e.g. nsfw_checker, which the node does not offer)',
			{ kind: 'video', mode: 'textToVideo', model: 'wan2.6', prompt: 'A cat', resolution: '720p', duration: 5, options: { extraParameters: '{"input": {"nsfw_checker": true}}' } },
			task({ model: 'wan/2-6-text-to-video', input: { prompt: 'A cat', duration: '5', resolution: '720p', nsfw_checker: true } }),
		],
	]);
});

describe('Kie.ai refuses before anything is sent', () => {
	const t2v26: TestInput = { kind: 'video', mode: 'textToVideo', model: 'wan2.6', prompt: 'A cat', resolution: '720p', duration: 5 };
	const r2v27: TestInput = { kind: 'video', mode: 'referenceToVideo', model: 'wan2.7', prompt: 'Image 1 waves', referenceUrls: 'https://example.com/a.png', resolution: '720p', aspectRatio: '16:9', duration: 5 };
	itRefuses<TestInput>(request, [
		['a negative prompt on Wan 2.6, whose pages list none', { ...t2v26, options: { negativePrompt: 'blur' } }, /Negative Prompt.*not supported by Kie\.ai Wan 2\.6 \(wan\/2-6-text-to-video\)/],
		['a seed on Wan 2.6, whose pages list none', { ...t2v26, options: { seed: 1 } }, /Seed.*not supported/],
		['a reference image on wan/2-6-video-to-video, which takes videos only', { kind: 'video', mode: 'referenceToVideo', model: 'wan2.6', prompt: 'x', referenceUrls: 'https://example.com/a.png', resolution: '720p', duration: 5 }, /Reference URLs/],
		['four reference videos on wan/2-6-video-to-video (at most 3)', { kind: 'video', mode: 'referenceToVideo', model: 'wan2.6', prompt: 'x', referenceUrls: [1, 2, 3, 4].map((n) => `https://example.com/${n}.mp4`).join('\n'), resolution: '720p', duration: 5 }, /Reference URLs/],
		['two reference images on wan/2-7-videoedit (one reference_image)', { kind: 'video', mode: 'editVideo', model: 'wan2.7', videoUrl: 'https://example.com/in.mp4', referenceUrls: 'https://example.com/a.png\nhttps://example.com/b.png', resolution: '720p', duration: 0 }, /Reference URLs/],
		['two voices on wan/2-7-r2v (one reference_voice)', { ...r2v27, referenceUrls: 'https://example.com/a.png\nhttps://example.com/b.png', options: { referenceVoiceUrls: 'https://example.com/1.mp3\nhttps://example.com/2.mp3' } }, /Reference Voice URLs/],
		['11 s on wan/2-7-r2v (2–10 s)', { ...r2v27, duration: 11 }, /Duration/],
		['no prompt on wan/2-7-image-to-video, whose schema requires one', { kind: 'video', mode: 'imageToVideo', model: 'wan2.7', prompt: ' ', imageUrl: 'https://example.com/a.png', resolution: '720p', duration: 5 }, /Prompt/],
		['a last frame with a clip (wan/2-7-image-to-video continues a clip alone)', { kind: 'video', mode: 'extendVideo', model: 'wan2.7', prompt: 'go on', videoUrl: 'https://example.com/in.mp4', lastFrameUrl: 'https://example.com/end.png', resolution: '720p', duration: 5 }, /Last Frame URL/],
		['a watermark on Wan 3.0, whose page lists none', { kind: 'video', mode: 'textToVideo', model: 'wan3.0', prompt: 'x', resolution: '720p', aspectRatio: '16:9', duration: 5, options: { watermark: true } }, /Watermark.*not supported by Kie\.ai Wan 3\.0/],
		['a Wan 2.6 Flash prompt over 1500 characters', { kind: 'video', mode: 'imageToVideo', model: 'wan2.6-flash', prompt: 'a'.repeat(1501), imageUrl: 'https://example.com/a.png', resolution: '720p', duration: 5 }, /At most 1500 characters/],
		['5 images without an image set on wan/2-7-image-pro', { kind: 'image', mode: 'textToImage', model: 'wan2.7-pro', prompt: 'x', aspectRatio: '1:1', numberOfImages: 5 }, /Number of Images/],
	]);
});

describe('Kie.ai image tiers', () => {
	const edit: TestInput = { kind: 'image', mode: 'imageToImage', model: 'wan2.7-pro', prompt: 'Make it blue', imageUrls: 'https://example.com/a.png', numberOfImages: 1 };
	it('refuses 4K for editing (beyond the model’s sizes), and a size that names no tier in Kie.ai’s words', () => {
		expect((thrownBy(() => request({ ...edit, options: { size: '4096x4096' } })) as Error).message).toMatch(/Invalid Size: "4096x4096".*to 2048×2048 pixels/);
		const error = thrownBy(() => kie.preflight!(request({ ...edit, options: { size: '1280x1280' } }), {}));
		expect((error as Error).message).toBe(
			'Invalid Size: "1280x1280". Kie.ai takes a resolution tier, not an exact size; allowed here: 1024x1024 (1K), 2048x2048 (2K).',
		);
	});

	it('sends 2K for an edit at 2048x2048', () => {
		expect(kie.buildSubmit(request({ ...edit, options: { size: '2048x2048' } })).body).toStrictEqual({
			model: 'wan/2-7-image-pro',
			input: { prompt: 'Make it blue', input_urls: ['https://example.com/a.png'], n: 1, resolution: '2K' },
		});
	});
});

describe('Kie.ai answers', () => {
	const succeeded = documented<{ data: Record<string, unknown> }>('kie', 'status-succeeded');
	const withData = (data: Record<string, unknown>) => ({ ...succeeded, data: { ...succeeded.data, ...data } });

	it('reads a failed task’s failCode and failMsg', () => {
		expect(kie.parseStatus(withData({ state: 'fail', resultJson: '', failCode: '501', failMsg: 'Generation Failed' }))).toEqual({
			status: 'failed',
			rawStatus: 'fail',
			urls: [],
			errorCode: '501',
			errorMessage: 'Generation Failed',
		});
	});

	it('reports costTime as usage when Kie sends it (its example has none)', () => {
		expect(kie.parseStatus(withData({ costTime: 8513 })).usage).toEqual({ costTime: 8513 });
		expect(kie.parseStatus(succeeded).usage).toBeUndefined();
	});

	it('reads a createTask answer whose envelope code is not 200 as unreadable, with Kie’s words (msg)', () => {
		const error = thrownBy(() => kie.parseSubmit({ code: 402, msg: 'Insufficient Credits', data: null }));
		expect(error).toBeInstanceOf(MalformedResponseError);
		expect((error as Error).message).toBe('Kie.ai submit response has code 402: Insufficient Credits');
	});

	it('reads a recordInfo answer whose envelope code is not 200 with its message', () => {
		const error = thrownBy(() => kie.parseStatus({ code: 404, message: 'Not Found', data: null }));
		expect((error as Error).message).toBe('Kie.ai status response has code 404: Not Found');
	});
});

describe('Kie.ai file upload', () => {
	const file = { fileName: 'my image.png', mimeType: 'image/png', bytes: 154832, type: 'image' as const };

	it('streams the file to the documented file host with a folder and a name of its own, and uses data.downloadUrl', async () => {
		const { asked, requests } = fakeUploadRequests({ multipart: documented('kie', 'upload-response') });
		await expect(kieUpload.upload(file, requests, { credentials: {}, modelId: 'wan/2-7-image-to-video' })).resolves.toBe(
			'https://tempfile.redpandaai.co/xxx/images/user-uploads/uploaded-image.png',
		);
		expect(asked.multipart).toEqual([
			expect.objectContaining({
				url: 'https://kieai.redpandaai.co/api/file-stream-upload',
				fields: [
					['uploadPath', 'n8n-nodes-wan'],
					['fileName', expect.stringMatching(/^[a-z0-9]+-[a-z0-9]+-my_image\.png$/)],
				],
				withKey: true,
			}),
		]);
	});

	it('fails on a refusal in a 200 answer, in the host’s words', async () => {
		const { requests } = fakeUploadRequests({ multipart: { success: false, code: 401, msg: 'Unauthorized' } });
		await expect(kieUpload.upload(file, requests, { credentials: {}, modelId: 'm' })).rejects.toThrow(
			new UploadRefusedError("Kie.ai's file host refused it: Unauthorized", undefined),
		);
	});
});
