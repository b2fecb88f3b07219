/**
 * The Alibaba Cloud Model Studio (DashScope) adapter against the bodies published in Alibaba's API
 * references (文生视频 / 图生视频 / 参考生视频 / 文生图V2 / 图像生成与编辑2.6, providers.md §3): submit bodies
 * for every mode built through the real validation path, every documented status shape (including the
 * legacy image protocol's partial failures), error bodies, and the status / cancel requests.
 */
import { AlibabaModelStudioApi } from '../../credentials/AlibabaModelStudioApi.credentials';
import { MalformedResponseError } from '../../nodes/shared/providers/adapter';
import { alibaba } from '../../nodes/shared/providers/alibaba/adapter';
import { ALIBABA_REGION_URLS } from '../../nodes/shared/providers/alibaba/regions';
import { providerAdapter, submitRequest } from '../../nodes/shared/providers';
import type { GenerationRequest } from '../../nodes/shared/request';
import type { TaskHandle, TaskState } from '../../nodes/shared/types';
import { InvalidInputError } from '../../nodes/shared/inputError';
import { buildGenerationRequest, type GenerationInput } from '../../nodes/shared/validation';

// ---------------------------------------------------------------------------------------------
// Documented bodies, copied verbatim from the docs.
// ---------------------------------------------------------------------------------------------

/** Create response (every create endpoint). */
const DOC_CREATE_RESPONSE = {
	output: { task_status: 'PENDING', task_id: '0385dc79-5ff8-4d82-bcb6-xxxxxx' },
	request_id: '4909100c-7b5a-9f92-bfe5-xxxxxx',
};

/** 文生视频 task query, SUCCEEDED (wan2.6). */
const DOC_VIDEO_SUCCEEDED = {
	request_id: 'caa62a12-8841-41a6-8af2-xxxxxx',
	output: {
		task_id: 'eff1443c-ccab-4676-aad3-xxxxxx',
		task_status: 'SUCCEEDED',
		submit_time: '2025-09-29 14:18:52.331',
		scheduled_time: '2025-09-29 14:18:59.290',
		end_time: '2025-09-29 14:23:39.407',
		orig_prompt: '一幅史诗级可爱的场景。',
		video_url: 'https://dashscope-result-sh.oss-accelerate.aliyuncs.com/xxx.mp4?Expires=xxx',
	},
	usage: {
		duration: 10,
		size: '1280*720',
		input_video_duration: 0,
		output_video_duration: 10,
		video_count: 1,
		SR: 720,
	},
};

/** Task query, FAILED (providers.md §3.2). */
const DOC_VIDEO_FAILED = {
	output: {
		task_id: '86ecf553-d340-4e21-af6e-xxxxxx',
		task_status: 'FAILED',
		code: 'InvalidParameter',
		message: 'The size is not match xxxxxx',
	},
	request_id: 'e5d70b02-ebd3-98ce-9fe8-759d7d7b107d',
};

/** 任务查询过期: task not found or older than 24 h. */
const DOC_EXPIRED = {
	request_id: 'a4de7c32-7057-9f82-8581-xxxxxx',
	output: { task_id: '502a00b1-19d9-4839-a82f-xxxxxx', task_status: 'UNKNOWN' },
};

/** 文生图V2 (wan2.5 and earlier, legacy protocol) task query, SUCCEEDED. */
const DOC_LEGACY_IMAGE_SUCCEEDED = {
	request_id: 'f767d108-7d50-908b-a6d9-xxxxxx',
	output: {
		task_id: 'd492bffd-10b5-4169-b639-xxxxxx',
		task_status: 'SUCCEEDED',
		submit_time: '2025-01-08 16:03:59.840',
		scheduled_time: '2025-01-08 16:03:59.863',
		end_time: '2025-01-08 16:04:10.660',
		results: [
			{
				orig_prompt: '一间有着精致窗户的花店，漂亮的木质门，摆放着花朵',
				actual_prompt: '一间有着精致雕花窗户的花店，漂亮的深色木质门上挂着铜制把手。',
				url: 'https://dashscope-result-wlcb.oss-cn-wulanchabu.aliyuncs.com/1.png',
			},
		],
		task_metrics: { TOTAL: 1, SUCCEEDED: 1, FAILED: 0 },
	},
	usage: { image_count: 1 },
};

/** 文生图V2 task query, FAILED (every image). */
const DOC_LEGACY_IMAGE_FAILED = {
	request_id: 'e5d70b02-ebd3-98ce-9fe8-759d7d7b107d',
	output: {
		task_id: '86ecf553-d340-4e21-af6e-xxxxxx',
		task_status: 'FAILED',
		code: 'InvalidParameter',
		message: 'xxxxxx',
		task_metrics: { TOTAL: 4, SUCCEEDED: 0, FAILED: 4 },
	},
};

