import type { CountRange, ModelSpec, OptionalField } from '../catalogue';
import {
	ALL_RATIOS,
	ALL_RESOLUTIONS,
	FIVE_OR_TEN,
	HD_RESOLUTIONS,
	ONE,
	ONE_TO_FOUR,
	TWO_TO_FIFTEEN,
	TWO_TO_TEN,
} from './limits';

const ONE_TO_THREE: CountRange = { min: 1, max: 3 };

/** wan-2-5-video documents the same optional fields for both its modes (seed doc 002). */
const WAN25_VIDEO_OPTIONS: readonly OptionalField[] = [
	'audioUrl',
	'callbackUrl',
	'negativePrompt',
	'promptExtend',
	'seed',
	'watermark',
];
const WAN26_VIDEO_OPTIONS: readonly OptionalField[] = ['audioUrl', 'callbackUrl', 'negativePrompt', 'promptExtend'];
/** `sound` exists only in wan-2-6-video's flash modes. */
const WAN26_FLASH_OPTIONS: readonly OptionalField[] = [...WAN26_VIDEO_OPTIONS, 'generateAudio'];
const IMAGE_OPTIONS: readonly OptionalField[] = ['callbackUrl', 'negativePrompt'];

/**
 * APIXO's Wan models (seed doc 002; providers.md §2.4). One APIXO model id serves several modes, chosen by
 * `input.mode`. The image models take no WxH size, only `aspect_ratio` (text to image).
 */
export const APIXO_MODELS: readonly ModelSpec[] = [
	{
		provider: 'apixo',
		model: 'wan2.5',
		mode: 'textToVideo',
		modelId: 'wan-2-5-video',
		prompt: { required: true, maxLength: 1500 },
		resolutions: ALL_RESOLUTIONS,
		aspectRatios: ALL_RATIOS,
		durations: FIVE_OR_TEN,
		optionalFields: WAN25_VIDEO_OPTIONS,
	},
	{
		provider: 'apixo',
		model: 'wan2.5',
		mode: 'imageToVideo',
		modelId: 'wan-2-5-video',
		prompt: { required: false, maxLength: 1500 },
		resolutions: ALL_RESOLUTIONS,
		durations: FIVE_OR_TEN,
		imageUrls: ONE,
		optionalFields: WAN25_VIDEO_OPTIONS,
	},
	{
		provider: 'apixo',
		model: 'wan2.6',
		mode: 'textToVideo',
		modelId: 'wan-2-6-video',
		prompt: { required: true, maxLength: 1500 },
		resolutions: HD_RESOLUTIONS,
		aspectRatios: ALL_RATIOS,
		durations: TWO_TO_FIFTEEN,
		optionalFields: WAN26_VIDEO_OPTIONS,
	},
	{
		provider: 'apixo',
		model: 'wan2.6',
		mode: 'imageToVideo',
		modelId: 'wan-2-6-video',
		prompt: { required: true, maxLength: 1500 },
		resolutions: HD_RESOLUTIONS,
		durations: TWO_TO_FIFTEEN,
		imageUrls: ONE,
		optionalFields: WAN26_VIDEO_OPTIONS,
	},
	{
		provider: 'apixo',
		model: 'wan2.6-flash',
		mode: 'imageToVideo',
		modelId: 'wan-2-6-video',
		prompt: { required: true, maxLength: 1500 },
		resolutions: HD_RESOLUTIONS,
		durations: TWO_TO_FIFTEEN,
		imageUrls: ONE,
		optionalFields: WAN26_FLASH_OPTIONS,
	},
	{
		provider: 'apixo',
		model: 'wan2.6',
		mode: 'referenceToVideo',
		modelId: 'wan-2-6-video',
		prompt: { required: true, maxLength: 1500 },
		resolutions: HD_RESOLUTIONS,
		aspectRatios: ALL_RATIOS,
		durations: TWO_TO_TEN,
		referenceUrls: { min: 1, max: 5 },
		optionalFields: WAN26_VIDEO_OPTIONS,
	},
	{
		provider: 'apixo',
		model: 'wan2.6-flash',
		mode: 'referenceToVideo',
		modelId: 'wan-2-6-video',
		prompt: { required: true, maxLength: 1500 },
		resolutions: HD_RESOLUTIONS,
		aspectRatios: ALL_RATIOS,
		durations: TWO_TO_TEN,
		referenceUrls: { min: 1, max: 5 },
		optionalFields: WAN26_FLASH_OPTIONS,
	},
	{
		provider: 'apixo',
		model: 'wan2.5',
		mode: 'textToImage',
		modelId: 'wan-2-5-image',
		prompt: { required: true, maxLength: 2000 },
		aspectRatios: ALL_RATIOS,
		numberOfImages: ONE_TO_FOUR,
		optionalFields: IMAGE_OPTIONS,
	},
	{
		provider: 'apixo',
		model: 'wan2.5',
		mode: 'imageToImage',
		modelId: 'wan-2-5-image',
		prompt: { required: true, maxLength: 2000 },
		imageUrls: ONE_TO_THREE,
		numberOfImages: ONE_TO_FOUR,
		optionalFields: IMAGE_OPTIONS,
	},
	{
		provider: 'apixo',
		model: 'wan2.6',
		mode: 'textToImage',
		modelId: 'wan-2-6-image',
		prompt: { required: true, maxLength: 2000 },
		aspectRatios: ALL_RATIOS,
		numberOfImages: ONE_TO_THREE,
		optionalFields: IMAGE_OPTIONS,
	},
	{
		provider: 'apixo',
		model: 'wan2.6',
		mode: 'imageToImage',
		modelId: 'wan-2-6-image',
		prompt: { required: true, maxLength: 2000 },
		imageUrls: ONE_TO_THREE,
		numberOfImages: ONE_TO_THREE,
		optionalFields: IMAGE_OPTIONS,
	},
];
