import { AT_MOST_ONE, ONE, ONE_TO_FOUR, WAN25_IMAGE_SIZE } from '../../limits';
import type { ImageSizeLimits, ProviderModel, OptionalField } from '../../modelSpec';
import { WAN22, WAN25, WAN26, WAN26_FLASH } from '../../wanModels';

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
		media: { references: { min: 1, max: 5 } },
		optionalFields: REFERENCE_VIDEO,
	},
	{
		...WAN26_FLASH.referenceToVideo,
		modelId: 'wan2.6-r2v-flash',
		media: { references: { min: 1, max: 5 } },
		optionalFields: [...REFERENCE_VIDEO, 'generateAudio'],
	},
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
];