/** 任务部分失败: the task SUCCEEDED, one of two images failed. */
const DOC_LEGACY_IMAGE_PARTIAL = {
	request_id: '85eaba38-0185-99d7-8d16-xxxxxx',
	output: {
		task_id: '86ecf553-d340-4e21-af6e-xxxxxx',
		task_status: 'SUCCEEDED',
		results: [
			{ url: 'https://dashscope-result-bj.oss-cn-beijing.aliyuncs.com/123/a1.png' },
			{
				code: 'InternalError.Timeout',
				message:
					'An internal timeout error has occurred during execution, please try again later or contact service support.',
			},
		],
		task_metrics: { TOTAL: 2, SUCCEEDED: 1, FAILED: 1 },
	},
	usage: { image_count: 1 },
};

/** 文生图V2 wan2.6 (messages protocol) task query, SUCCEEDED. */
const DOC_MESSAGES_IMAGE_SUCCEEDED = {
	request_id: '2ddf53fa-699a-4267-9446-xxxxxx',
	output: {
		task_id: '3cd3fa4e-53ee-4136-9cab-xxxxxx',
		task_status: 'SUCCEEDED',
		submit_time: '2025-12-18 20:03:01.802',
		scheduled_time: '2025-12-18 20:03:01.834',
		end_time: '2025-12-18 20:03:29.260',
		finished: true,
		choices: [
			{
				finish_reason: 'stop',
				message: {
					role: 'assistant',
					content: [
						{
							image: 'https://dashscope-result-bj.oss-cn-beijing.aliyuncs.com/xxx.png?Expires=xxx',
							type: 'image',
						},
					],
				},
			},
		],
	},
	usage: { size: '1280*1280', total_tokens: 0, image_count: 1, output_tokens: 0, input_tokens: 0 },
};

const DOC_ERRORS: Array<[string, unknown, { message: string; code: string; description?: string }]> = [
	[
		'401 no key',
		{ code: 'InvalidApiKey', message: 'No API-key provided.', request_id: '7438a7e6-6b5b-9d6b-8d9b-xxxxxx' },
		{ message: 'No API-key provided.', code: 'InvalidApiKey', description: 'Request ID 7438a7e6-6b5b-9d6b-8d9b-xxxxxx' },
	],
	[
		'403 synchronous call',
		{ code: 'AccessDenied', message: 'current user api does not support synchronous calls', request_id: 'r-1' },
		{ message: 'current user api does not support synchronous calls', code: 'AccessDenied', description: 'Request ID r-1' },
	],
	[
		'400 content moderation',
		{ code: 'DataInspectionFailed', message: 'Input data may contain inappropriate content.' },
		{ message: 'Input data may contain inappropriate content.', code: 'DataInspectionFailed' },
	],
	[
		'429 throttling',
		{ code: 'Throttling.RateQuota', message: 'Requests rate limit exceeded, please try again later.', request_id: 'r-2' },
		{
			message: 'Requests rate limit exceeded, please try again later.',
			code: 'Throttling.RateQuota',
			description: 'Request ID r-2',
		},
	],
];

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

type Input = Partial<GenerationInput> & Pick<GenerationInput, 'kind' | 'mode' | 'model'>;

function request(input: Input): GenerationRequest {
	return buildGenerationRequest({ provider: 'alibaba', options: {}, ...input }, 'Alibaba Cloud Model Studio');
}

const ASYNC = { 'X-DashScope-Async': 'enable' };
const VIDEO_PATH = '/api/v1/services/aigc/video-generation/video-synthesis';
const HANDLE: TaskHandle = { provider: 'alibaba', model: 'wan2.5-t2v-preview', taskId: '0385dc79-5ff8-4d82-bcb6-xxxxxx' };

function state(status: TaskState['status']): TaskState {
	return { status, rawStatus: status.toUpperCase(), urls: [] };
}

// ---------------------------------------------------------------------------------------------
// Submit bodies: video
// ---------------------------------------------------------------------------------------------

