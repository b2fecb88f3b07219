/**
 * What only Alibaba Cloud Model Studio (DashScope) does (文生视频 / 图生视频 / 参考生视频 / 文生图V2 /
 * 图像生成与编辑2.6, providers.md §3): submit bodies for every mode built through the real validation path,
 * the catalogue's limits, the legacy image protocol's partial failures, the messages protocol's choices,
 * cancel, and the regions of the credential. The documented bodies, unreadable answers, error bodies,
 * status requests and base URLs are in the shared contract suite (contract.test.ts, fixtures under
 * test/fixtures/alibaba/).
 */
import type { IDataObject } from 'n8n-workflow';

import { AlibabaModelStudioApi } from '../../credentials/AlibabaModelStudioApi.credentials';
import { alibaba } from '../../nodes/shared/providers/alibaba/adapter';
import { ALIBABA_REGIONS } from '../../nodes/shared/providers/alibaba/regions';
import type { ProviderRequest, TaskHandle, TaskState } from '../../nodes/shared/types';
import { itRefuses, itSends, requestsFor, type TestInput } from './support';

type Input = TestInput;
const request = requestsFor('alibaba');

const ASYNC = { 'X-DashScope-Async': 'enable' };
const VIDEO_PATH = '/api/v1/services/aigc/video-generation/video-synthesis';
const HANDLE: TaskHandle = { provider: 'alibaba', model: 'wan2.5-t2v-preview', taskId: '0385dc79-5ff8-4d82-bcb6-xxxxxx' };

/** A status answer for a SUCCEEDED task with these output fields. */
function succeeded(output: Record<string, unknown>): unknown {
	return { output: { task_id: 't', task_status: 'SUCCEEDED', ...output } };
}

function state(status: TaskState['status']): TaskState {
	return { status, rawStatus: status.toUpperCase(), urls: [] };
}

// ---------------------------------------------------------------------------------------------
// Submit requests: every one is a POST with X-DashScope-Async, to the path of its protocol
// ---------------------------------------------------------------------------------------------

const video = (body: IDataObject): ProviderRequest => ({ method: 'POST', path: VIDEO_PATH, headers: ASYNC, body });
const legacyImage = (task: 'text2image' | 'image2image', body: IDataObject): ProviderRequest => ({
	method: 'POST',
	path: `/api/v1/services/aigc/${task}/image-synthesis`,
	headers: ASYNC,
	body,
});
const messages = (body: IDataObject): ProviderRequest => ({ method: 'POST', path: '/api/v1/services/aigc/image-generation/generation', headers: ASYNC, body });

const DOC_AUDIO = 'https://help-static-aliyun-doc.aliyuncs.com/file-manage-files/zh-CN/20250923/hbiayh/%E4%BB%8E%E5%86%9B%E8%A1%8C.mp3';
const FIVE_REFS = [1, 2, 3, 4, 5].map((i) => `https://example.com/r${i}.png`);
const DOC_FLOWER_SHOP = '一间有着精致窗户的花店，漂亮的木质门，摆放着花朵';
const DOC_EDIT_IMAGES = [
	'https://cdn.wanx.aliyuncs.com/tmp/pressure/umbrella1.png',
	'https://img.alicdn.com/imgextra/i3/O1CN01SfG4J41UYn9WNt4X1_!!6000000002530-49-tps-1696-960.webp',
];

