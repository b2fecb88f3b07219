import { AT_MOST_ONE, ONE, ONE_TO_FOUR, WAN25_IMAGE_SIZE, WAN27_REFERENCES } from '../../limits';
import type { MediaRange, OptionalField, ProviderModel } from '../../modelSpec';
import type { AspectRatio, Resolution } from '../../types';
import { WAN26, WAN26_FLASH, WAN27 } from '../../wanModels';

const HD: readonly Resolution[] = ['720p', '1080p'];
/** The `size` presets of the Wan 2.6 text and reference pages: 1280*720, 720*1280, 1920*1080, 1080*1920. */
const LANDSCAPE_OR_PORTRAIT: readonly AspectRatio[] = ['16:9', '9:16'];
const FIVE_TEN_FIFTEEN: readonly number[] = [5, 10, 15];
const FIVE_OR_TEN: readonly number[] = [5, 10];

/** The task webhook (`?webhook=`, https://wavespeed.ai/docs/how-to-use-webhooks) is the same on every model. */
const WAN26_VIDEO: readonly OptionalField[] = ['callbackUrl', 'negativePrompt', 'promptExtend', 'seed', 'shotType'];

/** wan-2.6/reference-to-video: `videos`, 1–2 reference clips and no image. */
const WAN26_REFERENCE_VIDEOS: MediaRange = { min: 1, max: 2, maxOfType: { image: 0 } };
/** wan-2.6/reference-to-video-flash: `reference_urls`, 1–5 reference images and no video. */
const WAN26_FLASH_REFERENCE_IMAGES: MediaRange = { min: 1, max: 5, maxOfType: { video: 0 } };
/** wan-2.7/reference-to-video: `videos` (one or more, required) and at most one `image`. */
const WAN27_REFERENCE_MEDIA: MediaRange = { ...WAN27_REFERENCES, maxOfType: { image: 1 }, minOfType: { video: 1 } };

/**
 * WaveSpeed's Wan models (its model pages under https://wavespeed.ai/docs/docs-api/alibaba/, cited per entry;
 * the model id is the path after `/api/v3/`). Every Wan 2.6 video page takes `enable_prompt_expansion`; the
 * image page takes `prompt_extend` (the adapter sends each model its own name).
 */
export const WAVESPEED_MODELS: readonly ProviderModel[] = [
	// https://wavespeed.ai/docs/docs-api/alibaba/alibaba-wan-2.6-text-to-video: prompt required, `size` presets 720p/1080p landscape or portrait,
	// duration 5/10/15, optional `audio` URL, shot_type, enable_prompt_expansion, seed.
	{
		...WAN26.textToVideo,
		modelId: 'alibaba/wan-2.6/text-to-video',
		aspectRatios: LANDSCAPE_OR_PORTRAIT,
		durations: FIVE_TEN_FIFTEEN,
		shapeAs: 'size',
		media: { audio: AT_MOST_ONE },
		optionalFields: WAN26_VIDEO,
	},
	// WaveSpeed's own Wan 2.6 skill (github.com/WaveSpeedAI/agent-skills, skills/wavespeed-wan-26/SKILL.md): `image`
	// and `prompt` required, `resolution` 720p/1080p, duration 5/10/15, `audio`, shot_type, prompt expansion, seed.
	{
		...WAN26.imageToVideo,
		modelId: 'alibaba/wan-2.6/image-to-video',
		prompt: { ...WAN26.imageToVideo.prompt, required: true },
		durations: FIVE_TEN_FIFTEEN,
		media: { firstFrame: ONE, audio: AT_MOST_ONE },
		optionalFields: WAN26_VIDEO,
	},
	// https://wavespeed.ai/docs/docs-api/alibaba/alibaba-wan-2.6-image-to-video-flash: as above, duration "up to 15" (Alibaba's 2–15 kept), and
	// `enable_audio` (default on).
	{
		...WAN26_FLASH.imageToVideo,
		modelId: 'alibaba/wan-2.6/image-to-video-flash',
		prompt: { ...WAN26_FLASH.imageToVideo.prompt, required: true },
		media: { firstFrame: ONE, audio: AT_MOST_ONE },
		optionalFields: [...WAN26_VIDEO, 'generateAudio'],
	},
	// https://wavespeed.ai/docs/docs-api/alibaba/alibaba-wan-2.6-reference-to-video: `videos` 1–2 clips, `size` presets, duration 5 or 10, `audio`,
	// shot_type, prompt expansion. The page lists no seed.
	{
		...WAN26.referenceToVideo,
		modelId: 'alibaba/wan-2.6/reference-to-video',
		aspectRatios: LANDSCAPE_OR_PORTRAIT,
		durations: FIVE_OR_TEN,
		shapeAs: 'size',
		media: { references: WAN26_REFERENCE_VIDEOS, audio: AT_MOST_ONE },
		optionalFields: ['callbackUrl', 'negativePrompt', 'promptExtend', 'shotType'],
	},
	// https://wavespeed.ai/docs/docs-api/alibaba/alibaba-wan-2.6-reference-to-video-flash: `reference_urls` 1–5 images, `size` presets, duration 5 or
	// 10, `audio`, shot_type, enable_audio, prompt expansion, seed.
	{
		...WAN26_FLASH.referenceToVideo,
		modelId: 'alibaba/wan-2.6/reference-to-video-flash',
		aspectRatios: LANDSCAPE_OR_PORTRAIT,
		durations: FIVE_OR_TEN,
		shapeAs: 'size',
		media: { references: WAN26_FLASH_REFERENCE_IMAGES, audio: AT_MOST_ONE },
		optionalFields: [...WAN26_VIDEO, 'generateAudio'],
	},
	// https://wavespeed.ai/docs/docs-api/alibaba/alibaba-wan-2.7-reference-to-video: `videos` required ("Video 1", "Video 2" … in the prompt), one
	// optional `image`, `resolution` 720p/1080p, negative prompt, prompt expansion. It names no aspect ratio;
	// the duration is Alibaba's for a reference video (2–10 s), as every one of its requests has one.
	{
		...WAN27.referenceToVideo,
		modelId: 'alibaba/wan-2.7/reference-to-video',
		resolutions: HD,
		aspectRatios: undefined,
		durations: WAN27.referenceToVideo.durationsWithReferenceVideo,
		durationsWithReferenceVideo: undefined,
		media: { references: WAN27_REFERENCE_MEDIA },
		optionalFields: ['callbackUrl', 'negativePrompt', 'promptExtend'],
	},
	// https://wavespeed.ai/docs/docs-api/alibaba/alibaba-wan-2.6-text-to-image: prompt, negative_prompt, `size` as width*height within Alibaba's pixel
	// range and 1:4–4:1, `n` 1–4, prompt_extend, watermark, seed.
	{
		...WAN26.textToImage,
		modelId: 'alibaba/wan-2.6/text-to-image',
		numberOfImages: ONE_TO_FOUR,
		sizeLimits: WAN25_IMAGE_SIZE,
		optionalFields: ['callbackUrl', 'negativePrompt', 'promptExtend', 'seed', 'size', 'watermark'],
	},
];
