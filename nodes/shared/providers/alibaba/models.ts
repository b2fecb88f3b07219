import {
	AT_MOST_ONE,
	IMAGE_SET,
	ONE,
	ONE_TO_FOUR,
	ONE_TO_NINE,
	WAN25_IMAGE_SIZE,
	WAN26_REFERENCES,
	WAN27_EDIT_REFERENCES,
	WAN27_REFERENCES,
	WAN27_VOICES,
	WAN30_REFERENCES,
} from '../../limits';
import type { ImageSizeLimits, ProviderModel, OptionalField } from '../../modelSpec';
import { WAN22, WAN25, WAN26, WAN26_FLASH, WAN27, WAN27_PRO, WAN30 } from '../../wanModels';

/** Image editing output (wan2.5-i2i-preview, wan2.6-image): 768*768 to 1280*1280 pixels, 1:4 to 4:1. */
const EDIT_IMAGE_SIZE: ImageSizeLimits = {
	minPixels: 768 * 768,
	maxPixels: 1280 * 1280,
	minAspect: 1 / 4,
	maxAspect: 4,
};

const VIDEO_BASE: readonly OptionalField[] = ['negativePrompt', 'promptExtend', 'seed', 'watermark'];
const WAN26_VIDEO: readonly OptionalField[] = [...VIDEO_BASE, 'shotType'];
const REFERENCE_VIDEO: readonly OptionalField[] = ['negativePrompt', 'seed', 'shotType', 'watermark'];
/** Wan 2.7 video: shot_type has no effect on wan2.7 (the prompt's wording decides), so it is not offered. */
const WAN27_VIDEO = VIDEO_BASE;

/** Wan 2.7 image output: 768*768 to 2048*2048 pixels (the 2K tier), 1:8 to 8:1. */
const WAN27_IMAGE_SIZE: ImageSizeLimits = { minPixels: 768 * 768, maxPixels: 2048 * 2048, minAspect: 1 / 8, maxAspect: 8 };
/** wan2.7-image-pro reaches the 4K tier (4096*4096) in text to image only. */
const WAN27_PRO_TEXT_SIZE: ImageSizeLimits = { ...WAN27_IMAGE_SIZE, maxPixels: 4096 * 4096 };
/**
 * What every Wan 2.7 image entry shares: the messages protocol, 1–4 images or a set of up to 12, the 2K
 * tier's sizes; no negative prompt and no prompt_extend (thinking_mode is theirs, left at its default).
 */
const WAN27_IMAGE = {
	messagesProtocol: true,
	numberOfImages: ONE_TO_FOUR,
	imageSetSize: IMAGE_SET,
	sizeLimits: WAN27_IMAGE_SIZE,
	optionalFields: ['imageSet', 'seed', 'size', 'watermark'],
} satisfies Partial<ProviderModel>;

/**
 * The first-and-last-frame models (kf2v): image2video endpoint, fixed 5 s, prompts up to 800 characters
 * (image-to-video by first and last frames API reference,
 * https://help.aliyun.com/en/model-studio/image-to-video-by-first-and-last-frame-api-reference, and its guide
 * https://help.aliyun.com/en/model-studio/image-to-video-first-and-last-frames-guide).
 */
const KF2V = {
	mode: 'firstLastFrameToVideo',
	keyframesProtocol: true,
	prompt: { required: false, maxLength: 800 },
	durations: [5],
	media: { firstFrame: ONE, lastFrame: ONE },
	optionalFields: VIDEO_BASE,
} satisfies Partial<ProviderModel>;

/** Wan 3.0 drops negative_prompt and prompt_extend; `parameters.audio` (on by default) switches its sound. */
const WAN30_VIDEO: readonly OptionalField[] = ['generateAudio', 'seed', 'watermark'];

/**
 * Wan 3.0 and 3.0 Prime (`wan3.0-video`, `wan3.0-video-prime`), served on workspace domains only: Alibaba's
 * Wan 3.0 API reference (https://www.alibabacloud.com/help/es/model-studio/wan3-video-generation-api-reference,
 * Indonesian copy /help/id/…; only its head is stored: endpoints on `{WorkspaceId}.{region}.maas.aliyuncs.com`
 * alone, text to video, first / first and last frame, references) and guide
 * (https://www.alibabacloud.com/help/en/model-studio/wan3-video-generation-guide). The parameter limits are
 * from third-party copies of that reference, which agree: a New-API fork citing it
 * (protagolabs/new-api relay/channel/task/ali/wan3.go), Comfy's and Oxen's Wan 3.0 API pages. Same
 * input.media[] protocol: first_frame, last_frame, reference_image (≤10), reference_video (≤5), reference_audio
 * (≤5), frames and
 * references never mixed; prompts up to 20,000 characters; 480P/720P/1080P; ratio adaptive (when not
 * sent) or one of five; 2–30 s or -1; no negative_prompt or prompt_extend.
 */