describe('Alibaba submit, video', () => {
	itSends<Input>(alibaba, request, [
		[
			'the documented wan2.5 text-to-video body (480P 16:9 → 832*480)',
			{ kind: 'video', mode: 'textToVideo', model: 'wan2.5', prompt: '一幅史诗级可爱的场景。', resolution: '480p', aspectRatio: '16:9', duration: 10, options: { audioUrl: DOC_AUDIO, negativePrompt: '', promptExtend: true, watermark: false, seed: 12345 } },
			video({
				model: 'wan2.5-t2v-preview',
				input: { prompt: '一幅史诗级可爱的场景。', audio_url: DOC_AUDIO },
				parameters: { size: '832*480', duration: 10, prompt_extend: true, watermark: false, seed: 12345 },
			}),
		],
		[
			'only what is set: wan2.5 720P 16:9, 5 s',
			{ kind: 'video', mode: 'textToVideo', model: 'wan2.5', prompt: 'A cat', resolution: '720p', aspectRatio: '16:9', duration: 5 },
			video({ model: 'wan2.5-t2v-preview', input: { prompt: 'A cat' }, parameters: { size: '1280*720', duration: 5 } }),
		],
		[
			'wan2.6 text-to-video with shot_type and a 1080P 3:4 size',
			{ kind: 'video', mode: 'textToVideo', model: 'wan2.6', prompt: 'A chase through a neon market', resolution: '1080p', aspectRatio: '3:4', duration: 15, options: { shotType: 'multi', promptExtend: true, negativePrompt: 'blurry' } },
			video({
				model: 'wan2.6-t2v',
				input: { prompt: 'A chase through a neon market', negative_prompt: 'blurry' },
				parameters: { size: '1248*1632', duration: 15, prompt_extend: true, shot_type: 'multi' },
			}),
		],
		[
			'wan2.2 text-to-video (wan2.2-t2v-plus, 1080P 1:1)',
			{ kind: 'video', mode: 'textToVideo', model: 'wan2.2', prompt: 'Rain', resolution: '1080p', aspectRatio: '1:1', duration: 5 },
			video({ model: 'wan2.2-t2v-plus', input: { prompt: 'Rain' }, parameters: { size: '1440*1440', duration: 5 } }),
		],
		[
			'wan2.5 image-to-video with img_url and an upper-case resolution, no size',
			{ kind: 'video', mode: 'imageToVideo', model: 'wan2.5', prompt: 'The city comes alive', imageUrl: ' https://example.com/city-scene.jpg ', resolution: '1080p', aspectRatio: '16:9', duration: 10, options: { audioUrl: 'https://example.com/track.mp3' } },
			video({
				model: 'wan2.5-i2v-preview',
				input: { prompt: 'The city comes alive', img_url: 'https://example.com/city-scene.jpg', audio_url: 'https://example.com/track.mp3' },
				parameters: { resolution: '1080P', duration: 10 },
			}),
		],
		[
			'wan2.2 image-to-video without a prompt (optional for image to video)',
			{ kind: 'video', mode: 'imageToVideo', model: 'wan2.2', imageUrl: 'https://example.com/a.png', resolution: '480p', duration: 5 },
			video({ model: 'wan2.2-i2v-plus', input: { img_url: 'https://example.com/a.png' }, parameters: { resolution: '480P', duration: 5 } }),
		],
		[
			'wan2.6 image-to-video with shot_type and watermark',
			{ kind: 'video', mode: 'imageToVideo', model: 'wan2.6', prompt: 'Waves', imageUrl: 'https://example.com/beach.jpg', resolution: '720p', duration: 12, options: { shotType: 'single', watermark: true } },
			video({
				model: 'wan2.6-i2v',
				input: { prompt: 'Waves', img_url: 'https://example.com/beach.jpg' },
				parameters: { resolution: '720P', duration: 12, shot_type: 'single', watermark: true },
			}),
		],
		[
			'wan2.6-flash image-to-video with parameters.audio false',
			{ kind: 'video', mode: 'imageToVideo', model: 'wan2.6-flash', prompt: 'Waves roll in', imageUrl: 'https://example.com/beach.jpg', resolution: '720p', duration: 2, options: { generateAudio: false } },
			video({ model: 'wan2.6-i2v-flash', input: { prompt: 'Waves roll in', img_url: 'https://example.com/beach.jpg' }, parameters: { resolution: '720P', duration: 2, audio: false } }),
		],
		[
			'wan2.6 reference-to-video with reference_urls and a size',
			{ kind: 'video', mode: 'referenceToVideo', model: 'wan2.6', prompt: 'character1 waves at character2', referenceUrls: 'https://example.com/ref1.mp4\nhttps://example.com/ref2.png, https://example.com/ref3.jpg', resolution: '720p', aspectRatio: '16:9', duration: 10, options: { shotType: 'multi', seed: 7 } },
			video({
				model: 'wan2.6-r2v',
				input: {
					prompt: 'character1 waves at character2',
					reference_urls: ['https://example.com/ref1.mp4', 'https://example.com/ref2.png', 'https://example.com/ref3.jpg'],
				},
				parameters: { size: '1280*720', duration: 10, shot_type: 'multi', seed: 7 },
			}),
		],
		[
			'wan2.6-flash reference-to-video with audio true and five references',
			{ kind: 'video', mode: 'referenceToVideo', model: 'wan2.6-flash', prompt: 'character1 dances', referenceUrls: FIVE_REFS.join(','), resolution: '1080p', aspectRatio: '9:16', duration: 2, options: { generateAudio: true } },
			video({ model: 'wan2.6-r2v-flash', input: { prompt: 'character1 dances', reference_urls: FIVE_REFS }, parameters: { size: '1080*1920', duration: 2, audio: true } }),
		],
		[
			'the Model ID override as model, with Extra Parameters merged into input and parameters',
			{ kind: 'video', mode: 'textToVideo', model: 'wan2.5', prompt: 'A cat', resolution: '720p', aspectRatio: '1:1', duration: 5, options: { modelId: 'wanx2.1-t2v-turbo', extraParameters: '{"parameters":{"seed":3},"input":{"template":"x"}}' } },
			video({ model: 'wanx2.1-t2v-turbo', input: { prompt: 'A cat', template: 'x' }, parameters: { size: '960*960', duration: 5, seed: 3 } }),
		],
	]);
});

