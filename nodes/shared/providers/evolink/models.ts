import { AT_MOST_ONE, ONE, ONE_TO_FOUR, WAN25_IMAGE_SIZE, WAN27_EDIT_REFERENCES, WAN27_REFERENCES, WAN27_VOICES } from '../../limits';
import type { MediaRange, OptionalField, ProviderModel } from '../../modelSpec';
import { WAN25, WAN26, WAN26_FLASH, WAN27 } from '../../wanModels';

/**
 * EvoLink's Wan 2.6 reference models take reference videos only (`video_urls`, at most 3; no image field),
 * per docs.evolink.ai/en/api-manual/video-series/wan2.6/wan2.6-reference-video and
 * .../wan2.6-reference-video-flash: an image reference is refused before anything is sent.
 */
const WAN26_REFERENCES: MediaRange = { min: 1, max: 3, maxOfType: { image: 0 } };

/**
 * Every Wan 2.7 page documents `negative_prompt` (≤500 characters), `seed` (1–2147483647; see the adapter's
 * preflight for 0) and `prompt_extend` (default false), beside the task callback.
 */
const WAN27_OPTIONS: readonly OptionalField[] = ['callbackUrl', 'negativePrompt', 'promptExtend', 'seed'];

/**
 * EvoLink's Wan models (seed docs 000, 001, 004; providers.md §1.3; Wan 2.7: the pages cited beside
 * each entry). Every mode requires a prompt up to Wan 2.6, and Wan 2.5 video takes prompts of up to
 * 2000 characters.
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
		media: { references: WAN26_REFERENCES },
		optionalFields: ['callbackUrl', 'shotType'],
	},
	{
		...WAN26_FLASH.referenceToVideo,
		modelId: 'wan2.6-reference-video-flash',
		media: { references: WAN26_REFERENCES },
		optionalFields: ['callbackUrl', 'generateAudio', 'shotType'],
	},
	// docs.evolink.ai/en/api-manual/video-series/wan2.7/wan2.7-text-to-video: prompt required (≤5000),
	// quality 720p|1080p, all five ratios at both, 2–15 s, one driving audio in `audio_urls`.
	{
		...WAN27.textToVideo,
		modelId: 'wan2.7-text-to-video',
		namedMedia: true,
		media: { audio: AT_MOST_ONE },
		optionalFields: WAN27_OPTIONS,
	},
	// docs.evolink.ai/en/api-manual/video-series/wan2.7/wan2.7-image-to-video: one model, three
	// `generation_mode`s and the six documented inputs: image_start (+ audio_urls), image_start + image_end
	// (+ audio_urls), video_urls[1] (+ image_end). No aspect ratio (it follows the input); prompt optional
	// (≤5000); 720p|1080p; 2–15 s (when continuing, the total length, clip included).
	{
		...WAN27.imageToVideo,
		modelId: 'wan2.7-image-to-video',
		namedMedia: true,
		providerMode: 'first_frame',
		media: { firstFrame: ONE, audio: AT_MOST_ONE },
		optionalFields: WAN27_OPTIONS,
	},
	{
		...WAN27.firstLastFrameToVideo,
		modelId: 'wan2.7-image-to-video',
		namedMedia: true,
		providerMode: 'first_last_frame',
		media: { firstFrame: ONE, lastFrame: ONE, audio: AT_MOST_ONE },
		optionalFields: WAN27_OPTIONS,
	},
	{
		...WAN27.extendVideo,
		modelId: 'wan2.7-image-to-video',
		namedMedia: true,
		providerMode: 'video_continuation',
		media: { video: ONE, lastFrame: AT_MOST_ONE },
		optionalFields: WAN27_OPTIONS,
	},
	// docs.evolink.ai/en/api-manual/video-series/wan2.7/wan2.7-reference-video: prompt required (≤5000);
	// images and videos in `image_urls` / `video_urls`, 1–5 in all; `image_start` optional and not counted;
	// a voice per reference in `model_params.voice_bindings` (at most 5); 2–15 s, 2–10 s with a video.
	// Its `audio_urls` is the older positional form of the voices, not a soundtrack: no Audio URL here.
	{
		...WAN27.referenceToVideo,
		modelId: 'wan2.7-reference-video',
		namedMedia: true,
		media: { references: WAN27_REFERENCES, firstFrame: AT_MOST_ONE, voices: WAN27_VOICES },
		optionalFields: WAN27_OPTIONS,
	},
	// docs.evolink.ai/en/api-manual/video-series/wan2.7/wan2.7-video-edit: exactly one source in
	// `video_urls`, up to 4 reference images in `image_urls`, `keep_original_sound`, prompt optional
	// (≤5000), duration 0 (keep the source's length, the default) or 2–10.
	{
		...WAN27.editVideo,
		modelId: 'wan2.7-video-edit',
		namedMedia: true,
		media: { video: ONE, references: WAN27_EDIT_REFERENCES },
		optionalFields: [...WAN27_OPTIONS, 'keepSourceAudio'],
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
