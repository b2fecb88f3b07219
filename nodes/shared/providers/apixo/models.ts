import {
	AT_MOST_ONE,
	IMAGE_SET,
	ONE,
	ONE_TO_FOUR,
	ONE_TO_NINE,
	WAN26_REFERENCES,
	WAN27_EDIT_REFERENCES,
	WAN27_REFERENCES,
} from '../../limits';
import type { CountRange, ImageSizeLimits, ProviderModel, OptionalField } from '../../modelSpec';
import { WAN25, WAN26, WAN26_FLASH, WAN27, WAN27_PRO } from '../../wanModels';
import { tierSizeLimits } from '../imageTiers';

const ONE_TO_THREE: CountRange = { min: 1, max: 3 };

/** wan-2-5-video documents the same optional fields for both its modes (seed doc 002). */
const WAN25_VIDEO_OPTIONS: readonly OptionalField[] = [
	'callbackUrl',
	'negativePrompt',
	'promptExtend',
	'seed',
	'watermark',
];
const WAN26_VIDEO_OPTIONS: readonly OptionalField[] = ['callbackUrl', 'negativePrompt', 'promptExtend'];
/** `sound` exists only in wan-2-6-video's flash modes. */
const WAN26_FLASH_OPTIONS: readonly OptionalField[] = [...WAN26_VIDEO_OPTIONS, 'generateAudio'];
const IMAGE_OPTIONS: readonly OptionalField[] = ['callbackUrl', 'negativePrompt'];

// Wan 2.6 reference inputs, 1–5 (wan-2-6 page, "Reference inputs"); at most 3 of them videos, as Alibaba's
// wan2.6-r2v takes (APIXO forwards to it; its page does not repeat the per-type cap): WAN26_REFERENCES.

/**
 * wan-2-7-video (https://apixo.ai/docs/models/video/wan-2-7 and its .md copy
 * https://apixo.ai/docs/models/video/wan-2-7-video.md). Both pages document the modes, 720p/1080p, the five
 * ratios (default 16:9 for text and reference, none for image-to-video), the durations per mode, and
 * `image_urls`, `video_urls`, `audio_urls` as the only media fields. The rest of the optional fields are
 * Alibaba's wan2.7 parameters, which APIXO forwards.
 */
const WAN27_VIDEO_OPTIONS: readonly OptionalField[] = ['callbackUrl', 'negativePrompt', 'promptExtend', 'seed', 'watermark'];

/**
 * wan-2-7-image (https://apixo.ai/de/docs/models/image/wan-2-7-image): modes omni-image (wan2.7) and
 * omni-image-pro (wan2.7-pro), each for text to image (no `image_urls`) and image editing (`image_urls`,
 * 1–9). No aspect ratio is documented; the output size is a `resolution` tier, which the Size option
 * names by its square size (providers/imageTiers.ts): 4k only in omni-image-pro text to image.
 */
const WAN27_IMAGE_OPTIONS: readonly OptionalField[] = ['callbackUrl', 'imageSet', 'seed', 'size', 'watermark'];
const WAN27_IMAGE = {
	numberOfImages: ONE_TO_FOUR,
	imageSetSize: IMAGE_SET,
	optionalFields: WAN27_IMAGE_OPTIONS,
};
const UP_TO_2K: ImageSizeLimits = tierSizeLimits('2k');
const UP_TO_4K: ImageSizeLimits = tierSizeLimits('4k');

/**
 * APIXO's Wan models (seed doc 002; providers.md §2.4; the Wan 2.6 and 2.7 pages cited above). One APIXO
 * model id serves several modes, chosen by `input.mode` (`providerMode`; wan-2-6-video serves the flash
 * variants as modes of its own). The 2.5 and 2.6 image models take no WxH size, only `aspect_ratio` (text
 * to image). Wan 2.5 and 2.7 video take `aspect_ratio`; Wan 2.6 (https://apixo.ai/docs/models/video/wan-2-6)
 * documents explicit `size` presets (`1280*720`, …) for text and reference modes beside the `resolution`
 * tier, and says nothing of which wins: both are sent, and always agree. Wan 2.6 image to video requires a
 * prompt here, and wan-2-6-image takes prompts of up to 2000 characters.
 */
