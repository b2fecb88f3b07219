import { AT_MOST_ONE, ONE, ONE_TO_FOUR, WAN25_IMAGE_SIZE, WAN27_REFERENCES } from '../../limits';
import type { CountRange, MediaRange, OptionalField, ProviderModel } from '../../modelSpec';
import type { AspectRatio } from '../../types';
import { WAN22, WAN25, WAN26, WAN26_FLASH, WAN27 } from '../../wanModels';

/** How an endpoint family takes what its pages document under different names and types. */
export interface FalFamily {
	/** Endpoint ids it covers start with this. */
	prefix: string;
	/** `duration` as fal's page types it: an enum of strings ("5"), an integer, or not at all (a frame count). */
	duration: 'text' | 'integer' | 'none';
	/** The fields reference images and videos go in. */
	references: { image: string; video: string };
}

/**
 * The families of fal's Wan endpoints, by the pages cited beside each model below. An id outside them
 * (Options → Model ID) is sent as the newest family takes it.
 */
export const FAL_FAMILIES: readonly FalFamily[] = [
	{ prefix: 'fal-ai/wan/v2.2-a14b/', duration: 'none', references: { image: 'image_urls', video: 'video_urls' } },
	{ prefix: 'fal-ai/wan-25-preview/', duration: 'text', references: { image: 'image_urls', video: 'video_urls' } },
	{ prefix: 'wan/v2.6/', duration: 'text', references: { image: 'image_urls', video: 'video_urls' } },
	{ prefix: 'fal-ai/wan/v2.7/', duration: 'integer', references: { image: 'reference_image_urls', video: 'reference_video_urls' } },
];

export function familyOf(endpointId: string): FalFamily {
	return FAL_FAMILIES.find((family) => endpointId.startsWith(family.prefix)) ?? FAL_FAMILIES[FAL_FAMILIES.length - 1];
}

const THREE_RATIOS: readonly AspectRatio[] = ['16:9', '9:16', '1:1'];
const FIVE_OR_TEN: readonly number[] = [5, 10];
const FIVE_TEN_FIFTEEN: readonly number[] = [5, 10, 15];

/** Every Wan video page documents these beside its own fields. */
const VIDEO_OPTIONS: readonly OptionalField[] = ['callbackUrl', 'negativePrompt', 'promptExtend', 'seed'];
/** Wan 2.6 adds `multi_shots` (Shot Type). */
const WAN26_OPTIONS: readonly OptionalField[] = [...VIDEO_OPTIONS, 'shotType'];
const IMAGE_OPTIONS: readonly OptionalField[] = ['callbackUrl', 'negativePrompt', 'seed', 'size'];

/** wan/v2.6/reference-to-video: 1–3 reference videos, no images. */
const WAN26_VIDEO_REFERENCES: MediaRange = { min: 1, max: 3, maxOfType: { image: 0 } };
/** wan/v2.6/reference-to-video/flash: up to 3 videos and 5 images, 5 in all. */
const WAN26_FLASH_REFERENCES: MediaRange = { min: 1, max: 5, maxOfType: { video: 3 } };
const ONE_OR_TWO: CountRange = { min: 1, max: 2 };

/**
 * fal's Wan endpoints, each from its own page on fal.ai (`…/llms.txt` is the page's schema as text).
 * fal serves Wan 2.2 at 480p/580p/720p (580p has no key of ours), Wan 2.5 at 5 or 10 s as the strings
 * "5"/"10", Wan 2.6 at 720p/1080p and 5/10/15 s ("5"…), Wan 2.7 at 2–15 s as an integer.
 */