describe('Alibaba buildSubmit, video', () => {
	it('builds the documented wan2.5 text-to-video body (480P 16:9 → 832*480)', () => {
		const built = alibaba.buildSubmit(
			request({
				kind: 'video',
				mode: 'textToVideo',
				model: 'wan2.5',
				prompt: '一幅史诗级可爱的场景。',
				resolution: '480p',
				aspectRatio: '16:9',
				duration: 10,
				options: {
					audioUrl:
						'https://help-static-aliyun-doc.aliyuncs.com/file-manage-files/zh-CN/20250923/hbiayh/%E4%BB%8E%E5%86%9B%E8%A1%8C.mp3',
					negativePrompt: '',
					promptExtend: true,
					watermark: false,
					seed: 12345,
				},
			}),
		);
		expect(built).toStrictEqual({
			method: 'POST',
			path: VIDEO_PATH,
			headers: ASYNC,
			body: {
				model: 'wan2.5-t2v-preview',
				input: {
					prompt: '一幅史诗级可爱的场景。',
					audio_url:
						'https://help-static-aliyun-doc.aliyuncs.com/file-manage-files/zh-CN/20250923/hbiayh/%E4%BB%8E%E5%86%9B%E8%A1%8C.mp3',
				},
				parameters: { size: '832*480', duration: 10, prompt_extend: true, watermark: false, seed: 12345 },
			},
		});
	});

	it('sends only what is set: wan2.5 720P 16:9, 5 s', () => {
		const built = alibaba.buildSubmit(
			request({ kind: 'video', mode: 'textToVideo', model: 'wan2.5', prompt: 'A cat', resolution: '720p', aspectRatio: '16:9', duration: 5 }),
		);
		expect(built.body).toStrictEqual({
			model: 'wan2.5-t2v-preview',
			input: { prompt: 'A cat' },
			parameters: { size: '1280*720', duration: 5 },
		});
	});

	it('builds wan2.6 text-to-video with shot_type and a 1080P 3:4 size', () => {
		const built = alibaba.buildSubmit(
			request({
				kind: 'video',
				mode: 'textToVideo',
				model: 'wan2.6',
				prompt: 'A chase through a neon market',
				resolution: '1080p',
				aspectRatio: '3:4',
				duration: 15,
				options: { shotType: 'multi', promptExtend: true, negativePrompt: 'blurry' },
			}),
		);
		expect(built.body).toStrictEqual({
			model: 'wan2.6-t2v',
			input: { prompt: 'A chase through a neon market', negative_prompt: 'blurry' },
			parameters: { size: '1248*1632', duration: 15, prompt_extend: true, shot_type: 'multi' },
		});
	});

	it('builds wan2.2 text-to-video (wan2.2-t2v-plus, 1080P 1:1)', () => {
		const built = alibaba.buildSubmit(
			request({ kind: 'video', mode: 'textToVideo', model: 'wan2.2', prompt: 'Rain', resolution: '1080p', aspectRatio: '1:1', duration: 5 }),
		);
		expect(built.body).toStrictEqual({
			model: 'wan2.2-t2v-plus',
			input: { prompt: 'Rain' },
			parameters: { size: '1440*1440', duration: 5 },
		});
	});

	it('builds wan2.5 image-to-video with img_url and an upper-case resolution, no size', () => {
		const built = alibaba.buildSubmit(
			request({
				kind: 'video',
				mode: 'imageToVideo',
				model: 'wan2.5',
				prompt: 'The city comes alive',
				imageUrl: ' https://example.com/city-scene.jpg ',
				resolution: '1080p',
				aspectRatio: '16:9',
				duration: 10,
				options: { audioUrl: 'https://example.com/track.mp3' },
			}),
		);
		expect(built).toStrictEqual({
			method: 'POST',
			path: VIDEO_PATH,
			headers: ASYNC,
			body: {
				model: 'wan2.5-i2v-preview',
				input: {
					prompt: 'The city comes alive',
					img_url: 'https://example.com/city-scene.jpg',
					audio_url: 'https://example.com/track.mp3',
				},
				parameters: { resolution: '1080P', duration: 10 },
			},
		});
	});

	it('builds wan2.2 image-to-video without a prompt (optional for image to video)', () => {
		const built = alibaba.buildSubmit(
			request({ kind: 'video', mode: 'imageToVideo', model: 'wan2.2', imageUrl: 'https://example.com/a.png', resolution: '480p', duration: 5 }),
		);
		expect(built.body).toStrictEqual({
			model: 'wan2.2-i2v-plus',
			input: { img_url: 'https://example.com/a.png' },
			parameters: { resolution: '480P', duration: 5 },
		});
	});

	it('builds wan2.6 image-to-video with shot_type and watermark', () => {
		const built = alibaba.buildSubmit(
			request({
				kind: 'video',
				mode: 'imageToVideo',
				model: 'wan2.6',
				prompt: 'Waves',
				imageUrl: 'https://example.com/beach.jpg',
				resolution: '720p',
				duration: 12,
				options: { shotType: 'single', watermark: true },
			}),
		);
		expect(built.body).toStrictEqual({
			model: 'wan2.6-i2v',
			input: { prompt: 'Waves', img_url: 'https://example.com/beach.jpg' },
			parameters: { resolution: '720P', duration: 12, shot_type: 'single', watermark: true },
		});
	});

	it('builds wan2.6-flash image-to-video with parameters.audio false', () => {
		const built = alibaba.buildSubmit(
			request({
				kind: 'video',
				mode: 'imageToVideo',
				model: 'wan2.6-flash',
				prompt: 'Waves roll in',
				imageUrl: 'https://example.com/beach.jpg',
				resolution: '720p',
				duration: 2,
				options: { generateAudio: false },
			}),
		);
		expect(built.body).toStrictEqual({
			model: 'wan2.6-i2v-flash',
			input: { prompt: 'Waves roll in', img_url: 'https://example.com/beach.jpg' },
			parameters: { resolution: '720P', duration: 2, audio: false },
		});
	});

	it('builds wan2.6 reference-to-video with reference_urls and a size', () => {
		const built = alibaba.buildSubmit(
			request({
				kind: 'video',
				mode: 'referenceToVideo',
				model: 'wan2.6',
				prompt: 'character1 waves at character2',
				referenceUrls: 'https://example.com/ref1.mp4\nhttps://example.com/ref2.png, https://example.com/ref3.jpg',
				resolution: '720p',
				aspectRatio: '16:9',
				duration: 10,
				options: { shotType: 'multi', seed: 7 },
			}),
		);
		expect(built).toStrictEqual({
			method: 'POST',
			path: VIDEO_PATH,
			headers: ASYNC,
			body: {
				model: 'wan2.6-r2v',
				input: {
					prompt: 'character1 waves at character2',
					reference_urls: ['https://example.com/ref1.mp4', 'https://example.com/ref2.png', 'https://example.com/ref3.jpg'],
				},
				parameters: { size: '1280*720', duration: 10, shot_type: 'multi', seed: 7 },
			},
		});
	});

	it('builds wan2.6-flash reference-to-video with audio true and five references', () => {
		const refs = [1, 2, 3, 4, 5].map((i) => `https://example.com/r${i}.png`);
		const built = alibaba.buildSubmit(
			request({
				kind: 'video',
				mode: 'referenceToVideo',
				model: 'wan2.6-flash',
				prompt: 'character1 dances',
				referenceUrls: refs.join(','),
				resolution: '1080p',
				aspectRatio: '9:16',
				duration: 2,
				options: { generateAudio: true },
			}),
		);
		expect(built.body).toStrictEqual({
			model: 'wan2.6-r2v-flash',
			input: { prompt: 'character1 dances', reference_urls: refs },
			parameters: { size: '1080*1920', duration: 2, audio: true },
		});
	});

	it('sends the Model ID override as model, with Extra Parameters merged into input and parameters', () => {
		const req = request({
			kind: 'video',
			mode: 'textToVideo',
			model: 'wan2.5',
			prompt: 'A cat',
			resolution: '720p',
			aspectRatio: '1:1',
			duration: 5,
			options: { modelId: 'wanx2.1-t2v-turbo', extraParameters: '{"parameters":{"seed":3},"input":{"template":"x"}}' },
		});
		const built = submitRequest(alibaba, req);
		expect(built.headers).toStrictEqual(ASYNC);
		expect(built.body).toStrictEqual({
			model: 'wanx2.1-t2v-turbo',
			input: { prompt: 'A cat', template: 'x' },
			parameters: { size: '960*960', duration: 5, seed: 3 },
		});
	});
});

