import type { ImageSizeLimits, ProviderModel, OptionalField } from '../../modelSpec';
import type { Resolution } from '../../types';
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
	WAN25_IMAGE_SIZE,
} from '../../limits';

/** Wan 2.2 serves 480P and 1080P, not 720P. */
const WAN22_RESOLUTIONS: readonly Resolution[] = ['480p', '1080p'];

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

/**
 * Alibaba Cloud Model Studio (DashScope) Wan models (providers.md §3). Image to video takes the prompt as
 * optional; there the output follows the image, so no aspect ratio.
 */
export const ALIBABA_MODELS: readonly ProviderModel[] = [
	{
		model: 'wan2.2',
		mode: 'textToVideo',
		modelId: 'wan2.2-t2v-plus',
		prompt: { required: true, maxLength: 800 },
		resolutions: WAN22_RESOLUTIONS,
		aspectRatios: ALL_RATIOS,
		durations: [5],
		optionalFields: VIDEO_BASE,
	},
	{
		model: 'wan2.5',
		mode: 'textToVideo',
		modelId: 'wan2.5-t2v-preview',
		prompt: { required: true, maxLength: 1500 },
		resolutions: ALL_RESOLUTIONS,
		aspectRatios: ALL_RATIOS,
		durations: FIVE_OR_TEN,
		media: { audio: AT_MOST_ONE },
		optionalFields: VIDEO_BASE,
	},
	{
		model: 'wan2.6',
		mode: 'textToVideo',
		modelId: 'wan2.6-t2v',
		prompt: { required: true, maxLength: 1500 },
		resolutions: HD_RESOLUTIONS,
		aspectRatios: ALL_RATIOS,
		durations: TWO_TO_FIFTEEN,
		media: { audio: AT_MOST_ONE },
		optionalFields: WAN26_VIDEO,
	},
	{
		model: 'wan2.2',
		mode: 'imageToVideo',
		modelId: 'wan2.2-i2v-plus',
		prompt: { required: false, maxLength: 800 },
		resolutions: WAN22_RESOLUTIONS,
		durations: [5],
		media: { firstFrame: ONE },
		optionalFields: VIDEO_BASE,
	},
	{
		model: 'wan2.5',
		mode: 'imageToVideo',
		modelId: 'wan2.5-i2v-preview',
		prompt: { required: false, maxLength: 1500 },
		resolutions: ALL_RESOLUTIONS,
		durations: FIVE_OR_TEN,
		media: { firstFrame: ONE, audio: AT_MOST_ONE },
		optionalFields: VIDEO_BASE,
	},
	{
		model: 'wan2.6',
		mode: 'imageToVideo',
		modelId: 'wan2.6-i2v',
		prompt: { required: false, maxLength: 1500 },
		resolutions: HD_RESOLUTIONS,
		durations: TWO_TO_FIFTEEN,
		media: { firstFrame: ONE, audio: AT_MOST_ONE },
		optionalFields: WAN26_VIDEO,
	},
	{
		model: 'wan2.6-flash',
		mode: 'imageToVideo',
		modelId: 'wan2.6-i2v-flash',
		prompt: { required: false, maxLength: 1500 },
		resolutions: HD_RESOLUTIONS,
		durations: TWO_TO_FIFTEEN,
		media: { firstFrame: ONE, audio: AT_MOST_ONE },
		optionalFields: [...WAN26_VIDEO, 'generateAudio'],
	},
	{
		model: 'wan2.6',
		mode: 'referenceToVideo',
		modelId: 'wan2.6-r2v',
		prompt: { required: true, maxLength: 1500 },
		resolutions: HD_RESOLUTIONS,
		aspectRatios: ALL_RATIOS,
		durations: TWO_TO_TEN,
		media: { references: { min: 1, max: 5 } },
		optionalFields: REFERENCE_VIDEO,
	},
	{
		model: 'wan2.6-flash',
		mode: 'referenceToVideo',
		modelId: 'wan2.6-r2v-flash',
		prompt: { required: true, maxLength: 1500 },
		resolutions: HD_RESOLUTIONS,
		aspectRatios: ALL_RATIOS,
		durations: TWO_TO_TEN,
		media: { references: { min: 1, max: 5 } },
		optionalFields: [...REFERENCE_VIDEO, 'generateAudio'],
	},
	{
		model: 'wan2.5',
		mode: 'textToImage',
		modelId: 'wan2.5-t2i-preview',
		prompt: { required: true, maxLength: 2000 },
		aspectRatios: ALL_RATIOS,
		numberOfImages: ONE_TO_FOUR,
		sizeLimits: WAN25_IMAGE_SIZE,
		optionalFields: ['negativePrompt', 'promptExtend', 'seed', 'size', 'watermark'],
	},
	{
		model: 'wan2.5',
		mode: 'imageToImage',
		modelId: 'wan2.5-i2i-preview',
		prompt: { required: true, maxLength: 2000 },
		media: { images: { min: 1, max: 3 } },
		numberOfImages: ONE_TO_FOUR,
		sizeLimits: EDIT_IMAGE_SIZE,
		optionalFields: ['negativePrompt', 'seed', 'size', 'watermark'],
	},
	{
		model: 'wan2.6',
		mode: 'textToImage',
		modelId: 'wan2.6-t2i',
		messagesProtocol: true,
		prompt: { required: true, maxLength: 2100 },
		aspectRatios: ALL_RATIOS,
		numberOfImages: ONE_TO_FOUR,
		// The docs state 1280*1280 as the floor but recommend 1696*960 etc. below it; wan2.5's range it is.
		sizeLimits: WAN25_IMAGE_SIZE,
		optionalFields: ['negativePrompt', 'promptExtend', 'seed', 'size', 'watermark'],
	},
	{
		model: 'wan2.6',
		mode: 'imageToImage',
		modelId: 'wan2.6-image',
		messagesProtocol: true,
		prompt: { required: true, maxLength: 2000 },
		media: { images: { min: 1, max: 4 } },
		numberOfImages: ONE_TO_FOUR,
		sizeLimits: EDIT_IMAGE_SIZE,
		optionalFields: ['negativePrompt', 'promptExtend', 'seed', 'size', 'watermark'],
	},
];
