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
import { ALIBABA_REGIONS, alibabaBaseUrl } from '../../nodes/shared/providers/alibaba/regions';
import { dashScopeUpload } from '../../nodes/shared/providers/alibaba/upload';
import { MalformedResponseError } from '../../nodes/shared/providers/adapter';
import { InvalidInputError } from '../../nodes/shared/inputError';
import type { ProviderRequest, TaskHandle, TaskState } from '../../nodes/shared/types';
import { documented } from '../fixtures/documented';
import { fakeUploadRequests, itRefuses, itSends, requestsFor, thrownBy, type TestInput } from './support';

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

const KF2V_PATH = '/api/v1/services/aigc/image2video/video-synthesis';
const frames = (body: IDataObject): ProviderRequest => ({ method: 'POST', path: KF2V_PATH, headers: ASYNC, body });

// The first/last-frame example images of Alibaba's kf2v guide.
const DOC_FIRST = 'https://wanx.alicdn.com/material/20250318/first_frame.png';
const DOC_LAST = 'https://wanx.alicdn.com/material/20250318/last_frame.png';
const FRAME = 'https://example.com/first.png';
const LAST = 'https://example.com/last.png';
const CLIP = 'https://example.com/clip.mp4';
const VOICE = 'https://example.com/voice.mp3';