// ---------------------------------------------------------------------------------------------
// Submit bodies: images
// ---------------------------------------------------------------------------------------------

describe('Alibaba buildSubmit, images', () => {
	it('builds the documented wan2.5 text-to-image body (legacy protocol)', () => {
		const built = alibaba.buildSubmit(
			request({
				kind: 'image',
				mode: 'textToImage',
				model: 'wan2.5',
				prompt: '一间有着精致窗户的花店，漂亮的木质门，摆放着花朵',
				aspectRatio: '1:1',
				numberOfImages: 1,
				options: { negativePrompt: '低分辨率、模糊、比例失调', promptExtend: true, watermark: false, seed: 12345 },
			}),
		);
		expect(built).toStrictEqual({
			method: 'POST',
			path: '/api/v1/services/aigc/text2image/image-synthesis',
			headers: ASYNC,
			body: {
				model: 'wan2.5-t2i-preview',
				input: { prompt: '一间有着精致窗户的花店，漂亮的木质门，摆放着花朵', negative_prompt: '低分辨率、模糊、比例失调' },
				parameters: { size: '1280*1280', n: 1, prompt_extend: true, watermark: false, seed: 12345 },
			},
		});
	});

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

	it('uses the Size option, written W*H', () => {
		const built = alibaba.buildSubmit(
			request({
				kind: 'image',
				mode: 'textToImage',
				model: 'wan2.5',
				prompt: 'x',
				aspectRatio: '16:9',
				numberOfImages: 2,
				options: { size: '768x2700' },
			}),
		);
		expect(built.body?.parameters).toStrictEqual({ size: '768*2700', n: 2 });
	});

	it('builds wan2.5 image-to-image with input.images and no size unless set', () => {
		const built = alibaba.buildSubmit(
			request({
				kind: 'image',
				mode: 'imageToImage',
				model: 'wan2.5',
				prompt: 'Put the hat from image 2 on the cat in image 1',
				imageUrls: 'https://example.com/cat.png, https://example.com/hat.png, https://example.com/bg.png',
				numberOfImages: 3,
				options: { seed: 1, watermark: true },
			}),
		);
		expect(built).toStrictEqual({
			method: 'POST',
			path: '/api/v1/services/aigc/image2image/image-synthesis',
			headers: ASYNC,
			body: {
				model: 'wan2.5-i2i-preview',
				input: {
					prompt: 'Put the hat from image 2 on the cat in image 1',
					images: ['https://example.com/cat.png', 'https://example.com/hat.png', 'https://example.com/bg.png'],
				},
				parameters: { n: 3, watermark: true, seed: 1 },
			},
		});
		const sized = alibaba.buildSubmit(
			request({
				kind: 'image',
				mode: 'imageToImage',
				model: 'wan2.5',
				prompt: 'x',
				imageUrls: 'https://example.com/cat.png',
				numberOfImages: 1,
				options: { size: '1024*1024' },
			}),
		);
		expect(sized.body?.parameters).toStrictEqual({ size: '1024*1024', n: 1 });
	});

	it('builds the documented wan2.6 text-to-image body (messages protocol)', () => {
		const built = alibaba.buildSubmit(
			request({
				kind: 'image',
				mode: 'textToImage',
				model: 'wan2.6',
				prompt: '一间有着精致窗户的花店，漂亮的木质门，摆放着花朵',
				aspectRatio: '1:1',
				numberOfImages: 1,
				options: { promptExtend: true, watermark: false },
			}),
		);
		expect(built).toStrictEqual({
			method: 'POST',
			path: '/api/v1/services/aigc/image-generation/generation',
			headers: ASYNC,
			body: {
				model: 'wan2.6-t2i',
				input: {
					messages: [{ role: 'user', content: [{ text: '一间有着精致窗户的花店，漂亮的木质门，摆放着花朵' }] }],
				},
				parameters: { prompt_extend: true, watermark: false, n: 1, size: '1280*1280' },
			},
		});
	});

	it('puts the wan2.6 negative prompt in parameters, not input', () => {
		const built = alibaba.buildSubmit(
			request({
				kind: 'image',
				mode: 'textToImage',
				model: 'wan2.6',
				prompt: 'A fox',
				aspectRatio: '9:16',
				numberOfImages: 4,
				options: { negativePrompt: 'blurry', seed: 0 },
			}),
		);
		expect(built.body).toStrictEqual({
			model: 'wan2.6-t2i',
			input: { messages: [{ role: 'user', content: [{ text: 'A fox' }] }] },
			parameters: { negative_prompt: 'blurry', size: '960*1696', n: 4, seed: 0 },
		});
	});

	it('builds the documented wan2.6-image editing body: one text, then the images in order', () => {
		const built = alibaba.buildSubmit(
			request({
				kind: 'image',
				mode: 'imageToImage',
				model: 'wan2.6',
				prompt: '参考图1的风格和图2的背景，生成番茄炒蛋',
				imageUrls:
					'https://cdn.wanx.aliyuncs.com/tmp/pressure/umbrella1.png\nhttps://img.alicdn.com/imgextra/i3/O1CN01SfG4J41UYn9WNt4X1_!!6000000002530-49-tps-1696-960.webp',
				numberOfImages: 1,
				options: { promptExtend: true, watermark: false, size: '1280*1280' },
			}),
		);
		expect(built).toStrictEqual({
			method: 'POST',
			path: '/api/v1/services/aigc/image-generation/generation',
			headers: ASYNC,
			body: {
				model: 'wan2.6-image',
				input: {
					messages: [
						{
							role: 'user',
							content: [
								{ text: '参考图1的风格和图2的背景，生成番茄炒蛋' },
								{ image: 'https://cdn.wanx.aliyuncs.com/tmp/pressure/umbrella1.png' },
								{
									image:
										'https://img.alicdn.com/imgextra/i3/O1CN01SfG4J41UYn9WNt4X1_!!6000000002530-49-tps-1696-960.webp',
								},
							],
						},
					],
				},
				parameters: { prompt_extend: true, watermark: false, n: 1, size: '1280*1280' },
			},
		});
	});
});