describe('Alibaba submit, images', () => {
	itSends<Input>(alibaba, request, [
		[
			'the documented wan2.5 text-to-image body (legacy protocol)',
			{ kind: 'image', mode: 'textToImage', model: 'wan2.5', prompt: DOC_FLOWER_SHOP, aspectRatio: '1:1', numberOfImages: 1, options: { negativePrompt: '低分辨率、模糊、比例失调', promptExtend: true, watermark: false, seed: 12345 } },
			legacyImage('text2image', {
				model: 'wan2.5-t2i-preview',
				input: { prompt: DOC_FLOWER_SHOP, negative_prompt: '低分辨率、模糊、比例失调' },
				parameters: { size: '1280*1280', n: 1, prompt_extend: true, watermark: false, seed: 12345 },
			}),
		],
		[
			'wan2.5 image-to-image with input.images and no size unless set',
			{ kind: 'image', mode: 'imageToImage', model: 'wan2.5', prompt: 'Put the hat from image 2 on the cat in image 1', imageUrls: 'https://example.com/cat.png, https://example.com/hat.png, https://example.com/bg.png', numberOfImages: 3, options: { seed: 1, watermark: true } },
			legacyImage('image2image', {
				model: 'wan2.5-i2i-preview',
				input: {
					prompt: 'Put the hat from image 2 on the cat in image 1',
					images: ['https://example.com/cat.png', 'https://example.com/hat.png', 'https://example.com/bg.png'],
				},
				parameters: { n: 3, watermark: true, seed: 1 },
			}),
		],
		[
			'the documented wan2.6 text-to-image body (messages protocol)',
			{ kind: 'image', mode: 'textToImage', model: 'wan2.6', prompt: DOC_FLOWER_SHOP, aspectRatio: '1:1', numberOfImages: 1, options: { promptExtend: true, watermark: false } },
			messages({
				model: 'wan2.6-t2i',
				input: { messages: [{ role: 'user', content: [{ text: DOC_FLOWER_SHOP }] }] },
				parameters: { prompt_extend: true, watermark: false, n: 1, size: '1280*1280' },
			}),
		],
		[
			'the wan2.6 negative prompt in parameters, not input',
			{ kind: 'image', mode: 'textToImage', model: 'wan2.6', prompt: 'A fox', aspectRatio: '9:16', numberOfImages: 4, options: { negativePrompt: 'blurry', seed: 0 } },
			messages({
				model: 'wan2.6-t2i',
				input: { messages: [{ role: 'user', content: [{ text: 'A fox' }] }] },
				parameters: { negative_prompt: 'blurry', size: '960*1696', n: 4, seed: 0 },
			}),
		],
		[
			'the documented wan2.6-image editing body: one text, then the images in order',
			{ kind: 'image', mode: 'imageToImage', model: 'wan2.6', prompt: '参考图1的风格和图2的背景，生成番茄炒蛋', imageUrls: DOC_EDIT_IMAGES.join('\n'), numberOfImages: 1, options: { promptExtend: true, watermark: false, size: '1280*1280' } },
			messages({
				model: 'wan2.6-image',
				input: {
					messages: [{ role: 'user', content: [{ text: '参考图1的风格和图2的背景，生成番茄炒蛋' }, { image: DOC_EDIT_IMAGES[0] }, { image: DOC_EDIT_IMAGES[1] }] }],
				},
				parameters: { prompt_extend: true, watermark: false, n: 1, size: '1280*1280' },
			}),
		],
	]);

	it.each([
		['16:9', '1696*960'],
		['9:16', '960*1696'],
		['4:3', '1472*1104'],
		['3:4', '1104*1472'],
	])('maps aspect ratio %s to the recommended size %s, and always sends n', (aspectRatio, size) => {
		const built = alibaba.buildSubmit(
			request({ kind: 'image', mode: 'textToImage', model: 'wan2.5', prompt: 'x', aspectRatio, numberOfImages: 4 }),
		);
		expect(built.body?.parameters).toStrictEqual({ size, n: 4 });
	});

	it.each<[string, Input, IDataObject]>([
		['the Size option, written W*H', { kind: 'image', mode: 'textToImage', model: 'wan2.5', prompt: 'x', aspectRatio: '16:9', numberOfImages: 2, options: { size: '768x2700' } }, { size: '768*2700', n: 2 }],
		['a size for image to image when set', { kind: 'image', mode: 'imageToImage', model: 'wan2.5', prompt: 'x', imageUrls: 'https://example.com/cat.png', numberOfImages: 1, options: { size: '1024*1024' } }, { size: '1024*1024', n: 1 }],
	])('uses %s', (_name, input, parameters) => {
		expect(alibaba.buildSubmit(request(input)).body?.parameters).toStrictEqual(parameters);
	});
});