export const APIXO_MODELS: readonly ProviderModel[] = [
	{
		...WAN25.textToVideo,
		modelId: 'wan-2-5-video',
		providerMode: 'text-to-video',
		shapeAs: 'aspectRatio',
		media: { audio: AT_MOST_ONE },
		optionalFields: WAN25_VIDEO_OPTIONS,
	},
	{
		...WAN25.imageToVideo,
		modelId: 'wan-2-5-video',
		providerMode: 'image-to-video',
		media: { firstFrame: ONE, audio: AT_MOST_ONE },
		optionalFields: WAN25_VIDEO_OPTIONS,
	},
	{
		...WAN26.textToVideo,
		modelId: 'wan-2-6-video',
		providerMode: 'text-to-video',
		shapeAs: 'size',
		media: { audio: AT_MOST_ONE },
		optionalFields: WAN26_VIDEO_OPTIONS,
	},
	{
		...WAN26.imageToVideo,
		modelId: 'wan-2-6-video',
		providerMode: 'image-to-video',
		prompt: { required: true, maxLength: 1500 },
		media: { firstFrame: ONE, audio: AT_MOST_ONE },
		optionalFields: WAN26_VIDEO_OPTIONS,
	},
	{
		...WAN26_FLASH.imageToVideo,
		modelId: 'wan-2-6-video',
		providerMode: 'image-to-video-flash',
		prompt: { required: true, maxLength: 1500 },
		media: { firstFrame: ONE, audio: AT_MOST_ONE },
		optionalFields: WAN26_FLASH_OPTIONS,
	},
	{
		...WAN26.referenceToVideo,
		modelId: 'wan-2-6-video',
		providerMode: 'reference-to-video',
		shapeAs: 'size',
		media: { references: WAN26_REFERENCES, audio: AT_MOST_ONE },
		optionalFields: WAN26_VIDEO_OPTIONS,
	},
	{
		...WAN26_FLASH.referenceToVideo,
		modelId: 'wan-2-6-video',
		providerMode: 'reference-to-video-flash',
		shapeAs: 'size',
		media: { references: WAN26_REFERENCES, audio: AT_MOST_ONE },
		optionalFields: WAN26_FLASH_OPTIONS,
	},
	{
		...WAN27.textToVideo,
		modelId: 'wan-2-7-video',
		providerMode: 'text-to-video',
		shapeAs: 'aspectRatio',
		media: { audio: AT_MOST_ONE },
		optionalFields: WAN27_VIDEO_OPTIONS,
	},
	// First frame in image_urls; optional driving audio in audio_urls.
	{
		...WAN27.imageToVideo,
		modelId: 'wan-2-7-video',
		providerMode: 'image-to-video',
		media: { firstFrame: ONE, audio: AT_MOST_ONE },
		optionalFields: WAN27_VIDEO_OPTIONS,
	},
	// The same mode with both frames: image_urls [first, last] ("Image-to-video (first and optional last frame)").
	{
		...WAN27.firstLastFrameToVideo,
		modelId: 'wan-2-7-video',
		providerMode: 'image-to-video',
		media: { firstFrame: ONE, lastFrame: ONE, audio: AT_MOST_ONE },
		optionalFields: WAN27_VIDEO_OPTIONS,
	},
	// Reference images in image_urls, reference videos in video_urls; 2–10 s once one is a video.
	{
		...WAN27.referenceToVideo,
		modelId: 'wan-2-7-video',
		providerMode: 'reference-to-video',
		shapeAs: 'aspectRatio',
		media: { references: WAN27_REFERENCES },
		optionalFields: WAN27_VIDEO_OPTIONS,
	},
	// The source video in video_urls, reference images in image_urls; 0 (keep its length) or 2–10 s. The .md
	// copy requires the prompt (the instruction), the rendered page calls it optional: the stricter is kept.
	{
		...WAN27.editVideo,
		modelId: 'wan-2-7-video',
		providerMode: 'video-edit',
		prompt: { ...WAN27.editVideo.prompt, required: true },
		media: { video: ONE, references: WAN27_EDIT_REFERENCES },
		optionalFields: WAN27_VIDEO_OPTIONS,
	},
	{
		...WAN25.textToImage,
		modelId: 'wan-2-5-image',
		providerMode: 'text-to-image',
		numberOfImages: ONE_TO_FOUR,
		optionalFields: IMAGE_OPTIONS,
	},
	{
		...WAN25.imageToImage,
		modelId: 'wan-2-5-image',
		providerMode: 'image-to-image',
		numberOfImages: ONE_TO_FOUR,
		media: { images: ONE_TO_THREE },
		optionalFields: IMAGE_OPTIONS,
	},
	{
		...WAN26.textToImage,
		modelId: 'wan-2-6-image',
		providerMode: 'text-to-image',
		prompt: { required: true, maxLength: 2000 },
		numberOfImages: ONE_TO_THREE,
		optionalFields: IMAGE_OPTIONS,
	},
	{
		...WAN26.imageToImage,
		modelId: 'wan-2-6-image',
		providerMode: 'image-to-image',
		numberOfImages: ONE_TO_THREE,
		media: { images: ONE_TO_THREE },
		optionalFields: IMAGE_OPTIONS,
	},
	{
		...WAN27.textToImage,
		...WAN27_IMAGE,
		aspectRatios: undefined,
		modelId: 'wan-2-7-image',
		providerMode: 'omni-image',
		sizeLimits: UP_TO_2K,
	},
	{
		...WAN27.imageToImage,
		...WAN27_IMAGE,
		modelId: 'wan-2-7-image',
		providerMode: 'omni-image',
		media: { images: ONE_TO_NINE },
		sizeLimits: UP_TO_2K,
	},
	{
		...WAN27_PRO.textToImage,
		...WAN27_IMAGE,
		aspectRatios: undefined,
		modelId: 'wan-2-7-image',
		providerMode: 'omni-image-pro',
		sizeLimits: UP_TO_4K,
	},
	{
		...WAN27_PRO.imageToImage,
		...WAN27_IMAGE,
		modelId: 'wan-2-7-image',
		providerMode: 'omni-image-pro',
		media: { images: ONE_TO_NINE },
		sizeLimits: UP_TO_2K,
	},
];