// ---------------------------------------------------------------------------------------------
// Catalogue refusals (no request is built for these)
// ---------------------------------------------------------------------------------------------

describe('Alibaba catalogue limits', () => {
	const t2v = { kind: 'video' as const, mode: 'textToVideo', prompt: 'x', aspectRatio: '16:9', duration: 5 };

	it.each<[string, Input, RegExp]>([
		['720p on wan2.2', { ...t2v, model: 'wan2.2', resolution: '720p' }, /Resolution.*Allowed for wan2\.2-t2v-plus: 480p, 1080p/],
		['10 s on wan2.2', { ...t2v, model: 'wan2.2', resolution: '480p', duration: 10 }, /Duration.*Allowed for wan2\.2-t2v-plus: 5 seconds/],
		['480p on wan2.6', { ...t2v, model: 'wan2.6', resolution: '480p' }, /Resolution/],
		['16 s on wan2.6', { ...t2v, model: 'wan2.6', resolution: '720p', duration: 16 }, /Duration.*2–15/],
		['shot type on wan2.5', { ...t2v, model: 'wan2.5', resolution: '720p', options: { shotType: 'multi' } }, /Shot Type.*not supported/],
		['audio switch on wan2.6 (not flash)', { ...t2v, model: 'wan2.6', resolution: '720p', options: { generateAudio: false } }, /Generate Audio.*not supported/],
		['a callback URL', { ...t2v, model: 'wan2.5', resolution: '720p', options: { callbackUrl: 'https://example.com/hook' } }, /Callback URL.*not supported/],
		['audio URL on wan2.2', { ...t2v, model: 'wan2.2', resolution: '480p', options: { audioUrl: 'https://example.com/a.mp3' } }, /Audio URL.*not supported/],
		[
			'six references',
			{ kind: 'video', mode: 'referenceToVideo', model: 'wan2.6', prompt: 'x', referenceUrls: [1, 2, 3, 4, 5, 6].map((i) => `https://example.com/${i}.png`).join(','), resolution: '720p', aspectRatio: '16:9', duration: 5 },
			/Reference URLs.*Expected 1–5 URLs, got 6/,
		],
		[
			'11 s reference video',
			{ kind: 'video', mode: 'referenceToVideo', model: 'wan2.6', prompt: 'x', referenceUrls: 'https://example.com/1.png', resolution: '720p', aspectRatio: '16:9', duration: 11 },
			/Duration.*2–10/,
		],
		[
			'four images into wan2.5 image to image',
			{ kind: 'image', mode: 'imageToImage', model: 'wan2.5', prompt: 'x', imageUrls: [1, 2, 3, 4].map((i) => `https://example.com/${i}.png`).join(','), numberOfImages: 1 },
			/Image URLs.*Expected 1–3 URLs, got 4/,
		],
		[
			'five images into wan2.6 image to image',
			{ kind: 'image', mode: 'imageToImage', model: 'wan2.6', prompt: 'x', imageUrls: [1, 2, 3, 4, 5].map((i) => `https://example.com/${i}.png`).join(','), numberOfImages: 1 },
			/Image URLs.*Expected 1–4 URLs, got 5/,
		],
		[
			'an editing size above 1280*1280',
			{ kind: 'image', mode: 'imageToImage', model: 'wan2.6', prompt: 'x', imageUrls: 'https://example.com/1.png', numberOfImages: 1, options: { size: '1440x1440' } },
			/Size.*768×768 to 1280×1280/,
		],
		[
			'prompt extend on wan2.5 image to image',
			{ kind: 'image', mode: 'imageToImage', model: 'wan2.5', prompt: 'x', imageUrls: 'https://example.com/1.png', numberOfImages: 1, options: { promptExtend: true } },
			/Prompt Extend.*not supported/,
		],
		['five images', { kind: 'image', mode: 'textToImage', model: 'wan2.6', prompt: 'x', aspectRatio: '1:1', numberOfImages: 5 }, /Number of Images.*1–4/],
	])('refuses %s', (_name, input, message) => {
		expect(() => request(input)).toThrow(InvalidInputError);
		expect(() => request(input)).toThrow(message);
	});

	it('still requires a prompt for text to video', () => {
		expect(() => request({ ...t2v, model: 'wan2.5', resolution: '720p', prompt: '  ' })).toThrow(/A prompt is required/);
	});
});

