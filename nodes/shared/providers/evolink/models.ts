import { AT_MOST_ONE, ONE, ONE_TO_FOUR, WAN25_IMAGE_SIZE } from '../../limits';
import type { ProviderModel } from '../../modelSpec';
import { WAN25, WAN26, WAN26_FLASH } from '../../wanModels';

/**
 * EvoLink's Wan models (seed docs 000, 001, 004; providers.md §1.3). Every mode requires a prompt, and
 * Wan 2.5 video takes prompts of up to 2000 characters.
 */
export const EVOLINK_MODELS: readonly ProviderModel[] = [
	{
		...WAN25.textToVideo,
		modelId: 'wan2.5-text-to-video',
		prompt: { required: true, maxLength: 2000 },
		optionalFields: ['callbackUrl', 'promptExtend'],
	},
	{
		...WAN25.imageToVideo,
		modelId: 'wan2.5-image-to-video',
		prompt: { required: true, maxLength: 2000 },
		media: { firstFrame: ONE },
		optionalFields: ['callbackUrl', 'promptExtend'],
	},
	{
		...WAN26.textToVideo,
		modelId: 'wan2.6-text-to-video',
		media: { audio: AT_MOST_ONE },
		optionalFields: ['callbackUrl', 'promptExtend', 'shotType'],
	},
	{
		...WAN26.imageToVideo,
		modelId: 'wan2.6-image-to-video',
		prompt: { required: true, maxLength: 1500 },
		media: { firstFrame: ONE, audio: AT_MOST_ONE },
		optionalFields: ['callbackUrl', 'promptExtend', 'shotType'],
	},
	{
		...WAN26_FLASH.imageToVideo,
		modelId: 'wan2.6-image-to-video-flash',
		prompt: { required: true, maxLength: 1500 },
		media: { firstFrame: ONE, audio: AT_MOST_ONE },
		optionalFields: ['callbackUrl', 'generateAudio', 'promptExtend', 'shotType'],
	},
	{
		...WAN26.referenceToVideo,
		modelId: 'wan2.6-reference-video',
		media: { references: { min: 1, max: 3 } },
		optionalFields: ['callbackUrl', 'shotType'],
	},
	{
		...WAN26_FLASH.referenceToVideo,
		modelId: 'wan2.6-reference-video-flash',
		media: { references: { min: 1, max: 3 } },
		optionalFields: ['callbackUrl', 'generateAudio', 'shotType'],
	},
	{
		...WAN25.textToImage,
		modelId: 'wan2.5-text-to-image',
		numberOfImages: ONE_TO_FOUR,
		sizeLimits: WAN25_IMAGE_SIZE,
		optionalFields: ['callbackUrl', 'promptExtend', 'size'],
	},
	{
		...WAN25.imageToImage,
		modelId: 'wan2.5-image-to-image',
		media: { images: { min: 1, max: 2 } },
		numberOfImages: ONE_TO_FOUR,
		optionalFields: ['callbackUrl'],
	},
];
