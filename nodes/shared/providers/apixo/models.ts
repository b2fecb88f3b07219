import type { CountRange, ProviderModel, OptionalField } from '../../modelSpec';
import {
	ALL_RATIOS,
	ALL_RESOLUTIONS,
	AT_MOST_ONE,
	FIVE_OR_TEN,
	HD_RESOLUTIONS,
	ONE,
	ONE_TO_FOUR,
	TWO_TO_FIFTEEN,
	TWO_TO_TEN,
} from '../../limits';

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
 */
export const APIXO_MODELS: readonly ProviderModel[] = [
	{
		model: 'wan2.5',
		mode: 'textToVideo',
		modelId: 'wan-2-5-video',
		providerMode: 'text-to-video',
		shapeAs: 'aspectRatio',
		prompt: { required: true, maxLength: 1500 },
		resolutions: ALL_RESOLUTIONS,
		aspectRatios: ALL_RATIOS,
		durations: FIVE_OR_TEN,
		media: { audio: AT_MOST_ONE },
		optionalFields: WAN25_VIDEO_OPTIONS,
	},
	{
		model: 'wan2.5',
		mode: 'imageToVideo',
		modelId: 'wan-2-5-video',
		providerMode: 'image-to-video',
		prompt: { required: false, maxLength: 1500 },
		resolutions: ALL_RESOLUTIONS,
		durations: FIVE_OR_TEN,
		media: { firstFrame: ONE, audio: AT_MOST_ONE },
		optionalFields: WAN25_VIDEO_OPTIONS,
	},
	{
		model: 'wan2.6',
		mode: 'textToVideo',
		modelId: 'wan-2-6-video',
		providerMode: 'text-to-video',
		shapeAs: 'size',
		prompt: { required: true, maxLength: 1500 },
		resolutions: HD_RESOLUTIONS,
		aspectRatios: ALL_RATIOS,
		durations: TWO_TO_FIFTEEN,
		media: { audio: AT_MOST_ONE },
		optionalFields: WAN26_VIDEO_OPTIONS,
	},
	{
		model: 'wan2.6',
		mode: 'imageToVideo',
		modelId: 'wan-2-6-video',
		providerMode: 'image-to-video',
		prompt: { required: true, maxLength: 1500 },
		resolutions: HD_RESOLUTIONS,
		durations: TWO_TO_FIFTEEN,
		media: { firstFrame: ONE, audio: AT_MOST_ONE },
		optionalFields: WAN26_VIDEO_OPTIONS,
	},
	{
		model: 'wan2.6-flash',
		mode: 'imageToVideo',
		modelId: 'wan-2-6-video',
		providerMode: 'image-to-video-flash',
		prompt: { required: true, maxLength: 1500 },
		resolutions: HD_RESOLUTIONS,
		durations: TWO_TO_FIFTEEN,
		media: { firstFrame: ONE, audio: AT_MOST_ONE },
		optionalFields: WAN26_FLASH_OPTIONS,
	},
	{
		model: 'wan2.6',
		mode: 'referenceToVideo',
		modelId: 'wan-2-6-video',
		providerMode: 'reference-to-video',
		shapeAs: 'size',
		prompt: { required: true, maxLength: 1500 },
		resolutions: HD_RESOLUTIONS,
		aspectRatios: ALL_RATIOS,
		durations: TWO_TO_TEN,
		media: { references: { min: 1, max: 5 }, audio: AT_MOST_ONE },
		optionalFields: WAN26_VIDEO_OPTIONS,
	},
	{
		model: 'wan2.6-flash',
		mode: 'referenceToVideo',
		modelId: 'wan-2-6-video',
		providerMode: 'reference-to-video-flash',
		shapeAs: 'size',
		prompt: { required: true, maxLength: 1500 },
		resolutions: HD_RESOLUTIONS,
		aspectRatios: ALL_RATIOS,
		durations: TWO_TO_TEN,
		media: { references: { min: 1, max: 5 }, audio: AT_MOST_ONE },
		optionalFields: WAN26_FLASH_OPTIONS,
	},
	{
		model: 'wan2.5',
		mode: 'textToImage',
		modelId: 'wan-2-5-image',
		providerMode: 'text-to-image',
		prompt: { required: true, maxLength: 2000 },
		aspectRatios: ALL_RATIOS,
		numberOfImages: ONE_TO_FOUR,
		optionalFields: IMAGE_OPTIONS,
	},
	{
		model: 'wan2.5',
		mode: 'imageToImage',
		modelId: 'wan-2-5-image',
		providerMode: 'image-to-image',
		prompt: { required: true, maxLength: 2000 },
		numberOfImages: ONE_TO_FOUR,
		media: { images: ONE_TO_THREE },
		optionalFields: IMAGE_OPTIONS,
	},
	{
		model: 'wan2.6',
		mode: 'textToImage',
		modelId: 'wan-2-6-image',
		providerMode: 'text-to-image',
		prompt: { required: true, maxLength: 2000 },
		aspectRatios: ALL_RATIOS,
		numberOfImages: ONE_TO_THREE,
		optionalFields: IMAGE_OPTIONS,
	},
	{
		model: 'wan2.6',
		mode: 'imageToImage',
		modelId: 'wan-2-6-image',
		providerMode: 'image-to-image',
		prompt: { required: true, maxLength: 2000 },
		numberOfImages: ONE_TO_THREE,
		media: { images: ONE_TO_THREE },
		optionalFields: IMAGE_OPTIONS,
	},
];