// ---------------------------------------------------------------------------------------------
// Submit and status responses
// ---------------------------------------------------------------------------------------------

describe('Alibaba parseSubmit', () => {
	it('reads the documented create response: task id, PENDING → queued', () => {
		expect(alibaba.parseSubmit(DOC_CREATE_RESPONSE)).toStrictEqual({
			taskId: '0385dc79-5ff8-4d82-bcb6-xxxxxx',
			state: { status: 'queued', rawStatus: 'PENDING', urls: [], errorCode: undefined, errorMessage: undefined },
		});
	});

	it.each<[string, unknown]>([
		['null', null],
		['undefined', undefined],
		['an HTML string', '<html><body><h1>502 Bad Gateway</h1></body></html>'],
		['an empty object', {}],
		['an array', [DOC_CREATE_RESPONSE]],
		['an error body with 200', { code: 'InvalidParameter', message: 'url error, please check url!', request_id: 'x' }],
		['an output without task_id', { output: { task_status: 'PENDING' }, request_id: 'x' }],
		['an empty task_id', { output: { task_status: 'PENDING', task_id: '' } }],
		['an object task_id', { output: { task_status: 'PENDING', task_id: { id: 'x' } } }],
	])('throws MalformedResponseError (not TypeError) on %s', (_name, malformed) => {
		let thrown: unknown;
		try {
			alibaba.parseSubmit(malformed);
		} catch (error) {
			thrown = error;
		}
		expect(thrown).toBeInstanceOf(MalformedResponseError);
		expect((thrown as MalformedResponseError).body).toBe(malformed);
	});

	it('keeps the task id of a terse answer without a status (the task exists and is paid for)', () => {
		expect(alibaba.parseSubmit({ output: { task_id: 'abc' } })).toStrictEqual({ taskId: 'abc' });
	});
});