describe('Alibaba submit, Wan 2.7 video on the input.media[] protocol', () => {
	itSends<Input>(alibaba, request, [
		[
			'wan2.7-t2v: the audio track as input.audio_url, resolution and ratio, no media',
			{ kind: 'video', mode: 'textToVideo', model: 'wan2.7', prompt: 'A cat', resolution: '1080p', aspectRatio: '9:16', duration: 15, options: { audioUrl: DOC_AUDIO, negativePrompt: 'blurry', promptExtend: false, watermark: true, seed: 0 } },
			video({
				model: 'wan2.7-t2v',
				input: { prompt: 'A cat', negative_prompt: 'blurry', audio_url: DOC_AUDIO },
				parameters: { resolution: '1080P', ratio: '9:16', duration: 15, prompt_extend: false, watermark: true, seed: 0 },
			}),
		],
		[
			'wan2.7-i2v image to video: first_frame and driving_audio, no ratio',
			{ kind: 'video', mode: 'imageToVideo', model: 'wan2.7', prompt: 'She sings', imageUrl: FRAME, resolution: '720p', duration: 2, options: { audioUrl: VOICE } },
			video({
				model: 'wan2.7-i2v',
				input: { prompt: 'She sings', media: [{ type: 'first_frame', url: FRAME }, { type: 'driving_audio', url: VOICE }] },
				parameters: { resolution: '720P', duration: 2 },
			}),
		],
		[
			'wan2.7-i2v first and last frame with driving audio',
			{ kind: 'video', mode: 'firstLastFrameToVideo', model: 'wan2.7', prompt: 'The door opens', imageUrl: FRAME, lastFrameUrl: LAST, resolution: '1080p', duration: 8, options: { audioUrl: VOICE, seed: 9 } },
			video({
				model: 'wan2.7-i2v',
				input: {
					prompt: 'The door opens',
					media: [{ type: 'first_frame', url: FRAME }, { type: 'last_frame', url: LAST }, { type: 'driving_audio', url: VOICE }],
				},
				parameters: { resolution: '1080P', duration: 8, seed: 9 },
			}),
		],
		[
			'wan2.7-i2v first and last frame without a prompt or audio',
			{ kind: 'video', mode: 'firstLastFrameToVideo', model: 'wan2.7', imageUrl: FRAME, lastFrameUrl: LAST, resolution: '720p', duration: 5 },
			video({
				model: 'wan2.7-i2v',
				input: { media: [{ type: 'first_frame', url: FRAME }, { type: 'last_frame', url: LAST }] },
				parameters: { resolution: '720P', duration: 5 },
			}),
		],
		[
			'wan2.7-i2v extending a clip: first_clip, then the optional last frame',
			{ kind: 'video', mode: 'extendVideo', model: 'wan2.7', prompt: 'The chase goes on', videoUrl: CLIP, lastFrameUrl: LAST, resolution: '1080p', duration: 10, options: { promptExtend: true } },
			video({
				model: 'wan2.7-i2v',
				input: { prompt: 'The chase goes on', media: [{ type: 'first_clip', url: CLIP }, { type: 'last_frame', url: LAST }] },
				parameters: { resolution: '1080P', duration: 10, prompt_extend: true },
			}),
		],
		[
			'wan2.7-i2v extending a clip alone',
			{ kind: 'video', mode: 'extendVideo', model: 'wan2.7', videoUrl: CLIP, resolution: '720p', duration: 15 },
			video({ model: 'wan2.7-i2v', input: { media: [{ type: 'first_clip', url: CLIP }] }, parameters: { resolution: '720P', duration: 15 } }),
		],
		[
			'wan2.7-r2v: images and videos told apart per entry, a voice on each of the first two, then the first frame',
			{
				kind: 'video',
				mode: 'referenceToVideo',
				model: 'wan2.7',
				prompt: 'Video 1 hands Image 1 a cup',
				referenceUrls: 'https://example.com/girl.jpg, https://example.com/boy.mp4, https://example.com/cup.png',
				imageUrl: FRAME,
				resolution: '720p',
				aspectRatio: '16:9',
				duration: 10,
				options: { referenceVoiceUrls: 'https://example.com/girl.mp3\nhttps://example.com/boy.wav', watermark: false },
			},
			video({
				model: 'wan2.7-r2v',
				input: {
					prompt: 'Video 1 hands Image 1 a cup',
					media: [
						{ type: 'reference_image', url: 'https://example.com/girl.jpg', reference_voice: 'https://example.com/girl.mp3' },
						{ type: 'reference_video', url: 'https://example.com/boy.mp4', reference_voice: 'https://example.com/boy.wav' },
						{ type: 'reference_image', url: 'https://example.com/cup.png' },
						{ type: 'first_frame', url: FRAME },
					],
				},
				parameters: { resolution: '720P', ratio: '16:9', duration: 10, watermark: false },
			}),
		],
		[
			'wan2.7-r2v with images only may run 15 s',
			{ kind: 'video', mode: 'referenceToVideo', model: 'wan2.7', prompt: 'Image 1 dances', referenceUrls: 'https://example.com/a.png', resolution: '1080p', aspectRatio: '1:1', duration: 15 },
			video({
				model: 'wan2.7-r2v',
				input: { prompt: 'Image 1 dances', media: [{ type: 'reference_image', url: 'https://example.com/a.png' }] },
				parameters: { resolution: '1080P', ratio: '1:1', duration: 15 },
			}),
		],
		[
			'wan2.7-videoedit: the source video, reference images, audio_setting origin, duration 0 (keep the length)',
			{ kind: 'video', mode: 'editVideo', model: 'wan2.7', prompt: 'Make it snow', videoUrl: CLIP, referenceUrls: 'https://example.com/hat.png', resolution: '720p', duration: 0, options: { keepSourceAudio: true } },
			video({
				model: 'wan2.7-videoedit',
				input: { prompt: 'Make it snow', media: [{ type: 'video', url: CLIP }, { type: 'reference_image', url: 'https://example.com/hat.png' }] },
				parameters: { resolution: '720P', duration: 0, audio_setting: 'origin' },
			}),
		],
		[
			'wan2.7-videoedit letting the model decide the sound (audio_setting auto), 6 s',
			{ kind: 'video', mode: 'editVideo', model: 'wan2.7', prompt: 'Night time', videoUrl: CLIP, resolution: '1080p', duration: 6, options: { keepSourceAudio: false } },
			video({
				model: 'wan2.7-videoedit',
				input: { prompt: 'Night time', media: [{ type: 'video', url: CLIP }] },
				parameters: { resolution: '1080P', duration: 6, audio_setting: 'auto' },
			}),
		],
	]);
});

