import { AT_MOST_ONE, IMAGE_SET, ONE, ONE_TO_FOUR, ONE_TO_NINE, WAN30_REFERENCES } from '../../limits';
import type { MediaRange, OptionalField, ProviderModel } from '../../modelSpec';
import type { AspectRatio, Resolution } from '../../types';
import { WAN22, WAN25, WAN26, WAN26_FLASH, WAN27, WAN27_PRO, WAN30 } from '../../wanModels';
import { tierSizeLimits } from '../imageTiers';

/**
 * Kie.ai's Wan models on its market API (`POST /api/v1/jobs/createTask` with `{model, callBackUrl, input}`),
 * one Kie model id per mode. Every entry cites its page under https://docs.kie.ai/market/wan/; the limits are
 * Wan's (wanModels.ts) except where the page says otherwise. The request body of each family is built in
 * `input.ts`.
 */

const HD: readonly Resolution[] = ['720p', '1080p'];
const FIVE_OR_TEN: readonly number[] = [5, 10];
const FIVE_TEN_FIFTEEN: readonly number[] = [5, 10, 15];
const TWO_TO_TEN: readonly number[] = Array.from({ length: 9 }, (_, i) => i + 2);
/** The three ratios Kie's Wan 2.2 and 2.5 text-to-video pages list. */
const THREE_RATIOS: readonly AspectRatio[] = ['16:9', '9:16', '1:1'];

/** Wan 2.2 A14B Turbo and Wan 2.5: `enable_prompt_expansion` and `seed`. */
const EXPANSION_SEED: readonly OptionalField[] = ['callbackUrl', 'promptExtend', 'seed'];
/** Wan 2.5 also takes `negative_prompt`. */
const WAN25_OPTIONS: readonly OptionalField[] = ['callbackUrl', 'negativePrompt', 'promptExtend', 'seed'];
/** Wan 2.6 pages document only prompt, media, duration and resolution. */
const WAN26_OPTIONS: readonly OptionalField[] = ['callbackUrl'];
/** Wan 2.6 Flash adds `audio` (sound on or off) and `multi_shots`. */
const WAN26_FLASH_OPTIONS: readonly OptionalField[] = ['callbackUrl', 'generateAudio', 'shotType'];
/** Every Wan 2.7 video page: negative_prompt, prompt_extend, watermark, seed. */
const WAN27_OPTIONS: readonly OptionalField[] = ['callbackUrl', 'negativePrompt', 'promptExtend', 'seed', 'watermark'];

/** wan/2-6-video-to-video and its flash twin: 1–3 reference videos in `video_urls`, no images. */
const WAN26_REFERENCE_VIDEOS: MediaRange = { min: 1, max: 3, maxOfType: { image: 0 } };
/** wan/2-7-r2v: `reference_image` and `reference_video`, five at most together. */
const WAN27_REFERENCES: MediaRange = { min: 1, max: 5 };
/** wan/2-7-videoedit takes one `reference_image` (a string, not a list). */
const WAN27_EDIT_REFERENCE: MediaRange = { min: 0, max: 1, maxOfType: { video: 0 } };

const WAN30_OPTIONS: readonly OptionalField[] = ['callbackUrl', 'generateAudio', 'seed'];
/** What each Wan 3.0 mode takes: frames and references are never mixed; the Audio URL is a reference_audio. */
const WAN30_MEDIA: Record<'textToVideo' | 'imageToVideo' | 'firstLastFrameToVideo' | 'referenceToVideo', ProviderModel['media']> = {
	textToVideo: undefined,
	imageToVideo: { firstFrame: ONE },
	firstLastFrameToVideo: { firstFrame: ONE, lastFrame: ONE },
	referenceToVideo: { references: WAN30_REFERENCES, audio: AT_MOST_ONE },
};

/**
 * wan/2-7-image-pro: `input_urls` 0–9, `n` 1–4 (1–12 as a set), `aspect_ratio` without input images, and
 * the `resolution` tier (1K/2K/4K, 4K for text to image only) as the Size option names it (imageTiers.ts).
 */
const WAN27_IMAGE: Pick<ProviderModel, 'modelId' | 'numberOfImages' | 'imageSetSize' | 'optionalFields'> = {
	modelId: 'wan/2-7-image-pro',
	numberOfImages: ONE_TO_FOUR,
	imageSetSize: IMAGE_SET,
	optionalFields: ['callbackUrl', 'imageSet', 'seed', 'size', 'watermark'],
};