// ---------------------------------------------------------------------------------------------
// Catalogue refusals (no request is built for these)
// ---------------------------------------------------------------------------------------------

describe('Alibaba catalogue limits', () => {
	const t2v = { kind: 'video' as const, mode: 'textToVideo', prompt: 'x', aspectRatio: '16:9', duration: 5 };
	const urls = (count: number) => Array.from({ length: count }, (_, i) => `https://example.com/${i + 1}.png`).join(',');

	itRefuses<Input>(request, [
		['720p on wan2.2', { ...t2v, model: 'wan2.2', resolution: '720p' }, /Resolution.*Allowed for Wan 2\.2 \(wan2\.2-t2v-plus\): 480p, 1080p/],
		['10 s on wan2.2', { ...t2v, model: 'wan2.2', resolution: '480p', duration: 10 }, /Duration.*Allowed for Wan 2\.2 \(wan2\.2-t2v-plus\): 5 seconds/],
		['480p on wan2.6', { ...t2v, model: 'wan2.6', resolution: '480p' }, /Resolution/],
		['16 s on wan2.6', { ...t2v, model: 'wan2.6', resolution: '720p', duration: 16 }, /Duration.*2–15/],
		['shot type on wan2.5', { ...t2v, model: 'wan2.5', resolution: '720p', options: { shotType: 'multi' } }, /Shot Type.*not supported/],
		['audio switch on wan2.6 (not flash)', { ...t2v, model: 'wan2.6', resolution: '720p', options: { generateAudio: false } }, /Generate Audio.*not supported/],
		['a callback URL', { ...t2v, model: 'wan2.5', resolution: '720p', options: { callbackUrl: 'https://example.com/hook' } }, /Callback URL.*not supported/],
		['audio URL on wan2.2', { ...t2v, model: 'wan2.2', resolution: '480p', options: { audioUrl: 'https://example.com/a.mp3' } }, /Audio URL.*not supported/],
		['six references', { kind: 'video', mode: 'referenceToVideo', model: 'wan2.6', prompt: 'x', referenceUrls: urls(6), resolution: '720p', aspectRatio: '16:9', duration: 5 }, /Reference URLs.*Expected 1–5 URLs, got 6/],
		['11 s reference video', { kind: 'video', mode: 'referenceToVideo', model: 'wan2.6', prompt: 'x', referenceUrls: urls(1), resolution: '720p', aspectRatio: '16:9', duration: 11 }, /Duration.*2–10/],
		['four images into wan2.5 image to image', { kind: 'image', mode: 'imageToImage', model: 'wan2.5', prompt: 'x', imageUrls: urls(4), numberOfImages: 1 }, /Image URLs.*Expected 1–3 URLs, got 4/],
		['five images into wan2.6 image to image', { kind: 'image', mode: 'imageToImage', model: 'wan2.6', prompt: 'x', imageUrls: urls(5), numberOfImages: 1 }, /Image URLs.*Expected 1–4 URLs, got 5/],
		['an editing size above 1280*1280', { kind: 'image', mode: 'imageToImage', model: 'wan2.6', prompt: 'x', imageUrls: urls(1), numberOfImages: 1, options: { size: '1440x1440' } }, /Size.*768×768 to 1280×1280/],
		['prompt extend on wan2.5 image to image', { kind: 'image', mode: 'imageToImage', model: 'wan2.5', prompt: 'x', imageUrls: urls(1), numberOfImages: 1, options: { promptExtend: true } }, /Prompt Extend.*not supported/],
		['five images', { kind: 'image', mode: 'textToImage', model: 'wan2.6', prompt: 'x', aspectRatio: '1:1', numberOfImages: 5 }, /Number of Images.*1–4/],
		['a blank prompt for text to video (still required)', { ...t2v, model: 'wan2.5', resolution: '720p', prompt: '  ' }, /A prompt is required/],
	]);
});