describe('Alibaba submit, Wan 3.0 and the first-and-last-frame models', () => {
	itSends<Input>(alibaba, request, [
		[
			'wan3.0-video text to video at 480P, the model choosing the length (-1), sound off',
			{ kind: 'video', mode: 'textToVideo', model: 'wan3.0', prompt: 'A storm', resolution: '480p', aspectRatio: '16:9', duration: -1, options: { generateAudio: false } },
			video({ model: 'wan3.0-video', input: { prompt: 'A storm' }, parameters: { resolution: '480P', ratio: '16:9', duration: -1, audio: false } }),
		],
		[
			'wan3.0-video at 480P takes 4:3 too: it takes the ratio itself, not a W*H size',
			{ kind: 'video', mode: 'textToVideo', model: 'wan3.0', prompt: 'A storm', resolution: '480p', aspectRatio: '4:3', duration: 5 },
			video({ model: 'wan3.0-video', input: { prompt: 'A storm' }, parameters: { resolution: '480P', ratio: '4:3', duration: 5 } }),
		],
		[
			'wan3.0-video-prime image to video, 30 s',
			{ kind: 'video', mode: 'imageToVideo', model: 'wan3.0-prime', imageUrl: FRAME, resolution: '1080p', duration: 30 },
			video({ model: 'wan3.0-video-prime', input: { media: [{ type: 'first_frame', url: FRAME }] }, parameters: { resolution: '1080P', duration: 30 } }),
		],
		[
			'wan3.0-video first and last frame',
			{ kind: 'video', mode: 'firstLastFrameToVideo', model: 'wan3.0', prompt: 'Day to night', imageUrl: FRAME, lastFrameUrl: LAST, resolution: '720p', duration: 12, options: { watermark: true, seed: 3 } },
			video({
				model: 'wan3.0-video',
				input: { prompt: 'Day to night', media: [{ type: 'first_frame', url: FRAME }, { type: 'last_frame', url: LAST }] },
				parameters: { resolution: '720P', duration: 12, watermark: true, seed: 3 },
			}),
		],
		[
			'wan3.0-video reference to video, images and videos apart, the audio as reference_audio',
			{ kind: 'video', mode: 'referenceToVideo', model: 'wan3.0', prompt: 'Image 1 meets Video 1, speaking as Audio 1', referenceUrls: 'https://example.com/a.png,https://example.com/b.mov', resolution: '720p', aspectRatio: '4:3', duration: 20, options: { audioUrl: VOICE } },
			video({
				model: 'wan3.0-video',
				input: {
					prompt: 'Image 1 meets Video 1, speaking as Audio 1',
					media: [{ type: 'reference_image', url: 'https://example.com/a.png' }, { type: 'reference_video', url: 'https://example.com/b.mov' }, { type: 'reference_audio', url: VOICE }],
				},
				parameters: { resolution: '720P', ratio: '4:3', duration: 20 },
			}),
		],
		[
			'wan2.2-kf2v-flash on the image2video endpoint: the documented body (first_frame_url, last_frame_url, 480P)',
			{ kind: 'video', mode: 'firstLastFrameToVideo', model: 'wan2.2-flash', prompt: 'A small black cat looks up at the sky', imageUrl: DOC_FIRST, lastFrameUrl: DOC_LAST, resolution: '480p', duration: 5, options: { promptExtend: true } },
			frames({
				model: 'wan2.2-kf2v-flash',
				input: { prompt: 'A small black cat looks up at the sky', first_frame_url: DOC_FIRST, last_frame_url: DOC_LAST },
				parameters: { resolution: '480P', duration: 5, prompt_extend: true },
			}),
		],
		[
			'wan2.1-kf2v-plus at 720P with a negative prompt, watermark and seed',
			{ kind: 'video', mode: 'firstLastFrameToVideo', model: 'wan2.1', imageUrl: FRAME, lastFrameUrl: LAST, resolution: '720p', duration: 5, options: { negativePrompt: 'blur', watermark: true, seed: 5 } },
			frames({
				model: 'wan2.1-kf2v-plus',
				input: { negative_prompt: 'blur', first_frame_url: FRAME, last_frame_url: LAST },
				parameters: { resolution: '720P', duration: 5, watermark: true, seed: 5 },
			}),
		],
	]);
});