/**
 * Wan 3.0: one model for text, first frame, first and last frame, and references (images, videos and an
 * audio clip); Wan 3.0's limits; `audio` switches the sound; no negative prompt, prompt extension or watermark.
 */
function wan30(model: string, modelId: string): ProviderModel[] {
	return (['textToVideo', 'imageToVideo', 'firstLastFrameToVideo', 'referenceToVideo'] as const).map((mode) => ({
		...WAN30[mode],
		model,
		modelId,
		media: WAN30_MEDIA[mode],
		optionalFields: WAN30_OPTIONS,
	}));
}

export const KIE_MODELS: readonly ProviderModel[] = [
	// https://docs.kie.ai/market/wan/2-2-a14b-text-to-video-turbo: resolution 480p/720p (580p has no key here),
	// aspect_ratio, enable_prompt_expansion, seed; no duration field (Wan 2.2's fixed 5 s clip).
	{
		...WAN22.textToVideo,
		modelId: 'wan/2-2-a14b-text-to-video-turbo',
		resolutions: ['480p', '720p'],
		aspectRatios: THREE_RATIOS,
		optionalFields: EXPANSION_SEED,
	},
	// https://docs.kie.ai/market/wan/2-2-a14b-image-to-video-turbo: image_url, a prompt (required), the same fields;
	// aspect_ratio is sent as the page's "auto" (the image's shape).
	{
		...WAN22.imageToVideo,
		modelId: 'wan/2-2-a14b-image-to-video-turbo',
		prompt: { ...WAN22.imageToVideo.prompt, required: true },
		resolutions: ['480p', '720p'],
		media: { firstFrame: ONE },
		optionalFields: EXPANSION_SEED,
	},
	// https://docs.kie.ai/market/wan/2-5-text-to-video: prompt ≤ 800, duration "5"/"10", three ratios, 720p/1080p.
	{
		...WAN25.textToVideo,
		modelId: 'wan/2-5-text-to-video',
		prompt: { required: true, maxLength: 800 },
		resolutions: HD,
		aspectRatios: THREE_RATIOS,
		optionalFields: WAN25_OPTIONS,
	},
	// https://docs.kie.ai/market/wan/2-5-image-to-video: image_url, prompt required (≤ 800), no ratio.
	{
		...WAN25.imageToVideo,
		modelId: 'wan/2-5-image-to-video',
		prompt: { required: true, maxLength: 800 },
		resolutions: HD,
		media: { firstFrame: ONE },
		optionalFields: WAN25_OPTIONS,
	},
	// https://docs.kie.ai/market/wan/2-6-text-to-video: prompt ≤ 5000, duration "5"/"10"/"15", 720p/1080p, no ratio.
	{
		...WAN26.textToVideo,
		modelId: 'wan/2-6-text-to-video',
		prompt: { required: true, maxLength: 5000 },
		aspectRatios: undefined,
		durations: FIVE_TEN_FIFTEEN,
		optionalFields: WAN26_OPTIONS,
	},
	// https://docs.kie.ai/market/wan/2-6-image-to-video: image_urls (one), prompt required (≤ 5000).
	{
		...WAN26.imageToVideo,
		modelId: 'wan/2-6-image-to-video',
		prompt: { required: true, maxLength: 5000 },
		durations: FIVE_TEN_FIFTEEN,
		media: { firstFrame: ONE },
		optionalFields: WAN26_OPTIONS,
	},
	// https://docs.kie.ai/market/wan/2-6-video-to-video: the characters of 1–3 videos (video_urls) in a new clip,
	// Alibaba's wan2.6-r2v; duration "5"/"10"; no ratio on Kie's page.
	{
		...WAN26.referenceToVideo,
		modelId: 'wan/2-6-video-to-video',
		prompt: { required: true, maxLength: 5000 },
		aspectRatios: undefined,
		durations: FIVE_OR_TEN,
		media: { references: WAN26_REFERENCE_VIDEOS },
		optionalFields: WAN26_OPTIONS,
	},
	// https://docs.kie.ai/market/wan/2-6-flash-image-to-video: prompt ≤ 1500, `audio` (required: sent always),
	// `multi_shots`.
	{
		...WAN26_FLASH.imageToVideo,
		modelId: 'wan/2-6-flash-image-to-video',
		prompt: { required: true, maxLength: 1500 },
		durations: FIVE_TEN_FIFTEEN,
		media: { firstFrame: ONE },
		optionalFields: WAN26_FLASH_OPTIONS,
	},
	// https://docs.kie.ai/market/wan/2-6-flash-video-to-video: video_urls 1–3, prompt ≤ 1500, duration "5"/"10".
	{
		...WAN26_FLASH.referenceToVideo,
		modelId: 'wan/2-6-flash-video-to-video',
		prompt: { required: true, maxLength: 1500 },
		aspectRatios: undefined,
		durations: FIVE_OR_TEN,
		media: { references: WAN26_REFERENCE_VIDEOS },
		optionalFields: WAN26_FLASH_OPTIONS,
	},
	// https://docs.kie.ai/market/wan/2-7-text-to-video: `ratio` (not aspect_ratio), optional audio_url, 2–15 s.
	{
		...WAN27.textToVideo,
		modelId: 'wan/2-7-text-to-video',
		media: { audio: AT_MOST_ONE },
		optionalFields: WAN27_OPTIONS,
	},
	// https://docs.kie.ai/market/wan/2-7-image-to-video serves three modes, told apart by the fields sent:
	// first_frame_url (+ driving_audio_url); first_frame_url + last_frame_url (+ audio); first_clip_url. Its
	// schema requires a prompt in every mode.
	{
		...WAN27.imageToVideo,
		modelId: 'wan/2-7-image-to-video',
		prompt: { ...WAN27.imageToVideo.prompt, required: true },
		media: { firstFrame: ONE, audio: AT_MOST_ONE },
		optionalFields: WAN27_OPTIONS,
	},
	{
		...WAN27.firstLastFrameToVideo,
		modelId: 'wan/2-7-image-to-video',
		prompt: { ...WAN27.firstLastFrameToVideo.prompt, required: true },
		media: { firstFrame: ONE, lastFrame: ONE, audio: AT_MOST_ONE },
		optionalFields: WAN27_OPTIONS,
	},
	// Continuing a clip: first_clip_url alone (the page lists no last frame or audio with it).
	{
		...WAN27.extendVideo,
		modelId: 'wan/2-7-image-to-video',
		prompt: { ...WAN27.extendVideo.prompt, required: true },
		media: { video: ONE },
		optionalFields: WAN27_OPTIONS,
	},
	// https://docs.kie.ai/market/wan/2-7-r2v: reference_image / reference_video (≤ 5 together), an optional
	// first_frame, one reference_voice; 2–10 s whatever the references are.
	{
		...WAN27.referenceToVideo,
		modelId: 'wan/2-7-r2v',
		durations: TWO_TO_TEN,
		durationsWithReferenceVideo: undefined,
		media: { references: WAN27_REFERENCES, firstFrame: AT_MOST_ONE, voices: AT_MOST_ONE },
		optionalFields: WAN27_OPTIONS,
	},
	// https://docs.kie.ai/market/wan/2-7-videoedit: video_url, one reference_image, optional aspect_ratio (not
	// offered: the edit keeps its source's shape), 0 or 2–10 s, audio_setting auto/origin.
	{
		...WAN27.editVideo,
		modelId: 'wan/2-7-videoedit',
		media: { video: ONE, references: WAN27_EDIT_REFERENCE },
		optionalFields: [...WAN27_OPTIONS, 'keepSourceAudio'],
	},
	// https://docs.kie.ai/market/wan/2-7-image-pro: text to image (no input_urls; aspect_ratio, up to 4K) and
	// image editing (input_urls 1–9).
	{ ...WAN27_PRO.textToImage, ...WAN27_IMAGE, sizeLimits: tierSizeLimits('4k') },
	{ ...WAN27_PRO.imageToImage, ...WAN27_IMAGE, media: { images: ONE_TO_NINE }, sizeLimits: tierSizeLimits('2k') },
	// https://docs.kie.ai/market/wan/3-0-video and https://docs.kie.ai/market/wan/3-0-prime-video (the faster
	// `wan/3-0-video-prime`, the same fields).
	...wan30('wan3.0', 'wan/3-0-video'),
	...wan30('wan3.0-prime', 'wan/3-0-video-prime'),
];