describe('Alibaba parseStatus', () => {
	it('reads the documented succeeded video task', () => {
		expect(alibaba.parseStatus(DOC_VIDEO_SUCCEEDED)).toStrictEqual({
			status: 'succeeded',
			rawStatus: 'SUCCEEDED',
			urls: ['https://dashscope-result-sh.oss-accelerate.aliyuncs.com/xxx.mp4?Expires=xxx'],
			errorCode: undefined,
			errorMessage: undefined,
		});
	});

	it('reads the documented failed task: output.code and output.message', () => {
		expect(alibaba.parseStatus(DOC_VIDEO_FAILED)).toStrictEqual({
			status: 'failed',
			rawStatus: 'FAILED',
			urls: [],
			errorCode: 'InvalidParameter',
			errorMessage: 'The size is not match xxxxxx',
		});
	});

	it('ends UNKNOWN (not found or expired, never changes again) as a failure saying so', () => {
		expect(alibaba.parseStatus(DOC_EXPIRED)).toStrictEqual({
			status: 'failed',
			rawStatus: 'UNKNOWN',
			urls: [],
			errorCode: undefined,
			errorMessage: 'task not found or expired (task ids are kept for 24 hours)',
		});
	});

	it.each([
		['PENDING', 'queued'],
		['RUNNING', 'running'],
		['CANCELED', 'canceled'],
		['TELEPORTING', 'unknown'],
	])('maps %s to %s', (raw, status) => {
		const parsed = alibaba.parseStatus({ output: { task_id: 't', task_status: raw }, request_id: 'r' });
		expect(parsed).toMatchObject({ status, rawStatus: raw, urls: [] });
		expect(parsed.progress).toBeUndefined();
	});

	it('reads the documented legacy image result', () => {
		expect(alibaba.parseStatus(DOC_LEGACY_IMAGE_SUCCEEDED)).toStrictEqual({
			status: 'succeeded',
			rawStatus: 'SUCCEEDED',
			urls: ['https://dashscope-result-wlcb.oss-cn-wulanchabu.aliyuncs.com/1.png'],
			errorCode: undefined,
			errorMessage: undefined,
		});
	});

	it('reads the documented failed image task', () => {
		expect(alibaba.parseStatus(DOC_LEGACY_IMAGE_FAILED)).toMatchObject({
			status: 'failed',
			errorCode: 'InvalidParameter',
			errorMessage: 'xxxxxx',
			urls: [],
		});
	});

	it('reads the documented partial failure: the image that worked, and the one that did not', () => {
		expect(alibaba.parseStatus(DOC_LEGACY_IMAGE_PARTIAL)).toStrictEqual({
			status: 'succeeded',
			rawStatus: 'SUCCEEDED',
			urls: ['https://dashscope-result-bj.oss-cn-beijing.aliyuncs.com/123/a1.png'],
			errorCode: undefined,
			errorMessage: undefined,
			partialFailures: [
				'image 2: InternalError.Timeout: An internal timeout error has occurred during execution, please try again later or contact service support.',
			],
		});
	});

	it('names each failed image by its position among the results', () => {
		const parsed = alibaba.parseStatus({
			output: {
				task_id: 't',
				task_status: 'SUCCEEDED',
				results: [
					{ code: 'DataInspectionFailed', message: 'Output data may contain inappropriate content.' },
					{ url: 'https://cdn.example.com/2.png' },
					{ code: 'InternalError' },
					{ url: 'https://cdn.example.com/4.png' },
				],
			},
		});
		expect(parsed.urls).toEqual(['https://cdn.example.com/2.png', 'https://cdn.example.com/4.png']);
		expect(parsed.partialFailures).toEqual([
			'image 1: DataInspectionFailed: Output data may contain inappropriate content.',
			'image 3: InternalError',
		]);
	});

	it('turns a SUCCEEDED task whose every image failed into a failed state', () => {
		const parsed = alibaba.parseStatus({
			output: {
				task_id: 't',
				task_status: 'SUCCEEDED',
				results: [
					{ code: 'DataInspectionFailed', message: 'Output data may contain inappropriate content.' },
					{ code: 'InternalError.Timeout', message: 'timeout' },
				],
				task_metrics: { TOTAL: 2, SUCCEEDED: 0, FAILED: 2 },
			},
		});
		expect(parsed).toStrictEqual({
			status: 'failed',
			rawStatus: 'SUCCEEDED',
			urls: [],
			errorCode: 'DataInspectionFailed',
			errorMessage:
				'every image failed (image 1: DataInspectionFailed: Output data may contain inappropriate content.; image 2: InternalError.Timeout: timeout)',
		});
	});

	it('reads the documented wan2.6 image result (messages protocol)', () => {
		expect(alibaba.parseStatus(DOC_MESSAGES_IMAGE_SUCCEEDED)).toStrictEqual({
			status: 'succeeded',
			rawStatus: 'SUCCEEDED',
			urls: ['https://dashscope-result-bj.oss-cn-beijing.aliyuncs.com/xxx.png?Expires=xxx'],
			errorCode: undefined,
			errorMessage: undefined,
		});
	});

	it('collects every image of every choice, skipping text items and junk', () => {
		const parsed = alibaba.parseStatus({
			output: {
				task_id: 't',
				task_status: 'SUCCEEDED',
				choices: [
					{ message: { content: [{ type: 'text', text: 'Here you go' }, { type: 'image', image: 'https://cdn.example.com/1.png' }] } },
					{ message: { content: [{ image: 'https://cdn.example.com/2.png' }, { image: 42 }, null] } },
					null,
					{ message: 'oops' },
				],
			},
		});
		expect(parsed.urls).toEqual(['https://cdn.example.com/1.png', 'https://cdn.example.com/2.png']);
	});

	it.each<[string, unknown]>([
		['null', null],
		['an HTML string', '<!DOCTYPE html><html></html>'],
		['an empty object', {}],
		['an array', [DOC_VIDEO_SUCCEEDED]],
		['an error body with 200', { code: 'InvalidApiKey', message: 'Invalid API-key provided.', request_id: 'x' }],
		['an output that is a string', { output: 'SUCCEEDED' }],
		['a status that is a number', { output: { task_id: 't', task_status: 3 } }],
		['a status that is null', { output: { task_id: 't', task_status: null } }],
		['a status at the top level only', { task_status: 'SUCCEEDED' }],
	])('throws MalformedResponseError (not TypeError) on %s', (_name, malformed) => {
		let thrown: unknown;
		try {
			alibaba.parseStatus(malformed);
		} catch (error) {
			thrown = error;
		}
		expect(thrown).toBeInstanceOf(MalformedResponseError);
		expect((thrown as MalformedResponseError).body).toBe(malformed);
	});

	it('reads odd but readable shapes without throwing', () => {
		expect(alibaba.parseStatus({ output: { task_status: 'SUCCEEDED', results: 'x', choices: {}, video_url: 5 } }).urls).toEqual([]);
		expect(alibaba.parseStatus({ output: { task_status: 'SUCCEEDED', results: [null, 1, { url: '' }, { url: 7 }] } }).urls).toEqual([]);
	});
});