function wan30(model: string, modelId: string): ProviderModel[] {
	const shared = { model, modelId, mediaProtocol: true, workspaceOnly: true, optionalFields: WAN30_VIDEO };
	return [
		{ ...WAN30.textToVideo, ...shared },
		{ ...WAN30.imageToVideo, ...shared, media: { firstFrame: ONE } },
		{ ...WAN30.firstLastFrameToVideo, ...shared, media: { firstFrame: ONE, lastFrame: ONE } },
		// The Audio URL goes in as a reference_audio entry (up to five are documented; the field takes one).
		{ ...WAN30.referenceToVideo, ...shared, media: { references: WAN30_REFERENCES, audio: AT_MOST_ONE } },
	];
}

/** Alibaba Cloud Model Studio (DashScope) Wan models (providers.md §3): Wan's limits as they are documented. */
export const ALIBABA_MODELS: readonly ProviderModel[] = [
	{
		...WAN22.textToVideo,
		modelId: 'wan2.2-t2v-plus',
		optionalFields: VIDEO_BASE,
	},
	{
		...WAN25.textToVideo,
		modelId: 'wan2.5-t2v-preview',
		media: { audio: AT_MOST_ONE },
		optionalFields: VIDEO_BASE,
	},
	{
		...WAN26.textToVideo,
		modelId: 'wan2.6-t2v',
		media: { audio: AT_MOST_ONE },
		optionalFields: WAN26_VIDEO,
	},
	{
		...WAN22.imageToVideo,
		modelId: 'wan2.2-i2v-plus',
		media: { firstFrame: ONE },
		optionalFields: VIDEO_BASE,
	},
	{
		...WAN25.imageToVideo,
		modelId: 'wan2.5-i2v-preview',
		media: { firstFrame: ONE, audio: AT_MOST_ONE },
		optionalFields: VIDEO_BASE,
	},
	{
		...WAN26.imageToVideo,
		modelId: 'wan2.6-i2v',
		media: { firstFrame: ONE, audio: AT_MOST_ONE },
		optionalFields: WAN26_VIDEO,
	},
	{
		...WAN26_FLASH.imageToVideo,
		modelId: 'wan2.6-i2v-flash',
		media: { firstFrame: ONE, audio: AT_MOST_ONE },
		optionalFields: [...WAN26_VIDEO, 'generateAudio'],
	},
	{
		...WAN26.referenceToVideo,
		modelId: 'wan2.6-r2v',
		media: { references: WAN26_REFERENCES },
		optionalFields: REFERENCE_VIDEO,
	},
	{
		...WAN26_FLASH.referenceToVideo,
		modelId: 'wan2.6-r2v-flash',
		media: { references: WAN26_REFERENCES },
		optionalFields: [...REFERENCE_VIDEO, 'generateAudio'],
	},
	// Wan 2.7 video, on the input.media[] protocol. wan2.7-t2v: https://www.alibabacloud.com/help/en/model-studio/text-to-video-api-reference
	{
		...WAN27.textToVideo,
		modelId: 'wan2.7-t2v',
		mediaProtocol: true,
		media: { audio: AT_MOST_ONE },
		optionalFields: WAN27_VIDEO,
	},
	// wan2.7-i2v serves first frame (+ driving audio), first and last frame (+ driving audio), and continuing a
	// clip (first_clip + optional last frame, no audio): https://www.alibabacloud.com/help/en/model-studio/wan-image-to-video-guide
	{
		...WAN27.imageToVideo,
		modelId: 'wan2.7-i2v',
		mediaProtocol: true,
		media: { firstFrame: ONE, audio: AT_MOST_ONE },
		optionalFields: WAN27_VIDEO,
	},
	{
		...WAN27.firstLastFrameToVideo,
		modelId: 'wan2.7-i2v',
		mediaProtocol: true,
		media: { firstFrame: ONE, lastFrame: ONE, audio: AT_MOST_ONE },
		optionalFields: WAN27_VIDEO,
	},
	{
		...WAN27.extendVideo,
		modelId: 'wan2.7-i2v',
		mediaProtocol: true,
		media: { video: ONE, lastFrame: AT_MOST_ONE },
		optionalFields: WAN27_VIDEO,
	},
	// wan2.7-r2v: one to five reference images/videos, each with an optional voice, and an optional first
	// frame not counted among them; 2–10 s once a reference is a video:
	// https://www.alibabacloud.com/help/en/model-studio/wan-video-to-video-api-reference
	{
		...WAN27.referenceToVideo,
		modelId: 'wan2.7-r2v',
		mediaProtocol: true,
		media: { references: WAN27_REFERENCES, firstFrame: AT_MOST_ONE, voices: WAN27_VOICES },
		optionalFields: WAN27_VIDEO,
	},
	// wan2.7-videoedit: one source video and up to four reference images; audio_setting keeps or remakes the
	// sound; 0 (the source's length) or 2–10 s: https://www.alibabacloud.com/help/en/model-studio/wan-video-editing-api-reference
	{
		...WAN27.editVideo,
		modelId: 'wan2.7-videoedit',
		mediaProtocol: true,
		media: { video: ONE, references: WAN27_EDIT_REFERENCES },
		optionalFields: [...WAN27_VIDEO, 'keepSourceAudio'],
	},
	...wan30('wan3.0', 'wan3.0-video'),
	...wan30('wan3.0-prime', 'wan3.0-video-prime'),
	// The guide: wan2.2-kf2v-flash at 480P, 720P or 1080P; wan2.1-kf2v-plus at 720P.
	{ ...KF2V, model: 'wan2.2-flash', modelId: 'wan2.2-kf2v-flash', resolutions: ['480p', '720p', '1080p'] },
	{ ...KF2V, model: 'wan2.1', modelId: 'wan2.1-kf2v-plus', resolutions: ['720p'] },
	{
		...WAN25.textToImage,
		modelId: 'wan2.5-t2i-preview',
		numberOfImages: ONE_TO_FOUR,
		sizeLimits: WAN25_IMAGE_SIZE,
		optionalFields: ['negativePrompt', 'promptExtend', 'seed', 'size', 'watermark'],
	},
	{
		...WAN25.imageToImage,
		modelId: 'wan2.5-i2i-preview',
		media: { images: { min: 1, max: 3 } },
		numberOfImages: ONE_TO_FOUR,
		sizeLimits: EDIT_IMAGE_SIZE,
		optionalFields: ['negativePrompt', 'seed', 'size', 'watermark'],
	},
	{
		...WAN26.textToImage,
		modelId: 'wan2.6-t2i',
		messagesProtocol: true,
		numberOfImages: ONE_TO_FOUR,
		// The docs state 1280*1280 as the floor but recommend 1696*960 etc. below it; wan2.5's range it is.
		sizeLimits: WAN25_IMAGE_SIZE,
		optionalFields: ['negativePrompt', 'promptExtend', 'seed', 'size', 'watermark'],
	},
	{
		...WAN26.imageToImage,
		modelId: 'wan2.6-image',
		messagesProtocol: true,
		media: { images: { min: 1, max: 4 } },
		numberOfImages: ONE_TO_FOUR,
		sizeLimits: EDIT_IMAGE_SIZE,
		optionalFields: ['negativePrompt', 'promptExtend', 'seed', 'size', 'watermark'],
	},
	// Wan 2.7 images on the messages protocol, 0–9 input images, image sets of up to 12 (enable_sequential):
	// https://www.alibabacloud.com/help/en/model-studio/wan-image-edit-2-5 and
	// https://docs.qwencloud.com/api-reference/image-generation/wan27-image-gen-edit/create-task
	{ ...WAN27.textToImage, ...WAN27_IMAGE, modelId: 'wan2.7-image' },
	{ ...WAN27.imageToImage, ...WAN27_IMAGE, modelId: 'wan2.7-image', media: { images: ONE_TO_NINE } },
	{ ...WAN27_PRO.textToImage, ...WAN27_IMAGE, modelId: 'wan2.7-image-pro', sizeLimits: WAN27_PRO_TEXT_SIZE },
	{ ...WAN27_PRO.imageToImage, ...WAN27_IMAGE, modelId: 'wan2.7-image-pro', media: { images: ONE_TO_NINE } },
];
