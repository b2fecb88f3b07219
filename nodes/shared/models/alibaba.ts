import type { ImageSizeLimits, ModelSpec, OptionalField } from '../catalogue';
import type { Resolution } from '../types';
import {
	ALL_RATIOS,
	ALL_RESOLUTIONS,
	FIVE_OR_TEN,
	HD_RESOLUTIONS,
	ONE,
	ONE_TO_FOUR,
	TWO_TO_FIFTEEN,
	TWO_TO_TEN,
	WAN25_IMAGE_SIZE,
} from './limits';

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
const VIDEO_WITH_AUDIO: readonly OptionalField[] = [...VIDEO_BASE, 'audioUrl'];
const WAN26_VIDEO: readonly OptionalField[] = [...VIDEO_WITH_AUDIO, 'shotType'];
const REFERENCE_VIDEO: readonly OptionalField[] = ['negativePrompt', 'seed', 'shotType', 'watermark'];

/**
 * Alibaba Cloud Model Studio (DashScope) Wan models (providers.md §3). Image to video takes the prompt as
 * optional; there the output follows the image, so no aspect ratio.
 */
export const ALIBABA_MODELS: readonly ModelSpec[] = [
	{
		provider: 'alibaba',
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
		provider: 'alibaba',
		model: 'wan2.5',
		mode: 'textToVideo',
		modelId: 'wan2.5-t2v-preview',
		prompt: { required: true, maxLength: 1500 },
		resolutions: ALL_RESOLUTIONS,
		aspectRatios: ALL_RATIOS,
		durations: FIVE_OR_TEN,
		optionalFields: VIDEO_WITH_AUDIO,
	},
	{
		provider: 'alibaba',
		model: 'wan2.6',
		mode: 'textToVideo',
		modelId: 'wan2.6-t2v',
		prompt: { required: true, maxLength: 1500 },
		resolutions: HD_RESOLUTIONS,
		aspectRatios: ALL_RATIOS,
		durations: TWO_TO_FIFTEEN,
		optionalFields: WAN26_VIDEO,
	},
	{
		provider: 'alibaba',
		model: 'wan2.2',
		mode: 'imageToVideo',
		modelId: 'wan2.2-i2v-plus',
		prompt: { required: false, maxLength: 800 },
		resolutions: WAN22_RESOLUTIONS,
		durations: [5],
		imageUrls: ONE,
		optionalFields: VIDEO_BASE,
	},
	{
		provider: 'alibaba',
		model: 'wan2.5',
		mode: 'imageToVideo',
		modelId: 'wan2.5-i2v-preview',
		prompt: { required: false, maxLength: 1500 },
		resolutions: ALL_RESOLUTIONS,
		durations: FIVE_OR_TEN,
		imageUrls: ONE,
		optionalFields: VIDEO_WITH_AUDIO,
	},
	{
		provider: 'alibaba',
		model: 'wan2.6',
		mode: 'imageToVideo',
		modelId: 'wan2.6-i2v',
		prompt: { required: false, maxLength: 1500 },
		resolutions: HD_RESOLUTIONS,
		durations: TWO_TO_FIFTEEN,
		imageUrls: ONE,
		optionalFields: WAN26_VIDEO,
	},
	{
		provider: 'alibaba',
		model: 'wan2.6-flash',
		mode: 'imageToVideo',
		modelId: 'wan2.6-i2v-flash',
		prompt: { required: false, maxLength: 1500 },
		resolutions: HD_RESOLUTIONS,
		durations: TWO_TO_FIFTEEN,
		imageUrls: ONE,
		optionalFields: [...WAN26_VIDEO, 'generateAudio'],
	},
	{
		provider: 'alibaba',
		model: 'wan2.6',
		mode: 'referenceToVideo',
		modelId: 'wan2.6-r2v',
		prompt: { required: true, maxLength: 1500 },
		resolutions: HD_RESOLUTIONS,
		aspectRatios: ALL_RATIOS,
		durations: TWO_TO_TEN,
		referenceUrls: { min: 1, max: 5 },
		optionalFields: REFERENCE_VIDEO,
	},
	{
		provider: 'alibaba',
		model: 'wan2.6-flash',
		mode: 'referenceToVideo',
		modelId: 'wan2.6-r2v-flash',
		prompt: { required: true, maxLength: 1500 },
		resolutions: HD_RESOLUTIONS,
		aspectRatios: ALL_RATIOS,
		durations: TWO_TO_TEN,
		referenceUrls: { min: 1, max: 5 },
		optionalFields: [...REFERENCE_VIDEO, 'generateAudio'],
	},
	{
		provider: 'alibaba',
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
		provider: 'alibaba',
		model: 'wan2.5',
		mode: 'imageToImage',
		modelId: 'wan2.5-i2i-preview',
		prompt: { required: true, maxLength: 2000 },
		imageUrls: { min: 1, max: 3 },
		numberOfImages: ONE_TO_FOUR,
		sizeLimits: EDIT_IMAGE_SIZE,
		optionalFields: ['negativePrompt', 'seed', 'size', 'watermark'],
	},
	{
		provider: 'alibaba',
		model: 'wan2.6',
		mode: 'textToImage',
		modelId: 'wan2.6-t2i',
		prompt: { required: true, maxLength: 2100 },
		aspectRatios: ALL_RATIOS,
		numberOfImages: ONE_TO_FOUR,
		// The docs state 1280*1280 as the floor but recommend 1696*960 etc. below it; wan2.5's range it is.
		sizeLimits: WAN25_IMAGE_SIZE,
		optionalFields: ['negativePrompt', 'promptExtend', 'seed', 'size', 'watermark'],
	},
	{
		provider: 'alibaba',
		model: 'wan2.6',
		mode: 'imageToImage',
		modelId: 'wan2.6-image',
		prompt: { required: true, maxLength: 2000 },
		imageUrls: { min: 1, max: 4 },
		numberOfImages: ONE_TO_FOUR,
		sizeLimits: EDIT_IMAGE_SIZE,
		optionalFields: ['negativePrompt', 'promptExtend', 'seed', 'size', 'watermark'],
	},
];