describe('Alibaba parseError', () => {
	it.each(DOC_ERRORS)('reads the %s error body', (_name, errorBody, expected) => {
		expect(alibaba.parseError(errorBody)).toStrictEqual({
			message: expected.message,
			code: expected.code,
			description: expected.description,
		});
	});

	it.each<[string, unknown]>([
		['an HTML page', '<html><body>502</body></html>'],
		['null', null],
		['an empty object', {}],
		['a code without a message', { code: 'InternalError', request_id: 'x' }],
		['a task body', DOC_VIDEO_FAILED],
	])('returns undefined for %s', (_name, notAnError) => {
		expect(alibaba.parseError(notAnError)).toBeUndefined();
	});
});

// ---------------------------------------------------------------------------------------------
// Status, cancel, base URL, credential
// ---------------------------------------------------------------------------------------------

describe('Alibaba buildStatus and buildCancel', () => {
	it('polls GET /api/v1/tasks/<id>, URL-encoded, with no async header', () => {
		expect(alibaba.buildStatus(HANDLE)).toStrictEqual({ method: 'GET', path: '/api/v1/tasks/0385dc79-5ff8-4d82-bcb6-xxxxxx' });
		expect(alibaba.buildStatus({ ...HANDLE, taskId: 'a/b?c' }).path).toBe('/api/v1/tasks/a%2Fb%3Fc');
	});

	it('cancels a queued task, or one never polled', () => {
		const cancel = { method: 'POST', path: '/api/v1/tasks/0385dc79-5ff8-4d82-bcb6-xxxxxx/cancel' };
		expect(alibaba.buildCancel?.(HANDLE, state('queued'))).toStrictEqual(cancel);
		expect(alibaba.buildCancel?.(HANDLE, undefined)).toStrictEqual(cancel);
	});

	it.each(['running', 'succeeded', 'failed', 'canceled', 'unknown'] as const)('does not cancel a %s task', (status) => {
		expect(alibaba.buildCancel?.(HANDLE, state(status))).toBeUndefined();
	});
});

describe('Alibaba baseUrl, registry and credential', () => {
	it('derives the base URL from the region, or takes the override', () => {
		expect(alibaba.baseUrl({ region: 'intl' })).toBe('https://dashscope-intl.aliyuncs.com');
		expect(alibaba.baseUrl({ region: 'cn' })).toBe('https://dashscope.aliyuncs.com');
		expect(alibaba.baseUrl({ region: 'us' })).toBe('https://dashscope-us.aliyuncs.com');
		expect(alibaba.baseUrl({})).toBe('https://dashscope-intl.aliyuncs.com');
		expect(alibaba.baseUrl({ region: 'cn', baseUrl: '' })).toBe('https://dashscope.aliyuncs.com');
		expect(alibaba.baseUrl({ region: 'cn', baseUrl: 'https://ws-1.cn-beijing.maas.aliyuncs.com/' })).toBe(
			'https://ws-1.cn-beijing.maas.aliyuncs.com',
		);
	});

	it('is registered as the alibaba provider', () => {
		expect(providerAdapter('alibaba')).toBe(alibaba);
	});

	it('offers exactly the adapter regions in the credential, Singapore by default, sorted by name', () => {
		const credential = new AlibabaModelStudioApi();
		const region = credential.properties.find((property) => property.name === 'region');
		const options = (region?.options ?? []) as Array<{ name: string; value: string; description?: string }>;
		expect(region?.default).toBe('intl');
		expect(options.map((option) => option.name)).toEqual([...options.map((option) => option.name)].sort());
		expect(Object.fromEntries(options.map((option) => [option.value, option.description]))).toStrictEqual(ALIBABA_REGION_URLS);
		// The test request's expression repeats the same URLs.
		for (const url of Object.values(ALIBABA_REGION_URLS)) {
			expect(String(credential.test.request.baseURL)).toContain(`'${url}'`);
		}
	});
});
