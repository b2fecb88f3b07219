import { AT_MOST_ONE, ONE, ONE_TO_FOUR } from '../../limits';
import type { CountRange, ProviderModel, OptionalField } from '../../modelSpec';
import { WAN25, WAN26, WAN26_FLASH } from '../../wanModels';

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

/**
 * APIXO's Wan models (seed doc 002; providers.md §2.4). One APIXO model id serves several modes, chosen by
 * `input.mode` (`providerMode`; wan-2-6-video serves the flash variants as modes of its own). The image
 * models take no WxH size, only `aspect_ratio` (text to image). Wan 2.5 video takes `aspect_ratio`; Wan 2.6
 * documents explicit `size` presets (`1280*720`, …), exactly the Wan output sizes for the resolution and ratio.
 * Wan 2.6 image to video requires a prompt here, and wan-2-6-image takes prompts of up to 2000 characters.
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
		media: { references: { min: 1, max: 5 }, audio: AT_MOST_ONE },
		optionalFields: WAN26_VIDEO_OPTIONS,
	},
	{
		...WAN26_FLASH.referenceToVideo,
		modelId: 'wan-2-6-video',
		providerMode: 'reference-to-video-flash',
		shapeAs: 'size',
		media: { references: { min: 1, max: 5 }, audio: AT_MOST_ONE },
		optionalFields: WAN26_FLASH_OPTIONS,
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
];