describe('Alibaba submit, Wan 2.7 images on the messages protocol', () => {
	itSends<Input>(alibaba, request, [
		[
			'wan2.7-image text to image: the aspect ratio as its W*H size',
			{ kind: 'image', mode: 'textToImage', model: 'wan2.7', prompt: DOC_FLOWER_SHOP, aspectRatio: '16:9', numberOfImages: 2, options: { watermark: false } },
			messages({
				model: 'wan2.7-image',
				input: { messages: [{ role: 'user', content: [{ text: DOC_FLOWER_SHOP }] }] },
				parameters: { size: '1696*960', n: 2, watermark: false },
			}),
		],
		[
			'wan2.7-image-pro text to image at 4K (4096*4096)',
			{ kind: 'image', mode: 'textToImage', model: 'wan2.7-pro', prompt: 'A lighthouse', aspectRatio: '1:1', numberOfImages: 1, options: { size: '4096x4096', seed: 1 } },
			messages({
				model: 'wan2.7-image-pro',
				input: { messages: [{ role: 'user', content: [{ text: 'A lighthouse' }] }] },
				parameters: { size: '4096*4096', n: 1, seed: 1 },
			}),
		],
		[
			'wan2.7-image an image set of 12 (enable_sequential)',
			{ kind: 'image', mode: 'textToImage', model: 'wan2.7', prompt: 'One fox through four seasons', aspectRatio: '1:1', numberOfImages: 12, options: { imageSet: true } },
			messages({
				model: 'wan2.7-image',
				input: { messages: [{ role: 'user', content: [{ text: 'One fox through four seasons' }] }] },
				parameters: { size: '1280*1280', n: 12, enable_sequential: true },
			}),
		],
		[
			'wan2.7-image-pro editing nine images: the text, then each image in order, no size unless set',
			{ kind: 'image', mode: 'imageToImage', model: 'wan2.7-pro', prompt: 'Merge them', imageUrls: Array.from({ length: 9 }, (_, i) => `https://example.com/${i + 1}.png`).join(','), numberOfImages: 1 },
			messages({
				model: 'wan2.7-image-pro',
				input: {
					messages: [
						{ role: 'user', content: [{ text: 'Merge them' }, ...Array.from({ length: 9 }, (_, i) => ({ image: `https://example.com/${i + 1}.png` }))] },
					],
				},
				parameters: { n: 1 },
			}),
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
		['six references into wan2.6 with four videos', { kind: 'video', mode: 'referenceToVideo', model: 'wan2.6', prompt: 'x', referenceUrls: 'https://example.com/1.mp4,https://example.com/2.mp4,https://example.com/3.mov,https://example.com/4.mp4', resolution: '720p', aspectRatio: '16:9', duration: 5 }, /Reference URLs.*At most 3 videos, got 4/],
		['six references into wan2.7-r2v', { kind: 'video', mode: 'referenceToVideo', model: 'wan2.7', prompt: 'x', referenceUrls: urls(6), resolution: '720p', aspectRatio: '16:9', duration: 5 }, /Reference URLs.*Expected 1–5 URLs, got 6/],
		['15 s on wan2.7-r2v with a reference video', { kind: 'video', mode: 'referenceToVideo', model: 'wan2.7', prompt: 'x', referenceUrls: 'https://example.com/a.mp4', resolution: '720p', aspectRatio: '16:9', duration: 15 }, /Duration.*with a reference video: 2–10 seconds/],
		['a reference video into wan2.7-videoedit (reference images only)', { kind: 'video', mode: 'editVideo', model: 'wan2.7', prompt: 'x', videoUrl: 'https://example.com/a.mp4', referenceUrls: 'https://example.com/b.mp4', resolution: '720p', duration: 0 }, /Reference URLs.*This is video; allowed here: image/],
		['an image as the clip to extend', { kind: 'video', mode: 'extendVideo', model: 'wan2.7', videoUrl: 'https://example.com/a.png', resolution: '720p', duration: 5 }, /Video URL.*This is image; allowed here: video/],
		['five reference images into wan2.7-videoedit', { kind: 'video', mode: 'editVideo', model: 'wan2.7', prompt: 'x', videoUrl: 'https://example.com/a.mp4', referenceUrls: urls(5), resolution: '720p', duration: 0 }, /Reference URLs.*0–4/],
		['an edit of 11 s', { kind: 'video', mode: 'editVideo', model: 'wan2.7', prompt: 'x', videoUrl: 'https://example.com/a.mp4', resolution: '720p', duration: 11 }, /Duration.*0 \(keep the source video's length\) or 2–10 seconds/],
		['an edit without a source video', { kind: 'video', mode: 'editVideo', model: 'wan2.7', prompt: 'x', resolution: '720p', duration: 0 }, /Video URL/],
		['shot type on wan2.7', { ...t2v, model: 'wan2.7', resolution: '720p', options: { shotType: 'multi' } }, /Shot Type.*not supported/],
		['480p on wan2.7', { ...t2v, model: 'wan2.7', resolution: '480p' }, /Resolution/],
		['31 s on wan3.0', { ...t2v, model: 'wan3.0', resolution: '720p', duration: 31 }, /Duration.*-1 \(the model chooses\) or 2–30 seconds/],
		['a negative prompt on wan3.0', { ...t2v, model: 'wan3.0', resolution: '720p', options: { negativePrompt: 'x' } }, /Negative Prompt.*not supported/],
		['prompt extend on wan3.0', { ...t2v, model: 'wan3.0', resolution: '720p', options: { promptExtend: true } }, /Prompt Extend.*not supported/],
		['a prompt over 20,000 characters on wan3.0', { ...t2v, model: 'wan3.0', resolution: '720p', prompt: 'x'.repeat(20_001) }, /Prompt/],
		['eleven reference images into wan3.0', { kind: 'video', mode: 'referenceToVideo', model: 'wan3.0', prompt: 'x', referenceUrls: urls(11), resolution: '720p', aspectRatio: '16:9', duration: 5 }, /Reference URLs.*At most 10 images, got 11/],
		['1080p on wan2.1-kf2v-plus', { kind: 'video', mode: 'firstLastFrameToVideo', model: 'wan2.1', imageUrl: urls(1), lastFrameUrl: urls(1), resolution: '1080p', duration: 5 }, /Resolution.*720p/],
		['10 s on wan2.2-kf2v-flash', { kind: 'video', mode: 'firstLastFrameToVideo', model: 'wan2.2-flash', imageUrl: urls(1), lastFrameUrl: urls(1), resolution: '720p', duration: 10 }, /Duration.*5 seconds/],
		['audio on a kf2v model', { kind: 'video', mode: 'firstLastFrameToVideo', model: 'wan2.2-flash', imageUrl: urls(1), lastFrameUrl: urls(1), resolution: '720p', duration: 5, options: { audioUrl: 'https://example.com/a.mp3' } }, /Audio URL.*not supported/],
		['a first-and-last-frame video without its last frame', { kind: 'video', mode: 'firstLastFrameToVideo', model: 'wan2.7', imageUrl: urls(1), resolution: '720p', duration: 5 }, /Last Frame URL/],
		['a kf2v model in image to video (it serves first and last frame only)', { kind: 'video', mode: 'imageToVideo', model: 'wan2.2-flash', imageUrl: urls(1), resolution: '720p', duration: 5 }, /Model/],
		['ten images into wan2.7-image editing', { kind: 'image', mode: 'imageToImage', model: 'wan2.7', prompt: 'x', imageUrls: urls(10), numberOfImages: 1 }, /Image URLs.*Expected 1–9 URLs, got 10/],
		['13 images in a wan2.7 image set', { kind: 'image', mode: 'textToImage', model: 'wan2.7', prompt: 'x', aspectRatio: '1:1', numberOfImages: 13, options: { imageSet: true } }, /Number of Images.*as an image set: 1–12/],
		['five images without an image set on wan2.7', { kind: 'image', mode: 'textToImage', model: 'wan2.7', prompt: 'x', aspectRatio: '1:1', numberOfImages: 5 }, /Number of Images.*1–4/],
		['an image set on wan2.6', { kind: 'image', mode: 'textToImage', model: 'wan2.6', prompt: 'x', aspectRatio: '1:1', numberOfImages: 1, options: { imageSet: true } }, /Image Set.*not supported/],
		['a 4K size on wan2.7-image (2K at most)', { kind: 'image', mode: 'textToImage', model: 'wan2.7', prompt: 'x', aspectRatio: '1:1', numberOfImages: 1, options: { size: '4096x4096' } }, /Size.*2048×2048/],
		['a 4K size editing with wan2.7-image-pro (4K is text to image only)', { kind: 'image', mode: 'imageToImage', model: 'wan2.7-pro', prompt: 'x', imageUrls: urls(1), numberOfImages: 1, options: { size: '4096x4096' } }, /Size.*2048×2048/],
		['a negative prompt on wan2.7 images', { kind: 'image', mode: 'textToImage', model: 'wan2.7', prompt: 'x', aspectRatio: '1:1', numberOfImages: 1, options: { negativePrompt: 'x' } }, /Negative Prompt.*not supported/],
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
			hk: 'https://cn-hongkong.dashscope.aliyuncs.com',
			intl: 'https://dashscope-intl.aliyuncs.com',
			us: 'https://dashscope-us.aliyuncs.com',
		});
		expect(options.map((option) => option.value).sort()).toEqual(Object.keys(ALIBABA_REGIONS).sort());
	});

	it('has a Workspace ID field between the Region and the Base URL', () => {
		const names = new AlibabaModelStudioApi().properties.map((property) => property.name);
		expect(names).toEqual(['apiKey', 'region', 'workspaceId', 'workspaceNotice', 'baseUrl']);
	});

	it('says a Workspace ID is needed only where the region has no shared domain (Frankfurt)', () => {
		const notice = new AlibabaModelStudioApi().properties.find((property) => property.name === 'workspaceNotice');
		expect(notice?.type).toBe('notice');
		expect(notice?.displayOptions).toStrictEqual({ show: { region: ['de'] } });
	});
});

type Credentials = Record<string, string>;

describe('Alibaba preflight: what the credentials cannot serve, refused before any request', () => {
	const wan30 = request({ kind: 'video', mode: 'textToVideo', model: 'wan3.0', prompt: 'x', resolution: '720p', aspectRatio: '16:9', duration: 5 });
	const preflight = (credentials: Credentials, generation = wan30) => thrownBy(() => alibaba.preflight?.(generation, credentials));

	it.each<[string, Credentials]>([
		['the Singapore shared domain', { region: 'intl' }],
		['the Beijing shared domain', { region: 'cn', workspaceId: '' }],
		['a Base URL that is not a workspace domain, without a Workspace ID', { region: 'intl', baseUrl: 'https://proxy.example.com' }],
	])('refuses Wan 3.0 on %s, naming the credential, the address and the fix', (_title, credentials) => {
		const error = preflight(credentials);
		expect(error).toBeInstanceOf(InvalidInputError);
		const problem = (error as InvalidInputError).problems[0];
		expect(problem.field).toBe('Credential Workspace ID');
		expect(problem.value).toBe(alibabaBaseUrl(credentials));
		expect(problem.allowed).toMatch(/wan3\.0-video is served only on a Model Studio workspace domain.*Enter the Workspace ID.*Base URL to https:\/\/\{WorkspaceId\}/);
	});

	it.each<[string, Credentials]>([
		['a Workspace ID in Singapore', { region: 'intl', workspaceId: 'llm-ws1' }],
		['a Workspace ID in Frankfurt', { region: 'de', workspaceId: 'llm-ws1' }],
		['a Workspace ID in Virginia', { region: 'us', workspaceId: 'llm-ws1' }],
		['a Base URL on a workspace domain', { region: 'us', baseUrl: 'https://llm-ws1.ap-southeast-1.maas.aliyuncs.com/' }],
		['a test server with a Workspace ID (the user says it fronts the workspace)', { region: 'intl', workspaceId: 'llm-ws1', baseUrl: 'http://127.0.0.1:8080/alibaba' }],
	])('accepts Wan 3.0 with %s', (_title, credentials) => {
		expect(preflight(credentials)).toBeUndefined();
	});

	it('lets every other model through on a shared domain', () => {
		const wan27 = request({ kind: 'video', mode: 'textToVideo', model: 'wan2.7', prompt: 'x', resolution: '720p', aspectRatio: '16:9', duration: 5 });
		expect(preflight({ region: 'intl' }, wan27)).toBeUndefined();
	});

	it('refuses a 4K image set on wan2.7-image-pro (sets stop at 2K), and takes a 4K single image', () => {
		const pro = (imageSet: boolean) =>
			request({ kind: 'image', mode: 'textToImage', model: 'wan2.7-pro', prompt: 'x', aspectRatio: '1:1', numberOfImages: 2, options: { size: '4096x4096', imageSet } });
		expect((preflight({ region: 'intl' }, pro(true)) as Error).message).toBe(
			'Invalid Size: "4096x4096". An image set is made at up to 2048×2048 pixels (2K): pick a smaller size, or turn Image Set off for 4K.',
		);
		expect(preflight({ region: 'intl' }, pro(false))).toBeUndefined();
	});
});

describe('Alibaba base URL', () => {
	it.each<[string, Credentials, RegExp]>([
		['Frankfurt without a Workspace ID', { region: 'de' }, /Invalid Credential Workspace ID: empty\. Germany \(Frankfurt\) is served only on workspace domains: enter the Workspace ID/],
		['a Workspace ID that is not one DNS label', { region: 'intl', workspaceId: 'evil.com/x' }, /Invalid Credential Workspace ID: "evil\.com\/x"\. Expected the ID shown/],
	])('refuses %s before any request', (_title, credentials, message) => {
		const error = thrownBy(() => alibaba.baseUrl(credentials));
		expect(error).toBeInstanceOf(InvalidInputError);
		expect((error as Error).message).toMatch(message);
	});
});

describe('Alibaba usage', () => {
	it('keeps DashScope usage as DashScope names it, values untouched', () => {
		const usage = { duration: 5.0, input_video_duration: 4.2, output_video_duration: 5, video_count: 1, SR: 480, fps: 30, ratio: '16:9' };
		expect(alibaba.parseStatus({ ...(succeeded({ video_url: 'https://cdn.example.com/v.mp4' }) as object), usage }).usage).toStrictEqual(usage);
	});

	it.each([
		['absent', undefined],
		['empty', {}],
		['a string', '5 seconds'],
		['a list', [1]],
	])('leaves usage out when it is %s', (_title, usage) => {
		expect(alibaba.parseStatus({ ...(succeeded({}) as object), usage })).not.toHaveProperty('usage');
	});
});

describe('DashScope temporary upload', () => {
	const file = { fileName: 'my clip (1).mp4', mimeType: 'video/mp4', bytes: 4096, type: 'video' as const };
	const POLICY = documented<{ data: Record<string, string> }>('alibaba', 'upload-policy');

	const answering = (policy: unknown = POLICY) => fakeUploadRequests({ api: policy, multipart: '' });

	it('asks for a policy for the model, posts the OSS form without the key, and answers oss://{key}', async () => {
		const { asked, requests } = answering();
		const url = await dashScopeUpload.upload(file, requests, { credentials: { region: 'cn' }, modelId: 'wan2.7-i2v' });
		expect(asked.api).toEqual([{ method: 'GET', url: 'https://dashscope.aliyuncs.com/api/v1/uploads', qs: { action: 'getPolicy', model: 'wan2.7-i2v' } }]);
		const [form] = asked.multipart;
		const key = new Map(form.fields).get('key')!;
		expect(key).toMatch(new RegExp(`^${POLICY.data.upload_dir}/[a-z0-9]+-[a-z0-9]+-my_clip_1_.mp4$`));
		expect({ url: form.url, withKey: form.withKey, fields: form.fields }).toEqual({
			url: POLICY.data.upload_host,
			withKey: false,
			fields: [
				['OSSAccessKeyId', POLICY.data.oss_access_key_id],
				['Signature', POLICY.data.signature],
				['policy', POLICY.data.policy],
				['key', key],
				['x-oss-object-acl', 'private'],
				['x-oss-forbid-overwrite', 'true'],
				['success_action_status', '200'],
				['x-oss-content-type', 'video/mp4'],
			],
		});
		expect(url).toBe(`oss://${key}`);
		expect(form.readError?.('<?xml version="1.0"?><Error><Code>AccessDenied</Code><Message>Policy expired.</Message></Error>')).toEqual({
			message: 'Policy expired.',
			code: 'AccessDenied',
		});
	});

	it('throws MalformedResponseError, before any upload, on a policy it cannot use', async () => {
		const { asked, requests } = answering({ request_id: 'r', data: { ...POLICY.data, upload_host: undefined } });
		await expect(dashScopeUpload.upload(file, requests, { credentials: {}, modelId: 'wan2.7-i2v' })).rejects.toThrow(
			new MalformedResponseError("DashScope's upload policy has no data.upload_host", undefined),
		);
		expect(asked.multipart).toHaveLength(0);
	});
});