describe('Alibaba parseStatus', () => {
	it('names each failed image by its position among the results', () => {
		const parsed = alibaba.parseStatus(
			succeeded({
				results: [
					{ code: 'DataInspectionFailed', message: 'Output data may contain inappropriate content.' },
					{ url: 'https://cdn.example.com/2.png' },
					{ code: 'InternalError' },
					{ url: 'https://cdn.example.com/4.png' },
				],
			}),
		);
		expect(parsed.urls).toEqual(['https://cdn.example.com/2.png', 'https://cdn.example.com/4.png']);
		expect(parsed.partialFailures).toEqual([
			'image 1: DataInspectionFailed: Output data may contain inappropriate content.',
			'image 3: InternalError',
		]);
	});

	it('turns a SUCCEEDED task whose every image failed into a failed state', () => {
		const parsed = alibaba.parseStatus(
			succeeded({
				results: [
					{ code: 'DataInspectionFailed', message: 'Output data may contain inappropriate content.' },
					{ code: 'InternalError.Timeout', message: 'timeout' },
				],
				task_metrics: { TOTAL: 2, SUCCEEDED: 0, FAILED: 2 },
			}),
		);
		expect(parsed).toStrictEqual({
			status: 'failed',
			rawStatus: 'SUCCEEDED',
			urls: [],
			errorCode: 'DataInspectionFailed',
			errorMessage:
				'every image failed (image 1: DataInspectionFailed: Output data may contain inappropriate content.; image 2: InternalError.Timeout: timeout)',
		});
	});

	it('collects every image of every choice, skipping text items and junk', () => {
		const parsed = alibaba.parseStatus(
			succeeded({
				choices: [
					{ message: { content: [{ type: 'text', text: 'Here you go' }, { type: 'image', image: 'https://cdn.example.com/1.png' }] } },
					{ message: { content: [{ image: 'https://cdn.example.com/2.png' }, { image: 42 }, null] } },
					null,
					{ message: 'oops' },
				],
			}),
		);
		expect(parsed.urls).toEqual(['https://cdn.example.com/1.png', 'https://cdn.example.com/2.png']);
	});

	it('reads odd but readable shapes without throwing', () => {
		expect(alibaba.parseStatus({ output: { task_status: 'SUCCEEDED', results: 'x', choices: {}, video_url: 5 } }).urls).toEqual([]);
		expect(alibaba.parseStatus({ output: { task_status: 'SUCCEEDED', results: [null, 1, { url: '' }, { url: 7 }] } }).urls).toEqual([]);
	});
});


describe('Alibaba buildCancel', () => {
	it('cancels a queued task, or one never polled', () => {
		const cancel = { method: 'POST', path: '/api/v1/tasks/0385dc79-5ff8-4d82-bcb6-xxxxxx/cancel' };
		expect(alibaba.buildCancel?.(HANDLE, state('queued'))).toStrictEqual(cancel);
		expect(alibaba.buildCancel?.(HANDLE, undefined)).toStrictEqual(cancel);
	});

	it.each(['running', 'succeeded', 'failed', 'canceled', 'unknown'] as const)('does not cancel a %s task', (status) => {
		expect(alibaba.buildCancel?.(HANDLE, state(status))).toBeUndefined();
	});
});


describe('Alibaba credential', () => {
	it('offers exactly the adapter regions, Singapore by default, sorted by name, each with its address', () => {
		const credential = new AlibabaModelStudioApi();
		const region = credential.properties.find((property) => property.name === 'region');
		const options = (region?.options ?? []) as Array<{ name: string; value: string; description?: string }>;
		expect(region?.default).toBe('intl');
		expect(options.map((option) => option.name)).toEqual([...options.map((option) => option.name)].sort());
		expect(Object.fromEntries(options.map((option) => [option.value, option.description]))).toStrictEqual({
			cn: 'https://dashscope.aliyuncs.com',
			de: 'https://{WorkspaceId}.eu-central-1.maas.aliyuncs.com',
			hk: 'https://{WorkspaceId}.cn-hongkong.maas.aliyuncs.com',
			intl: 'https://dashscope-intl.aliyuncs.com',
			us: 'https://dashscope-us.aliyuncs.com',
		});
		expect(options.map((option) => option.value).sort()).toEqual(Object.keys(ALIBABA_REGIONS).sort());
	});

	it('has a Workspace ID field between the Region and the Base URL', () => {
		const names = new AlibabaModelStudioApi().properties.map((property) => property.name);
		expect(names).toEqual(['apiKey', 'region', 'workspaceId', 'baseUrl']);
	});
});