export const FAL_MODELS: readonly ProviderModel[] = [
	// https://fal.ai/models/fal-ai/wan/v2.2-a14b/text-to-video/api: 480p/580p/720p, 16:9/9:16/1:1, a frame count
	// (default 81 at 16 fps, about 5 s) instead of a duration, which the node leaves at its default.
	{
		...WAN22.textToVideo,
		modelId: 'fal-ai/wan/v2.2-a14b/text-to-video',
		resolutions: ['480p', '720p'],
		aspectRatios: THREE_RATIOS,
		optionalFields: VIDEO_OPTIONS,
	},
	// https://fal.ai/models/fal-ai/wan/v2.2-a14b/image-to-video/llms.txt: `image_url` and `prompt` required.
	{
		...WAN22.imageToVideo,
		modelId: 'fal-ai/wan/v2.2-a14b/image-to-video',
		prompt: { required: true, maxLength: 800 },
		resolutions: ['480p', '720p'],
		media: { firstFrame: ONE },
		optionalFields: VIDEO_OPTIONS,
	},
	// https://fal.ai/models/fal-ai/wan-25-preview/text-to-video/api: 480p/720p/1080p, 16:9/9:16/1:1, "5"/"10",
	// a background `audio_url`.
	{
		...WAN25.textToVideo,
		modelId: 'fal-ai/wan-25-preview/text-to-video',
		aspectRatios: THREE_RATIOS,
		media: { audio: AT_MOST_ONE },
		optionalFields: VIDEO_OPTIONS,
	},
	// https://fal.ai/models/fal-ai/wan-25-preview/image-to-video/llms.txt: prompt required (≤800), `image_url`
	// (a URL or a base64 data URI), `audio_url`.
	{
		...WAN25.imageToVideo,
		modelId: 'fal-ai/wan-25-preview/image-to-video',
		prompt: { required: true, maxLength: 800 },
		media: { firstFrame: ONE, audio: AT_MOST_ONE },
		optionalFields: VIDEO_OPTIONS,
	},
	// https://fal.ai/models/wan/v2.6/text-to-video/api: 720p/1080p, the five ratios, 5/10/15 s, multi-shot. Its
	// schema caps prompts at 800 characters, as the R2V page says (the api page's schema block was not in the
	// store; sunra.ai's copy of the same schema, sunra.ai/models/wan/wan-2.6/text-to-video/llms.txt, shows it).
	{
		...WAN26.textToVideo,
		modelId: 'wan/v2.6/text-to-video',
		prompt: { required: true, maxLength: 800 },
		durations: FIVE_TEN_FIFTEEN,
		media: { audio: AT_MOST_ONE },
		optionalFields: WAN26_OPTIONS,
	},
	// https://fal.ai/models/wan/v2.6/image-to-video/api: the first frame, 720p/1080p, 5/10/15 s, multi-shot.
	{
		...WAN26.imageToVideo,
		modelId: 'wan/v2.6/image-to-video',
		prompt: { required: false, maxLength: 800 },
		durations: FIVE_TEN_FIFTEEN,
		media: { firstFrame: ONE, audio: AT_MOST_ONE },
		optionalFields: WAN26_OPTIONS,
	},
	// https://fal.ai/models/wan/v2.6/reference-to-video/llms.txt: 1–3 `video_urls` (@Video1…), prompt ≤800,
	// the five ratios, 720p/1080p, "5"/"10".
	{
		...WAN26.referenceToVideo,
		modelId: 'wan/v2.6/reference-to-video',
		prompt: { required: true, maxLength: 800 },
		durations: FIVE_OR_TEN,
		media: { references: WAN26_VIDEO_REFERENCES },
		optionalFields: WAN26_OPTIONS,
	},
	// https://fal.ai/models/wan/v2.6/reference-to-video/flash/api: `video_urls` (≤3) then `image_urls` (≤5),
	// 5 in all (Character1…), 720p/1080p, 5/10 s, `enable_audio` (default true).
	{
		...WAN26_FLASH.referenceToVideo,
		modelId: 'wan/v2.6/reference-to-video/flash',
		durations: FIVE_OR_TEN,
		media: { references: WAN26_FLASH_REFERENCES },
		optionalFields: [...WAN26_OPTIONS, 'generateAudio'],
	},
	// https://fal.ai/models/fal-ai/wan/v2.7/image-to-video/llms.txt (the text-to-video endpoint shares its
	// fields): prompt ≤5000, 720p/1080p (default 1080p), 2–15 s as an integer, driving `audio_url`.
	{
		...WAN27.textToVideo,
		modelId: 'fal-ai/wan/v2.7/text-to-video',
		media: { audio: AT_MOST_ONE },
		optionalFields: VIDEO_OPTIONS,
	},
	// https://fal.ai/models/fal-ai/wan/v2.7/image-to-video/llms.txt: one endpoint, three input sets: `image_url`
	// (+ `audio_url`), `image_url` + `end_image_url` (+ `audio_url`), and `video_url` (a 2–10 s clip to continue,
	// "cannot be combined with image_url"). No aspect ratio: the output follows the input.
	{
		...WAN27.imageToVideo,
		modelId: 'fal-ai/wan/v2.7/image-to-video',
		media: { firstFrame: ONE, audio: AT_MOST_ONE },
		optionalFields: VIDEO_OPTIONS,
	},
	{
		...WAN27.firstLastFrameToVideo,
		modelId: 'fal-ai/wan/v2.7/image-to-video',
		media: { firstFrame: ONE, lastFrame: ONE, audio: AT_MOST_ONE },
		optionalFields: VIDEO_OPTIONS,
	},
	{
		...WAN27.extendVideo,
		modelId: 'fal-ai/wan/v2.7/image-to-video',
		media: { video: ONE },
		optionalFields: VIDEO_OPTIONS,
	},
	// https://fal.ai/models/fal-ai/wan/v2.7/reference-to-video/llms.txt: prompt required (≤5000),
	// `reference_image_urls` and `reference_video_urls` (their count is Alibaba's: 1–5 in all), the five ratios.
	{
		...WAN27.referenceToVideo,
		modelId: 'fal-ai/wan/v2.7/reference-to-video',
		media: { references: WAN27_REFERENCES },
		optionalFields: VIDEO_OPTIONS,
	},
	// https://fal.ai/models/fal-ai/wan-25-preview/text-to-image/api: 1–4 images, 768×768 to 1440×1440 pixels,
	// aspect 1:4 to 4:1, `image_size` as {width, height}.
	{
		...WAN25.textToImage,
		modelId: 'fal-ai/wan-25-preview/text-to-image',
		numberOfImages: ONE_TO_FOUR,
		sizeLimits: WAN25_IMAGE_SIZE,
		optionalFields: [...IMAGE_OPTIONS, 'promptExtend'],
	},
	// https://fal.ai/models/fal-ai/wan-25-preview/image-to-image/llms.txt: `image_urls` (1 or 2; more are
	// dropped), prompt ≤2000, 1–4 images, `image_size` 384–1440 px a side.
	{
		...WAN25.imageToImage,
		modelId: 'fal-ai/wan-25-preview/image-to-image',
		media: { images: ONE_OR_TWO },
		numberOfImages: ONE_TO_FOUR,
		sizeLimits: { minPixels: 384 * 384, maxPixels: 1440 * 1440, minAspect: 384 / 1440, maxAspect: 1440 / 384 },
		optionalFields: IMAGE_OPTIONS,
	},
	// https://fal.ai/models/wan/v2.6/image-to-image/api: 1–3 input images ("image 1"… in the prompt), 1–4 images,
	// 768×768 to 1280×1280 pixels, aspect 1:4 to 4:1.
	{
		...WAN26.imageToImage,
		modelId: 'wan/v2.6/image-to-image',
		media: { images: { min: 1, max: 3 } },
		numberOfImages: ONE_TO_FOUR,
		sizeLimits: { minPixels: 768 * 768, maxPixels: 1280 * 1280, minAspect: 1 / 4, maxAspect: 4 },
		optionalFields: [...IMAGE_OPTIONS, 'promptExtend'],
	},
];
